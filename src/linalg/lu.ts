import { gemm } from '../tensor/gemm';

/**
 * LU factorisation with partial pivoting, P A = L U, of a row-major n×n
 * Float64Array in place (LAPACK's dgetrf/dgetrs), the kernel under det,
 * slogdet, inv and solve.
 *
 * Row-major storage makes the two hot operations cheap: a row interchange
 * swaps two contiguous rows, and the Schur-complement update
 * `A22 -= L21 · U12` runs along contiguous rows. For n above
 * {@link LU_BLOCK_MIN} the factorisation is blocked (right-looking, panels of
 * {@link LU_NB} columns, Golub & Van Loan, *Matrix Computations* 4th ed.,
 * Algorithm 3.2.11): each panel is factored unblocked, the panel's U12 rows
 * are solved for, and the trailing matrix gets one rank-nb update through
 * the tensor layer's packed GEMM.
 */

/** Panel width of the blocked factorisation (measured best between 24 and 64 on this machine). */
export const LU_NB = 32;
/** Below this order the unblocked algorithm is as fast. */
export const LU_BLOCK_MIN = 48;

/**
 * Factors the n×n row-major matrix at `a[off …]` in place: on return its
 * strict lower triangle holds L (unit diagonal implied) and its upper triangle
 * U; `piv[k]` is the row interchanged with row k at step k.
 * @returns 0, or k+1 when U[k][k] is exactly zero for the first time (LAPACK's
 * `info`: the factorisation is complete but U is singular).
 */
export function luFactor(a: Float64Array, off: number, n: number, piv: Int32Array): number {
  if (n < LU_BLOCK_MIN) return panelFactor(a, off, n, 0, n, n, piv, 0);
  let info = 0;
  for (let k = 0; k < n; k += LU_NB) {
    const nb = Math.min(LU_NB, n - k);
    // Factor columns k..k+nb of rows k..n; interchanges swap whole rows, so the
    // left part (L) and the right part (A12, A22) are permuted at once.
    const pinfo = panelFactor(a, off, n, k, k + nb, n, piv, k);
    if (info === 0 && pinfo !== 0) info = pinfo;
    const j0 = k + nb;
    if (j0 >= n) break;
    // U12 = L11^{-1} A12 (unit lower triangular forward substitution, by rows).
    for (let i = k + 1; i < j0; i++) {
      const ri = off + i * n;
      for (let p = k; p < i; p++) {
        const l = a[ri + p];
        if (l === 0) continue;
        const rp = off + p * n;
        for (let j = j0; j < n; j++) a[ri + j] -= l * a[rp + j];
      }
    }
    // A22 −= L21 · U12, through the packed GEMM kernel of the tensor layer.
    gemm(n - j0, n - j0, nb, -1, a, off + j0 * n + k, n, 1, a, off + k * n + j0, n, 1, a, off + j0 * n + j0, n, 1);
  }
  return info;
}

/**
 * Unblocked right-looking LU (dgetf2) of columns [c0, c1) of rows [c0, n) of
 * the matrix with row length `ld`; the updates reach columns up to `c1` only
 * (the caller updates the rest). Interchanges swap whole rows.
 */
