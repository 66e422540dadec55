/**
 * Singular values (and vectors) of an upper bidiagonal matrix by implicit QR
 * iteration: LAPACK's dbdsqr (Demmel & Kahan, "Accurate singular values of
 * bidiagonal matrices", SIAM J. Sci. Stat. Comput. 1990): zero-shift QR when
 * the shift would spoil relative accuracy, shifted QR otherwise, chasing the
 * bulge in the direction of decreasing |d|, with a bounded iteration count
 * (6·n² inner steps in total).
 *
 * Vectors: the rotations update the rows of Vᵀ (`vt`, rows of length `ldv`)
 * and the columns of U, kept as the rows of Uᵀ (`ut`, length `ldu`), so every
 * rotation combines two contiguous rows (the kernels of `steqr.ts`).
 * Indices below are LAPACK's 1-based ones (`d[i - 1]` is D(I)).
 */
import { sign, sv2, svd2x2 } from './bdsqr2x2';
import { givens, rotateBackward, rotateForward, rotateRows } from './rotations';

const EPS = 1.1102230246251565e-16;
const UNFL = 2.2250738585072014e-308;
const MAXITR = 6;
const TOL = Math.max(10, Math.min(100, EPS ** -0.125)) * EPS;

/**
 * dbdsqr ('U'): singular values of the bidiagonal (d, e) into `d`, descending
 * and nonnegative; with vectors, `vt`'s first n rows and `ut`'s first n rows
 * are rotated, sign-flipped and permuted along.
 * @returns the number of superdiagonal elements that did not converge (0 on success).
 */
export function bidiagonalSvd(d: Float64Array, e: Float64Array, n: number, vt: Float64Array | null, ldv: number, ut: Float64Array | null, ldu: number): number {
  if (n === 0) return 0;
  const g = new Float64Array(6);
  if (n > 1) {
    const r = iterate(d, e, n, vt, ldv, ut, ldu, g);
    if (r !== 0) return r;
  }
  // Make the values positive (flipping Vᵀ's rows), then sort them descending.
  for (let i = 0; i < n; i++) {
    if (d[i] === 0) d[i] = 0;
    if (d[i] < 0) {
      d[i] = -d[i];
      if (vt) for (let k = 0; k < ldv; k++) vt[i * ldv + k] = -vt[i * ldv + k];
    }
  }
  for (let i = 1; i < n; i++) {
    let isub = 1, smin = d[0];
    const last = n + 1 - i;
    for (let j = 2; j <= last; j++) if (d[j - 1] <= smin) {
      isub = j;
      smin = d[j - 1];
    }
    if (isub !== last) {
      d[isub - 1] = d[last - 1];
      d[last - 1] = smin;
      if (vt) swapRows(vt, ldv, isub - 1, last - 1);
      if (ut) swapRows(ut, ldu, isub - 1, last - 1);
    }
  }
  return 0;
}

function swapRows(z: Float64Array, ld: number, r1: number, r2: number): void {
  for (let k = 0; k < ld; k++) {
    const t = z[r1 * ld + k];
    z[r1 * ld + k] = z[r2 * ld + k];
    z[r2 * ld + k] = t;
  }
}

