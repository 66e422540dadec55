/**
 * Random-walk Metropolis–Hastings (Metropolis et al. 1953; Hastings 1970),
 * the algorithm of the book's chapter 10, in log space: propose
 * x′ = x + σ·L·z with z ~ N(0, I) and LLᵀ = Σ, accept when
 * log U < log p(x′) − log p(x).
 *
 * Warm-up adapts σ by Robbins–Monro on log σ toward a target acceptance
 * rate (Andrieu & Thoms 2008, "A tutorial on adaptive MCMC", Algorithm 4;
 * targets 0.234 in d > 1 and 0.44 in d = 1, Roberts & Rosenthal 2001), and
 * optionally Σ from the warm-up draws in Stan's doubling windows (the
 * adaptive Metropolis of Haario, Saksman & Tamminen 2001, with σ reset to
 * 2.38/√d after each window).
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import { cholesky } from '../linalg';
import type { Generator } from '../random';
import { Welford, WindowSchedule, type WindowOptions } from './adaptation';
import { chainMeans, prepareChains, runChains, type ChainKernel, type Init, type RunOptions, type StatSpec } from './driver';
import type { MetropolisResult } from './result';
import { flatTarget, type FlatTarget, type LogDensityFn, type PositionOf } from './target';

/** Options of {@link metropolis}. */
export interface MetropolisOptions extends RunOptions {
  /** Initial proposal scale σ (default 2.38/√d, Roberts, Gelman & Gilks 1997; the book uses 1). */
  scale?: number;
  /** Proposal covariance Σ: a (d,) vector of variances or a (d, d) positive definite matrix (default identity). */
  proposalCov?: ArrayLike;
  /** Tune σ during warm-up toward `targetAccept` (default true). */
  adaptScale?: boolean;
  /** Estimate Σ from warm-up draws: `'diag'`, `'full'`, or `'none'` to keep `proposalCov` (default). */
  adaptCov?: 'none' | 'diag' | 'full';
  /** Target acceptance rate of the scale adaptation (default 0.44 for one parameter, else 0.234). */
  targetAccept?: number;
  /** Stan's warm-up windows for `adaptCov`. */
  windows?: WindowOptions;
}

const STATS: StatSpec[] = [
  { name: 'acceptProb', dtype: 'float64' },
  { name: 'accepted', dtype: 'bool' },
];

/** The lower Cholesky factor of a (d,) variance vector or (d, d) covariance, as a dense d×d Float64Array. */
function proposalFactor(cov: ArrayLike | undefined, d: number): Float64Array {
  const L = new Float64Array(d * d);
  if (cov === undefined) {
    for (let i = 0; i < d; i++) L[i * d + i] = 1;
    return L;
  }
  const a = asarray(cov, 'float64');
  if (a.ndim === 1 && a.shape[0] === d) {
    const v = a.toArray();
    v.forEach((x, i) => {
      if (!(x > 0 && Number.isFinite(x))) throw new ValueError(`proposalCov: variances must be positive and finite, got ${x}`);
      L[i * d + i] = Math.sqrt(x);
    });
    return L;
  }
  if (a.ndim === 2 && a.shape[0] === d && a.shape[1] === d) {
    L.set((cholesky(a) as NDArray).toArray());
    return L;
  }
  throw new ValueError(`proposalCov must have shape (${d},) or (${d}, ${d}) for ${d} parameters, got (${a.shape.join(', ')})`);
}

class MetropolisKernel implements ChainKernel {
  readonly position: Float64Array;
  logp: number;
  readonly stats = new Float64Array(2);
  scale: number;
  private readonly proposal: Float64Array;
  private readonly normals: NDArray;
  private rmCounter = 0;
  private readonly welford: Welford | null;
  private readonly windows: WindowSchedule;
  private readonly cov: Float64Array;

  constructor(
    private readonly target: FlatTarget,
    private readonly rng: Generator,
    q0: Float64Array,
    /** Lower Cholesky factor of Σ (d×d, row-major). */
    readonly factor: Float64Array,
    scale: number,
    private readonly opts: { adaptScale: boolean; adaptCov: 'none' | 'diag' | 'full'; targetAccept: number; warmup: number; windows: WindowOptions },
  ) {
    const d = target.dim;
    this.position = q0;
    this.logp = target.logp(q0);
    this.scale = scale;
    this.proposal = new Float64Array(d);
    this.normals = rng.standardNormal([d]);
    this.windows = new WindowSchedule(opts.warmup, opts.windows);
    this.welford = opts.adaptCov === 'none' ? null : new Welford(d, opts.adaptCov === 'full');
    this.cov = new Float64Array(opts.adaptCov === 'full' ? d * d : d);
  }

  transition(adapt: boolean): void {
    const d = this.position.length;
    const q = this.position;
    const L = this.factor;
    this.rng.standardNormal(null, { out: this.normals });
    const z = this.normals.data as Float64Array;
    const s = this.scale;
    for (let i = 0; i < d; i++) {
      let acc = 0;
      for (let j = 0; j <= i; j++) acc += L[i * d + j] * z[j];
      this.proposal[i] = q[i] + s * acc;
    }
    const lp = this.target.logp(this.proposal);
    const logRatio = lp - this.logp;
    const alpha = logRatio >= 0 ? 1 : logRatio === logRatio ? Math.exp(logRatio) : 0;
    const accept = Math.log(this.rng.random()) < logRatio;
    if (accept) {
      q.set(this.proposal);
      this.logp = lp;
    }
    this.stats[0] = alpha;
    this.stats[1] = accept ? 1 : 0;
    if (adapt) this.adapt(alpha);
  }

