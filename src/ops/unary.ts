/**
 * Unary ufuncs of sign, magnitude and powers, and the float classifiers
 * (isnan, isinf, isfinite): one table row per function, holding its inner
 * loops (real and, where NumPy defines it, complex) and its derivative written
 * with public ops (so that second derivatives work).
 */
import { DTypeError, inexactOf, type DType, type UnaryLoop } from '../core';
import { complexLoop, defineUnary, noSignatureFor, realOnly } from './ufunc';
import { divide, multiply } from './binary';
import { csqrtInto } from './complexMath';

const toBool = (): DType => 'bool';
const noBool = (name: string, hint: string) => (d: DType): DType => {
  if (d === 'bool') throw new DTypeError(`The numpy boolean ${name}, the \`${hint}\` operator, is not supported, use the \`~\` operator or the logical_not function instead.`);
  return d;
};

const copyLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
};
const copyComplexLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    o[2 * oi] = a[2 * ai];
    o[2 * oi + 1] = a[2 * ai + 1];
  }
};

/**
 * `-x` elementwise.
 * @throws {DTypeError} for bool input (NumPy: use `logicalNot`).
 * @example np.negative([1, -2])  // [-1  2]
 */
export const negative = defineUnary({
  name: 'negative',
  resultDType: noBool('negative', '-'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = -a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      o[2 * oi] = -a[2 * ai];
      o[2 * oi + 1] = -a[2 * ai + 1];
    }
  },
  vjp: (g) => negative(g),
});

/**
 * `+x` elementwise (a copy).
 * @throws {DTypeError} for bool input.
 * @example np.positive([1, -2])  // [ 1 -2]
 */
export const positive = defineUnary({
  name: 'positive',
  resultDType: (d) => {
    if (d === 'bool') throw noSignatureFor('positive', d);
    return d;
  },
  real: copyLoop,
  complex: copyComplexLoop,
  vjp: (g) => g,
});

/**
 * Absolute value elementwise; `|z|` (float64) for complex input, computed with hypot.
 * @example np.abs([-1.5, 2])  // [1.5 2. ]
 */
export const abs = defineUnary({
  name: 'absolute',
  resultDType: (d) => (d === 'complex128' ? 'float64' : d),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.abs(a[ai]);
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.hypot(a[2 * ai], a[2 * ai + 1]);
  },
  // d|x| = sign(x) dx (0 at 0, as JAX); for complex x, x/|x|.
  vjp: (g, _out, x) => multiply(g, sign(x)),
});

/** NumPy's name for {@link abs}. @example np.absolute([-3])  // [3] */
export const absolute = abs;

/**
 * The sign: -1, 0 or 1 (NaN for NaN); for complex input `z/|z|` (0 at 0), as NumPy 2.
 * @throws {DTypeError} for bool input.
 * @example np.sign([-2, 0, 3])  // [-1  0  1]
 */
export const sign = defineUnary({
  name: 'sign',
  resultDType: (d) => {
    if (d === 'bool') throw noSignatureFor('sign', d);
    return d;
  },
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[ai];
      o[oi] = x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
    }
  },
  // NumPy's CDOUBLE_sign (loops.c.src), including its handling of infinite parts.
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[2 * ai], y = a[2 * ai + 1], m = Math.hypot(x, y), k = 2 * oi;
      if (m !== m) [o[k], o[k + 1]] = [NaN, NaN];
      else if (m === Infinity) {
        if (x === Infinity || x === -Infinity) [o[k], o[k + 1]] = y === Infinity || y === -Infinity ? [NaN, NaN] : [x > 0 ? 1 : -1, 0];
        else [o[k], o[k + 1]] = [0, y > 0 ? 1 : -1];
      } else if (m === 0) [o[k], o[k + 1]] = [0, 0];
      else [o[k], o[k + 1]] = [x / m, y / m];
    }
  },
  vjp: (g) => multiply(g, 0),
});

