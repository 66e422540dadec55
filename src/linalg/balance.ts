/**
 * Balancing for the nonsymmetric eigenproblem (LAPACK 3.12's dgebal with
 * JOB='B', and dgebak for the right eigenvectors): permute rows and columns
 * to isolate eigenvalues that are already exposed, then scale rows and
 * columns by powers of 2 so that they have comparable norms (Parlett &
 * Reinsch 1969). The similarity transform changes no eigenvalue and makes the
 * QR iteration more accurate on badly scaled matrices.
 *
 * Indices are LAPACK's 1-based ones; `scale[i - 1]` is SCALE(I): the row
 * interchanged with I for I outside ILO…IHI, the scaling factor inside.
 * `cw` = 2 balances a complex matrix in interleaved storage (zgebal: the same
 * algorithm, with |re| + |im| for the largest element).
 */
import { norm2 } from './householder';

const SCLFAC = 2;
const FACTOR = 0.95;
const SFMIN1 = 2.2250738585072014e-308 / 2.220446049250313e-16; // dlamch('S') / dlamch('P')
const SFMAX1 = 1 / SFMIN1;
const SFMIN2 = SFMIN1 * SCLFAC;
const SFMAX2 = 1 / SFMIN2;

/**
 * Balances the n×n row-major matrix `a` in place.
 * @returns `[ilo, ihi]` (1-based, inclusive): rows and columns outside are already triangular.
 */
export function balance(a: Float64Array, n: number, scale: Float64Array, cw: 1 | 2 = 1): [number, number] {
  if (n === 0) return [1, 0];
  const at = (i: number, j: number): number => cw * ((i - 1) * n + (j - 1));
  const swap = (p: number, q: number): void => {
    for (let c = 0; c < cw; c++) {
      const t = a[p + c];
      a[p + c] = a[q + c];
      a[q + c] = t;
    }
  };
  const swapCols = (c1: number, c2: number, rows: number): void => {
    for (let r = 1; r <= rows; r++) swap(at(r, c1), at(r, c2));
  };
  const swapRows = (r1: number, r2: number, from: number): void => {
    for (let c = from; c <= n; c++) swap(at(r1, c), at(r2, c));
  };
  const nonzero = (p: number): boolean => a[p] !== 0 || (cw === 2 && a[p + 1] !== 0);
  const abs1 = (p: number): number => (cw === 2 ? Math.abs(a[p]) + Math.abs(a[p + 1]) : Math.abs(a[p]));
  // 2-norm of `len` elements from `p` with element stride `st` (both parts for complex)
  const nrm = (p: number, len: number, st: number): number =>
    cw === 1 ? norm2(a, p, len, st) : Math.hypot(norm2(a, p, len, 2 * st), norm2(a, p + 1, len, 2 * st));
  let k = 1, l = n;
  // Rows isolating an eigenvalue go to the bottom.
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = l; i >= 1; i--) {
      let canswap = true;
      for (let j = 1; j <= l; j++) if (i !== j && nonzero(at(i, j))) {
        canswap = false;
        break;
      }
      if (!canswap) continue;
      scale[l - 1] = i;
      if (i !== l) {
        swapCols(i, l, l);
        swapRows(i, l, k);
      }
      noconv = true;
      if (l === 1) return [1, 1];
      l--;
    }
  }
  // Columns isolating an eigenvalue go to the left.
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let j = k; j <= l; j++) {
      let canswap = true;
      for (let i = k; i <= l; i++) if (i !== j && nonzero(at(i, j))) {
        canswap = false;
        break;
      }
      if (!canswap) continue;
      scale[k - 1] = j;
      if (j !== k) {
        swapCols(j, k, l);
        swapRows(j, k, k);
      }
      noconv = true;
      k++;
    }
  }
  for (let i = k; i <= l; i++) scale[i - 1] = 1;
  // Iterative scaling by powers of 2 until the row and column norms are close.
  noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = nrm(at(k, i), l - k + 1, n);
      let r = nrm(at(i, k), l - k + 1, 1);
      let ca = 0;
      for (let q = 1; q <= l; q++) ca = Math.max(ca, abs1(at(q, i)));
      let ra = 0;
      for (let q = k; q <= n; q++) ra = Math.max(ra, abs1(at(i, q)));
      if (c === 0 || r === 0) continue;
      if (Number.isNaN(c + ca + r + ra)) return [k, l];
      let g = r / SCLFAC;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < SFMAX2 && Math.min(r, g, ra) > SFMIN2) {
        f *= SCLFAC;
        c *= SCLFAC;
        ca *= SCLFAC;
        r /= SCLFAC;
        g /= SCLFAC;
        ra /= SCLFAC;
      }
      g = c / SCLFAC;
      while (g >= r && Math.max(r, ra) < SFMAX2 && Math.min(f, c, g, ca) > SFMIN2) {
        f /= SCLFAC;
        c /= SCLFAC;
        g /= SCLFAC;
        ca /= SCLFAC;
        r *= SCLFAC;
        ra *= SCLFAC;
      }
      if (c + r >= FACTOR * s) continue;
      if (f < 1 && scale[i - 1] < 1 && f * scale[i - 1] <= SFMIN1) continue;
      if (f > 1 && scale[i - 1] > 1 && scale[i - 1] >= SFMAX1 / f) continue;
      g = 1 / f;
      scale[i - 1] *= f;
      noconv = true;
      for (let q = k; q <= n; q++) for (let c2 = 0; c2 < cw; c2++) a[at(i, q) + c2] *= g;
      for (let q = 1; q <= l; q++) for (let c2 = 0; c2 < cw; c2++) a[at(q, i) + c2] *= f;
    }
  }
  return [k, l];
}

/**
 * dgebak ('B', 'R'): undoes the balancing on the right eigenvectors, the rows
 * of the n×m row-major `v` (scaling rows ILO…IHI, then the interchanges). For
 * complex vectors pass m = 2·columns (a row is then 2m doubles of interleaved storage).
 */
export function unbalance(v: Float64Array, n: number, m: number, ilo: number, ihi: number, scale: Float64Array): void {
  if (n === 0 || m === 0) return;
  if (ilo !== ihi) {
    for (let i = ilo; i <= ihi; i++) {
      const s = scale[i - 1];
      for (let j = 0; j < m; j++) v[(i - 1) * m + j] *= s;
    }
  }
  for (let ii = 1; ii <= n; ii++) {
    let i = ii;
    if (i >= ilo && i <= ihi) continue;
    if (i < ilo) i = ilo - ii;
    const k = Math.trunc(scale[i - 1]);
    if (k === i) continue;
    for (let j = 0; j < m; j++) {
      const t = v[(i - 1) * m + j];
      v[(i - 1) * m + j] = v[(k - 1) * m + j];
      v[(k - 1) * m + j] = t;
    }
  }
}
