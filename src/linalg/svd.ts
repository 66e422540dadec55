/**
 * Singular value decomposition of stacked real matrices: `svd` (NumPy's
 * `fullMatrices`, `computeUv`, `hermitian`), as a differentiable primitive
 * for the reduced factorisation.
 */
import { asarray, bind, castCopy, definePrimitive, LinAlgError, NDArray, ValueError, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { add, divide, equal, expandDims, multiply, reshape, subtract, swapaxes, where } from '../ops';
import { allFinite, arrayOf, assertStacked2d, namedTuple, stackOf, toOut, toWork } from './batch';
import { svdMatrix } from './svdKernel';
import { eigh } from './eigh';

interface SvdParams {
  readonly computeUv: boolean;
}

/** U (..., m, uc), S (..., k), Vh (..., vr, n) of every matrix of a stack. */
export function svdStack(x: NDArray, computeUv: boolean, full: boolean): { U: NDArray | null; S: NDArray; Vh: NDArray | null } {
  const st = stackOf(x);
  if (st.complex) {
    if (computeUv) throw new ValueError('svd: singular vectors of complex matrices are not supported yet (values: computeUv: false)');
    return { U: null, S: complexSingularValues(st), Vh: null };
  }
  const { m, n, count, batch } = st;
  const k = Math.min(m, n);
  const uc = full ? m : k, vr = full ? n : k;
  const S = new Float64Array(count * k);
  const U = computeUv ? new Float64Array(count * m * uc) : null;
  const Vh = computeUv ? new Float64Array(count * vr * n) : null;
  for (let t = 0; t < count; t++) {
    const off = t * m * n;
    if (!allFinite(st.data.subarray(off, off + m * n))) throw new LinAlgError('SVD did not converge');
    const r = svdMatrix(st.data, off, m, n, computeUv, full);
    if (r === null) throw new LinAlgError('SVD did not converge');
    S.set(r.s, t * k);
    if (U) U.set(r.u!, t * m * uc);
    if (Vh) Vh.set(r.vt!, t * vr * n);
  }
  return {
    U: U ? arrayOf(U, [...batch, m, uc]) : null,
    S: arrayOf(S, [...batch, k]),
    Vh: Vh ? arrayOf(Vh, [...batch, vr, n]) : null,
  };
}

/**
 * Singular values of complex matrices from the real embedding
 * [[Re A, −Im A], [Im A, Re A]] (2m×2n), whose singular values are those of A,
 * each twice: every other one of the sorted list.
 */
function complexSingularValues(st: { data: Float64Array; batch: readonly number[]; count: number; m: number; n: number }): NDArray {
  const { m, n, count, batch, data } = st;
  const k = Math.min(m, n);
  const S = new Float64Array(count * k);
  const e = new Float64Array(4 * m * n);
  for (let t = 0; t < count; t++) {
    const off = t * m * n;
    if (!allFinite(data.subarray(2 * off, 2 * (off + m * n)))) throw new LinAlgError('SVD did not converge');
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      const re = data[2 * (off + i * n + j)], im = data[2 * (off + i * n + j) + 1];
      e[i * 2 * n + j] = re;
      e[i * 2 * n + n + j] = -im;
      e[(m + i) * 2 * n + j] = im;
      e[(m + i) * 2 * n + n + j] = re;
    }
    const r = svdMatrix(e, 0, 2 * m, 2 * n, false, false);
    if (r === null) throw new LinAlgError('SVD did not converge');
    for (let q = 0; q < k; q++) S[t * k + q] = r.s[2 * q];
  }
  return arrayOf(S, [...batch, k]);
}

/** 1/x with 0 where x = 0 (JAX's guard for zero singular values). */
function safeInverse(x: NDArray): NDArray {
  const zero = equal(x, 0);
  return where(zero, 0, divide(1, where(zero, 1, x)));
}

/**
 * The reduced SVD, packed along one last axis of length m·k + k + k·n as
 * [U.ravel(), S, Vh.ravel()] (or S alone without `computeUv`).
 */
