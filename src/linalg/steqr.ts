/**
 * Eigenvalues (and vectors) of a symmetric tridiagonal matrix by implicit QL
 * or QR iteration, chosen per block from the grading of the diagonal: LAPACK's
 * dsteqr (with vectors) and dsterf (values only, Pal–Walker–Kahan root-free
 * variant). Iterations are bounded by 30·n sweeps in total, as LAPACK's.
 *
 * Eigenvectors: Z's columns are kept as the rows of `zt` (row length `ld`),
 * so each plane rotation combines two contiguous rows. A row may hold complex
 * numbers (interleaved, ld = 2n): the rotations are real, so the same code
 * updates Hermitian eigenvectors.
 *
 * Indices below are LAPACK's 1-based ones; `d[i - 1]` is D(I).
 */
import { hypot2 } from './householder';
import { givens, rotateBackward, rotateForward, rotateRows } from './rotations';

const EPS = 1.1102230246251565e-16; // dlamch('E')
const EPS2 = EPS * EPS;
const SAFMIN = 2.2250738585072014e-308;
const SAFMAX = 1 / SAFMIN;
const SSFMAX = Math.sqrt(SAFMAX) / 3;
const SSFMIN = Math.sqrt(SAFMIN) / EPS2;
const MAXIT = 30;

/** Eigenvalues of [[a, b], [b, c]]: rt1 (larger |·|), rt2, and the rotation (cs, sn) to rt1's vector (dlaev2). */
export function eig2x2(a: number, b: number, c: number, out: Float64Array): void {
  const sm = a + c, df = a - c, adf = Math.abs(df), tb = b + b, ab = Math.abs(tb);
  let acmx: number, acmn: number;
  if (Math.abs(a) > Math.abs(c)) {
    acmx = a;
    acmn = c;
  } else {
    acmx = c;
    acmn = a;
  }
  const rt = adf > ab ? adf * Math.sqrt(1 + (ab / adf) ** 2) : adf < ab ? ab * Math.sqrt(1 + (adf / ab) ** 2) : ab * Math.SQRT2;
  let rt1: number, rt2: number, sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number, sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number, sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  out[0] = rt1;
  out[1] = rt2;
  out[2] = cs1;
  out[3] = sn1;
}

function maxAbs(d: Float64Array, e: Float64Array, l: number, lend: number): number {
  let m = 0;
  for (let i = l; i <= lend; i++) {
    const v = Math.abs(d[i - 1]);
    if (v > m || v !== v) m = v;
  }
  for (let i = l; i < lend; i++) {
    const v = Math.abs(e[i - 1]);
    if (v > m || v !== v) m = v;
  }
  return m;
}

function scale(x: Float64Array, from: number, count: number, f: number): void {
  for (let i = 0; i < count; i++) x[from - 1 + i] *= f;
}

/**
 * dsteqr: eigenvalues of the tridiagonal (d, e) into `d` in ascending order,
 * and, when `zt` is given, the eigenvectors: `zt`'s rows (Z's columns, row
 * length `ld`) are rotated along and finally permuted with the values.
 * @returns the number of off-diagonal elements that failed to converge (0 on success).
 */
