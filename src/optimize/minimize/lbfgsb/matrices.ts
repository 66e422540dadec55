/**
 * The limited-memory BFGS matrix of L-BFGS-B in compact form,
 *   B = θI - W M Wᵀ,  W = [Y θS],
 * (Byrd, Nocedal & Schnabel, "Representations of quasi-Newton matrices and
 * their use in limited memory methods", Math. Prog. 63 (1994) 129–156),
 * ported from SciPy's lbfgsb.c (L-BFGS-B 3.0, Zhu, Byrd, Lu & Nocedal,
 * ACM TOMS 23 (1997) 550–560; Morales & Nocedal's 2011 remark): the
 * products with the middle matrix (`bmv`), its Cholesky-based factor
 * (`formt`), the correction-pair update (`matupd`), and the helpers
 * `projgr`, `active` and the breakpoint heap `hpsolb`.
 *
 * Storage follows the C code: ws, wy are n×m column-major (pair k in column
 * k, circular from `head`), sy, ss, wt are m×m column-major.
 */
import { potrfUpper, trtrsUpper } from '../../dense';

/** The L-BFGS-B working set: bounds, correction pairs and their inner products. */
export interface Memory {
  n: number;
  m: number;
  ws: Float64Array;
  wy: Float64Array;
  sy: Float64Array;
  ss: Float64Array;
  wt: Float64Array;
  theta: number;
  col: number;
  head: number;
}

/**
 * p = M v for the 2col vector v (M the 2m×2m middle matrix), via the
 * factorisation of its inverse [-D, Lᵀ; L, θSᵀS]⁻¹ (bmv in L-BFGS-B).
 * @returns 0, or nonzero when the triangular factor is singular.
 */
export function bmv(mem: Memory, v: Float64Array, vo: number, p: Float64Array, po: number): number {
  const { m, sy, wt, col } = mem;
  if (col === 0) return 0;
  // Solve [D^½ 0; -L D^-½ J] [p1; p2] = [v1; v2]: first J p2 = v2 + L D⁻¹ v1.
  p[po + col] = v[vo + col];
  for (let i = 1; i < col; i++) {
    let s = 0;
    for (let k = 0; k <= i - 1; k++) s += (sy[i + m * k] * v[vo + k]) / sy[k + m * k];
    p[po + col + i] = v[vo + col + i] + s;
  }
  let info = trtrsUpper(true, col, 1, wt, 0, m, p, po + col, col);
  if (info !== 0) return info;
  for (let i = 0; i < col; i++) p[po + i] = v[vo + i] / Math.sqrt(sy[i + m * i]);
  // Then [-D^½ D^-½ Lᵀ; 0 Jᵀ] [p1; p2] = [p1; p2].
  info = trtrsUpper(false, col, 1, wt, 0, m, p, po + col, col);
  if (info !== 0) return info;
  for (let i = 0; i < col; i++) p[po + i] = -p[po + i] / Math.sqrt(sy[i + m * i]);
  for (let i = 0; i < col; i++) {
    let s = 0;
    for (let k = i + 1; k < col; k++) s += (sy[k + m * i] * p[po + col + k]) / sy[i + m * i];
    p[po + i] += s;
  }
  return 0;
}

/**
 * T = θSᵀS + L D⁻¹ Lᵀ into the upper triangle of wt and its Cholesky factor
 * Jᵀ (formt). @returns 0, or nonzero if T is not positive definite.
 */
export function formt(mem: Memory): number {
  const { m, wt, sy, ss, col, theta } = mem;
  for (let j = 0; j < col; j++) wt[m * j] = theta * ss[m * j];
  for (let i = 1; i < col; i++) {
    for (let j = i; j < col; j++) {
      const k1 = Math.min(i, j);
      let ddum = 0;
      for (let k = 0; k < k1; k++) ddum += (sy[i + m * k] * sy[j + m * k]) / sy[k + m * k];
      wt[i + m * j] = ddum + theta * ss[i + m * j];
    }
  }
  return potrfUpper(wt, 0, m, col) === 0 ? 0 : -3;
}

/**
 * Adds the correction pair (s = d, y = r) and updates SᵀY, SᵀS and θ = yᵀy/yᵀs
 * (matupd); `iupdat` counts updates so far.
 */
