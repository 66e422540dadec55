/**
 * Reduction of a symmetric matrix to tridiagonal form, A = Q T Qᵀ (LAPACK's
 * dsytrd with UPLO='L', blocked with dlatrd, and dorgtr), reading and
 * updating the lower triangle only. The first step of `eigh`.
 *
 * Row-major storage: the lower triangle's row r is the contiguous prefix
 * A[r][0 … r], so the symmetric matrix-vector product (dsymv) is one pass
 * over the rows doing a dot product with the prefix and an axpy into it.
 * Blocked (n ≥ {@link NX}): a panel of {@link NB} reflectors is formed with
 * the matrix W of dlatrd, then the trailing matrix gets the rank-2·NB update
 * A −= V Wᵀ + W Vᵀ through GEMM, row block by row block over the lower
 * triangle; half the flops move from vector loops into the packed kernel.
 */
import { gemm } from '../tensor/gemm';
import { makeReflector } from './householder';
import { qrFormQ } from './qr';

const NB = 32;
/** Below this order the unblocked code is used (LAPACK's crossover is similar). */
const NX = 96;

/**
 * y = A v over the lower triangle of the L×L block at `a[base …]` (row length
 * `ld`): row r contributes its prefix dot v to y[r] and its prefix times v[r]
 * to y[0 … r).
 */
function symv(a: Float64Array, base: number, ld: number, L: number, v: Float64Array, y: Float64Array, yo: number, ys: number): void {
  for (let r = 0; r < L; r++) y[yo + r * ys] = 0;
  for (let r = 0; r < L; r++) {
    const row = base + r * ld;
    const vr = v[r];
    let s = 0;
    for (let c = 0; c < r; c++) {
      const arc = a[row + c];
      s += arc * v[c];
      y[yo + c * ys] += arc * vr;
    }
    y[yo + r * ys] += s + a[row + r] * vr;
  }
}

/**
 * dsytd2 ('L') on the n×n block at `a[off …]` with row length `ld`: diagonal →
 * `d`, subdiagonal → `e`, reflector i in column i below the subdiagonal with
 * `tau[i]`. `work` needs 2n doubles.
 */
function unblocked(a: Float64Array, off: number, ld: number, n: number, d: Float64Array, e: Float64Array, tau: Float64Array, work: Float64Array): void {
  const v = work;
  const y = work.subarray(n);
  for (let i = 0; i < n - 1; i++) {
    const L = n - i - 1; // order of the trailing block A22 = A[i+1:, i+1:]
    const sub = off + (i + 1) * ld + i; // A[i+1][i]
    const t = makeReflector(a, sub, sub + ld, L, ld);
    e[i] = a[sub];
    if (t !== 0) {
      v[0] = 1;
      for (let r = 1; r < L; r++) v[r] = a[sub + r * ld];
      const base = sub + 1;
      symv(a, base, ld, L, v, y, 0, 1);
      let dot = 0;
      for (let r = 0; r < L; r++) {
        y[r] *= t;
        dot += y[r] * v[r];
      }
      const alpha = -0.5 * t * dot;
      for (let r = 0; r < L; r++) y[r] += alpha * v[r];
      // A22 −= v yᵀ + y vᵀ on the lower triangle.
      for (let r = 0; r < L; r++) {
        const row = base + r * ld;
        const vr = v[r], yr = y[r];
        for (let c = 0; c <= r; c++) a[row + c] -= vr * y[c] + yr * v[c];
      }
    }
    a[sub] = e[i];
    d[i] = a[off + i * ld + i];
    tau[i] = t;
  }
  if (n > 0) d[n - 1] = a[off + (n - 1) * ld + (n - 1)];
}

/**
 * dlatrd ('L'): reduces the first `nb` columns of the N×N trailing block at
 * `a[base …]` (row length `ld`), leaving the block's trailing part unchanged,
 * and fills W (N×nb row-major) so that the caller's update is A −= V Wᵀ + W Vᵀ.
 * Reflector c keeps v[0] = 1 stored at A[c+1][c] (the caller restores e[c]).
 */
