/**
 * median, quantile and percentile with NumPy's semantics: all thirteen
 * `method`s of numpy.quantile (Hyndman & Fan 1996's nine and NumPy's four
 * discrete ones), `axis` (an int, a tuple, or all), `keepdims`, `weights`
 * with 'inverted_cdf', NaN slices giving NaN, and q's shape leading the result.
 *
 * The order statistics are found by sorting a concrete copy; the values are
 * then gathered from the input with `takeAlongAxis`, so the results are
 * differentiable (the gradient flows to the elements that were selected).
 */
import {
  asarray, concrete, DTypeError, NDArray, normalizeAxes, TypeError_, ValueError, type ArrayLike, type Axis,
} from '../../core';
import {
  add, argsort, ascontiguousarray, astype, broadcastTo, greaterEqual, isnan, moveaxis, multiply, reshape, subtract, take, takeAlongAxis,
  transpose, where,
} from '../../ops';
import { weightsAlong } from './average';
import { orderStatistics } from './select';

/** numpy.quantile's `method` names. */
export type QuantileMethod =
  | 'inverted_cdf' | 'averaged_inverted_cdf' | 'closest_observation' | 'interpolated_inverted_cdf' | 'hazen' | 'weibull'
  | 'linear' | 'median_unbiased' | 'normal_unbiased' | 'lower' | 'higher' | 'midpoint' | 'nearest';

/** Options of {@link quantile} and {@link percentile}. */
export interface QuantileOptions {
  /** Axis or axes along which to compute; all elements when omitted. */
  axis?: Axis;
  /** Estimation method (default 'linear', NumPy's default: type 7 of Hyndman & Fan). */
  method?: QuantileMethod;
  /** Keep the reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** Non-negative weights (same shape as `a`, or 1-d along a single `axis`); only with method 'inverted_cdf'. */
  weights?: ArrayLike;
}

/** Where one quantile falls among n sorted values: gather positions and the interpolation weight. */
interface Position {
  readonly lo: number;
  readonly hi: number;
  /** Weight of `hi`; `null` for methods that pick one element. */
  readonly gamma: number | null;
}

/** NumPy's `_compute_virtual_index`: n q + (α + q(1 - α - β)) - 1. */
function virtualIndex(n: number, q: number, alpha: number, beta: number): number {
  return n * q + (alpha + q * (1 - alpha - beta)) - 1;
}

/** Discrete methods: floor(index) where the condition holds on gamma, else the next index; clipped at 0. */
function discreteIndex(index: number, condition: (gamma: number, index: number) => boolean, n: number): number {
  const prev = Math.floor(index);
  const gamma = index - prev;
  const r = condition(gamma, index) ? prev : prev + 1;
  return Math.min(Math.max(r, 0), n - 1);
}

/** The position of quantile q in n sorted values for `method` (numpy/lib/_function_base_impl.py's table). */
function position(method: QuantileMethod, n: number, q: number): Position {
  const pick = (k: number): Position => ({ lo: k, hi: k, gamma: null });
  switch (method) {
    case 'inverted_cdf':
      return pick(discreteIndex(n * q - 1, (g) => g === 0, n));
    case 'closest_observation':
      return pick(discreteIndex(n * q - 1 - 0.5, (g, i) => g === 0 && Math.floor(i) % 2 === 1, n));
    case 'lower':
      return pick(Math.floor((n - 1) * q));
    case 'higher':
      return pick(Math.ceil((n - 1) * q));
    case 'nearest':
      return pick(roundHalfEven((n - 1) * q));
    default:
      break;
  }
  let v: number;
  switch (method) {
    case 'averaged_inverted_cdf':
    case 'linear':
      v = method === 'linear' ? (n - 1) * q : n * q - 1;
      break;
    case 'interpolated_inverted_cdf':
      v = virtualIndex(n, q, 0, 1);
      break;
    case 'hazen':
      v = virtualIndex(n, q, 0.5, 0.5);
      break;
    case 'weibull':
      v = virtualIndex(n, q, 0, 0);
      break;
    case 'median_unbiased':
      v = virtualIndex(n, q, 1 / 3, 1 / 3);
      break;
    case 'normal_unbiased':
      v = virtualIndex(n, q, 3 / 8, 3 / 8);
      break;
    case 'midpoint':
      v = 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q));
      break;
    default:
      throw new ValueError(`'${String(method)}' is not a valid method. Use one of: ${METHODS.join(', ')}`);
  }
  // NumPy's _get_indexes: clamp to the ends
  let lo = Math.floor(v);
  let hi = lo + 1;
  if (v >= n - 1) lo = hi = n - 1;
  if (v < 0) lo = hi = 0;
  let gamma = v - Math.floor(v);
  if (method === 'averaged_inverted_cdf') gamma = gamma === 0 ? 0.5 : 1;
  else if (method === 'midpoint') gamma = v % 1 === 0 ? 0 : 0.5;
  return { lo, hi, gamma };
}

