/**
 * Householder QR, A = Q R (LAPACK's dgeqr2 + dorg2r, so Q and R have LAPACK's
 * signs), for stacked real and complex (`qrComplex.ts`) matrices, in NumPy's
 * modes 'reduced', 'complete', 'r' and 'raw'. The reduced factorisation of tall (M ≥ N) input is a
 * differentiable primitive.
 */
import { asarray, bind, definePrimitive, NDArray, ValueError, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { add, multiply, subtract, swapaxes } from '../ops';
import { arrayOf, assertStacked2d, namedTuple, stackOf, toOut, toWork } from './batch';
import { applyBlockLeft, BLOCK, blockReflector } from './blockReflector';
import { makeReflector, reflectLeft } from './householder';
import { complexQrStack } from './qrComplex';
import { inv } from './inv';

/**
 * dgeqr2 on the m×n row-major matrix at `a[off …]`: R in the upper triangle,
 * the reflectors' v (below the diagonal, v[0] = 1 implied) and `tau[0 … k)`.
 */
export function qrFactor(a: Float64Array, off: number, m: number, n: number, tau: Float64Array, work: Float64Array): void {
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    const d = off + i * n + i;
    tau[i] = makeReflector(a, d, d + n, m - i, n);
    if (i < n - 1 && tau[i] !== 0) {
      const keep = a[d];
      a[d] = 1;
      reflectLeft(a, off, n, i, i + 1, m - i, n - i - 1, a, d, n, tau[i], work);
      a[d] = keep;
    }
  }
}

/**
 * dorgqr: the first `cols` columns of Q = H₀ H₁ ⋯ H_{k−1} (m×cols, written to
 * `q` with row length `ldq`) from k reflectors stored below the diagonal of the
 * m-row matrix at `a[off …]` with row length `lda` (as {@link qrFactor} leaves
 * them). Blocks of {@link BLOCK} reflectors are applied as I − V T Vᵀ (two
 * GEMMs); the columns of each block are then formed by dorg2r.
 */
export function qrFormQ(
  a: Float64Array, off: number, lda: number, m: number, k: number, tau: Float64Array,
  q: Float64Array, qoff: number, ldq: number, cols: number, work: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < cols; j++) q[qoff + i * ldq + j] = j < k && i > j ? a[off + i * lda + j] : 0;
  }
  if (k < 2 * BLOCK || cols < 2 * BLOCK) {
    formColumns(q, qoff, ldq, 0, m, cols, k, tau, work);
    return;
  }
  // The last (possibly partial) block unblocked, then whole blocks right to left.
  const last = Math.floor((k - 1) / BLOCK) * BLOCK;
  formColumns(q, qoff, ldq, last, m - last, cols - last, k - last, tau, work);
  const V = new Float64Array(m * BLOCK), T = new Float64Array(BLOCK * BLOCK), W = new Float64Array(BLOCK * cols);
  for (let i = last - BLOCK; i >= 0; i -= BLOCK) {
    blockReflector(q, qoff, ldq, i, i, m - i, BLOCK, tau, i, V, T);
    applyBlockLeft(V, T, m - i, BLOCK, false, q, qoff, ldq, i, i + BLOCK, cols - i - BLOCK, W);
    formColumns(q, qoff, ldq, i, m - i, BLOCK, BLOCK, tau, work);
  }
}

/**
 * dorg2r in place on the block of `q` starting at (s, s): `m` rows, `n`
 * columns, reflectors s … s+k−1 below its diagonal; rows above the block in
 * these columns are zeroed, columns beyond the k reflectors start as the identity.
 */