function panel(a: Float64Array, base: number, ld: number, N: number, nb: number, e: Float64Array, tau: Float64Array, W: Float64Array, v: Float64Array, t1: Float64Array, t2: Float64Array): void {
  for (let c = 0; c < nb; c++) {
    // A[c:, c] −= A[c:, 0:c] W[c, 0:c]ᵀ + W[c:, 0:c] A[c, 0:c]ᵀ
    if (c > 0) {
      const ac = base + c * ld, wc = c * nb;
      for (let r = c; r < N; r++) {
        const ar = base + r * ld, wr = r * nb;
        let s = 0;
        for (let p = 0; p < c; p++) s += a[ar + p] * W[wc + p] + W[wr + p] * a[ac + p];
        a[ar + c] -= s;
      }
    }
    if (c >= N - 1) break;
    const sub = base + (c + 1) * ld + c;
    const t = makeReflector(a, sub, sub + ld, N - c - 1, ld);
    tau[c] = t;
    e[c] = a[sub];
    a[sub] = 1;
    const L = N - c - 1;
    for (let r = 0; r < L; r++) v[r] = a[sub + r * ld];
    // W[c+1:, c] = A22 v, corrected for the panel's earlier columns:
    // − A[c+1:, 0:c] (W[c+1:, 0:c]ᵀ v) − W[c+1:, 0:c] (A[c+1:, 0:c]ᵀ v)
    symv(a, sub + 1, ld, L, v, W, (c + 1) * nb + c, nb);
    t1.fill(0, 0, c);
    t2.fill(0, 0, c);
    for (let r = 0; r < L; r++) {
      const ar = base + (c + 1 + r) * ld, wr = (c + 1 + r) * nb, vr = v[r];
      for (let p = 0; p < c; p++) {
        t1[p] += W[wr + p] * vr;
        t2[p] += a[ar + p] * vr;
      }
    }
    for (let r = 0; r < L; r++) {
      const ar = base + (c + 1 + r) * ld, wr = (c + 1 + r) * nb;
      let s = 0;
      for (let p = 0; p < c; p++) s += a[ar + p] * t1[p] + W[wr + p] * t2[p];
      W[wr + c] -= s;
    }
    let dot = 0;
    for (let r = 0; r < L; r++) {
      const q = (c + 1 + r) * nb + c;
      W[q] *= t;
      dot += W[q] * v[r];
    }
    const alpha = -0.5 * t * dot;
    for (let r = 0; r < L; r++) W[(c + 1 + r) * nb + c] += alpha * v[r];
  }
}

/**
 * dsytrd ('L') on the n×n row-major matrix at `a[off …]`: diagonal → `d`,
 * subdiagonal → `e` (n−1), reflector i stored in column i below the
 * subdiagonal with `tau[i]`. `work` needs 2n doubles.
 */
export function tridiagonalize(a: Float64Array, off: number, n: number, d: Float64Array, e: Float64Array, tau: Float64Array, work: Float64Array): void {
  if (n < NX) {
    unblocked(a, off, n, n, d, e, tau, work);
    return;
  }
  const W = new Float64Array(n * NB), v = new Float64Array(n), t1 = new Float64Array(NB), t2 = new Float64Array(NB);
  let i = 0;
  for (; i < n - NX; i += NB) {
    const N = n - i, base = off + i * n + i;
    panel(a, base, n, N, NB, e.subarray(i), tau.subarray(i), W, v, t1, t2);
    // A[NB:, NB:] −= V Wᵀ + W Vᵀ (lower triangle, by row blocks), V = A[NB:, 0:NB]
    const M = N - NB, c0 = base + NB * n + NB, vb = base + NB * n, wb = NB * NB;
    for (let r0 = 0; r0 < M; r0 += 64) {
      const rows = Math.min(64, M - r0), cols = r0 + rows;
      gemm(rows, cols, NB, -1, a, vb + r0 * n, n, 1, W, wb, 1, NB, a, c0 + r0 * n, n, 1);
      gemm(rows, cols, NB, -1, W, wb + r0 * NB, NB, 1, a, vb, 1, n, a, c0 + r0 * n, n, 1);
    }
    for (let c = 0; c < NB; c++) {
      a[base + (c + 1) * n + c] = e[i + c];
      d[i + c] = a[base + c * n + c];
    }
  }
  unblocked(a, off + i * n + i, n, n - i, d.subarray(i), e.subarray(i), tau.subarray(i), work);
}

/**
 * dorgtr ('L'): Q (n×n, row-major into `q`) from the reflectors that
 * {@link tridiagonalize} left in `a`: Q = diag(1, Q′), Q′ built by dorgqr from
 * the reflectors in A[1:, 0:n−1].
 */
export function tridiagonalQ(a: Float64Array, off: number, n: number, tau: Float64Array, q: Float64Array, qoff: number, work: Float64Array): void {
  q.fill(0, qoff, qoff + n * n);
  if (n === 0) return;
  q[qoff] = 1;
  if (n === 1) return;
  qrFormQ(a, off + n, n, n - 1, n - 1, tau, q, qoff + n + 1, n, n - 1, work);
}