const METHODS: readonly QuantileMethod[] = [
  'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull',
  'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest',
];

/** Python's round(): halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** `a` with the reduced axes moved to the end and merged into one, plus the shapes needed to restore. */
function gatherAxes(a: NDArray, axis: Axis | undefined): { x: NDArray; axes: number[]; keptShape: number[] } {
  const axes = normalizeAxes(axis ?? null, a.ndim);
  const rest: number[] = [];
  for (let d = 0; d < a.ndim; d++) if (!axes.includes(d)) rest.push(d);
  const moved = transpose(a, [...rest, ...axes]);
  let n = 1;
  for (const d of axes) n *= a.shape[d];
  const keptShape = a.shape.map((s, d) => (axes.includes(d) ? 1 : s));
  return { x: reshape(moved, [...rest.map((d) => a.shape[d]), n]), axes, keptShape };
}

/** The finished result: q's axes first, then the kept axes (size 1 with keepdims). */
function finish(r: NDArray, qShape: readonly number[], outShape: readonly number[]): NDArray | number {
  // r is (...rest, nq): move the quantile axis to the front
  const front = r.ndim > 1 ? moveaxis(r, -1, 0) : r;
  const out = reshape(front, [...qShape, ...outShape]);
  return out.ndim === 0 && !out.isTraced() ? (out.item() as number) : out;
}

/** Linear interpolation as NumPy's _lerp: a + (b-a)t, or b - (b-a)(1-t) for t ≥ ½ (exact at both ends). */
function lerp(a: NDArray, b: NDArray, t: NDArray): NDArray {
  const d = subtract(b, a);
  return where(greaterEqual(t, 0.5), subtract(b, multiply(d, subtract(1, t))), add(a, multiply(d, t)));
}

/** The lanes of a plain `(..., n)` array as one contiguous float64 copy (it is reordered in place by selection). */
function laneCopy(x: NDArray): Float64Array {
  const c = x.dtype === 'float64' && x.isContiguous ? x : astype(ascontiguousarray(x), 'float64');
  return Float64Array.from((c.data as Float64Array).subarray(c.offset, c.offset + x.size));
}

/**
 * The plain-array quantiles: `(..., nq)` values from the order statistics of
 * each lane (quickselect, no sort), combined with NumPy's lerp; NaN lanes give NaN.
 */
function plainQuantiles(a: NDArray, x: NDArray, pos: Position[]): NDArray {
  const n = x.shape[x.ndim - 1];
  const lanes = laneCopy(x);
  const count = lanes.length / n;
  const nq = pos.length;
  const discrete = pos.every((p) => p.gamma === null);
  const intOut = discrete && (a.dtype === 'int32' || a.dtype === 'uint8' || a.dtype === 'bool');
  const ks = [...new Set(pos.flatMap((p) => [p.lo, p.hi]))].sort((i, j) => i - j);
  const out = new Float64Array(count * nq);
  for (let l = 0; l < count; l++) {
    const stats = orderStatistics(lanes, l * n, n, ks);
    const at = (k: number): number => stats[ks.indexOf(k)];
    for (let j = 0; j < nq; j++) {
      const p = pos[j];
      const lo = at(p.lo);
      let v: number;
      if (p.gamma === null) v = lo;
      else {
        const hi = at(p.hi);
        const t = p.gamma;
        const d = hi - lo;
        v = t >= 0.5 ? hi - d * (1 - t) : lo + d * t;
      }
      out[l * nq + j] = v;
    }
  }
  const shape = [...x.shape.slice(0, -1), nq];
  const r = new NDArray(out, shape, 'float64');
  if (intOut) return astype(r, a.dtype === 'bool' ? 'int32' : a.dtype);
  return a.dtype === 'float32' ? astype(r, 'float32') : r;
}