/** The QR iteration of dbdsqr (its labels 60–150), on n ≥ 2. */
function iterate(d: Float64Array, e: Float64Array, n: number, vt: Float64Array | null, ldv: number, ut: Float64Array | null, ldu: number, g: Float64Array): number {
  const nm1 = n - 1;
  const c1 = new Float64Array(nm1), s1 = new Float64Array(nm1), c2 = new Float64Array(nm1), s2 = new Float64Array(nm1);
  // Threshold for negligible elements, from a lower bound on the smallest singular value.
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 2; i <= n; i++) {
      mu = Math.abs(d[i - 1]) * (mu / (mu + Math.abs(e[i - 2])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(TOL * sminoa, MAXITR * (n * (n * UNFL)));
  const maxitdivn = MAXITR * n;
  let iterdivn = 0, iter = -1, oldll = -1, oldm = -1, idir = 0;
  let m = n;
  let smin = 0;
  for (;;) {
    if (m <= 1) return 0;
    if (iter >= n) {
      iter -= n;
      iterdivn++;
      if (iterdivn >= maxitdivn) break;
    }
    // Find the diagonal block to work on: e[ll..m−1] nonnegligible.
    let smax = Math.abs(d[m - 1]);
    let ll = 0;
    let split = false;
    for (let lll = 1; lll <= m - 1; lll++) {
      ll = m - lll;
      const abss = Math.abs(d[ll - 1]), abse = Math.abs(e[ll - 1]);
      if (abse <= thresh) {
        split = true;
        break;
      }
      smax = Math.max(smax, abss, abse);
    }
    if (split) {
      e[ll - 1] = 0;
      if (ll === m - 1) {
        m--;
        continue;
      }
    } else ll = 0;
    ll++;
    if (ll === m - 1) {
      // 2×2 block: handle it directly.
      svd2x2(d[m - 2], e[m - 2], d[m - 1], g);
      d[m - 2] = g[1];
      e[m - 2] = 0;
      d[m - 1] = g[0];
      if (vt) rotateRows(vt, ldv, m - 2, g[3], g[2]);
      if (ut) rotateRows(ut, ldu, m - 2, g[5], g[4]);
      m -= 2;
      continue;
    }
    // A new block: choose the chase direction from the larger end.
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll - 1]) >= Math.abs(d[m - 1]) ? 1 : 2;
    // Convergence tests.
    let converged = false;
    if (idir === 1) {
      if (Math.abs(e[m - 2]) <= TOL * Math.abs(d[m - 1])) {
        e[m - 2] = 0;
        continue;
      }
      let mu = Math.abs(d[ll - 1]);
      smin = mu;
      for (let lll = ll; lll <= m - 1; lll++) {
        if (Math.abs(e[lll - 1]) <= TOL * mu) {
          e[lll - 1] = 0;
          converged = true;
          break;
        }
        mu = Math.abs(d[lll]) * (mu / (mu + Math.abs(e[lll - 1])));
        smin = Math.min(smin, mu);
      }
    } else {
      if (Math.abs(e[ll - 1]) <= TOL * Math.abs(d[ll - 1])) {
        e[ll - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[m - 1]);
      smin = mu;
      for (let lll = m - 1; lll >= ll; lll--) {
        if (Math.abs(e[lll - 1]) <= TOL * mu) {
          e[lll - 1] = 0;
          converged = true;
          break;
        }
        mu = Math.abs(d[lll - 1]) * (mu / (mu + Math.abs(e[lll - 1])));
        smin = Math.min(smin, mu);
      }
    }
    if (converged) continue;
    oldll = ll;
    oldm = m;
    // Shift: zero if it would ruin relative accuracy.
    let shift = 0;
    if (!(n * TOL * (smin / smax) <= Math.max(EPS, 0.01 * TOL))) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[ll - 1]);
        sv2(d[m - 2], e[m - 2], d[m - 1], g);
      } else {
        sll = Math.abs(d[m - 1]);
        sv2(d[ll - 1], e[ll - 1], d[ll], g);
      }
      shift = g[0];
      if (sll > 0 && (shift / sll) ** 2 < EPS) shift = 0;
    }
    iter += m - ll;
    if (shift === 0) zeroShiftSweep(d, e, ll, m, idir, thresh, c1, s1, c2, s2, g);
    else shiftedSweep(d, e, ll, m, idir, shift, thresh, c1, s1, c2, s2, g);
    // Rotations: (c1, s1) act on Vᵀ's rows, (c2, s2) on U's columns (Uᵀ's rows).
    if (idir === 1) {
      if (vt) rotateForward(vt, ldv, ll - 1, m - 1, c1, s1);
      if (ut) rotateForward(ut, ldu, ll - 1, m - 1, c2, s2);
    } else {
      if (vt) rotateBackward(vt, ldv, ll - 1, m - 1, c2, s2);
      if (ut) rotateBackward(ut, ldu, ll - 1, m - 1, c1, s1);
    }
  }
  let info = 0;
  for (let i = 0; i < n - 1; i++) if (e[i] !== 0) info++;
  return info;
}

