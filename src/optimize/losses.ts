/**
 * Loss functions (book chapter 12's table, chapter 10's binary cross-entropy),
 * composed of public numts ops so that `grad` differentiates them, with
 * PyTorch's reductions: 'mean' (default), 'sum', or 'none' (elementwise; per
 * sample for the categorical cross-entropy). A full reduction of plain arrays
 * is a number; inside `grad` it stays a traced array.
 *
 * The logit forms are the numerically stable ones: binary cross-entropy from
 * logits is -(y log σ(z) + (1-y) log σ(-z)) with log σ evaluated without
 * overflow (scipy.special.log_expit), and categorical cross-entropy from
 * logits uses log-softmax (a logsumexp shift).
 */
import { arange, asarray, IndexError, NDArray, shapeRepr, ShapeError, ValueError, type ArrayLike } from '../core';
import {
  abs, add, clip, equal, expandDims, lessEqual, log, maximum, mean, multiply, negative, square, subtract, sum, where,
} from '../ops';
import { logExpit, logSoftmax } from '../stats/special';

/** How elementwise losses are combined: mean (default), sum, or none. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options every loss takes. */
export interface LossOptions {
  reduction?: Reduction;
}

function reduce(x: NDArray, reduction: Reduction | undefined): NDArray | number {
  switch (reduction ?? 'mean') {
    case 'mean':
      return mean(x) as NDArray | number;
    case 'sum':
      return sum(x) as NDArray | number;
    case 'none':
      return x;
    default:
      throw new ValueError(`reduction must be 'mean', 'sum' or 'none', got '${String(reduction)}'`);
  }
}

/** yTrue and yPred as arrays of the same shape (a mismatch is an error: silent broadcasting hides bugs). */
function pair(yTrue: ArrayLike, yPred: ArrayLike, name: string): [NDArray, NDArray] {
  const t = asarray(yTrue);
  const p = asarray(yPred);
  if (t.ndim !== p.ndim || t.shape.some((d, i) => d !== p.shape[i])) {
    throw new ShapeError(`${name}: yTrue has shape ${shapeRepr(t.shape)} but yPred has shape ${shapeRepr(p.shape)}; they must match`);
  }
  if (t.dtype === 'complex128' || p.dtype === 'complex128') throw new ValueError(`${name}: complex inputs are not supported`);
  return [t, p];
}

/**
 * Mean squared error (1/n) Σ (ŷ - y)².
 * @param yTrue targets, any shape. @param yPred predictions, same shape.
 * @throws {ShapeError} when the shapes differ.
 * @example mse([1, 2, 3], [1, 2, 5])   // 1.3333333333333333
 */
export function mse(yTrue: ArrayLike, yPred: ArrayLike, opts: LossOptions = {}): NDArray | number {
  const [t, p] = pair(yTrue, yPred, 'mse');
  return reduce(square(subtract(p, t)), opts.reduction);
}

/**
 * Mean absolute error (1/n) Σ |ŷ - y| (robust to outliers; exercise 12.3).
 * @throws {ShapeError} when the shapes differ.
 * @example mae([1, 2, 3], [1, 2, 5])   // 0.6666666666666666
 */
export function mae(yTrue: ArrayLike, yPred: ArrayLike, opts: LossOptions = {}): NDArray | number {
  const [t, p] = pair(yTrue, yPred, 'mae');
  return reduce(abs(subtract(p, t)), opts.reduction);
}

/**
 * Huber loss: ½e² where |e| ≤ δ, δ(|e| - ½δ) beyond (PyTorch's HuberLoss).
 * @param opts.delta the threshold δ > 0 (default 1).
 * @throws {ValueError} for δ ≤ 0; {@link ShapeError} when the shapes differ.
 * @example huber([0, 0], [0.5, 3])   // 1.3125  (mean of 0.125 and 2.5)
 */
export function huber(yTrue: ArrayLike, yPred: ArrayLike, opts: LossOptions & { delta?: number } = {}): NDArray | number {
  const delta = opts.delta ?? 1;
  if (!(delta > 0)) throw new ValueError(`huber: delta must be positive, got ${delta}`);
  const [t, p] = pair(yTrue, yPred, 'huber');
  const e = subtract(p, t);
  const a = abs(e);
  const quadratic = multiply(0.5, square(e));
  const linear = multiply(delta, subtract(a, 0.5 * delta));
  return reduce(where(lessEqual(a, delta), quadratic, linear) as NDArray, opts.reduction);
}

/** Options of {@link binaryCrossEntropy}. */
export interface BCEOptions extends LossOptions {
  /** yPred holds logits z (σ(z) is the probability) rather than probabilities. */
  fromLogits?: boolean;
  /** Probabilities are clipped to [ε, 1-ε] (default 1e-15, the book's listing 10.3). */
  epsilon?: number;
}

/**
 * Binary cross-entropy -[y log ŷ + (1-y) log(1-ŷ)], from probabilities
 * (clipped to [ε, 1-ε] as the book's listing, so the loss stays finite) or,
 * stably, from logits.
 * @param yTrue labels in [0, 1] (0/1, or soft). @param yPred probabilities or logits, same shape.
 * @throws {ShapeError} when the shapes differ; {@link ValueError} for ε outside [0, ½).
 * @example binaryCrossEntropy([1, 0, 1, 1, 0], [0.9, 0.1, 0.8, 0.95, 0.05])   // 0.10729023428099269
 */