function formColumns(q: Float64Array, qoff: number, ldq: number, s: number, m: number, n: number, k: number, tau: Float64Array, work: Float64Array): void {
  const base = qoff + s * ldq + s;
  for (let j = k; j < n; j++) {
    for (let r = 0; r < m; r++) q[base + r * ldq + j] = 0;
    if (j < m) q[base + j * ldq + j] = 1;
  }
  for (let i = k - 1; i >= 0; i--) {
    const d = base + i * ldq + i;
    if (i < n - 1) {
      q[d] = 1;
      reflectLeft(q, base, ldq, i, i + 1, m - i, n - i - 1, q, d, ldq, tau[s + i], work);
    }
    for (let r = i + 1; r < m; r++) q[base + r * ldq + i] *= -tau[s + i];
    q[d] = 1 - tau[s + i];
    for (let r = -s; r < i; r++) q[base + r * ldq + i] = 0;
  }
}

type Mode = 'reduced' | 'complete' | 'r' | 'raw';

/** Q and R (or the raw reflectors) of every matrix of a stack. */
function qrStack(x: NDArray, mode: Mode): NDArray[] {
  const s = stackOf(x);
  const { m, n, count, batch } = s;
  if (s.complex) {
    const k = Math.min(m, n), qc = mode === 'complete' ? m : k;
    const c = complexQrStack(s.data, count, m, n, mode);
    if (mode === 'raw') return [arrayOf(c.h, [...batch, n, m], true), arrayOf(c.tau, [...batch, k], true)];
    const r = arrayOf(c.R, [...batch, mode === 'complete' ? m : k, n], true);
    return mode === 'r' ? [r] : [arrayOf(c.Q, [...batch, m, qc], true), r];
  }
  const k = Math.min(m, n);
  const qCols = mode === 'complete' ? m : k;
  const rRows = mode === 'complete' ? m : k;
  const tau = new Float64Array(Math.max(k, 1));
  const work = new Float64Array(Math.max(m, n, 1));
  const Q = new Float64Array(count * m * qCols);
  const R = new Float64Array(count * rRows * n);
  const taus = new Float64Array(count * k);
  for (let t = 0; t < count; t++) {
    const off = t * m * n;
    qrFactor(s.data, off, m, n, tau, work);
    taus.set(tau.subarray(0, k), t * k);
    for (let i = 0; i < Math.min(rRows, m); i++) for (let j = i; j < n; j++) R[t * rRows * n + i * n + j] = s.data[off + i * n + j];
    if (mode === 'reduced' || mode === 'complete') qrFormQ(s.data, off, n, m, k, tau, Q, t * m * qCols, qCols, qCols, work);
  }
  if (mode === 'raw') {
    // LAPACK's output in Fortran order, seen from C: h has shape (..., N, M).
    const h = new Float64Array(count * m * n);
    for (let t = 0; t < count; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) h[t * m * n + j * m + i] = s.data[t * m * n + i * n + j];
    return [arrayOf(h, [...batch, n, m]), arrayOf(taus, [...batch, k])];
  }
  const r = arrayOf(R, [...batch, rRows, n]);
  return mode === 'r' ? [r] : [arrayOf(Q, [...batch, m, qCols]), r];
}

/** `[Q; R]` stacked along the rows, for tall input (M ≥ N): shape (..., M + N, N). */
export const qrP = definePrimitive<undefined>({
  name: 'qr',
  impl: ([a]) => {
    const [q, r] = qrStack(a, 'reduced');
    const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1];
    const count = q.size / (m * n);
    const out = new Float64Array(count * (m + n) * n);
    for (let t = 0; t < count; t++) {
      out.set((q.data as Float64Array).subarray(t * m * n, (t + 1) * m * n), t * (m + n) * n);
      out.set((r.data as Float64Array).subarray(t * n * n, (t + 1) * n * n), t * (m + n) * n + m * n);
    }
    return arrayOf(out, [...a.shape.slice(0, -2), m + n, n]);
  },
  // For M ≥ N: Ā = (Q̄ + Q copyltu(M)) R⁻ᵀ with M = R R̄ᵀ − Q̄ᵀ Q and copyltu(M) the
  // symmetric matrix with M's lower triangle (Walter & Lehmann 2018, "Algorithmic
  // differentiation of linear algebra functions with application in optimum
  // experimental design"; Liao et al. 2019, arXiv:1903.09650, eq. 13).
  vjp: (g, out, [a]) => {
    const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1];
    const q = out.get('...', `:${m}`, ':');
    const r = out.get('...', `${m}:`, ':');
    const gq = g.get('...', `:${m}`, ':');
    const gr = g.get('...', `${m}:`, ':');
    const M = subtract(matmul(r, swapaxes(gr, -1, -2)), matmul(swapaxes(gq, -1, -2), q));
    const lower = new Float64Array(n * n);
    const strict = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
      lower[i * n + j] = 1;
      if (j < i) strict[i * n + j] = 1;
    }
    const c = add(multiply(M, arrayOf(lower, [n, n])), swapaxes(multiply(M, arrayOf(strict, [n, n])), -1, -2));
    return [matmul(add(gq, matmul(q, c)), swapaxes(inv(r), -1, -2))];
  },
});

