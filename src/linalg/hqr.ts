/**
 * The Francis double-shift QR iteration on an upper Hessenberg matrix
 * (LAPACK's dlahqr, with dlanv2 for the 2×2 blocks): eigenvalues, and, when
 * asked, the real Schur form T = Zᵀ H Z with the Schur vectors accumulated.
 * Deflation uses Ahues & Tisseur's criterion; exceptional shifts every 10
 * iterations without deflation; at most 30·max(10, n) iterations per
 * eigenvalue, after which the routine reports failure.
 *
 * Storage: H and Z row-major. A sweep's 3×3 reflectors act on overlapping
 * column triples of Z and of the rows above the active window; those parts
 * are not read by the sweep, so they are updated after it, all reflectors in
 * one pass along each row, carrying two values from one reflector to the
 * next (one load and one store per reflector and element instead of three). 1-based indices
 * as in LAPACK (`H(n, i, j)` is `h[(i−1)n + j−1]`).
 */
import { makeReflector } from './householder';
import { schur2x2 } from './schur2x2';

const SAFMIN = 2.2250738585072014e-308;
const ULP = 2.220446049250313e-16; // dlamch('P')
const DAT1 = 0.75, DAT2 = -0.4375, KEXSH = 10;

/**
 * Buffer index of H(i, j) (1-based) in an n×n row-major matrix. A module-level
 * function, not a closure made per call: V8 specialises optimised code on a
 * closure's identity and would deoptimise on every new call.
 */
function H(n: number, i: number, j: number): number {
  return (i - 1) * n + (j - 1);
}

/**
 * dlahqr on rows/columns ILO…IHI of the n×n Hessenberg `h`. With `wantt` the
 * full Schur form is computed (rows 1…n updated); `z` (n×n row-major, or
 * null) gets the transformations applied to its rows ILO…IHI. Eigenvalues go to `wr`, `wi`.
 * @returns 0, or the index I > 0 of the eigenvalue where the iteration failed.
 */