export function binaryCrossEntropy(yTrue: ArrayLike, yPred: ArrayLike, opts: BCEOptions = {}): NDArray | number {
  const [y, p] = pair(yTrue, yPred, 'binaryCrossEntropy');
  if (opts.fromLogits) {
    const ll = add(multiply(y, logExpit(p) as NDArray), multiply(subtract(1, y), logExpit(negative(p)) as NDArray));
    return reduce(negative(ll), opts.reduction);
  }
  const eps = opts.epsilon ?? 1e-15;
  if (!(eps >= 0 && eps < 0.5)) throw new ValueError(`binaryCrossEntropy: epsilon must be in [0, 0.5), got ${eps}`);
  const q = clip(p, eps, 1 - eps);
  const ll = add(multiply(y, log(q)), multiply(subtract(1, y), log(subtract(1, q))));
  return reduce(negative(ll), opts.reduction);
}

/** Options of {@link categoricalCrossEntropy}. */
export interface CCEOptions extends LossOptions {
  /** yPred holds logits (log-softmax is applied) rather than probabilities. */
  fromLogits?: boolean;
  /** The class axis of yPred (default -1). */
  axis?: number;
  /** Probabilities are clipped to [ε, 1-ε] (default 1e-15). */
  epsilon?: number;
}

/**
 * Categorical cross-entropy -Σ yᵢ log ŷᵢ over the class axis, per sample,
 * then reduced. `yTrue` is one-hot (or soft labels) of yPred's shape, or
 * integer class labels with the class axis removed.
 * @param yPred probabilities (rows summing to 1) or logits, shape (..., K).
 * @throws {ShapeError} for incompatible shapes; {@link IndexError} for labels outside [0, K).
 * @example categoricalCrossEntropy([0, 2], [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])   // 0.2899092476264711
 * @example categoricalCrossEntropy([1], [[1, 2, 3]], { fromLogits: true })   // 1.4076059644443804
 */
export function categoricalCrossEntropy(yTrue: ArrayLike, yPred: ArrayLike, opts: CCEOptions = {}): NDArray | number {
  const p = asarray(yPred);
  let y = asarray(yTrue);
  if (p.ndim === 0) throw new ShapeError('categoricalCrossEntropy: yPred needs a class axis');
  const axis = opts.axis ?? -1;
  if (!Number.isInteger(axis) || axis < -p.ndim || axis >= p.ndim) throw new ValueError(`categoricalCrossEntropy: axis ${axis} is out of bounds for yPred of dimension ${p.ndim}`);
  const ax = axis < 0 ? axis + p.ndim : axis;
  const K = p.shape[ax];
  const labelShape = p.shape.filter((_, i) => i !== ax);
  if (y.ndim === p.ndim - 1 && y.shape.every((d, i) => d === labelShape[i])) {
    // Integer labels → one-hot along the class axis.
    const vals = y.reshape(-1).tolist() as number[];
    vals.forEach((v) => {
      if (!Number.isInteger(v)) throw new ValueError(`categoricalCrossEntropy: class labels must be integers, got ${v}`);
      if (v < 0 || v >= K) throw new IndexError(`categoricalCrossEntropy: label ${v} is out of bounds for ${K} classes`);
    });
    const classes = arange(K).reshape(p.shape.map((d, i) => (i === ax ? K : 1)));
    y = equal(expandDims(y, ax), classes).astype('float64');
  } else if (y.ndim !== p.ndim || y.shape.some((d, i) => d !== p.shape[i])) {
    throw new ShapeError(
      `categoricalCrossEntropy: yTrue of shape ${shapeRepr(y.shape)} is neither one-hot of yPred's shape ${shapeRepr(p.shape)} nor labels of shape ${shapeRepr(labelShape)}`,
    );
  }
  let logp: NDArray;
  if (opts.fromLogits) logp = logSoftmax(p, { axis: ax });
  else {
    const eps = opts.epsilon ?? 1e-15;
    if (!(eps >= 0 && eps < 0.5)) throw new ValueError(`categoricalCrossEntropy: epsilon must be in [0, 0.5), got ${eps}`);
    logp = log(clip(p, eps, 1 - eps));
  }
  const perSample = negative(sum(multiply(y, logp), { axis: ax }) as NDArray);
  return reduce(perSample, opts.reduction);
}

/**
 * Hinge loss max(0, 1 - y·ŷ) (SVMs), labels ±1; labels given as 0/1 are
 * mapped to -1/+1 (as Keras does).
 * @throws {ShapeError} when the shapes differ; {@link ValueError} for labels other than ±1 or 0/1.
 * @example hinge([1, -1, 1], [0.8, -2, -0.5])   // 0.5666666666666667
 */
export function hinge(yTrue: ArrayLike, yPred: ArrayLike, opts: LossOptions = {}): NDArray | number {
  const [t, p] = pair(yTrue, yPred, 'hinge');
  const vals = new Set(t.reshape(-1).tolist() as number[]);
  let y = t;
  if ([...vals].every((v) => v === 0 || v === 1)) y = subtract(multiply(2, t), 1);
  else if (![...vals].every((v) => v === -1 || v === 1)) throw new ValueError('hinge: labels must be -1/+1 (or 0/1)');
  return reduce(maximum(subtract(1, multiply(y, p)), 0), opts.reduction);
}
