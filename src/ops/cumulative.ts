/**
 * Cumulative sums and products along one axis (NumPy's `add.accumulate` /
 * `multiply.accumulate`): sequential, the first element copied, so
 * `cumsum([-0.0])` is `[-0.]` and every partial result matches NumPy bit for
 * bit. With no axis the array is flattened in C order first. float32 input
 * accumulates in float32, bool and small ints in the default int, as NumPy.
 */
import {
  allocate, asarray, bind, castCopy, concrete, definePrimitive, NDArray, nonDifferentiable, normalizeAxis, runsOf, toDType,
  TypeError_, type ArrayLike, type DType, type Primitive, type TypedArray,
} from '../core';
import { reshape } from './movement';
import { divide, multiply } from './binary';
import { equal } from './compare';
import { assignInto, checkInt32, prepareOut } from './ufunc';
import { any } from './reduce';

interface CumParams {
  readonly axis: number;
  readonly kind: 'sum' | 'prod';
  readonly dtype: DType;
  readonly out?: NDArray;
}

/** Accumulates each lane along `axis` of a float64 (or complex) array into `res` (same shape, C order). */
function accumulate(x: NDArray, res: NDArray, axis: number, kind: 'sum' | 'prod', f32: boolean): void {
  const n = x.shape[axis];
  if (x.size === 0) return;
  const lanesShape = x.shape.filter((_, d) => d !== axis);
  const xs = x.strides[axis], rs = res.strides[axis];
  const lanes = runsOf(lanesShape, [
    { data: res.data, strides: res.strides.filter((_, d) => d !== axis), offset: res.offset },
    { data: x.data, strides: x.strides.filter((_, d) => d !== axis), offset: x.offset },
  ]);
  if (lanes === null) return;
  const od = res.data, xd = x.data, cplx = x.dtype === 'complex128';
  do {
    let ro = lanes.offsets[0], xo = lanes.offsets[1];
    for (let l = 0; l < lanes.n; l++, ro += lanes.steps[0], xo += lanes.steps[1]) {
      if (cplx) complexLane(od, ro, rs, xd, xo, xs, n, kind);
      else if (kind === 'sum') sumLane(od, ro, rs, xd, xo, xs, n, f32);
      else prodLane(od, ro, rs, xd, xo, xs, n, f32);
    }
  } while (lanes.next());
}

function sumLane(o: TypedArray, oi: number, os: number, a: TypedArray, ai: number, as: number, n: number, f32: boolean): void {
  let acc = a[ai];
  o[oi] = acc;
  for (let k = 1; k < n; k++) {
    oi += os;
    ai += as;
    acc = f32 ? Math.fround(acc + a[ai]) : acc + a[ai];
    o[oi] = acc;
  }
}

function prodLane(o: TypedArray, oi: number, os: number, a: TypedArray, ai: number, as: number, n: number, f32: boolean): void {
  let acc = a[ai];
  o[oi] = acc;
  for (let k = 1; k < n; k++) {
    oi += os;
    ai += as;
    acc = f32 ? Math.fround(acc * a[ai]) : acc * a[ai];
    o[oi] = acc;
  }
}

function complexLane(o: TypedArray, oi: number, os: number, a: TypedArray, ai: number, as: number, n: number, kind: 'sum' | 'prod'): void {
  let re = a[2 * ai], im = a[2 * ai + 1];
  o[2 * oi] = re;
  o[2 * oi + 1] = im;
  for (let k = 1; k < n; k++) {
    oi += os;
    ai += as;
    const br = a[2 * ai], bi = a[2 * ai + 1];
    if (kind === 'sum') {
      re += br;
      im += bi;
    } else [re, im] = [re * br - im * bi, re * bi + im * br];
    o[2 * oi] = re;
    o[2 * oi + 1] = im;
  }
}

/** Reverses an array along one axis (a view); its own adjoint. Used by the cumulative VJPs. */
export const reverseAxisP: Primitive<{ axis: number }> = definePrimitive<{ axis: number }>({
  name: 'reverse_axis',
  impl: ([x], { axis }) => {
    const n = x.shape[axis];
    const strides = x.strides.map((s, d) => (d === axis ? -s : s));
    const offset = n > 0 ? x.offset + (n - 1) * x.strides[axis] : x.offset;
    return new NDArray(x.data, x.shape, x.dtype, strides, offset, x.base ?? x);
  },
  vjp: (g, _out, _args, { axis }) => [bind(reverseAxisP, [g], { axis })],
});

const reverse = (x: NDArray, axis: number): NDArray => bind(reverseAxisP, [x], { axis });
const reverseCumsum = (g: NDArray, axis: number): NDArray =>
  reverse(bind(cumP, [reverse(g, axis)], { axis, kind: 'sum', dtype: g.dtype === 'complex128' ? 'complex128' : 'float64' }), axis);

/**
 * The exact cumprod cotangent, zeros included: dx_i = P_{i-1} S_i with
 * P_{i-1} = x_0 ⋯ x_{i-1} and S_i = g_i + x_{i+1} S_{i+1} (a reverse recurrence).
 * A constant to outer transforms (second derivatives at zeros are not followed).
 */
