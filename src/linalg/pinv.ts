/**
 * Moore–Penrose pseudo-inverse (NumPy's `linalg.pinv`) from the SVD, written
 * with public ops so that it differentiates through the SVD primitive.
 */
import { asarray, NDArray, ValueError, zeros, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { conj, divide, expandDims, greater, max, multiply, swapaxes, where } from '../ops';
import { assertStacked2d, toOut, toWork } from './batch';
import { svd } from './svd';

const EPS = 2.220446049250313e-16;

/** Options of {@link pinv}. */
export interface PinvOptions {
  /**
   * Cutoff for small singular values, relative to the largest (NumPy's
   * `rcond`, default 1e-15); scalar or one per matrix of the stack.
   */
  rcond?: number | readonly number[] | NDArray;
  /** NumPy 2's `rtol`: like `rcond`; `null` means max(M, N)·eps. Not both with `rcond`. */
  rtol?: number | readonly number[] | NDArray | null;
  /** `a` is real symmetric (uses `eigh`). */
  hermitian?: boolean;
}

/**
 * The pseudo-inverse A⁺ = V Σ⁺ Uᵀ, where singular values at or below
 * `rcond · max(S)` count as zero.
 * @param a `(..., M, N)`.
 * @returns `(..., N, M)`.
 * @throws {LinAlgError} "SVD did not converge"; fewer than 2 dimensions.
 * @throws {ValueError} "`rtol` and `rcond` can't be both set."
 * @example
 * np.linalg.pinv([[1, 2], [2, 4]])
 * // [[0.04 0.08]
 * //  [0.08 0.16]]
 */
export function pinv(a: ArrayLike, opts: PinvOptions = {}): NDArray {
  const x = asarray(a);
  assertStacked2d(x);
  const m = x.shape[x.ndim - 2], n = x.shape[x.ndim - 1];
  let rcond: number | readonly number[] | NDArray;
  if (opts.rcond !== undefined) {
    if (opts.rtol !== undefined) throw new ValueError("`rtol` and `rcond` can't be both set.");
    rcond = opts.rcond;
  } else if (opts.rtol === undefined) rcond = 1e-15;
  else rcond = opts.rtol === null ? Math.max(m, n) * EPS : opts.rtol;
  if (x.size === 0) return zeros([...x.shape.slice(0, -2), n, m], x.dtype === 'float32' ? 'float32' : toWork(x).dtype);
  let w = toWork(x);
  if (w.dtype === 'complex128') w = conj(w);
  const { U, S, Vh } = svd(w, { fullMatrices: false, hermitian: opts.hermitian });
  const cutoff = multiply(expandDims(asarray(rcond), -1), max(S, { axis: -1, keepdims: true }));
  const large = greater(S, cutoff);
  const sInv = where(large, divide(1, where(large, S, 1)), 0);
  return toOut(matmul(swapaxes(Vh, -1, -2), multiply(expandDims(sInv, -1), swapaxes(U, -1, -2))), x.dtype);
}
