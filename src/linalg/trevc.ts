/**
 * Right eigenvectors of a real upper quasi-triangular (Schur) matrix T by back
 * substitution (LAPACK's dtrevc, right vectors, with dlaln2 solving each 1×1
 * or 2×2 diagonal block with scaling against overflow and a perturbation
 * `smin` for (nearly) repeated eigenvalues, which gives defective matrices
 * finite, nearly parallel vectors instead of a division by zero).
 *
 * Output X (n×n row-major): column k is the vector of the real eigenvalue
 * T(k,k); for a 2×2 block at k−1, k the columns hold the real and imaginary
 * parts of the vector of the eigenvalue with positive imaginary part.
 * 1-based indices as in LAPACK.
 */
const CRV = new Float64Array(4);
const CIV = new Float64Array(4);
const Q2 = new Float64Array(2);

/** (ar + i ai) / (br + i bi) by Smith's algorithm into out[o] (re) and out[o + d] (im), without allocating. */
function cdivInto(ar: number, ai: number, br: number, bi: number, out: Float64Array, o: number, d: number): void {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br, den = br + bi * r;
    out[o] = (ar + ai * r) / den;
    out[o + d] = (ai - ar * r) / den;
  } else {
    const r = br / bi, den = bi + br * r;
    out[o] = (ar * r + ai) / den;
    out[o + d] = (ai * r - ar) / den;
  }
}

const UNFL = 2.2250738585072014e-308;
const ULP = 2.220446049250313e-16;
const SMLNUM2 = 2 * UNFL;
const BIGNUM2 = 1 / SMLNUM2;
// dlaln2's pivoting tables (column-major 2×2 flattening: 1 = (1,1), 2 = (2,1), 3 = (1,2), 4 = (2,2)).
const ZSWAP = [false, false, true, true];
const RSWAP = [false, true, false, true];
const IPIVOT = [
  [1, 2, 3, 4],
  [2, 1, 4, 3],
  [3, 4, 1, 2],
  [4, 3, 2, 1],
];

/** Result of {@link solveBlock}: x (2×2, column-major [x11, x21, x12, x22]), scale, xnorm. */
interface Solved {
  x: Float64Array;
  scale: number;
  xnorm: number;
}

/**
 * dlaln2 (ltrans = false, ca = 1, d1 = d2 = 1): solves (A − (wr + i wi) I) X = scale·B
 * for A the na×na block of T at (j, j) and nw = 1 (real) or 2 (complex) columns.
 * B is given column-major as [b11, b21, b12, b22].
 */
