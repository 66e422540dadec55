/**
 * Reduction primitives along axes: sum, prod, max, min, nanmax/nanmin's
 * fmax/fmin folds, all, any, each with `axis` (int, negative, tuple),
 * `keepdims`, `dtype` and `out`; and `sumTo`, the un-broadcasting every
 * binary op's VJP uses. The kernels (NumPy's iteration order and pairwise
 * sums) live in reduceEngine.ts and pairwise.ts.
 */
import {
  allocate, asarray, bind, hasCanonicalStrides, castCopy, concrete, definePrimitive, NDArray, normalizeAxes, nonDifferentiable, toDType, TypeError_, ValueError,
  type ArrayLike, type Axis, type DType, type FullReduceOptions, type ReduceOptions,
} from '../core';
import { broadcastTo, reshape } from './movement';
import { divide, multiply } from './binary';
import { equal, logicalAnd } from './compare';
import { where } from './where';
import { assignInto, checkInt32, prepareOut } from './ufunc';
import { complexTruth, plainExtremum, plainSum, reduceComplex, reduceComplexExtremum, reducedShape, reduceReal, type ReduceKind } from './reduceEngine';

export { reducedShape } from './reduceEngine';
export { pairwiseSum } from './pairwise';

/** Parameters of a reduction primitive. */
export interface ReduceParams {
  /** Sorted, normalised axes to reduce. */
  readonly axes: readonly number[];
  readonly keepdims: boolean;
  readonly dtype?: DType;
  readonly out?: NDArray;
}

const UFUNC_NAME: Record<ReduceKind, string> = {
  sum: 'add', sum32: 'add', prod: 'multiply', prod32: 'multiply', max: 'maximum', min: 'minimum', fmax: 'fmax', fmin: 'fmin', all: 'logical_and', any: 'logical_or',
};

const UFUNC_NAME_OF = (name: string): string => `${name}.reduce`;

/** The accumulated result as an array of the result dtype, honouring keepdims and `out`. */
function finish(acc: Float64Array, x: NDArray, params: ReduceParams, dtype: DType, name: string): NDArray {
  const shape = reducedShape(x.shape, params.axes, params.keepdims);
  let result: NDArray;
  if (dtype === 'float64' || dtype === 'complex128') result = new NDArray(acc, shape, dtype);
  else {
    const n = acc.length;
    const data = allocate(dtype, n);
    if (dtype === 'bool') for (let i = 0; i < n; i++) data[i] = acc[i] !== 0 ? 1 : 0;
    else {
      if (dtype === 'int32') checkInt32(new NDArray(acc, [n], 'float64'), UFUNC_NAME_OF(name));
      data.set(acc);
    }
    result = new NDArray(data, shape, dtype);
  }
  if (params.out === undefined) return result;
  const out = prepareOut(shape, dtype, params.out, name);
  assignInto(out, result);
  return out;
}

/** sum/prod: bool and small ints accumulate in the default int (NumPy's int64, our int32). */
function sumDType(x: DType, requested?: DType): DType {
  if (requested !== undefined) return requested;
  return x === 'bool' || x === 'uint8' ? 'int32' : x;
}
const sameDType = (x: DType, req?: DType): DType => req ?? x;

/** Runs a reduction kernel on concrete input. */
function reduceImpl(kind: ReduceKind, x: NDArray, params: ReduceParams, dtype: DType): Float64Array {
  const name = UFUNC_NAME[kind];
  if (kind !== 'sum' && kind !== 'prod' && kind !== 'all' && kind !== 'any' && params.axes.some((a) => x.shape[a] === 0)) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  // NumPy converts the input to the loop dtype through its buffers, which changes the order of a sum.
  const cast = x.dtype !== dtype && (kind === 'sum' || kind === 'prod');
  // The dtype option casts the input first (np.sum(floats, dtype=int) sums truncated values).
  let src = params.dtype !== undefined && params.dtype !== x.dtype ? castCopy(x, params.dtype) : x;
  if (src.dtype === 'complex128') {
    if (kind === 'all' || kind === 'any') return reduceReal(complexTruth(src), params.axes, kind);
    if (kind === 'sum' || kind === 'prod') return reduceComplex(src, params.axes, kind, cast);
    return reduceComplexExtremum(src, params.axes, kind);
  }
  // float32 sums and products work in float32 as NumPy's do; every other kernel reads float64 (monomorphic loops).
  if (src.dtype === 'float32' && dtype === 'float32' && (kind === 'sum' || kind === 'prod')) {
    return reduceReal(src, params.axes, kind === 'sum' ? 'sum32' : 'prod32', cast);
  }
  if (src.dtype !== 'float64') src = castCopy(src, 'float64');
  // A full sum of C-ordered values needs no planning (inside reduceReal this branch cost its axis sums ~40%).
  if (kind === 'sum' && !cast && params.axes.length === src.ndim && hasCanonicalStrides(src.shape, src.strides)) return Float64Array.of(plainSum(src));
  return reduceReal(src, params.axes, kind, cast);
}

