/**
 * Condition numbers (NumPy's `linalg.cond`): through the singular values for
 * p = 2, −2 or omitted, through the inverse and `norm` otherwise.
 */
import { asarray, LinAlgError, NDArray, type ArrayLike } from '../core';
import { any, astype, divide, isnan, logicalAnd, logicalNot, multiply, squeeze, where } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { assertStackedSquare, toWork } from './batch';
import { inv, invStack } from './inv';
import { norm, type NormOrder } from './norm';
import { svd } from './svd';

/**
 * The condition number of a matrix in the norm `p`: ‖A‖·‖A⁻¹‖, or for p = ±2
 * (and the default) the ratio of the largest to the smallest singular value
 * (its inverse for −2). A singular matrix gives Infinity (NaN only when the
 * input has NaN), as NumPy.
 * @param x `(..., M, N)`; square for p other than ±2.
 * @param p `2` (default), `-2`, `'fro'`, `'nuc'`, `1`, `-1`, `Infinity`, `-Infinity`.
 * @returns a number for one matrix, an array `(...)` for a stack.
 * @throws {LinAlgError} "cond is not defined on empty arrays"; non-square input for p ≠ ±2.
 * @example
 * np.linalg.cond([[1, 0, -1], [0, 1, 0], [1, 0, 1]])  // 1.4142135623730951
 * np.linalg.cond([[1, 2], [2, 4]], 1)                 // Infinity
 */
export function cond(x: ArrayLike, p: NormOrder = null): any {
  const a = asarray(x);
  if (a.ndim >= 2 && a.size === 0 && a.shape[a.ndim - 1] * a.shape[a.ndim - 2] === 0) {
    throw new LinAlgError('cond is not defined on empty arrays');
  }
  let r: NDArray;
  if (p === null || p === 2 || p === -2) {
    const s = svd(a, { computeUv: false });
    // keep the slices as arrays (a plain number here would be a weak integer scalar)
    const first = s.get('...', '0:1'), last = s.get('...', '-1:');
    r = squeeze(p === -2 ? divide(last, first) : divide(first, last), -1);
  } else {
    assertStackedSquare(a);
    const w = toWork(a);
    // NumPy inverts with errors ignored: a singular matrix gives NaN here, then Infinity below.
    const inverse = w.isTraced() ? inv(w) : invStack(w, true);
    r = multiply(asarray(norm(w, { ord: p, axis: [-2, -1] })), asarray(norm(inverse, { ord: p, axis: [-2, -1] })));
    if (a.dtype === 'float32') r = astype(r, 'float32');
  }
  // NaN from a singular matrix means "infinitely ill-conditioned", unless the input had NaN.
  const inputNan = any(isnan(a), { axis: [-2, -1] });
  r = where(logicalAnd(isnan(r), logicalNot(inputNan)), Infinity, r);
  return scalarOrArray(r);
}
