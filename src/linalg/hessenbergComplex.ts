/**
 * Complex Householder reflectors (LAPACK's zlarfg: H = I − τ v vᴴ with a real
 * β) and the reduction of a complex matrix to Hessenberg form with its
 * unitary factor (zgehd2 + zunghr): the first step of the complex
 * eigensolver in `eigComplex.ts`. Interleaved storage, 1-based ILO/IHI.
 */
import { cdiv } from './luComplex';

/** zlarfg on the complex vector (alpha, x) at doubles p (alpha) and p + 2s·k (x_k): writes β and v, returns τ in tau[0..1]. */
export function reflector(a: Float64Array, p: number, len: number, s: number, tau: Float64Array): void {
  tau[0] = tau[1] = 0;
  if (len <= 0) return;
  let xs = 0;
  for (let k = 1; k < len; k++) xs += a[p + 2 * s * k] ** 2 + a[p + 2 * s * k + 1] ** 2;
  const ar = a[p], ai = a[p + 1];
  if (xs === 0 && ai === 0) return;
  const mag = Math.hypot(ar, ai, Math.sqrt(xs));
  const beta = ar < 0 ? mag : -mag;
  tau[0] = (beta - ar) / beta;
  tau[1] = -ai / beta;
  const [sr, si] = cdiv(1, 0, ar - beta, ai);
  for (let k = 1; k < len; k++) {
    const q = p + 2 * s * k, xr = a[q], xi = a[q + 1];
    a[q] = xr * sr - xi * si;
    a[q + 1] = xr * si + xi * sr;
  }
  a[p] = beta;
  a[p + 1] = 0;
}

/**
 * Householder reduction to Hessenberg form (zgehd2) of rows/columns ILO…IHI,
 * then Q (zunghr) into `q`. 1-based ILO/IHI.
 */
export function hessenbergComplex(h: Float64Array, n: number, ilo: number, ihi: number, q: Float64Array | null): void {
  const at = (i: number, j: number): number => 2 * ((i - 1) * n + (j - 1));
  const taus = new Float64Array(2 * n), t = new Float64Array(2), w = new Float64Array(2 * n);
  for (let I = ilo; I < ihi; I++) {
    reflector(h, at(I + 1, I), ihi - I, n, t);
    taus[2 * I] = t[0];
    taus[2 * I + 1] = t[1];
    const ar = h[at(I + 1, I)], ai = h[at(I + 1, I) + 1];
    h[at(I + 1, I)] = 1;
    h[at(I + 1, I) + 1] = 0;
    const len = ihi - I;
    const vr = (k: number): number => h[at(I + 1 + k, I)], vi = (k: number): number => h[at(I + 1 + k, I) + 1];
    // A(1:IHI, I+1:IHI) := A (I − τ v vᴴ): each row minus τ (row·v) vᴴ
    for (let r = 1; r <= ihi; r++) {
      let sr = 0, si = 0;
      for (let k = 0; k < len; k++) {
        const p = at(r, I + 1 + k), xr = h[p], xi = h[p + 1];
        sr += xr * vr(k) - xi * vi(k);
        si += xr * vi(k) + xi * vr(k);
      }
      const cr = t[0] * sr - t[1] * si, ci = t[0] * si + t[1] * sr;
      for (let k = 0; k < len; k++) {
        const p = at(r, I + 1 + k);
        h[p] -= cr * vr(k) + ci * vi(k); // c · conj(v_k)
        h[p + 1] -= ci * vr(k) - cr * vi(k);
      }
    }
    // A(I+1:IHI, I+1:N) := (I − conj(τ) v vᴴ) A
    applyLeft(h, n, I + 1, I + 1, len, n - I, (k) => at(I + 1 + k, I), t[0], -t[1], w);
    h[at(I + 1, I)] = ar;
    h[at(I + 1, I) + 1] = ai;
  }
  if (!q) return;
  // zunghr → zung2r: Q = H(ILO) ⋯ H(IHI−1), built from the last reflector back.
  q.fill(0);
  for (let i = 0; i < n; i++) q[2 * (i * n + i)] = 1;
  for (let I = ihi - 1; I >= ilo; I--) {
    const len = ihi - I;
    // v = (1, reflector below), applied to Q(I+1:IHI, I+1:IHI)
    const vidx = (k: number): number => (k === 0 ? -1 : at(I + 1 + k, I));
    const v = new Float64Array(2 * len);
    v[0] = 1;
    for (let k = 1; k < len; k++) {
      v[2 * k] = h[vidx(k)];
      v[2 * k + 1] = h[vidx(k) + 1];
    }
    const tr = taus[2 * I], ti = taus[2 * I + 1];
    // u = vᴴ Q_block, Q_block −= τ v u
    for (let c = I + 1; c <= ihi; c++) {
      let ur = 0, ui = 0;
      for (let k = 0; k < len; k++) {
        const p = 2 * ((I + k) * n + (c - 1)), xr = q[p], xi = q[p + 1];
        ur += v[2 * k] * xr + v[2 * k + 1] * xi;
        ui += v[2 * k] * xi - v[2 * k + 1] * xr;
      }
      if (ur === 0 && ui === 0) continue;
      const cr = tr * ur - ti * ui, ci = tr * ui + ti * ur;
      for (let k = 0; k < len; k++) {
        const p = 2 * ((I + k) * n + (c - 1));
        q[p] -= v[2 * k] * cr - v[2 * k + 1] * ci;
        q[p + 1] -= v[2 * k] * ci + v[2 * k + 1] * cr;
      }
    }
  }
}

/** A(r0.., c0..)(len×cols) := (I − τ v vᴴ) A for τ = (tr, ti), v_k at vAt(k) (v_0 read as stored). */
function applyLeft(h: Float64Array, n: number, r0: number, c0: number, len: number, cols: number, vAt: (k: number) => number, tr: number, ti: number, w: Float64Array): void {
  w.fill(0, 0, 2 * cols);
  for (let k = 0; k < len; k++) {
    const vr = h[vAt(k)], vi = h[vAt(k) + 1];
    const row = 2 * ((r0 - 1 + k) * n + (c0 - 1));
    for (let j = 0; j < cols; j++) {
      const xr = h[row + 2 * j], xi = h[row + 2 * j + 1];
      w[2 * j] += vr * xr + vi * xi; // conj(v) x
      w[2 * j + 1] += vr * xi - vi * xr;
    }
  }
  for (let k = 0; k < len; k++) {
    const vr = h[vAt(k)], vi = h[vAt(k) + 1];
    const kr = tr * vr - ti * vi, ki = tr * vi + ti * vr;
    const row = 2 * ((r0 - 1 + k) * n + (c0 - 1));
    for (let j = 0; j < cols; j++) {
      h[row + 2 * j] -= kr * w[2 * j] - ki * w[2 * j + 1];
      h[row + 2 * j + 1] -= kr * w[2 * j + 1] + ki * w[2 * j];
    }
  }
}
