/**
 * The LAPACK routines SciPy's SLSQP (scipy/optimize/src/slsqp.c, nnls.c)
 * calls, as small unblocked loops on column-major Float64Arrays
 * (`a[off + i + j*lda]`): Householder reflectors (dlarfg, dlarfgp, dlarf),
 * QR and RQ factorisations and their applications (dgeqr2, dorm2r, dgerq2,
 * dormr2), Givens rotations (dlartgp), triangular solves (dtrsm, dtrsv) and
 * a pivoted-QR least-squares solve standing in for dgelsy. Translated from
 * the reference LAPACK 3.x sources.
 */
import { nrm2 } from '../../dense';

/** A Householder reflector H = I - τ v vᵀ with v[0] = 1: the new leading value β and τ. */
export interface Reflector {
  beta: number;
  tau: number;
}

/**
 * DLARFG: H [α; x] = [β; 0] with β = -sign(α)‖[α; x]‖; x (n-1 elements at
 * stride inc) is overwritten by v[1:].
 */
export function dlarfg(n: number, alpha: number, x: Float64Array, xo: number, inc: number): Reflector {
  if (n <= 1) return { beta: alpha, tau: 0 };
  const xnorm = stridedNorm(n - 1, x, xo, inc);
  if (xnorm === 0) return { beta: alpha, tau: 0 };
  const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  const tau = (beta - alpha) / beta;
  const scale = 1 / (alpha - beta);
  for (let j = 0; j < n - 1; j++) x[xo + j * inc] *= scale;
  return { beta, tau };
}

/** DLARFGP: as {@link dlarfg} but with β ≥ 0. */
export function dlarfgp(n: number, alpha: number, x: Float64Array, xo: number, inc: number): Reflector {
  if (n <= 0) return { beta: alpha, tau: 0 };
  const xnorm = stridedNorm(n - 1, x, xo, inc);
  const smlnum = 2.2250738585072014e-308 / 1.1102230246251565e-16;
  if (xnorm === 0) {
    if (alpha >= 0) return { beta: alpha, tau: 0 };
    for (let j = 0; j < n - 1; j++) x[xo + j * inc] = 0;
    return { beta: -alpha, tau: 2 };
  }
  let beta = Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  if (alpha === 0 && Object.is(alpha, -0)) beta = -Math.abs(beta);
  const savealpha = alpha;
  let a = alpha + beta;
  let tau: number;
  if (beta < 0) {
    beta = -beta;
    tau = -a / beta;
  } else {
    a = xnorm * (xnorm / a);
    tau = a / beta;
    a = -a;
  }
  if (Math.abs(tau) <= smlnum) {
    if (savealpha >= 0) tau = 0;
    else {
      tau = 2;
      for (let j = 0; j < n - 1; j++) x[xo + j * inc] = 0;
      beta = -savealpha;
    }
  } else {
    for (let j = 0; j < n - 1; j++) x[xo + j * inc] *= 1 / a;
  }
  return { beta, tau };
}

function stridedNorm(n: number, x: Float64Array, xo: number, inc: number): number {
  if (inc === 1) return nrm2(x, n, xo);
  const t = new Float64Array(n);
  for (let j = 0; j < n; j++) t[j] = x[xo + j * inc];
  return nrm2(t, n);
}

/**
 * DLARF: applies H = I - τ v vᵀ to the m×n block C (column-major, ldc) from
 * the left (`side` 'L': C ← H C, v of length m) or the right ('R': C ← C H,
 * v of length n); v is read at stride `incv`.
 */
