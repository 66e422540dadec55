/**
 * logsumexp, softmax and logSoftmax (SciPy's scipy.special functions),
 * composed of primitives so that they differentiate (the shift by the
 * maximum is a constant to autodiff: it cancels in the derivative).
 */
import {
  asarray, broadcastShapes, concrete, DTypeError, NDArray, normalizeAxes, type ArrayLike, type Axis,
} from '../../core';
import { abs, add, broadcastTo, divide, equal, exp, isfinite, less, log, log1p, max, multiply, negative, reshape, sign, subtract, sum, where } from '../../ops';
import { reducedShape } from '../../ops/internal';

/** Options of {@link logsumexp}. */
export interface LogsumexpOptions {
  /** Axis or axes to reduce; all when omitted. */
  axis?: Axis;
  /** Weights b (broadcast against `a`, may be negative): log Σ b·e^a. */
  b?: ArrayLike;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** Return `[value, sign]` (log|Σ b e^a| and the sign of the sum) instead of NaN for negative sums. */
  returnSign?: boolean;
}

/** The result of {@link logsumexp} with `returnSign`. */
export type LogsumexpSigned<T> = [T, T] & { 0: T; 1: T };

function realInput(a: NDArray, name: string): NDArray {
  if (a.dtype === 'complex128') throw new DTypeError(`${name}: complex input is not supported in numts`);
  return a;
}

/** A 0-d plain result as a number. */
function finish(r: NDArray): NDArray | number {
  return r.ndim === 0 && !r.isTraced() ? (r.item() as number) : r;
}

/**
 * log Σ b·exp(a) over `axis`, computed stably as SciPy 1.17 does: the largest
 * term is split off so that log1p keeps the rest (logsumexp([0, -50]) is
 * 1.9e-22, not 0). Elements with weight b = 0 contribute nothing even if
 * infinite or NaN. A negative sum gives NaN unless `returnSign`.
 * Differentiable in `a` and `b` (d/da = softmax).
 * @param a `(...)` input; reduced over `axis` (all axes when omitted).
 * @returns a number for a full reduction, else an array; `[value, sign]` with `returnSign`.
 * @throws {AxisError} for an axis out of range; `ShapeError` when `b` does not broadcast.
 * @example logsumexp([1, 2, 3])  // 3.40760596444438
 * @example logsumexp([1, 2], { b: [1, -1], returnSign: true })  // [1.5413248546129181, -1]
 */
export function logsumexp(a: ArrayLike, opts: LogsumexpOptions & { returnSign: true }): LogsumexpSigned<NDArray | number>;
export function logsumexp(a: ArrayLike, opts?: LogsumexpOptions): NDArray | number;
export function logsumexp(a: ArrayLike, opts: LogsumexpOptions = {}): NDArray | number | LogsumexpSigned<NDArray | number> {
  let x = realInput(asarray(a), 'logsumexp');
  let w: NDArray | null = opts.b === undefined ? null : realInput(asarray(opts.b), 'logsumexp');
  if (w !== null) {
    const shape = broadcastShapes(x.shape, w.shape);
    x = broadcastTo(x, shape);
    w = broadcastTo(w, shape);
  }
  if (x.ndim === 0) {
    x = reshape(x, [1]);
    if (w !== null) w = reshape(w, [1]);
  }
  const axes = normalizeAxes(opts.axis ?? null, x.ndim);
  const keepdims = opts.keepdims ?? false;
  const outShape = reducedShape(x.shape, axes, keepdims);
  const reduce = (v: NDArray): NDArray => sum(v, { axis: axes, keepdims: true }) as NDArray;
  if (x.size === 0) {
    const r = reshape(add(reduce(x), -Infinity), outShape);
    return opts.returnSign ? (Object.assign([finish(r), finish(sign(r))]) as LogsumexpSigned<NDArray | number>) : finish(r);
  }
  // weight 0 removes a term, whatever a is there
  if (w !== null) x = where(equal(w, 0), -Infinity, x);
  // The shift: the maximum as a constant (finite, else 0), and which elements attain it.
  const cx = concrete(x);
  const rawMax = max(cx, { axis: axes, keepdims: true }) as NDArray;
  const shift = where(isfinite(rawMax), rawMax, 0);
  const atMax = equal(cx, broadcastTo(rawMax, x.shape));
  const t = exp(subtract(x, shift));
  const terms = w === null ? t : multiply(w, t);
  const m = reduce(where(atMax, terms, 0)); // the largest terms (b at the argmax positions)
  const rest = reduce(where(atMax, 0, terms));
  const s = where(equal(rest, 0), rest, divide(rest, where(equal(m, 0), 1, m)));
  let sgn = multiply(sign(add(s, 1)), sign(m));
  const sFolded = where(less(s, -1), subtract(negative(s), 2), s);
  let out = add(add(log1p(sFolded), log(abs(m))), shift);
  // Where that is not finite (infinite inputs, all weights zero), use the direct formula on the values.
  const direct = concrete(w === null ? exp(cx) : multiply(concrete(w), exp(cx)));
  const directSum = reduce(direct);
  const directOut = log(opts.returnSign ? abs(directSum) : directSum);
  const ok = isfinite(concrete(out));
  out = where(ok, out, directOut);
  sgn = where(ok, sgn, sign(directSum));
  if (!opts.returnSign) out = where(less(sgn, 0), NaN, out);
  const value = finish(reshape(out, outShape));
  if (!opts.returnSign) return value;
  const sg = finish(reshape(sgn, outShape));
  return Object.assign([value, sg]) as LogsumexpSigned<NDArray | number>;
}

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** Axis or axes the distribution runs along; all elements when omitted (SciPy's default). */
  axis?: Axis;
}

/** x minus its maximum along the axes (the maximum a constant, 0 where not finite). */
function shifted(x: NDArray, axes: number[]): NDArray {
  const m = max(concrete(x), { axis: axes, keepdims: true }) as NDArray;
  return subtract(x, where(isfinite(m), m, 0));
}

/**
 * softmax(x) = exp(x) / Σ exp(x) along `axis` (SciPy's softmax: all elements
 * when `axis` is omitted), shifted by the maximum so it never overflows.
 * Differentiable (the Jacobian diag(s) - s sᵀ).
 * @param x `(...)` real input.
 * @returns an array of x's shape whose slices along `axis` sum to 1.
 * @throws {AxisError} for an axis out of range.
 * @example softmax([1, 2, 3])  // [0.09003057 0.24472847 0.66524096]
 */
export function softmax(x: ArrayLike, opts: SoftmaxOptions = {}): NDArray {
  const a = realInput(asarray(x), 'softmax');
  const axes = normalizeAxes(opts.axis ?? null, a.ndim);
  const e = exp(shifted(a, axes));
  return divide(e, sum(e, { axis: axes, keepdims: true }) as NDArray);
}

/**
 * log softmax(x) = x - logsumexp(x) along `axis`, accurate where softmax
 * underflows (logSoftmax([1000, 1]) = [0, -999]).
 * @example logSoftmax([1000, 1])  // [   0. -999.]
 * @throws {AxisError} for an axis out of range.
 */
export function logSoftmax(x: ArrayLike, opts: SoftmaxOptions = {}): NDArray {
  const a = realInput(asarray(x), 'logSoftmax');
  const axes = normalizeAxes(opts.axis ?? null, a.ndim);
  const t = shifted(a, axes);
  return subtract(t, log(sum(exp(t), { axis: axes, keepdims: true }) as NDArray));
}
