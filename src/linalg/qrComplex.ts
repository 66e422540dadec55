/**
 * Householder QR of complex matrices (LAPACK's zgeqr2 and zung2r, with
 * zlarfg's real β, so R's diagonal is real as in NumPy): the complex path of
 * `qr`. Interleaved storage.
 */
import { reflector } from './hessenbergComplex';

/**
 * Factors the complex m×n row-major matrix at complex offset `off` of `a` in
 * place (R above the diagonal, reflectors below) and returns τ (2k doubles).
 */
function factor(a: Float64Array, off: number, m: number, n: number): Float64Array {
  const k = Math.min(m, n);
  const taus = new Float64Array(2 * k), t = new Float64Array(2), w = new Float64Array(2 * n);
  const at = (i: number, j: number): number => 2 * (off + i * n + j);
  for (let i = 0; i < k; i++) {
    reflector(a, at(i, i), m - i, n, t);
    taus[2 * i] = t[0];
    taus[2 * i + 1] = t[1];
    if (i === n - 1) continue;
    // A(i:m, i+1:n) := (I − conj(τ) v vᴴ) A, v = (1, A(i+1:m, i))
    const br = a[at(i, i)], bi = a[at(i, i) + 1];
    a[at(i, i)] = 1;
    a[at(i, i) + 1] = 0;
    w.fill(0);
    for (let r = i; r < m; r++) {
      const vr = a[at(r, i)], vi = a[at(r, i) + 1];
      for (let c = i + 1; c < n; c++) {
        const p = at(r, c);
        w[2 * c] += vr * a[p] + vi * a[p + 1]; // conj(v_r) a_rc
        w[2 * c + 1] += vr * a[p + 1] - vi * a[p];
      }
    }
    const tr = t[0], ti = -t[1];
    for (let r = i; r < m; r++) {
      const vr = a[at(r, i)], vi = a[at(r, i) + 1];
      const kr = tr * vr - ti * vi, ki = tr * vi + ti * vr;
      for (let c = i + 1; c < n; c++) {
        const p = at(r, c);
        a[p] -= kr * w[2 * c] - ki * w[2 * c + 1];
        a[p + 1] -= kr * w[2 * c + 1] + ki * w[2 * c];
      }
    }
    a[at(i, i)] = br;
    a[at(i, i) + 1] = bi;
  }
  return taus;
}

/** zung2r: the first `cols` columns of Q = H₀ ⋯ H_{k−1} (m×cols complex) from the reflectors in `a`. */
function formQ(a: Float64Array, off: number, m: number, n: number, taus: Float64Array, cols: number): Float64Array {
  const k = Math.min(m, n);
  const q = new Float64Array(2 * m * cols);
  const Q = (i: number, j: number): number => 2 * (i * cols + j);
  for (let i = 0; i < m; i++) for (let j = 0; j < Math.min(k, cols); j++) if (i > j) {
    q[Q(i, j)] = a[2 * (off + i * n + j)];
    q[Q(i, j) + 1] = a[2 * (off + i * n + j) + 1];
  }
  for (let j = k; j < cols; j++) q[Q(j, j)] = 1;
  const u = new Float64Array(2 * cols);
  for (let i = k - 1; i >= 0; i--) {
    const tr = taus[2 * i], ti = taus[2 * i + 1];
    if (i < cols - 1) {
      q[Q(i, i)] = 1;
      q[Q(i, i) + 1] = 0;
      // Q(i:m, i+1:cols) −= τ v (vᴴ Q(i:m, i+1:cols))
      u.fill(0);
      for (let r = i; r < m; r++) {
        const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
        for (let c = i + 1; c < cols; c++) {
          u[2 * c] += vr * q[Q(r, c)] + vi * q[Q(r, c) + 1];
          u[2 * c + 1] += vr * q[Q(r, c) + 1] - vi * q[Q(r, c)];
        }
      }
      for (let r = i; r < m; r++) {
        const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
        const kr = tr * vr - ti * vi, ki = tr * vi + ti * vr;
        for (let c = i + 1; c < cols; c++) {
          q[Q(r, c)] -= kr * u[2 * c] - ki * u[2 * c + 1];
          q[Q(r, c) + 1] -= kr * u[2 * c + 1] + ki * u[2 * c];
        }
      }
    }
    for (let r = i + 1; r < m; r++) {
      const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
      q[Q(r, i)] = -(tr * vr - ti * vi);
      q[Q(r, i) + 1] = -(tr * vi + ti * vr);
    }
    q[Q(i, i)] = 1 - tr;
    q[Q(i, i) + 1] = -ti;
    for (let r = 0; r < i; r++) q[Q(r, i)] = q[Q(r, i) + 1] = 0;
  }
  return q;
}

/**
 * QR of every matrix of a complex stack (`data` holds `count` m×n matrices,
 * overwritten). Returns Q (m×qCols each), R (rRows×n each), and for mode
 * 'raw' the reflectors transposed (n×m each) and τ (k each).
 */
export function complexQrStack(
  data: Float64Array, count: number, m: number, n: number, mode: 'reduced' | 'complete' | 'r' | 'raw',
): { Q: Float64Array; R: Float64Array; h: Float64Array; tau: Float64Array } {
  const k = Math.min(m, n);
  const qCols = mode === 'complete' ? m : k, rRows = mode === 'complete' ? m : k;
  const Q = new Float64Array(mode === 'reduced' || mode === 'complete' ? 2 * count * m * qCols : 0);
  const R = new Float64Array(2 * count * rRows * n);
  const h = new Float64Array(mode === 'raw' ? 2 * count * m * n : 0);
  const tau = new Float64Array(2 * count * k);
  for (let t = 0; t < count; t++) {
    const off = t * m * n;
    const taus = factor(data, off, m, n);
    tau.set(taus, 2 * t * k);
    for (let i = 0; i < Math.min(rRows, m); i++) for (let j = i; j < n; j++) {
      R[2 * (t * rRows * n + i * n + j)] = data[2 * (off + i * n + j)];
      R[2 * (t * rRows * n + i * n + j) + 1] = data[2 * (off + i * n + j) + 1];
    }
    if (Q.length) Q.set(formQ(data, off, m, n, taus, qCols), 2 * t * m * qCols);
    if (h.length) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      h[2 * (off + j * m + i)] = data[2 * (off + i * n + j)];
      h[2 * (off + j * m + i) + 1] = data[2 * (off + i * n + j) + 1];
    }
  }
  return { Q, R, h, tau };
}
