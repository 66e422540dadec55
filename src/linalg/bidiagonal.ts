/**
 * Golub–Kahan bidiagonalisation A = Q B Pᵀ of an m×n row-major matrix with
 * m ≥ n, B upper bidiagonal (LAPACK's dgebrd: panels of {@link NB} columns
 * and rows by dlabrd, the trailing matrix updated by two GEMMs,
 * A −= V Yᵀ + X U; dgebd2 for the last columns), and the formation of Q and
 * Pᵀ (dorgbr) through the blocked reflector code of QR. The first step of the SVD.
 */
import { gemm } from '../tensor/gemm';
import { makeReflector, reflectLeft, reflectRight } from './householder';
import { qrFormQ } from './qr';

const NB = 32;
/** Columns left to the unblocked code. */
const NX = 32;

/**
 * dlabrd (m ≥ n) on the M×N block at `a[base …]` (row length `ld`): reduces
 * its first nb rows and columns, fills X (M×NB) and Y (N×NB) row-major so the
 * caller can update the rest as A −= V Yᵀ + X U. The reflectors keep their
 * unit elements stored (A(i, i) and A(i, i+1) are 1 on return).
 */
function panel(
  a: Float64Array, base: number, ld: number, M: number, N: number, nb: number,
  d: Float64Array, e: Float64Array, tauq: Float64Array, taup: Float64Array, X: Float64Array, Y: Float64Array,
): void {
  // 0-based local indices below: A(r, c) is a[base + r·ld + c], X(r, p) is X[r·NB + p], Y(c, p) is Y[c·NB + p].
  const u = new Float64Array(M), yv = new Float64Array(N), col = new Float64Array(NB);
  const t = new Float64Array(NB), t2 = new Float64Array(NB);
  for (let i = 0; i < nb; i++) {
    // A(i:M, i) −= A(i:M, 0:i) Y(i, 0:i)ᵀ + X(i:M, 0:i) A(0:i, i)
    for (let p = 0; p < i; p++) col[p] = a[base + p * ld + i];
    for (let r = i; r < M; r++) {
      const ar = base + r * ld, xr = r * NB, yi = i * NB;
      let s = 0;
      for (let p = 0; p < i; p++) s += a[ar + p] * Y[yi + p] + X[xr + p] * col[p];
      a[ar + i] -= s;
    }
    const ii = base + i * ld + i;
    tauq[i] = makeReflector(a, ii, ii + ld, M - i, ld);
    d[i] = a[ii];
    if (i >= N - 1) {
      taup[i] = 0;
      continue;
    }
    a[ii] = 1;
    const L = M - i, W = N - i - 1; // rows of u, length of the row reflector
    for (let r = 0; r < L; r++) u[r] = a[ii + r * ld];
    // Y(i+1:N, i) = τq [A(i:M, i+1:N)ᵀ u − Y(i+1:N, 0:i) (A(i:M, 0:i)ᵀ u) − A(0:i, i+1:N)ᵀ (X(i:M, 0:i)ᵀ u)]
    yv.fill(0, 0, W);
    t.fill(0, 0, i);
    t2.fill(0, 0, i);
    for (let r = 0; r < L; r++) {
      const ur = u[r];
      if (ur === 0) continue;
      const row = base + (i + r) * ld, xr = (i + r) * NB;
      for (let c = 0; c < W; c++) yv[c] += a[row + i + 1 + c] * ur;
      for (let p = 0; p < i; p++) {
        t[p] += a[row + p] * ur;
        t2[p] += X[xr + p] * ur;
      }
    }
    for (let c = 0; c < W; c++) {
      const yr = (i + 1 + c) * NB;
      let s = 0;
      for (let p = 0; p < i; p++) s += Y[yr + p] * t[p];
      yv[c] -= s;
    }
    for (let p = 0; p < i; p++) {
      const w = t2[p];
      if (w === 0) continue;
      const row = base + p * ld + i + 1;
      for (let c = 0; c < W; c++) yv[c] -= a[row + c] * w;
    }
    const tq = tauq[i];
    for (let c = 0; c < W; c++) Y[(i + 1 + c) * NB + i] = yv[c] * tq;
    // A(i, i+1:N) −= Y(i+1:N, 0:i+1) A(i, 0:i+1)ᵀ + A(0:i, i+1:N)ᵀ X(i, 0:i)ᵀ
    const ri = base + i * ld;
    for (let c = 0; c < W; c++) {
      const yr = (i + 1 + c) * NB;
      let s = 0;
      for (let p = 0; p <= i; p++) s += Y[yr + p] * a[ri + p];
      a[ri + i + 1 + c] -= s;
    }
    for (let p = 0; p < i; p++) {
      const w = X[i * NB + p];
      if (w === 0) continue;
      const row = base + p * ld + i + 1;
      for (let c = 0; c < W; c++) a[ri + i + 1 + c] -= a[row + c] * w;
    }
    const ij = ri + i + 1;
    taup[i] = makeReflector(a, ij, ij + 1, W, 1);
    e[i] = a[ij];
    a[ij] = 1;
    // X(i+1:M, i) = τp [A(i+1:M, i+1:N) v − A(i+1:M, 0:i+1) (Y(i+1:N, 0:i+1)ᵀ v) − X(i+1:M, 0:i) (A(0:i, i+1:N) v)]
    t.fill(0, 0, i + 1);
    for (let c = 0; c < W; c++) {
      const vc = a[ij + c], yr = (i + 1 + c) * NB;
      for (let p = 0; p <= i; p++) t[p] += Y[yr + p] * vc;
    }
    for (let p = 0; p < i; p++) {
      let s = 0;
      const row = base + p * ld + i + 1;
      for (let c = 0; c < W; c++) s += a[row + c] * a[ij + c];
      t2[p] = s;
    }
    const tp = taup[i];
    for (let r = i + 1; r < M; r++) {
      const row = base + r * ld, xr = r * NB;
      let s = 0;
      for (let c = 0; c < W; c++) s += a[row + i + 1 + c] * a[ij + c];
      for (let p = 0; p <= i; p++) s -= a[row + p] * t[p];
      for (let p = 0; p < i; p++) s -= X[xr + p] * t2[p];
      X[xr + i] = tp * s;
    }
  }
}

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
  let i0 = 0;
  if (n > NX + NB) {
    const X = new Float64Array(m * NB), Y = new Float64Array(n * NB);
    for (; i0 < n - NX; i0 += NB) {
      const base = off + i0 * n + i0, M = m - i0, N = n - i0;
      panel(a, base, n, M, N, NB, d.subarray(i0), e.subarray(i0), tauq.subarray(i0), taup.subarray(i0), X, Y);
      // A(NB+1:M, NB+1:N) −= V Y(NB+1:N, :)ᵀ + X(NB+1:M, :) U, V = A(NB+1:M, 1:NB), U = A(1:NB, NB+1:N)
      const c0 = base + NB * n + NB;
      gemm(M - NB, N - NB, NB, -1, a, base + NB * n, n, 1, Y, NB * NB, 1, NB, a, c0, n, 1);
      gemm(M - NB, N - NB, NB, -1, X, NB * NB, NB, 1, a, base + NB, n, 1, a, c0, n, 1);
      for (let j = 0; j < NB; j++) {
        a[base + j * n + j] = d[i0 + j];
        a[base + j * n + j + 1] = e[i0 + j];
      }
    }
  }
  unblocked(a, off, m, n, i0, d, e, tauq, taup, work);
}

/** dgebd2 from row/column `from` on (the leading part is already reduced). */
function unblocked(
  a: Float64Array, off: number, m: number, n: number, from: number,
  d: Float64Array, e: Float64Array, tauq: Float64Array, taup: Float64Array, work: Float64Array,
): void {
  for (let i = from; i < n; i++) {
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
