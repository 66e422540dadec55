/**
 * LU factorisation with partial pivoting for complex matrices (LAPACK's
 * zgetf2/zgetrs): the same algorithm as `lu.ts` on interleaved storage, where
 * element (i, j) of an n×n matrix at complex offset `off` is
 * `a[2(off + i n + j)]` (real) and the next double (imaginary). Pivots are
 * chosen by |re| + |im| as LAPACK's izamax does (cabs1).
 */

/**
 * Factors in place; `piv[k]` is the row interchanged with row k.
 * @returns 0, or k+1 for the first exactly-zero pivot (LAPACK's `info`).
 */
export function cluFactor(a: Float64Array, off: number, n: number, piv: Int32Array): number {
  let info = 0;
  const o = 2 * off;
  for (let k = 0; k < n; k++) {
    let p = k;
    let big = -1;
    for (let i = k; i < n; i++) {
      const q = o + 2 * (i * n + k);
      const v = Math.abs(a[q]) + Math.abs(a[q + 1]);
      if (v > big || (big !== big && v === v)) {
        big = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) swapRows(a, o, n, k, p, n);
    const kk = o + 2 * (k * n + k);
    const pr = a[kk], pi = a[kk + 1];
    if (pr === 0 && pi === 0) {
      if (info === 0) info = k + 1;
      continue;
    }
    // 1/pivot by Smith's scaling (no overflow for large or tiny parts).
    let ir: number, ii: number;
    if (Math.abs(pr) >= Math.abs(pi)) {
      const r = pi / pr, d = pr + pi * r;
      ir = 1 / d;
      ii = -r / d;
    } else {
      const r = pr / pi, d = pi + pr * r;
      ir = r / d;
      ii = -1 / d;
    }
    const rk = o + 2 * k * n;
    for (let i = k + 1; i < n; i++) {
      const ri = o + 2 * i * n;
      const xr = a[ri + 2 * k], xi = a[ri + 2 * k + 1];
      const lr = xr * ir - xi * ii, li = xr * ii + xi * ir;
      a[ri + 2 * k] = lr;
      a[ri + 2 * k + 1] = li;
      if (lr === 0 && li === 0) continue;
      for (let j = k + 1; j < n; j++) {
        const ur = a[rk + 2 * j], ui = a[rk + 2 * j + 1];
        a[ri + 2 * j] -= lr * ur - li * ui;
        a[ri + 2 * j + 1] -= lr * ui + li * ur;
      }
    }
  }
  return info;
}

function swapRows(a: Float64Array, o: number, ld: number, r1: number, r2: number, cols: number): void {
  const x = o + 2 * r1 * ld, y = o + 2 * r2 * ld;
  for (let j = 0; j < 2 * cols; j++) {
    const t = a[x + j];
    a[x + j] = a[y + j];
    a[y + j] = t;
  }
}

/**
 * Solves A X = B from the factors (zgetrs): B is n×nrhs complex row-major at
 * complex offset `boff`, overwritten by X.
 */
export function cluSolve(lu: Float64Array, off: number, n: number, piv: Int32Array, b: Float64Array, boff: number, nrhs: number): void {
  const o = 2 * off, bo = 2 * boff;
  for (let k = 0; k < n; k++) if (piv[k] !== k) swapRows(b, bo, nrhs, k, piv[k], nrhs);
  for (let i = 1; i < n; i++) {
    const bi = bo + 2 * i * nrhs;
    for (let p = 0; p < i; p++) {
      const lr = lu[o + 2 * (i * n + p)], li = lu[o + 2 * (i * n + p) + 1];
      if (lr === 0 && li === 0) continue;
      const bp = bo + 2 * p * nrhs;
      for (let j = 0; j < 2 * nrhs; j += 2) {
        const xr = b[bp + j], xi = b[bp + j + 1];
        b[bi + j] -= lr * xr - li * xi;
        b[bi + j + 1] -= lr * xi + li * xr;
      }
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const bi = bo + 2 * i * nrhs;
    for (let p = i + 1; p < n; p++) {
      const ur = lu[o + 2 * (i * n + p)], ui = lu[o + 2 * (i * n + p) + 1];
      if (ur === 0 && ui === 0) continue;
      const bp = bo + 2 * p * nrhs;
      for (let j = 0; j < 2 * nrhs; j += 2) {
        const xr = b[bp + j], xi = b[bp + j + 1];
        b[bi + j] -= ur * xr - ui * xi;
        b[bi + j + 1] -= ur * xi + ui * xr;
      }
    }
    const dr = lu[o + 2 * (i * n + i)], di = lu[o + 2 * (i * n + i) + 1];
    const [ir, ii] = cdiv(1, 0, dr, di);
    for (let j = 0; j < 2 * nrhs; j += 2) {
      const xr = b[bi + j], xi = b[bi + j + 1];
      b[bi + j] = xr * ir - xi * ii;
      b[bi + j + 1] = xr * ii + xi * ir;
    }
  }
}

/** (ar + i ai) / (br + i bi) by Smith's algorithm. */
export function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br, d = br + bi * r;
    return [(ar + ai * r) / d, (ai - ar * r) / d];
  }
  const r = br / bi, d = bi + br * r;
  return [(ar * r + ai) / d, (ai * r - ar) / d];
}
