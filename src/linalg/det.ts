/**
 * Determinants from the LU factorisation: `det` and `slogdet`, for stacked
 * real and complex matrices, as differentiable primitives.
 *
 * Both come from the diagonal of U, as a product kept in range by powers of
 * two (NumPy sums logarithms instead, which costs an ulp or two: NumPy's
 * det([[1, 2], [3, 4]]) is -2.0000000000000004, ours -2).
 */
import { bind, definePrimitive, NDArray, ValueError, type ArrayLike, asarray } from '../core';
import { expandDims, multiply, swapaxes } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { arrayOf, assertStackedSquare, namedTuple, stackOf, toOut, toWork } from './batch';
import { cluFactor } from './luComplex';
import { luFactor } from './lu';
import { inv } from './inv';

/**
 * Sign and log|det| of every matrix of a stack: real sign in `sign[k]`, or a
 * complex phase in `sign[2k], sign[2k+1]`; a singular matrix gives sign 0 and
 * logabsdet -inf, as LAPACK-based NumPy does.
 */
function slogdetStack(a: NDArray): {
  sign: Float64Array; logdet: Float64Array; mants: Float64Array; exps: Float64Array; batch: readonly number[]; complex: boolean;
} {
  const s = stackOf(a);
  const n = s.n;
  const piv = new Int32Array(n);
  const sign = new Float64Array(s.complex ? 2 * s.count : s.count);
  const logdet = new Float64Array(s.count);
  const mants = new Float64Array(s.count);
  const exps = new Float64Array(s.count);
  for (let k = 0; k < s.count; k++) {
    const off = k * n * n;
    if (s.complex) cluFactor(s.data, off, n, piv);
    else luFactor(s.data, off, n, piv);
    let swaps = 0;
    for (let i = 0; i < n; i++) if (piv[i] !== i) swaps++;
    // |det| = mant · 2^exp, rescaled as it goes so that no partial product
    // overflows or underflows; one log at the end (more accurate than NumPy's
    // sum of logs: det([[1, 2], [3, 4]]) is -2 here, -2.0000000000000004 there).
    let sr = swaps % 2 === 0 ? 1 : -1, si = 0, mant = 1, exp = 0;
    for (let i = 0; i < n; i++) {
      const q = off + i * n + i;
      if (s.complex) {
        const re = s.data[2 * q], im = s.data[2 * q + 1];
        const abs = Math.hypot(re, im);
        const ur = re / abs, ui = im / abs; // sign *= u_ii / |u_ii|
        [sr, si] = [sr * ur - si * ui, sr * ui + si * ur];
        mant *= abs;
      } else {
        const u = s.data[q];
        if (u < 0) sr = -sr;
        mant *= Math.abs(u);
      }
      if ((mant > 2 ** 500 && mant < Infinity) || (mant < 2 ** -500 && mant > 0)) {
        const e = Math.floor(Math.log2(mant));
        mant = scale2(mant, -e);
        exp += e;
      }
    }
    if (mant === 0) {
      sr = 0;
      si = 0;
    }
    const ld = Math.log(mant) + exp * Math.LN2;
    if (s.complex) {
      sign[2 * k] = sr;
      sign[2 * k + 1] = si;
    } else sign[k] = sr;
    logdet[k] = ld;
    mants[k] = mant;
    exps[k] = exp;
  }
  return { sign, logdet, mants, exps, batch: s.batch, complex: s.complex };
}

/** det of each matrix of a `(..., M, M)` stack, in the input's working dtype. */
export const detP = definePrimitive<undefined>({
  name: 'det',
  impl: ([a]) => {
    const { sign, mants, exps, batch, complex } = slogdetStack(a);
    const out = new Float64Array(sign.length);
    for (let k = 0; k < mants.length; k++) {
      const m = scale2(mants[k], exps[k]);
      if (complex) {
        out[2 * k] = sign[2 * k] * m;
        out[2 * k + 1] = sign[2 * k + 1] * m;
      } else out[k] = sign[k] * m;
    }
    return arrayOf(out, batch, complex);
  },
  // d det(A) = det(A) tr(A⁻¹ dA), so Ā = ḡ det(A) A⁻ᵀ (Giles 2008, "An extended
  // collection of matrix derivative results", §2.2). Needs A nonsingular.
  vjp: (g, out, [a]) => [multiply(expandDims(multiply(g, out), [-1, -2]), swapaxes(inv(a), -1, -2))],
});

