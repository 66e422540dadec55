/**
 * Regularized incomplete gamma and beta functions and their inverses as array
 * functions (SciPy's gammainc, gammaincc, gammaincinv, gammainccinv, betainc,
 * betaincc, betaincinv). Kernels: `kernels/incgamma.ts`, `kernels/beta.ts`.
 *
 * They are differentiable in their last argument only (x, or p for the
 * inverses): the derivative in the shape parameters has no closed form, and
 * asking for it raises instead of returning a silent zero.
 */
import { add, exp, multiply, negative, subtract } from '../../ops';
import { gammainc as gammaincK, gammaincc as gammainccK, gammaincinv as gammaincinvK, gammainccinv as gammainccinvK } from './kernels/incgamma';
import { betainc as betaincK, betaincc as betainccK, betaincinv as betaincinvK } from './kernels/beta';
import { realResult, specialBinary, specialTernary } from './define';
import { betaln, gammaln } from './gammaFunctions';
import { xlogy, xlog1py } from './xlogy';
import type { NDArray } from '../../core';

const SHAPE_A = { args: [0], what: 'the shape a' } as const;
const SHAPES_AB = { args: [0, 1], what: 'the shapes a and b' } as const;

/** log of the gamma density x^(a-1) e^(-x) / Γ(a) (∂P/∂x), written with ops. */
function logGammaDensity(a: NDArray, x: NDArray): NDArray {
  return subtract(subtract(xlogy(subtract(a, 1), x), x), gammaln(a));
}

/** log of the beta density x^(a-1) (1-x)^(b-1) / B(a, b) (∂I/∂x), written with ops. */
function logBetaDensity(a: NDArray, b: NDArray, x: NDArray): NDArray {
  return subtract(add(xlogy(subtract(a, 1), x), xlog1py(subtract(b, 1), negative(x))), betaln(a, b));
}

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a).
 * NaN for a < 0 or x < 0; P(0, x) = 1 for x > 0 (SciPy's conventions).
 * Derivative in x: x^(a-1) e^(-x)/Γ(a).
 * @example gammainc(2, 1)  // 0.2642411176571153
 * @throws {TracerError} when differentiating with respect to a.
 */
export const gammainc = specialBinary({
  name: 'gammainc',
  resultDType: realResult('gammainc'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = gammaincK(a[ai], b[bi]);
  },
  vjp: (g, _out, a, x) => [null, multiply(g, exp(logGammaDensity(a, x)))],
}, SHAPE_A);

/**
 * The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x),
 * computed directly (full relative accuracy in the upper tail).
 * @example gammaincc(2, 10)  // 0.0004993992273873332 (11/e¹⁰)
 * @throws {TracerError} when differentiating with respect to a.
 */
export const gammaincc = specialBinary({
  name: 'gammaincc',
  resultDType: realResult('gammaincc'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = gammainccK(a[ai], b[bi]);
  },
  vjp: (g, _out, a, x) => [null, negative(multiply(g, exp(logGammaDensity(a, x))))],
}, SHAPE_A);

/**
 * The inverse of P(a, ·): x with gammainc(a, x) = p. Derivative in p: 1/(∂P/∂x).
 * @example gammaincinv(2, 0.5)  // 1.6783469900166605
 * @throws {TracerError} when differentiating with respect to a.
 */
export const gammaincinv = specialBinary({
  name: 'gammaincinv',
  resultDType: realResult('gammaincinv'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = gammaincinvK(a[ai], b[bi]);
  },
  vjp: (g, out, a) => [null, multiply(g, exp(negative(logGammaDensity(a, out))))],
}, SHAPE_A);

/**
 * The inverse of Q(a, ·): x with gammaincc(a, x) = q.
 * @example gammainccinv(2, 0.5)  // 1.6783469900166605
 * @throws {TracerError} when differentiating with respect to a.
 */
export const gammainccinv = specialBinary({
  name: 'gammainccinv',
  resultDType: realResult('gammainccinv'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = gammainccinvK(a[ai], b[bi]);
  },
  vjp: (g, out, a) => [null, negative(multiply(g, exp(negative(logGammaDensity(a, out)))))],
}, SHAPE_A);

/**
 * The regularized incomplete beta function I_x(a, b) (SciPy's betainc; the
 * arguments broadcast). NaN for a or b < 0 or x outside [0, 1].
 * Derivative in x: x^(a-1)(1-x)^(b-1)/B(a, b).
 * @example betainc(2, 3, 0.4)  // 0.5248
 * @throws {TracerError} when differentiating with respect to a or b.
 */
export const betainc = specialTernary(
  'betainc',
  (n, o, oi, os, a, ai, as, b, bi, bs, c, ci, cs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, ci += cs) o[oi] = betaincK(a[ai], b[bi], c[ci]);
  },
  (g, _out, a, b, x) => [null, null, multiply(g, exp(logBetaDensity(a, b, x)))],
  SHAPES_AB,
);

/**
 * 1 - I_x(a, b), computed directly (SciPy's betaincc).
 * @example betaincc(2, 3, 0.4)  // 0.47519999999999996
 * @throws {TracerError} when differentiating with respect to a or b.
 */
export const betaincc = specialTernary(
  'betaincc',
  (n, o, oi, os, a, ai, as, b, bi, bs, c, ci, cs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, ci += cs) o[oi] = betainccK(a[ai], b[bi], c[ci]);
  },
  (g, _out, a, b, x) => [null, null, negative(multiply(g, exp(logBetaDensity(a, b, x))))],
  SHAPES_AB,
);

/**
 * The inverse of I_x(a, b) in x (SciPy's betaincinv). Derivative in p: 1/(∂I/∂x).
 * @example betaincinv(2, 3, 0.5248)  // 0.4000000000000001
 * @throws {TracerError} when differentiating with respect to a or b.
 */
export const betaincinv = specialTernary(
  'betaincinv',
  (n, o, oi, os, a, ai, as, b, bi, bs, c, ci, cs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, ci += cs) o[oi] = betaincinvK(a[ai], b[bi], c[ci]);
  },
  (g, out, a, b) => [null, null, multiply(g, exp(negative(logBetaDensity(a, b, out))))],
  SHAPES_AB,
);
