/**
 * Symmetric / Hermitian eigendecomposition: `eigh` and `eigvalsh`.
 *
 * Householder tridiagonalisation (dsytd2 'L' + dorgtr, `tridiagonal.ts`), then
 * implicit QL/QR on the tridiagonal (dsteqr, `steqr.ts`) rotating the
 * accumulated Q into the eigenvectors. Eigenvalues ascend, as NumPy's.
 * Complex Hermitian input goes through the same QL iteration after a complex
 * Householder reduction to a *real* tridiagonal (`tridiagonalComplex.ts`).
 */
import { asarray, bind, definePrimitive, LinAlgError, NDArray, ValueError, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { add, divide, expandDims, multiply, subtract, swapaxes } from '../ops';
import { allFinite, arrayOf, assertStackedSquare, namedTuple, stackOf, toOut, toWork } from './batch';
import { hermitianEigen } from './tridiagonalComplex';
import { tridiagonalize, tridiagonalQ } from './tridiagonal';
import { tridiagonalQL } from './steqr';

/**
 * Eigenvalues (ascending) and, when `vectors`, eigenvectors of the real
 * symmetric n×n row-major matrix at `a[off …]` (lower triangle read; `a` is
 * overwritten). `w` gets n values; `v` (n×n row-major, columns = vectors) is
 * written when given.
 * @returns false when the QL iteration did not converge.
 */
export function symmetricEigen(a: Float64Array, off: number, n: number, w: Float64Array, v: Float64Array | null, voff: number): boolean {
  if (n === 0) return true;
  const e = new Float64Array(Math.max(n - 1, 1));
  const tau = new Float64Array(Math.max(n - 1, 1));
  const work = new Float64Array(2 * n);
  const d = w.subarray(0, n);
  tridiagonalize(a, off, n, d, e, tau, work);
  if (!v) return tridiagonalQL(d, e, n, null, n) === 0;
  // Q, then its transpose: the QL iteration rotates Z's columns as rows.
  const q = new Float64Array(n * n);
  tridiagonalQ(a, off, n, tau, q, 0, work);
  const zt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) zt[j * n + i] = q[i * n + j];
  if (tridiagonalQL(d, e, n, zt, n) !== 0) return false;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v[voff + i * n + j] = zt[j * n + i];
  return true;
}

/** Copies the triangle `uplo` names into the lower one (conjugating for complex), so the kernels read 'L'. */
function useUpper(s: { data: Float64Array; count: number; n: number; complex: boolean }): void {
  const { data, n, complex } = s;
  for (let k = 0; k < s.count; k++) {
    const off = k * n * n;
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
      if (complex) {
        data[2 * (off + i * n + j)] = data[2 * (off + j * n + i)];
        data[2 * (off + i * n + j) + 1] = -data[2 * (off + j * n + i) + 1];
      } else data[off + i * n + j] = data[off + j * n + i];
    }
  }
}

/** True when the lower triangle (the part the kernels read) is finite. */
function lowerFinite(data: Float64Array, off: number, n: number, complex: boolean): boolean {
  const c = complex ? 2 : 1;
  for (let i = 0; i < n; i++) if (!allFinite(data.subarray(c * (off + i * n), c * (off + i * n + i + 1)))) return false;
  return true;
}

/** Values `(..., n)` and vectors `(..., n, n)` of each matrix of a stack (vectors null when not wanted). */
function eighStack(x: NDArray, uplo: 'L' | 'U', vectors: boolean): { w: NDArray; v: NDArray | null } {
  const s = stackOf(x);
  if (uplo === 'U') useUpper(s);
  const { n, count, batch, complex } = s;
  const w = new Float64Array(count * n);
  const v = vectors ? new Float64Array((complex ? 2 : 1) * count * n * n) : null;
  for (let k = 0; k < count; k++) {
    const off = k * n * n;
    if (!lowerFinite(s.data, off, n, complex)) {
      // LAPACK gives NaN here, and so does NumPy: no error, no iteration.
      w.fill(NaN, k * n, (k + 1) * n);
      if (v) v.fill(NaN, (complex ? 2 : 1) * off, (complex ? 2 : 1) * (off + n * n));
      continue;
    }
    const wk = w.subarray(k * n, (k + 1) * n);
    const ok = complex ? hermitianEigen(s.data, off, n, wk, v, off) : symmetricEigen(s.data, off, n, wk, v, off);
    if (!ok) throw new LinAlgError('Eigenvalues did not converge');
  }
  return { w: arrayOf(w, [...batch, n]), v: v ? arrayOf(v, [...batch, n, n], complex) : null };
}