function makeReduction(
  kind: ReduceKind,
  dtypeRule: (x: DType, req?: DType) => DType,
  vjp: ((g: NDArray, out: NDArray, x: NDArray, params: ReduceParams) => NDArray | null) | 'none',
) {
  return definePrimitive<ReduceParams>({
    name: UFUNC_NAME[kind],
    impl: ([x], params) => {
      const dtype = dtypeRule(x.dtype, params.dtype);
      return finish(reduceImpl(kind, x, params, dtype), x, params, dtype, UFUNC_NAME[kind]);
    },
    vjp: vjp === 'none' ? nonDifferentiable : (g, out, [x], params) => [vjp(g, out, x, params)],
  });
}

/** Broadcasts a reduced cotangent (or output) back over the reduced axes of `x`. */
export function expandReduced(g: NDArray, xShape: readonly number[], params: { axes: readonly number[] }): NDArray {
  const kept = reducedShape(xShape, params.axes, true);
  return broadcastTo(reshape(g, kept), xShape);
}

export const sumP = makeReduction('sum', sumDType, (g, _o, x, p) => expandReduced(g, x.shape, p));

/**
 * d prod / dx_i is the product of the other elements of x_i's lane: out/x_i
 * when the lane has no zero; the product of the non-zeros for the one zero of
 * a lane with exactly one; 0 otherwise. Written with public ops, so it has
 * derivatives of its own.
 */
export const prodP = makeReduction('prod', sumDType, (g, _out, x, p) => {
  const isZero = equal(x, 0);
  const safe = where(isZero, 1, x);
  const zeros = expandReduced(bind(sumP, [isZero], { axes: p.axes, keepdims: false, dtype: 'int32' }), x.shape, p);
  const nonzeroProd = expandReduced(bind(prodP, [safe], { axes: p.axes, keepdims: false }), x.shape, p);
  const others = where(equal(zeros, 0), divide(nonzeroProd, safe), where(logicalAnd(isZero, equal(zeros, 1)), nonzeroProd, 0));
  return multiply(expandReduced(g, x.shape, p), others);
});

/** max/min (and nanmax/nanmin): the cotangent flows to the elements equal to the result, split evenly among ties. */
export const extremumVjp = (g: NDArray, out: NDArray, x: NDArray, p: ReduceParams): NDArray => {
  const hit = equal(x, expandReduced(out, x.shape, p));
  const count = expandReduced(sumP.impl([concrete(hit)], { axes: p.axes, keepdims: false }), x.shape, p);
  return where(hit, divide(expandReduced(g, x.shape, p), count), 0);
};
export const maxP = makeReduction('max', sameDType, extremumVjp);
export const minP = makeReduction('min', sameDType, extremumVjp);
export const fmaxReduceP = makeReduction('fmax', sameDType, extremumVjp);
export const fminReduceP = makeReduction('fmin', sameDType, extremumVjp);
export const allP = makeReduction('all', () => 'bool', 'none');
export const anyP = makeReduction('any', () => 'bool', 'none');

/**
 * Normalises reduction options into primitive params. `zeroDAxis0`: accept
 * axis 0/-1 on a 0-d array as NumPy's ufunc reductions do.
 * @throws {AxisError} for an axis out of range; {@link ValueError} for a repeated axis;
 * {@link TypeError} for options that are not an object.
 */
export function reduceParams(x: NDArray, opts: ReduceOptions = {}, zeroDAxis0 = true): ReduceParams {
  if (typeof opts !== 'object' || opts === null) throw new TypeError_(`options must be an object like { axis, keepdims, dtype, out }, got ${String(opts)}`);
  const dtype = opts.dtype === undefined ? undefined : toDType(opts.dtype);
  // NumPy's ufunc reductions accept axis 0 (or -1) for a 0-d array and reduce nothing (mean/var/std do not).
  const axis = zeroDAxis0 && x.ndim === 0 && opts.axis !== undefined && opts.axis !== null ? zeroDAxis(opts.axis as Axis) : (opts.axis as Axis | undefined);
  return { axes: normalizeAxes(axis, x.ndim), keepdims: opts.keepdims ?? false, dtype, out: opts.out };
}

function zeroDAxis(axis: Axis): Axis {
  const list = typeof axis === 'number' ? [axis] : (axis as readonly number[]);
  return list.every((a) => a === 0 || a === -1) ? [] : axis;
}

/** A 0-d plain result becomes a JavaScript number (or Complex / boolean); anything else stays an array. */
export function scalarOrArray(r: NDArray): any {
  if (r.ndim !== 0 || r.isTraced()) return r;
  const v = r.item();
  return r.dtype === 'bool' ? v !== 0 : v;
}

