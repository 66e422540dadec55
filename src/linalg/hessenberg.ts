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
      updateTop(a, n, I, ib, Y);
      // A(I+1:IHI, I+IB:N) := Hᵀ A with H = I − V T Vᵀ (dlarfb 'Left', 'Transpose')
      const m = ihi - I;
      explicitV(a, n, I, m, ib, V);
      applyBlockLeft(V, packT(T, ib), m, ib, true, a, 0, n, I, I + ib - 1, n - I - ib + 1, W);
    }
  }
  hessenbergFrom(a, n, I, ihi, tau, work);
}

/** A(1:I, I+1:I+IB−1) −= Y(1:I, 1:IB−1) V1ᵀ, V1 = A(I+1:I+IB−1, I:I+IB−2) unit lower triangular (dgehrd's dtrmm). */
function updateTop(a: Float64Array, n: number, I: number, ib: number, Y: Float64Array): void {
  const at = (r: number, c: number): number => (r - 1) * n + (c - 1);
  for (let r = 1; r <= I; r++) {
    for (let j = 1; j <= ib - 1; j++) {
      // (Y V1ᵀ)(r, j) = Y(r, j) + Σ_{p<j} Y(r, p) V1(j, p)
      let sum = Y[(r - 1) * NB + (j - 1)];
      for (let p = 1; p < j; p++) sum += Y[(r - 1) * NB + (p - 1)] * a[at(I + j, I + p - 1)];
      a[at(r, I + j)] -= sum;
    }
  }
}

/** The panel's reflectors V(r, j) = A(I+1+r, I+j) as an explicit m×ib matrix (unit diagonal, zeros above). */
function explicitV(a: Float64Array, n: number, I: number, m: number, ib: number, V: Float64Array): void {
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < ib; j++) V[r * ib + j] = r > j ? a[I * n + r * n + (I + j - 1)] : r === j ? 1 : 0;
  }
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
  // Local column c of the panel is global column K + c − 1: A(r, c) is a[(r − 1)n + K + c − 2].
  const c0 = K - 2; // add c for the buffer column of local column c
  const k = K; // dlahr2's K: rows K+1 … N are reduced
  let ei = 0;
  T.fill(0);
  const w = new Float64Array(nb), v = new Float64Array(N);
  for (let i = 1; i <= nb; i++) {
    const ci = c0 + i; // buffer column of local column i
    if (i > 1) {
      // A(K+1:N, I) −= Y(K+1:N, 1:I−1) A(K+I−1, 1:I−1)ᵀ
      rowTimesRows(a, k * n + ci, n, N - k, Y, k * NB, NB, a, (k + i - 2) * n + c0 + 1, i - 1);
      applyPanelTransposed(a, n, N, k, i, ci, c0, T, w);
      a[(k + i - 2) * n + c0 + i - 1] = ei;
    }
    // The reflector that annihilates A(K+I+1:N, I).
    const head = (k + i - 1) * n + ci;
    const t = makeReflector(a, head, Math.min(k + i, N - 1) * n + ci, N - k - i + 1, n);
    tau[K + i - 2] = t;
    ei = a[head];
    a[head] = 1;
    // v = A(K+I:N, I), contiguous
    const len = N - k - i + 1;
    for (let q = 0; q < len; q++) v[q] = a[head + q * n];
    // Y(K+1:N, I) = A(K+1:N, I+1:N−K+1) v: one dot product per row
    for (let r = k; r < N; r++) {
      let s = 0;
      const row = r * n + ci + 1;
      for (let q = 0; q < len; q++) s += a[row + q] * v[q];
      Y[r * NB + i - 1] = s;
    }
    // T(1:I−1, I) = A(K+I:N, 1:I−1)ᵀ v, accumulated row by row
    for (let p = 0; p < i - 1; p++) T[p * NB + i - 1] = 0;
    for (let q = 0; q < len; q++) {
      const row = (k + i - 1 + q) * n + c0 + 1, vq = v[q];
      for (let p = 0; p < i - 1; p++) T[p * NB + i - 1] += a[row + p] * vq;
    }
    // Y(K+1:N, I) = τ (Y(K+1:N, I) − Y(K+1:N, 1:I−1) T(1:I−1, I))
    for (let r = k; r < N; r++) {
      let s = 0;
      const yr = r * NB;
      for (let p = 0; p < i - 1; p++) s += Y[yr + p] * T[p * NB + i - 1];
      Y[yr + i - 1] = t * (Y[yr + i - 1] - s);
    }
    // T(1:I−1, I) = T(1:I−1, 1:I−1) (−τ T(1:I−1, I)); T(I, I) = τ
    for (let p = 0; p < i - 1; p++) T[p * NB + i - 1] *= -t;
    for (let p = 0; p < i - 1; p++) {
      let s = 0;
      for (let q = p; q < i - 1; q++) s += T[p * NB + q] * T[q * NB + i - 1];
      T[p * NB + i - 1] = s;
    }
    T[(i - 1) * NB + i - 1] = t;
  }
  a[(k + nb - 1) * n + c0 + nb] = ei;
  finishY(a, n, N, k, nb, c0, T, Y);
}

