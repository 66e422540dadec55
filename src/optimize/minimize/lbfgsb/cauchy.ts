/**
 * The generalized Cauchy point of L-BFGS-B (subroutine `cauchy`, SciPy's
 * lbfgsb.c): the first local minimiser of the quadratic model
 * Q(x + s) = gᵀs + ½ sᵀBs along the projected steepest-descent path
 * P(x - t g), found by walking the breakpoints in increasing order (a heap)
 * and updating f' and f'' of each segment with products by the middle matrix.
 * Byrd, Lu, Nocedal & Zhu, "A limited memory algorithm for bound constrained
 * optimization", SIAM J. Sci. Comput. 16 (1995) 1190–1208, §4.
 */
import { bmv, hpsolb, type Memory } from './matrices';

const EPSMACH = 2.220446049250313e-16;

/** Work arrays of the Cauchy search (p = Wᵀd, c = Wᵀ(xcp - x), wbp, v: 2m each). */
export interface CauchyWork {
  p: Float64Array;
  c: Float64Array;
  wbp: Float64Array;
  v: Float64Array;
}

/**
 * Computes the GCP into `xcp`, the breakpoints' order into `iorder`, the
 * variables' status into `iwhere` (see L-BFGS-B's documentation) and
 * c = Wᵀ(xcp - x) into `w.c`.
 * @returns the number of segments explored and info (nonzero: singular middle matrix).
 */