function realData(a: ArrayLike, name: string): NDArray {
  const x = asarray(a);
  if (x.dtype === 'complex128') throw new TypeError_('a must be an array of real numbers');
  if (x.dtype === 'bool' && name !== 'median') throw new DTypeError(`${name}: boolean input is not supported`);
  return x;
}

function core(a: NDArray, qIn: ArrayLike, opts: QuantileOptions, percent: boolean): NDArray | number {
  const method = opts.method ?? 'linear';
  if (!METHODS.includes(method)) throw new ValueError(`'${String(method)}' is not a valid method. Use one of: ${METHODS.join(', ')}`);
  const qArr = asarray(qIn);
  if (qArr.dtype === 'complex128') throw new TypeError_('q must be real');
  if (qArr.ndim > 2) throw new ValueError('q must be a scalar or 1d');
  const qs = concrete(qArr).toArray().map((v) => (percent ? v / 100 : v));
  if (!qs.every((v) => v >= 0 && v <= 1)) {
    throw new ValueError(percent ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]');
  }
  const { x, keptShape, axes } = gatherAxes(a, opts.axis);
  const outShape = opts.keepdims ? keptShape : a.shape.filter((_, d) => !axes.includes(d));
  const n = x.shape[x.ndim - 1];
  if (n === 0) throw new ValueError('cannot compute a quantile of an empty slice');
  if (!x.isTraced() && opts.weights === undefined) return finish(plainQuantiles(a, x, qs.map((q) => position(method, n, q))), qArr.shape, outShape);
  const order = argsort(concrete(x), { axis: -1 });
  const sorted = takeAlongAxis(x, order, -1);
  const hasNaN = isnan(take(concrete(sorted), n - 1, { axis: -1 }) as NDArray); // NaN sorts last
  let r: NDArray;
  if (opts.weights !== undefined) {
    if (method !== 'inverted_cdf') throw new ValueError(`Only method 'inverted_cdf' supports weights. Got: ${method}.`);
    r = weightedInvertedCdf(a, x, order, sorted, qs, opts);
  } else {
    const pos = qs.map((q) => position(method, n, q));
    const lo = take(sorted, asarray(pos.map((p) => p.lo), 'int32'), { axis: -1 }) as NDArray;
    if (pos.every((p) => p.gamma === null)) r = lo;
    else {
      const hi = take(sorted, asarray(pos.map((p) => p.hi), 'int32'), { axis: -1 }) as NDArray;
      const t = asarray(pos.map((p) => p.gamma ?? 0));
      const ft = a.dtype === 'float32' ? 'float32' : 'float64';
      r = lerp(astype(lo, ft), astype(hi, ft), t);
    }
  }
  // a slice holding NaN gives NaN (only float results can hold it; integer input has none)
  if (r.dtype === 'float64' || r.dtype === 'float32') r = where(reshape(hasNaN, [...hasNaN.shape, 1]), NaN, r);
  return finish(r, qArr.shape, outShape);
}

/** NumPy's weighted 'inverted_cdf': the first sorted value whose normalised cumulative weight reaches q. */
function weightedInvertedCdf(a: NDArray, x: NDArray, order: NDArray, sorted: NDArray, qs: number[], opts: QuantileOptions): NDArray {
  const w0 = weightsAlong(a, opts.weights as ArrayLike, opts.axis ?? null);
  const wv = concrete(w0).toArray();
  if (wv.some((v) => v < 0)) throw new ValueError('Weights must be non-negative.');
  const w = gatherAxes(broadcastTo(w0, a.shape), opts.axis).x;
  const ws = concrete(takeAlongAxis(w, order, -1));
  const n = x.shape[x.ndim - 1];
  const lanes = ws.size / n;
  const wd = Float64Array.from(ws.toArray());
  const idx = new Int32Array(lanes * qs.length);
  const cdf = new Float64Array(n);
  for (let l = 0; l < lanes; l++) {
    let s = 0;
    for (let i = 0; i < n; i++) cdf[i] = s += wd[l * n + i];
    const total = cdf[n - 1];
    if (!(total > 0 && Number.isFinite(total))) throw new ValueError('Weights included NaN, inf or were all zero.');
    for (let i = 0; i < n; i++) cdf[i] = cdf[i] / total === 0 ? -1 : cdf[i] / total;
    qs.forEach((q, j) => {
      let k = 0;
      while (k < n && cdf[k] < q) k++; // searchsorted(cdf, q, 'left')
      idx[l * qs.length + j] = Math.min(k, n - 1);
    });
  }
  return takeAlongAxis(sorted, new NDArray(idx, [...sorted.shape.slice(0, -1), qs.length], 'int32'), -1);
}

