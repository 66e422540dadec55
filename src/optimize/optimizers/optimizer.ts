/**
 * The first-order optimizer protocol shared by SGD, Momentum, RMSProp,
 * Adagrad, Adam and AdamW: one object holds the hyper-parameters and the
 * per-parameter state (moments), and steps a parameter tree given gradients
 * of the same structure:
 *
 * - `opt.step(params, grads)` returns new parameters (pure on its inputs;
 *   the optimizer's own state advances);
 * - `opt.update(params, grads)` writes into the parameter arrays, as the
 *   book's `w -= lr * dw`, and returns the same `params`.
 *
 * Gradients are optionally clipped (by value, then by global norm) before
 * the rule is applied; the learning rate may be a schedule of the step index.
 * The kernels run over contiguous Float64Arrays, one pass per leaf.
 */
import { asarray, DTypeError, NDArray, ValueError } from '../../core';
import { clipGradientData } from './clip';
import { flattenTree, leafData, matchTrees, type FlatTree, type Leaf } from './tree';

/** A learning-rate schedule: the rate for the update with 0-based index `step`. */
export type Schedule = (step: number) => number;

/** A learning rate: a constant or a {@link Schedule}. */
export type LearningRate = number | Schedule;

/** Options every optimizer accepts. */
export interface OptimizerOptions {
  /** Learning rate or schedule. */
  lr?: LearningRate;
  /** Clip every gradient element to [-clipValue, clipValue] first. */
  clipValue?: number;
  /** Then rescale the gradients so that their global L2 norm is at most clipNorm. */
  clipNorm?: number;
}

/** What {@link Optimizer.state} shows: the step count and each state slot as a tree shaped like the parameters. */
export interface OptimizerState {
  iterations: number;
  lr: number;
  slots: Record<string, unknown>;
}

/** A positive finite hyper-parameter check. */
export function checkHyper(name: string, v: number, { min = 0, max = Infinity, inclusiveMin = true, inclusiveMax = true } = {}): number {
  const ok = Number.isFinite(v) && (inclusiveMin ? v >= min : v > min) && (inclusiveMax ? v <= max : v < max);
  if (!ok) throw new ValueError(`Invalid ${name} value: ${v}`);
  return v;
}

/**
 * Base class of the optimizers; subclasses define the update rule in their protected `apply`.
 * `step(params, grads)` returns new parameters; `update(params, grads)` writes them in place.
 * @example
 * const opt: Optimizer = new SGD({ lr: 0.1 });
 * opt.step(np.array([1, 2], 'float64'), np.array([10, 10]));  // [0. 1.]
 */
export abstract class Optimizer {
  protected t = 0;
  private slotData: Float64Array[][] = [];
  private signature: string | null = null;
  private last: FlatTree | null = null;
  private readonly lr: LearningRate;
  private readonly clipValue: number | undefined;
  private readonly clipNorm: number | undefined;

  /** @param slotNames the per-parameter state arrays the rule keeps (e.g. ['m', 'v']). */
  protected constructor(opts: OptimizerOptions, defaultLr: number, readonly slotNames: readonly string[]) {
    this.lr = opts.lr ?? defaultLr;
    if (typeof this.lr === 'number') checkHyper('learning rate', this.lr);
    else if (typeof this.lr !== 'function') throw new ValueError('lr must be a number or a schedule function');
    if (opts.clipValue !== undefined) checkHyper('clipValue', opts.clipValue, { inclusiveMin: false });
    if (opts.clipNorm !== undefined) checkHyper('clipNorm', opts.clipNorm, { inclusiveMin: false });
    this.clipValue = opts.clipValue;
    this.clipNorm = opts.clipNorm;
  }