  private adapt(alpha: number): void {
    if (this.opts.adaptScale) {
      // Robbins–Monro on log σ with gain t^-0.6 (a decreasing gain that still sums to infinity).
      this.rmCounter++;
      this.scale *= Math.exp(Math.pow(this.rmCounter, -0.6) * (alpha - this.opts.targetAccept));
    }
    if (this.welford === null) return;
    const w = this.windows;
    if (w.inWindow()) this.welford.add(this.position);
    const ended = w.endOfWindow();
    if (ended) this.updateCovariance();
    w.advance(ended);
  }

  /** Σ ← the regularised window covariance; σ restarts at 2.38/√d. */
  private updateCovariance(): void {
    const d = this.position.length;
    const welford = this.welford!;
    welford.regularized(this.cov);
    welford.restart();
    const L = this.factor;
    if (this.opts.adaptCov === 'diag') {
      L.fill(0);
      for (let i = 0; i < d; i++) L[i * d + i] = Math.sqrt(this.cov[i]);
    } else {
      L.set((cholesky(new NDArray(Float64Array.from(this.cov), [d, d], 'float64')) as NDArray).toArray());
    }
    this.scale = 2.38 / Math.sqrt(d);
    this.rmCounter = 0;
  }

  endWarmup(): void {}
}

/**
 * Random-walk Metropolis–Hastings over a log density.
 * @param logp `(x) => log p(x)` up to a constant, written with numts ops or plain JS (it is only evaluated);
 *   `x` is shaped like `init` (an NDArray, or a tree of NDArrays such as `{ mu, tau }`).
 * @param init the initial point (number, array, or tree of them), or `(chain, rng) => point`.
 * @returns draws shaped `(chains, draws, ...)`, acceptance statistics, final scale and covariance.
 * @throws {ValueError} for bad counts or options, or a non-finite log density at the initial point;
 *   `LinAlgError` for a proposal covariance that is not positive definite.
 * @example
 * // The book's mixture 0.3·N(−2, 1) + 0.7·N(3, 1) (chapter 10)
 * const logp = (x: NDArray) => np.log(np.add(np.multiply(0.3, np.exp(np.multiply(-0.5, np.square(np.add(x, 2))))),
 *                                            np.multiply(0.7, np.exp(np.multiply(-0.5, np.square(np.subtract(x, 3)))))));
 * const res = metropolis(logp, 0, { rng: 42, draws: 5000 });
 * res.draws.shape;              // [4, 5000]
 * np.mean(res.draws);           // 1.4630759344873403 (the mixture's mean is 1.5)
 */
export function metropolis<T>(logp: LogDensityFn<T>, init: Init<T>, opts: MetropolisOptions = {}): MetropolisResult<PositionOf<T>> {
  const prepared = prepareChains(init, opts);
  const target = flatTarget(logp, prepared.points[0] as T);
  const d = target.dim;
  const scale = opts.scale ?? 2.38 / Math.sqrt(d);
  if (!(scale > 0 && Number.isFinite(scale))) throw new ValueError(`scale must be positive and finite, got ${scale}`);
  const targetAccept = opts.targetAccept ?? (d === 1 ? 0.44 : 0.234);
  if (!(targetAccept > 0 && targetAccept < 1)) throw new ValueError(`targetAccept must be in (0, 1), got ${targetAccept}`);
  const adaptCov = opts.adaptCov ?? 'none';
  if (!['none', 'diag', 'full'].includes(adaptCov)) throw new ValueError(`adaptCov must be 'none', 'diag' or 'full', got '${adaptCov}'`);
  const factor = proposalFactor(opts.proposalCov, d);
  const settings = { adaptScale: opts.adaptScale ?? true, adaptCov, targetAccept, warmup: prepared.warmup, windows: opts.windows ?? {} };
  const run = runChains('metropolis', target, prepared, opts, STATS, false, (_c, rng, q0) =>
    new MetropolisKernel(target, rng, q0, Float64Array.from(factor), scale, settings),
  );
  const chains = run.chains;
  const covs = new Float64Array(chains * d * d);
  run.kernels.forEach((k, c) => {
    // Σ = L Lᵀ
    const L = k.factor;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      let s = 0;
      for (let m = 0; m <= Math.min(i, j); m++) s += L[i * d + m] * L[j * d + m];
      covs[c * d * d + i * d + j] = s;
    }
  });
  return {
    sampler: 'metropolis',
    draws: run.positions as PositionOf<T>,
    logp: run.logp,
    acceptProb: run.stats.acceptProb,
    accepted: run.stats.accepted,
    acceptanceRate: chainMeans(run.stats.acceptProb),
    scale: new NDArray(Float64Array.from(run.kernels, (k) => k.scale), [chains], 'float64'),
    proposalCov: new NDArray(covs, [chains, d, d], 'float64'),
    numChains: chains,
    numDraws: run.draws,
    warmup: run.warmup,
    thin: run.thin,
    timeMs: run.timeMs,
  };
}

