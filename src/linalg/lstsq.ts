/**
 * Least squares (NumPy's `linalg.lstsq`, LAPACK's dgelsd: the minimum-norm
 * solution through the SVD), written with public ops so that it differentiates.
 */
import { asarray, LinAlgError, NDArray, promoteTypes, zeros, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { abs, astype, divide, expandDims, greater, multiply, squeeze, subtract, sum, swapaxes, where } from '../ops';
import { namedTuple, outDType, workDType } from './batch';
import { svd } from './svd';

const EPS = 2.220446049250313e-16;

/** `[x, residuals, rank, s]`, also with those field names. */
export type LstsqResult = [x: NDArray, residuals: NDArray, rank: number, s: NDArray] & { x: NDArray; residuals: NDArray; rank: number; s: NDArray };

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /** Singular values at or below `rcond · S[0]` count as zero; default eps · max(M, N); negative means eps. */
  rcond?: number | null;
}

/**
 * The least-squares solution of `a @ x ≈ b` of minimum norm: x minimises
 * ‖b − a x‖₂ (column by column), and among the minimisers has the smallest ‖x‖₂.
 * @param a `(M, N)`.
 * @param b `(M,)` or `(M, K)`.
 * @returns `[x (N,) or (N, K), residuals, rank, s (min(M, N),)]`: residuals are the squared
 * 2-norms of the columns of `b − a @ x`, shape (K,) (or (1,) for 1-D b), and empty unless
 * rank = N < M (NumPy's rule); rank is the effective rank of `a`; s its singular values.
 * @throws {LinAlgError} "Incompatible dimensions"; "SVD did not converge in Linear Least Squares";
 * "…-dimensional array given. Array must be two-dimensional".
 * @example
 * const [x, res, rank] = np.linalg.lstsq([[0, 1], [1, 1], [2, 1], [3, 1]], [-1, 0.2, 0.9, 2.1]);
 * // x = [ 1.   -0.95], res = [0.05], rank = 2
 */
export function lstsq(a: ArrayLike, b: ArrayLike, opts: LstsqOptions = {}): LstsqResult {
  const A = asarray(a);
  let B = asarray(b);
  const vec = B.ndim === 1;
  if (vec) B = expandDims(B, -1);
  for (const t of [A, B]) if (t.ndim !== 2) throw new LinAlgError(`${t.ndim}-dimensional array given. Array must be two-dimensional`);
  const [m, n] = A.shape;
  const [m2, k] = B.shape;
  if (m !== m2) throw new LinAlgError('Incompatible dimensions');
  const dtype = promoteTypes(A.dtype, B.dtype);
  const work = workDType(dtype);
  const realOut = outDType(dtype) === 'float32' ? 'float32' : 'float64';
  const toW = (x: NDArray): NDArray => (x.dtype === work ? x : astype(x, work));
  let rcond = opts.rcond ?? EPS * Math.max(m, n);
  if (rcond < 0) rcond = EPS;
  const Aw = toW(A), Bw = toW(B);
  let U: NDArray, S: NDArray, Vh: NDArray;
  try {
    ({ U, S, Vh } = svd(Aw, { fullMatrices: false }));
  } catch (e) {
    if (e instanceof LinAlgError) throw new LinAlgError('SVD did not converge in Linear Least Squares');
    throw e;
  }
  let x: NDArray;
  let rank = 0;
  if (S.size === 0) x = zeros([n, k], work);
  else {
    const large = greater(S, multiply(S.get('0:1'), rcond));
    rank = (large.toArray() as number[]).reduce((c, v) => c + v, 0);
    const sInv = where(large, divide(1, where(large, S, 1)), 0);
    // x = V Σ⁺ Uᵀ b (real input: the SVD is real-only for now)
    x = matmul(swapaxes(Vh, -1, -2), multiply(expandDims(sInv, -1), matmul(swapaxes(U, -1, -2), Bw)));
  }
  let residuals: NDArray;
  if (rank === n && m > n) {
    const r = abs(subtract(Bw, matmul(Aw, x)));
    residuals = sum(multiply(r, r), { axis: 0 });
    if (residuals.dtype !== realOut) residuals = astype(residuals, realOut);
  } else residuals = zeros([0], realOut);
  if (vec) x = squeeze(x, -1);
  const xo = outDType(dtype) === 'float32' ? astype(x, 'float32') : x;
  const so = realOut === 'float32' ? astype(S, 'float32') : S;
  return namedTuple([xo, residuals, rank, so] as [NDArray, NDArray, number, NDArray], { x: xo, residuals, rank, s: so });
}
