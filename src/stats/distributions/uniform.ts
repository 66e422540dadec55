/**
 * The continuous uniform distribution on [loc, loc + scale], scipy.stats.uniform's methods.
 */
import { broadcastShapes, type ArrayLike, type NDArray } from '../../core';
import {
  add, broadcastTo, divide, greater, less, log, logicalOr, max, maximum, min, minimum, multiply, negative, square, subtract, where,
} from '../../ops';
import type { Generator } from '../../random';
import { asFloat, finite, fitData, logProbability, param, positive, result, type SampleShape, sampleSize, type Value } from './base';

/**
 * The uniform distribution on [loc, loc + scale] (scipy.stats.uniform(loc, scale):
 * note SciPy's parametrisation by width, not by the upper end).
 * @example
 * const u = new Uniform(-1, 2);   // U[-1, 1]
 * u.pdf(0);    // 0.5
 * u.cdf(0.5);  // 0.75
 * @throws {ValueError} when loc is not finite or scale is not positive and finite.
 */
export class Uniform {
  /** Lower end, `(...)`. */
  readonly loc: NDArray;
  /** Width, `(...)`, positive. */
  readonly scale: NDArray;

  constructor(loc: ArrayLike = 0, scale: ArrayLike = 1) {
    this.loc = param(loc, 'Uniform', 'loc', 'finite', finite);
    this.scale = param(scale, 'Uniform', 'scale', 'positive and finite', positive);
  }

  /** The uniform distribution on [low, high] (NumPy's parametrisation). */
  static fromBounds(low: ArrayLike, high: ArrayLike): Uniform {
    const lo = asFloat(low, 'low');
    return new Uniform(lo, subtract(asFloat(high, 'high'), lo));
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.loc.shape, this.scale.shape);
  }

  private z(x: ArrayLike): NDArray {
    return divide(subtract(asFloat(x, 'x'), this.loc), this.scale);
  }

  private outside(z: NDArray): NDArray {
    return logicalOr(less(z, 0), greater(z, 1));
  }

  /** Density 1/scale on [loc, loc + scale], 0 outside. */
  pdf(x: ArrayLike): Value {
    const z = this.z(x);
    return result(where(this.outside(z), 0, divide(1, broadcastTo(this.scale, z.shape))));
  }

  /** log density -log(scale) inside, -∞ outside. */
  logpdf(x: ArrayLike): Value {
    const z = this.z(x);
    return result(where(this.outside(z), -Infinity, negative(log(broadcastTo(this.scale, z.shape)))));
  }

  /** (x - loc)/scale clipped to [0, 1]. */
  cdf(x: ArrayLike): Value {
    return result(minimum(maximum(this.z(x), 0), 1));
  }

  /** log cdf. */
  logcdf(x: ArrayLike): Value {
    return logProbability(this.cdf(x), this.sf(x));
  }

  /** 1 - cdf. */
  sf(x: ArrayLike): Value {
    return result(minimum(maximum(subtract(1, this.z(x)), 0), 1));
  }

  /** log sf. */
  logsf(x: ArrayLike): Value {
    return logProbability(this.sf(x), this.cdf(x));
  }

  /** loc + q·scale; NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    const qq = asFloat(q, 'q');
    return result(where(logicalOr(less(qq, 0), greater(qq, 1)), NaN, add(this.loc, multiply(qq, this.scale))));
  }

  /** loc + (1 - q)·scale. */
  isf(q: ArrayLike): Value {
    const qq = asFloat(q, 'q');
    return result(where(logicalOr(less(qq, 0), greater(qq, 1)), NaN, add(this.loc, multiply(subtract(1, qq), this.scale))));
  }

  /**
   * Draws loc + scale·U with U = rng.uniform(0, 1) (SciPy's uniform.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    const u = rng.uniform(0, 1, size ?? undefined);
    return result(add(this.loc, multiply(u, this.scale)));
  }

  /** loc + scale/2. */
  mean(): Value {
    return result(broadcastTo(add(this.loc, multiply(this.scale, 0.5)), this.batchShape));
  }

  /** scale²/12. */
  var(): Value {
    return result(broadcastTo(divide(square(this.scale), 12), this.batchShape));
  }

  /** scale/√12. */
  std(): Value {
    return result(broadcastTo(multiply(this.scale, 1 / Math.sqrt(12)), this.batchShape));
  }

  /** loc + scale/2. */
  median(): Value {
    return this.mean();
  }

  /** log(scale). */
  entropy(): Value {
    return result(broadcastTo(log(this.scale), this.batchShape));
  }

  /**
   * The maximum-likelihood fit (closed form): loc = min(data), scale = max - min,
   * as scipy.stats.uniform.fit.
   * @throws {ValueError} for empty or non-finite data, or all values equal.
   */
  static fit(data: ArrayLike): Uniform {
    const d = fitData(data, 'Uniform');
    const lo = min(d);
    return new Uniform(lo, subtract(max(d), lo));
  }
}
