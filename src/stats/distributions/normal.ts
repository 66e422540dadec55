/**
 * The normal distribution N(loc, scale²), scipy.stats.norm's methods.
 */
import { broadcastShapes, type ArrayLike, type NDArray } from '../../core';
import { add, broadcastTo, divide, exp, log, mean as meanOf, multiply, negative, square, std as stdOf, subtract } from '../../ops';
import type { Generator } from '../../random';
import { logNdtr, ndtr, ndtri } from '../special/errorFunctions';
import { LOG_SQRT_2PI } from '../special/kernels/gamma';
import { asFloat, finite, fitData, param, positive, result, sampleSize, scalarParam, type SampleShape, type Value } from './base';

/**
 * The normal (Gaussian) distribution with mean `loc` and standard deviation
 * `scale` (scipy.stats.norm(loc, scale)). Parameters may be arrays: every
 * method broadcasts them against its argument.
 * @example
 * const n = new Normal(0, 1);
 * n.pdf(0);          // 0.3989422804014327
 * n.logpdf(40);      // -800.9189385332047 (no underflow)
 * n.cdf(1.96);       // 0.9750021048517795
 * n.ppf(0.975);      // 1.9599639845400538
 * @throws {ValueError} when loc is not finite or scale is not positive and finite.
 */
export class Normal {
  /** Mean, `(...)`. */
  readonly loc: NDArray;
  /** Standard deviation, `(...)`, positive. */
  readonly scale: NDArray;

  constructor(loc: ArrayLike = 0, scale: ArrayLike = 1) {
    this.loc = param(loc, 'Normal', 'loc', 'finite', finite);
    this.scale = param(scale, 'Normal', 'scale', 'positive and finite', positive);
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.loc.shape, this.scale.shape);
  }

  private z(x: ArrayLike): NDArray {
    return divide(subtract(asFloat(x, 'x'), this.loc), this.scale);
  }

  /** log density -z²/2 - log σ - log √(2π), exact in the tails (no log of an underflowed pdf). */
  logpdf(x: ArrayLike): Value {
    return result(subtract(subtract(multiply(square(this.z(x)), -0.5), log(this.scale)), LOG_SQRT_2PI));
  }

  /** Density φ((x - loc)/scale)/scale. */
  pdf(x: ArrayLike): Value {
    return result(divide(multiply(exp(multiply(square(this.z(x)), -0.5)), 1 / Math.sqrt(2 * Math.PI)), this.scale));
  }

  /** Φ((x - loc)/scale). */
  cdf(x: ArrayLike): Value {
    return result(ndtr(this.z(x)));
  }

  /** log Φ((x - loc)/scale), finite far into the lower tail. */
  logcdf(x: ArrayLike): Value {
    return result(logNdtr(this.z(x)));
  }

  /** The survival function 1 - cdf, computed as Φ(-z) (accurate in the upper tail). */
  sf(x: ArrayLike): Value {
    return result(ndtr(negative(this.z(x))));
  }

  /** log sf, finite far into the upper tail. */
  logsf(x: ArrayLike): Value {
    return result(logNdtr(negative(this.z(x))));
  }

  /** The quantile function loc + scale·Φ⁻¹(q); NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    return result(add(this.loc, multiply(this.scale, ndtri(asFloat(q, 'q')))));
  }

  /** The inverse survival function loc - scale·Φ⁻¹(q). */
  isf(q: ArrayLike): Value {
    return result(subtract(this.loc, multiply(this.scale, ndtri(asFloat(q, 'q')))));
  }

  /**
   * Draws with `rng` (`loc + scale·rng.standardNormal`, the stream SciPy's
   * `norm.rvs(random_state=rng)` and NumPy's `rng.normal` produce).
   * @param shape the output shape; omitted gives the batch shape (a number for scalar parameters).
   * @example new Normal(0, 1).sample(np.random.defaultRng(0), 3)  // [ 0.12573022 -0.13210486  0.64042265]
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    return rng.normal(scalarParam(this.loc), scalarParam(this.scale), size) as Value;
  }

  /** The mean, loc. */
  mean(): Value {
    return result(broadcastTo(this.loc, this.batchShape));
  }

  /** The variance scale². */
  var(): Value {
    return result(broadcastTo(square(this.scale), this.batchShape));
  }

  /** The standard deviation, scale. */
  std(): Value {
    return result(broadcastTo(this.scale, this.batchShape));
  }

  /** The median, loc. */
  median(): Value {
    return this.mean();
  }

  /** The differential entropy ½ log(2πe σ²), in nats. */
  entropy(): Value {
    return result(broadcastTo(add(log(this.scale), 0.5 + LOG_SQRT_2PI), this.batchShape));
  }

  /**
   * The maximum-likelihood fit (closed form): loc = mean(data), scale = the
   * biased standard deviation (ddof = 0), as scipy.stats.norm.fit.
   * @param data `(n,)` or any shape (all elements are used).
   * @throws {ValueError} for empty or non-finite data, or zero spread.
   * @example Normal.fit([2.1, 1.8, 2.5, 2.3, 1.9, 2.7, 2.0, 2.4]).std()  // 0.2934173648576376
   */
  static fit(data: ArrayLike): Normal {
    const d = fitData(data, 'Normal');
    return new Normal(meanOf(d), stdOf(d));
  }
}
