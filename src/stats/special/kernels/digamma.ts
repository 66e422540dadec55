/**
 * Scalar kernels of digamma ψ = Γ'/Γ and the polygamma functions ψ⁽ⁿ⁾.
 *
 * digamma (DLMF §5.5, §5.11):
 * - [1, 3]: ψ(x) = (x - x₀)·R(x), x₀ = 1.4616… the positive root held in
 *   double-double and R a Chebyshev series generated at 50 digits, so ψ keeps
 *   full relative accuracy through its zero (SciPy uses a Taylor series about
 *   x₀ for the same reason);
 * - (0, 1): ψ(x) = ψ(x+1) - 1/x; (3, 12): ψ(x) = ψ(x-1) + 1/(x-1) down to
 *   [2, 3] (all terms positive, no cancellation); x ≥ 12: the asymptotic
 *   series DLMF 5.11.2 with ten Bernoulli terms;
 * - x < 0: the reflection ψ(1-x) - ψ(x) = π cot(πx) (DLMF 5.5.4).
 *
 * polygamma, n ≥ 1: ψ⁽ⁿ⁾(x) = (-1)ⁿ⁺¹ n! ζ(n+1, x) (DLMF 25.11.12), by the
 * recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x+1) - (-1)ⁿ n! x⁻ⁿ⁻¹ (DLMF 5.15.5) up to x ≥ 15 + n
 * and then the asymptotic series DLMF 5.15.8.
 */
import { DIGAMMA_1_3, DIGAMMA_ROOT_HI, DIGAMMA_ROOT_LO, clenshaw } from './tables';
import { sinpi } from './gamma';

/** B_{2k}, k = 1…10 (DLMF 24.2.1 / Table 24.2.1). */
const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798, -174611 / 330];

/** cos(πx) with exact argument reduction. */
function cospi(x: number): number {
  let r = Math.abs(x) % 2; // exact
  if (r > 1) r = 2 - r; // cos(π(2-r)) = cos(πr)
  // cos(πr) = sin(π(1/2 - r)), and 1/2 - r is exact for r in [0, 1].
  return sinpi(0.5 - r);
}

/** ψ(x) on [1, 3] through the factored root. */
function digammaOneThree(x: number): number {
  return (x - DIGAMMA_ROOT_HI - DIGAMMA_ROOT_LO) * clenshaw(DIGAMMA_1_3, x - 2);
}

/** ψ(x) = Γ'(x)/Γ(x): -∞ at +0, +∞ at -0, NaN at negative integers and -∞ (SciPy's conventions). */
export function digamma(x: number): number {
  if (x !== x || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  if (x === 0) return -1 / x;
  if (x < 0) {
    if (x === Math.floor(x)) return NaN;
    // ψ(x) = ψ(1-x) - π cos(πx)/sin(πx), with ψ(1-x) = ψ(-x) - 1/x (-x is exact, 1 - x may round)
    return digamma(-x) - 1 / x - (Math.PI * cospi(x)) / sinpi(x);
  }
  if (x < 1) {
    // ψ(x) = ψ(x+1) - 1/x, with (x+1) - x₀ formed as x - (x₀ - 1) (exact) so the root's neighbourhood is kept.
    const r = (x - (DIGAMMA_ROOT_HI - 1) - DIGAMMA_ROOT_LO) * clenshaw(DIGAMMA_1_3, x - 1);
    return r - 1 / x;
  }
  if (x <= 3) return digammaOneThree(x);
  if (x < 12) {
    let y = x;
    let s = 0;
    while (y > 3) {
      y -= 1;
      s += 1 / y;
    }
    return digammaOneThree(y) + s;
  }
  // ψ(x) ~ log x - 1/(2x) - Σ B_{2k} / (2k x^{2k})
  const r2 = 1 / (x * x);
  let t = BERNOULLI[9] / 20;
  for (let k = 8; k >= 0; k--) t = t * r2 + BERNOULLI[k] / (2 * k + 2);
  return Math.log(x) - 0.5 / x - t * r2;
}

/** n! as a double (Infinity beyond 170). */
function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/**
 * ψ⁽ⁿ⁾(x) for an integer n ≥ 1 (n = 0 is {@link digamma}). At the poles x = 0,
 * -1, -2, … and at -∞ the value is (-1)ⁿ⁺¹∞, at +∞ it is (-1)ⁿ⁺¹·0, as SciPy's.
 */
export function polygamma(n: number, x: number): number {
  if (n === 0) return digamma(x);
  if (x !== x) return NaN;
  const sign = n % 2 === 1 ? 1 : -1; // (-1)^{n+1}
  if (x === Infinity) return sign * 0;
  if (x <= 0 && x === Math.floor(x)) return sign * Infinity;
  const nf = factorial(n);
  // ζ(n+1, x) = Σ_{k<m} (x+k)^{-n-1} + ζ(n+1, x+m)
  const big = 15 + n;
  let sum = 0;
  let y = x;
  while (y < big) {
    sum += Math.pow(y, -n - 1);
    y += 1;
  }
  // Asymptotic (DLMF 5.15.8, divided by n!): ζ(n+1, y) ~ y^{-n}/n + y^{-n-1}/2 + Σ B_{2k} (2k+n-1)!/((2k)! n!) y^{-2k-n}
  const r = 1 / y;
  const r2 = r * r;
  let coef = 1; // (2k+n-1)! / ((2k)! n!) built incrementally, starting at k = 1: (n+1)!/(2! n!) = (n+1)/2
  let tail = 0;
  let pw = Math.pow(r, n + 2);
  for (let k = 1; k <= 10; k++) {
    coef = k === 1 ? (n + 1) / 2 : (coef * (2 * k + n - 2) * (2 * k + n - 1)) / ((2 * k - 1) * (2 * k));
    tail += BERNOULLI[k - 1] * coef * pw;
    pw *= r2;
  }
  const zeta = sum + Math.pow(r, n) / n + 0.5 * Math.pow(r, n + 1) + tail;
  return sign * nf * zeta;
}