function solveBlock(T: Float64Array, n: number, j: number, na: number, nw: number, smin: number, b: Float64Array, wr: number, wi: number, out: Solved): void {
  const d0 = (j - 1) * n + (j - 1); // T(j, j)
  const smini = Math.max(smin, SMLNUM2);
  const x = out.x;
  let scale = 1;
  if (na === 1) {
    if (nw === 1) {
      let csr = T[d0] - wr;
      let cnorm = Math.abs(csr);
      if (cnorm < smini) {
        csr = smini;
        cnorm = smini;
      }
      const bnorm = Math.abs(b[0]);
      if (cnorm < 1 && bnorm > 1 && bnorm > BIGNUM2 * cnorm) scale = 1 / bnorm;
      x[0] = (b[0] * scale) / csr;
      out.xnorm = Math.abs(x[0]);
    } else {
      let csr = T[d0] - wr, csi = -wi;
      let cnorm = Math.abs(csr) + Math.abs(csi);
      if (cnorm < smini) {
        csr = smini;
        csi = 0;
        cnorm = smini;
      }
      const bnorm = Math.abs(b[0]) + Math.abs(b[2]);
      if (cnorm < 1 && bnorm > 1 && bnorm > BIGNUM2 * cnorm) scale = 1 / bnorm;
      cdivInto(scale * b[0], scale * b[2], csr, csi, x, 0, 2);
      out.xnorm = Math.abs(x[0]) + Math.abs(x[2]);
    }
    out.scale = scale;
    return;
  }
  // 2×2: complete pivoting on the (complex) coefficient matrix C = A − w I
  // (module-level scratch: this runs O(n²) times per matrix, so no allocation here).
  const crv = CRV, civ = CIV;
  crv[0] = T[d0] - wr;
  crv[1] = T[d0 + n];
  crv[2] = T[d0 + 1];
  crv[3] = T[d0 + n + 1] - wr;
  civ[0] = civ[3] = nw === 2 ? -wi : 0;
  civ[1] = civ[2] = 0;
  let cmax = 0, icmax = -1;
  for (let q = 0; q < 4; q++) {
    const v = Math.abs(crv[q]) + Math.abs(civ[q]);
    if (v > cmax) {
      cmax = v;
      icmax = q;
    }
  }
  if (cmax < smini) {
    // use smini·I
    const bnorm = nw === 1 ? Math.max(Math.abs(b[0]), Math.abs(b[1])) : Math.max(Math.abs(b[0]) + Math.abs(b[2]), Math.abs(b[1]) + Math.abs(b[3]));
    if (smini < 1 && bnorm > 1 && bnorm > BIGNUM2 * smini) scale = 1 / bnorm;
    const temp = scale / smini;
    for (let q = 0; q < 4; q++) x[q] = temp * b[q];
    out.xnorm = temp * bnorm;
    out.scale = scale;
    return;
  }
  const piv = IPIVOT[icmax];
  const ur11 = crv[icmax], ui11 = civ[icmax];
  const cr21 = crv[piv[1] - 1], ci21 = civ[piv[1] - 1];
  const ur12 = crv[piv[2] - 1], ui12 = civ[piv[2] - 1];
  const cr22 = crv[piv[3] - 1], ci22 = civ[piv[3] - 1];
  if (nw === 1) {
    const ur11r = 1 / ur11;
    const lr21 = ur11r * cr21;
    let ur22 = cr22 - ur12 * lr21;
    if (Math.abs(ur22) < smini) ur22 = smini;
    let br1: number, br2: number;
    if (RSWAP[icmax]) {
      br1 = b[1];
      br2 = b[0];
    } else {
      br1 = b[0];
      br2 = b[1];
    }
    br2 -= lr21 * br1;
    const bbnd = Math.max(Math.abs(br1 * (ur22 * ur11r)), Math.abs(br2));
    if (bbnd > 1 && Math.abs(ur22) < 1 && bbnd >= BIGNUM2 * Math.abs(ur22)) scale = 1 / bbnd;
    const xr2 = (br2 * scale) / ur22;
    const xr1 = scale * br1 * ur11r - xr2 * (ur11r * ur12);
    if (ZSWAP[icmax]) {
      x[0] = xr2;
      x[1] = xr1;
    } else {
      x[0] = xr1;
      x[1] = xr2;
    }
    let xnorm = Math.max(Math.abs(xr1), Math.abs(xr2));
    if (xnorm > 1 && cmax > 1 && xnorm > BIGNUM2 / cmax) {
      const temp = cmax / BIGNUM2;
      x[0] *= temp;
      x[1] *= temp;
      xnorm *= temp;
      scale *= temp;
    }
    out.xnorm = xnorm;
    out.scale = scale;
    return;
  }
  let ur11r: number, ui11r: number, lr21: number, li21: number, ur12s: number, ui12s: number, ur22: number, ui22: number;
  if (icmax === 0 || icmax === 3) {
    // the pivot is a diagonal element: complex
    if (Math.abs(ur11) > Math.abs(ui11)) {
      const temp = ui11 / ur11;
      ur11r = 1 / (ur11 * (1 + temp * temp));
      ui11r = -temp * ur11r;
    } else {
      const temp = ur11 / ui11;
      ui11r = -1 / (ui11 * (1 + temp * temp));
      ur11r = -temp * ui11r;
    }
    lr21 = cr21 * ur11r;
    li21 = cr21 * ui11r;
    ur12s = ur12 * ur11r;
    ui12s = ur12 * ui11r;
    ur22 = cr22 - ur12 * lr21;
    ui22 = ci22 - ur12 * li21;
  } else {
    // the pivot is an off-diagonal element: real
    ur11r = 1 / ur11;
    ui11r = 0;
    lr21 = cr21 * ur11r;
    li21 = ci21 * ur11r;
    ur12s = ur12 * ur11r;
    ui12s = ui12 * ur11r;
    ur22 = cr22 - ur12 * lr21 + ui12 * li21;
    ui22 = -ur12 * li21 - ui12 * lr21;
  }
  let u22abs = Math.abs(ur22) + Math.abs(ui22);
  if (u22abs < smini) {
    ur22 = smini;
    ui22 = 0;
    u22abs = smini;
  }
  let br1: number, br2: number, bi1: number, bi2: number;
  if (RSWAP[icmax]) {
    br2 = b[0];
    br1 = b[1];
    bi2 = b[2];
    bi1 = b[3];
  } else {
    br1 = b[0];
    br2 = b[1];
    bi1 = b[2];
    bi2 = b[3];
  }
  br2 = br2 - lr21 * br1 + li21 * bi1;
  bi2 = bi2 - li21 * br1 - lr21 * bi1;
  const bbnd = Math.max((Math.abs(br1) + Math.abs(bi1)) * (u22abs * (Math.abs(ur11r) + Math.abs(ui11r))), Math.abs(br2) + Math.abs(bi2));
  if (bbnd > 1 && u22abs < 1 && bbnd >= BIGNUM2 * u22abs) {
    scale = 1 / bbnd;
    br1 *= scale;
    bi1 *= scale;
    br2 *= scale;
    bi2 *= scale;
  }
  cdivInto(br2, bi2, ur22, ui22, Q2, 0, 1);
  const xr2 = Q2[0], xi2 = Q2[1];
  const xr1 = ur11r * br1 - ui11r * bi1 - ur12s * xr2 + ui12s * xi2;
  const xi1 = ui11r * br1 + ur11r * bi1 - ui12s * xr2 - ur12s * xi2;
  if (ZSWAP[icmax]) {
    x[0] = xr2;
    x[1] = xr1;
    x[2] = xi2;
    x[3] = xi1;
  } else {
    x[0] = xr1;
    x[1] = xr2;
    x[2] = xi1;
    x[3] = xi2;
  }
  let xnorm = Math.max(Math.abs(xr1) + Math.abs(xi1), Math.abs(xr2) + Math.abs(xi2));
  if (xnorm > 1 && cmax > 1 && xnorm > BIGNUM2 / cmax) {
    const temp = cmax / BIGNUM2;
    for (let q = 0; q < 4; q++) x[q] *= temp;
    xnorm *= temp;
    scale *= temp;
  }
  out.xnorm = xnorm;
  out.scale = scale;
}

