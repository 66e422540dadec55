/**
 * Linear systems A X = B for stacked square A (LAPACK's dgesv: LU with partial
 * pivoting, then substitution), as a differentiable primitive.
 */
import {
  asarray, bind, broadcastShapes, castCopy, definePrimitive, LinAlgError, NDArray, promoteTypes, shapeText, ShapeError,
  ValueError, type ArrayLike, type Primitive,
} from '../core';
import { matmul } from '../tensor';
import { astype, broadcastTo, expandDims, negative, squeeze, swapaxes } from '../ops';
import { arrayOf, assertStackedSquare, outDType, stackOf, workDType } from './batch';
import { cluFactor, cluSolve } from './luComplex';
import { luFactor, luSolve } from './lu';

/** X with A X = B for `a` (..., n, n) and `b` (..., n, k) of the same batch shape and dtype. */
function solveStack(a: NDArray, b: NDArray): NDArray {
  const s = stackOf(a);
  const n = s.n;
  const k = b.shape[b.ndim - 1];
  const x = castCopy(b, s.complex ? 'complex128' : 'float64');
  const piv = new Int32Array(n);
  for (let t = 0; t < s.count; t++) {
    const info = s.complex ? cluFactor(s.data, t * n * n, n, piv) : luFactor(s.data, t * n * n, n, piv);
    if (info !== 0) throw new LinAlgError('Singular matrix');
    if (s.complex) cluSolve(s.data, t * n * n, n, piv, x.data as Float64Array, t * n * k, k);
    else luSolve(s.data, t * n * n, n, piv, x.data as Float64Array, t * n * k, k);
  }
  return arrayOf(x.data as Float64Array, b.shape, s.complex);
}

/** Solves each system of a stack; `a` (..., n, n) and `b` (..., n, k) share batch shape and dtype. */
export const solveP: Primitive<undefined> = definePrimitive<undefined>({
  name: 'solve',
  impl: ([a, b]) => solveStack(a, b),
  // X = A⁻¹B: B̄ = A⁻ᵀ X̄ and Ā = −B̄ Xᵀ (Giles 2008, "An extended collection of
  // matrix derivative results", §2.3.1).
  vjp: (g, out, [a]) => {
    const gb = bind(solveP, [swapaxes(a, -1, -2), g], undefined);
    return [negative(matmul(gb, swapaxes(out, -1, -2))), gb];
  },
});

/**
 * Solves `a @ x = b` for `x` (NumPy 2 semantics: `b` is a vector only when it
 * is 1-D; otherwise its last two axes are a matrix of right-hand sides). Batch
 * dimensions broadcast.
 * @param a `(..., M, M)`.
 * @param b `(M,)` or `(..., M, K)`.
 * @returns `(..., M)` or `(..., M, K)`; dtype float64 (complex128 if either is complex, float32 if both are float32).
 * @throws {LinAlgError} "Singular matrix"; "Last 2 dimensions of the array must be square".
 * @throws {ValueError} when `b`'s rows do not match `a`, or the batch shapes do not broadcast.
 * @example
 * np.linalg.solve([[2, 1], [1, 3]], [5, 5])  // [2. 1.]
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const A = asarray(a);
  const B = asarray(b);
  assertStackedSquare(A);
  const m = A.shape[A.ndim - 1];
  const vec = B.ndim === 1;
  if (B.ndim === 0) throw new ValueError('solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (m,m),(m)->(m) requires 1)');
  const rows = vec ? B.shape[0] : B.shape[B.ndim - 2];
  if (rows !== m) {
    const sig = vec ? 'solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)' : 'solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)';
    throw new ValueError(`${sig} (size ${rows} is different from ${m})`);
  }
  const dtype = promoteTypes(A.dtype, B.dtype);
  const work = workDType(dtype);
  const B2 = vec ? expandDims(B, -1) : B;
  const k = B2.shape[B2.ndim - 1];
  let batch: number[];
  try {
    batch = broadcastShapes(A.shape.slice(0, -2), B2.shape.slice(0, -2));
  } catch {
    throw new ShapeError(`solve: batch dimensions ${shapeText(A.shape.slice(0, -2))} and ${shapeText(B2.shape.slice(0, -2))} could not be broadcast together`);
  }
  const toW = (x: NDArray): NDArray => (x.dtype === work ? x : astype(x, work));
  const Ab = broadcastTo(toW(A), [...batch, m, m]);
  const Bb = broadcastTo(toW(B2), [...batch, m, k]);
  let x = bind(solveP, [Ab, Bb], undefined);
  if (vec) x = squeeze(x, -1);
  return outDType(dtype) === 'float32' ? astype(x, 'float32') : x;
}
