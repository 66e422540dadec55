/**
 * What HMC and NUTS share: options, the warm-up adaptation of one chain
 * (dual-averaged step size, windowed diagonal metric, exactly as Stan's
 * adapt_diag_e_* samplers), and the result assembly.
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import type { Generator } from '../random';
import { DualAveraging, Welford, WindowSchedule, type WindowOptions } from './adaptation';
import { chainMeans, type RunOptions, type RunOutput, type ChainKernel } from './driver';
import { Hamiltonian, PhasePoint } from './hamiltonian';
import type { HmcResult } from './result';
import type { FlatLogDensityGrad, FlatTarget } from './target';

/** Options shared by {@link hmc} and {@link nuts}. */
export interface HamiltonianOptions extends RunOptions {
  /** Initial step size (default 1, then Stan's doubling/halving heuristic). */
  stepSize?: number;
  /** Adapt the step size by dual averaging during warm-up (default true). */
  adaptStepSize?: boolean;
  /** Target acceptance statistic of the adaptation (default 0.8 for NUTS, 0.65 for HMC). */
  targetAccept?: number;
  /** `'diag'`: estimate a diagonal inverse metric in warm-up windows (default); `'unit'`: identity. */
  metric?: 'diag' | 'unit';
  /** Initial (or, with metric 'unit', fixed) diagonal inverse metric, shape (d,). */
  invMetric?: ArrayLike;
  /** Stan's warm-up windows for the metric. */
  windows?: WindowOptions;
  /** Each transition uses ε·U(1 − j, 1 + j) (Stan's stepsize_jitter; default 0 for NUTS, 0.15 for HMC). */
  stepJitter?: number;
  /** An energy error H − H₀ above this marks a divergence (default 1000, Stan's max_deltaH). */
  maxEnergyError?: number;
  /** A hand-written log density and gradient on the flat parameter vector, used instead of autodiff. */
  logpAndGrad?: FlatLogDensityGrad;
}

/** Resolved settings of one run. */
export interface HamiltonianSettings {
  readonly stepSize: number;
  readonly adaptStepSize: boolean;
  readonly targetAccept: number;
  readonly adaptMetric: boolean;
  readonly invMetric: Float64Array | null;
  readonly windows: WindowOptions;
  readonly stepJitter: number;
  readonly maxEnergyError: number;
  readonly warmup: number;
}

function positive(v: number, name: string): number {
  if (!(v > 0 && Number.isFinite(v))) throw new ValueError(`${name} must be positive and finite, got ${v}`);
  return v;
}

/** Checks the options. @throws {ValueError} for out-of-range values. */
export function hamiltonianSettings(opts: HamiltonianOptions, dim: number, warmup: number, defaultAccept: number, defaultJitter: number): HamiltonianSettings {
  const targetAccept = opts.targetAccept ?? defaultAccept;
  if (!(targetAccept > 0 && targetAccept < 1)) throw new ValueError(`targetAccept must be in (0, 1), got ${targetAccept}`);
  const metric = opts.metric ?? 'diag';
  if (metric !== 'diag' && metric !== 'unit') throw new ValueError(`metric must be 'diag' or 'unit', got '${metric}'`);
  const stepJitter = opts.stepJitter ?? defaultJitter;
  if (!(stepJitter >= 0 && stepJitter < 1)) throw new ValueError(`stepJitter must be in [0, 1), got ${stepJitter}`);
  let invMetric: Float64Array | null = null;
  if (opts.invMetric !== undefined) {
    const a = asarray(opts.invMetric, 'float64');
    if (a.ndim !== 1 || a.shape[0] !== dim) throw new ValueError(`invMetric must have shape (${dim},), got (${a.shape.join(', ')})`);
    invMetric = Float64Array.from(a.toArray(), (v) => positive(v, 'invMetric entries'));
  }
  return {
    stepSize: positive(opts.stepSize ?? 1, 'stepSize'),
    adaptStepSize: opts.adaptStepSize ?? true,
    targetAccept,
    adaptMetric: metric === 'diag',
    invMetric,
    windows: opts.windows ?? {},
    stepJitter,
    maxEnergyError: positive(opts.maxEnergyError ?? 1000, 'maxEnergyError'),
    warmup,
  };
}

