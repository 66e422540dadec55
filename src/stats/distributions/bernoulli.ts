/**
 * The Bernoulli distribution, scipy.stats.bernoulli's methods.
 */
import { ValueError, type ArrayLike, type NDArray } from '../../core';
import { add, broadcastTo, equal, exp, floor, greater, greaterEqual, isnan, less, lessEqual, logicalAnd, mean, multiply, negative, sqrt, subtract, where } from '../../ops';
import type { Generator } from '../../random';
import { xlog1py, xlogy } from '../special/xlogy';
import { binomLogpmf } from './discretePrimitives';
import { asFloat, fitData, logProbability, param, probabilities, probability, result, type SampleShape, sampleSize, scalarParam, type Value, valuesOf } from './base';

/**
 * The Bernoulli distribution: 1 with probability `p`, 0 otherwise
 * (scipy.stats.bernoulli(p)).
 * @example
 * const b = new Bernoulli(0.3);
 * b.pmf([0, 1]);   // [0.7 0.3]
 * b.entropy();     // 0.6108643020548934
 * @throws {ValueError} when p is outside [0, 1].
 */
export class Bernoulli {
  /** Success probability, `(...)`. */
  readonly p: NDArray;

  constructor(p: ArrayLike) {
    this.p = param(p, 'Bernoulli', 'p', 'in [0, 1]', probability);
  }

  /** The shape of the parameter. */
  get batchShape(): number[] {
    return [...this.p.shape];
  }

  /** log P(X = k): log p at 1, log(1-p) at 0, -∞ elsewhere. Differentiable in p. */
  logpmf(k: ArrayLike): Value {
    return result(binomLogpmf(asFloat(k, 'k'), 1, this.p));
  }

  /** P(X = k). */
  pmf(k: ArrayLike): Value {
    return result(exp(binomLogpmf(asFloat(k, 'k'), 1, this.p)));
  }

  /** P(X ≤ x): 0 below 0, 1 - p on [0, 1), 1 from 1 on. */
  cdf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    return result(where(less(k, 0), 0, where(greaterEqual(k, 1), 1, subtract(1, this.p))));
  }

  /** P(X > x). */
  sf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'k'));
    return result(where(less(k, 0), 1, where(greaterEqual(k, 1), 0, broadcastTo(this.p, k.shape))));
  }

  /** log cdf. */
  logcdf(x: ArrayLike): Value {
    return logProbability(this.cdf(x), this.sf(x));
  }

  /** log sf. */
  logsf(x: ArrayLike): Value {
    return logProbability(this.sf(x), this.cdf(x));
  }

  /** The smallest k with cdf(k) ≥ q: -1 at q = 0, 0 up to 1 - p, then 1 (and 1 at q = 1, as SciPy). */
  ppf(q: ArrayLike): Value {
    const qq = probabilities(q);
    const k = where(equal(qq, 0), -1, where(logicalAnd(lessEqual(qq, subtract(1, this.p)), less(qq, 1)), 0, 1));
    return result(where(isnan(qq), NaN, k));
  }

  /** The smallest k with sf(k) ≤ q: 1 at q = 0 (as SciPy), 0 from p on, -1 at q = 1. */
  isf(q: ArrayLike): Value {
    const qq = probabilities(q);
    const k = where(equal(qq, 1), -1, where(logicalAnd(greaterEqual(qq, this.p), greater(qq, 0)), 0, 1));
    return result(where(isnan(qq), NaN, k));
  }

  /**
   * Draws with rng.binomial(1, p) (SciPy's bernoulli.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    return rng.binomial(1, scalarParam(this.p), sampleSize(shape, this.batchShape)) as Value;
  }

  /** p. */
  mean(): Value {
    return result(broadcastTo(this.p, this.batchShape));
  }

  /** p(1 - p). */
  var(): Value {
    return result(multiply(this.p, subtract(1, this.p)));
  }

  /** √(p(1 - p)). */
  std(): Value {
    return result(sqrt(multiply(this.p, subtract(1, this.p))));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return this.ppf(broadcastTo(asFloat(0.5, 'q'), this.batchShape));
  }

  /** -p log p - (1-p) log(1-p), in nats (0 at p = 0 or 1). */
  entropy(): Value {
    return result(negative(add(xlogy(this.p, this.p), xlog1py(subtract(1, this.p), negative(this.p)))));
  }

  /**
   * The maximum-likelihood fit (closed form p = mean of the 0/1 data).
   * @throws {ValueError} for empty data or values other than 0 and 1.
   */
  static fit(data: ArrayLike): Bernoulli {
    const d = fitData(data, 'Bernoulli');
    for (const v of valuesOf(d)) if (v !== 0 && v !== 1) throw new ValueError(`Bernoulli.fit: data must be 0 or 1 (got ${v})`);
    return new Bernoulli(mean(d));
  }
}