export function dlarf(
  side: 'L' | 'R', m: number, n: number, v: Float64Array, vo: number, incv: number, tau: number, c: Float64Array, co: number, ldc: number,
): void {
  if (tau === 0) return;
  if (side === 'L') {
    for (let j = 0; j < n; j++) {
      let w = 0;
      for (let i = 0; i < m; i++) w += c[co + i + j * ldc] * v[vo + i * incv];
      if (w === 0) continue;
      const t = tau * w;
      for (let i = 0; i < m; i++) c[co + i + j * ldc] -= t * v[vo + i * incv];
    }
  } else {
    for (let i = 0; i < m; i++) {
      let w = 0;
      for (let j = 0; j < n; j++) w += c[co + i + j * ldc] * v[vo + j * incv];
      if (w === 0) continue;
      const t = tau * w;
      for (let j = 0; j < n; j++) c[co + i + j * ldc] -= t * v[vo + j * incv];
    }
  }
}

/** DGEQR2: A = QR in place (R above the diagonal, reflectors below); τ into `tau`. */
export function dgeqr2(m: number, n: number, a: Float64Array, ao: number, lda: number, tau: Float64Array, to: number): void {
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    const d = ao + i + i * lda;
    const r = dlarfg(m - i, a[d], a, ao + Math.min(i + 1, m - 1) + i * lda, 1);
    tau[to + i] = r.tau;
    a[d] = r.beta;
    if (i < n - 1) {
      a[d] = 1;
      dlarf('L', m - i, n - i - 1, a, d, 1, r.tau, a, d + lda, lda);
      a[d] = r.beta;
    }
  }
}

/** DORM2R with SIDE = 'L', TRANS = 'T': C ← Qᵀ C for the Q of {@link dgeqr2} (C is m×n). */
export function dorm2rLT(m: number, n: number, k: number, a: Float64Array, ao: number, lda: number, tau: Float64Array, to: number, c: Float64Array, co: number, ldc: number): void {
  for (let i = 0; i < k; i++) {
    const d = ao + i + i * lda;
    const aii = a[d];
    a[d] = 1;
    dlarf('L', m - i, n, a, d, 1, tau[to + i], c, co + i, ldc);
    a[d] = aii;
  }
}

/** DGERQ2: A = RQ in place for m ≤ n (R in the last m columns, reflectors in the rows to its left). */
export function dgerq2(m: number, n: number, a: Float64Array, ao: number, lda: number, tau: Float64Array, to: number): void {
  const k = Math.min(m, n);
  for (let i = k - 1; i >= 0; i--) {
    const row = m - k + i;
    const col = n - k + i;
    const d = ao + row + col * lda;
    // Annihilate A(row, 0:col-1); the reflector's vector is that row (stride lda).
    const r = dlarfgInRow(col + 1, a, ao + row, lda, d);
    tau[to + i] = r.tau;
    a[d] = 1;
    dlarf('R', row, col + 1, a, ao + row, lda, r.tau, a, ao, lda);
    a[d] = r.beta;
  }
}

/** dlarfg on a row whose α is its last element (dgerq2's call DLARFG(N-K+I, A(M-K+I,N-K+I), A(M-K+I,1), LDA, TAU)). */
function dlarfgInRow(len: number, a: Float64Array, first: number, lda: number, diag: number): Reflector {
  const r = dlarfg(len, a[diag], a, first, lda);
  return r;
}

/**
 * DORMR2: applies Q or Qᵀ (Q = H(1)…H(k) from {@link dgerq2}, reflectors in
 * the rows of A) to the m×n matrix C from the left or the right.
 */
export function dormr2(
  side: 'L' | 'R', trans: 'N' | 'T', m: number, n: number, k: number, a: Float64Array, ao: number, lda: number, tau: Float64Array, to: number,
  c: Float64Array, co: number, ldc: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const left = side === 'L';
  const notran = trans === 'N';
  const nq = left ? m : n;
  const forward = (left && !notran) || (!left && notran);
  for (let s = 0; s < k; s++) {
    const i = forward ? s : k - 1 - s;
    const mi = left ? m - k + i + 1 : m;
    const ni = left ? n : n - k + i + 1;
    const d = ao + i + (nq - k + i) * lda;
    const aii = a[d];
    a[d] = 1;
    dlarf(side, mi, ni, a, ao + i, lda, tau[to + i], c, co, ldc);
    a[d] = aii;
  }
}

