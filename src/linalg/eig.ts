/**
 * The general (nonsymmetric) eigenproblem: `eig` and `eigvals`, as LAPACK's
 * dgeev does it: scaling, balancing (`balance.ts`), Hessenberg reduction
 * (`hessenberg.ts`), Francis double-shift QR to the real Schur form
 * (`hqr.ts`), eigenvectors of the Schur form by back substitution
 * (`trevc.ts`) transformed back with one GEMM, then dgeev's normalisation:
 * unit 2-norm, and for a complex vector its largest component made real.
 * Complex input goes through the complex QR algorithm of `eigComplex.ts`.
 */
import { asarray, LinAlgError, NDArray, type ArrayLike } from '../core';
import { gemm } from '../tensor/gemm';
import { arrayOf, assertFinite, assertStackedSquare, namedTuple, stackOf } from './batch';
import { balance, unbalance } from './balance';
import { complexEigen } from './eigComplex';
import { hessenberg, hessenbergQ } from './hessenberg';
import { hessenbergQR } from './hqr';
import { hypot2, norm2 } from './householder';
import { givens } from './rotations';
import { schurEigenvectors } from './trevc';

const SAFMIN = 2.2250738585072014e-308;
const EPS = 2.220446049250313e-16;
const SMLNUM = Math.sqrt(SAFMIN) / EPS;
const BIGNUM = 1 / SMLNUM;

/**
 * dgeev ('N', 'V' or 'N', 'N') on the n×n row-major `a` (overwritten): values
 * into `wr`, `wi`; with `vr` (n×n row-major) the normalised right vectors in
 * LAPACK's real layout (a complex pair as real and imaginary columns).
 * @returns false when the QR iteration did not converge.
 */
export function realEigen(a: Float64Array, n: number, wr: Float64Array, wi: Float64Array, vr: Float64Array | null): boolean {
  if (n === 0) return true;
  // Scale A if its largest entry is outside [SMLNUM, BIGNUM]. (The loops live in
  // small helpers: a driver with inline loops gets compiled on stack halfway and
  // deoptimised on every call.)
  const anrm = maxAbs(a, n * n);
  const cscale = anrm > 0 && anrm < SMLNUM ? SMLNUM : anrm > BIGNUM ? BIGNUM : 0;
  if (cscale !== 0) scaleBy(a, n * n, cscale / anrm);
  const scale = new Float64Array(n);
  const [ilo, ihi] = balance(a, n, scale);
  const tau = new Float64Array(n);
  const work = new Float64Array(n);
  hessenberg(a, n, ilo, ihi, tau, work);
  let z: Float64Array | null = null;
  if (vr) {
    z = new Float64Array(n * n);
    hessenbergQ(a, n, ilo, ihi, tau, z, work);
  }
  clearBelowSubdiagonal(a, n);
  // the eigenvalues that balancing isolated
  isolated(a, n, ilo, ihi, wr, wi);
  if (hessenbergQR(a, n, ilo, ihi, wr, wi, vr !== null, z) !== 0) return false;
  if (cscale !== 0) {
    scaleBy(wr, n, anrm / cscale);
    scaleBy(wi, n, anrm / cscale);
  }
  if (!vr || !z) return true;
  // Vectors of T, back to A's basis: VR = Z X, then undo the balancing.
  const X = new Float64Array(n * n);
  schurEigenvectors(a, n, X);
  vr.fill(0, 0, n * n);
  gemm(n, n, n, 1, z, 0, n, 1, X, 0, n, 1, vr, 0, n, 1);
  unbalance(vr, n, n, ilo, ihi, scale);
  normalizeVectors(vr, n, wi);
  return true;
}

function maxAbs(a: Float64Array, len: number): number {
  let m = 0;
  for (let i = 0; i < len; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function scaleBy(a: Float64Array, len: number, f: number): void {
  for (let i = 0; i < len; i++) a[i] *= f;
}

/** dhseqr's dlaset: the reflectors below the subdiagonal are not part of H. */
function clearBelowSubdiagonal(a: Float64Array, n: number): void {
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) a[i * n + j] = 0;
}

function isolated(a: Float64Array, n: number, ilo: number, ihi: number, wr: Float64Array, wi: Float64Array): void {
  for (let i = 0; i < n; i++) {
    if (i >= ilo - 1 && i < ihi) continue;
    wr[i] = a[i * n + i];
    wi[i] = 0;
  }
}

/** dgeev's normalisation: unit 2-norm columns; a complex pair rotated so its largest component is real. */
function normalizeVectors(vr: Float64Array, n: number, wi: Float64Array): void {
  const g = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    if (wi[i] === 0) {
      const s = 1 / norm2(vr, i, n, n);
      for (let k = 0; k < n; k++) vr[k * n + i] *= s;
    } else if (wi[i] > 0) {
      const s = 1 / hypot2(norm2(vr, i, n, n), norm2(vr, i + 1, n, n));
      let kmax = 0, big = -1;
      for (let k = 0; k < n; k++) {
        vr[k * n + i] *= s;
        vr[k * n + i + 1] *= s;
        const m = vr[k * n + i] ** 2 + vr[k * n + i + 1] ** 2;
        if (m > big) {
          big = m;
          kmax = k;
        }
      }
      givens(vr[kmax * n + i], vr[kmax * n + i + 1], g);
      const cs = g[0], sn = g[1];
      for (let k = 0; k < n; k++) {
        const x = vr[k * n + i], y = vr[k * n + i + 1];
        vr[k * n + i] = cs * x + sn * y;
        vr[k * n + i + 1] = cs * y - sn * x;
      }
      vr[kmax * n + i + 1] = 0;
    }
  }
}

