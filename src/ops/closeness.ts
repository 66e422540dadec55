/**
 * Approximate and exact equality of whole arrays: `isclose`, `allclose`,
 * `arrayEqual`, `arrayEquiv` (NumPy's definitions; results carry no derivative).
 */
import { asarray, broadcastShapes, ShapeError, type ArrayLike, type NDArray } from '../core';
import { add, multiply, subtract } from './binary';
import { equal, lessEqual, logicalAnd, logicalOr } from './compare';
import { abs, isfinite, isnan } from './unary';
import { all } from './reduce';
import { where } from './where';

/** Options of {@link isclose} / {@link allclose}. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Count NaN as equal to NaN (default false). */
  equalNan?: boolean;
}

/**
 * Elementwise `|a − b| ≤ atol + rtol·|b|` with broadcasting (NumPy's `isclose`;
 * not symmetric: `b` is the reference). Infinities are close only to the same
 * infinity; NaN is close to nothing unless `equalNan`.
 * @throws {ShapeError} when the operands do not broadcast.
 * @example np.isclose([1, 1.1], [1.000001, 1])  // [ True False]
 */
export function isclose(a: ArrayLike, b: ArrayLike, opts: CloseOptions = {}): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  const rtol = opts.rtol ?? 1e-5;
  const atol = opts.atol ?? 1e-8;
  const finite = logicalAnd(isfinite(x), isfinite(y));
  const near = lessEqual(abs(subtract(x, y)), add(atol, multiply(rtol, abs(y))));
  // Where either side is not finite, only exact equality (same infinity) counts.
  let result = where(finite, near, equal(x, y));
  if (opts.equalNan) result = logicalOr(result, logicalAnd(isnan(x), isnan(y)));
  return result;
}

/**
 * Whether every element pair is close (`all(isclose(a, b))`).
 * @throws {ShapeError} when the operands do not broadcast.
 * @example np.allclose([1e10, 1e-7], [1.00001e10, 1e-8])  // false
 */
export function allclose(a: ArrayLike, b: ArrayLike, opts: CloseOptions = {}): boolean {
  return all(isclose(a, b, opts));
}

/**
 * True when both arrays have the same shape and the same elements (NumPy's
 * `array_equal`; NaN ≠ NaN unless `equalNan`).
 * @example np.arrayEqual([1, 2], [1, 2])  // true
 */
export function arrayEqual(a: ArrayLike, b: ArrayLike, opts: { equalNan?: boolean } = {}): boolean {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) return false;
  const same = equal(x, y);
  return all(opts.equalNan ? logicalOr(same, logicalAnd(isnan(x), isnan(y))) : same);
}

/**
 * True when the arrays broadcast to each other and are equal elementwise
 * (NumPy's `array_equiv`).
 * @example np.arrayEquiv([1, 2], [[1, 2], [1, 2]])  // true
 */
export function arrayEquiv(a: ArrayLike, b: ArrayLike): boolean {
  const x = asarray(a);
  const y = asarray(b);
  try {
    broadcastShapes(x.shape, y.shape);
  } catch (e) {
    if (e instanceof ShapeError) return false;
    throw e;
  }
  return all(equal(x, y));
}
