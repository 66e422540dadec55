/**
 * Effective sample size, R̂ and Monte Carlo standard error with ArviZ's
 * methods and names (`az.ess`, `az.rhat`, `az.mcse`; arviz/stats/diagnostics.py),
 * after Vehtari, Gelman, Simpson, Carpenter, Bürkner (2021), "Rank-normalization,
 * folding, and localization: an improved R̂ for assessing convergence of MCMC".
 */
import { ValueError, type ArrayLike, type NDArray } from '../../core';
import { betaincinv } from '../../stats/special/kernels/beta';
import {
  folded, indicator, mapMatrix, meanOf, quantileSorted, sorted, splitChains, varianceOf, zScale, type ChainMatrix,
} from './chains';
import { essOf, rhatOf } from './essCore';
import { collect, perVariable, tooSmall } from './input';

/** ESS methods of ArviZ's `ess`. */
export type EssMethod = 'bulk' | 'tail' | 'mean' | 'sd' | 'quantile' | 'local' | 'median' | 'mad' | 'z_scale' | 'folded' | 'identity';

/** Options of {@link ess}. */
export interface EssOptions {
  /** Default `'bulk'` (rank-normalised split-ESS). */
  method?: EssMethod;
  /** `'quantile'`: the probability; `'local'`: `[low, high]`; `'tail'`: p or `[p, 1-p]` (default [0.05, 0.95]). */
  prob?: number | readonly [number, number];
  /** Divide by the number of draws (ESS per draw). */
  relative?: boolean;
}

/** `_ess` of the split chains of the indicator I(x ≤ quantile_p(x)). */
export function essQuantile(m: ChainMatrix, p: number, relative = false): number {
  const q = quantileSorted(sorted(m.data), p);
  return essOf(splitChains(indicator(m, (v) => v <= q)), relative);
}

/** Bulk-ESS: ESS of the rank-normalised split chains. */
export function essBulk(m: ChainMatrix, relative = false): number {
  return essOf(zScale(splitChains(m)), relative);
}

/** Tail-ESS: the smaller ESS of the 5% and 95% quantile indicators. */
export function essTail(m: ChainMatrix, prob: readonly [number, number] = [0.05, 0.95], relative = false): number {
  return Math.min(essQuantile(m, prob[0], relative), essQuantile(m, prob[1], relative));
}

/** ESS of the mean (split chains, no rank normalisation). */
export function essMean(m: ChainMatrix, relative = false): number {
  return essOf(splitChains(m), relative);
}

function probPair(prob: EssOptions['prob'], dflt: readonly [number, number] | null, fname: string): readonly [number, number] {
  if (prob === undefined) {
    if (dflt === null) throw new ValueError(`${fname}: prob must be given for this method`);
    return dflt;
  }
  return typeof prob === 'number' ? [prob, 1 - prob] : prob;
}

function probOne(prob: EssOptions['prob'], fname: string): number {
  if (typeof prob !== 'number') throw new ValueError(`${fname}: prob must be a number for this method`);
  if (!(prob >= 0 && prob <= 1)) throw new ValueError(`${fname}: prob must be in [0, 1], got ${prob}`);
  return prob;
}

function essBy(m: ChainMatrix, opts: EssOptions): number {
  const rel = opts.relative ?? false;
  switch (opts.method ?? 'bulk') {
    case 'bulk':
      return essBulk(m, rel);
    case 'tail':
      return essTail(m, probPair(opts.prob, [0.05, 0.95], 'ess'), rel);
    case 'mean':
      return essMean(m, rel);
    case 'sd': {
      const mu = meanOf(m.data);
      return essOf(splitChains(mapMatrix(m, (v) => (v - mu) * (v - mu))), rel);
    }
    case 'quantile':
      return essQuantile(m, probOne(opts.prob, 'ess'), rel);
    case 'median':
      return essQuantile(m, 0.5, rel);
    case 'local': {
      const [lo, hi] = probPair(opts.prob, null, 'ess');
      const s = sorted(m.data);
      const ql = quantileSorted(s, lo);
      const qh = quantileSorted(s, hi);
      return essOf(splitChains(indicator(m, (v) => ql <= v && v <= qh)), rel);
    }
    case 'mad': {
      const f = folded(m);
      const med = quantileSorted(sorted(f.data), 0.5);
      return essOf(zScale(splitChains(indicator(f, (v) => v <= med))), rel);
    }
    case 'z_scale':
      return essOf(zScale(splitChains(m)), rel);
    case 'folded':
      return essOf(zScale(folded(splitChains(m))), rel);
    case 'identity':
      return essOf(m, rel);
  }
}

const ESS_METHODS = new Set(['bulk', 'tail', 'mean', 'sd', 'quantile', 'local', 'median', 'mad', 'z_scale', 'folded', 'identity']);

/**
 * Effective sample size of MCMC draws, ArviZ's `az.ess`: by default the
 * bulk-ESS (ESS of the rank-normalised split chains, Vehtari et al. 2021 §4.1).
 * Fewer than 4 draws, or any NaN, give NaN.
 * @param x draws shaped `(chains, draws, ...)` (1-D: one chain).
 * @returns a number for `(chains, draws)` input, else an NDArray of the trailing shape.
 * @throws {ValueError} for an unknown method, a missing or invalid `prob`, 0-d input.
 * @example
 * ess([[0.1, -1.2, 0.7, 0.4, -0.3, 1.1], [0.9, -0.5, 0.2, -1.4, 0.6, -0.8]]);  // 12.9501749525715
 */