/** `[w; V]`: eigenvalues in row 0 and eigenvectors below, shape (..., n + 1, n) (real symmetric input). */
export const eighP = definePrimitive<{ uplo: 'L' | 'U' }>({
  name: 'eigh',
  impl: ([a], { uplo }) => {
    const { w, v } = eighStack(a, uplo, true);
    const n = a.shape[a.ndim - 1];
    const count = w.size / Math.max(n, 1);
    const out = new Float64Array(count * (n + 1) * n);
    for (let k = 0; k < count; k++) {
      out.set((w.data as Float64Array).subarray(k * n, (k + 1) * n), k * (n + 1) * n);
      out.set((v!.data as Float64Array).subarray(k * n * n, (k + 1) * n * n), k * (n + 1) * n + n);
    }
    return arrayOf(out, [...a.shape.slice(0, -2), n + 1, n]);
  },
  // A = V Λ Vᵀ: Ā = V (diag(w̄) + F ∘ (Vᵀ V̄)) Vᵀ with F_ij = 1/(λ_j − λ_i) off the
  // diagonal and 0 on it (Giles 2008, "An extended collection of matrix derivative
  // results", §3.1), symmetrised as JAX does, since only one triangle is read.
  // Repeated eigenvalues make F infinite: the vectors are not differentiable there.
  vjp: (g, out, [a]) => {
    const n = a.shape[a.ndim - 1];
    const w = out.get('...', 0, ':');
    const V = out.get('...', '1:', ':');
    const gw = g.get('...', 0, ':');
    const gV = g.get('...', '1:', ':');
    const eye = identity(n);
    const diff = subtract(expandDims(w, -2), expandDims(w, -1)); // [i][j] = λ_j − λ_i
    const F = divide(subtract(1, eye), add(diff, eye));
    const inner = add(multiply(expandDims(gw, -1), eye), multiply(F, matmul(swapaxes(V, -1, -2), gV)));
    const abar = matmul(V, matmul(inner, swapaxes(V, -1, -2)));
    return [multiply(add(abar, swapaxes(abar, -1, -2)), 0.5)];
  },
});

function identity(n: number): NDArray {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return arrayOf(d, [n, n]);
}

/** NumPy's `EighResult(eigenvalues, eigenvectors)`. */
export type EighResult = [eigenvalues: NDArray, eigenvectors: NDArray] & { eigenvalues: NDArray; eigenvectors: NDArray };

/** Options of {@link eigh} and {@link eigvalsh}. */
export interface EighOptions {
  /** Which triangle to read: 'L' (default) or 'U'. The other one is ignored. */
  UPLO?: 'L' | 'U';
}

function checkUplo(uplo: unknown): 'L' | 'U' {
  if (uplo !== 'L' && uplo !== 'U') throw new ValueError("UPLO argument must be 'L' or 'U'");
  return uplo;
}

/**
 * Eigenvalues and eigenvectors of a real symmetric or complex Hermitian
 * matrix: `a @ v[:, i] = w[i] * v[:, i]`, w ascending, v orthonormal (unitary).
 * Only one triangle is read. Each vector's sign (phase) is arbitrary, as in LAPACK.
 * @param a `(..., M, M)`.
 * @returns `[eigenvalues (..., M), eigenvectors (..., M, M)]`, also `.eigenvalues`, `.eigenvectors`.
 * Real eigenvalues always; vectors complex for complex input. NaN in the read triangle gives NaN results, as NumPy.
 * @throws {LinAlgError} "Eigenvalues did not converge"; "Last 2 dimensions of the array must be square".
 * @example
 * const { eigenvalues, eigenvectors } = np.linalg.eigh([[2, 1], [1, 2]]);
 * // eigenvalues  = [1. 3.]
 * // eigenvectors = [[-0.70710678  0.70710678] [ 0.70710678  0.70710678]]
 */
export function eigh(a: ArrayLike, opts: EighOptions = {}): EighResult {
  const uplo = checkUplo(opts.UPLO ?? 'L');
  const x = asarray(a);
  assertStackedSquare(x);
  const work = toWork(x);
  let w: NDArray, v: NDArray;
  if (work.dtype === 'float64') {
    const packed = bind(eighP, [work], { uplo });
    w = packed.get('...', 0, ':');
    v = packed.get('...', '1:', ':');
  } else {
    if (work.isTraced()) throw new ValueError('eigh: derivatives for complex input are not supported');
    const r = eighStack(work, uplo, true);
    w = r.w;
    v = r.v!;
  }
  w = toOut(w, x.dtype);
  v = toOut(v, x.dtype);
  return namedTuple([w, v] as [NDArray, NDArray], { eigenvalues: w, eigenvectors: v });
}

/**
 * Eigenvalues of a real symmetric or complex Hermitian matrix, ascending
 * (faster than {@link eigh}: no vectors are formed unless a derivative needs them).
 * @param a `(..., M, M)`.
 * @returns `(..., M)` real.
 * @throws {LinAlgError} "Eigenvalues did not converge"; non-square input.
 * @example np.linalg.eigvalsh([[8, -4], [-4, 8]])  // [ 4. 12.]
 */
export function eigvalsh(a: ArrayLike, opts: EighOptions = {}): NDArray {
  const uplo = checkUplo(opts.UPLO ?? 'L');
  const x = asarray(a);
  assertStackedSquare(x);
  const work = toWork(x);
  if (work.isTraced()) {
    if (work.dtype !== 'float64') throw new ValueError('eigvalsh: derivatives for complex input are not supported');
    return toOut(bind(eighP, [work], { uplo }).get('...', 0, ':'), x.dtype);
  }
  return toOut(eighStack(work, uplo, false).w, x.dtype === 'complex128' ? 'float64' : x.dtype);
}

