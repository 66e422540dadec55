/**
 * Reduction of a symmetric matrix to tridiagonal form, A = Q T Qᵀ (LAPACK's
 * dsytd2 with UPLO='L' and dorgtr), reading and updating the lower triangle
 * only. The first step of `eigh`.
 *
 * Row-major storage: the lower triangle's row r is the contiguous prefix
 * A[r][0 … r], so the symmetric matrix-vector product (dsymv) is one pass over
 * the rows doing a dot product with the prefix and an axpy into it, and the
 * rank-2 update (dsyr2) runs along the same prefixes.
 */
import { makeReflector } from './householder';
import { qrFormQ } from './qr';

/**
 * dsytd2 ('L') on the n×n row-major matrix at `a[off …]`: diagonal → `d`,
 * subdiagonal → `e` (n−1), reflector i stored in column i below the
 * subdiagonal with `tau[i]`. `work` needs 2n doubles.
 */
export function tridiagonalize(a: Float64Array, off: number, n: number, d: Float64Array, e: Float64Array, tau: Float64Array, work: Float64Array): void {
  const v = work; // v[0 … L)
  const y = work.subarray(n); // y[0 … L)
  for (let i = 0; i < n - 1; i++) {
    const L = n - i - 1; // order of the trailing block A22 = A[i+1:, i+1:]
    const sub = off + (i + 1) * n + i; // A[i+1][i]
    const t = makeReflector(a, sub, sub + n, L, n);
    e[i] = a[sub];
    if (t !== 0) {
      v[0] = 1;
      for (let r = 1; r < L; r++) v[r] = a[sub + r * n];
      // y = t · A22 v over the lower triangle: row r contributes its prefix dot v
      // to y[r] and its prefix times v[r] to y[0 … r).
      y.fill(0, 0, L);
      const base = off + (i + 1) * n + (i + 1);
      for (let r = 0; r < L; r++) {
        const row = base + r * n;
        const vr = v[r];
        let s = 0;
        for (let c = 0; c < r; c++) {
          const arc = a[row + c];
          s += arc * v[c];
          y[c] += arc * vr;
        }
        y[r] += s + a[row + r] * vr;
      }
      let dot = 0;
      for (let r = 0; r < L; r++) {
        y[r] *= t;
        dot += y[r] * v[r];
      }
      const alpha = -0.5 * t * dot;
      for (let r = 0; r < L; r++) y[r] += alpha * v[r];
      // A22 −= v yᵀ + y vᵀ on the lower triangle.
      for (let r = 0; r < L; r++) {
        const row = base + r * n;
        const vr = v[r], yr = y[r];
        for (let c = 0; c <= r; c++) a[row + c] -= vr * y[c] + yr * v[c];
      }
    }
    a[sub] = e[i];
    d[i] = a[off + i * n + i];
    tau[i] = t;
  }
  if (n > 0) d[n - 1] = a[off + (n - 1) * n + (n - 1)];
}

/**
 * dorgtr ('L'): Q (n×n, row-major into `q`) from the reflectors that
 * {@link tridiagonalize} left in `a`: Q = diag(1, Q′), Q′ built by dorg2r from
 * the reflectors in A[1:, 0:n−1].
 */
export function tridiagonalQ(a: Float64Array, off: number, n: number, tau: Float64Array, q: Float64Array, qoff: number, work: Float64Array): void {
  q.fill(0, qoff, qoff + n * n);
  if (n === 0) return;
  q[qoff] = 1;
  if (n === 1) return;
  qrFormQ(a, off + n, n, n - 1, n - 1, tau, q, qoff + n + 1, n, n - 1, work);
}