/** x[xo + r·xs] −= Σ_p B[bo + r·bs + p] · c[co + p] for r < rows, p < len (a column minus a matrix times a row). */
function rowTimesRows(x: Float64Array, xo: number, xs: number, rows: number, B: Float64Array, bo: number, bs: number, c: Float64Array, co: number, len: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const br = bo + r * bs;
    for (let p = 0; p < len; p++) s += B[br + p] * c[co + p];
    x[xo + r * xs] -= s;
  }
}

/**
 * dlahr2's update of column I (buffer column `ci`) by the panel's earlier
 * reflectors from the left: b := (I − V T Vᵀ)ᵀ b with V = (V1; V2), V1 unit
 * lower triangular in rows K+1 … K+I−1, using `w` as workspace.
 */
function applyPanelTransposed(a: Float64Array, n: number, N: number, k: number, i: number, ci: number, c0: number, T: Float64Array, w: Float64Array): void {
  const m = i - 1;
  // w = b1, then w := V1ᵀ w (ascending p reads only later entries)
  for (let p = 0; p < m; p++) w[p] = a[(k + p) * n + ci];
  for (let p = 0; p < m; p++) {
    let s = w[p];
    for (let q = p + 1; q < m; q++) s += a[(k + q) * n + c0 + 1 + p] * w[q];
    w[p] = s;
  }
  // w += V2ᵀ b2
  for (let r = k + i - 1; r < N; r++) {
    const br = a[r * n + ci], row = r * n + c0 + 1;
    for (let p = 0; p < m; p++) w[p] += a[row + p] * br;
  }
  // w := Tᵀ w (descending p)
  for (let p = m - 1; p >= 0; p--) {
    let s = 0;
    for (let q = 0; q <= p; q++) s += T[q * NB + p] * w[q];
    w[p] = s;
  }
  // b2 −= V2 w
  for (let r = k + i - 1; r < N; r++) {
    let s = 0;
    const row = r * n + c0 + 1;
    for (let p = 0; p < m; p++) s += a[row + p] * w[p];
    a[r * n + ci] -= s;
  }
  // w := V1 w (descending p), b1 −= w
  for (let p = m - 1; p >= 0; p--) {
    let s = w[p];
    const row = (k + p) * n + c0 + 1;
    for (let q = 0; q < p; q++) s += a[row + q] * w[q];
    w[p] = s;
  }
  for (let p = 0; p < m; p++) a[(k + p) * n + ci] -= w[p];
}

/** Y(1:K, 1:NB) = (A(1:K, 2:NB+1) V1 + A(1:K, NB+2:N−K+1) V2) T (the end of dlahr2). */
function finishY(a: Float64Array, n: number, N: number, k: number, nb: number, c0: number, T: Float64Array, Y: Float64Array): void {
  for (let r = 0; r < k; r++) {
    const row = r * n + c0;
    for (let j = 1; j <= nb; j++) {
      // (A(r, 2:NB+1) V1)(j) = A(r, j+1) + Σ_{q>j} A(r, q+1) V1(q, j), V1(q, j) = A(K+q, j)
      let s = a[row + j + 1];
      for (let q = j + 1; q <= nb; q++) s += a[row + q + 1] * a[(k + q - 1) * n + c0 + j];
      Y[r * NB + j - 1] = s;
    }
  }
  if (N > k + nb) gemm(k, nb, N - k - nb, 1, a, c0 + nb + 2, n, 1, a, (k + nb) * n + c0 + 1, n, 1, Y, 0, NB, 1);
  for (let r = 0; r < k; r++) {
    const yr = r * NB;
    for (let j = nb - 1; j >= 0; j--) {
      // (Y T)(r, j) = Σ_{q≤j} Y(r, q) T(q, j), descending j keeps the needed Y(r, q) unchanged
      let s = 0;
      for (let q = 0; q <= j; q++) s += Y[yr + q] * T[q * NB + j];
      Y[yr + j] = s;
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
