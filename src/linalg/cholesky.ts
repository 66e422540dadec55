/**
 * Cholesky factorisation A = L Lᴴ of Hermitian positive-definite matrices
 * (LAPACK's dpotrf/zpotrf with UPLO='L': only the lower triangle is read), as a
 * differentiable primitive.
 */
import { asarray, bind, definePrimitive, LinAlgError, NDArray, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { gemm } from '../tensor/gemm';
import { add, conj, multiply, swapaxes } from '../ops';
import { arrayOf, assertStackedSquare, stackOf, toOut, toWork } from './batch';
import { inv } from './inv';

/** Block size of the blocked factorisation, and the order from which it is used. */
const NB = 64;

/**
 * Lower Cholesky factor of the real n×n row-major matrix at `a[off …]`, in
 * place (the strict upper triangle is zeroed). Left-looking by blocks of
 * {@link NB} columns (LAPACK's dpotrf): each block column first receives the
 * updates of all the columns to its left in one GEMM, then its diagonal block
 * is factored and the rows below it are solved for, by the row-oriented
 * Cholesky–Crout kernel (dot products of contiguous row prefixes).
 * @returns false when a pivot is not positive (or NaN): not positive definite.
 */
export function choleskyInPlace(a: Float64Array, off: number, n: number): boolean {
  for (let j0 = 0; j0 < n; j0 += NB) {
    const nb = Math.min(NB, n - j0);
    // A[j0:, j0:j0+nb] −= L[j0:, 0:j0] · L[j0:j0+nb, 0:j0]ᵀ
    if (j0 > 0) gemm(n - j0, nb, j0, -1, a, off + j0 * n, n, 1, a, off + j0 * n, 1, n, a, off + j0 * n + j0, n, 1);
    if (!blockColumn(a, off, n, j0, nb)) return false;
  }
  for (let i = 0; i < n; i++) a.fill(0, off + i * n + i + 1, off + (i + 1) * n);
  return true;
}

/**
 * Factors the diagonal block at (j0, j0) and solves the rows below it:
 * L[r][j] = (A[r][j] − L[r][j0:j]·L[j][j0:j]) / L[j][j] for j in the block.
 */
function blockColumn(a: Float64Array, off: number, n: number, j0: number, nb: number): boolean {
  for (let i = j0; i < n; i++) {
    const ri = off + i * n;
    const jEnd = Math.min(i, j0 + nb - 1);
    for (let j = j0; j <= jEnd; j++) {
      const rj = off + j * n;
      let s = a[ri + j];
      let k = j0;
      for (; k + 1 < j; k += 2) s -= a[ri + k] * a[rj + k] + a[ri + k + 1] * a[rj + k + 1];
      for (; k < j; k++) s -= a[ri + k] * a[rj + k];
      if (j < i) a[ri + j] = s / a[rj + j];
      else {
        if (!(s > 0)) return false; // also catches NaN, as dpotrf's DISNAN test
        a[ri + i] = Math.sqrt(s);
      }
    }
  }
  return true;
}

/** The complex (Hermitian) version of {@link choleskyInPlace} on interleaved storage. */
function choleskyComplexInPlace(a: Float64Array, off: number, n: number): boolean {
  const o = 2 * off;
  for (let i = 0; i < n; i++) {
    const ri = o + 2 * i * n;
    for (let j = 0; j <= i; j++) {
      const rj = o + 2 * j * n;
      // s = A[i][j] − Σ_k L[i][k] conj(L[j][k])
      let sr = a[ri + 2 * j], si = a[ri + 2 * j + 1];
      for (let k = 0; k < j; k++) {
        const xr = a[ri + 2 * k], xi = a[ri + 2 * k + 1], yr = a[rj + 2 * k], yi = a[rj + 2 * k + 1];
        sr -= xr * yr + xi * yi;
        si -= xi * yr - xr * yi;
      }
      if (j < i) {
        const d = a[rj + 2 * j]; // L[j][j] is real and positive
        a[ri + 2 * j] = sr / d;
        a[ri + 2 * j + 1] = si / d;
      } else {
        if (!(sr > 0)) return false;
        a[ri + 2 * i] = Math.sqrt(sr);
        a[ri + 2 * i + 1] = 0;
      }
    }
    for (let j = 2 * (i + 1); j < 2 * n; j++) a[ri + j] = 0;
  }
  return true;
}

/** Lower Cholesky factors of a stack. @throws {LinAlgError} "Matrix is not positive definite" */
function choleskyStack(a: NDArray): NDArray {
  const s = stackOf(a);
  const n = s.n;
  for (let k = 0; k < s.count; k++) {
    const ok = s.complex ? choleskyComplexInPlace(s.data, k * n * n, n) : choleskyInPlace(s.data, k * n * n, n);
    if (!ok) throw new LinAlgError('Matrix is not positive definite');
  }
  return arrayOf(s.data, a.shape, s.complex);
}

/** Φ(X) = tril(X) with the diagonal halved, as a constant mask to multiply by. */
function phiMask(n: number): NDArray {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) m[i * n + j] = 1;
    m[i * n + i] = 0.5;
  }
  return arrayOf(m, [n, n]);
}

/** The lower factor L of each matrix of a stack (reads the lower triangle only). */
export const choleskyP = definePrimitive<undefined>({
  name: 'cholesky',
  impl: ([a]) => choleskyStack(a),
  // Murray 2016, "Differentiation of the Cholesky decomposition" (arXiv:1602.07527),
  // as JAX's rule: with Φ = lower triangle and half the diagonal,
  // Ā = sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹), sym(X) = (X + Xᵀ)/2.
  vjp: (g, out) => {
    const n = out.shape[out.ndim - 1];
    const li = inv(out);
    const lit = swapaxes(li, -1, -2);
    const p = multiply(matmul(swapaxes(out, -1, -2), g), phiMask(n));
    const s = matmul(lit, matmul(p, li));
    return [multiply(add(s, swapaxes(s, -1, -2)), 0.5)];
  },
});

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /** Return the upper factor U = Lᴴ (computed from the upper triangle) instead of L. Default false. */
  upper?: boolean;
}

/**
 * Cholesky factor of a Hermitian (real symmetric) positive-definite matrix:
 * `a = L @ L.conj().T` with L lower triangular and a positive diagonal. Only
 * the lower triangle of `a` is read (the upper one with `upper: true`).
 * @param a `(..., M, M)` real or complex.
 * @returns `(..., M, M)`: L, or U = Lᴴ with `{ upper: true }`.
 * @throws {LinAlgError} "Matrix is not positive definite"; "Last 2 dimensions of the array must be square".
 * @example
 * np.linalg.cholesky([[4, 2], [2, 3]])
 * // [[2.         0.        ]
 * //  [1.         1.41421356]]
 */
export function cholesky(a: ArrayLike, opts: CholeskyOptions = {}): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  const w = toWork(x);
  if (!opts.upper) return toOut(bind(choleskyP, [w], undefined), x.dtype);
  // The upper triangle of A is the lower triangle of Aᴴ, and U = Lᴴ.
  const h = (m: NDArray): NDArray => (m.dtype === 'complex128' ? conj(swapaxes(m, -1, -2)) : swapaxes(m, -1, -2));
  return toOut(h(bind(choleskyP, [h(w)], undefined)), x.dtype);
}
