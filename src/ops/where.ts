/**
 * `where(cond, x, y)`: elementwise selection with broadcasting, the primitive
 * through which masks (ReLU, clipping, `np.where(x > 0, x, 0)`) differentiate.
 */
import {
  allocate, asarray, bind, broadcastOperand, ValueError, broadcastShapes, definePrimitive, forEachRun, NDArray, resultType,
  type ArrayLike,
} from '../core';
import { ensureDType, operandType, toOperand } from './ufunc';
import { sumTo } from './reduce';
import { nonzero } from './indexing';

export const whereP = definePrimitive<undefined>({
  name: 'where',
  impl: ([cond, x, y]) => {
    const dtype = resultType(x.dtype, y.dtype);
    const shape = broadcastShapes(cond.shape, x.shape, y.shape);
    const xx = ensureDType(x, dtype);
    const yy = ensureDType(y, dtype);
    const out = new NDArray(allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape, dtype);
    const c = cond.data, xd = xx.data, yd = yy.data, od = out.data;
    const cplx = dtype === 'complex128' ? 1 : 0;
    const ops = [out, cond, xx, yy].map((a) => broadcastOperand(a, shape));
    const condComplex = cond.dtype === 'complex128';
    forEachRun(shape, ops, (n, o, s) => {
      let oi = o[0], ci = o[1], xi = o[2], yi = o[3];
      for (let i = 0; i < n; i++, oi += s[0], ci += s[1], xi += s[2], yi += s[3]) {
        const truth = condComplex ? c[2 * ci] !== 0 || c[2 * ci + 1] !== 0 : c[ci] !== 0;
        if (cplx) {
          od[2 * oi] = truth ? xd[2 * xi] : yd[2 * yi];
          od[2 * oi + 1] = truth ? xd[2 * xi + 1] : yd[2 * yi + 1];
        } else od[oi] = truth ? xd[xi] : yd[yi];
      }
    });
    return out;
  },
  vjp: (g, _out, [cond, x, y]) => [null, sumTo(where(cond, g, 0), x.shape), sumTo(where(cond, 0, g), y.shape)],
});

/**
 * Elements of `x` where `cond` is true, else of `y` (all three broadcast).
 * With only `cond`, the indices of its non-zero elements (`np.nonzero`).
 * @throws {ShapeError} when the operands do not broadcast.
 * @example np.where(np.array([true, false]), 1, 2)  // [1 2]
 */
export function where(cond: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(cond: ArrayLike): NDArray[];
export function where(cond: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(cond);
  if (x === undefined || y === undefined) throw new ValueError('either both or neither of x and y should be given');
  const dtype = resultType(operandType(x), operandType(y));
  return bind(whereP, [asarray(cond), toOperand(x, dtype), toOperand(y, dtype)], undefined);
}