export function matupd(mem: Memory, d: Float64Array, r: Float64Array, itail: number, iupdat: number, rr: number, dr: number, stp: number, dtd: number): number {
  const { n, m, ws, wy, sy, ss } = mem;
  if (iupdat <= m) {
    mem.col = iupdat;
    itail = (mem.head + iupdat - 1) % m;
  } else {
    itail = (itail + 1) % m;
    mem.head = (mem.head + 1) % m;
  }
  ws.set(d.subarray(0, n), itail * n);
  wy.set(r.subarray(0, n), itail * n);
  mem.theta = rr / dr;
  const col = mem.col;
  if (iupdat > m) {
    // Drop the oldest pair: shift SᵀS (upper) and SᵀY (lower) one place up-left.
    for (let j = 1; j < col; j++) {
      for (let i = 0; i < j; i++) ss[i + m * (j - 1)] = ss[1 + i + m * j];
      for (let i = 0; i < col - j; i++) sy[j - 1 + i + m * (j - 1)] = sy[j + i + m * j];
    }
  }
  let pointr = mem.head;
  for (let j = 0; j < col - 1; j++) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a += d[i] * wy[pointr * n + i];
      b += ws[pointr * n + i] * d[i];
    }
    sy[col - 1 + m * j] = a;
    ss[j + m * (col - 1)] = b;
    pointr = (pointr + 1) % m;
  }
  ss[col - 1 + m * (col - 1)] = stp === 1 ? dtd : stp * stp * dtd;
  sy[col - 1 + m * (col - 1)] = dr;
  return itail;
}

/** ‖proj g‖∞, the infinity norm of the projected gradient (NaN if g has a NaN) (projgr). */
export function projgr(n: number, l: Float64Array, u: Float64Array, nbd: Int32Array, x: Float64Array, g: Float64Array): number {
  let sbgnrm = 0;
  for (let i = 0; i < n; i++) {
    let gi = g[i];
    if (gi !== gi) return gi;
    if (nbd[i] !== 0) {
      if (gi < 0) {
        if (nbd[i] >= 2) gi = Math.max(x[i] - u[i], gi);
      } else if (nbd[i] <= 2) gi = Math.min(x[i] - l[i], gi);
    }
    sbgnrm = Math.max(sbgnrm, Math.abs(gi));
  }
  return sbgnrm;
}

/**
 * Projects x onto the box and initialises iwhere (-1 unbounded, 3 fixed,
 * 0 otherwise) (active). Returns whether the problem is constrained and boxed.
 */
export function active(n: number, l: Float64Array, u: Float64Array, nbd: Int32Array, x: Float64Array, iwhere: Int32Array): { cnstnd: boolean; boxed: boolean } {
  let cnstnd = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    if (nbd[i] > 0) {
      if (nbd[i] <= 2 && x[i] <= l[i]) {
        if (x[i] < l[i]) x[i] = l[i];
      } else if (nbd[i] >= 2 && x[i] >= u[i]) {
        if (x[i] > u[i]) x[i] = u[i];
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (nbd[i] !== 2) boxed = false;
    if (nbd[i] === 0) iwhere[i] = -1;
    else {
      cnstnd = true;
      iwhere[i] = nbd[i] === 2 && u[i] - l[i] <= 0 ? 3 : 0;
    }
  }
  return { cnstnd, boxed };
}

/**
 * The breakpoint heap of the Cauchy search (hpsolb): with `iheap` 0 first
 * builds a min-heap of t[0..n]; then moves the least element to t[n].
 */
export function hpsolb(n: number, t: Float64Array, iorder: Int32Array, iheap: number): void {
  if (iheap === 0) {
    for (let k = 2; k <= n + 1; k++) {
      const ddum = t[k - 1];
      const indxin = iorder[k - 1];
      let i = k;
      while (i > 1) {
        const j = Math.floor(i / 2);
        if (ddum < t[j - 1]) {
          t[i - 1] = t[j - 1];
          iorder[i - 1] = iorder[j - 1];
          i = j;
        } else break;
      }
      t[i - 1] = ddum;
      iorder[i - 1] = indxin;
    }
  }
  if (n > 0) {
    let i = 1;
    const out = t[0];
    const indxout = iorder[0];
    const ddum = t[n];
    const indxin = iorder[n];
    for (;;) {
      let j = i + i;
      if (j > n) break;
      if (t[j] < t[j - 1]) j++;
      if (t[j - 1] < ddum) {
        t[i - 1] = t[j - 1];
        iorder[i - 1] = iorder[j - 1];
        i = j;
      } else break;
    }
    t[i - 1] = ddum;
    iorder[i - 1] = indxin;
    t[n] = out;
    iorder[n] = indxout;
  }
}
