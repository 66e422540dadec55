/**
 * Reduction to upper Hessenberg form, A = Q H Qᵀ, by Householder reflectors
 * (LAPACK's dgehrd: panels of {@link NB} columns by dlahr2 with the trailing
 * updates through GEMM, then dgehd2 for the last columns), and the formation
 * of Q (dorghr, through the blocked QR code). The second step of the
 * nonsymmetric eigensolver, after balancing. ILO/IHI are LAPACK's 1-based
 * bounds from the balancing; comments use LAPACK's 1-based indices.
 */
import { gemm } from '../tensor/gemm';
import { applyBlockLeft } from './blockReflector';
import { makeReflector, reflectLeft, reflectRight } from './householder';
import { qrFormQ } from './qr';

const NB = 32;
/** Columns left to the unblocked code (LAPACK uses 128; GEMM pays off earlier here). */
const NX = 32;

/**
 * dgehrd: blocked panels while more than NX columns remain, then dgehd2.
 * Same output as {@link hessenberg}.
 */
export function hessenbergBlocked(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array, work: Float64Array): void {
  const nh = ihi - ilo + 1;
  let I = ilo;
  if (nh > NX + NB) {
    const Y = new Float64Array(n * NB), T = new Float64Array(NB * NB), V = new Float64Array(n * NB), W = new Float64Array(NB * n);
    for (; I <= ihi - 1 - NX; I += NB) {
      const ib = Math.min(NB, ihi - I);
      panel(a, n, ihi, I, ib, tau, T, Y);
      // A(1:IHI, I+IB:IHI) −= Y V(I+IB:IHI, :)ᵀ, V's unit element A(I+IB, I+IB−1) set for the product
      const at = (r: number, c: number): number => (r - 1) * n + (c - 1);
      const ei = a[at(I + ib, I + ib - 1)];
      a[at(I + ib, I + ib - 1)] = 1;
      gemm(ihi, ihi - I - ib + 1, ib, -1, Y, 0, NB, 1, a, at(I + ib, I), 1, n, a, at(1, I + ib), n, 1);
      a[at(I + ib, I + ib - 1)] = ei;
      // A(1:I, I+1:I+IB−1) −= Y(1:I, 1:IB−1) V1ᵀ, V1 = A(I+1:I+IB−1, I:I+IB−2) unit lower triangular
      for (let r = 1; r <= I; r++) {
        for (let j = 1; j <= ib - 1; j++) {
          // (Y V1ᵀ)(r, j) = Y(r, j) + Σ_{p<j} Y(r, p) V1(j, p)
          let sum = Y[(r - 1) * NB + (j - 1)];
          for (let p = 1; p < j; p++) sum += Y[(r - 1) * NB + (p - 1)] * a[at(I + j, I + p - 1)];
          a[at(r, I + j)] -= sum;
        }
      }
      // A(I+1:IHI, I+IB:N) := Hᵀ A with H = I − V T Vᵀ (dlarfb 'Left', 'Transpose')
      const m = ihi - I;
      for (let r = 0; r < m; r++) {
        for (let j = 0; j < ib; j++) {
          const row = I + 1 + r, col = I + j; // V(r, j) = A(I+1+r, I+j), unit diagonal, zero above
          V[r * ib + j] = r > j ? a[at(row, col)] : r === j ? 1 : 0;
        }
      }
      applyBlockLeft(V, packT(T, ib), m, ib, true, a, 0, n, I, I + ib - 1, n - I - ib + 1, W);
    }
  }
  hessenbergFrom(a, n, I, ihi, tau, work);
}

/** T (NB×NB storage) as a dense ib×ib array. */
function packT(T: Float64Array, ib: number): Float64Array {
  if (ib === NB) return T;
  const t = new Float64Array(ib * ib);
  for (let i = 0; i < ib; i++) for (let j = 0; j < ib; j++) t[i * ib + j] = T[i * NB + j];
  return t;
}

/**
 * dlahr2 for the panel starting at column K = I (1-based): reduces columns
 * K…K+nb−1 so that A(K+1:N, …) is Hessenberg there, returning T (the block
 * reflector's triangle, NB×NB storage) and Y = A V T (rows 1…N, NB columns),
 * N = IHI. Only the panel's columns of A are updated.
 */
