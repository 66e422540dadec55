/**
 * The error function family and the normal distribution function as
 * differentiable array functions (SciPy's scipy.special.erf … ndtri,
 * log_ndtr). Kernels: `kernels/erf.ts`, `kernels/erfinv.ts`; each primitive's
 * VJP is written with public ops, so second derivatives work.
 */
import { add, exp, multiply, negative, square, subtract } from '../../ops';
import { erf as erfK, erfc as erfcK, erfcx as erfcxK, logNdtr as logNdtrK, ndtr as ndtrK } from './kernels/erf';
import { erfcinv as erfcinvK, erfinv as erfinvK, ndtri as ndtriK } from './kernels/erfinv';
import { LOG_SQRT_2PI } from './kernels/gamma';
import { realResult, specialUnary } from './define';

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const SQRT_PI_OVER_2 = 0.886226925452758;

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(-t²) dt, to a few ulp (Chebyshev
 * series at 50 digits; see kernels/erf.ts). Derivative 2/√π e^(-x²).
 * @param x `(...)` real input; a number gives a number.
 * @throws {DTypeError} for complex input.
 * @example erf(0.5)  // 0.5204998778130466
 */
export const erf = specialUnary({
  name: 'erf',
  resultDType: realResult('erf'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = erfK(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, multiply(exp(negative(square(x))), TWO_OVER_SQRT_PI)),
});

/**
 * The complementary error function erfc(x) = 1 - erf(x), with full relative
 * accuracy in the upper tail (erfc(26) = 5.6e-296). Derivative -2/√π e^(-x²).
 * @example erfc(3)  // 0.000022090496998585445
 */
export const erfc = specialUnary({
  name: 'erfc',
  resultDType: realResult('erfc'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = erfcK(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, multiply(exp(negative(square(x))), -TWO_OVER_SQRT_PI)),
});

/**
 * The scaled complementary error function erfcx(x) = e^(x²) erfc(x) (finite
 * for large x, ~1/(x√π)). Derivative 2x·erfcx(x) - 2/√π.
 * @example erfcx(10)  // 0.056140992743822594
 */
export const erfcx = specialUnary({
  name: 'erfcx',
  resultDType: realResult('erfcx'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = erfcxK(a[ai]);
  },
  vjp: (g, out, x) => multiply(g, subtract(multiply(multiply(x, out), 2), TWO_OVER_SQRT_PI)),
});

/**
 * The inverse error function: erf(erfinv(y)) = y on (-1, 1), ±∞ at ±1, NaN
 * outside. Derivative √π/2 · e^(erfinv(y)²).
 * @example erfinv(0.5)  // 0.4769362762044698
 */
export const erfinv = specialUnary({
  name: 'erfinv',
  resultDType: realResult('erfinv'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = erfinvK(a[ai]);
  },
  vjp: (g, out) => multiply(g, multiply(exp(square(out)), SQRT_PI_OVER_2)),
});

/**
 * The inverse complementary error function: erfc(erfcinv(q)) = q on (0, 2),
 * accurate down to q = 5e-324. Derivative -√π/2 · e^(erfcinv(q)²).
 * @example erfcinv(1e-10)  // 4.572824967389486
 */
export const erfcinv = specialUnary({
  name: 'erfcinv',
  resultDType: realResult('erfcinv'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = erfcinvK(a[ai]);
  },
  vjp: (g, out) => multiply(g, multiply(exp(square(out)), -SQRT_PI_OVER_2)),
});

/**
 * The standard normal CDF Φ(x) = ½ erfc(-x/√2), with full relative accuracy
 * in the lower tail (ndtr(-37) = 5.7e-300). Derivative φ(x) = e^(-x²/2)/√(2π).
 * @example ndtr(1.96)  // 0.9750021048517795
 */
export const ndtr = specialUnary({
  name: 'ndtr',
  resultDType: realResult('ndtr'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = ndtrK(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, exp(subtract(multiply(square(x), -0.5), LOG_SQRT_2PI))),
});

/**
 * log Φ(x), finite for every finite x (log_ndtr(-40) = -804.6084420137538).
 * Derivative φ(x)/Φ(x), formed in log space.
 * @example logNdtr(-40)  // -804.6084420137538
 */
export const logNdtr = specialUnary({
  name: 'log_ndtr',
  resultDType: realResult('log_ndtr'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = logNdtrK(a[ai]);
  },
  vjp: (g, out, x) => multiply(g, exp(subtract(multiply(square(x), -0.5), add(out, LOG_SQRT_2PI)))),
});

/**
 * The standard normal quantile Φ⁻¹(p) (SciPy's ndtri): -∞ at 0, +∞ at 1, NaN
 * outside [0, 1]; full relative accuracy for p down to 5e-324.
 * Derivative 1/φ(Φ⁻¹(p)) = √(2π) e^(x²/2).
 * @example ndtri(0.975)  // 1.9599639845400538
 */
export const ndtri = specialUnary({
  name: 'ndtri',
  resultDType: realResult('ndtri'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = ndtriK(a[ai]);
  },
  vjp: (g, out) => multiply(g, exp(add(multiply(square(out), 0.5), LOG_SQRT_2PI))),
});