export function cauchy(
  mem: Memory, x: Float64Array, l: Float64Array, u: Float64Array, nbd: Int32Array, g: Float64Array, iorder: Int32Array, iwhere: Int32Array,
  t: Float64Array, d: Float64Array, xcp: Float64Array, w: CauchyWork, sbgnrm: number,
): { nseg: number; info: number } {
  const { n, m, ws, wy, theta, col, head } = mem;
  const { p, c, wbp, v } = w;
  let nseg = 0;
  if (sbgnrm <= 0) {
    xcp.set(x);
    return { nseg, info: 0 };
  }
  let bnded = true;
  let nfree = n;
  let nbreak = -1;
  let ibkmin = 0;
  let bkmin = 0;
  const col2 = 2 * col;
  let f1 = 0;
  let tl = 0;
  let tu = 0;
  p.fill(0, 0, col2);
  // Each variable's bound status and breakpoint; p accumulates Wᵀd.
  for (let i = 0; i < n; i++) {
    const neggi = -g[i];
    if (iwhere[i] !== 3 && iwhere[i] !== -1) {
      if (nbd[i] <= 2) tl = x[i] - l[i];
      if (nbd[i] >= 2) tu = u[i] - x[i];
      const xlower = nbd[i] <= 2 && tl <= 0;
      const xupper = nbd[i] >= 2 && tu <= 0;
      iwhere[i] = 0;
      if (xlower) {
        if (neggi <= 0) iwhere[i] = 1;
      } else if (xupper) {
        if (neggi >= 0) iwhere[i] = 2;
      } else if (Math.abs(neggi) <= 0) iwhere[i] = -3;
    }
    let pointr = head;
    if (iwhere[i] !== 0 && iwhere[i] !== -1) d[i] = 0;
    else {
      d[i] = neggi;
      f1 -= neggi * neggi;
      for (let j = 0; j < col; j++) {
        p[j] += wy[i + n * pointr] * neggi;
        p[col + j] += ws[i + n * pointr] * neggi;
        pointr = (pointr + 1) % m;
      }
      if (nbd[i] <= 2 && nbd[i] !== 0 && neggi < 0) {
        nbreak++;
        iorder[nbreak] = i;
        t[nbreak] = tl / -neggi;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
      } else if (nbd[i] >= 2 && neggi > 0) {
        nbreak++;
        iorder[nbreak] = i;
        t[nbreak] = tu / neggi;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
      } else {
        nfree--;
        iorder[nfree] = i;
        if (Math.abs(neggi) > 0) bnded = false;
      }
    }
  }
  if (theta !== 1) for (let j = 0; j < col; j++) p[col + j] *= theta;
  xcp.set(x);
  if (nbreak === -1 && nfree === n) return { nseg, info: 0 }; // d = 0: x is the GCP
  c.fill(0, 0, col2);
  let f2 = -theta * f1;
  const f2Org = f2;
  if (col > 0) {
    const info = bmv(mem, p, 0, v, 0);
    if (info !== 0) return { nseg, info };
    for (let j = 0; j < col2; j++) f2 -= v[j] * p[j];
  }
  let dtm = -f1 / f2;
  let tsum = 0;
  nseg = 1;
  let nleft = nbreak;
  let iter = 0;
  let tj = 0;
  const finish = (dtmFinal: number): { nseg: number; info: number } => {
    if (dtmFinal <= 0) dtmFinal = 0;
    tsum += dtmFinal;
    for (let i = 0; i < n; i++) xcp[i] += tsum * d[i];
    if (col > 0) for (let j = 0; j < col2; j++) c[j] += dtmFinal * p[j];
    return { nseg, info: 0 };
  };
  while (nbreak > -1) {
    // The next breakpoint: the least one first, then from the heap.
    const tj0 = tj;
    let ibp: number;
    if (iter === 0) {
      tj = bkmin;
      ibp = iorder[ibkmin];
    } else {
      if (iter === 1 && ibkmin !== nbreak) {
        t[ibkmin] = t[nbreak];
        iorder[ibkmin] = iorder[nbreak];
      }
      hpsolb(nleft, t, iorder, iter - 1);
      tj = t[nleft];
      ibp = iorder[nleft];
    }
    const dt = tj - tj0;
    // The minimiser lies in this segment: done.
    if (dtm < dt) return finish(dtm);
    // Otherwise fix variable ibp at its bound and move to the next segment.
    tsum += dt;
    nleft--;
    iter++;
    const dibp = d[ibp];
    d[ibp] = 0;
    let zibp: number;
    if (dibp > 0) {
      zibp = u[ibp] - x[ibp];
      xcp[ibp] = u[ibp];
      iwhere[ibp] = 2;
    } else {
      zibp = l[ibp] - x[ibp];
      xcp[ibp] = l[ibp];
      iwhere[ibp] = 1;
    }
    // SciPy's C translation tests `nbreak == n` with a 0-based nbreak, which never holds,
    // so the all-fixed early exit of the Fortran original is never taken; kept identical.
    if (nleft === -1 && nbreak === n) {
      if (col > 0) for (let j = 0; j < col2; j++) c[j] += dt * p[j];
      return { nseg, info: 0 };
    }
    nseg++;
    const dibp2 = dibp * dibp;
    f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
    f2 -= theta * dibp2;
    if (col > 0) {
      for (let j = 0; j < col2; j++) c[j] += dt * p[j];
      let pointr = head;
      for (let j = 0; j < col; j++) {
        wbp[j] = wy[ibp + n * pointr];
        wbp[col + j] = theta * ws[ibp + n * pointr];
        pointr = (pointr + 1) % m;
      }
      const info = bmv(mem, wbp, 0, v, 0);
      if (info !== 0) return { nseg, info };
      let wmc = 0;
      let wmp = 0;
      let wmw = 0;
      for (let j = 0; j < col2; j++) {
        wmc += c[j] * v[j];
        wmp += p[j] * v[j];
        wmw += wbp[j] * v[j];
      }
      for (let j = 0; j < col2; j++) p[j] -= dibp * wbp[j];
      f1 += dibp * wmc;
      f2 += dibp * 2 * wmp - dibp2 * wmw;
    }
    f2 = Math.max(EPSMACH * f2Org, f2);
    if (nleft >= 0) dtm = -f1 / f2;
    else if (bnded) return finish(0);
    else return finish(-f1 / f2);
  }
  return finish(dtm);
}