export function ess(x: ArrayLike, opts: EssOptions = {}): number | NDArray {
  if (opts.method !== undefined && !ESS_METHODS.has(opts.method)) throw new ValueError(`ess: unknown method '${opts.method}'`);
  if (opts.method === 'quantile') probOne(opts.prob, 'ess');
  if (opts.method === 'local') probPair(opts.prob, null, 'ess');
  return collect(perVariable(x, 'ess'), (m) => (tooSmall(m) ? NaN : essBy(m, opts)));
}

/** R̂ methods of ArviZ's `rhat`. */
export type RhatMethod = 'rank' | 'split' | 'folded' | 'z_scale' | 'identity';

/** Rank-normalised split-R̂: the larger of the bulk (z-scaled) and tail (folded, z-scaled) R̂ (Vehtari et al. 2021 §4.2). */
export function rhatRank(m: ChainMatrix): number {
  const split = splitChains(m);
  const bulk = rhatOf(zScale(split));
  const tail = rhatOf(zScale(folded(split)));
  return Math.max(bulk, tail);
}

function rhatBy(m: ChainMatrix, method: RhatMethod): number {
  switch (method) {
    case 'rank':
      return rhatRank(m);
    case 'split':
      return rhatOf(splitChains(m));
    case 'folded':
      return rhatOf(zScale(folded(splitChains(m))));
    case 'z_scale':
      return rhatOf(zScale(splitChains(m)));
    case 'identity':
      return rhatOf(m);
  }
}

/**
 * The potential scale reduction R̂, ArviZ's `az.rhat`: by default the
 * rank-normalised split-R̂ (max of bulk and folded). Values below 1.01 indicate
 * that the chains agree. Fewer than 2 chains or 4 draws, or any NaN, give NaN.
 * @param x draws shaped `(chains, draws, ...)`.
 * @returns a number for `(chains, draws)` input, else an NDArray of the trailing shape.
 * @throws {ValueError} for an unknown method or 0-d input.
 * @example
 * rhat([[0.1, -1.2, 0.7, 0.4, -0.3, 1.1], [0.9, -0.5, 0.2, -1.4, 0.6, -0.8]]);  // 0.9675596223382171
 */
export function rhat(x: ArrayLike, opts: { method?: RhatMethod } = {}): number | NDArray {
  const method = opts.method ?? 'rank';
  if (!['rank', 'split', 'folded', 'z_scale', 'identity'].includes(method)) throw new ValueError(`rhat: unknown method '${method}'`);
  return collect(perVariable(x, 'rhat'), (m) => (tooSmall(m, 2) ? NaN : rhatBy(m, method)));
}

/** MCSE of the mean: sd (ddof 1) / √ESS_mean. */
export function mcseMean(m: ChainMatrix): number {
  return Math.sqrt(varianceOf(m.data, 1) / essMean(m));
}

/**
 * MCSE of the standard deviation by the delta method on the second moment
 * without a normality assumption (ArviZ ≥ 0.17, posterior's `mcse_sd`):
 * Var(s²) ≈ (E[d⁴] − E[d²]²)/ESS_mean(d²), Var(s) ≈ Var(s²)/(4 E[d²]).
 */
export function mcseSd(m: ChainMatrix): number {
  const mu = meanOf(m.data);
  const c2 = mapMatrix(m, (v) => (v - mu) * (v - mu));
  const evar = meanOf(c2.data);
  let m4 = 0;
  for (let i = 0; i < c2.data.length; i++) m4 += c2.data[i] * c2.data[i];
  m4 /= c2.data.length;
  const varvar = (m4 - evar * evar) / essMean(c2);
  return Math.sqrt(varvar / evar / 4);
}

/** MCSE of the p-quantile: half the width of the ±1σ interval from the Beta(ESS·p + 1, ESS·(1−p) + 1) posterior of the rank. */
export function mcseQuantile(m: ChainMatrix, p: number): number {
  const e = essQuantile(m, p);
  const s = sorted(m.data);
  const n = s.length;
  const lo = betaincinv(e * p + 1, e * (1 - p) + 1, 0.1586553) * n - 1;
  const hi = betaincinv(e * p + 1, e * (1 - p) + 1, 0.8413447) * n - 1;
  // np.nanmax / np.nanmin: a NaN bound falls back to the end of the array.
  const i1 = Math.floor(lo === lo ? Math.max(lo, 0) : 0);
  const i2 = Math.ceil(hi === hi ? Math.min(hi, n - 1) : n - 1);
  return (s[i2] - s[i1]) / 2;
}

/** MCSE methods of ArviZ's `mcse`. */
export type McseMethod = 'mean' | 'sd' | 'median' | 'quantile';

/**
 * Monte Carlo standard error, ArviZ's `az.mcse`: of the mean (default, sd/√ESS_mean),
 * the standard deviation, the median, or a quantile (`prob`).
 * @param x draws shaped `(chains, draws, ...)`.
 * @returns a number for `(chains, draws)` input, else an NDArray of the trailing shape.
 * @throws {ValueError} for an unknown method, or `'quantile'` without a prob in [0, 1].
 * @example
 * mcse([[0.1, -1.2, 0.7, 0.4, -0.3, 1.1], [0.9, -0.5, 0.2, -1.4, 0.6, -0.8]]);  // 0.22879061425402983
 */
export function mcse(x: ArrayLike, opts: { method?: McseMethod; prob?: number } = {}): number | NDArray {
  const method = opts.method ?? 'mean';
  if (!['mean', 'sd', 'median', 'quantile'].includes(method)) throw new ValueError(`mcse: unknown method '${method}'`);
  const p = method === 'quantile' ? probOne(opts.prob, 'mcse') : 0.5;
  return collect(perVariable(x, 'mcse'), (m) => {
    if (tooSmall(m)) return NaN;
    if (method === 'mean') return mcseMean(m);
    if (method === 'sd') return mcseSd(m);
    return mcseQuantile(m, p);
  });
}
