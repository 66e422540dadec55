/**
 * Rounding: floor, ceil, trunc, fix (toward zero), rint (to nearest, ties to
 * even) and `round(decimals)`, which follows NumPy's `PyArray_Round`
 * (numpy/_core/src/multiarray/calculation.c) exactly: scale by 10^decimals,
 * rint, scale back, with 10^decimals built as NumPy builds it. So
 * `np.round(1.005, 2)` is 1 (1.005 · 100 is 100.49999999999999) and
 * `np.round(0.5)` is 0, as in NumPy. Integer
 * and bool input keep their dtype for floor/ceil/trunc/fix, as NumPy 2.
 * Derivatives are zero (the functions are piecewise constant).
 */
import {
  asarray, bind, castCopy, definePrimitive, DTypeError, inexactOf, loopUnary, NDArray, TypeError_, type ArrayLike, type DType,
  type UfuncOptions, type UnaryLoop,
} from '../core';
import { assignInto, defineUnary, prepareOut, realOnly, ufuncParams, type UfuncParams } from './ufunc';
import { multiply } from './binary';

const zeroGrad = (g: NDArray): NDArray => multiply(g, 0);

/** Round half to even (C's rint in the default rounding mode); keeps -0. */
export function rintScalar(x: number): number {
  const r = Math.round(x); // ties toward +inf
  // A tie that Math.round took up to an odd integer belongs to the even one below.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Largest integer ≤ x, elementwise (integers and bools unchanged).
 * @throws {DTypeError} for complex input.
 * @example np.floor([-1.5, 1.5])  // [-2.  1.]
 */
export const floor = defineUnary({
  name: 'floor',
  resultDType: realOnly('floor', (d) => d),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.floor(a[ai]);
  },
  vjp: zeroGrad,
});

/**
 * Smallest integer ≥ x, elementwise (integers and bools unchanged).
 * @throws {DTypeError} for complex input.
 * @example np.ceil([-1.5, 1.5])  // [-1.  2.]
 */
export const ceil = defineUnary({
  name: 'ceil',
  resultDType: realOnly('ceil', (d) => d),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.ceil(a[ai]);
  },
  vjp: zeroGrad,
});

const truncLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.trunc(a[ai]);
};

/**
 * Integer part (rounds toward zero), elementwise.
 * @throws {DTypeError} for complex input.
 * @example np.trunc([-1.7, 1.7])  // [-1.  1.]
 */
export const trunc = defineUnary({ name: 'trunc', resultDType: realOnly('trunc', (d) => d), real: truncLoop, vjp: zeroGrad });

/**
 * Rounds toward zero (NumPy's `np.fix`, the same values as {@link trunc}).
 * @throws {DTypeError} for complex input.
 * @example np.fix([-2.5, 2.5])  // [-2.  2.]
 */
export const fix = defineUnary({ name: 'trunc', resultDType: realOnly('trunc', (d) => d), real: truncLoop, vjp: zeroGrad });

/**
 * Rounds to the nearest integer, ties to even (C's rint); complex input rounds
 * both parts. Integer input gives float64, as NumPy.
 * @example np.rint([0.5, 1.5, 2.5, -0.5])  // [ 0.  2.  2. -0.]
 */
export const rint = defineUnary({
  name: 'rint',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = rintScalar(a[ai]);
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      o[2 * oi] = rintScalar(a[2 * ai]);
      o[2 * oi + 1] = rintScalar(a[2 * ai + 1]);
    }
  },
  vjp: zeroGrad,
});

/** NumPy's `power_of_ten` (calculation.c): a table up to 1e8, then repeated multiplication by 10. */
function powerOfTen(n: number): number {
  if (n < 9) return [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8][n];
  let r = 1e9;
  for (let k = n; k > 9; k--) r *= 10;
  return r;
}

/** Fused `rint(x * f) / f` (or `rint(x / f) * f` for negative decimals) in float64 or float32 arithmetic. */
function roundRealInto(x: NDArray, out: NDArray, decimals: number): void {
  const f32 = x.dtype === 'float32';
  const f = f32 ? Math.fround(powerOfTen(Math.abs(decimals))) : powerOfTen(Math.abs(decimals));
  const up = decimals >= 0;
  const src = x.dtype === 'float64' || f32 ? x : castCopy(x, 'float64');
  const tmp = new NDArray(new Float64Array(x.size), x.shape, 'float64');
  const loop: UnaryLoop = f32
    ? (n, o, oi, os, a, ai, as) => {
        for (let i = 0; i < n; i++, oi += os, ai += as) {
          const y = Math.fround(up ? a[ai] * f : a[ai] / f);
          o[oi] = Math.fround(up ? rintScalar(y) / f : rintScalar(y) * f);
        }
      }
    : (n, o, oi, os, a, ai, as) => {
        for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = up ? rintScalar(a[ai] * f) / f : rintScalar(a[ai] / f) * f;
      };
  loopUnary(x.shape, tmp, src, loop);
  assignInto(out, tmp);
}

/** One part of a complex array as a float64 view of its buffer. */
function partView(z: NDArray, part: 0 | 1): NDArray {
  return new NDArray(z.data, z.shape, 'float64', z.strides.map((st) => 2 * st), 2 * z.offset + part);
}

interface RoundParams extends UfuncParams {
  readonly decimals: number;
}

export const roundP = definePrimitive<RoundParams>({
  name: 'round',
  impl: ([x], { decimals, out }) => {
    const dtype: DType = x.dtype === 'bool' ? 'float64' : x.dtype;
    const res = prepareOut(x.shape, dtype, out, 'round');
    const isInt = x.dtype === 'int32' || x.dtype === 'uint8';
    if (isInt && decimals >= 0) {
      assignInto(res, x);
    } else if (x.dtype === 'complex128') {
      // NumPy rounds the real and imaginary parts as real arrays (PyArray_Round).
      roundRealInto(partView(x, 0), partView(res, 0), decimals);
      roundRealInto(partView(x, 1), partView(res, 1), decimals);
    } else roundRealInto(x, res, decimals);
    return res;
  },
  vjp: (g) => [multiply(g, 0)],
});

/**
 * Rounds to `decimals` places, ties to even, exactly as `np.round` (it scales
 * by 10^decimals, so values like 1.005 that are not exactly representable round
 * as NumPy rounds them: `np.round(1.005, 2)` is 1). Negative `decimals`
 * round to tens, hundreds, …; -0 is kept. Integer input stays integer.
 * @param a `(...)` input.
 * @param decimals number of decimal places (an integer; default 0).
 * @param opts `out`.
 * @throws {TypeError} for a non-integer `decimals`.
 * @example np.round([0.5, 1.5, 2.5, 1.005, -0.4])  // [ 0.  2.  2.  1. -0.]
 */
export function round(a: ArrayLike, decimals = 0, opts?: UfuncOptions): NDArray {
  if (typeof decimals !== 'number' || !Number.isInteger(decimals)) {
    throw new TypeError_(`'${typeof decimals === 'number' ? 'float' : typeof decimals}' object cannot be interpreted as an integer`);
  }
  const params = ufuncParams(opts);
  if (params.dtype !== undefined) throw new DTypeError("round() got an unexpected keyword argument 'dtype'");
  return bind(roundP, [asarray(a)], { decimals, out: params.out });
}

/** NumPy's `np.around`, the same as {@link round}. @example np.around([1.25], 1)  // [1.2] */
export const around = round;