  /**
   * The update rule on one parameter leaf: `w` (updated in place) and its
   * gradient `g` (do not modify), the leaf's state slots, the learning rate
   * and the 1-based step count t.
   */
  protected abstract apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number): void;

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /** The learning rate of the update with 0-based index `step` (default: the next one). */
  learningRate(step = this.t): number {
    const v = typeof this.lr === 'number' ? this.lr : this.lr(step);
    if (!Number.isFinite(v)) throw new ValueError(`the learning-rate schedule returned ${v} at step ${step}`);
    return v;
  }

  /** Clears the step count and every state slot. */
  reset(): void {
    this.t = 0;
    this.slotData = [];
    this.signature = null;
    this.last = null;
  }

  /** The step count, the next learning rate and the state slots (copies), each a tree like the parameters. */
  get state(): OptimizerState {
    const slots: Record<string, unknown> = {};
    this.slotNames.forEach((name, k) => {
      if (this.last === null) {
        slots[name] = null;
        return;
      }
      const leaves = this.last.leaves.map((leaf, i) => {
        const s = this.slotData[i]?.[k];
        if (s === undefined) return typeof leaf === 'number' ? 0 : asarray(new Float64Array(leaf.size)).reshape(leaf.shape);
        return typeof leaf === 'number' ? s[0] : asarray(Float64Array.from(s)).reshape(leaf.shape);
      });
      slots[name] = this.last.rebuild(leaves);
    });
    return { iterations: this.t, lr: this.learningRate(), slots };
  }

  /**
   * One update, returning new parameters (params and grads are not modified).
   * @param params an NDArray, a number, or an array/object tree of them.
   * @param grads the gradients, same structure and sizes.
   * @throws {ValueError} for mismatched trees or a structure different from the one the state was built for (call reset()).
   * @example new SGD({ lr: 0.1 }).step(np.array([1, 2]), np.array([10, 10]))   // [0. 1.]
   */
  step<P>(params: P, grads: unknown): P {
    return this.run(params, grads, false) as P;
  }

  /**
   * One update written into the parameter arrays (and number leaves of
   * containers), returning `params` itself: the book's `w -= lr * dw`.
   * @throws {DTypeError} for integer or bool parameter arrays (NumPy cannot cast float64 back in place).
   */
  update<P>(params: P, grads: unknown): P {
    return this.run(params, grads, true) as P;
  }

  private run(params: unknown, grads: unknown, inPlace: boolean): unknown {
    const pf = flattenTree(params, 'params');
    const gf = flattenTree(grads, 'grads');
    matchTrees(pf, gf);
    if (this.signature !== null && this.signature !== pf.signature) {
      throw new ValueError('the parameters do not have the structure this optimizer state was built for; call reset() first');
    }
    if (inPlace) {
      pf.leaves.forEach((p, i) => {
        if (p instanceof NDArray && p.dtype !== 'float64' && p.dtype !== 'float32') {
          throw new DTypeError(`Cannot cast ufunc 'subtract' output from dtype('float64') to dtype('${p.dtype === 'int32' ? 'int64' : p.dtype}') with casting rule 'same_kind' (params${pf.paths[i]})`);
        }
      });
    }
    const g = clipGradientData(gf.leaves.map(leafData), this.clipValue, this.clipNorm);
    const lr = this.learningRate(this.t);
    this.t++;
    this.signature = pf.signature;
    this.last = pf;
    const out: Leaf[] = pf.leaves.map((p, i) => {
      const n = typeof p === 'number' ? 1 : p.size;
      const slots = (this.slotData[i] ??= this.slotNames.map(() => new Float64Array(n)));
      const direct = inPlace && p instanceof NDArray && p.dtype === 'float64' && p.isContiguous;
      const w = direct ? leafData(p) : Float64Array.from(leafData(p));
      this.apply(w, g[i], slots, lr, this.t);
      if (typeof p === 'number') {
        if (inPlace) pf.setters[i]?.(w[0]);
        return w[0];
      }
      if (direct) return p;
      if (inPlace) {
        writeBack(p, w);
        return p;
      }
      return asarray(w).reshape(p.shape);
    });
    if (!inPlace) return pf.rebuild(out);
    return pf.leaves.length === 1 && typeof pf.leaves[0] === 'number' ? out[0] : params;
  }
}

/** Writes the C-order values `w` into a (float32 or strided) array. */
function writeBack(p: NDArray, w: Float64Array): void {
  const src = asarray(w).reshape(p.shape).astype(p.dtype);
  p.set('...', src);
}
