/**
 * The eigenproblem for complex matrices, as LAPACK's zgeev does it: balancing
 * (zgebal, `balance.ts` with complex storage), Householder reduction to
 * Hessenberg form (zgehd2) and its Q (zunghr), the single-shift complex QR
 * iteration (zlahqr: Wilkinson shifts, exceptional shifts every 10
 * iterations, at most 30·max(10, n) per eigenvalue), eigenvectors of the
 * triangular Schur form by back substitution (ztrevc, with the diagonal
 * perturbed to `smin` for repeated eigenvalues), back-transformation by GEMM
 * on the real and imaginary planes, and zgeev's normalisation (unit 2-norm,
 * largest component real and positive).
 *
 * Interleaved storage: element (i, j) of an n×n matrix is at 2(i·n + j).
 */
import { gemm } from '../tensor/gemm';
import { balance, unbalance } from './balance';
import { hessenbergComplex, reflector } from './hessenbergComplex';
import { cdiv } from './luComplex';

const SAFMIN = 2.2250738585072014e-308;
const ULP = 2.220446049250313e-16;
const DAT1 = 0.75, KEXSH = 10;

const cabs1 = (re: number, im: number): number => Math.abs(re) + Math.abs(im);

/** Complex square root (principal branch). */
function csqrt(re: number, im: number): [number, number] {
  const m = Math.hypot(re, im);
  if (m === 0) return [0, 0];
  const r = Math.sqrt((m + Math.abs(re)) / 2);
  return re >= 0 ? [r, im / (2 * r)] : [Math.abs(im) / (2 * r), im < 0 ? -r : r];
}

/**
 * zlahqr (WANTT, WANTZ): Schur form T of the Hessenberg `h` and eigenvalues
 * `w` (interleaved, at complex offset `wo`); the rotations of Z are applied
 * to the rows of `zt` (Zᵀ, complex rows). @returns 0 or the failing index.
 */