/**
 * `x²` elementwise (keeps integer dtypes).
 * @example np.square([1, -3])  // [1 9]
 */
export const square = defineUnary({
  name: 'square',
  resultDType: (d) => (d === 'bool' ? 'int32' : d), // NumPy: int8 for bool

  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const r = a[2 * ai], m = a[2 * ai + 1];
      o[2 * oi] = r * r - m * m;
      o[2 * oi + 1] = r * m + m * r;
    }
  },
  vjp: (g, _out, x) => multiply(g, multiply(x, 2)),
});

/**
 * Non-negative square root; NaN for negative real input (use complex input for
 * complex roots: the principal branch, signed zeros respected).
 * @example np.sqrt([4, 2])  // [2.         1.41421356]
 */
export const sqrt = defineUnary({
  name: 'sqrt',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.sqrt(a[ai]);
  },
  complex: complexLoop(csqrtInto),
  vjp: (g, out) => divide(g, multiply(out, 2)),
});

/**
 * Real cube root (negative for negative input).
 * @throws {DTypeError} for complex input, as NumPy.
 * @example np.cbrt([27, -8])  // [ 3. -2.]
 */
export const cbrt = defineUnary({
  name: 'cbrt',
  resultDType: realOnly('cbrt', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.cbrt(a[ai]);
  },
  // d cbrt(x) = dx / (3 cbrt(x)²)
  vjp: (g, out) => divide(g, multiply(multiply(out, out), 3)),
});

/**
 * `1/x` elementwise. Integer input stays integer as in NumPy (`1/2` is 0, `1/0`
 * is the most negative integer), so use float input for fractions.
 * @example np.reciprocal([2, 0.5])  // [0.5 2. ]
 */
export const reciprocal = defineUnary({
  name: 'reciprocal',
  resultDType: (d) => (d === 'bool' ? 'int32' : d), // NumPy: int8 for bool
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = 1 / a[ai];
  },
  // NumPy's CDOUBLE_reciprocal (Smith's scaling).
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[2 * ai], y = a[2 * ai + 1], k = 2 * oi;
      if (Math.abs(y) <= Math.abs(x)) {
        const r = y / x, d = x + y * r;
        o[k] = 1 / d;
        o[k + 1] = -r / d;
      } else {
        const r = x / y, d = x * r + y;
        o[k] = r / d;
        o[k + 1] = -1 / d;
      }
    }
  },
  vjp: (g, out) => multiply(g, multiply(out, multiply(out, -1))),
});

// ---- classification (bool results, no derivative) -----------------------------------------

/**
 * Whether each element is NaN (for complex: either part).
 * @example np.isnan([1, NaN])  // [False  True]
 */
export const isnan = defineUnary({
  name: 'isnan',
  resultDType: toBool,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] !== a[ai] ? 1 : 0;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] !== a[2 * ai] || a[2 * ai + 1] !== a[2 * ai + 1] ? 1 : 0;
  },
  vjp: 'none',
});

/**
 * Whether each element is +inf or -inf (for complex: either part).
 * @example np.isinf([1, -Infinity, NaN])  // [False  True False]
 */
export const isinf = defineUnary({
  name: 'isinf',
  resultDType: toBool,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] === Infinity || a[ai] === -Infinity ? 1 : 0;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.abs(a[2 * ai]) === Infinity || Math.abs(a[2 * ai + 1]) === Infinity ? 1 : 0;
  },
  vjp: 'none',
});

/**
 * Whether each element is finite (not NaN or ±inf; for complex: both parts).
 * @example np.isfinite([1, Infinity, NaN])  // [ True False False]
 */
export const isfinite = defineUnary({
  name: 'isfinite',
  resultDType: toBool,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] - a[ai] === 0 ? 1 : 0;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] - a[2 * ai] === 0 && a[2 * ai + 1] - a[2 * ai + 1] === 0 ? 1 : 0;
  },
  vjp: 'none',
});
