/**
 * Information theory: entropy (scipy.stats.entropy's semantics), KL
 * divergence, cross-entropy, binary cross-entropy (the book's clipped loss),
 * and the mutual information of a joint probability table. All work along an
 * axis, accept batches, and are written with ops, so they differentiate.
 */
import { asarray, broadcastShapes, DTypeError, NDArray, normalizeAxis, ShapeError, ValueError, type ArrayLike } from '../core';
import {
  add, broadcastTo, divide, equal, greater, greaterEqual, less, log, logicalAnd, maximum, mean, minimum, multiply, negative, subtract, sum,
  where,
} from '../ops';
import { logExpit } from './special/logistic';
import { xlogy } from './special/xlogy';

/** Options of the information measures. */
export interface InformationOptions {
  /** The logarithm base (e for nats when omitted; 2 for bits). */
  base?: number | null;
  /** The axis along which each distribution lies (default 0, as scipy.stats.entropy). */
  axis?: number;
  /** Keep the reduced axis as size 1. */
  keepdims?: boolean;
}

/** Options of {@link entropy}. */
export interface EntropyOptions extends InformationOptions {
  /** A second distribution: the result is then the relative entropy D(pk ‖ qk). */
  qk?: ArrayLike | null;
}

function real(x: ArrayLike, what: string): NDArray {
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new DTypeError(`${what} must be real`);
  return a.dtype === 'float64' || a.dtype === 'float32' ? a : a.astype('float64');
}

function checkBase(base: number | null | undefined): number | null {
  if (base === undefined || base === null) return null;
  if (!(base > 0)) throw new ValueError('`base` must be a positive number or `None`.');
  return base;
}

/** scipy.special.entr: -x log x, 0 at 0, -∞ for x < 0. */
function entr(p: NDArray): NDArray {
  return where(less(p, 0), -Infinity, negative(xlogy(p, p)));
}

/** scipy.special.rel_entr: x log(x/y) for x, y > 0; 0 for x = 0, y ≥ 0; ∞ otherwise. */
function relEntr(p: NDArray, q: NDArray): NDArray {
  const both = logicalAnd(greater(p, 0), greater(q, 0));
  const ratio = divide(p, where(both, q, 1));
  return where(both, xlogy(p, ratio), where(logicalAnd(equal(p, 0), greaterEqual(q, 0)), 0, Infinity));
}

/** The sum along `axis`, scaled to `base`, as a number when 0-d. */
function total(v: NDArray, axis: number, opts: InformationOptions): NDArray | number {
  let s = sum(v, { axis, keepdims: opts.keepdims ?? false }) as NDArray | number;
  const base = checkBase(opts.base);
  if (base !== null) s = divide(s, Math.log(base));
  if (typeof s === 'number') return s;
  return s.ndim === 0 && !s.isTraced() ? (s.item() as number) : s;
}

/** The axis of a (possibly 0-d) array, normalised. */
function axisOf(a: NDArray, axis: number | undefined): { a: NDArray; axis: number } {
  const x = a.ndim === 0 ? a.reshape([1]) : a;
  return { a: x, axis: normalizeAxis(axis ?? 0, x.ndim) };
}

/**
 * The Shannon entropy H(p) = -Σ p log p of the distribution `pk` along `axis`
 * (scipy.stats.entropy): `pk` is normalised to sum to 1 first. With `qk`,
 * the relative entropy (KL divergence) D(pk ‖ qk) = Σ pk log(pk/qk), both normalised.
 * @param pk `(...)` non-negative weights; the distribution lies along `axis` (default 0).
 * @returns a number for 1-d input, else the reduced array.
 * @throws {ValueError} for a non-positive base; {@link ShapeError} when pk and qk do not broadcast.
 * @example entropy([0.5, 0.5], { base: 2 })  // 1
 * @example entropy([9, 1], { qk: [1, 1] })  // 0.3680642071684971
 */
export function entropy(pk: ArrayLike, opts: EntropyOptions = {}): NDArray | number {
  let { a: p, axis } = axisOf(real(pk, 'pk'), opts.axis);
  p = divide(p, sum(p, { axis, keepdims: true }) as NDArray);
  if (opts.qk === undefined || opts.qk === null) return total(entr(p), axis, opts);
  let q = real(opts.qk, 'qk');
  if (q.ndim === 0) q = q.reshape([1]);
  let shape: number[];
  try {
    shape = broadcastShapes(p.shape, q.shape);
  } catch {
    throw new ShapeError('Array shapes are incompatible for broadcasting.');
  }
  p = broadcastTo(p, shape);
  q = broadcastTo(q, shape);
  q = divide(q, sum(q, { axis, keepdims: true }) as NDArray);
  return total(relEntr(p, q), axis, opts);
}

/** p and q broadcast together (0-d made 1-d), with the axis normalised. */
function pair(p: ArrayLike, q: ArrayLike, axis: number | undefined): { p: NDArray; q: NDArray; axis: number } {
  const pp = real(p, 'p');
  const qq = real(q, 'q');
  let shape: number[];
  try {
    shape = broadcastShapes(pp.shape, qq.shape);
  } catch {
    throw new ShapeError(`p and q do not broadcast: (${pp.shape.join(', ')}) and (${qq.shape.join(', ')})`);
  }
  if (shape.length === 0) shape = [1];
  return { p: broadcastTo(pp, shape), q: broadcastTo(qq, shape), axis: normalizeAxis(axis ?? 0, shape.length) };
}

