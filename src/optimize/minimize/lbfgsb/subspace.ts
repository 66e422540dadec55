/**
 * Subspace minimisation of L-BFGS-B (SciPy's lbfgsb.c): from the Cauchy
 * point, the quadratic model is minimised over the free variables by the
 * direct primal method (Byrd, Lu, Nocedal & Zhu 1995, §5.1), with the
 * Sherman–Morrison–Woodbury form of the reduced matrix (`formk` factors
 * K = [-D - YᵀZZᵀY/θ, Lₐᵀ - R_zᵀ; Lₐ - R_z, θSᵀAAᵀS]), the reduced gradient
 * (`cmprlb`), and the projection/backtracking of Morales & Nocedal's 2011
 * remark (`subsm`). `freev` sorts the variables into free and active sets.
 */
import { potrfUpper, trtrsUpper } from '../../dense';
import { bmv, type Memory } from './matrices';

/** Free/active bookkeeping (freev): index[0:nfree] free, the rest active; entering/leaving sets in indx2. */
export interface FreeSets {
  nfree: number;
  nenter: number;
  ileave: number;
  index: Int32Array;
  indx2: Int32Array;
}

/** freev: updates the free set at the GCP; returns whether K must be refactored. */
export function freev(n: number, fs: FreeSets, iwhere: Int32Array, updatd: boolean, cnstnd: boolean, iter: number): boolean {
  const { index, indx2 } = fs;
  fs.nenter = 0;
  fs.ileave = n;
  if (iter > 0 && cnstnd) {
    for (let i = 0; i < fs.nfree; i++) {
      const k = index[i];
      if (iwhere[k] > 0) indx2[--fs.ileave] = k;
    }
    for (let i = fs.nfree; i < n; i++) {
      const k = index[i];
      if (iwhere[k] <= 0) indx2[fs.nenter++] = k;
    }
  }
  const wrk = fs.ileave < n || fs.nenter > 0 || updatd;
  fs.nfree = 0;
  let iact = n;
  for (let i = 0; i < n; i++) {
    if (iwhere[i] <= 0) index[fs.nfree++] = i;
    else index[--iact] = i;
  }
  return wrk;
}

/**
 * formk: forms and factors K (in `wn`, 2m×2m; `wn1` keeps the inner-product
 * blocks between calls). @returns 0, or negative if K is not positive definite.
 */