/** Eigenvalues (and vectors) of every matrix of a stack, as NumPy returns them. */
function eigStack(x: NDArray, vectors: boolean): { w: NDArray; v: NDArray | null } {
  const s = stackOf(x);
  assertFinite(s.data);
  const { n, count, batch } = s;
  const nn = n * n;
  if (s.complex) {
    const w = new Float64Array(2 * count * n);
    const v = vectors ? new Float64Array(2 * count * nn) : null;
    for (let t = 0; t < count; t++) {
      if (!complexEigen(s.data, t * nn, n, w, t * n, v, t * nn)) throw new LinAlgError('Eigenvalues did not converge');
    }
    return { w: arrayOf(w, [...batch, n], true), v: v ? arrayOf(v, [...batch, n, n], true) : null };
  }
  const wr = new Float64Array(count * n), wi = new Float64Array(count * n);
  const vr = vectors ? new Float64Array(count * nn) : null;
  for (let t = 0; t < count; t++) {
    const ok = realEigen(s.data.subarray(t * nn, (t + 1) * nn), n, wr.subarray(t * n, (t + 1) * n), wi.subarray(t * n, (t + 1) * n), vr ? vr.subarray(t * nn, (t + 1) * nn) : null);
    if (!ok) throw new LinAlgError('Eigenvalues did not converge');
  }
  // Real results unless some eigenvalue anywhere in the stack is complex (NumPy's rule).
  if (wi.every((v) => v === 0)) return { w: arrayOf(wr, [...batch, n]), v: vr ? arrayOf(vr, [...batch, n, n]) : null };
  const w = new Float64Array(2 * count * n);
  for (let i = 0; i < count * n; i++) {
    w[2 * i] = wr[i];
    w[2 * i + 1] = wi[i];
  }
  let v: Float64Array | null = null;
  if (vr) {
    v = new Float64Array(2 * count * nn);
    for (let t = 0; t < count; t++) {
      const o = t * nn;
      for (let j = 0; j < n; j++) {
        const im = wi[t * n + j];
        for (let k = 0; k < n; k++) {
          const p = 2 * (o + k * n + j);
          if (im === 0) v[p] = vr[o + k * n + j];
          else if (im > 0) {
            v[p] = vr[o + k * n + j];
            v[p + 1] = vr[o + k * n + j + 1];
          } else {
            // the conjugate of the previous column's vector
            v[p] = vr[o + k * n + j - 1];
            v[p + 1] = -vr[o + k * n + j];
          }
        }
      }
    }
  }
  return { w: arrayOf(w, [...batch, n], true), v: v ? arrayOf(v, [...batch, n, n], true) : null };
}

/** NumPy's `EigResult(eigenvalues, eigenvectors)`. */
export type EigResult = [eigenvalues: NDArray, eigenvectors: NDArray] & { eigenvalues: NDArray; eigenvectors: NDArray };

/**
 * Eigenvalues and right eigenvectors of a general square matrix:
 * `a @ v[:, i] = w[i] * v[:, i]`. Eigenvalues are in the order LAPACK's QR
 * algorithm finds them (not sorted); complex ones of a real matrix come in
 * conjugate pairs, positive imaginary part first. Each vector has unit
 * 2-norm and, when complex, a real largest component (LAPACK's dgeev); for a
 * defective matrix the vectors are (nearly) parallel, as NumPy's are.
 * @param a `(..., M, M)` real or complex.
 * @returns `[w (..., M), v (..., M, M)]`, also `.eigenvalues`, `.eigenvectors`: float64 when every
 * eigenvalue is real (for real input), complex128 otherwise.
 * @throws {LinAlgError} "Array must not contain infs or NaNs"; "Eigenvalues did not converge"; non-square input.
 * @example
 * const { eigenvalues, eigenvectors } = np.linalg.eig([[4, 2], [1, 3]]);
 * // eigenvalues  = [5. 2.]
 * // eigenvectors = [[ 0.89442719 -0.70710678] [ 0.4472136   0.70710678]]
 * np.linalg.eig([[0, -1], [1, 0]]).eigenvalues  // [0.+1.j 0.-1.j]
 */
export function eig(a: ArrayLike): EigResult {
  const x = asarray(a);
  assertStackedSquare(x);
  const { w, v } = eigStack(x, true);
  return namedTuple([w, v!] as [NDArray, NDArray], { eigenvalues: w, eigenvectors: v! });
}

/**
 * Eigenvalues of a general square matrix (no vectors: the QR iteration does
 * not form the Schur vectors, so this is several times faster than {@link eig}).
 * @param a `(..., M, M)` real or complex.
 * @returns `(..., M)`: float64 when all are real (for real input), complex128 otherwise.
 * @throws {LinAlgError} "Array must not contain infs or NaNs"; "Eigenvalues did not converge"; non-square input.
 * @example np.linalg.eigvals([[2, 0], [0, 3]])  // [2. 3.]
 */
export function eigvals(a: ArrayLike): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  return eigStack(x, false).w;
}