/** NumPy's `QRResult(Q, R)`. */
export type QRResult = [Q: NDArray, R: NDArray] & { Q: NDArray; R: NDArray };

/** Options of {@link qr}. */
export interface QROptions {
  /**
   * 'reduced' (default): Q (..., M, K), R (..., K, N) with K = min(M, N);
   * 'complete': Q (..., M, M), R (..., M, N); 'r': R only (..., K, N);
   * 'raw': LAPACK's reflectors h (..., N, M) and tau (..., K).
   */
  mode?: Mode;
}

/**
 * QR factorisation `a = Q @ R`, Q with orthonormal columns and R upper
 * triangular (Householder, LAPACK's signs: R's diagonal may be negative).
 * @param a `(..., M, N)` real or complex.
 * @returns `[Q, R]` (also `.Q`, `.R`); R alone for mode 'r'; `[h, tau]` for 'raw'.
 * @throws {LinAlgError} for fewer than 2 dimensions. {@link ValueError} for an unknown mode.
 * @example
 * const { Q, R } = np.linalg.qr([[1, 2], [3, 4]]);
 * // Q = [[-0.31622777 -0.9486833 ] [-0.9486833   0.31622777]]
 * // R = [[-3.16227766 -4.42718872] [ 0.         -0.63245553]]
 */
export function qr(a: ArrayLike, opts?: { mode?: 'reduced' | 'complete' }): QRResult;
export function qr(a: ArrayLike, opts: { mode: 'r' }): NDArray;
export function qr(a: ArrayLike, opts: { mode: 'raw' }): [h: NDArray, tau: NDArray];
export function qr(a: ArrayLike, opts: QROptions = {}): QRResult | NDArray | [NDArray, NDArray] {
  const mode = opts.mode ?? 'reduced';
  if (!['reduced', 'complete', 'r', 'raw'].includes(mode)) throw new ValueError(`Unrecognized mode '${String(mode)}'`);
  const x = asarray(a);
  assertStacked2d(x);
  const w = toWork(x);
  const m = x.shape[x.ndim - 2], n = x.shape[x.ndim - 1];
  if (w.isTraced()) {
    if (w.dtype === 'complex128') throw new ValueError('qr: derivatives for complex input are not supported');
    if (mode !== 'reduced' || m < n) throw new ValueError(`qr: derivatives are implemented for mode 'reduced' with M >= N only (got mode '${mode}', shape ${m}x${n})`);
    const packed = bind(qrP, [w], undefined);
    const q = packed.get('...', `:${m}`, ':');
    const r = packed.get('...', `${m}:`, ':');
    return namedTuple([q, r] as [NDArray, NDArray], { Q: q, R: r });
  }
  const parts = qrStack(w, mode).map((p) => toOut(p, x.dtype));
  if (mode === 'r') return parts[0];
  if (mode === 'raw') return [parts[0], parts[1]];
  return namedTuple([parts[0], parts[1]] as [NDArray, NDArray], { Q: parts[0], R: parts[1] });
}
