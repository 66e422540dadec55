/**
 * Adam (Kingma & Ba, "Adam: a method for stochastic optimization", ICLR 2015,
 * Algorithm 1) computed in exactly the order of the book's `Adam` class
 * (listing 12.2), so the trajectories agree bit for bit with NumPy; and AdamW
 * (Loshchilov & Hutter, "Decoupled weight decay regularization", ICLR 2019)
 * with PyTorch's decoupled decay w ← w(1 - lr·λ) before the Adam step.
 */
import { pow } from '../../random/libm';
import { checkHyper, Optimizer, type OptimizerOptions } from './optimizer';

/** Options of {@link Adam} and {@link AdamW}. */
export interface AdamOptions extends OptimizerOptions {
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to √v̂ (default 1e-8). */
  eps?: number;
  /** Adam: L2 penalty g + λw (default 0). AdamW: decoupled decay λ (default 0.01). */
  weightDecay?: number;
}

/**
 * Adam: m ← β₁m + (1-β₁)g, v ← β₂v + (1-β₂)g², m̂ = m/(1-β₁ᵗ),
 * v̂ = v/(1-β₂ᵗ), w ← w - lr·m̂/(√v̂ + ε). Defaults lr 0.001, β₁ 0.9,
 * β₂ 0.999, ε 1e-8 (the book's). βᵗ is computed as glibc's pow, as Python's
 * `beta1**t` is, so results match NumPy to the last bit.
 * @throws {ValueError} for β outside [0, 1) or negative lr/ε.
 * @example
 * const adam = new Adam({ lr: 0.1 });
 * const w = np.array([5, 3], 'float64');
 * adam.update(w, np.multiply(2, w));   // w is now [4.9000000001 2.9000000001666666]
 */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;

  constructor(opts: AdamOptions = {}, weightDecayDefault = 0) {
    super(opts, 0.001, ['m', 'v']);
    this.beta1 = checkHyper('beta parameter at index 0', opts.beta1 ?? 0.9, { max: 1, inclusiveMax: false });
    this.beta2 = checkHyper('beta parameter at index 1', opts.beta2 ?? 0.999, { max: 1, inclusiveMax: false });
    this.eps = checkHyper('epsilon value', opts.eps ?? 1e-8);
    this.weightDecay = checkHyper('weight_decay value', opts.weightDecay ?? weightDecayDefault);
  }

  protected apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number): void {
    this.adamStep(w, g, slots, lr, t, this.weightDecay);
  }

  /** The Adam update, with `l2` added to the gradient as a coupled penalty. */
  protected adamStep(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number, l2: number): void {
    const [m, v] = slots;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 - b1;
    const c2 = 1 - b2;
    const bc1 = 1 - pow(b1, t);
    const bc2 = 1 - pow(b2, t);
    const eps = this.eps;
    const n = w.length;
    if (l2 !== 0) {
      for (let i = 0; i < n; i++) {
        const gi = g[i] + l2 * w[i];
        const mi = b1 * m[i] + c1 * gi;
        const vi = b2 * v[i] + c2 * (gi * gi);
        m[i] = mi;
        v[i] = vi;
        w[i] -= (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
      }
      return;
    }
    // The book's order of operations, so every iterate equals NumPy's to the last bit.
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = b1 * m[i] + c1 * gi;
      const vi = b2 * v[i] + c2 * (gi * gi);
      m[i] = mi;
      v[i] = vi;
      w[i] -= (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
    }
  }
}

/**
 * AdamW: w ← w(1 - lr·λ), then the {@link Adam} step on the raw gradient.
 * Defaults lr 0.001, β₁ 0.9, β₂ 0.999, ε 1e-8, λ 0.01 (PyTorch's).
 * @throws {ValueError} for hyper-parameters out of range.
 * @example new AdamW({ lr: 0.1, weightDecay: 0.1 }).step(np.array([1]), np.array([0]))   // [0.99]
 */
export class AdamW extends Adam {
  constructor(opts: AdamOptions = {}) {
    super(opts, 0.01);
  }

  protected override apply(w: Float64Array, g: Float64Array, slots: Float64Array[], lr: number, t: number): void {
    const decay = 1 - lr * this.weightDecay;
    if (decay !== 1) for (let i = 0; i < w.length; i++) w[i] *= decay;
    this.adamStep(w, g, slots, lr, t, 0);
  }
}