function panelFactor(a: Float64Array, off: number, ld: number, c0: number, c1: number, n: number, piv: Int32Array, _base: number): number {
  let info = 0;
  for (let k = c0; k < c1; k++) {
    // Pivot: the largest |a[i][k]| for i ≥ k (the first one on ties, as idamax).
    let p = k;
    let big = Math.abs(a[off + k * ld + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[off + i * ld + k]);
      if (v > big || (big !== big && v === v)) {
        big = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      const rp = off + p * ld, rk = off + k * ld;
      for (let j = 0; j < ld; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
    }
    const rk = off + k * ld;
    const pivot = a[rk + k];
    if (pivot === 0) {
      if (info === 0) info = k + 1;
      continue;
    }
    const inv = 1 / pivot;
    for (let i = k + 1; i < n; i++) {
      const ri = off + i * ld;
      const l = (a[ri + k] *= inv);
      if (l === 0) continue;
      for (let j = k + 1; j < c1; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return info;
}

/**
 * `A[r0:r1, c0:c1] -= A[r0:r1, k0:k1] · A[k0:k1, c0:c1]` within one row-major
 * matrix of row length `ld` (the blocks do not overlap).
 */
export function rankUpdate(a: Float64Array, off: number, ld: number, r0: number, r1: number, k0: number, k1: number, c0: number, c1: number): void {
  for (let i = r0; i < r1; i++) subtractRows(a, off + i * ld, a, off + i * ld, a, off, ld, k0, k1, c0, c1);
}

/**
 * `dst[d + j] -= Σ_{p∈[p0,p1)} coef[c + p] · src[s + p·ld + j]` for j in [j0, j1):
 * a row minus a combination of rows. Four source rows per pass over the
 * destination row, so each load and store of it carries four multiply-adds
 * (2-3x faster in V8 than one row at a time).
 */
export function subtractRows(
  dst: Float64Array, d: number, coef: Float64Array, c: number, src: Float64Array, s: number, ld: number,
  p0: number, p1: number, j0: number, j1: number,
): void {
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    const l0 = coef[c + p], l1 = coef[c + p + 1], l2 = coef[c + p + 2], l3 = coef[c + p + 3];
    const q0 = s + p * ld, q1 = q0 + ld, q2 = q1 + ld, q3 = q2 + ld;
    for (let j = j0; j < j1; j++) dst[d + j] -= l0 * src[q0 + j] + l1 * src[q1 + j] + l2 * src[q2 + j] + l3 * src[q3 + j];
  }
  for (; p < p1; p++) {
    const l = coef[c + p];
    if (l === 0) continue;
    const q = s + p * ld;
    for (let j = j0; j < j1; j++) dst[d + j] -= l * src[q + j];
  }
}

/** Rows of the right-hand side solved per block; the updates between blocks go through GEMM. */
const SOLVE_NB = 32;

/**
 * Solves A X = B from the factors of {@link luFactor} (dgetrs): B is n×nrhs
 * row-major at `b[boff …]` and is overwritten by X. The factors must be
 * nonsingular. Blocked by rows: the coupling of a block of rows with the rows
 * already solved is one GEMM, the triangle inside the block a short loop.
 */
export function luSolve(lu: Float64Array, off: number, n: number, piv: Int32Array, b: Float64Array, boff: number, nrhs: number): void {
  // Apply the interchanges to B's rows.
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p === k) continue;
    const rk = boff + k * nrhs, rp = boff + p * nrhs;
    for (let j = 0; j < nrhs; j++) {
      const t = b[rk + j];
      b[rk + j] = b[rp + j];
      b[rp + j] = t;
    }
  }
  // L Y = B (unit lower triangular), top block first.
  for (let i0 = 0; i0 < n; i0 += SOLVE_NB) {
    const i1 = Math.min(n, i0 + SOLVE_NB);
    if (i0 > 0) gemm(i1 - i0, nrhs, i0, -1, lu, off + i0 * n, n, 1, b, boff, nrhs, 1, b, boff + i0 * nrhs, nrhs, 1);
    for (let i = i0 + 1; i < i1; i++) subtractRows(b, boff + i * nrhs, lu, off + i * n, b, boff, nrhs, i0, i, 0, nrhs);
  }
  // U X = Y, bottom block first.
  for (let i1 = n; i1 > 0; i1 -= SOLVE_NB) {
    const i0 = Math.max(0, i1 - SOLVE_NB);
    if (i1 < n) gemm(i1 - i0, nrhs, n - i1, -1, lu, off + i0 * n + i1, n, 1, b, boff + i1 * nrhs, nrhs, 1, b, boff + i0 * nrhs, nrhs, 1);
    for (let i = i1 - 1; i >= i0; i--) {
      const bi = boff + i * nrhs;
      subtractRows(b, bi, lu, off + i * n, b, boff, nrhs, i + 1, i1, 0, nrhs);
      const inv = 1 / lu[off + i * n + i];
      for (let j = 0; j < nrhs; j++) b[bi + j] *= inv;
    }
  }
}
