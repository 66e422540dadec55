/**
 * Matrix inverse of stacked real or complex matrices through the LU
 * factorisation, as a differentiable primitive.
 *
 * NumPy's `inv` solves A X = I with LAPACK's dgesv; we do the same (LU, then
 * forward and back substitution on the permuted identity), so small integer
 * examples round exactly as NumPy's do.
 */
import { asarray, bind, definePrimitive, LinAlgError, NDArray, type ArrayLike } from '../core';
import { matmul } from '../tensor';
import { negative, swapaxes } from '../ops';
import { arrayOf, assertStackedSquare, stackOf, toOut, toWork } from './batch';
import { cluFactor, cluSolve } from './luComplex';
import { luFactor, luSolve } from './lu';

/**
 * Inverts every matrix of a `(..., n, n)` stack; a singular one throws, or with
 * `nanIfSingular` gives a matrix of NaN (what NumPy's `cond` sees with errors ignored).
 * @throws {LinAlgError} "Singular matrix"
 */
export function invStack(a: NDArray, nanIfSingular = false): NDArray {
  const s = stackOf(a);
  const n = s.n;
  const piv = new Int32Array(n);
  const out = new Float64Array(s.data.length);
  const nn = n * n;
  for (let k = 0; k < s.count; k++) {
    const off = k * nn;
    const info = s.complex ? cluFactor(s.data, off, n, piv) : luFactor(s.data, off, n, piv);
    if (info !== 0) {
      if (!nanIfSingular) throw new LinAlgError('Singular matrix');
      out.fill(NaN, (s.complex ? 2 : 1) * off, (s.complex ? 2 : 1) * (off + nn));
      continue;
    }
    if (s.complex) {
      for (let i = 0; i < n; i++) out[2 * (off + i * n + i)] = 1;
      cluSolve(s.data, off, n, piv, out, off, n);
    } else {
      for (let i = 0; i < n; i++) out[off + i * n + i] = 1;
      luSolve(s.data, off, n, piv, out, off, n);
    }
  }
  return arrayOf(out, a.shape, s.complex);
}

/** A⁻¹ for each matrix of a stack. */
export const invP = definePrimitive<undefined>({
  name: 'inv',
  impl: ([a]) => invStack(a),
  // d(A⁻¹) = −A⁻¹ dA A⁻¹, so Ā = −A⁻ᵀ Ḡ A⁻ᵀ (Giles 2008, "An extended collection
  // of matrix derivative results", §2.2.3).
  vjp: (g, out) => {
    const t = swapaxes(out, -1, -2);
    return [negative(matmul(t, matmul(g, t)))];
  },
});

/**
 * Inverse of a square matrix, or of each matrix of a stack.
 * @param a `(..., M, M)` real or complex; integer input gives float64, float32 gives float32.
 * @returns `(..., M, M)` with `a @ inv(a) ≈ I`.
 * @throws {LinAlgError} "Singular matrix" when an exact zero pivot appears;
 * "Last 2 dimensions of the array must be square"; fewer than 2 dimensions.
 * @example
 * np.linalg.inv([[2, 1], [5, 3]])
 * // [[ 3. -1.]
 * //  [-5.  2.]]
 */
export function inv(a: ArrayLike): NDArray {
  const x = asarray(a);
  assertStackedSquare(x);
  return toOut(bind(invP, [toWork(x)], undefined), x.dtype);
}
