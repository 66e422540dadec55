/**
 * Gradient descent with momentum: PyTorch's `SGD` (heavy ball, Polyak 1964;
 * Nesterov 1983 in Sutskever et al.'s form, ICML 2013) and the book's
 * exponential-moving-average `Momentum` (chapter 12: vₜ = βvₜ₋₁ + (1-β)∇L,
 * wₜ = wₜ₋₁ - αvₜ).
 */
import { ValueError } from '../../core';
import { checkHyper, Optimizer, type OptimizerOptions } from './optimizer';

/** Options of {@link SGD}. */
export interface SGDOptions extends OptimizerOptions {
  /** Momentum factor μ (default 0: plain gradient descent). */
  momentum?: number;
  /** Dampening of the gradient in the momentum buffer (default 0). */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). */
  nesterov?: boolean;
  /** L2 penalty added to the gradient: g + λw (default 0). */
  weightDecay?: number;
}

/**
 * Stochastic gradient descent, PyTorch's rule: d = g + λw; with momentum
 * b = μb + (1 - dampening)d (b = d at the first step), d = b (or d + μb for
 * Nesterov); then w ← w - lr·d. Default lr 0.01.
 * @throws {ValueError} for negative hyper-parameters, or Nesterov without momentum / with dampening.
 * @example
 * const opt = new SGD({ lr: 0.1 });
 * opt.step(np.array([1, 2]), np.array([10, 10]));   // [0. 1.]
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;

  constructor(opts: SGDOptions = {}) {
    const momentum = checkHyper('momentum', opts.momentum ?? 0);
    super(opts, 0.01, momentum > 0 ? ['momentumBuffer'] : []);
    this.momentum = momentum;
    this.dampening = checkHyper('dampening', opts.dampening ?? 0);
    this.nesterov = opts.nesterov ?? false;
    this.weightDecay = checkHyper('weight_decay', opts.weightDecay ?? 0);
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) throw new ValueError('Nesterov momentum requires a momentum and zero dampening');
  }

  protected apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number): void {
    const { momentum: mu, dampening, nesterov, weightDecay: wd } = this;
    const n = w.length;
    if (mu === 0) {
      for (let i = 0; i < n; i++) w[i] -= lr * (wd === 0 ? g[i] : g[i] + wd * w[i]);
      return;
    }
    const buf = slots[0];
    for (let i = 0; i < n; i++) {
      const d = wd === 0 ? g[i] : g[i] + wd * w[i];
      const b = t === 1 ? d : mu * buf[i] + (1 - dampening) * d;
      buf[i] = b;
      w[i] -= lr * (nesterov ? d + mu * b : b);
    }
  }
}

/** Options of {@link Momentum}. */
export interface MomentumOptions extends OptimizerOptions {
  /** The EMA factor β (default 0.9). */
  beta?: number;
}

/**
 * The book's momentum (chapter 12): v ← βv + (1-β)∇L, w ← w - lr·v, with
 * v = 0 initially (no bias correction). Default lr 0.01, β 0.9.
 * @throws {ValueError} for β outside [0, 1) or a negative lr.
 * @example
 * const opt = new Momentum({ lr: 0.1, beta: 0.9 });
 * opt.step(np.array([1]), np.array([10]));   // [0.9]  (v = 1)
 */
export class Momentum extends Optimizer {
  readonly beta: number;

  constructor(opts: MomentumOptions = {}) {
    super(opts, 0.01, ['velocity']);
    this.beta = checkHyper('beta', opts.beta ?? 0.9, { max: 1, inclusiveMax: false });
  }

  protected apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number): void {
    const v = slots[0];
    const b = this.beta;
    for (let i = 0; i < w.length; i++) {
      v[i] = b * v[i] + (1 - b) * g[i];
      w[i] -= lr * v[i];
    }
  }
}
