/**
 * Reductions along axes: sum, prod, max, min, all, any (primitives), and
 * mean, var, std built from them. Summation uses NumPy's pairwise algorithm
 * over contiguous runs and NumPy's iteration order otherwise, so results
 * agree with NumPy to the last bit on the common paths.
 */
import {
  allocate, asarray, bind, concrete, contiguousStrides, definePrimitive, DTypeError, forEachRun,
  NDArray, normalizeAxes, nonDifferentiable, ValueError, type ArrayLike, type Axis, type DType, type FullReduceOptions,
  type ReduceOptions, type FullVarOptions, type VarOptions, type Operand, type TypedArray,
} from '../core';
import { broadcastTo, reshape } from './movement';
import { add, divide, multiply, subtract } from './binary';
import { equal } from './compare';
import { sqrt, square } from './unary';
import { where } from './where';
import { assignInto, ensureDType, prepareOut } from './ufunc';
import { real, imag } from './complexParts';

/** Parameters of a reduction primitive. */
export interface ReduceParams {
  /** Sorted, normalised axes to reduce. */
  readonly axes: readonly number[];
  readonly keepdims: boolean;
  readonly dtype?: DType;
  readonly out?: NDArray;
}

/** NumPy's pairwise summation of `n` values from `i` with stride `s` (numpy/_core/src/umath/loops_utils.h.src). */
export function pairwiseSum(a: TypedArray, i: number, n: number, s: number): number {
  if (n < 8) {
    let res = 0;
    for (let k = 0; k < n; k++, i += s) res += a[i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[i], r1 = a[i + s], r2 = a[i + 2 * s], r3 = a[i + 3 * s];
    let r4 = a[i + 4 * s], r5 = a[i + 5 * s], r6 = a[i + 6 * s], r7 = a[i + 7 * s];
    const m = n - (n % 8);
    let k = 8;
    for (let p = i + 8 * s; k < m; k += 8, p += 8 * s) {
      r0 += a[p]; r1 += a[p + s]; r2 += a[p + 2 * s]; r3 += a[p + 3 * s];
      r4 += a[p + 4 * s]; r5 += a[p + 5 * s]; r6 += a[p + 6 * s]; r7 += a[p + 7 * s];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (let p = i + k * s; k < n; k++, p += s) res += a[p];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, i, n2, s) + pairwiseSum(a, i + n2 * s, n - n2, s);
}

type Kind = 'sum' | 'prod' | 'max' | 'min' | 'all' | 'any';

/** The shape after reducing `axes` (kept as 1 with keepdims). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (!axes.includes(d)) out.push(shape[d]);
    else if (keepdims) out.push(1);
  }
  return out;
}

/**
 * Reduces real data into a Float64Array accumulator with the output's kept
 * shape. The iteration runs over the input in C order with output strides 0
 * on reduced axes: an innermost reduced run is folded in one call (pairwise for
 * sums), an innermost kept run accumulates elementwise (NumPy's order).
 */
function reduceReal(x: NDArray, axes: readonly number[], kind: Kind): Float64Array {
  const keptShape = reducedShape(x.shape, axes, false);
  let n = 1;
  for (const d of keptShape) n *= d;
  const init = kind === 'sum' || kind === 'any' ? 0 : kind === 'prod' || kind === 'all' ? 1 : kind === 'max' ? -Infinity : Infinity;
  const acc = new Float64Array(n).fill(init);
  const keptStrides = contiguousStrides(keptShape);
  const outStrides: number[] = [];
  for (let d = 0, k = 0; d < x.ndim; d++) outStrides.push(axes.includes(d) ? 0 : keptStrides[k++]);
  const outOp: Operand = { data: acc, strides: outStrides, offset: 0 };
  const xd = x.data;
  forEachRun(x.shape, [outOp, x], (len, o, s) => {
    let oi = o[0], xi = o[1];
    const os = s[0], xs = s[1];
    if (os === 0) {
      acc[oi] = foldRun(kind, acc[oi], xd, xi, len, xs);
      return;
    }
    switch (kind) {
      case 'sum':
        for (let i = 0; i < len; i++, oi += os, xi += xs) acc[oi] += xd[xi];
        break;
      case 'prod':
        for (let i = 0; i < len; i++, oi += os, xi += xs) acc[oi] *= xd[xi];
        break;
      case 'max':
        for (let i = 0; i < len; i++, oi += os, xi += xs) {
          const v = xd[xi], m = acc[oi];
          if (!(m >= v) && m === m) acc[oi] = v; // NaN is sticky
        }
        break;
      case 'min':
        for (let i = 0; i < len; i++, oi += os, xi += xs) {
          const v = xd[xi], m = acc[oi];
          if (!(m <= v) && m === m) acc[oi] = v;
        }
        break;
      case 'all':
        for (let i = 0; i < len; i++, oi += os, xi += xs) if (xd[xi] === 0) acc[oi] = 0;
        break;
      case 'any':
        for (let i = 0; i < len; i++, oi += os, xi += xs) if (xd[xi] !== 0) acc[oi] = 1; // NaN is truthy
        break;
    }
  });
  return acc;
}

/** Folds one innermost reduced run into an accumulator value. */
function foldRun(kind: Kind, start: number, a: TypedArray, i: number, n: number, s: number): number {
  switch (kind) {
    case 'sum':
      return start + pairwiseSum(a, i, n, s);
    case 'prod': {
      let r = start;
      for (let k = 0; k < n; k++, i += s) r *= a[i];
      return r;
    }
    case 'max': {
      let m = start;
      for (let k = 0; k < n; k++, i += s) {
        const v = a[i];
        if (!(m >= v)) {
          m = v;
          if (v !== v) return NaN;
        }
      }
      return m;
    }
    case 'min': {
      let m = start;
      for (let k = 0; k < n; k++, i += s) {
        const v = a[i];
        if (!(m <= v)) {
          m = v;
          if (v !== v) return NaN;
        }
      }
      return m;
    }
    case 'all': {
      for (let k = 0; k < n; k++, i += s) if (a[i] === 0) return 0;
      return start;
    }
    case 'any': {
      for (let k = 0; k < n; k++, i += s) if (a[i] !== 0) return 1;
      return start;
    }
  }
}

/** Complex sum/prod: real and imaginary parts accumulated side by side. */
function reduceComplex(x: NDArray, axes: readonly number[], kind: Kind): Float64Array {
  if (kind !== 'sum' && kind !== 'prod' && kind !== 'all' && kind !== 'any') {
    throw new DTypeError(`the reduction '${kind}' is not supported for complex128 arrays`);
  }
  if (kind === 'sum') {
    // Sum the re and im planes as two real reductions over stride-2 views of the same buffer.
    const re = reduceReal(new NDArray(x.data, x.shape, 'float64', x.strides.map((s) => 2 * s), 2 * x.offset), axes, 'sum');
    const im = reduceReal(new NDArray(x.data, x.shape, 'float64', x.strides.map((s) => 2 * s), 2 * x.offset + 1), axes, 'sum');
    const out = new Float64Array(2 * re.length);
    for (let i = 0; i < re.length; i++) {
      out[2 * i] = re[i];
      out[2 * i + 1] = im[i];
    }
    return out;
  }
  if (kind === 'all' || kind === 'any') {
    const nz = new NDArray(new Uint8Array(x.size), x.shape, 'bool');
    let k = 0;
    forEachRun(x.shape, [x], (n, o, s) => {
      for (let i = 0, p = o[0]; i < n; i++, p += s[0]) nz.data[k++] = x.data[2 * p] !== 0 || x.data[2 * p + 1] !== 0 ? 1 : 0;
    });
    return reduceReal(nz, axes, kind);
  }
  const keptShape = reducedShape(x.shape, axes, false);
  let n = 1;
  for (const d of keptShape) n *= d;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) out[2 * i] = 1;
  const keptStrides = contiguousStrides(keptShape);
  const outStrides: number[] = [];
  for (let d = 0, k = 0; d < x.ndim; d++) outStrides.push(axes.includes(d) ? 0 : keptStrides[k++]);
  forEachRun(x.shape, [{ data: out, strides: outStrides, offset: 0 }, x], (len, o, s) => {
    let oi = o[0], xi = o[1];
    for (let i = 0; i < len; i++, oi += s[0], xi += s[1]) {
      const ar = out[2 * oi], ai = out[2 * oi + 1], br = x.data[2 * xi], bi = x.data[2 * xi + 1];
      out[2 * oi] = ar * br - ai * bi;
      out[2 * oi + 1] = ar * bi + ai * br;
    }
  });
  return out;
}

/** The accumulated result as an array of the result dtype, honouring keepdims and `out`. */
function finish(acc: Float64Array, x: NDArray, params: ReduceParams, dtype: DType, name: string): NDArray {
  const shape = reducedShape(x.shape, params.axes, params.keepdims);
  const n = dtype === 'complex128' ? acc.length / 2 : acc.length;
  let result: NDArray;
  if (dtype === 'float64' || dtype === 'complex128') result = new NDArray(acc, shape, dtype);
  else {
    const data = allocate(dtype, n);
    if (dtype === 'bool') for (let i = 0; i < n; i++) data[i] = acc[i] !== 0 ? 1 : 0;
    else data.set(acc);
    result = new NDArray(data, shape, dtype);
  }
  if (params.out === undefined) return result;
  const out = prepareOut(shape, dtype, params.out, name);
  assignInto(out, result);
  return out;
}

function sumDType(x: DType, requested?: DType): DType {
  if (requested !== undefined) return requested;
  return x === 'bool' || x === 'uint8' ? 'int32' : x;
}

function makeReduction(kind: Kind, name: string, dtypeRule: (x: DType, req?: DType) => DType,
  vjp: (g: NDArray, out: NDArray, x: NDArray, params: ReduceParams) => NDArray | null) {
  return definePrimitive<ReduceParams>({
    name,
    impl: ([x], params) => {
      const dtype = dtypeRule(x.dtype, params.dtype);
      if (x.size === 0 && (kind === 'max' || kind === 'min') && params.axes.some((a) => x.shape[a] === 0)) {
        throw new ValueError(`zero-size array to reduction operation ${kind === 'max' ? 'maximum' : 'minimum'} which has no identity`);
      }
      const src = params.dtype !== undefined && params.dtype !== x.dtype ? ensureDType(x, params.dtype) : x;
      const acc = src.dtype === 'complex128' ? reduceComplex(src, params.axes, kind) : reduceReal(src, params.axes, kind);
      return finish(acc, x, params, dtype, name);
    },
    vjp: (g, out, [x], params) => [vjp(g, out, x, params)],
  });
}

/** Broadcasts a reduced cotangent (or output) back over the reduced axes of `x`. */
export function expandReduced(g: NDArray, xShape: readonly number[], params: ReduceParams): NDArray {
  const kept = reducedShape(xShape, params.axes, true);
  return broadcastTo(reshape(g, kept), xShape);
}

export const sumP = makeReduction('sum', 'sum', sumDType, (g, _o, x, p) => expandReduced(g, x.shape, p));
export const prodP = makeReduction('prod', 'prod', sumDType, (g, out, x, p) =>
  // d prod / dx_i = prod / x_i (zeros handled by the where: exact only without repeated zeros, as JAX's simple rule)
  multiply(expandReduced(g, x.shape, p), divide(expandReduced(out, x.shape, p), where(equal(x, 0), 1, x))),
);
/** max/min: the cotangent flows to the elements equal to the result, split evenly among ties. */
const extremumVjp = (g: NDArray, out: NDArray, x: NDArray, p: ReduceParams): NDArray => {
  const hit = equal(x, expandReduced(out, x.shape, p));
  const count = expandReduced(sumP.impl([concrete(hit)], { axes: p.axes, keepdims: false }), x.shape, p);
  return where(hit, divide(expandReduced(g, x.shape, p), count), 0);
};
const sameDType = (x: DType, req?: DType): DType => req ?? x;
export const maxP = makeReduction('max', 'maximum', sameDType, extremumVjp);
export const minP = makeReduction('min', 'minimum', sameDType, extremumVjp);
export const allP = definePrimitive<ReduceParams>({ ...makeReduction('all', 'all', () => 'bool', () => null), vjp: nonDifferentiable });
export const anyP = definePrimitive<ReduceParams>({ ...makeReduction('any', 'any', () => 'bool', () => null), vjp: nonDifferentiable });

/** Normalises reduction options into primitive params. */
export function reduceParams(x: NDArray, opts: ReduceOptions = {}): ReduceParams {
  return { axes: normalizeAxes(opts.axis as Axis | undefined, x.ndim), keepdims: opts.keepdims ?? false, dtype: opts.dtype, out: opts.out };
}

/** A 0-d plain result becomes a JavaScript number (or Complex / boolean); anything else stays an array. */
export function scalarOrArray(r: NDArray): any {
  if (r.ndim !== 0 || r.isTraced()) return r;
  const v = r.item();
  return r.dtype === 'bool' ? v !== 0 : v;
}

function runReduce(p: typeof sumP, a: ArrayLike, opts?: ReduceOptions): any {
  const x = asarray(a);
  return scalarOrArray(bind(p, [x], reduceParams(x, opts)));
}

/**
 * Sum of elements over `axis` (all when omitted). A full reduction returns a
 * number. Pairwise summation, as NumPy.
 * @param a `(...)` input.
 * @throws {AxisError} for an axis out of range.
 * @example np.sum(np.array([[1, 2], [3, 4]]), { axis: 0 })  // [4 6]
 */
export function sum(a: ArrayLike, opts?: FullReduceOptions): number;
export function sum(a: ArrayLike, opts: ReduceOptions): NDArray;
export function sum(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return runReduce(sumP, a, opts);
}

/** Product of elements over `axis`. @example np.prod([1, 2, 3, 4])  // 24 */
export function prod(a: ArrayLike, opts?: FullReduceOptions): number;
export function prod(a: ArrayLike, opts: ReduceOptions): NDArray;
export function prod(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return runReduce(prodP, a, opts);
}

/**
 * Maximum over `axis`; NaN propagates.
 * @throws {ValueError} for an empty reduction ("zero-size array to reduction operation maximum which has no identity").
 * @example np.max([1, 5, 3])  // 5
 */
export function max(a: ArrayLike, opts?: FullReduceOptions): number;
export function max(a: ArrayLike, opts: ReduceOptions): NDArray;
export function max(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return runReduce(maxP, a, opts);
}

/** Minimum over `axis`; NaN propagates. @example np.min([1, 5, 3])  // 1 */
export function min(a: ArrayLike, opts?: FullReduceOptions): number;
export function min(a: ArrayLike, opts: ReduceOptions): NDArray;
export function min(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return runReduce(minP, a, opts);
}

/** Whether all elements are truthy. @example np.all([true, false])  // false */
export function all(a: ArrayLike, opts?: FullReduceOptions): boolean;
export function all(a: ArrayLike, opts: ReduceOptions): NDArray;
export function all(a: ArrayLike, opts?: ReduceOptions): boolean | NDArray {
  return runReduce(allP, a, opts);
}

/** Whether any element is truthy. @example np.any([true, false])  // true */
export function any(a: ArrayLike, opts?: FullReduceOptions): boolean;
export function any(a: ArrayLike, opts: ReduceOptions): NDArray;
export function any(a: ArrayLike, opts?: ReduceOptions): boolean | NDArray {
  return runReduce(anyP, a, opts);
}

/** How many elements each output element reduces. */
function reducedCount(x: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= x.shape[a];
  return n;
}

/**
 * Arithmetic mean over `axis` (NumPy: sum in float64 for integer input, then divide).
 * @example np.mean([1, 2, 3, 4])  // 2.5
 */
export function mean(a: ArrayLike, opts?: FullReduceOptions): number;
export function mean(a: ArrayLike, opts: ReduceOptions): NDArray;
export function mean(a: ArrayLike, opts: ReduceOptions = {}): number | NDArray {
  const x = asarray(a);
  const p = reduceParams(x, opts);
  const dtype = opts.dtype ?? (x.dtype === 'complex128' || x.dtype === 'float32' ? x.dtype : 'float64');
  const s = bind(sumP, [x], { ...p, dtype, out: undefined });
  const r = divide(s, reducedCount(x, p.axes), { out: opts.out });
  return scalarOrArray(r);
}

/**
 * Variance over `axis` with `ddof` (NumPy's two-pass algorithm:
 * `sum(|x - mean|²) / (N - ddof)`).
 * @example np.var([1, 2, 3, 4])  // 1.25
 */
function variance(a: ArrayLike, opts?: FullVarOptions): number;
function variance(a: ArrayLike, opts: VarOptions): NDArray;
function variance(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const x = asarray(a);
  const p = reduceParams(x, opts);
  const ddof = opts.ddof ?? 0;
  const n = reducedCount(x, p.axes);
  const m = mean(x, { axis: p.axes, keepdims: true, dtype: opts.dtype });
  const d = subtract(x, m);
  const sq = d.dtype === 'complex128' ? add(square(real(d)), square(imag(d))) : multiply(d, d);
  const s = bind(sumP, [sq], { ...p, out: undefined, dtype: undefined });
  return scalarOrArray(divide(s, Math.max(n - ddof, 0), { out: opts.out }));
}
export { variance as var };

/** Standard deviation: `sqrt(var)`. @example np.std([1, 2, 3, 4])  // 1.118033988749895 */
export function std(a: ArrayLike, opts?: FullVarOptions): number;
export function std(a: ArrayLike, opts: VarOptions): NDArray;
export function std(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const v = variance(a, { ...opts, out: undefined } as VarOptions);
  return scalarOrArray(sqrt(v, { out: opts.out }));
}

/**
 * Sums `g` down to `shape` (the inverse of broadcasting): over leading axes
 * and axes where `shape` has 1. Every binary op's VJP uses it.
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