export function hessenbergQR(
  h: Float64Array, n: number, ilo: number, ihi: number, wr: Float64Array, wi: Float64Array, wantt: boolean, z: Float64Array | null,
): number {
  if (n === 0) return 0;
  if (ilo === ihi) {
    wr[ilo - 1] = h[H(n, ilo, ilo)];
    wi[ilo - 1] = 0;
    return 0;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    h[H(n, j + 2, j)] = 0;
    h[H(n, j + 3, j)] = 0;
  }
  if (ilo <= ihi - 2) h[H(n, ihi, ihi - 2)] = 0;
  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  let i1 = 1, i2 = n;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  const v = new Float64Array(3);
  const s2 = new Float64Array(10);
  // the current sweep's reflectors, by their first row k
  const rv2 = new Float64Array(n + 1), rv3 = new Float64Array(n + 1), rt1 = new Float64Array(n + 1);
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let deflated = false;
    for (let its = 0; its <= itmax; its++) {
      // Look for a single small subdiagonal element.
      let k = i;
      for (; k >= l + 1; k--) {
        const hk = Math.abs(h[H(n, k, k - 1)]);
        if (hk <= smlnum) break;
        let tst = Math.abs(h[H(n, k - 1, k - 1)]) + Math.abs(h[H(n, k, k)]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(h[H(n, k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += Math.abs(h[H(n, k + 1, k)]);
        }
        if (hk <= ULP * tst) {
          const hkk1 = Math.abs(h[H(n, k - 1, k)]);
          const ab = Math.max(hk, hkk1), ba = Math.min(hk, hkk1);
          const dkk = Math.abs(h[H(n, k - 1, k - 1)] - h[H(n, k, k)]);
          const aa = Math.max(Math.abs(h[H(n, k, k)]), dkk), bb = Math.min(Math.abs(h[H(n, k, k)]), dkk);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) h[H(n, l, l - 1)] = 0;
      if (l >= i - 1) {
        deflated = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }
      // Shifts: exceptional ones now and then, else the trailing 2×2 block's eigenvalues.
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = Math.abs(h[H(n, i, i - 1)]) + Math.abs(h[H(n, i - 1, i - 2)]);
        h11 = DAT1 * s + h[H(n, i, i)];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH === 0) {
        const s = Math.abs(h[H(n, l + 1, l)]) + Math.abs(h[H(n, l + 2, l + 1)]);
        h11 = DAT1 * s + h[H(n, l, l)];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = h[H(n, i - 1, i - 1)];
        h21 = h[H(n, i, i - 1)];
        h12 = h[H(n, i - 1, i)];
        h22 = h[H(n, i, i)];
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s !== 0) {
        h11 /= s;
        h21 /= s;
        h12 /= s;
        h22 /= s;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s;
          rt2r = rt1r;
          rt1i = rtdisc * s;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s;
            rt2r = rt1r;
          } else {
            rt2r *= s;
            rt1r = rt2r;
          }
          rt1i = rt2i = 0;
        }
      }
      // Look for two consecutive small subdiagonal elements.
      let m = i - 2;
      for (; m >= l; m--) {
        let h21s = h[H(n, m + 1, m)];
        let ss = Math.abs(h[H(n, m, m)] - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = h[H(n, m + 1, m)] / ss;
        v[0] = h21s * h[H(n, m, m + 1)] + (h[H(n, m, m)] - rt1r) * ((h[H(n, m, m)] - rt2r) / ss) - rt1i * (rt2i / ss);
        v[1] = h21s * (h[H(n, m, m)] + h[H(n, m + 1, m + 1)] - rt1r - rt2r);
        v[2] = h21s * h[H(n, m + 2, m + 1)];
        ss = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
        v[0] /= ss;
        v[1] /= ss;
        v[2] /= ss;
        if (m === l) break;
        const h00 = Math.abs(h[H(n, m, m - 1)]) * (Math.abs(v[1]) + Math.abs(v[2]));
        const h01 = ULP * Math.abs(v[0]) * (Math.abs(h[H(n, m - 1, m - 1)]) + Math.abs(h[H(n, m, m)]) + Math.abs(h[H(n, m + 1, m + 1)]));
        if (h00 <= h01) break;
      }
      // The double-shift QR step: chase the bulge down with 3×3 reflectors.
      for (k = m; k <= i - 1; k++) {
        const nr = Math.min(3, i - k + 1);
        if (k > m) for (let q = 0; q < nr; q++) v[q] = h[H(n, k + q, k - 1)];
        const t1 = makeReflector(v, 0, 1, nr, 1);
        if (k > m) {
          h[H(n, k, k - 1)] = v[0];
          h[H(n, k + 1, k - 1)] = 0;
          if (k < i - 1) h[H(n, k + 2, k - 1)] = 0;
        } else if (m > l) {
          // Use the following instead of H(n, K,K-1) = -H(n, K,K-1) to avoid a bug when v(2) and v(3) underflow.
          h[H(n, k, k - 1)] *= 1 - t1;
        }
        const v2 = v[1], v3 = nr === 3 ? v[2] : 0;
        // Inside the active window (rows L…I) at once; the rows above it and Z are
        // updated after the sweep, all reflectors in one pass per row (below).
        const top = Math.max(i1, l);
        if (nr === 3) {
          reflectRows3(h, H(n, k, 1), n, k - 1, i2, v2, v3, t1);
          reflectCols3(h, H(n, top, k), n, Math.min(k + 3, i) - top + 1, v2, v3, t1);
        } else {
          reflectRows2(h, H(n, k, 1), n, k - 1, i2, v2, t1);
          reflectCols2(h, H(n, top, k), n, i - top + 1, v2, t1);
        }
        rv2[k] = v2;
        rv3[k] = v3;
        rt1[k] = t1;
      }
      // The sweep's reflectors on columns M…I of the rows above the window and of Z.
      if (top0(i1, l) > i1) chainRows(h, (i1 - 1) * n, l - i1, n, m, i, rv2, rv3, rt1);
      if (z) chainRows(z, (ilo - 1) * n, ihi - ilo + 1, n, m, i, rv2, rv3, rt1);
    }
    if (!deflated) return i;
    if (l === i) {
      // one real eigenvalue
      wr[i - 1] = h[H(n, i, i)];
      wi[i - 1] = 0;
    } else if (l === i - 1) {
      // a 2×2 block: standardise it and rotate the rest of T and Z along
      schur2x2(h[H(n, i - 1, i - 1)], h[H(n, i - 1, i)], h[H(n, i, i - 1)], h[H(n, i, i)], s2);
      h[H(n, i - 1, i - 1)] = s2[0];
      h[H(n, i - 1, i)] = s2[1];
      h[H(n, i, i - 1)] = s2[2];
      h[H(n, i, i)] = s2[3];
      wr[i - 2] = s2[4];
      wi[i - 2] = s2[5];
      wr[i - 1] = s2[6];
      wi[i - 1] = s2[7];
      const cs = s2[8], sn = s2[9];
      if (wantt) {
        // rows I−1, I from column I+1 on; columns I−1, I in rows I1 … I−2
        for (let j = i + 1; j <= i2; j++) {
          const x = h[H(n, i - 1, j)], y = h[H(n, i, j)];
          h[H(n, i - 1, j)] = cs * x + sn * y;
          h[H(n, i, j)] = cs * y - sn * x;
        }
        for (let j = i1; j <= i - 2; j++) {
          const x = h[H(n, j, i - 1)], y = h[H(n, j, i)];
          h[H(n, j, i - 1)] = cs * x + sn * y;
          h[H(n, j, i)] = cs * y - sn * x;
        }
      }
      if (z) {
        for (let j = ilo; j <= ihi; j++) {
          const p = H(n, j, i - 1), x = z[p], y = z[p + 1];
          z[p] = cs * x + sn * y;
          z[p + 1] = cs * y - sn * x;
        }
      }
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

// The reflector I − t (1, v2, v3)ᵀ(1, v2, v3) applied to three rows (from the left)
// or three columns (from the right). Kept as small functions: V8 optimises
// these loops far better than the same code inlined in the large QR routine.

/** Rows starting at `r0`, `r0 + ld`, `r0 + 2ld`, columns [j0, j1). */
function reflectRows3(h: Float64Array, r0: number, ld: number, j0: number, j1: number, v2: number, v3: number, t1: number): void {
  const t2 = t1 * v2, t3 = t1 * v3;
  const r1 = r0 + ld, r2 = r1 + ld;
  for (let j = j0; j < j1; j++) {
    const sum = h[r0 + j] + v2 * h[r1 + j] + v3 * h[r2 + j];
    h[r0 + j] -= sum * t1;
    h[r1 + j] -= sum * t2;
    h[r2 + j] -= sum * t3;
  }
}

/** Columns p, p+1, p+2 of `rows` consecutive rows starting at element `p`. */
function reflectCols3(h: Float64Array, p: number, ld: number, rows: number, v2: number, v3: number, t1: number): void {
  const t2 = t1 * v2, t3 = t1 * v3;
  for (let r = 0; r < rows; r++, p += ld) {
    const sum = h[p] + v2 * h[p + 1] + v3 * h[p + 2];
    h[p] -= sum * t1;
    h[p + 1] -= sum * t2;
    h[p + 2] -= sum * t3;
  }
}

function reflectRows2(h: Float64Array, r0: number, ld: number, j0: number, j1: number, v2: number, t1: number): void {
  const t2 = t1 * v2, r1 = r0 + ld;
  for (let j = j0; j < j1; j++) {
    const sum = h[r0 + j] + v2 * h[r1 + j];
    h[r0 + j] -= sum * t1;
    h[r1 + j] -= sum * t2;
  }
}

function reflectCols2(h: Float64Array, p: number, ld: number, rows: number, v2: number, t1: number): void {
  const t2 = t1 * v2;
  for (let r = 0; r < rows; r++, p += ld) {
    const sum = h[p] + v2 * h[p + 1];
    h[p] -= sum * t1;
    h[p + 1] -= sum * t2;
  }
}

function top0(i1: number, l: number): number {
  return Math.max(i1, l);
}

/**
 * The sweep's reflectors k = M … I−1 (reflector k acts on columns k, k+1, k+2,
 * the last one on k, k+1) applied from the right to `rows` rows of length
 * `ld` starting at `r0`: one pass per row, the chain carrying two values.
 * Two rows go together so that their independent chains overlap in the CPU
 * (one chain alone waits on its own multiply-add latency).
 */
function chainRows(x: Float64Array, r0: number, rows: number, ld: number, m: number, i: number, rv2: Float64Array, rv3: Float64Array, rt1: Float64Array): void {
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const p = r0 + r * ld - 1, q = p + ld, u = q + ld, w = u + ld;
    let a0 = x[p + m], a1 = x[p + m + 1], b0 = x[q + m], b1 = x[q + m + 1];
    let c0 = x[u + m], c1 = x[u + m + 1], d0 = x[w + m], d1 = x[w + m + 1];
    for (let k = m; k < i - 1; k++) {
      const v2 = rv2[k], v3 = rv3[k], t1 = rt1[k], t2 = t1 * v2, t3 = t1 * v3;
      const a2 = x[p + k + 2], b2 = x[q + k + 2], c2 = x[u + k + 2], d2 = x[w + k + 2];
      const sa = a0 + v2 * a1 + v3 * a2, sb = b0 + v2 * b1 + v3 * b2;
      const sc = c0 + v2 * c1 + v3 * c2, sd = d0 + v2 * d1 + v3 * d2;
      x[p + k] = a0 - sa * t1;
      x[q + k] = b0 - sb * t1;
      x[u + k] = c0 - sc * t1;
      x[w + k] = d0 - sd * t1;
      a0 = a1 - sa * t2;
      b0 = b1 - sb * t2;
      c0 = c1 - sc * t2;
      d0 = d1 - sd * t2;
      a1 = a2 - sa * t3;
      b1 = b2 - sb * t3;
      c1 = c2 - sc * t3;
      d1 = d2 - sd * t3;
    }
    const v2 = rv2[i - 1], t1 = rt1[i - 1], t2 = t1 * v2;
    const sa = a0 + v2 * a1, sb = b0 + v2 * b1, sc = c0 + v2 * c1, sd = d0 + v2 * d1;
    x[p + i - 1] = a0 - sa * t1;
    x[p + i] = a1 - sa * t2;
    x[q + i - 1] = b0 - sb * t1;
    x[q + i] = b1 - sb * t2;
    x[u + i - 1] = c0 - sc * t1;
    x[u + i] = c1 - sc * t2;
    x[w + i - 1] = d0 - sd * t1;
    x[w + i] = d1 - sd * t2;
  }
  for (; r + 1 < rows; r += 2) {
    const p = r0 + r * ld - 1, q = p + ld; // x[p + c] is column c (1-based) of the first row
    let a0 = x[p + m], a1 = x[p + m + 1], b0 = x[q + m], b1 = x[q + m + 1];
    for (let k = m; k < i - 1; k++) {
      const v2 = rv2[k], v3 = rv3[k], t1 = rt1[k], t2 = t1 * v2, t3 = t1 * v3;
      const a2 = x[p + k + 2], b2 = x[q + k + 2];
      const sa = a0 + v2 * a1 + v3 * a2, sb = b0 + v2 * b1 + v3 * b2;
      x[p + k] = a0 - sa * t1;
      x[q + k] = b0 - sb * t1;
      a0 = a1 - sa * t2;
      b0 = b1 - sb * t2;
      a1 = a2 - sa * t3;
      b1 = b2 - sb * t3;
    }
    const v2 = rv2[i - 1], t1 = rt1[i - 1], t2 = t1 * v2;
    const sa = a0 + v2 * a1, sb = b0 + v2 * b1;
    x[p + i - 1] = a0 - sa * t1;
    x[p + i] = a1 - sa * t2;
    x[q + i - 1] = b0 - sb * t1;
    x[q + i] = b1 - sb * t2;
  }
  for (; r < rows; r++) {
    const p = r0 + r * ld - 1;
    let c0 = x[p + m], c1 = x[p + m + 1];
    for (let k = m; k < i - 1; k++) {
      const v2 = rv2[k], v3 = rv3[k], t1 = rt1[k];
      const c2 = x[p + k + 2];
      const sum = c0 + v2 * c1 + v3 * c2;
      x[p + k] = c0 - sum * t1;
      c0 = c1 - sum * (t1 * v2);
      c1 = c2 - sum * (t1 * v3);
    }
    // the last reflector (k = I−1) acts on two columns
    const v2 = rv2[i - 1], t1 = rt1[i - 1];
    const sum = c0 + v2 * c1;
    x[p + i - 1] = c0 - sum * t1;
    x[p + i] = c1 - sum * (t1 * v2);
  }
}
