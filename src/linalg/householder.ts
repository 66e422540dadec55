/**
 * Householder reflectors H = I − τ v vᵀ (v[0] = 1) on row-major Float64Array
 * matrices: generation (LAPACK's dlarfg, same sign conventions, so QR,
 * Hessenberg and bidiagonal factors have LAPACK's signs) and application from
 * the left or the right (dlarf). Shared by QR, eigh, eig and SVD.
 *
 * Row-major storage: applying H from the left to a block combines whole rows
 * (w = vᵀA, then A −= τ v w, both along contiguous rows); from the right each
 * row is updated by its own dot product with v.
 */

const SAFMIN = 2.2250738585072014e-308 / 1.1102230246251565e-16; // dlamch('S') / dlamch('E')

/**
 * The 2-norm of n elements `x[off + i·stride]`, without overflow or harmful
 * underflow: the plain sum of squares, recomputed with scaling only when it
 * left the safe range (as LAPACK's dnrm2 intends, at the cost of one pass).
 */
export function norm2(x: Float64Array, off: number, n: number, stride: number): number {
  let s = 0;
  for (let i = 0, p = off; i < n; i++, p += stride) s += x[p] * x[p];
  if (s < 1e292 && s > 1e-292) return Math.sqrt(s);
  if (s === 0) {
    // all zero, or every square underflowed: check with scaling
    let big = 0;
    for (let i = 0, p = off; i < n; i++, p += stride) big = Math.max(big, Math.abs(x[p]));
    if (big === 0) return 0;
  }
  let scale = 0;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = Math.abs(x[p]);
    if (v > scale || v !== v) scale = v;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale === 0 ? 0 : scale === Infinity ? Infinity : NaN;
  let t = 0;
  for (let i = 0, p = off; i < n; i++, p += stride) {
    const v = x[p] / scale;
    t += v * v;
  }
  return scale * Math.sqrt(t);
}

/** sqrt(x² + y²) without overflow (dlapy2). */
export function hypot2(x: number, y: number): number {
  const ax = Math.abs(x), ay = Math.abs(y);
  const w = Math.max(ax, ay), z = Math.min(ax, ay);
  if (z === 0 || w === Infinity) return w;
  const r = z / w;
  return w * Math.sqrt(1 + r * r);
}

/**
 * dlarfg: the reflector that maps (alpha, x) to (beta, 0). `a[ia]` holds alpha
 * and receives beta; the n−1 elements `a[ix + i·stride]` hold x and receive
 * v[1…] (v[0] = 1 implied).
 * @returns τ (0 when x is already zero: H = I).
 */
export function makeReflector(a: Float64Array, ia: number, ix: number, n: number, stride: number): number {
  if (n <= 1) return 0;
  let xnorm = norm2(a, ix, n - 1, stride);
  if (xnorm === 0) return 0;
  let alpha = a[ia];
  let beta = -Math.sign(alpha || 1) * hypot2(alpha, xnorm);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    // beta may be inaccurate: scale x and recompute (at most 20 times, as dlarfg)
    const r = 1 / SAFMIN;
    do {
      knt++;
      for (let i = 0, p = ix; i < n - 1; i++, p += stride) a[p] *= r;
      beta *= r;
      alpha *= r;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    xnorm = norm2(a, ix, n - 1, stride);
    beta = -Math.sign(alpha || 1) * hypot2(alpha, xnorm);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0, p = ix; i < n - 1; i++, p += stride) a[p] *= scal;
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  a[ia] = beta;
  return tau;
}

/**
 * A[r0:r0+m, c0:c0+n] := H A for H = I − τ v vᵀ, v of length m at
 * `v[vo + i·vs]` (v[0] read as stored: callers store 1 there). `work` holds at
 * least n doubles.
 */
export function reflectLeft(
  a: Float64Array, off: number, ld: number, r0: number, c0: number, m: number, n: number,
  v: Float64Array, vo: number, vs: number, tau: number, work: Float64Array,
): void {
  if (tau === 0 || n <= 0) return;
  work.fill(0, 0, n);
  for (let i = 0; i < m; i++) {
    const vi = v[vo + i * vs];
    if (vi === 0) continue;
    const r = off + (r0 + i) * ld + c0;
    for (let j = 0; j < n; j++) work[j] += vi * a[r + j];
  }
  for (let i = 0; i < m; i++) {
    const t = tau * v[vo + i * vs];
    if (t === 0) continue;
    const r = off + (r0 + i) * ld + c0;
    for (let j = 0; j < n; j++) a[r + j] -= t * work[j];
  }
}

/**
 * A[r0:r0+m, c0:c0+n] := A H for H = I − τ v vᵀ, v of length n at
 * `v[vo + j·vs]` (copied to `work`, which needs n doubles, when strided).
 */
export function reflectRight(
  a: Float64Array, off: number, ld: number, r0: number, c0: number, m: number, n: number,
  v: Float64Array, vo: number, vs: number, tau: number, work: Float64Array,
): void {
  if (tau === 0 || m <= 0) return;
  let u = v, uo = vo;
  if (vs !== 1) {
    for (let j = 0; j < n; j++) work[j] = v[vo + j * vs];
    u = work;
    uo = 0;
  }
  for (let i = 0; i < m; i++) {
    const r = off + (r0 + i) * ld + c0;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[r + j] * u[uo + j];
    if (s === 0) continue;
    s *= tau;
    for (let j = 0; j < n; j++) a[r + j] -= s * u[uo + j];
  }
}
