/**
 * The exponential distribution, scipy.stats.expon's methods.
 */
import { broadcastShapes, ValueError, type ArrayLike, type NDArray } from '../../core';
import {
  add, broadcastTo, divide, exp, expm1, greater, less, log, log1p, logicalOr, maximum, mean, min, multiply, negative, square, subtract, where,
} from '../../ops';
import type { Generator } from '../../random';
import { asFloat, finite, fitData, logProbability, param, positive, result, type SampleShape, sampleSize, scalarParam, type Value } from './base';

/**
 * The exponential distribution with density e^(-(x-loc)/scale)/scale on
 * x ≥ loc (scipy.stats.expon(loc, scale); the rate is 1/scale).
 * @example
 * const e = new Exponential(0, 2);
 * e.mean();      // 2
 * e.cdf(2);      // 0.6321205588285577
 * e.logsf(1e4);  // -5000
 * @throws {ValueError} when loc is not finite or scale is not positive and finite.
 */
export class Exponential {
  /** Start of the support, `(...)`. */
  readonly loc: NDArray;
  /** Scale (1/rate), `(...)`, positive. */
  readonly scale: NDArray;

  constructor(loc: ArrayLike = 0, scale: ArrayLike = 1) {
    this.loc = param(loc, 'Exponential', 'loc', 'finite', finite);
    this.scale = param(scale, 'Exponential', 'scale', 'positive and finite', positive);
  }

  /** The exponential distribution with rate λ (scale 1/λ) starting at 0. */
  static fromRate(rate: ArrayLike): Exponential {
    return new Exponential(0, divide(1, param(rate, 'Exponential', 'rate', 'positive and finite', positive)));
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.loc.shape, this.scale.shape);
  }

  private z(x: ArrayLike): NDArray {
    return divide(subtract(asFloat(x, 'x'), this.loc), this.scale);
  }

  /** log density -z - log(scale) on the support, -∞ below it. */
  logpdf(x: ArrayLike): Value {
    const z = this.z(x);
    return result(where(less(z, 0), -Infinity, subtract(negative(z), log(broadcastTo(this.scale, z.shape)))));
  }

  /** Density e^(-z)/scale. */
  pdf(x: ArrayLike): Value {
    const z = this.z(x);
    return result(where(less(z, 0), 0, divide(exp(negative(z)), this.scale)));
  }

  /** 1 - e^(-z), as -expm1(-z) (exact for small z). */
  cdf(x: ArrayLike): Value {
    return result(negative(expm1(negative(maximum(this.z(x), 0)))));
  }

  /** log(1 - e^(-z)). */
  logcdf(x: ArrayLike): Value {
    return logProbability(this.cdf(x), this.sf(x));
  }

  /** e^(-z). */
  sf(x: ArrayLike): Value {
    return result(exp(negative(maximum(this.z(x), 0))));
  }

  /** -z (exact: no underflow). */
  logsf(x: ArrayLike): Value {
    return result(negative(maximum(this.z(x), 0)));
  }

  /** loc - scale·log1p(-q); NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    const qq = asFloat(q, 'q');
    const v = add(this.loc, multiply(negative(log1p(negative(qq))), this.scale));
    return result(where(logicalOr(less(qq, 0), greater(qq, 1)), NaN, v));
  }

  /** loc - scale·log(q). */
  isf(q: ArrayLike): Value {
    const qq = asFloat(q, 'q');
    const v = add(this.loc, multiply(negative(log(qq)), this.scale));
    return result(where(logicalOr(less(qq, 0), greater(qq, 1)), NaN, v));
  }

  /**
   * Draws loc + rng.exponential(scale) (SciPy's expon.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    return result(add(this.loc, rng.exponential(scalarParam(this.scale), size)));
  }

  /** loc + scale. */
  mean(): Value {
    return result(broadcastTo(add(this.loc, this.scale), this.batchShape));
  }

  /** scale². */
  var(): Value {
    return result(broadcastTo(square(this.scale), this.batchShape));
  }

  /** scale. */
  std(): Value {
    return result(broadcastTo(this.scale, this.batchShape));
  }

  /** loc + scale·log 2. */
  median(): Value {
    return result(broadcastTo(add(this.loc, multiply(this.scale, Math.LN2)), this.batchShape));
  }

  /** 1 + log(scale). */
  entropy(): Value {
    return result(broadcastTo(add(log(this.scale), 1), this.batchShape));
  }

  /**
   * The maximum-likelihood fit (closed form): loc = min(data), scale =
   * mean(data) - loc, as scipy.stats.expon.fit.
   * @param opts.loc fix loc (e.g. 0) and fit only scale = mean(data) - loc.
   * @throws {ValueError} for empty or non-finite data, or data below a fixed loc.
   */
  static fit(data: ArrayLike, opts: { loc?: number } = {}): Exponential {
    const d = fitData(data, 'Exponential');
    const lo = opts.loc ?? (min(d) as number);
    if ((min(d) as number) < lo) throw new ValueError('Exponential.fit: data lie below the fixed loc');
    return new Exponential(lo, subtract(mean(d), lo));
  }
}