/** Demmel–Kahan zero-shift QR sweep over the block ll…m (dbdsqr labels 120/130). */
function zeroShiftSweep(
  d: Float64Array, e: Float64Array, ll: number, m: number, idir: number, thresh: number,
  c1: Float64Array, s1: Float64Array, c2: Float64Array, s2: Float64Array, g: Float64Array,
): void {
  let cs = 1, oldcs = 1, sn = 0, oldsn = 0, r: number;
  if (idir === 1) {
    for (let i = ll; i <= m - 1; i++) {
      givens(d[i - 1] * cs, e[i - 1], g);
      cs = g[0];
      sn = g[1];
      r = g[2];
      if (i > ll) e[i - 2] = oldsn * r;
      givens(oldcs * r, d[i] * sn, g);
      oldcs = g[0];
      oldsn = g[1];
      d[i - 1] = g[2];
      c1[i - 1] = cs;
      s1[i - 1] = sn;
      c2[i - 1] = oldcs;
      s2[i - 1] = oldsn;
    }
    const h = d[m - 1] * cs;
    d[m - 1] = h * oldcs;
    e[m - 2] = h * oldsn;
    if (Math.abs(e[m - 2]) <= thresh) e[m - 2] = 0;
  } else {
    for (let i = m; i >= ll + 1; i--) {
      givens(d[i - 1] * cs, e[i - 2], g);
      cs = g[0];
      sn = g[1];
      r = g[2];
      if (i < m) e[i - 1] = oldsn * r;
      givens(oldcs * r, d[i - 2] * sn, g);
      oldcs = g[0];
      oldsn = g[1];
      d[i - 1] = g[2];
      c1[i - 2] = cs;
      s1[i - 2] = -sn;
      c2[i - 2] = oldcs;
      s2[i - 2] = -oldsn;
    }
    const h = d[ll - 1] * cs;
    d[ll - 1] = h * oldcs;
    e[ll - 1] = h * oldsn;
    if (Math.abs(e[ll - 1]) <= thresh) e[ll - 1] = 0;
  }
}

/** Shifted implicit QR sweep over the block ll…m (dbdsqr labels 140/150). */
function shiftedSweep(
  d: Float64Array, e: Float64Array, ll: number, m: number, idir: number, shift: number, thresh: number,
  c1: Float64Array, s1: Float64Array, c2: Float64Array, s2: Float64Array, g: Float64Array,
): void {
  if (idir === 1) {
    let f = (Math.abs(d[ll - 1]) - shift) * (sign(1, d[ll - 1]) + shift / d[ll - 1]);
    let gg = e[ll - 1];
    for (let i = ll; i <= m - 1; i++) {
      givens(f, gg, g);
      const cosr = g[0], sinr = g[1];
      if (i > ll) e[i - 2] = g[2];
      f = cosr * d[i - 1] + sinr * e[i - 1];
      e[i - 1] = cosr * e[i - 1] - sinr * d[i - 1];
      gg = sinr * d[i];
      d[i] = cosr * d[i];
      givens(f, gg, g);
      const cosl = g[0], sinl = g[1];
      d[i - 1] = g[2];
      f = cosl * e[i - 1] + sinl * d[i];
      d[i] = cosl * d[i] - sinl * e[i - 1];
      if (i < m - 1) {
        gg = sinl * e[i];
        e[i] = cosl * e[i];
      }
      c1[i - 1] = cosr;
      s1[i - 1] = sinr;
      c2[i - 1] = cosl;
      s2[i - 1] = sinl;
    }
    e[m - 2] = f;
    if (Math.abs(e[m - 2]) <= thresh) e[m - 2] = 0;
  } else {
    let f = (Math.abs(d[m - 1]) - shift) * (sign(1, d[m - 1]) + shift / d[m - 1]);
    let gg = e[m - 2];
    for (let i = m; i >= ll + 1; i--) {
      givens(f, gg, g);
      const cosr = g[0], sinr = g[1];
      if (i < m) e[i - 1] = g[2];
      f = cosr * d[i - 1] + sinr * e[i - 2];
      e[i - 2] = cosr * e[i - 2] - sinr * d[i - 1];
      gg = sinr * d[i - 2];
      d[i - 2] = cosr * d[i - 2];
      givens(f, gg, g);
      const cosl = g[0], sinl = g[1];
      d[i - 1] = g[2];
      f = cosl * e[i - 2] + sinl * d[i - 2];
      d[i - 2] = cosl * d[i - 2] - sinl * e[i - 2];
      if (i > ll + 1) {
        gg = sinl * e[i - 3];
        e[i - 3] = cosl * e[i - 3];
      }
      c1[i - 2] = cosr;
      s1[i - 2] = -sinr;
      c2[i - 2] = cosl;
      s2[i - 2] = -sinl;
    }
    e[ll - 1] = f;
    if (Math.abs(e[ll - 1]) <= thresh) e[ll - 1] = 0;
  }
}