/**
 * The q-th quantiles of `a` along `axis` (numpy.quantile).
 * @param a `(...)` real input.
 * @param q a probability or array of probabilities in [0, 1] (up to 2-d).
 * @returns `q.shape + reduced shape` (a number for a scalar q over all elements).
 * @throws {ValueError} for q outside [0, 1], an unknown method, weights with another method, or an empty slice.
 * @throws {TypeError} for complex input; {@link AxisError} for a bad axis.
 * @example quantile([1, 2, 3, 4], 0.25)  // 1.75
 * @example quantile([[10, 7, 4], [3, 2, 1]], [0.5], { axis: 1 })  // [[7. 2.]]
 */
export function quantile(a: ArrayLike, q: ArrayLike, opts: QuantileOptions = {}): NDArray | number {
  return core(realData(a, 'quantile'), q, opts, false);
}

/**
 * The q-th percentiles of `a` along `axis` (numpy.percentile): {@link quantile} with q/100.
 * @throws {ValueError} "Percentiles must be in the range [0, 100]".
 * @example percentile([1, 2, 3, 4], 50)  // 2.5
 */
export function percentile(a: ArrayLike, q: ArrayLike, opts: QuantileOptions = {}): NDArray | number {
  return core(realData(a, 'percentile'), q, opts, true);
}

/** Options of {@link median}. */
export interface MedianOptions {
  axis?: Axis;
  keepdims?: boolean;
}

/**
 * The median along `axis` (numpy.median): the middle value, or the mean of
 * the two middle values; NaN for a slice containing NaN.
 * @returns a number over all elements, else an array (NaN for an empty slice, as NumPy).
 * @throws {AxisError} for a bad axis.
 * @example median([[10, 7, 4], [3, 2, 1]])  // 3.5
 * @example median([[10, 7, 4], [3, 2, 1]], { axis: 0 })  // [6.5 4.5 2.5]
 */
export function median(a: ArrayLike, opts: MedianOptions = {}): NDArray | number {
  const arr = realData(a, 'median');
  const { x, keptShape, axes } = gatherAxes(arr, opts.axis);
  const outShape = opts.keepdims ? keptShape : arr.shape.filter((_, d) => !axes.includes(d));
  const n = x.shape[x.ndim - 1];
  if (n === 0) {
    // NumPy warns "Mean of empty slice" and returns NaN
    const nan = reshape(asarray(NaN), []);
    const out = outShape.length === 0 ? nan : broadcastTo(nan, outShape);
    return out.ndim === 0 ? NaN : astype(out, 'float64');
  }
  const h = n >> 1;
  if (!x.isTraced()) {
    // plain input: select the middle pair of each lane (no sort) and average it, as NumPy's mean of two
    const lanes = laneCopy(x);
    const count = lanes.length / n;
    const out = new Float64Array(count);
    const ks = n % 2 === 1 ? [h] : [h - 1, h];
    for (let l = 0; l < count; l++) {
      const m = orderStatistics(lanes, l * n, n, ks);
      out[l] = n % 2 === 1 ? m[0] : (m[0] + m[1]) * 0.5;
    }
    let r = new NDArray(out, outShape, 'float64');
    if (arr.dtype === 'float32') r = astype(r, 'float32');
    return r.ndim === 0 ? (r.item() as number) : r;
  }
  const sorted = takeAlongAxis(x, argsort(concrete(x), { axis: -1 }), -1);
  const pickIdx = n % 2 === 1 ? [h] : [h - 1, h];
  const mid = astype(take(sorted, asarray(pickIdx, 'int32'), { axis: -1 }) as NDArray, arr.dtype === 'float32' ? 'float32' : 'float64');
  // NumPy takes the mean of the middle two: (a + b)/2
  let r = n % 2 === 1 ? mid : multiply(add(take(mid, 0, { axis: -1 }) as NDArray, take(mid, 1, { axis: -1 }) as NDArray), 0.5);
  if (n % 2 === 1) r = reshape(r, r.shape.slice(0, -1));
  const hasNaN = isnan(take(concrete(sorted), n - 1, { axis: -1 }) as NDArray);
  r = where(hasNaN, NaN, r);
  const out = reshape(r, outShape);
  return out.ndim === 0 && !out.isTraced() ? (out.item() as number) : out;
}
