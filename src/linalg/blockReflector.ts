/**
 * Products of Householder reflectors as one block, H₀H₁⋯H_{b−1} = I − V T Vᵀ
 * (the compact WY form, Schreiber & Van Loan 1989; LAPACK's dlarft and
 * dlarfb), so that applying b reflectors to a matrix is two GEMMs through the
 * tensor layer's packed kernel instead of 2b passes over it. Used to form the
 * orthogonal factors of QR, the tridiagonal and Hessenberg reductions and the
 * bidiagonalisation (LAPACK's dorgqr blocking).
 */
import { gemm } from '../tensor/gemm';

/** Reflectors per block. */
export const BLOCK = 32;

/**
 * Copies b reflectors stored as columns of a row-major matrix (reflector j:
 * v[0] = 1 implied at row r0 + j, v[1…] below it, zeros above) into an
 * explicit m×b row-major `V` (unit diagonal, zeros above it), and forms the
 * b×b upper triangular `T` (dlarft, 'Forward', 'Columnwise').
 */
export function blockReflector(
  a: Float64Array, off: number, ld: number, r0: number, c0: number, m: number, b: number, tau: Float64Array, t0: number,
  V: Float64Array, T: Float64Array,
): void {
  for (let r = 0; r < m; r++) {
    const src = off + (r0 + r) * ld + c0;
    for (let j = 0; j < b; j++) V[r * b + j] = r > j ? a[src + j] : r === j ? 1 : 0;
  }
  T.fill(0, 0, b * b);
  for (let i = 0; i < b; i++) {
    const ti = tau[t0 + i];
    if (ti !== 0) {
      // T[0:i, i] = −τ_i V[i:, 0:i]ᵀ v_i, then T[0:i, i] = T[0:i, 0:i] T[0:i, i]
      for (let r = i; r < m; r++) {
        const vri = V[r * b + i];
        if (vri === 0) continue;
        for (let j = 0; j < i; j++) T[j * b + i] -= ti * V[r * b + j] * vri;
      }
      for (let j = 0; j < i; j++) {
        let s = 0;
        for (let c = j; c < i; c++) s += T[j * b + c] * T[c * b + i];
        T[j * b + i] = s;
      }
    }
    T[i * b + i] = ti;
  }
}

/**
 * C := (I − V T Vᵀ) C, or (I − V Tᵀ Vᵀ) C when `transpose`, for C the m×n
 * block at row r0, column c0 of the row-major `c` (row length `ld`). `W` needs
 * b·n doubles.
 */
export function applyBlockLeft(
  V: Float64Array, T: Float64Array, m: number, b: number, transpose: boolean,
  c: Float64Array, off: number, ld: number, r0: number, c0: number, n: number, W: Float64Array,
): void {
  if (n <= 0 || m <= 0 || b <= 0) return;
  const co = off + r0 * ld + c0;
  W.fill(0, 0, b * n);
  gemm(b, n, m, 1, V, 0, 1, b, c, co, ld, 1, W, 0, n, 1); // W = Vᵀ C
  triangularTimes(T, b, transpose, W, n);
  gemm(m, n, b, -1, V, 0, b, 1, W, 0, n, 1, c, co, ld, 1); // C −= V W
}

/**
 * C := C (I − V T Vᵀ), or C (I − V Tᵀ Vᵀ) when `transpose`, for C the m×n
 * block (n = rows of V) at row r0, column c0. `W` needs m·b doubles.
 */
export function applyBlockRight(
  V: Float64Array, T: Float64Array, n: number, b: number, transpose: boolean,
  c: Float64Array, off: number, ld: number, r0: number, c0: number, m: number, W: Float64Array,
): void {
  if (n <= 0 || m <= 0 || b <= 0) return;
  const co = off + r0 * ld + c0;
  W.fill(0, 0, m * b);
  gemm(m, b, n, 1, c, co, ld, 1, V, 0, b, 1, W, 0, b, 1); // W = C V
  // W := W T (or W Tᵀ): Wᵀ := Tᵀ Wᵀ (or T Wᵀ), with Wᵀ seen through strides.
  for (let r = 0; r < m; r++) {
    const w = r * b;
    if (!transpose) {
      // (W T)[j] = Σ_{c≤j} W[c] T[c][j]; go from the last column so W[c] for c < j is still old.
      for (let j = b - 1; j >= 0; j--) {
        let s = 0;
        for (let q = 0; q <= j; q++) s += W[w + q] * T[q * b + j];
        W[w + j] = s;
      }
    } else {
      // (W Tᵀ)[j] = Σ_{c≥j} W[c] T[j][c]; go from the first column.
      for (let j = 0; j < b; j++) {
        let s = 0;
        for (let q = j; q < b; q++) s += W[w + q] * T[j * b + q];
        W[w + j] = s;
      }
    }
  }
  gemm(m, n, b, -1, W, 0, b, 1, V, 0, 1, b, c, co, ld, 1); // C −= W Vᵀ
}

/** W := T W (upper triangular T, b×b) or Tᵀ W, in place; W is b×n row-major. */
function triangularTimes(T: Float64Array, b: number, transpose: boolean, W: Float64Array, n: number): void {
  if (!transpose) {
    // row r of T W uses rows c ≥ r of W: ascending r leaves those untouched.
    for (let r = 0; r < b; r++) {
      const wr = r * n;
      const trr = T[r * b + r];
      for (let j = 0; j < n; j++) W[wr + j] *= trr;
      for (let c = r + 1; c < b; c++) {
        const t = T[r * b + c];
        if (t === 0) continue;
        const wc = c * n;
        for (let j = 0; j < n; j++) W[wr + j] += t * W[wc + j];
      }
    }
  } else {
    // row r of Tᵀ W uses rows c ≤ r: descending r.
    for (let r = b - 1; r >= 0; r--) {
      const wr = r * n;
      const trr = T[r * b + r];
      for (let j = 0; j < n; j++) W[wr + j] *= trr;
      for (let c = 0; c < r; c++) {
        const t = T[c * b + r];
        if (t === 0) continue;
        const wc = c * n;
        for (let j = 0; j < n; j++) W[wr + j] += t * W[wc + j];
      }
    }
  }
}
