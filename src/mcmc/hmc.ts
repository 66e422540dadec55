/**
 * Hamiltonian Monte Carlo with a fixed integration time (Duane, Kennedy,
 * Pendleton & Roweth 1987; Neal 2011, "MCMC using Hamiltonian dynamics"):
 * fresh momenta, L leapfrog steps, a Metropolis test on the energy error.
 * L = round(pathLength / ε) as in Hoffman & Gelman (2014), Algorithm 5, or
 * fixed by `numSteps`. The step size is dual-averaged and the diagonal
 * metric estimated in warm-up (see {@link HamiltonianKernel}).
 */
import { ValueError } from '../core';
import type { Generator } from '../random';
import { prepareChains, runChains, type Init, type StatSpec } from './driver';
import { hamiltonianResult, hamiltonianSettings, HamiltonianKernel, type HamiltonianOptions, type HamiltonianSettings } from './hmcCommon';
import type { HmcResult } from './result';
import { flatTarget, type FlatTarget, type LogDensityFn, type PositionOf } from './target';

/** Options of {@link hmc}. */
export interface HmcOptions extends HamiltonianOptions {
  /** Integration time ε·L (default 2, as PyMC's HMC); L = clamp(round(pathLength/ε), 1, maxSteps). */
  pathLength?: number;
  /** A fixed number of leapfrog steps per transition (overrides pathLength). */
  numSteps?: number;
  /** Upper bound on L from pathLength (default 1024). */
  maxSteps?: number;
}

const HMC_STATS: StatSpec[] = [
  { name: 'acceptProb', dtype: 'float64' },
  { name: 'divergent', dtype: 'bool' },
  { name: 'energy', dtype: 'float64' },
  { name: 'nSteps', dtype: 'int32' },
  { name: 'stepSize', dtype: 'float64' },
];

class HmcKernel extends HamiltonianKernel {
  readonly stats = new Float64Array(HMC_STATS.length);
  private readonly z;

  constructor(
    target: FlatTarget,
    rng: Generator,
    q0: Float64Array,
    settings: HamiltonianSettings,
    private readonly steps: { pathLength: number; numSteps: number | null; maxSteps: number },
  ) {
    super(target, rng, q0, settings);
    this.z = this.scratch;
  }

  transition(adapt: boolean): void {
    const ham = this.ham;
    const z = this.z;
    const eps = this.jitteredStep();
    const L = this.steps.numSteps ?? Math.min(this.steps.maxSteps, Math.max(1, Math.round(this.steps.pathLength / eps)));
    z.copyFrom(this.current);
    ham.sampleMomentum(z);
    const h0 = ham.energy(z);
    let h = h0;
    let divergent = false;
    let n = 0;
    while (n < L) {
      ham.leapfrog(z, eps);
      n++;
      h = ham.energy(z);
      // A trajectory this far off the energy surface is lost; stop and reject.
      if (h - h0 > this.settings.maxEnergyError || h === Infinity) {
        divergent = true;
        break;
      }
    }
    const acceptProb = divergent ? 0 : h <= h0 ? 1 : Math.exp(h0 - h);
    const accepted = !divergent && this.rng.random() < acceptProb;
    let energy: number;
    if (accepted) {
      this.current.copyFrom(z);
      energy = h;
    } else {
      // Rejected: the chain stays, with the momentum it was given.
      this.current.p.set(z.p);
      z.copyFrom(this.current);
      energy = h0;
    }
    const st = this.stats;
    st[0] = acceptProb;
    st[1] = divergent ? 1 : 0;
    st[2] = energy;
    st[3] = n;
    st[4] = eps;
    if (adapt) this.adapt(acceptProb);
  }
}

/**
 * Hamiltonian Monte Carlo with leapfrog integration and gradients by autodiff.
 * @param logp `(x) => log p(x)` up to a constant, written with numts ops (it is differentiated);
 *   `x` is shaped like `init` (an NDArray, or a tree such as `{ mu, tau }`).
 * @param init the initial point, or `(chain, rng) => point`.
 * @returns draws shaped `(chains, draws, ...)`, acceptance statistics, divergences, energies, step sizes, metric.
 * @throws {ValueError} for bad counts or options, or a non-finite log density or gradient at the initial point.
 * @example
 * const res = hmc((x: NDArray) => np.multiply(-0.5, np.sum(np.square(x))), np.zeros([3]), { rng: 0 });
 * res.draws.shape;   // [4, 1000, 3]
 * res.stepSize;      // [1.08195598 1.08086046 1.28240399 1.26772485] (one per chain)
 */
export function hmc<T>(logp: LogDensityFn<T>, init: Init<T>, opts: HmcOptions = {}): HmcResult<PositionOf<T>> {
  const prepared = prepareChains(init, opts);
  const target = flatTarget(logp, prepared.points[0] as T, opts.logpAndGrad);
  const settings = hamiltonianSettings(opts, target.dim, prepared.warmup, 0.65, 0.15);
  const pathLength = opts.pathLength ?? 2;
  if (!(pathLength > 0 && Number.isFinite(pathLength))) throw new ValueError(`pathLength must be positive and finite, got ${pathLength}`);
  const numSteps = opts.numSteps ?? null;
  if (numSteps !== null && !(Number.isInteger(numSteps) && numSteps >= 1)) throw new ValueError(`numSteps must be an integer >= 1, got ${numSteps}`);
  const maxSteps = opts.maxSteps ?? 1024;
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1)) throw new ValueError(`maxSteps must be an integer >= 1, got ${maxSteps}`);
  const steps = { pathLength, numSteps, maxSteps };
  const run = runChains('hmc', target, prepared, opts, HMC_STATS, true, (_c, rng, q0) => new HmcKernel(target, rng, q0, settings, steps));
  return { sampler: 'hmc', draws: run.positions as PositionOf<T>, ...hamiltonianResult(run, target.dim) };
}
