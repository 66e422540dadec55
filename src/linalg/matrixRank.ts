/**
 * Matrix rank by counting singular values above a tolerance (NumPy's
 * `linalg.matrix_rank`).
 */
import { asarray, ValueError, type ArrayLike, type NDArray } from '../core';
import { all, astype, equal, expandDims, greater, max, multiply, sum } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { svd } from './svd';

const EPS = 2.220446049250313e-16;

/** Options of {@link matrixRank}. */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values above it count (scalar or one per matrix). */
  tol?: number | readonly number[] | NDArray;
  /** Relative threshold (times the largest singular value); default max(M, N)·eps. Not with `tol`. */
  rtol?: number | readonly number[] | NDArray;
  /** `A` is real symmetric (singular values from `eigvalsh`). */
  hermitian?: boolean;
}

/**
 * The number of singular values of `A` greater than `tol`, by default
 * `S.max() · max(M, N) · eps` (the rule of Numerical Recipes and MATLAB, as NumPy).
 * A 1-D or 0-d input has rank 1 unless it is all zero.
 * @param A `(..., M, N)`, or fewer dimensions.
 * @returns a number for one matrix, an int array `(...)` for a stack.
 * @throws {ValueError} "`tol` and `rtol` can't be both set."
 * @throws {LinAlgError} "SVD did not converge".
 * @example
 * np.linalg.matrixRank([[1, 2, 3], [2, 4, 6], [1, 0, 1]])  // 2
 * np.linalg.matrixRank(np.eye(4))                          // 4
 */
export function matrixRank(A: ArrayLike, opts: MatrixRankOptions = {}): any {
  if (opts.tol !== undefined && opts.rtol !== undefined) throw new ValueError("`tol` and `rtol` can't be both set.");
  const a = asarray(A);
  if (a.ndim < 2) return all(equal(a, 0)) ? 0 : 1;
  const S = svd(a, { computeUv: false, hermitian: opts.hermitian });
  let tol: NDArray;
  if (opts.tol === undefined) {
    const rtol = opts.rtol === undefined ? Math.max(a.shape[a.ndim - 2], a.shape[a.ndim - 1]) * EPS : expandDims(asarray(opts.rtol), -1);
    const smax = S.shape[S.ndim - 1] === 0 ? multiply(expandDims(sum(S, { axis: -1 }), -1), 0) : max(S, { axis: -1, keepdims: true });
    tol = multiply(smax, rtol);
  } else tol = expandDims(asarray(opts.tol), -1);
  return scalarOrArray(astype(sum(greater(S, tol), { axis: -1 }), 'int32'));
}
