/**
 * numpy.average: the (weighted) mean along axes, written with ops so that it
 * differentiates in both the data and the weights.
 */
import { asarray, NDArray, normalizeAxes, resultType, TypeError_, ValueError, type ArrayLike, type Axis, type DType } from '../../core';
import { any, astype, broadcastTo, divide, equal, mean, multiply, reshape, sum, transpose } from '../../ops';

/** Options of {@link average}. */
export interface AverageOptions {
  /** Axis or axes to average over; all elements when omitted. */
  axis?: Axis;
  /** Weights: the shape of `a`, or (when `axis` is given) the shape of `a` along those axes. */
  weights?: ArrayLike | null;
  /** Also return the sum of the weights (NumPy's `returned=True`). */
  returned?: boolean;
  /** Keep the reduced axes as size-1 dimensions. */
  keepdims?: boolean;
}

/** `[average, sumOfWeights]`, NumPy's `returned=True` pair. */
export type AverageResult = [NDArray | number, NDArray | number];

/**
 * The weights as an array that broadcasts against `a` (NumPy's
 * _weights_are_valid): same shape, or the shape of `a` along `axis`, which is
 * then placed on those axes.
 * @throws {TypeError} "Axis must be specified when shapes of a and weights differ."
 * @throws {ValueError} "Shape of weights must be consistent with shape of a along specified axis."
 */
export function weightsAlong(a: NDArray, weights: ArrayLike, axis: Axis | null): NDArray {
  const w = asarray(weights);
  const same = w.ndim === a.ndim && w.shape.every((s, i) => s === a.shape[i]);
  if (same) return w;
  if (axis === null || axis === undefined) throw new TypeError_('Axis must be specified when shapes of a and weights differ.');
  const axes = (typeof axis === 'number' ? [axis] : [...axis]).map((ax) => normalizeAxes(ax, a.ndim)[0]);
  const want = axes.map((ax) => a.shape[ax]);
  if (w.ndim !== want.length || w.shape.some((s, i) => s !== want[i])) {
    throw new ValueError('Shape of weights must be consistent with shape of a along specified axis.');
  }
  // transpose by argsort(axis), then reshape onto a's axes
  const perm = axes.map((_, i) => i).sort((i, j) => axes[i] - axes[j]);
  const wt = transpose(w, perm);
  return reshape(wt, a.shape.map((s, d) => (axes.includes(d) ? s : 1)));
}

/**
 * The weighted average Σ a·w / Σ w along `axis` (numpy.average); the plain
 * mean without weights.
 * @param a `(...)` data.
 * @returns a number over all elements, else an array; `[avg, sumOfWeights]` with `returned`.
 * @throws {ValueError} "Weights sum to zero, can't be normalized" (NumPy: ZeroDivisionError), or inconsistent weight shapes.
 * @throws {TypeError} when the shapes differ and no axis is given.
 * @example average([1, 2, 3, 4], { weights: [4, 3, 2, 1] })  // 2
 * @example average([[1, 2], [3, 4]], { axis: 1, weights: [1, 3], returned: true })  // [[1.75 3.75], [4. 4.]]
 */
export function average(a: ArrayLike, opts: AverageOptions & { returned: true }): AverageResult;
export function average(a: ArrayLike, opts?: AverageOptions): NDArray | number;
export function average(a: ArrayLike, opts: AverageOptions = {}): NDArray | number | AverageResult {
  const x = asarray(a);
  const axis = opts.axis ?? null;
  const axes = normalizeAxes(axis, x.ndim);
  const keepdims = opts.keepdims ?? false;
  const red = { axis: axes, keepdims: true };
  const outShape = keepdims ? x.shape.map((s, d) => (axes.includes(d) ? 1 : s)) : x.shape.filter((_, d) => !axes.includes(d));
  let avg: NDArray;
  let scl: NDArray;
  if (opts.weights === undefined || opts.weights === null) {
    avg = asNd(mean(x, red));
    let count = 1;
    for (const d of axes) count *= x.shape[d];
    scl = broadcastTo(asarray(count, avg.dtype === 'complex128' ? 'float64' : avg.dtype), avg.shape);
  } else {
    const w = weightsAlong(x, opts.weights, axis);
    const isInt = x.dtype === 'bool' || x.dtype === 'uint8' || x.dtype === 'int32';
    const dt: DType = isInt ? resultType(x.dtype, w.dtype, 'float64') : resultType(x.dtype, w.dtype);
    scl = asNd(sum(astype(broadcastTo(w, x.shape), dt), red));
    if (any(equal(scl, 0))) throw new ValueError("Weights sum to zero, can't be normalized");
    avg = divide(asNd(sum(multiply(astype(x, dt), astype(w, dt)), red)), scl);
  }
  const value = finish(reshape(avg, outShape));
  if (!opts.returned) return value;
  return [value, finish(reshape(broadcastTo(scl, avg.shape), outShape))];
}

function asNd(r: NDArray | number): NDArray {
  return r instanceof NDArray ? r : asarray(r);
}

function finish(r: NDArray): NDArray | number {
  return r.ndim === 0 && !r.isTraced() ? (r.item() as number) : r;
}