export const svdP = definePrimitive<SvdParams>({
  name: 'svd',
  impl: ([a], { computeUv }) => {
    const { U, S, Vh } = svdStack(a, computeUv, false);
    if (!computeUv) return S;
    const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1], k = Math.min(m, n);
    const count = S.size / Math.max(k, 1);
    const w = m * k + k + k * n;
    const out = new Float64Array(count * w);
    for (let t = 0; t < count; t++) {
      out.set((U!.data as Float64Array).subarray(t * m * k, (t + 1) * m * k), t * w);
      out.set((S.data as Float64Array).subarray(t * k, (t + 1) * k), t * w + m * k);
      out.set((Vh!.data as Float64Array).subarray(t * k * n, (t + 1) * k * n), t * w + m * k + k);
    }
    return arrayOf(out, [...a.shape.slice(0, -2), w]);
  },
  // Townsend 2016, "Differentiating the singular value decomposition" (reduced
  // SVD, real case), with F_ij = 1/(s_j² − s_i²) off the diagonal:
  //   Ā = U [(F∘(UᵀŪ − ŪᵀU)) S + diag(S̄) + S (F∘(VᵀV̄ − V̄ᵀV))] Vᵀ
  //       + (I − UUᵀ) Ū S⁻¹ Vᵀ + U S⁻¹ V̄ᵀ (I − VVᵀ).
  // Repeated singular values make F infinite (the vectors are not differentiable
  // there); zero ones are guarded as in JAX.
  vjp: (g, out, [a], { computeUv }) => {
    const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1], k = Math.min(m, n);
    if (!computeUv) {
      // Ā = U diag(S̄) Vᵀ, with U, V from a full decomposition of A.
      const { U, Vh } = unpack(bind(svdP, [a], { computeUv: true }), m, n, k);
      return [matmul(multiply(U, expandDims(g, -2)), Vh)];
    }
    const { U, S, Vh } = unpack(out, m, n, k);
    const { U: gU, S: gS, Vh: gVh } = unpack(g, m, n, k);
    const V = swapaxes(Vh, -1, -2), gV = swapaxes(gVh, -1, -2), Ut = swapaxes(U, -1, -2);
    const sRow = expandDims(S, -2), sCol = expandDims(S, -1); // (..., 1, k) and (..., k, 1)
    const s2 = multiply(S, S);
    const diffs = subtract(expandDims(s2, -2), expandDims(s2, -1)); // [i][j] = s_j² − s_i²
    const F = safeInverse(diffs);
    const UtgU = matmul(Ut, gU);
    const VtgV = matmul(Vh, gV);
    const J = multiply(F, subtract(UtgU, swapaxes(UtgU, -1, -2)));
    const K = multiply(F, subtract(VtgV, swapaxes(VtgV, -1, -2)));
    const eye = identity(k);
    const inner = add(add(multiply(J, sRow), multiply(expandDims(gS, -1), eye)), multiply(sCol, K));
    let abar = matmul(U, matmul(inner, Vh));
    const sInv = safeInverse(S);
    if (m > k) abar = add(abar, matmul(multiply(subtract(gU, matmul(U, UtgU)), expandDims(sInv, -2)), Vh));
    if (n > k) abar = add(abar, matmul(U, multiply(expandDims(sInv, -1), subtract(gVh, matmul(matmul(gVh, V), Vh)))));
    return [abar];
  },
});

function identity(n: number): NDArray {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return arrayOf(d, [n, n]);
}

/** Splits a packed [U, S, Vh] array (last axis m·k + k + k·n). */
function unpack(p: NDArray, m: number, n: number, k: number): { U: NDArray; S: NDArray; Vh: NDArray } {
  const batch = p.shape.slice(0, -1);
  return {
    U: reshape(p.get('...', `:${m * k}`), [...batch, m, k]),
    S: p.get('...', `${m * k}:${m * k + k}`),
    Vh: reshape(p.get('...', `${m * k + k}:`), [...batch, k, n]),
  };
}

/** NumPy's `SVDResult(U, S, Vh)`. */
export type SVDResult = [U: NDArray, S: NDArray, Vh: NDArray] & { U: NDArray; S: NDArray; Vh: NDArray };

/** Options of {@link svd}. */
export interface SvdOptions {
  /** U (..., M, M) and Vh (..., N, N) when true (default), else U (..., M, K) and Vh (..., K, N), K = min(M, N). */
  fullMatrices?: boolean;
  /** Compute U and Vh (default true); when false only the singular values are returned. */
  computeUv?: boolean;
  /** `a` is real symmetric: computed from its eigendecomposition (faster), as NumPy does. */
  hermitian?: boolean;
}