const cumprodGradAtZerosP = definePrimitive<{ axis: number }>({
  name: 'cumprod_grad',
  impl: ([g0, x0], { axis }) => {
    const g = castCopy(g0, 'float64'), x = castCopy(x0, 'float64');
    const res = new NDArray(new Float64Array(x.size), x.shape, 'float64');
    const n = x.shape[axis], st = res.strides[axis];
    const lanesShape = x.shape.filter((_, d) => d !== axis);
    const lanes = runsOf(lanesShape, [{ data: res.data, strides: res.strides.filter((_, d) => d !== axis), offset: 0 }]);
    if (lanes === null || n === 0) return res;
    const xd = x.data, gd = g.data, rd = res.data;
    do {
      for (let l = 0, b = lanes.offsets[0]; l < lanes.n; l++, b += lanes.steps[0]) {
        let s = 0;
        for (let k = n - 1; k >= 0; k--) {
          s = gd[b + k * st] + (k + 1 < n ? xd[b + (k + 1) * st] * s : 0);
          rd[b + k * st] = s; // S_k for now
        }
        let p = 1;
        for (let k = 0; k < n; k++) {
          rd[b + k * st] *= p;
          p *= xd[b + k * st];
        }
      }
    } while (lanes.next());
    return res;
  },
  vjp: nonDifferentiable,
});

export const cumP = definePrimitive<CumParams>({
  name: 'cumulative',
  impl: ([x], { axis, kind, dtype, out }) => {
    const compute: DType = dtype === 'complex128' ? 'complex128' : 'float64';
    const src = x.dtype === compute ? x : castCopy(x.dtype === 'complex128' ? x : castCopy(x, dtype), compute);
    const res = prepareOut(x.shape, dtype, out, kind === 'sum' ? 'add' : 'multiply');
    // Accumulate straight into the result when its storage is the compute storage and it is not the input.
    const direct = res.dtype === compute && res.data !== x.data;
    const tmp = direct ? res : new NDArray(allocate(compute, x.size), x.shape, compute);
    accumulate(src, tmp, axis, kind, dtype === 'float32');
    if (!direct) {
      if (res.dtype === 'int32') checkInt32(tmp, kind === 'sum' ? 'add.accumulate' : 'multiply.accumulate');
      assignInto(res, tmp);
    }
    return res;
  },
  vjp: (g, out, [x], { axis, kind }) => {
    if (kind === 'sum') return [reverseCumsum(g, axis)];
    // d out_j / d x_i = out_j / x_i (i ≤ j) when x has no zeros; the exact recurrence otherwise.
    if (!any(equal(concrete(x), 0))) return [divide(reverseCumsum(multiply(g, out), axis), x)];
    return [bind(cumprodGradAtZerosP, [g, x], { axis })];
  },
});

/** Options of {@link cumsum} and {@link cumprod}. */
export interface CumulativeOptions {
  /** Axis to accumulate along; omitted or null flattens first (C order). */
  axis?: number | null;
  /** Accumulator and result dtype. */
  dtype?: DType | string;
  /** Write the result here (the result's shape). */
  out?: NDArray;
}

function cumulative(a: ArrayLike, opts: CumulativeOptions | undefined, kind: 'sum' | 'prod'): NDArray {
  const o = opts ?? {};
  if (typeof o !== 'object' || o === null) throw new TypeError_(`options must be an object like { axis, dtype, out }, got ${String(o)}`);
  let x = asarray(a);
  if (o.axis !== undefined && o.axis !== null && typeof o.axis !== 'number') {
    throw new TypeError_(`'${Array.isArray(o.axis) ? 'tuple' : typeof o.axis}' object cannot be interpreted as an integer`);
  }
  let axis: number;
  if (o.axis === undefined || o.axis === null) {
    x = reshape(x, [-1]);
    axis = 0;
  } else axis = normalizeAxis(o.axis, Math.max(x.ndim, 1));
  if (x.ndim === 0) x = reshape(x, [1]);
  const dtype = o.dtype !== undefined ? toDType(o.dtype) : x.dtype === 'bool' || x.dtype === 'uint8' ? 'int32' : x.dtype;
  return bind(cumP, [x], { axis, kind, dtype, out: o.out });
}

/**
 * Cumulative sum along `axis` (flattened when omitted): `out[i] = a[0] + … + a[i]`,
 * added left to right as NumPy's `np.cumsum`.
 * @param a `(...)` input.
 * @param opts `axis` (one int or null), `dtype`, `out`.
 * @throws {AxisError} for an axis out of range; {@link TypeError} for a tuple axis.
 * @example np.cumsum([[1, 2], [3, 4]], { axis: 0 })  // [[1 2] [4 6]]
 */
export function cumsum(a: ArrayLike, opts?: CumulativeOptions): NDArray {
  return cumulative(a, opts, 'sum');
}

/**
 * Cumulative product along `axis` (flattened when omitted).
 * @param opts `axis` (one int or null), `dtype`, `out`.
 * @throws {AxisError} for an axis out of range; {@link TypeError} for a tuple axis.
 * @example np.cumprod([1, 2, 3, 4])  // [ 1  2  6 24]
 */
export function cumprod(a: ArrayLike, opts?: CumulativeOptions): NDArray {
  return cumulative(a, opts, 'prod');
}
