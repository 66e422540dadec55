/**
 * Checks a sampler's draws against a target's exact moments with tolerances
 * derived from the Monte Carlo standard error: for each coordinate,
 * |mean − μ| ≤ K·MCSE(mean) and |mean((x − μ)²) − σ²| ≤ K·MCSE of that mean
 * (the MCSE of the mean of the draws of (x − μ)², whose expectation is σ²).
 * K = 4: about 6·10⁻⁵ two-sided per check for a correct sampler, and the seeds are fixed.
 */
import { expect } from 'vitest';
import * as np from '../../src/index';
import type { NDArray } from '../../src/index';
import { ess, mcse, rhat } from '../../src/mcmc';

export const K = 4;

/** (chains, draws, ...) → one (chains, draws) array per scalar coordinate. */
export function coordinates(draws: NDArray): NDArray[] {
  const flat = draws.reshape(draws.shape[0], draws.shape[1], -1);
  return Array.from({ length: flat.shape[2] }, (_, i) => flat.get(':', ':', i) as unknown as NDArray);
}

/** Asserts the moment checks, R̂ < 1.01 (when asked) and a reported bulk ESS above `minEss`. */
export function expectMoments(
  draws: NDArray, mean: readonly number[], variance: readonly number[], opts: { rhat?: boolean; minEss?: number } = {},
): void {
  coordinates(draws).forEach((x, i) => {
    const m = np.mean(x) as number;
    const seMean = mcse(x) as number;
    expect(Math.abs(m - mean[i]), `mean of [${i}] = ${m} ± ${seMean}, truth ${mean[i]}`).toBeLessThanOrEqual(K * seMean);
    const sq = np.square(np.subtract(x, mean[i]));
    const v = np.mean(sq) as number;
    const seVar = mcse(sq) as number;
    expect(Math.abs(v - variance[i]), `variance of [${i}] = ${v} ± ${seVar}, truth ${variance[i]}`).toBeLessThanOrEqual(K * seVar);
    const r = rhat(x) as number;
    if (opts.rhat ?? true) expect(r, `rhat of [${i}]`).toBeLessThan(1.01);
    const e = ess(x) as number;
    expect(e, `bulk ESS of [${i}]`).toBeGreaterThan(opts.minEss ?? 100);
  });
}
