/**
 * The SVD of one real m×n matrix, A = U Σ Vᵀ: Golub–Kahan bidiagonalisation
 * (`bidiagonal.ts`), then implicit QR on the bidiagonal (`bdsqr.ts`), as
 * LAPACK's dgesvd/dgesdd do for small problems, so the vectors carry LAPACK's
 * signs there. Wide input (m < n) is handled through Aᵀ = V Σ Uᵀ.
 */
import { bidiagonalize, bidiagonalPt, bidiagonalQ } from './bidiagonal';
import { bidiagonalSvd } from './bdsqr';

/** Singular values (descending) and, when asked, the factors, all row-major. */
export interface SvdParts {
  /** min(m, n) values. */
  s: Float64Array;
  /** m×uCols (uCols = m when full, else min(m, n)), or null. */
  u: Float64Array | null;
  /** vRows×n (vRows = n when full, else min(m, n)), or null. */
  vt: Float64Array | null;
}

/**
 * SVD of the m×n row-major matrix at `a[off …]` (read only).
 * @returns null when the QR iteration did not converge.
 */
export function svdMatrix(a: Float64Array, off: number, m: number, n: number, vectors: boolean, full: boolean): SvdParts | null {
  const wide = m < n;
  // Work on the tall one of A and Aᵀ: M ≥ N.
  const M = wide ? n : m, N = wide ? m : n;
  const t = new Float64Array(M * N);
  if (wide) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[off + i * n + j];
  else t.set(a.subarray(off, off + m * n));
  const d = new Float64Array(N), e = new Float64Array(Math.max(N - 1, 1));
  const tauq = new Float64Array(Math.max(N, 1)), taup = new Float64Array(Math.max(N, 1));
  const work = new Float64Array(Math.max(M, N, 1));
  if (N === 0) {
    if (!vectors) return { s: d, u: null, vt: null };
    // No values: the factors are identities of the sizes NumPy gives.
    const uc = full ? m : 0, vr = full ? n : 0;
    const u = new Float64Array(m * uc), vt = new Float64Array(vr * n);
    for (let i = 0; i < uc; i++) u[i * uc + i] = 1;
    for (let i = 0; i < vr; i++) vt[i * n + i] = 1;
    return { s: d, u, vt };
  }
  bidiagonalize(t, 0, M, N, d, e, tauq, taup, work);
  if (!vectors) return bidiagonalSvd(d, e, N, null, 0, null, 0) === 0 ? { s: d, u: null, vt: null } : null;
  // Left factor of the tall problem as rows of its transpose (the rotations act on rows).
  const qCols = full ? M : N;
  const q = new Float64Array(M * qCols);
  bidiagonalQ(t, 0, M, N, tauq, q, qCols, work);
  const qt = new Float64Array(qCols * M);
  for (let i = 0; i < M; i++) for (let j = 0; j < qCols; j++) qt[j * M + i] = q[i * qCols + j];
  const pt = new Float64Array(N * N);
  bidiagonalPt(t, 0, N, taup, pt, work);
  if (bidiagonalSvd(d, e, N, pt, N, qt, M) !== 0) return null;
  if (!wide) {
    // U = Qᵀᵀ (m×qCols), Vᵀ = Pᵀ (n×n)
    const u = new Float64Array(M * qCols);
    for (let i = 0; i < qCols; i++) for (let j = 0; j < M; j++) u[j * qCols + i] = qt[i * M + j];
    return { s: d, u, vt: pt };
  }
  // Aᵀ = U′ Σ V′ᵀ ⇒ A = V′ Σ U′ᵀ: U = V′ = Pᵀᵀ (m×m), Vᵀ = U′ᵀ = qt (qCols×n).
  const u = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) u[j * N + i] = pt[i * N + j];
  return { s: d, u, vt: qt };
}