function panel(a: Float64Array, n: number, N: number, K: number, nb: number, tau: Float64Array, T: Float64Array, Y: Float64Array): void {
  // Local column c of the panel is global column K + c − 1; A_(r, c) below.
  const A = (r: number, c: number): number => (r - 1) * n + (K + c - 2);
  const Yi = (r: number, c: number): number => (r - 1) * NB + (c - 1);
  const Ti = (r: number, c: number): number => (r - 1) * NB + (c - 1);
  const k = K; // dlahr2's K: rows K+1 … N are reduced
  let ei = 0;
  T.fill(0);
  const w = new Float64Array(nb);
  for (let i = 1; i <= nb; i++) {
    if (i > 1) {
      // A(K+1:N, I) −= Y(K+1:N, 1:I−1) A(K+I−1, 1:I−1)ᵀ
      for (let r = k + 1; r <= N; r++) {
        let s = 0;
        for (let p = 1; p < i; p++) s += Y[Yi(r, p)] * a[A(k + i - 1, p)];
        a[A(r, i)] -= s;
      }
      // Apply (I − V T Vᵀ)ᵀ to this column b = (b1; b2), V = (V1; V2), V1 unit lower (rows K+1 … K+I−1).
      for (let p = 1; p < i; p++) w[p - 1] = a[A(k + p, i)]; // w = b1
      for (let p = 1; p < i; p++) {
        // w := V1ᵀ w (unit lower, transposed: w_p += Σ_{q>p} V1(q, p) w_q), ascending p reads only later w
        let s = w[p - 1];
        for (let q = p + 1; q < i; q++) s += a[A(k + q, p)] * w[q - 1];
        w[p - 1] = s;
      }
      for (let r = k + i; r <= N; r++) {
        const br = a[A(r, i)];
        for (let p = 1; p < i; p++) w[p - 1] += a[A(r, p)] * br; // += V2ᵀ b2
      }
      for (let p = i - 1; p >= 1; p--) {
        // w := Tᵀ w (upper, transposed): w_p = Σ_{q≤p} T(q, p) w_q, descending p
        let s = 0;
        for (let q = 1; q <= p; q++) s += T[Ti(q, p)] * w[q - 1];
        w[p - 1] = s;
      }
      for (let r = k + i; r <= N; r++) {
        let s = 0;
        for (let p = 1; p < i; p++) s += a[A(r, p)] * w[p - 1];
        a[A(r, i)] -= s; // b2 −= V2 w
      }
      for (let p = i - 1; p >= 1; p--) {
        // w := V1 w (unit lower): w_p += Σ_{q<p} V1(p, q) w_q, descending p
        let s = w[p - 1];
        for (let q = 1; q < p; q++) s += a[A(k + p, q)] * w[q - 1];
        w[p - 1] = s;
      }
      for (let p = 1; p < i; p++) a[A(k + p, i)] -= w[p - 1]; // b1 −= V1 w
      a[A(k + i - 1, i - 1)] = ei;
    }
    // The reflector that annihilates A(K+I+1:N, I).
    const t = makeReflector(a, A(k + i, i), A(Math.min(k + i + 1, N), i), N - k - i + 1, n);
    tau[K + i - 2] = t;
    ei = a[A(k + i, i)];
    a[A(k + i, i)] = 1;
    // Y(K+1:N, I) = A(K+1:N, I+1:N−K+1) v, v = A(K+I:N, I)
    const len = N - k - i + 1;
    for (let r = k + 1; r <= N; r++) {
      let s = 0;
      const row = A(r, i + 1);
      for (let q = 0; q < len; q++) s += a[row + q] * a[A(k + i + q, i)];
      Y[Yi(r, i)] = s;
    }
    // T(1:I−1, I) = A(K+I:N, 1:I−1)ᵀ v; Y(K+1:N, I) −= Y(K+1:N, 1:I−1) T(1:I−1, I)
    for (let p = 1; p < i; p++) {
      let s = 0;
      for (let q = 0; q < len; q++) s += a[A(k + i + q, p)] * a[A(k + i + q, i)];
      T[Ti(p, i)] = s;
    }
    for (let r = k + 1; r <= N; r++) {
      let s = 0;
      for (let p = 1; p < i; p++) s += Y[Yi(r, p)] * T[Ti(p, i)];
      Y[Yi(r, i)] = t * (Y[Yi(r, i)] - s);
    }
    // T(1:I−1, I) = T(1:I−1, 1:I−1) (−τ T(1:I−1, I)); T(I, I) = τ
    for (let p = 1; p < i; p++) T[Ti(p, i)] *= -t;
    for (let p = 1; p < i; p++) {
      let s = 0;
      for (let q = p; q < i; q++) s += T[Ti(p, q)] * T[Ti(q, i)];
      T[Ti(p, i)] = s;
    }
    T[Ti(i, i)] = t;
  }
  a[A(k + nb, nb)] = ei;
  // Y(1:K, 1:NB) = (A(1:K, 2:NB+1) V1 + A(1:K, NB+2:N−K+1) V2) T
  for (let r = 1; r <= k; r++) {
    for (let j = 1; j <= nb; j++) {
      // (A(r, 2:NB+1) V1)(j) = A(r, j+1) + Σ_{q>j} A(r, q+1) V1(q, j), V1(q, j) = A(K+q, j)
      let s = a[A(r, j + 1)];
      for (let q = j + 1; q <= nb; q++) s += a[A(r, q + 1)] * a[A(k + q, j)];
      Y[Yi(r, j)] = s;
    }
  }
  if (N > k + nb) gemm(k, nb, N - k - nb, 1, a, A(1, nb + 2), n, 1, a, A(k + nb + 1, 1), n, 1, Y, 0, NB, 1);
  for (let r = 1; r <= k; r++) {
    for (let j = nb; j >= 1; j--) {
      // (Y T)(r, j) = Σ_{q≤j} Y(r, q) T(q, j), descending j keeps the needed Y(r, q) unchanged
      let s = 0;
      for (let q = 1; q <= j; q++) s += Y[Yi(r, q)] * T[Ti(q, j)];
      Y[Yi(r, j)] = s;
    }
  }
}

