/**
 * Golub–Kahan bidiagonalisation A = Q B Pᵀ of an m×n row-major matrix with
 * m ≥ n, B upper bidiagonal (LAPACK's dgebd2), and the formation of Q and Pᵀ
 * (dorgbr) through the blocked reflector code of QR. The first step of the SVD.
 */
import { makeReflector, reflectLeft, reflectRight } from './householder';
import { qrFormQ } from './qr';

/**
 * dgebd2 for m ≥ n, in place: diagonal → `d` (n), superdiagonal → `e` (n−1);
 * the left reflectors H_i stay below the diagonal in column i (`tauq[i]`), the
 * right reflectors G_i to the right of the superdiagonal in row i (`taup[i]`).
 * `work` needs max(m, n) doubles.
 */
export function bidiagonalize(
  a: Float64Array, off: number, m: number, n: number,
  d: Float64Array, e: Float64Array, tauq: Float64Array, taup: Float64Array, work: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const ii = off + i * n + i;
    // H_i annihilates A[i+1:, i]
    tauq[i] = makeReflector(a, ii, ii + n, m - i, n);
    d[i] = a[ii];
    if (i < n - 1) {
      a[ii] = 1;
      reflectLeft(a, off, n, i, i + 1, m - i, n - i - 1, a, ii, n, tauq[i], work);
    }
    a[ii] = d[i];
    if (i < n - 1) {
      // G_i annihilates A[i, i+2:]
      const ij = ii + 1;
      taup[i] = makeReflector(a, ij, ij + 1, n - i - 1, 1);
      e[i] = a[ij];
      a[ij] = 1;
      reflectRight(a, off, n, i + 1, i + 1, m - i - 1, n - i - 1, a, ij, 1, taup[i], work);
      a[ij] = e[i];
    } else taup[i] = 0;
  }
}

/**
 * Q's first `cols` columns (m×cols row-major into `q`) from the left
 * reflectors that {@link bidiagonalize} left in `a` (m×n).
 */
export function bidiagonalQ(a: Float64Array, off: number, m: number, n: number, tauq: Float64Array, q: Float64Array, cols: number, work: Float64Array): void {
  qrFormQ(a, off, n, m, n, tauq, q, 0, cols, cols, work);
}

/**
 * Pᵀ (n×n row-major into `pt`) from the right reflectors in `a`'s rows:
 * P = diag(1, P′), where P′ is built like a QR factor from the reflectors
 * transposed into columns (G_j's vector starts at (j, j+1)).
 */
export function bidiagonalPt(a: Float64Array, off: number, n: number, taup: Float64Array, pt: Float64Array, work: Float64Array): void {
  pt.fill(0, 0, n * n);
  if (n === 0) return;
  pt[0] = 1;
  if (n === 1) return;
  const k = n - 1;
  // reflectors as columns: r[row][j] = A[j][row + 1] for row > j (G_j's v[0] = 1 sits at A[j][j + 1])
  const r = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let row = j + 1; row < k; row++) r[row * k + j] = a[off + j * n + row + 1];
  const p = new Float64Array(k * k);
  qrFormQ(r, 0, k, k, k, taup, p, 0, k, k, work);
  // Pᵀ = diag(1, P′ᵀ)
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) pt[(i + 1) * n + (j + 1)] = p[j * k + i];
}
