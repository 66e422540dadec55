/**
 * Adaptive per-parameter learning rates: RMSProp (Hinton, Coursera lecture
 * 6e, 2012; Graves 2013 for the centered form) and Adagrad (Duchi, Hazan &
 * Singer, "Adaptive subgradient methods", JMLR 12 (2011) 2121–2159), with
 * PyTorch's update order and defaults.
 */
import { checkHyper, Optimizer, type OptimizerOptions } from './optimizer';

/** Options of {@link RMSProp}. */
export interface RMSPropOptions extends OptimizerOptions {
  /** Decay of the squared-gradient average (PyTorch's alpha; default 0.99). */
  rho?: number;
  /** Added to the root mean square (default 1e-8). */
  eps?: number;
  /** Momentum on the scaled step (default 0). */
  momentum?: number;
  /** Divide by the centered second moment E[g²] - E[g]² (default false). */
  centered?: boolean;
  /** L2 penalty: g + λw (default 0). */
  weightDecay?: number;
}

/**
 * RMSProp: s ← ρs + (1-ρ)g², w ← w - lr·g/(√s + ε) (with momentum
 * b ← μb + g/(√s + ε), w ← w - lr·b). Default lr 0.01.
 * @throws {ValueError} for hyper-parameters out of range.
 * @example
 * new RMSProp({ lr: 0.01 }).step(np.array([1]), np.array([2]));   // [0.9]  (s = 0.04)
 */
export class RMSProp extends Optimizer {
  readonly rho: number;
  readonly eps: number;
  readonly momentum: number;
  readonly centered: boolean;
  readonly weightDecay: number;

  constructor(opts: RMSPropOptions = {}) {
    const momentum = checkHyper('momentum', opts.momentum ?? 0);
    const centered = opts.centered ?? false;
    super(opts, 0.01, ['squareAvg', ...(momentum > 0 ? ['momentumBuffer'] : []), ...(centered ? ['gradAvg'] : [])]);
    this.rho = checkHyper('rho', opts.rho ?? 0.99, { max: 1 });
    this.eps = checkHyper('epsilon', opts.eps ?? 1e-8);
    this.momentum = momentum;
    this.centered = centered;
    this.weightDecay = checkHyper('weight_decay', opts.weightDecay ?? 0);
  }

  protected apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number): void {
    const { rho, eps, momentum, centered, weightDecay: wd } = this;
    const sq = slots[0];
    const buf = momentum > 0 ? slots[1] : null;
    const ga = centered ? slots[momentum > 0 ? 2 : 1] : null;
    for (let i = 0; i < w.length; i++) {
      const gi = wd === 0 ? g[i] : g[i] + wd * w[i];
      sq[i] = rho * sq[i] + (1 - rho) * gi * gi;
      let avg: number;
      if (ga !== null) {
        ga[i] = rho * ga[i] + (1 - rho) * gi;
        avg = Math.sqrt(sq[i] - ga[i] * ga[i]) + eps;
      } else avg = Math.sqrt(sq[i]) + eps;
      if (buf !== null) {
        buf[i] = momentum * buf[i] + gi / avg;
        w[i] -= lr * buf[i];
      } else w[i] -= lr * (gi / avg);
    }
  }
}

/** Options of {@link Adagrad}. */
export interface AdagradOptions extends OptimizerOptions {
  /** Added to √G (default 1e-10). */
  eps?: number;
  /** Starting value of the accumulator G (default 0). */
  initialAccumulatorValue?: number;
  /** Learning-rate decay: lr/(1 + (t-1)·lrDecay) (default 0). */
  lrDecay?: number;
  /** L2 penalty: g + λw (default 0). */
  weightDecay?: number;
}

/**
 * Adagrad: G ← G + g², w ← w - lr·g/(√G + ε). Default lr 0.01.
 * @throws {ValueError} for hyper-parameters out of range.
 * @example
 * new Adagrad({ lr: 0.1 }).step(np.array([1]), np.array([2]));   // [0.9]  (G = 4)
 */
export class Adagrad extends Optimizer {
  readonly eps: number;
  readonly initialAccumulatorValue: number;
  readonly lrDecay: number;
  readonly weightDecay: number;

  constructor(opts: AdagradOptions = {}) {
    super(opts, 0.01, ['sum']);
    this.eps = checkHyper('epsilon', opts.eps ?? 1e-10);
    this.initialAccumulatorValue = checkHyper('initial_accumulator_value', opts.initialAccumulatorValue ?? 0);
    this.lrDecay = checkHyper('lr_decay', opts.lrDecay ?? 0);
    this.weightDecay = checkHyper('weight_decay', opts.weightDecay ?? 0);
  }

  protected apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number): void {
    const { eps, lrDecay, weightDecay: wd } = this;
    const sum = slots[0];
    if (t === 1 && this.initialAccumulatorValue !== 0) sum.fill(this.initialAccumulatorValue);
    const clr = lr / (1 + (t - 1) * lrDecay);
    for (let i = 0; i < w.length; i++) {
      const gi = wd === 0 ? g[i] : g[i] + wd * w[i];
      sum[i] += gi * gi;
      w[i] -= clr * (gi / (Math.sqrt(sum[i]) + eps));
    }
  }
}
