/**
 * The gamma function family as differentiable array functions: gammaln, gamma,
 * digamma (psi), polygamma, betaln (SciPy's names in camelCase). Kernels:
 * `kernels/gamma.ts`, `kernels/digamma.ts`, `kernels/beta.ts`. Derivatives:
 * gammaln' = ψ, Γ' = Γψ, ψ⁽ⁿ⁾' = ψ⁽ⁿ⁺¹⁾, ∂ log B(a,b)/∂a = ψ(a) - ψ(a+b).
 */
import { add, multiply, subtract } from '../../ops';
import { gamma as gammaK, gammaSign as gammaSignK, lgamma } from './kernels/gamma';
import { digamma as digammaK, polygamma as polygammaK } from './kernels/digamma';
import { betaln as betalnK } from './kernels/beta';
import { realResult, specialBinary, specialUnary } from './define';

/**
 * log|Γ(x)| (SciPy's gammaln): +∞ at the poles 0, -1, -2, …; accurate to a few
 * ulp relative on x > 0, including near the zeros at 1 and 2. Derivative ψ(x).
 * @example gammaln(10)  // 12.801827480081469
 */
export const gammaln = specialUnary({
  name: 'gammaln',
  resultDType: realResult('gammaln'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = lgamma(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, digamma(x)),
});

/**
 * The gamma function Γ(x): ±∞ at ±0, NaN at the negative integers, overflow
 * to ∞ above 171.62. Derivative Γ(x)ψ(x).
 * @example gamma(5)  // 24
 */
export const gamma = specialUnary({
  name: 'gamma',
  resultDType: realResult('gamma'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = gammaK(a[ai]);
  },
  vjp: (g, out, x) => multiply(g, multiply(out, digamma(x))),
});

/**
 * The sign of Γ(x) (SciPy's gammasgn): ±1, NaN at the poles. Not differentiable.
 * @example gammasgn(-0.5)  // -1
 */
export const gammasgn = specialUnary({
  name: 'gammasgn',
  resultDType: realResult('gammasgn'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = gammaSignK(a[ai]);
  },
  vjp: 'none',
});

/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x) (SciPy's digamma / psi), accurate
 * through its positive root x₀ = 1.4616…. Derivative polygamma(1, x).
 * @example digamma(1)  // -0.5772156649015329
 */
export const digamma = specialUnary({
  name: 'digamma',
  resultDType: realResult('digamma'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = digammaK(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, polygamma(1, x)),
});

/**
 * SciPy's other name for {@link digamma}.
 * @example psi(1)  // -0.5772156649015329 (−γ, the Euler–Mascheroni constant)
 */
export const psi = digamma;

/**
 * The polygamma function ψ⁽ⁿ⁾(x), the n-th derivative of ψ (n = 0 is ψ).
 * `n` broadcasts against `x`; a negative or non-integer n gives NaN, as in
 * SciPy. Differentiable in x (derivative ψ⁽ⁿ⁺¹⁾); `n` must not be traced.
 * @example polygamma(1, 1)  // 1.6449340668482264 (π²/6)
 * @throws {TracerError} when differentiating with respect to n.
 */
export const polygamma = specialBinary({
  name: 'polygamma',
  resultDType: realResult('polygamma'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const k = a[ai];
      o[oi] = k >= 0 && k === Math.floor(k) ? polygammaK(k, b[bi]) : NaN;
    }
  },
  vjp: (g, _out, n, x) => [null, multiply(g, polygamma(add(n, 1), x))],
}, { args: [0], what: 'the order n' });

/**
 * log|B(a, b)|, B the beta function (SciPy's betaln); accurate when one
 * argument is huge and the other small (no cancellation of log-gammas).
 * Derivatives ψ(a) - ψ(a+b) and ψ(b) - ψ(a+b).
 * @example betaln(1e10, 0.5)  // -10.940560522033028
 */
export const betaln = specialBinary({
  name: 'betaln',
  resultDType: realResult('betaln'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = betalnK(a[ai], b[bi]);
  },
  vjp: (g, _out, a, b) => {
    const dab = digamma(add(a, b));
    return [multiply(g, subtract(digamma(a), dab)), multiply(g, subtract(digamma(b), dab))];
  },
});
