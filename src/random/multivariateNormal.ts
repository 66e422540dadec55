/**
 * Multivariate normal sampling as NumPy's `Generator.multivariate_normal`
 * and `RandomState.multivariate_normal`: draw standard normals of shape
 * `[...size, N]`, factor the covariance (`svd` by default, as NumPy, or `eigh`
 * / `cholesky`), and map each row z to `mean + A z` with `A Aᵀ = cov`.
 *
 * The samples depend on the factor's column signs: with `'svd'` (NumPy's
 * default) they equal NumPy's only when numts' SVD returns LAPACK's signs for
 * that matrix (it does for the diagonal and the well-separated symmetric
 * matrices the tests use). Matrix products are summed in index order; NumPy
 * uses BLAS, so results agree to rounding (≈1e-15 relative), not bit for bit.
 */
import { asarray, NDArray, TypeError_, ValueError, type ArrayLike } from '../core';
import * as linalg from '../linalg';
import { prod, sizeShape, type Size } from './params';

/** Options of `multivariateNormal` (NumPy's keywords). */
export interface MultivariateNormalOptions {
  /** What to do when cov is not symmetric positive semi-definite: `'warn'` (default), `'raise'`, `'ignore'`. */
  checkValid?: 'warn' | 'raise' | 'ignore';
  /** Tolerance of the PSD check (default 1e-8). */
  tol?: number;
  /** Factorisation (Generator only): `'svd'` (default), `'eigh'`, `'cholesky'`. */
  method?: 'svd' | 'eigh' | 'cholesky';
}

/** numts' SVD of the covariance as flat row-major arrays. */
function svdOf(cov: NDArray): { u: Float64Array; s: Float64Array; vh: Float64Array } {
  const [u, s, vh] = linalg.svd(cov);
  const f = (a: NDArray): Float64Array => Float64Array.from(a.toArray());
  return { u: f(u), s: f(s), vh: f(vh) };
}

function psdBySvd(s: Float64Array, vh: Float64Array, cov: Float64Array, n: number, tol: number): boolean {
  // allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += vh[k * n + i] * s[k] * vh[k * n + j];
      const c = cov[i * n + j];
      if (!(Math.abs(acc - c) <= tol + tol * Math.abs(c))) return false;
    }
  }
  return true;
}

/**
 * Shared implementation; `normals(shape)` draws the standard normals (ziggurat
 * for Generator, Box–Muller for RandomState).
 */
export function multivariateNormal(
  meanIn: ArrayLike,
  covIn: ArrayLike,
  size: Size,
  opts: MultivariateNormalOptions,
  normals: (shape: number[]) => NDArray,
  legacy: boolean,
): NDArray {
  const method = opts.method ?? 'svd';
  if (method !== 'svd' && method !== 'eigh' && method !== 'cholesky') throw new ValueError("method must be one of {'eigh', 'svd', 'cholesky'}");
  const meanA = asarray(meanIn);
  const covA = asarray(covIn);
  if (meanA.dtype === 'complex128' || covA.dtype === 'complex128') throw new TypeError_('mean and cov must not be complex');
  if (meanA.ndim !== 1) throw new ValueError('mean must be 1 dimensional');
  if (covA.ndim !== 2 || covA.shape[0] !== covA.shape[1]) throw new ValueError('cov must be 2 dimensional and square');
  if (meanA.shape[0] !== covA.shape[0]) throw new ValueError('mean and cov must have same length');
  const n = meanA.shape[0];
  const shape = [...(sizeShape(size) ?? []), n];
  const z = Float64Array.from(normals(shape).toArray());
  const mean = Float64Array.from(meanA.toArray());
  const cov = Float64Array.from(covA.toArray());
  const covF = new NDArray(cov, [n, n], 'float64');
  const check = opts.checkValid ?? 'warn';
  if (check !== 'warn' && check !== 'raise' && check !== 'ignore') throw new ValueError("check_valid must equal 'warn', 'raise', or 'ignore'");
  // factor[j, k]: out_j = mean_j + Σ_k z_k · factor[j, k]
  const factor = new Float64Array(n * n);
  let psd = true;
  if (method === 'cholesky') {
    factor.set(Float64Array.from(linalg.cholesky(covF).toArray()));
  } else if (method === 'eigh') {
    const [w, v] = linalg.eigh(covF);
    const wd = w.toArray();
    const vd = v.toArray();
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) factor[j * n + k] = vd[j * n + k] * Math.sqrt(Math.abs(wd[k]));
    psd = !wd.some((x) => x < -(opts.tol ?? 1e-8));
  } else {
    const { u, s, vh } = svdOf(covF);
    // Generator: u · sqrt(s); RandomState: (sqrt(s)[:, None] · vh)ᵀ
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) factor[j * n + k] = legacy ? Math.sqrt(s[k]) * vh[k * n + j] : u[j * n + k] * Math.sqrt(s[k]);
    }
    psd = psdBySvd(s, vh, cov, n, opts.tol ?? 1e-8);
  }
  if (method !== 'cholesky' && check !== 'ignore' && !psd) {
    if (check === 'raise') throw new ValueError('covariance is not symmetric positive-semidefinite.');
    console.warn('RuntimeWarning: covariance is not symmetric positive-semidefinite.');
  }
  const rows = prod(shape) / Math.max(n, 1);
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += z[r * n + k] * factor[j * n + k];
      out[r * n + j] = legacy ? acc + mean[j] : mean[j] + acc;
    }
  }
  return new NDArray(out, shape, 'float64');
}
