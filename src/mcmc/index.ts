/**
 * numts/mcmc — Markov chain Monte Carlo over a log density written with
 * numts ops, and the convergence diagnostics of ArviZ and Stan.
 *
 * Samplers (several chains, each with its own stream spawned from one
 * Generator, so the same seed gives the same draws; warm-up with adaptation;
 * thinning; progress callbacks):
 * - {@link metropolis}: random-walk Metropolis–Hastings (the book's chapter 10),
 *   with the proposal scale (and optionally covariance) tuned in warm-up;
 * - {@link hmc}: Hamiltonian Monte Carlo, leapfrog with autodiff gradients;
 * - {@link nuts}: the No-U-Turn sampler, multinomial as in Stan, with
 *   divergence detection and a maximum tree depth.
 * HMC and NUTS adapt the step size by dual averaging and a diagonal mass
 * matrix in Stan's warm-up windows.
 *
 * Diagnostics (Vehtari et al. 2021, as ArviZ computes them): {@link rhat},
 * {@link ess} (bulk, tail, …), {@link mcse}, {@link hdi}, {@link summary},
 * {@link bfmi}, {@link autocorr}.
 * @example
 * import * as np from 'numts';
 * import { nuts, summary } from 'numts/mcmc';
 * const logp = (x: np.NDArray) => np.multiply(-0.5, np.sum(np.square(x)));
 * const res = nuts(logp, np.zeros([2]), { rng: 42, chains: 4, draws: 1000 });
 * console.log(String(summary(res)));
 */
import '../ops/methods';
import '../tensor';

export { metropolis } from './metropolis';
export type { MetropolisOptions } from './metropolis';
export { hmc } from './hmc';
export type { HmcOptions } from './hmc';
export { nuts } from './nuts';
export type { NutsOptions } from './nuts';
export type { HamiltonianOptions } from './hmcCommon';
export type { RunOptions, ProgressInfo, Init } from './driver';
export type { WindowOptions } from './adaptation';
export type { SampleResult, MetropolisResult, HmcResult, NutsResult } from './result';
export type { PositionOf, LogDensityFn, FlatLogDensityGrad } from './target';
export { progressBar, formatProgress } from './progress';
export type { ProgressBarOptions } from './progress';
export { ess, rhat, mcse } from './diagnostics/ess';
export type { EssMethod, EssOptions, RhatMethod, McseMethod } from './diagnostics/ess';
export { hdi } from './diagnostics/hdi';
export { summary, Summary } from './diagnostics/summary';
export type { SummaryRow, SummaryOptions } from './diagnostics/summary';
export { autocov, autocorr, bfmi } from './diagnostics/energy';