function schurComplex(h: Float64Array, n: number, ilo: number, ihi: number, w: Float64Array, wo: number, wantt: boolean, zt: Float64Array | null): number {
  const H = (i: number, j: number): number => 2 * ((i - 1) * n + (j - 1));
  const setW = (i: number): void => {
    w[2 * (wo + i - 1)] = h[H(i, i)];
    w[2 * (wo + i - 1) + 1] = h[H(i, i) + 1];
  };
  if (ilo === ihi) {
    setW(ilo);
    return 0;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    h[H(j + 2, j)] = h[H(j + 2, j) + 1] = 0;
    h[H(j + 3, j)] = h[H(j + 3, j) + 1] = 0;
  }
  if (ilo <= ihi - 2) h[H(ihi, ihi - 2)] = h[H(ihi, ihi - 2) + 1] = 0;
  const jlo = wantt ? 1 : ilo, jhi = wantt ? n : ihi;
  // scale row I by s, column I by conj(s) (rows JLO…) and Z's column I by conj(s)
  const scaleRow = (i: number, from: number, to: number, sr: number, si: number): void => {
    for (let j = from; j <= to; j++) {
      const p = H(i, j), xr = h[p], xi = h[p + 1];
      h[p] = xr * sr - xi * si;
      h[p + 1] = xr * si + xi * sr;
    }
  };
  const scaleCol = (j: number, from: number, to: number, sr: number, si: number): void => {
    for (let i = from; i <= to; i++) {
      const p = H(i, j), xr = h[p], xi = h[p + 1];
      h[p] = xr * sr - xi * si;
      h[p + 1] = xr * si + xi * sr;
    }
  };
  const scaleZ = (j: number, sr: number, si: number): void => {
    if (!zt) return;
    for (let i = ilo; i <= ihi; i++) {
      const p = 2 * ((j - 1) * n + (i - 1)), xr = zt[p], xi = zt[p + 1];
      zt[p] = xr * sr - xi * si;
      zt[p + 1] = xr * si + xi * sr;
    }
  };
  // Make the subdiagonal real.
  for (let i = ilo + 1; i <= ihi; i++) {
    const p = H(i, i - 1);
    if (h[p + 1] !== 0) {
      const c1 = cabs1(h[p], h[p + 1]);
      let sr = h[p] / c1, si = h[p + 1] / c1;
      const a = Math.hypot(sr, si);
      sr /= a;
      si = -si / a; // conj(sc)/|sc|
      h[p] = Math.hypot(h[p], h[p + 1]);
      h[p + 1] = 0;
      scaleRow(i, i, jhi, sr, si);
      scaleCol(i, jlo, Math.min(jhi, i + 1), sr, -si);
      scaleZ(i, sr, -si);
    }
  }
  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  let i1 = 1, i2 = n;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  const v = new Float64Array(4), t1 = new Float64Array(2);
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let done = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k >= l + 1; k--) {
        const p = H(k, k - 1);
        if (cabs1(h[p], h[p + 1]) <= smlnum) break;
        let tst = cabs1(h[H(k - 1, k - 1)], h[H(k - 1, k - 1) + 1]) + cabs1(h[H(k, k)], h[H(k, k) + 1]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(h[H(k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += Math.abs(h[H(k + 1, k)]);
        }
        if (Math.abs(h[p]) <= ULP * tst) {
          const q = H(k - 1, k);
          const ab = Math.max(cabs1(h[p], h[p + 1]), cabs1(h[q], h[q + 1])), ba = Math.min(cabs1(h[p], h[p + 1]), cabs1(h[q], h[q + 1]));
          const kk = H(k, k), k1 = H(k - 1, k - 1);
          const dk = cabs1(h[k1] - h[kk], h[k1 + 1] - h[kk + 1]);
          const aa = Math.max(cabs1(h[kk], h[kk + 1]), dk), bb = Math.min(cabs1(h[kk], h[kk + 1]), dk);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) h[H(l, l - 1)] = h[H(l, l - 1) + 1] = 0;
      if (l >= i) {
        done = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }
      // The shift t.
      let tr: number, ti: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = DAT1 * Math.abs(h[H(i, i - 1)]);
        tr = s + h[H(i, i)];
        ti = h[H(i, i) + 1];
      } else if (kdefl % KEXSH === 0) {
        const s = DAT1 * Math.abs(h[H(l + 1, l)]);
        tr = s + h[H(l, l)];
        ti = h[H(l, l) + 1];
      } else {
        tr = h[H(i, i)];
        ti = h[H(i, i) + 1];
        const [ar, ai] = csqrt(h[H(i - 1, i)], h[H(i - 1, i) + 1]);
        const [br, bi] = csqrt(h[H(i, i - 1)], h[H(i, i - 1) + 1]);
        const ur = ar * br - ai * bi, ui = ar * bi + ai * br;
        let s = cabs1(ur, ui);
        if (s !== 0) {
          const xr = 0.5 * (h[H(i - 1, i - 1)] - tr), xi = 0.5 * (h[H(i - 1, i - 1) + 1] - ti);
          const sx = cabs1(xr, xi);
          s = Math.max(s, sx);
          // y = s · sqrt((x/s)² + (u/s)²)
          const pr = (xr / s) ** 2 - (xi / s) ** 2 + (ur / s) ** 2 - (ui / s) ** 2, pi = 2 * (xr / s) * (xi / s) + 2 * (ur / s) * (ui / s);
          let [yr, yi] = csqrt(pr, pi);
          yr *= s;
          yi *= s;
          if (sx > 0 && (xr / sx) * yr + (xi / sx) * yi < 0) {
            yr = -yr;
            yi = -yi;
          }
          const [qr, qi] = cdiv(ur, ui, xr + yr, xi + yi);
          tr -= ur * qr - ui * qi;
          ti -= ur * qi + ui * qr;
        }
      }
      // Look for two consecutive small subdiagonal elements.
      let m = i - 1;
      for (; m >= l + 1; m--) {
        if (startVector(h, H, m, tr, ti, v, true)) break;
      }
      if (m === l) startVector(h, H, l, tr, ti, v, false);
      // The single-shift QR sweep.
      for (k = m; k <= i - 1; k++) {
        if (k > m) {
          v[0] = h[H(k, k - 1)];
          v[1] = h[H(k, k - 1) + 1];
          v[2] = h[H(k + 1, k - 1)];
          v[3] = h[H(k + 1, k - 1) + 1];
        }
        reflector(v, 0, 2, 1, t1);
        if (k > m) {
          h[H(k, k - 1)] = v[0];
          h[H(k, k - 1) + 1] = v[1];
          h[H(k + 1, k - 1)] = h[H(k + 1, k - 1) + 1] = 0;
        }
        const v2r = v[2], v2i = v[3];
        const t1r = t1[0], t1i = t1[1];
        const t2 = t1r * v2r - t1i * v2i; // Re(τ v2)
        for (let j = k; j <= i2; j++) {
          const p = H(k, j), q = H(k + 1, j);
          // sum = conj(τ) h_kj + t2 h_k+1,j
          const sr = t1r * h[p] + t1i * h[p + 1] + t2 * h[q], si = t1r * h[p + 1] - t1i * h[p] + t2 * h[q + 1];
          h[p] -= sr;
          h[p + 1] -= si;
          h[q] -= sr * v2r - si * v2i;
          h[q + 1] -= sr * v2i + si * v2r;
        }
        const jmax = Math.min(k + 2, i);
        for (let j = i1; j <= jmax; j++) {
          const p = H(j, k), q = p + 2;
          // sum = τ h_jk + t2 h_j,k+1
          const sr = t1r * h[p] - t1i * h[p + 1] + t2 * h[q], si = t1r * h[p + 1] + t1i * h[p] + t2 * h[q + 1];
          h[p] -= sr;
          h[p + 1] -= si;
          h[q] -= sr * v2r + si * v2i; // sum · conj(v2)
          h[q + 1] -= si * v2r - sr * v2i;
        }
        if (zt) {
          const z0 = 2 * (k - 1) * n, z1 = z0 + 2 * n;
          for (let j = ilo - 1; j < ihi; j++) {
            const p = z0 + 2 * j, q = z1 + 2 * j;
            const sr = t1r * zt[p] - t1i * zt[p + 1] + t2 * zt[q], si = t1r * zt[p + 1] + t1i * zt[p] + t2 * zt[q + 1];
            zt[p] -= sr;
            zt[p + 1] -= si;
            zt[q] -= sr * v2r + si * v2i;
            zt[q + 1] -= si * v2r - sr * v2i;
          }
        }
        if (k === m && m > l) {
          // Normalise so that H(M+1, M) stays real.
          let er = 1 - t1r, ei = -t1i;
          const ea = Math.hypot(er, ei);
          er /= ea;
          ei /= ea;
          scaleElem(h, H(m + 1, m), er, -ei);
          if (m + 2 <= i) scaleElem(h, H(m + 2, m + 1), er, ei);
          for (let j = m; j <= i; j++) {
            if (j === m + 1) continue;
            if (i2 > j) scaleRow(j, j + 1, i2, er, ei);
            scaleCol(j, i1, j - 1, er, -ei);
            scaleZ(j, er, -ei);
          }
        }
      }
      // Make H(I, I−1) real.
      const p = H(i, i - 1);
      if (h[p + 1] !== 0) {
        const r = Math.hypot(h[p], h[p + 1]);
        const er = h[p] / r, ei = h[p + 1] / r;
        h[p] = r;
        h[p + 1] = 0;
        if (i2 > i) scaleRow(i, i + 1, i2, er, -ei);
        scaleCol(i, i1, i - 1, er, ei);
        scaleZ(i, er, ei);
      }
    }
    if (!done) return i;
    setW(i);
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

function scaleElem(h: Float64Array, p: number, sr: number, si: number): void {
  const xr = h[p], xi = h[p + 1];
  h[p] = xr * sr - xi * si;
  h[p + 1] = xr * si + xi * sr;
}

/** The shifted first column at row m (zlahqr labels 60/70); with `test`, true when m may start the sweep. */
function startVector(h: Float64Array, H: (i: number, j: number) => number, m: number, tr: number, ti: number, v: Float64Array, test: boolean): boolean {
  const h11 = H(m, m), h22 = H(m + 1, m + 1);
  let h11sr = h[h11] - tr, h11si = h[h11 + 1] - ti;
  let h21 = h[H(m + 1, m)];
  const s = cabs1(h11sr, h11si) + Math.abs(h21);
  h11sr /= s;
  h11si /= s;
  h21 /= s;
  v[0] = h11sr;
  v[1] = h11si;
  v[2] = h21;
  v[3] = 0;
  if (!test) return true;
  const h10 = h[H(m, m - 1)];
  return Math.abs(h10) * Math.abs(h21) <= ULP * (cabs1(h11sr, h11si) * (cabs1(h[h11], h[h11 + 1]) + cabs1(h[h22], h[h22 + 1])));
}

/**
 * zgeev ('N', 'V' or 'N', 'N') on the complex n×n matrix at complex offset
 * `off` of `a` (overwritten): eigenvalues into `w` at complex offset `wo`,
 * normalised right vectors into `v` (n×n, complex offset `vo`) when given.
 * @returns false when the QR iteration did not converge.
 */
export function complexEigen(a: Float64Array, off: number, n: number, w: Float64Array, wo: number, v: Float64Array | null, vo: number): boolean {
  if (n === 0) return true;
  const h = a.slice(2 * off, 2 * (off + n * n));
  const scale = new Float64Array(n);
  const [ilo, ihi] = balance(h, n, scale, 2);
  const q = v ? new Float64Array(2 * n * n) : null;
  hessenbergComplex(h, n, ilo, ihi, q);
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) h[2 * (i * n + j)] = h[2 * (i * n + j) + 1] = 0;
  for (let i = 1; i <= n; i++) if (i < ilo || i > ihi) {
    w[2 * (wo + i - 1)] = h[2 * ((i - 1) * n + i - 1)];
    w[2 * (wo + i - 1) + 1] = h[2 * ((i - 1) * n + i - 1) + 1];
  }
  let zt: Float64Array | null = null;
  if (q) {
    zt = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      zt[2 * (j * n + i)] = q[2 * (i * n + j)];
      zt[2 * (j * n + i) + 1] = q[2 * (i * n + j) + 1];
    }
  }
  if (schurComplex(h, n, ilo, ihi, w, wo, v !== null, zt) !== 0) return false;
  if (!v || !zt) return true;
  const X = triangularEigenvectors(h, n);
  // VR = Z X on the real and imaginary planes (Z = ztᵀ): four real GEMMs.
  const vr = new Float64Array(2 * n * n);
  gemm(n, n, n, 1, zt, 0, 2, 2 * n, X, 0, 2 * n, 2, vr, 0, 2 * n, 2);
  gemm(n, n, n, -1, zt, 1, 2, 2 * n, X, 1, 2 * n, 2, vr, 0, 2 * n, 2);
  gemm(n, n, n, 1, zt, 0, 2, 2 * n, X, 1, 2 * n, 2, vr, 1, 2 * n, 2);
  gemm(n, n, n, 1, zt, 1, 2, 2 * n, X, 0, 2 * n, 2, vr, 1, 2 * n, 2);
  unbalance(vr, n, 2 * n, ilo, ihi, scale);
  // Unit 2-norm, largest component real and positive (zgeev).
  for (let j = 0; j < n; j++) {
    let ss = 0, kmax = 0, big = -1;
    for (let k = 0; k < n; k++) {
      const m = vr[2 * (k * n + j)] ** 2 + vr[2 * (k * n + j) + 1] ** 2;
      ss += m;
      if (m > big) {
        big = m;
        kmax = k;
      }
    }
    const nrm = Math.sqrt(ss);
    const pr = vr[2 * (kmax * n + j)], pi = vr[2 * (kmax * n + j) + 1];
    const pa = Math.hypot(pr, pi);
    // multiply by conj(p)/|p| / ‖v‖
    const sr = pr / pa / nrm, si = -pi / pa / nrm;
    for (let k = 0; k < n; k++) {
      const o = 2 * (k * n + j), xr = vr[o], xi = vr[o + 1];
      v[2 * vo + o] = xr * sr - xi * si;
      v[2 * vo + o + 1] = xr * si + xi * sr;
    }
    v[2 * vo + 2 * (kmax * n + j) + 1] = 0;
  }
  return true;
}