/**
 * The Kullback–Leibler divergence D(p ‖ q) = Σ p log(p/q) along `axis`, as
 * written (no normalisation: pass probability vectors; scipy.stats.entropy(p, qk)
 * normalises first). Terms with p = 0 contribute 0; p > 0 where q = 0 gives ∞.
 * @example klDivergence([0.4, 0.3, 0.3], [0.33, 0.33, 0.34])  // 0.010806760231483144 (the book, ch. 10.2: 0.0108)
 * @throws {ValueError} for a non-positive base; {@link ShapeError} when p and q do not broadcast.
 */
export function klDivergence(p: ArrayLike, q: ArrayLike, opts: InformationOptions = {}): NDArray | number {
  const { p: pp, q: qq, axis } = pair(p, q, opts.axis);
  return total(relEntr(pp, qq), axis, opts);
}

/**
 * The cross-entropy H(p, q) = -Σ p log q along `axis` (= H(p) + D(p ‖ q)).
 * Terms with p = 0 contribute 0.
 * @example crossEntropy([1, 0, 0], [0.7, 0.2, 0.1])  // 0.35667494393873245
 * @throws {ValueError} for a non-positive base; {@link ShapeError} when p and q do not broadcast.
 */
export function crossEntropy(p: ArrayLike, q: ArrayLike, opts: InformationOptions = {}): NDArray | number {
  const { p: pp, q: qq, axis } = pair(p, q, opts.axis);
  return total(negative(xlogy(pp, qq)), axis, opts);
}

/** Options of {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions {
  /** Predictions are clipped to [ε, 1 - ε] before the logs (default 1e-15, the book's value). */
  epsilon?: number;
  /** `'mean'` (default, the book's loss), `'sum'`, or `'none'` for the per-element losses. */
  reduction?: 'mean' | 'sum' | 'none';
  /** `yPred` holds logits z (probabilities σ(z)): the loss is then computed stably with log σ, without clipping. */
  fromLogits?: boolean;
}

/**
 * Binary cross-entropy -mean(y log p + (1-y) log(1-p)), with p clipped to
 * [ε, 1-ε] exactly as the book's listing (ch. 10.3) so that p = 0 or 1 give a
 * large finite loss instead of ∞.
 * @param yTrue `(...)` labels in [0, 1]; `yPred` `(...)` probabilities (or logits), broadcasting together.
 * @returns a number with 'mean' or 'sum', the elementwise losses with 'none'.
 * @throws {ValueError} for ε outside [0, 1/2) or an unknown reduction.
 * @example binaryCrossEntropy([1, 0, 1, 1, 0], [0.9, 0.1, 0.8, 0.95, 0.05])  // 0.10729023428099269 (the book, ch. 10.3: 0.1073)
 */
export function binaryCrossEntropy(yTrue: ArrayLike, yPred: ArrayLike, opts: BinaryCrossEntropyOptions = {}): NDArray | number {
  const y = real(yTrue, 'yTrue');
  const z = real(yPred, 'yPred');
  const eps = opts.epsilon ?? 1e-15;
  if (!(eps >= 0 && eps < 0.5)) throw new ValueError(`binaryCrossEntropy: epsilon must be in [0, 0.5) (got ${eps})`);
  let loss: NDArray;
  if (opts.fromLogits) {
    // log σ(z) and log(1 - σ(z)) = log σ(-z), exact for large |z|
    loss = negative(add(multiply(y, logExpit(z)), multiply(subtract(1, y), logExpit(negative(z)))));
  } else {
    const p = minimum(maximum(z, eps), 1 - eps);
    loss = negative(add(multiply(y, log(p)), multiply(subtract(1, y), log(subtract(1, p)))));
  }
  const reduction = opts.reduction ?? 'mean';
  if (reduction === 'none') return loss.ndim === 0 && !loss.isTraced() ? (loss.item() as number) : loss;
  if (reduction === 'sum') return sum(loss) as NDArray | number;
  if (reduction === 'mean') return mean(loss) as NDArray | number;
  throw new ValueError(`binaryCrossEntropy: reduction must be 'mean', 'sum' or 'none' (got '${String(reduction)}')`);
}

/**
 * The mutual information I(X; Y) = Σ p(x,y) log(p(x,y) / (p(x) p(y))) of a
 * joint probability table (normalised to sum to 1 first), over its last two
 * axes; leading axes are a batch.
 * @param joint `(..., nx, ny)` non-negative weights.
 * @returns a number for one table, else `(...)`.
 * @throws {ValueError} for fewer than 2 dimensions, negative entries, or a non-positive base.
 * @example mutualInformation([[0.5, 0], [0, 0.5]], { base: 2 })  // 1
 */
export function mutualInformation(joint: ArrayLike, opts: { base?: number | null } = {}): NDArray | number {
  const j = real(joint, 'joint');
  if (j.ndim < 2) throw new ValueError(`mutualInformation: the joint table must have at least 2 dimensions (got ${j.ndim})`);
  if ((minOf(j) as number) < 0) throw new ValueError('mutualInformation: probabilities must be non-negative');
  const axes = [j.ndim - 2, j.ndim - 1];
  const p = divide(j, sum(j, { axis: axes, keepdims: true }) as NDArray);
  const px = sum(p, { axis: j.ndim - 1, keepdims: true }) as NDArray;
  const py = sum(p, { axis: j.ndim - 2, keepdims: true }) as NDArray;
  const outer = multiply(px, py);
  const terms = relEntr(p, outer);
  let s = sum(terms, { axis: axes }) as NDArray | number;
  const base = checkBase(opts.base);
  if (base !== null) s = divide(s, Math.log(base));
  if (typeof s === 'number') return s;
  return s.ndim === 0 && !s.isTraced() ? (s.item() as number) : s;
}

function minOf(a: NDArray): number {
  let m = Infinity;
  for (const v of a.toArray()) if (v < m) m = v;
  return m;
}