/** Base of the HMC and NUTS chain kernels: state, momenta, adaptation. */
export abstract class HamiltonianKernel implements ChainKernel {
  readonly ham: Hamiltonian;
  /** The current point (its momentum is scratch). */
  protected readonly current: PhasePoint;
  protected readonly scratch: PhasePoint;
  /** Nominal step size; each transition uses it times the jitter. */
  stepSize: number;
  abstract readonly stats: Float64Array;
  private readonly dual: DualAveraging;
  private readonly windows: WindowSchedule;
  private readonly welford: Welford;

  constructor(target: FlatTarget, protected readonly rng: Generator, q0: Float64Array, protected readonly settings: HamiltonianSettings) {
    const d = target.dim;
    this.ham = new Hamiltonian(target, rng);
    if (settings.invMetric) this.ham.invMetric.set(settings.invMetric);
    this.current = new PhasePoint(d);
    this.scratch = new PhasePoint(d);
    this.current.q.set(q0);
    this.ham.evaluate(this.current);
    this.stepSize = settings.stepSize;
    // Stan searches for a first step size before warm-up (and whenever the metric changes).
    if (settings.warmup > 0 && settings.adaptStepSize) this.stepSize = this.ham.initialStepSize(this.current, this.stepSize, this.scratch);
    this.dual = new DualAveraging(settings.targetAccept, this.stepSize);
    this.windows = new WindowSchedule(settings.warmup, settings.windows);
    this.welford = new Welford(d, false);
  }

  get position(): Float64Array {
    return this.current.q;
  }

  get logp(): number {
    return this.current.logp;
  }

  /** The step size of one transition: nominal × U(1 − j, 1 + j). */
  protected jitteredStep(): number {
    const j = this.settings.stepJitter;
    return j === 0 ? this.stepSize : this.stepSize * (1 + j * (2 * this.rng.random() - 1));
  }

  abstract transition(adapt: boolean): void;

  /** Stan's adapt_diag_e step: learn ε from the acceptance statistic, and the variance in windows. */
  protected adapt(acceptStat: number): void {
    const s = this.settings;
    if (s.adaptStepSize) this.stepSize = this.dual.learn(acceptStat);
    if (!s.adaptMetric) return;
    const w = this.windows;
    if (w.inWindow()) this.welford.add(this.current.q);
    const ended = w.endOfWindow();
    if (ended) {
      this.welford.regularized(this.ham.invMetric);
      this.welford.restart();
      if (s.adaptStepSize) {
        this.stepSize = this.ham.initialStepSize(this.current, this.stepSize, this.scratch);
        this.dual.restart(this.stepSize);
      }
    }
    w.advance(ended);
  }

  endWarmup(): void {
    if (this.settings.adaptStepSize && this.settings.warmup > 0) this.stepSize = this.dual.final(this.stepSize);
  }
}

/** The fields HMC and NUTS results share, from a finished run. */
export function hamiltonianResult<K extends HamiltonianKernel>(run: RunOutput<K>, dim: number): Omit<HmcResult<unknown>, 'sampler' | 'draws'> {
  const chains = run.chains;
  const inv = new Float64Array(chains * dim);
  run.kernels.forEach((k, c) => inv.set(k.ham.invMetric, c * dim));
  return {
    logp: run.logp,
    acceptProb: run.stats.acceptProb,
    acceptanceRate: chainMeans(run.stats.acceptProb),
    divergent: run.stats.divergent,
    divergences: run.divergences,
    energy: run.stats.energy,
    nSteps: run.stats.nSteps,
    stepSizes: run.stats.stepSize,
    stepSize: new NDArray(Float64Array.from(run.kernels, (k) => k.stepSize), [chains], 'float64'),
    invMetric: new NDArray(inv, [chains, dim], 'float64'),
    numChains: chains,
    numDraws: run.draws,
    warmup: run.warmup,
    thin: run.thin,
    timeMs: run.timeMs,
  };
}