/** `[sign, logabsdet]` packed along a new last axis of length 2 (real input only). */
export const slogdetP = definePrimitive<undefined>({
  name: 'slogdet',
  impl: ([a]) => {
    const { sign, logdet, batch } = slogdetStack(a);
    const out = new Float64Array(2 * logdet.length);
    for (let k = 0; k < logdet.length; k++) {
      out[2 * k] = sign[k];
      out[2 * k + 1] = logdet[k];
    }
    return arrayOf(out, [...batch, 2]);
  },
  // sign is piecewise constant; d log|det A| = tr(A⁻¹ dA), so Ā = ḡ A⁻ᵀ (Giles 2008, §2.2).
  vjp: (g, _out, [a]) => [multiply(expandDims(g.get('...', 1), [-1, -2]), swapaxes(inv(a), -1, -2))],
});

/**
 * Determinant of a square matrix, or of each matrix of a stack.
 * @param a `(..., M, M)` real or complex.
 * @returns a number (a `Complex` for complex input) for one matrix; an array
 * of shape `(...)` for a stack. float32 input gives float32, as NumPy.
 * @throws {LinAlgError} "Last 2 dimensions of the array must be square"; fewer than 2 dimensions.
 * @example
 * np.linalg.det([[1, 2], [3, 4]])   // -2 (NumPy: -2.0000000000000004, from a sum of logarithms)
 * np.linalg.det(np.zeros([3, 2, 2])) // [0. 0. 0.]
 */
export function det(a: number[][]): number;
export function det(a: ArrayLike): any;
export function det(a: ArrayLike): any {
  const x = asarray(a);
  assertStackedSquare(x);
  return scalarOrArray(toOut(bind(detP, [toWork(x)], undefined), x.dtype));
}

/** NumPy's `SlogdetResult(sign, logabsdet)`. */
export type SlogdetResult<T = any> = [sign: T, logabsdet: T] & { sign: T; logabsdet: T };

/**
 * Sign and natural log of the absolute determinant, without the overflow of
 * `det` for large matrices: `det = sign · exp(logabsdet)`. A singular matrix
 * gives sign 0 and logabsdet -Infinity. For complex input `sign` is a complex
 * number of modulus 1.
 * @param a `(..., M, M)`.
 * @returns `[sign, logabsdet]`, also as `.sign` and `.logabsdet` (numbers for one matrix, arrays `(...)` for a stack).
 * @throws {LinAlgError} for non-square or 1-D input.
 * @example
 * const { sign, logabsdet } = np.linalg.slogdet([[1, 2], [3, 4]]);
 * // sign = -1, logabsdet = 0.6931471805599453
 */
export function slogdet(a: ArrayLike): SlogdetResult {
  const x = asarray(a);
  assertStackedSquare(x);
  const w = toWork(x);
  if (w.dtype === 'complex128') {
    if (w.isTraced()) throw new ValueError('slogdet: derivatives of complex determinants are not supported');
    const { sign, logdet, batch } = slogdetStack(w);
    const s = scalarOrArray(arrayOf(sign, batch, true));
    const l = scalarOrArray(arrayOf(logdet, batch));
    return namedTuple([s, l] as [any, any], { sign: s, logabsdet: l });
  }
  const packed = toOut(bind(slogdetP, [w], undefined), x.dtype);
  const s = scalarOrArray(packed.get('...', 0));
  const l = scalarOrArray(packed.get('...', 1));
  return namedTuple([s, l] as [any, any], { sign: s, logabsdet: l });
}

/** m · 2^e without intermediate overflow (e may exceed the exponent range of one power). */
function scale2(m: number, e: number): number {
  while (e > 1000) {
    m *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    m *= 2 ** -1000;
    e += 1000;
  }
  return m * Math.pow(2, e);
}
