/**
 * Small dense kernels on Float64Array for the solvers: BLAS-1 vector
 * operations and the few LAPACK routines the ports of L-BFGS-B, SLSQP and
 * trust-exact call (Cholesky, triangular solves). Matrices are column-major
 * with an explicit offset and leading dimension, exactly as the Fortran/C
 * sources index them (`a[off + i + j*lda]`), so the ports read line for line.
 * The problems are small (n ≲ a few hundred), so unblocked loops suffice.
 */

/** Σ a[i]·b[i] over the first n elements (offsets optional). */
export function dot(a: Float64Array, b: Float64Array, n = a.length, ao = 0, bo = 0): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/**
 * The Euclidean norm of the first n elements, scaled as BLAS dnrm2 so that
 * it neither overflows nor underflows.
 */
export function nrm2(a: Float64Array, n = a.length, ao = 0): number {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[ao + i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale === 0 ? 0 : scale === Infinity ? Infinity : NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[ao + i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/** max |a[i]| (NaN if any element is NaN, as np.linalg.norm(a, inf)). */
export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v !== v) return NaN;
    if (v > m) m = v;
  }
  return m;
}

/** Σ |a[i]|. */
export function norm1(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}

/** y[i] += alpha·x[i] over n elements. */
export function axpy(n: number, alpha: number, x: Float64Array, xo: number, y: Float64Array, yo: number): void {
  for (let i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
}

/** The norm chosen by a solver's `norm` option: Infinity (max-abs) or a p ≥ 1. */
export function vecnorm(a: Float64Array, ord: number): number {
  if (ord === Infinity) return normInf(a);
  if (ord === -Infinity) {
    let m = Infinity;
    for (let i = 0; i < a.length; i++) m = Math.min(m, Math.abs(a[i]));
    return m;
  }
  if (ord === 2) return nrm2(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]) ** ord;
  return s ** (1 / ord);
}

/** True when two vectors hold the same numbers (NaN never equal, as np.array_equal). */
export function sameVector(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Upper Cholesky factorisation A = UᵀU in place (LAPACK dpotf2 with
 * UPLO = 'U') of the column-major n×n block `a[off + i + j*lda]`; only the
 * upper triangle is read and written.
 * @returns 0 on success, else the 1-based order k of the first leading minor
 *   that is not positive definite (then a[k-1, k-1] holds the non-positive
 *   pivot and the first k-1 rows of U are complete, as LAPACK leaves them).
 */
export function potrfUpper(a: Float64Array, off: number, lda: number, n: number): number {
  for (let j = 0; j < n; j++) {
    const cj = off + j * lda;
    let ajj = a[cj + j];
    for (let k = 0; k < j; k++) ajj -= a[cj + k] * a[cj + k];
    if (!(ajj > 0)) {
      a[cj + j] = ajj;
      return j + 1;
    }
    ajj = Math.sqrt(ajj);
    a[cj + j] = ajj;
    for (let c = j + 1; c < n; c++) {
      const cc = off + c * lda;
      let s = a[cc + j];
      for (let k = 0; k < j; k++) s -= a[cj + k] * a[cc + k];
      a[cc + j] = s / ajj;
    }
  }
  return 0;
}

/**
 * Solves U x = b (`trans` false) or Uᵀ x = b (`trans` true) for an upper
 * triangular column-major U and `nrhs` right-hand sides stored column-major
 * at `b[boff + i + r*ldb]`, overwriting b (LAPACK dtrtrs, UPLO = 'U',
 * DIAG = 'N').
 * @returns 0, or the 1-based index of a zero diagonal element (singular U; b untouched).
 */
export function trtrsUpper(
  trans: boolean, n: number, nrhs: number, a: Float64Array, off: number, lda: number, b: Float64Array, boff: number, ldb: number,
): number {
  for (let i = 0; i < n; i++) if (a[off + i + i * lda] === 0) return i + 1;
  for (let r = 0; r < nrhs; r++) trsvUpper(trans, n, a, off, lda, b, boff + r * ldb);
  return 0;
}

/** One right-hand side of {@link trtrsUpper}, no singularity check (BLAS dtrsv, 'U', 'N'). */
export function trsvUpper(trans: boolean, n: number, a: Float64Array, off: number, lda: number, x: Float64Array, xo: number): void {
  if (!trans) {
    for (let j = n - 1; j >= 0; j--) {
      if (x[xo + j] === 0) continue;
      x[xo + j] /= a[off + j + j * lda];
      const t = x[xo + j];
      for (let i = 0; i < j; i++) x[xo + i] -= t * a[off + i + j * lda];
    }
  } else {
    for (let j = 0; j < n; j++) {
      let t = x[xo + j];
      for (let i = 0; i < j; i++) t -= a[off + i + j * lda] * x[xo + i];
      x[xo + j] = t / a[off + j + j * lda];
    }
  }
}
