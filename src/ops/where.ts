/**
 * `where(cond, x, y)`: elementwise selection with broadcasting, the primitive
 * through which masks (ReLU, clipping, `np.where(x > 0, x, 0)`) differentiate.
 */
import {
  allocate, asarray, bind, broadcastOperand, broadcastShapes, castCopy, definePrimitive, NDArray, resultType, runsOf, ValueError,
  type ArrayLike, type TypedArray,
} from '../core';
import { ensureDType, operandType, toOperand } from './ufunc';
import { sumTo } from './reduce';
import { nonzero } from './indexing';

/** One run of a real selection: o = c ? x : y (c is a Uint8Array mask). */
function selectRun(
  n: number, o: TypedArray, oi: number, os: number, c: TypedArray, ci: number, cs: number,
  x: TypedArray, xi: number, xs: number, y: TypedArray, yi: number, ys: number,
): void {
  for (let i = 0; i < n; i++, oi += os, ci += cs, xi += xs, yi += ys) o[oi] = c[ci] !== 0 ? x[xi] : y[yi];
}

/** One run of a complex selection (interleaved storage). */
function selectComplexRun(
  n: number, o: TypedArray, oi: number, os: number, c: TypedArray, ci: number, cs: number,
  x: TypedArray, xi: number, xs: number, y: TypedArray, yi: number, ys: number,
): void {
  for (let i = 0; i < n; i++, oi += os, ci += cs, xi += xs, yi += ys) {
    const t = c[ci] !== 0;
    o[2 * oi] = t ? x[2 * xi] : y[2 * yi];
    o[2 * oi + 1] = t ? x[2 * xi + 1] : y[2 * yi + 1];
  }
}

export const whereP = definePrimitive<undefined>({
  name: 'where',
  impl: ([cond, x, y]) => {
    const dtype = resultType(x.dtype, y.dtype);
    const shape = broadcastShapes(cond.shape, x.shape, y.shape);
    const mask = cond.dtype === 'bool' ? cond : castCopy(cond, 'bool');
    const out = new NDArray(allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape, dtype);
    const ops = [out, mask, ensureDType(x, dtype), ensureDType(y, dtype)].map((a) => broadcastOperand(a, shape));
    const c = runsOf(shape, ops);
    if (c === null) return out;
    const run = dtype === 'complex128' ? selectComplexRun : selectRun;
    const [od, cd, xd, yd] = ops.map((o) => o.data);
    const o = c.offsets, s = c.steps;
    do run(c.n, od, o[0], s[0], cd, o[1], s[1], xd, o[2], s[2], yd, o[3], s[3]);
    while (c.next());
    return out;
  },
  vjp: (g, _out, [cond, x, y]) => [null, sumTo(where(cond, g, 0), x.shape), sumTo(where(cond, 0, g), y.shape)],
});

/**
 * Elements of `x` where `cond` is true, else of `y` (all three broadcast; the
 * result has the promoted dtype of `x` and `y`). With only `cond`, the indices
 * of its non-zero elements (`np.nonzero`).
 * @throws {ShapeError} when the operands do not broadcast.
 * @throws {ValueError} when only one of `x`, `y` is given.
 * @example np.where(np.array([true, false]), 1, 2)  // [1 2]
 */
export function where(cond: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(cond: ArrayLike): NDArray[];
export function where(cond: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(cond);
  if (x === undefined || y === undefined) throw new ValueError('either both or neither of x and y should be given');
  const dtype = resultType(operandType(x), operandType(y));
  return bind(whereP, [asarray(cond), toOperand(x, dtype, true), toOperand(y, dtype, true)], undefined);
}