/**
 * Singular value decomposition `a = U @ diag(S) @ Vh`: S descending and
 * nonnegative, U and Vh with orthonormal columns/rows. Each pair of singular
 * vectors is determined up to a common sign.
 * @param a `(..., M, N)` real; complex with `computeUv: false` (singular values only, for now).
 * @returns `[U, S, Vh]` (also `.U`, `.S`, `.Vh`), or S `(..., K)` alone with `computeUv: false`.
 * @throws {LinAlgError} "SVD did not converge" (also for NaN or infinite input); fewer than 2 dimensions.
 * @example
 * const { S } = np.linalg.svd([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
 * // S = [1.68481034e+01 1.06836951e+00 3.43655258e-16]  (the last is rounding noise: A is singular)
 */
export function svd(a: ArrayLike, opts: SvdOptions & { computeUv: false }): NDArray;
export function svd(a: ArrayLike, opts?: SvdOptions): SVDResult;
export function svd(a: ArrayLike, opts: SvdOptions = {}): SVDResult | NDArray {
  const full = opts.fullMatrices ?? true;
  const computeUv = opts.computeUv ?? true;
  const x = asarray(a);
  assertStacked2d(x);
  const w = toWork(x);
  const m = x.shape[x.ndim - 2], n = x.shape[x.ndim - 1], k = Math.min(m, n);
  if (opts.hermitian && !w.isTraced()) return hermitianSvd(w, computeUv, x);
  if (w.isTraced()) {
    if (computeUv && full && m !== n) throw new ValueError('svd: derivatives need fullMatrices: false for non-square input (the extra columns are not unique)');
    if (!computeUv) return toOut(bind(svdP, [w], { computeUv: false }), x.dtype);
    const parts = unpack(bind(svdP, [w], { computeUv: true }), m, n, k);
    return namedTuple([parts.U, parts.S, parts.Vh] as [NDArray, NDArray, NDArray], parts);
  }
  const { U, S, Vh } = svdStack(w, computeUv, full);
  if (!computeUv) return toOut(S, x.dtype);
  const r = [toOut(U!, x.dtype), toOut(S, x.dtype), toOut(Vh!, x.dtype)] as [NDArray, NDArray, NDArray];
  return namedTuple(r, { U: r[0], S: r[1], Vh: r[2] });
}

/**
 * NumPy's `hermitian=True` path: from A = V Λ Vᵀ, S = |Λ| sorted descending,
 * U = V (reordered), Vh = (V · sign(Λ))ᵀ.
 */
function hermitianSvd(w: NDArray, computeUv: boolean, x: NDArray): SVDResult | NDArray {
  if (x.shape[x.ndim - 1] !== x.shape[x.ndim - 2]) throw new LinAlgError('Last 2 dimensions of the array must be square');
  const { eigenvalues, eigenvectors } = eigh(w);
  const n = w.shape[w.ndim - 1];
  const count = eigenvalues.size / Math.max(n, 1);
  const complex = w.dtype === 'complex128', c = complex ? 2 : 1;
  // eigh's results are views into one packed buffer: read them through contiguous copies
  const ev = castCopy(eigenvalues, 'float64').data as Float64Array;
  const vec = castCopy(eigenvectors, complex ? 'complex128' : 'float64').data as Float64Array;
  const S = new Float64Array(count * n), U = new Float64Array(c * count * n * n), Vh = new Float64Array(c * count * n * n);
  const order = new Array<number>(n);
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < n; i++) order[i] = i;
    // descending |λ|, stable (NumPy: argsort(s)[..., ::-1] on |λ|)
    order.sort((p, q) => Math.abs(ev[t * n + q]) - Math.abs(ev[t * n + p]) || q - p);
    for (let j = 0; j < n; j++) {
      const src = order[j], lam = ev[t * n + src];
      S[t * n + j] = Math.abs(lam);
      const sg = lam < 0 ? -1 : 1;
      // U's column j is v_src; Vh's row j is (sign(λ) v_src)ᴴ
      for (let i = 0; i < n; i++) {
        const from = c * (t * n * n + i * n + src), u = c * (t * n * n + i * n + j), vh = c * (t * n * n + j * n + i);
        U[u] = vec[from];
        Vh[vh] = vec[from] * sg;
        if (complex) {
          U[u + 1] = vec[from + 1];
          Vh[vh + 1] = -vec[from + 1] * sg;
        }
      }
    }
  }
  const batch = w.shape.slice(0, -2);
  const s = toOut(arrayOf(S, [...batch, n]), x.dtype === 'complex128' ? 'float64' : x.dtype);
  if (!computeUv) return s;
  const r = [toOut(arrayOf(U, w.shape, complex), x.dtype), s, toOut(arrayOf(Vh, w.shape, complex), x.dtype)] as [NDArray, NDArray, NDArray];
  return namedTuple(r, { U: r[0], S: r[1], Vh: r[2] });
}