/**
 * Whether `a` is an untraced float64 NDArray with C-order strides: then a full
 * sum without options is {@link plainSum} (what the primitive would compute,
 * without its option parsing, planning and 0-d result).
 */
export function isPlainFloat64(a: ArrayLike): a is NDArray {
  return a instanceof NDArray && a.dtype === 'float64' && !a.isTraced() && hasCanonicalStrides(a.shape, a.strides);
}

/** Applies a reduction primitive with the usual options; full reductions of plain arrays return a number. */
export function runReduce(p: typeof sumP, a: ArrayLike, opts?: ReduceOptions): any {
  const x = asarray(a);
  return scalarOrArray(bind(p, [x], reduceParams(x, opts)));
}

/**
 * Sum of elements over `axis` (all when omitted), by NumPy's pairwise
 * algorithm in NumPy's order (the result agrees with `np.sum` bit for bit).
 * Bool and integer input sum as integers. A full reduction returns a number.
 * @param a `(...)` input.
 * @param opts `axis` (int, negative, or list), `keepdims`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.sum(np.array([[1, 2], [3, 4]]), { axis: 0 })  // [4 6]
 */
export function sum(a: ArrayLike, opts?: FullReduceOptions): number;
export function sum(a: ArrayLike, opts: ReduceOptions): NDArray;
export function sum(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  if (opts === undefined && isPlainFloat64(a)) return plainSum(a);
  return runReduce(sumP, a, opts);
}

/**
 * Product of elements over `axis` (1 for an empty reduction).
 * @throws {AxisError} for an axis out of range.
 * @example np.prod([1, 2, 3, 4])  // 24
 */
export function prod(a: ArrayLike, opts?: FullReduceOptions): number;
export function prod(a: ArrayLike, opts: ReduceOptions): NDArray;
export function prod(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return runReduce(prodP, a, opts);
}

/**
 * Maximum over `axis`; NaN propagates (see {@link nanmax} to skip it).
 * @throws {ValueError} for an empty reduction ("zero-size array to reduction operation maximum which has no identity").
 * @throws {AxisError} for an axis out of range.
 * @example np.max([1, 5, 3])  // 5
 */
export function max(a: ArrayLike, opts?: FullReduceOptions): number;
export function max(a: ArrayLike, opts: ReduceOptions): NDArray;
export function max(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  if (opts === undefined && isPlainFloat64(a) && a.size > 0) return plainExtremum(a, true);
  return runReduce(maxP, a, opts);
}

/**
 * Minimum over `axis`; NaN propagates.
 * @throws {ValueError} for an empty reduction. {@link AxisError} for an axis out of range.
 * @example np.min([1, 5, 3])  // 1
 */
export function min(a: ArrayLike, opts?: FullReduceOptions): number;
export function min(a: ArrayLike, opts: ReduceOptions): NDArray;
export function min(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  if (opts === undefined && isPlainFloat64(a) && a.size > 0) return plainExtremum(a, false);
  return runReduce(minP, a, opts);
}

/** NumPy's `np.amax`, the same as {@link max}. @example np.amax([[1, 2], [3, 0]])  // 3 */
export const amax = max;
/** NumPy's `np.amin`, the same as {@link min}. @example np.amin([[1, 2], [3, 0]])  // 0 */
export const amin = min;

/**
 * Whether all elements over `axis` are truthy (NaN is truthy); true for an empty reduction.
 * @throws {AxisError} for an axis out of range.
 * @example np.all([true, false])  // false
 */
export function all(a: ArrayLike, opts?: FullReduceOptions): boolean;
export function all(a: ArrayLike, opts: ReduceOptions): NDArray;
export function all(a: ArrayLike, opts?: ReduceOptions): boolean | NDArray {
  return runReduce(allP, a, opts);
}

/**
 * Whether any element over `axis` is truthy; false for an empty reduction.
 * @throws {AxisError} for an axis out of range.
 * @example np.any([true, false])  // true
 */
export function any(a: ArrayLike, opts?: FullReduceOptions): boolean;
export function any(a: ArrayLike, opts: ReduceOptions): NDArray;
export function any(a: ArrayLike, opts?: ReduceOptions): boolean | NDArray {
  return runReduce(anyP, a, opts);
}

/**
 * Sums `g` down to `shape` (the inverse of broadcasting): over leading axes
 * and axes where `shape` has 1. Every binary op's VJP uses it.
 * @example sumTo(np.ones([2, 3]), [1, 3])  // [[2. 2. 2.]]
 */
export function sumTo(g: NDArray | null, shape: readonly number[]): NDArray | null {
  if (g === null) return null;
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  const lead = g.ndim - shape.length;
  const axes: number[] = [];
  for (let d = 0; d < g.ndim; d++) if (d < lead || (shape[d - lead] === 1 && g.shape[d] !== 1)) axes.push(d);
  const s = bind(sumP, [g], { axes, keepdims: false });
  return reshape(s, shape);
}
