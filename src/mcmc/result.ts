/** The result types of the samplers. */
import type { NDArray } from '../core';

/** What every sampler returns. Per-draw arrays are shaped (chains, draws). */
export interface SampleResult<D = NDArray> {
  readonly sampler: 'metropolis' | 'hmc' | 'nuts';
  /** The draws, shaped like the initial point with leading (chains, draws) axes (a tree of such arrays for a tree). */
  readonly draws: D;
  /** log p at each kept draw (up to the constant the log density omits). */
  readonly logp: NDArray;
  /** Acceptance statistic of each transition (MH: α = min(1, p(x′)/p(x)); HMC: min(1, e^{−ΔH}); NUTS: Stan's accept_stat). */
  readonly acceptProb: NDArray;
  /** Mean acceptance statistic of each chain, shape (chains,). */
  readonly acceptanceRate: NDArray;
  readonly numChains: number;
  /** Kept draws per chain. */
  readonly numDraws: number;
  readonly warmup: number;
  readonly thin: number;
  /** Wall time of warm-up and sampling (all chains). */
  readonly timeMs: { readonly warmup: number; readonly sampling: number };
}

/** Random-walk Metropolis–Hastings output. */
export interface MetropolisResult<D = NDArray> extends SampleResult<D> {
  readonly sampler: 'metropolis';
  /** Whether each proposal was accepted (bool). */
  readonly accepted: NDArray;
  /** Final proposal scale σ of each chain, shape (chains,). */
  readonly scale: NDArray;
  /** Final proposal covariance Σ of each chain (the proposal is x + σ·chol(Σ)·z), shape (chains, d, d). */
  readonly proposalCov: NDArray;
}

/** Hamiltonian Monte Carlo output. */
export interface HmcResult<D = NDArray> extends SampleResult<D> {
  readonly sampler: 'hmc' | 'nuts';
  /** Whether each transition diverged (energy error above the limit, or non-finite), bool. */
  readonly divergent: NDArray;
  /** Number of divergent transitions after warm-up, all chains (thinned-out iterations included). */
  readonly divergences: number;
  /** Hamiltonian at each kept draw (with its momentum), for BFMI and energy plots. */
  readonly energy: NDArray;
  /** Leapfrog steps of each transition (int32). */
  readonly nSteps: NDArray;
  /** Step size used in each transition (after jitter). */
  readonly stepSizes: NDArray;
  /** Adapted step size of each chain, shape (chains,). */
  readonly stepSize: NDArray;
  /** Diagonal inverse mass matrix of each chain, shape (chains, d). */
  readonly invMetric: NDArray;
}

/** No-U-Turn sampler output. */
export interface NutsResult<D = NDArray> extends HmcResult<D> {
  readonly sampler: 'nuts';
  /** Tree depth of each transition (int32); depth = maxTreeDepth means the trajectory was cut short. */
  readonly treeDepth: NDArray;
}