export function formk(
  mem: Memory, fs: FreeSets, iupdat: number, updatd: boolean, wn: Float64Array, wn1: Float64Array,
): number {
  const { n, m, ws, wy, sy, theta, col, head } = mem;
  const { nfree: nsub, index: ind, nenter, ileave, indx2 } = fs;
  const m2 = 2 * m;
  let upcl: number;
  if (updatd) {
    if (iupdat > m) {
      // Shift the old blocks of wn1 up-left by one pair.
      for (let jy = 0; jy < m - 1; jy++) {
        const js = m + jy;
        for (let i = 0; i < m - (jy + 1); i++) {
          wn1[jy + i + m2 * jy] = wn1[jy + 1 + i + m2 * (jy + 1)];
          wn1[js + i + m2 * js] = wn1[js + 1 + i + m2 * (js + 1)];
        }
        for (let i = 0; i < m - 1; i++) wn1[m + i + m2 * jy] = wn1[m + 1 + i + m2 * (jy + 1)];
      }
    }
    // New rows of blocks (1,1), (2,1), (2,2) for the newest pair.
    const iy = col - 1;
    const is = m + col - 1;
    let ipntr = head + col - 1;
    if (ipntr >= m) ipntr -= m;
    let jpntr = head;
    for (let jy = 0; jy < col; jy++) {
      const js = m + jy;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let k = 0; k < nsub; k++) {
        const k1 = ind[k];
        t1 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
      }
      for (let k = nsub; k < n; k++) {
        const k1 = ind[k];
        t2 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
        t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
      }
      wn1[iy + m2 * jy] = t1;
      wn1[is + m2 * js] = t2;
      wn1[is + m2 * jy] = t3;
      jpntr = (jpntr + 1) % m;
    }
    const jy = col - 1;
    jpntr = head + col - 1;
    if (jpntr >= m) jpntr -= m;
    ipntr = head;
    for (let i = 0; i < col; i++) {
      const isr = m + i;
      let t3 = 0;
      for (let k = 0; k < nsub; k++) {
        const k1 = ind[k];
        t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
      }
      ipntr = (ipntr + 1) % m;
      wn1[isr + m2 * jy] = t3;
    }
    upcl = col - 1;
  } else {
    upcl = col;
  }
  // Old blocks: add the contributions of entering variables, remove those of leaving ones.
  let ipntr = head;
  for (let iy = 0; iy < upcl; iy++) {
    const is = m + iy;
    let jpntr = head;
    for (let jy = 0; jy <= iy; jy++) {
      const js = m + jy;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      let t4 = 0;
      for (let k = 0; k < nenter; k++) {
        const k1 = indx2[k];
        t1 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
        t2 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
      }
      for (let k = ileave; k < n; k++) {
        const k1 = indx2[k];
        t3 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
        t4 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
      }
      wn1[iy + m2 * jy] += t1 - t3;
      wn1[is + m2 * js] += -t2 + t4;
      jpntr = (jpntr + 1) % m;
    }
    ipntr = (ipntr + 1) % m;
  }
  ipntr = head;
  for (let is = m; is < m + upcl; is++) {
    let jpntr = head;
    for (let jy = 0; jy < upcl; jy++) {
      let t1 = 0;
      let t3 = 0;
      for (let k = 0; k < nenter; k++) {
        const k1 = indx2[k];
        t1 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
      }
      for (let k = ileave; k < n; k++) {
        const k1 = indx2[k];
        t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
      }
      if (is <= jy + m) wn1[is + m2 * jy] += t1 - t3;
      else wn1[is + m2 * jy] += -t1 + t3;
      jpntr = (jpntr + 1) % m;
    }
    ipntr = (ipntr + 1) % m;
  }
  // The upper triangle of K (scaled) in wn, then its LELᵀ factorisation.
  for (let iy = 0; iy < col; iy++) {
    const is = col + iy;
    const is1 = m + iy;
    for (let jy = 0; jy <= iy; jy++) {
      const js = col + jy;
      const js1 = m + jy;
      wn[jy + m2 * iy] = wn1[iy + m2 * jy] / theta;
      wn[js + m2 * is] = wn1[is1 + m2 * js1] * theta;
    }
    for (let jy = 0; jy < iy; jy++) wn[jy + m2 * is] = -wn1[is1 + m2 * jy];
    for (let jy = iy; jy < col; jy++) wn[jy + m2 * is] = wn1[is1 + m2 * jy];
    wn[iy + m2 * iy] += sy[iy + m * iy];
  }
  if (potrfUpper(wn, 0, m2, col) !== 0) return -1;
  const col2 = 2 * col;
  trtrsUpper(true, col, col, wn, 0, m2, wn, m2 * col, m2);
  for (let is = col; is < col2; is++) {
    for (let js = is; js < col2; js++) {
      let s = 0;
      for (let k = 0; k < col; k++) s += wn[k + m2 * is] * wn[k + m2 * js];
      wn[is + m2 * js] += s;
    }
  }
  return potrfUpper(wn, col + m2 * col, m2, col) !== 0 ? -2 : 0;
}

/** cmprlb: r = -Z(B(xcp - x) + g) over the free variables (uses wa[2m:4m] = c from cauchy; wa[0:2m] workspace). */
export function cmprlb(mem: Memory, x: Float64Array, g: Float64Array, z: Float64Array, r: Float64Array, wa: Float64Array, fs: FreeSets, cnstnd: boolean): number {
  const { n, m, ws, wy, theta, col, head } = mem;
  if (!cnstnd && col > 0) {
    for (let i = 0; i < n; i++) r[i] = -g[i];
    return 0;
  }
  for (let i = 0; i < fs.nfree; i++) {
    const k = fs.index[i];
    r[i] = -theta * (z[k] - x[k]) - g[k];
  }
  if (bmv(mem, wa, 2 * m, wa, 0) !== 0) return -8;
  let pointr = head;
  for (let j = 0; j < col; j++) {
    const a1 = wa[j];
    const a2 = theta * wa[col + j];
    for (let i = 0; i < fs.nfree; i++) {
      const k = fs.index[i];
      r[i] += wy[k + n * pointr] * a1 + ws[k + n * pointr] * a2;
    }
    pointr = (pointr + 1) % m;
  }
  return 0;
}