/**
 * dgehd2 on the n×n row-major `a`: H in the upper Hessenberg part, reflector
 * I (1-based, ILO ≤ I < IHI) below the subdiagonal of column I with `tau[I−1]`.
 * `work` needs n doubles.
 */
export function hessenberg(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array, work: Float64Array): void {
  hessenbergBlocked(a, n, ilo, ihi, tau, work);
}

/** dgehd2 on columns FROM … IHI−1. */
function hessenbergFrom(a: Float64Array, n: number, from: number, ihi: number, tau: Float64Array, work: Float64Array): void {
  for (let I = from; I < ihi; I++) {
    const c = I - 1; // 0-based column of the reflector
    const sub = I * n + c; // A(I+1, I)
    const t = makeReflector(a, sub, sub + n, ihi - I, n);
    tau[c] = t;
    const alpha = a[sub];
    a[sub] = 1;
    // A(1:IHI, I+1:IHI) := A H, then A(I+1:IHI, I+1:N) := H A
    reflectRight(a, 0, n, 0, I, ihi, ihi - I, a, sub, n, t, work);
    reflectLeft(a, 0, n, I, I, ihi - I, n - I, a, sub, n, t, work);
    a[sub] = alpha;
  }
}

/** dorghr: Q (n×n row-major into `q`) from the reflectors {@link hessenberg} left in `a`. */
export function hessenbergQ(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array, q: Float64Array, work: Float64Array): void {
  q.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const nh = ihi - ilo;
  if (nh <= 0) return;
  // Reflector j of the block sits at A(ILO+1+j…, ILO+j): a QR-shaped layout from (ILO+1, ILO).
  qrFormQ(a, ilo * n + (ilo - 1), n, nh, nh, tau.subarray(ilo - 1), q, ilo * n + ilo, n, nh, work);
}
