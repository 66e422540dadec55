/**
 * Exponentials and logarithms: exp, exp2, expm1, log, log2, log10, log1p,
 * with complex versions as NumPy defines them (numpy/_core/src/umath/funcs.inc.src:
 * `nc_exp2`, `nc_expm1`, `nc_log1p`, `nc_log2`, `nc_log10`). Integer and bool
 * input computes in float64. Out-of-domain real input gives NaN or -inf, as
 * NumPy (without its RuntimeWarning).
 */
import { inexactOf, type TypedArray } from '../core';
import { complexLoop, defineUnary } from './ufunc';
import { add, divide, multiply } from './binary';
import { cexpInto, clogInto } from './complexMath';

/**
 * `e^x` elementwise.
 * @example np.exp([0, 1])  // [1.         2.71828183]
 */
export const exp = defineUnary({
  name: 'exp',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.exp(a[ai]);
  },
  complex: complexLoop(cexpInto),
  vjp: (g, out) => multiply(g, out),
});

/**
 * `2^x` elementwise.
 * @example np.exp2([3, 0.5])  // [8.         1.41421356]
 */
export const exp2 = defineUnary({
  name: 'exp2',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.pow(2, a[ai]);
  },
  complex: complexLoop((o: TypedArray, k: number, x: number, y: number) => cexpInto(o, k, x * Math.LN2, y * Math.LN2)),
  vjp: (g, out) => multiply(g, multiply(out, Math.LN2)),
});

/**
 * `e^x - 1`, accurate for small x.
 * @example np.expm1([1e-10])  // [1.e-10]
 */
export const expm1 = defineUnary({
  name: 'expm1',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.expm1(a[ai]);
  },
  // NumPy's nc_expm1: expm1(x) cos y - 2 sin²(y/2) + i e^x sin y.
  complex: complexLoop((o: TypedArray, k: number, x: number, y: number) => {
    const s = Math.sin(y / 2);
    o[k] = Math.expm1(x) * Math.cos(y) - 2 * s * s;
    o[k + 1] = Math.exp(x) * Math.sin(y);
  }),
  vjp: (g, out) => multiply(g, add(out, 1)),
});

/**
 * Natural logarithm; `log(0)` is -inf, negative real input NaN (use complex
 * input for the principal complex logarithm).
 * @example np.log([1, Math.E])  // [0. 1.]
 */
export const log = defineUnary({
  name: 'log',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log(a[ai]);
  },
  complex: complexLoop(clogInto),
  vjp: (g, _out, x) => divide(g, x),
});

/**
 * Base-2 logarithm.
 * @example np.log2([8, 0.5])  // [ 3. -1.]
 */
export const log2 = defineUnary({
  name: 'log2',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log2(a[ai]);
  },
  complex: complexLoop((o: TypedArray, k: number, x: number, y: number) => {
    clogInto(o, k, x, y);
    o[k] *= Math.LOG2E;
    o[k + 1] *= Math.LOG2E;
  }),
  vjp: (g, _out, x) => divide(g, multiply(x, Math.LN2)),
});

/**
 * Base-10 logarithm.
 * @example np.log10([1000, 0.1])  // [ 3. -1.]
 */
export const log10 = defineUnary({
  name: 'log10',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log10(a[ai]);
  },
  complex: complexLoop((o: TypedArray, k: number, x: number, y: number) => {
    clogInto(o, k, x, y);
    o[k] *= Math.LOG10E;
    o[k + 1] *= Math.LOG10E;
  }),
  vjp: (g, _out, x) => divide(g, multiply(x, Math.LN10)),
});

/**
 * `log(1 + x)`, accurate for small x.
 * @example np.log1p([1e-10])  // [1.e-10]
 */
export const log1p = defineUnary({
  name: 'log1p',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log1p(a[ai]);
  },
  // NumPy's nc_log1p: log|1 + z| + i arg(1 + z), evaluated directly.
  complex: complexLoop((o: TypedArray, k: number, x: number, y: number) => {
    o[k] = Math.log(Math.hypot(x + 1, y));
    o[k + 1] = Math.atan2(y, x + 1);
  }),
  vjp: (g, _out, x) => divide(g, add(x, 1)),
});