/**
 * subsm: the subspace step from the GCP `x` (here z) along the reduced
 * Newton direction d (overwritten), projected onto the box; if the projected
 * point is not a descent direction from xx, backtrack to the box's boundary.
 * @returns info (nonzero: singular K) and iword (1 if a bound became active).
 */
export function subsm(
  mem: Memory, fs: FreeSets, l: Float64Array, u: Float64Array, nbd: Int32Array, x: Float64Array, d: Float64Array, xp: Float64Array,
  xx: Float64Array, gg: Float64Array, wv: Float64Array, wn: Float64Array,
): { info: number; iword: number } {
  const { n, m, ws, wy, theta, col, head } = mem;
  const nsub = fs.nfree;
  const ind = fs.index;
  let iword = 0;
  if (nsub <= 0) return { info: 0, iword };
  let pointr = head;
  for (let i = 0; i < col; i++) {
    let t1 = 0;
    let t2 = 0;
    for (let j = 0; j < nsub; j++) {
      const k = ind[j];
      t1 += wy[k + n * pointr] * d[j];
      t2 += ws[k + n * pointr] * d[j];
    }
    wv[i] = t1;
    wv[col + i] = theta * t2;
    pointr = (pointr + 1) % m;
  }
  const m2 = 2 * m;
  const col2 = 2 * col;
  let info = trtrsUpper(true, col2, 1, wn, 0, m2, wv, 0, m2);
  if (info !== 0) return { info, iword };
  for (let i = 0; i < col; i++) wv[i] = -wv[i];
  info = trtrsUpper(false, col2, 1, wn, 0, m2, wv, 0, m2);
  if (info !== 0) return { info, iword };
  pointr = head;
  for (let jy = 0; jy < col; jy++) {
    const js = col + jy;
    for (let i = 0; i < nsub; i++) {
      const k = ind[i];
      d[i] += (wy[k + n * pointr] * wv[jy]) / theta + ws[k + n * pointr] * wv[js];
    }
    pointr = (pointr + 1) % m;
  }
  for (let i = 0; i < nsub; i++) d[i] *= 1 / theta;
  // Project the Newton point onto the box.
  xp.set(x.subarray(0, n));
  for (let i = 0; i < nsub; i++) {
    const k = ind[i];
    const dk = d[i];
    const xk = x[k];
    if (nbd[k] === 0) x[k] = xk + dk;
    else if (nbd[k] === 1) {
      x[k] = Math.max(l[k], xk + dk);
      if (x[k] === l[k]) iword = 1;
    } else if (nbd[k] === 2) {
      x[k] = Math.min(u[k], Math.max(l[k], xk + dk));
      if (x[k] === l[k] || x[k] === u[k]) iword = 1;
    } else if (nbd[k] === 3) {
      x[k] = Math.min(u[k], xk + dk);
      if (x[k] === u[k]) iword = 1;
    }
  }
  if (iword === 0) return { info: 0, iword };
  // Is the projected point a descent direction from xx?
  let ddP = 0;
  for (let i = 0; i < n; i++) ddP += (x[i] - xx[i]) * gg[i];
  if (ddP <= 0) return { info: 0, iword };
  // No: move from the GCP along d to the first bound instead.
  x.set(xp.subarray(0, n));
  let alpha = 1;
  let temp1 = 1;
  let ibd = 0;
  for (let i = 0; i < nsub; i++) {
    const k = ind[i];
    const dk = d[i];
    if (nbd[k] !== 0) {
      if (dk < 0 && nbd[k] <= 2) {
        const temp2 = l[k] - x[k];
        if (temp2 >= 0) temp1 = 0;
        else if (dk * alpha < temp2) temp1 = temp2 / dk;
      } else if (dk > 0 && nbd[k] >= 2) {
        const temp2 = u[k] - x[k];
        if (temp2 <= 0) temp1 = 0;
        else if (dk * alpha > temp2) temp1 = temp2 / dk;
      }
      if (temp1 < alpha) {
        alpha = temp1;
        ibd = i;
      }
    }
  }
  if (alpha < 1) {
    const dk = d[ibd];
    const k = ind[ibd];
    if (dk > 0) {
      x[k] = u[k];
      d[ibd] = 0;
    } else if (dk < 0) {
      x[k] = l[k];
      d[ibd] = 0;
    }
  }
  for (let i = 0; i < nsub; i++) x[ind[i]] += alpha * d[i];
  return { info: 0, iword };
}
