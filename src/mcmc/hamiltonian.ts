/**
 * Euclidean Hamiltonian dynamics with a diagonal metric (Stan's
 * diag_e_metric + expl_leapfrog): H(q, p) = −log p(q) + ½ pᵀ M⁻¹ p, momenta
 * p ~ N(0, M), and the leapfrog integrator. All state lives in preallocated
 * Float64Arrays; a step allocates nothing beyond the user's log density.
 */
import { ValueError, type NDArray } from '../core';
import type { Generator } from '../random';
import type { FlatTarget } from './target';

/** A point in phase space: position, momentum, ∇log p at q, log p at q. */
export class PhasePoint {
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly grad: Float64Array;
  logp = -Infinity;

  constructor(dim: number) {
    this.q = new Float64Array(dim);
    this.p = new Float64Array(dim);
    this.grad = new Float64Array(dim);
  }

  copyFrom(o: PhasePoint): void {
    this.q.set(o.q);
    this.p.set(o.p);
    this.grad.set(o.grad);
    this.logp = o.logp;
  }
}

/** The Hamiltonian system of one chain: target, inverse metric (diagonal), random momenta. */
export class Hamiltonian {
  /** Diagonal of M⁻¹ (the inverse mass matrix, an estimate of the posterior variances). */
  readonly invMetric: Float64Array;
  private readonly normals: NDArray;

  constructor(
    readonly target: FlatTarget,
    private readonly rng: Generator,
  ) {
    this.invMetric = new Float64Array(target.dim).fill(1);
    this.normals = rng.standardNormal([target.dim]);
  }

  /** H = −log p + ½ Σ p²/M; NaN becomes +∞ (a divergence). */
  energy(z: PhasePoint): number {
    let k = 0;
    const m = this.invMetric;
    for (let i = 0; i < m.length; i++) k += m[i] * z.p[i] * z.p[i];
    const h = -z.logp + 0.5 * k;
    return h === h ? h : Infinity;
  }

  /** Fresh momenta p ~ N(0, M): p_i = z_i / √(M⁻¹)_i. */
  sampleMomentum(z: PhasePoint): void {
    this.rng.standardNormal(null, { out: this.normals });
    const zs = this.normals.data as Float64Array;
    const m = this.invMetric;
    for (let i = 0; i < m.length; i++) z.p[i] = zs[i] / Math.sqrt(m[i]);
  }

  /** Evaluates log p and its gradient at z.q. */
  evaluate(z: PhasePoint): void {
    z.logp = this.target.logpGrad(z.q, z.grad);
  }

  /** One leapfrog step of size `eps` (negative integrates backwards): half kick, drift, gradient, half kick. */
  leapfrog(z: PhasePoint, eps: number): void {
    const { q, p, grad } = z;
    const m = this.invMetric;
    const half = 0.5 * eps;
    for (let i = 0; i < q.length; i++) {
      p[i] += half * grad[i];
      q[i] += eps * m[i] * p[i];
    }
    z.logp = this.target.logpGrad(q, grad);
    for (let i = 0; i < q.length; i++) p[i] += half * grad[i];
  }

  /**
   * Stan's `init_stepsize` heuristic (Hoffman & Gelman 2014, Algorithm 4):
   * from `eps`, double or halve until one leapfrog step from `z` (fresh momenta)
   * crosses an acceptance probability of 0.8. `z` is left unchanged.
   * @throws {ValueError} when the step size runs off to 1e7 (improper posterior) or to 0.
   */
  initialStepSize(z: PhasePoint, eps: number, scratch: PhasePoint): number {
    if (eps === 0 || eps > 1e7 || eps !== eps) return eps;
    const trial = (): number => {
      scratch.copyFrom(z);
      this.sampleMomentum(scratch);
      const h0 = this.energy(scratch);
      this.leapfrog(scratch, eps);
      return h0 - this.energy(scratch);
    };
    const direction = trial() > Math.log(0.8) ? 1 : -1;
    for (;;) {
      const dH = trial();
      if (direction === 1 && !(dH > Math.log(0.8))) break;
      if (direction === -1 && !(dH < Math.log(0.8))) break;
      eps = direction === 1 ? 2 * eps : 0.5 * eps;
      if (eps > 1e7) throw new ValueError('Posterior is improper. Please check your model.');
      if (eps === 0) throw new ValueError('No acceptably small step size could be found. Perhaps the posterior is not continuous?');
    }
    return eps;
  }
}
