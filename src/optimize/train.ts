/**
 * `fit`: the mini-batch training loop of the book's listing 12.1 —
 * shuffle the rows each epoch with a seeded generator, walk them in batches,
 * take the loss and its gradient with `valueAndGrad`, and let an optimizer
 * update the parameters.
 */
import { asarray, NDArray, ShapeError, shapeRepr, ValueError, type ArrayLike } from '../core';
import { valueAndGrad } from '../autodiff';
import { defaultRng } from '../random';
import type { Optimizer } from './optimizers/optimizer';

/** Anything that can shuffle indices: numts' `Generator` or legacy `RandomState`. */
export interface Shuffler {
  permutation(n: number): NDArray;
}

/** What the progress callback receives at the end of each epoch. */
export interface FitProgress<P> {
  /** 0-based epoch just finished. */
  epoch: number;
  /** Mean loss over the epoch's batches, weighted by batch size. */
  loss: number;
  params: P;
}

/** Options of {@link fit}. */
export interface FitOptions<P> {
  /** The optimizer (its state carries over between calls). */
  optimizer: Optimizer;
  /** Passes over the data (default 100, the book's). */
  epochs?: number;
  /** Rows per batch (default 32); the last batch of an epoch may be smaller. */
  batchSize?: number;
  /** Shuffle the rows each epoch (default true). */
  shuffle?: boolean;
  /** The shuffling generator, or a seed for `defaultRng(seed)` (default: a fresh unseeded generator). */
  rng?: Shuffler | number;
  /** Update the parameter arrays in place, as the book's `w -= lr*dw` (default true); otherwise new arrays each step. */
  inPlace?: boolean;
  /** Called after each epoch; return true to stop early. */
  callback?: (p: FitProgress<P>) => boolean | void;
}

/** Result of {@link fit}. */
export interface FitResult<P> {
  params: P;
  /** Mean loss of each epoch. */
  history: number[];
}

function checkCount(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new ValueError(`${name} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

/**
 * Trains `params` by mini-batch gradient descent on the rows of X and y.
 * @param loss `(params, xBatch, yBatch) => scalar` in numts code (differentiated by autodiff in params).
 * @param params an NDArray, number, or tree of them (e.g. `{ w, b }`).
 * @param X inputs, shape (n, ...). @param y targets, shape (n, ...).
 * @returns the trained parameters (the same arrays when `inPlace`) and per-epoch losses.
 * @throws {ShapeError} when X and y have different numbers of rows; {@link ValueError} for bad counts.
 * @example
 * const { params } = fit((p, xb, yb) => mse(yb, np.add(np.matmul(xb, p.w), p.b)), { w: np.zeros([3]), b: 0 }, X, y,
 *   { optimizer: new SGD({ lr: 0.05 }), epochs: 200, batchSize: 32, rng: 0 });
 * params.w;  // close to the generating weights, e.g. [ 2.  -1.   0.5]
 */
export function fit<P>(
  loss: (params: P, xBatch: NDArray, yBatch: NDArray) => unknown,
  params: P,
  X: ArrayLike,
  y: ArrayLike,
  opts: FitOptions<P>,
): FitResult<P> {
  const xs = asarray(X);
  const ys = asarray(y);
  if (xs.ndim === 0 || ys.ndim === 0) throw new ShapeError('fit: X and y need a leading sample axis');
  const n = xs.shape[0];
  if (ys.shape[0] !== n) throw new ShapeError(`fit: X has ${n} rows (shape ${shapeRepr(xs.shape)}) but y has ${ys.shape[0]} (shape ${shapeRepr(ys.shape)})`);
  const epochs = checkCount('epochs', opts.epochs ?? 100, 0);
  const batchSize = checkCount('batchSize', opts.batchSize ?? 32, 1);
  const optimizer = opts.optimizer;
  if (optimizer === undefined || typeof optimizer.step !== 'function') throw new ValueError('fit needs an optimizer, e.g. { optimizer: new SGD({ lr: 0.01 }) }');
  const rng: Shuffler = typeof opts.rng === 'number' || opts.rng === undefined ? defaultRng(opts.rng) : opts.rng;
  const shuffle = opts.shuffle ?? true;
  const inPlace = opts.inPlace ?? true;
  const vg = valueAndGrad(loss as (p: P, xb: NDArray, yb: NDArray) => NDArray);
  const history: number[] = [];
  let p = params;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let Xe = xs;
    let Ye = ys;
    if (shuffle) {
      const idx = rng.permutation(n);
      Xe = xs.get(idx);
      Ye = ys.get(idx);
    }
    let total = 0;
    for (let i = 0; i < n; i += batchSize) {
      const sl = `${i}:${i + batchSize}`;
      const xb = Xe.get(sl);
      const yb = Ye.get(sl);
      const [value, g] = vg(p as never, xb, yb) as [number, unknown];
      total += value * xb.shape[0];
      p = inPlace ? optimizer.update(p, g) : optimizer.step(p, g);
    }
    const epochLoss = n > 0 ? total / n : NaN;
    history.push(epochLoss);
    if (opts.callback?.({ epoch, loss: epochLoss, params: p }) === true) break;
  }
  return { params: p, history };
}