/** DTRSV with UPLO = 'U', DIAG = 'N': x ← U⁻¹x (trans false) or U⁻ᵀx. */
export function dtrsvU(trans: boolean, n: number, a: Float64Array, ao: number, lda: number, x: Float64Array, xo: number): void {
  if (!trans) {
    for (let j = n - 1; j >= 0; j--) {
      if (x[xo + j] !== 0) {
        x[xo + j] /= a[ao + j + j * lda];
        const t = x[xo + j];
        for (let i = j - 1; i >= 0; i--) x[xo + i] -= t * a[ao + i + j * lda];
      }
    }
  } else {
    for (let j = 0; j < n; j++) {
      let t = x[xo + j];
      for (let i = 0; i < j; i++) t -= a[ao + i + j * lda] * x[xo + i];
      x[xo + j] = t / a[ao + j + j * lda];
    }
  }
}

/** DTRSM with SIDE = 'R', UPLO = 'U', TRANS = 'N', DIAG = 'N', α = 1: B ← B R⁻¹ (B is m×n). */
export function dtrsmRUN(m: number, n: number, a: Float64Array, ao: number, lda: number, b: Float64Array, bo: number, ldb: number): void {
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      const akj = a[ao + k + j * lda];
      if (akj !== 0) for (let i = 0; i < m; i++) b[bo + i + j * ldb] -= akj * b[bo + i + k * ldb];
    }
    const t = 1 / a[ao + j + j * lda];
    for (let i = 0; i < m; i++) b[bo + i + j * ldb] *= t;
  }
}

/** DLARTGP: a plane rotation [c s; -s c][f; g] = [r; 0] with r ≥ 0. */
export function dlartgp(f: number, g: number): { c: number; s: number; r: number } {
  if (g === 0) return { c: Math.sign(f) || 1, s: 0, r: Math.abs(f) };
  if (f === 0) return { c: 0, s: Math.sign(g), r: Math.abs(g) };
  const r = Math.hypot(f, g);
  return { c: f / r, s: g / r, r };
}

/**
 * min ‖A x - b‖ for the m×n column-major A (m ≥ n) by Householder QR with
 * column pivoting (LAPACK dgeqp3), the part of dgelsy SLSQP needs: x in
 * b[0:n], and the numerical rank with the relative threshold `rcond` on R's
 * diagonal. A and b are overwritten.
 */
export function pivotedLeastSquares(m: number, n: number, a: Float64Array, lda: number, b: Float64Array, rcond: number): number {
  const perm = Array.from({ length: n }, (_, j) => j);
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = nrm2(a, m, j * lda);
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    let p = i;
    for (let j = i + 1; j < n; j++) if (norms[j] > norms[p]) p = j;
    if (p !== i) {
      for (let r = 0; r < m; r++) {
        const t = a[r + i * lda];
        a[r + i * lda] = a[r + p * lda];
        a[r + p * lda] = t;
      }
      [perm[i], perm[p]] = [perm[p], perm[i]];
      [norms[i], norms[p]] = [norms[p], norms[i]];
    }
    const d = i + i * lda;
    const h = dlarfg(m - i, a[d], a, Math.min(i + 1, m - 1) + i * lda, 1);
    a[d] = 1;
    if (i < n - 1) dlarf('L', m - i, n - i - 1, a, d, 1, h.tau, a, d + lda, lda);
    dlarf('L', m - i, 1, a, d, 1, h.tau, b, i, m);
    a[d] = h.beta;
    for (let j = i + 1; j < n; j++) norms[j] = nrm2(a, m - i - 1, i + 1 + j * lda);
  }
  let rank = 0;
  const r11 = Math.abs(a[0]);
  while (rank < k && Math.abs(a[rank + rank * lda]) > rcond * r11) rank++;
  const y = b.slice(0, n);
  dtrsvU(false, rank, a, 0, lda, y, 0);
  for (let j = rank; j < n; j++) y[j] = 0;
  for (let j = 0; j < n; j++) b[perm[j]] = y[j];
  return rank;
}