export function tridiagonalQL(d: Float64Array, e: Float64Array, n: number, zt: Float64Array | null, ld: number): number {
  if (n <= 1) return 0;
  const rot = new Float64Array(4);
  const cs = new Float64Array(n), sn = new Float64Array(n);
  const nmaxit = n * MAXIT;
  let jtot = 0;
  let l1 = 1;
  while (l1 <= n) {
    if (l1 > 1) e[l1 - 2] = 0;
    let m = l1;
    for (; m < n; m++) {
      const tst = Math.abs(e[m - 1]);
      if (tst === 0) break;
      if (tst <= Math.sqrt(Math.abs(d[m - 1])) * Math.sqrt(Math.abs(d[m])) * EPS) {
        e[m - 1] = 0;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;
    // Scale the block to keep its norm in range.
    const anorm = maxAbs(d, e, l, lend);
    let iscale = 0;
    if (anorm === 0) continue;
    if (anorm !== anorm) return n; // NaN: no iteration can converge
    if (anorm > SSFMAX) {
      iscale = 1;
      scale(d, l, lend - l + 1, SSFMAX / anorm);
      scale(e, l, lend - l, SSFMAX / anorm);
    } else if (anorm < SSFMIN) {
      iscale = 2;
      scale(d, l, lend - l + 1, SSFMIN / anorm);
      scale(e, l, lend - l, SSFMIN / anorm);
    }
    // QL when the bottom is larger than the top, QR otherwise.
    if (Math.abs(d[lend - 1]) < Math.abs(d[l - 1])) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration: look for a small subdiagonal element from the top.
      for (;;) {
        let mm = l;
        if (l !== lend) {
          for (; mm < lend; mm++) {
            const tst = Math.abs(e[mm - 1]) ** 2;
            if (tst <= EPS2 * Math.abs(d[mm - 1]) * Math.abs(d[mm]) + SAFMIN) break;
          }
        } else mm = lend;
        m = mm;
        if (m < lend) e[m - 1] = 0;
        let p = d[l - 1];
        if (m === l) {
          // one eigenvalue found
          d[l - 1] = p;
          l++;
          if (l <= lend) continue;
          break;
        }
        if (m === l + 1) {
          // a 2×2 block: solve it directly
          eig2x2(d[l - 1], e[l - 1], d[l], rot);
          if (zt) rotateRows(zt, ld, l - 1, rot[2], rot[3]);
          d[l - 1] = rot[0];
          d[l] = rot[1];
          e[l - 1] = 0;
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        // Form the Wilkinson shift, then chase the bulge from the bottom.
        let g = (d[l] - p) / (2 * e[l - 1]);
        let r = hypot2(g, 1);
        g = d[m - 1] - p + e[l - 1] / (g + (g < 0 ? -Math.abs(r) : Math.abs(r)));
        let s = 1, c = 1;
        p = 0;
        for (let i = m - 1; i >= l; i--) {
          const f = s * e[i - 1], b = c * e[i - 1];
          givens(g, f, rot);
          c = rot[0];
          s = rot[1];
          r = rot[2];
          if (i !== m - 1) e[i] = r;
          g = d[i] - p;
          r = (d[i - 1] - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          cs[i - 1] = c;
          sn[i - 1] = -s;
        }
        // dlasr('R', 'V', 'B'): rotations applied from the bottom up.
        if (zt) rotateBackward(zt, ld, l - 1, m - 1, cs, sn);
        d[l - 1] -= p;
        e[l - 1] = g;
      }
    } else {
      // QR iteration: look for a small superdiagonal element from the bottom.
      for (;;) {
        let mm = l;
        if (l !== lend) {
          for (; mm > lend; mm--) {
            const tst = Math.abs(e[mm - 2]) ** 2;
            if (tst <= EPS2 * Math.abs(d[mm - 1]) * Math.abs(d[mm - 2]) + SAFMIN) break;
          }
        } else mm = lend;
        m = mm;
        if (m > lend) e[m - 2] = 0;
        let p = d[l - 1];
        if (m === l) {
          d[l - 1] = p;
          l--;
          if (l >= lend) continue;
          break;
        }
        if (m === l - 1) {
          eig2x2(d[l - 2], e[l - 2], d[l - 1], rot);
          if (zt) rotateRows(zt, ld, l - 2, rot[2], rot[3]);
          d[l - 2] = rot[0];
          d[l - 1] = rot[1];
          e[l - 2] = 0;
          l -= 2;
          if (l >= lend) continue;
          break;
        }
        if (jtot === nmaxit) break;
        jtot++;
        let g = (d[l - 2] - p) / (2 * e[l - 2]);
        let r = hypot2(g, 1);
        g = d[m - 1] - p + e[l - 2] / (g + (g < 0 ? -Math.abs(r) : Math.abs(r)));
        let s = 1, c = 1;
        p = 0;
        for (let i = m; i <= l - 1; i++) {
          const f = s * e[i - 1], b = c * e[i - 1];
          givens(g, f, rot);
          c = rot[0];
          s = rot[1];
          r = rot[2];
          if (i !== m) e[i - 2] = r;
          g = d[i - 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i - 1] = g + p;
          g = c * r - b;
          cs[i - 1] = c;
          sn[i - 1] = s;
        }
        // dlasr('R', 'V', 'F'): rotations applied from the top down.
        if (zt) rotateForward(zt, ld, m - 1, l - 1, cs, sn);
        d[l - 1] -= p;
        e[l - 2] = g;
      }
    }
    // Undo the scaling.
    if (iscale === 1) {
      scale(d, lsv, lendsv - lsv + 1, anorm / SSFMAX);
      scale(e, lsv, lendsv - lsv, anorm / SSFMAX);
    } else if (iscale === 2) {
      scale(d, lsv, lendsv - lsv + 1, anorm / SSFMIN);
      scale(e, lsv, lendsv - lsv, anorm / SSFMIN);
    }
    if (jtot >= nmaxit) break;
  }
  let info = 0;
  for (let i = 0; i < n - 1; i++) if (e[i] !== 0) info++;
  if (info > 0) return info;
  sortAscending(d, n, zt, ld);
  return 0;
}

/** Selection sort of the values, swapping Z's columns (rows of `zt`) along, as dsteqr. */
function sortAscending(d: Float64Array, n: number, zt: Float64Array | null, ld: number): void {
  if (!zt) {
    d.subarray(0, n).sort();
    return;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i, p = d[i];
    for (let j = i + 1; j < n; j++) if (d[j] < p) {
      k = j;
      p = d[j];
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      for (let c = 0; c < ld; c++) {
        const t = zt[i * ld + c];
        zt[i * ld + c] = zt[k * ld + c];
        zt[k * ld + c] = t;
      }
    }
  }
}