/** T(i, j), 1-based (a module-level function: a per-call closure would keep V8 from optimising the caller). */
function te(T: Float64Array, n: number, i: number, j: number): number {
  return T[(i - 1) * n + (j - 1)];
}

/** dtrevc (SIDE='R', HOWMNY='A' without back-transformation): eigenvectors of T into X. */
export function schurEigenvectors(T: Float64Array, n: number, X: Float64Array): void {
  X.fill(0, 0, n * n);
  const Tt = new Float64Array(n * n); // Tᵀ: the back substitution reads T by columns
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) Tt[j * n + i] = T[i * n + j];
  const smlnum = UNFL * (n / ULP);
  const bignum = (1 - ULP) / smlnum;
  // Column norms of the strict upper triangle, for the overflow checks.
  const cnorm = new Float64Array(n + 1);
  for (let j = 2; j <= n; j++) for (let i = 1; i < j; i++) cnorm[j] += Math.abs(te(T, n, i, j));
  const xr = new Float64Array(n + 1), xi = new Float64Array(n + 1);
  const b = new Float64Array(4);
  const sol: Solved = { x: new Float64Array(4), scale: 1, xnorm: 0 };
  let ip = 0;
  for (let ki = n; ki >= 1; ki--) {
    if (ip === 1) {
      ip = 0; // second half of a pair, already done
      continue;
    }
    if (ki > 1 && te(T, n, ki, ki - 1) !== 0) ip = -1;
    const wr = te(T, n, ki, ki);
    const wi = ip !== 0 ? Math.sqrt(Math.abs(te(T, n, ki, ki - 1))) * Math.sqrt(Math.abs(te(T, n, ki - 1, ki))) : 0;
    const smin = Math.max(ULP * (Math.abs(wr) + Math.abs(wi)), smlnum);
    const top = ip === 0 ? ki - 1 : ki - 2; // rows still to solve
    if (ip === 0) {
      xr[ki] = 1;
      for (let k = 1; k < ki; k++) xr[k] = -te(T, n, k, ki);
    } else {
      if (Math.abs(te(T, n, ki - 1, ki)) >= Math.abs(te(T, n, ki, ki - 1))) {
        xr[ki - 1] = 1;
        xi[ki] = wi / te(T, n, ki - 1, ki);
      } else {
        xr[ki - 1] = -wi / te(T, n, ki, ki - 1);
        xi[ki] = 1;
      }
      xr[ki] = 0;
      xi[ki - 1] = 0;
      for (let k = 1; k <= ki - 2; k++) {
        xr[k] = -xr[ki - 1] * te(T, n, k, ki - 1);
        xi[k] = -xi[ki] * te(T, n, k, ki);
      }
    }
    const nw = ip === 0 ? 1 : 2;
    let jnxt = top;
    for (let j = top; j >= 1; j--) {
      if (j > jnxt) continue;
      let j1 = j;
      jnxt = j - 1;
      if (j > 1 && te(T, n, j, j - 1) !== 0) {
        j1 = j - 1;
        jnxt = j - 2;
      }
      const na = j1 === j ? 1 : 2;
      b[0] = xr[j1];
      b[1] = na === 2 ? xr[j] : 0;
      b[2] = nw === 2 ? xi[j1] : 0;
      b[3] = na === 2 && nw === 2 ? xi[j] : 0;
      solveBlock(T, n, j1, na, nw, smin, b, wr, wi, sol);
      const x = sol.x;
      let scale = sol.scale;
      // Keep the update from overflowing.
      if (sol.xnorm > 1) {
        const beta = na === 1 ? cnorm[j] : Math.max(cnorm[j - 1], cnorm[j]);
        if (beta > bignum / sol.xnorm) {
          const rec = 1 / sol.xnorm;
          for (let q = 0; q < 4; q++) x[q] *= rec;
          scale *= rec;
        }
      }
      if (scale !== 1) {
        for (let k = 1; k <= ki; k++) xr[k] *= scale;
        if (nw === 2) for (let k = 1; k <= ki; k++) xi[k] *= scale;
      }
      xr[j1] = x[0];
      if (nw === 2) xi[j1] = x[2];
      if (na === 2) {
        xr[j] = x[1];
        if (nw === 2) xi[j] = x[3];
      }
      // x(1 : j1−1) −= T(1 : j1−1, j1 … j) · x(j1 … j), reading T's columns as rows of Tᵀ
      const c1 = (j1 - 1) * n - 1, c2 = (j - 1) * n - 1;
      const x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
      if (nw === 1 && na === 1) for (let k = 1; k < j1; k++) xr[k] -= Tt[c1 + k] * x0;
      else if (nw === 1) for (let k = 1; k < j1; k++) xr[k] -= Tt[c1 + k] * x0 + Tt[c2 + k] * x1;
      else if (na === 1) {
        for (let k = 1; k < j1; k++) {
          xr[k] -= Tt[c1 + k] * x0;
          xi[k] -= Tt[c1 + k] * x2;
        }
      } else {
        for (let k = 1; k < j1; k++) {
          xr[k] -= Tt[c1 + k] * x0 + Tt[c2 + k] * x1;
          xi[k] -= Tt[c1 + k] * x2 + Tt[c2 + k] * x3;
        }
      }
    }
    if (ip === 0) for (let k = 1; k <= ki; k++) X[(k - 1) * n + (ki - 1)] = xr[k];
    else {
      for (let k = 1; k <= ki; k++) {
        X[(k - 1) * n + (ki - 2)] = xr[k];
        X[(k - 1) * n + (ki - 1)] = xi[k];
      }
    }
    if (ip === -1) ip = 1;
  }
}
