/**
 * Matrix products (interim naive kernel; the packed GEMM replaces it).
 */
import { allocate, asarray, bind, definePrimitive, NDArray, resultType, ShapeError, ValueError, type ArrayLike } from '../core';
import { transpose } from '../ops/movement';

export const matmul2dP = definePrimitive<undefined>({
  name: 'matmul',
  impl: ([a, b]) => {
    const [m, k] = a.shape;
    const [k2, n] = b.shape;
    if (k !== k2) throw new ShapeError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${k2} is different from ${k})`);
    const dtype = resultType(a.dtype, b.dtype);
    if (dtype === 'complex128') throw new ValueError('complex matmul is not implemented yet');
    const out = new NDArray(allocate(dtype, m * n), [m, n], dtype);
    const o = out.data, ad = a.data, bd = b.data;
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        const av = ad[a.offset + i * a.strides[0] + p * a.strides[1]];
        for (let j = 0; j < n; j++) o[i * n + j] += av * bd[b.offset + p * b.strides[0] + j * b.strides[1]];
      }
    return out;
  },
  vjp: (g, _out, [a, b]) => [matmul(g, transpose(b)), matmul(transpose(a), g)],
});

/** Matrix product of 2-D arrays (interim). */
export function matmul(a: ArrayLike, b: ArrayLike): NDArray {
  return bind(matmul2dP, [asarray(a), asarray(b)], undefined);
}
