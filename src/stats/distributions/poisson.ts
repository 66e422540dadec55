/**
 * The Poisson distribution, scipy.stats.poisson's methods.
 */
import { ValueError, type ArrayLike, type NDArray } from '../../core';
import { add, broadcastTo, exp, floor, less, mean, sqrt, where } from '../../ops';
import type { Generator } from '../../random';
import { gammainc, gammaincc } from '../special/incomplete';
import { poissonLogpmf as poissonLogpmfK } from './discreteKernels';
import { poissonIsf, poissonLogpmf, poissonPpf } from './discretePrimitives';
import { gammaincLogP, gammaincLogQ } from './continuousPrimitives';
import { asFloat, fitData, param, probabilities, result, type SampleShape, sampleSize, scalarParam, type Value, valuesOf } from './base';

const rate = (v: number): boolean => v >= 0 && v < Infinity;

/**
 * The Poisson distribution with mean `mu` (scipy.stats.poisson(mu)). The
 * log-pmf uses Loader's saddle-point form (accurate at μ = 1000 and beyond).
 * @example
 * const p = new Poisson(3);
 * p.pmf(2);      // 0.22404180765538773
 * p.cdf(2);      // 0.42319008112684353
 * p.ppf(0.5);    // 3
 * @throws {ValueError} when mu is negative or not finite.
 */
export class Poisson {
  /** The mean (rate), `(...)`, ≥ 0. */
  readonly mu: NDArray;

  constructor(mu: ArrayLike) {
    this.mu = param(mu, 'Poisson', 'mu', 'non-negative and finite', rate);
  }

  /** The shape of the parameter. */
  get batchShape(): number[] {
    return [...this.mu.shape];
  }

  /** log P(X = k); -∞ off the support and at non-integer k. Differentiable in mu. */
  logpmf(k: ArrayLike): Value {
    return result(poissonLogpmf(asFloat(k, 'k'), this.mu));
  }

  /** P(X = k). */
  pmf(k: ArrayLike): Value {
    return result(exp(poissonLogpmf(asFloat(k, 'k'), this.mu)));
  }

  /** P(X ≤ x) = Q(k+1, μ), k = floor(x) (SciPy's pdtr). */
  cdf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    const below = less(k, 0);
    return result(where(below, 0, gammaincc(where(below, 1, add(k, 1)), this.mu)));
  }

  /** P(X > x) = P(k+1, μ), computed directly. */
  sf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    const below = less(k, 0);
    return result(where(below, 1, gammainc(where(below, 1, add(k, 1)), this.mu)));
  }

  /** log cdf = log Q(k+1, μ), finite where the cdf underflows. */
  logcdf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    const below = less(k, 0);
    return result(where(below, -Infinity, gammaincLogQ(where(below, 1, add(k, 1)), this.mu)));
  }

  /** log sf = log P(k+1, μ), finite where the sf underflows. */
  logsf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    const below = less(k, 0);
    return result(where(below, 0, gammaincLogP(where(below, 1, add(k, 1)), this.mu)));
  }

  /** The smallest k with cdf(k) ≥ q; -1 at q = 0, ∞ at q = 1, NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    return result(poissonPpf(probabilities(q), this.mu));
  }

  /** The smallest k with sf(k) ≤ q; ∞ at q = 0, -1 at q = 1. */
  isf(q: ArrayLike): Value {
    return result(poissonIsf(probabilities(q), this.mu));
  }

  /**
   * Draws with rng.poisson(mu) (SciPy's poisson.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    return rng.poisson(scalarParam(this.mu), sampleSize(shape, this.batchShape)) as Value;
  }

  /** μ. */
  mean(): Value {
    return result(broadcastTo(this.mu, this.batchShape));
  }

  /** μ. */
  var(): Value {
    return this.mean();
  }

  /** √μ. */
  std(): Value {
    return result(sqrt(this.mu));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return this.ppf(broadcastTo(asFloat(0.5, 'q'), this.batchShape));
  }

  /**
   * The entropy -Σ pmf log pmf, summed over μ ± 40√μ + 20 (beyond it the terms
   * are below 1e-300), in nats. Not differentiable.
   */
  entropy(): Value {
    const mu = valuesOf(this.mu);
    const out = new Float64Array(mu.length);
    for (let i = 0; i < mu.length; i++) {
      const m = mu[i];
      const lo = Math.max(0, Math.floor(m - 40 * Math.sqrt(m) - 20));
      const hi = Math.ceil(m + 40 * Math.sqrt(m) + 40);
      let h = 0;
      for (let k = lo; k <= hi; k++) {
        const lp = poissonLogpmfK(k, m);
        if (lp > -Infinity) h -= Math.exp(lp) * lp;
      }
      out[i] = h;
    }
    return result(asFloat(this.mu.ndim === 0 ? out[0] : out, 'entropy').reshape(this.batchShape));
  }

  /**
   * The maximum-likelihood fit (closed form μ = mean of the counts).
   * @throws {ValueError} for empty data or counts that are not non-negative integers.
   */
  static fit(data: ArrayLike): Poisson {
    const d = fitData(data, 'Poisson');
    for (const v of valuesOf(d)) {
      if (!(v >= 0 && v === Math.floor(v))) throw new ValueError(`Poisson.fit: counts must be non-negative integers (got ${v})`);
    }
    return new Poisson(mean(d));
  }
}