/** ztrevc (right, all): eigenvectors of the upper triangular T as the columns of X (complex n×n). */
function triangularEigenvectors(T: Float64Array, n: number): Float64Array {
  const X = new Float64Array(2 * n * n);
  const smlnum = SAFMIN * (n / ULP);
  const xr = new Float64Array(n), xi = new Float64Array(n);
  for (let ki = n - 1; ki >= 0; ki--) {
    const lr = T[2 * (ki * n + ki)], li = T[2 * (ki * n + ki) + 1];
    const smin = Math.max(ULP * cabs1(lr, li), smlnum);
    xr[ki] = 1;
    xi[ki] = 0;
    for (let k = 0; k < ki; k++) {
      xr[k] = -T[2 * (k * n + ki)];
      xi[k] = -T[2 * (k * n + ki) + 1];
    }
    // (T(0:ki, 0:ki) − λ) x = rhs, back substitution with the diagonal kept ≥ smin
    for (let j = ki - 1; j >= 0; j--) {
      let dr = T[2 * (j * n + j)] - lr, di = T[2 * (j * n + j) + 1] - li;
      if (cabs1(dr, di) < smin) {
        dr = smin;
        di = 0;
      }
      const [qr, qi] = cdiv(xr[j], xi[j], dr, di);
      xr[j] = qr;
      xi[j] = qi;
      for (let k = 0; k < j; k++) {
        const tr = T[2 * (k * n + j)], ti = T[2 * (k * n + j) + 1];
        xr[k] -= tr * qr - ti * qi;
        xi[k] -= tr * qi + ti * qr;
      }
    }
    for (let k = 0; k <= ki; k++) {
      X[2 * (k * n + ki)] = xr[k];
      X[2 * (k * n + ki) + 1] = xi[k];
    }
  }
  return X;
}
