/**
 * The gamma distribution, scipy.stats.gamma's methods.
 */
import { broadcastShapes, ValueError, type ArrayLike, type NDArray } from '../../core';
import {
  add, broadcastTo, divide, exp, log, maximum, min, multiply, sqrt, square, subtract,
} from '../../ops';
import type { Generator } from '../../random';
import { digamma, gammaln } from '../special/gammaFunctions';
import { gammainc, gammaincc, gammainccinv, gammaincinv } from '../special/incomplete';
import { gammaincLogP, gammaincLogQ, gammaLogpdf } from './continuousPrimitives';
import { digamma as digammaK, polygamma as polygammaK } from '../special/kernels/digamma';
import { asFloat, finite, fitData, param, positive, probabilities, result, type SampleShape, sampleSize, scalarParam, type Value, valuesOf } from './base';

/**
 * The gamma distribution with shape `a` and density
 * z^(a-1) e^(-z) / (Γ(a) scale), z = (x - loc)/scale ≥ 0 (scipy.stats.gamma(a, loc, scale)).
 * @example
 * const g = new Gamma(2, 0, 3);
 * g.mean();        // 6
 * g.cdf(6);        // 0.5939941502901618
 * g.ppf(0.5);      // 5.035040970049982
 * @throws {ValueError} when a or scale is not positive and finite, or loc is not finite.
 */
export class Gamma {
  /** Shape, `(...)`, positive. */
  readonly a: NDArray;
  /** Start of the support, `(...)`. */
  readonly loc: NDArray;
  /** Scale (1/rate), `(...)`, positive. */
  readonly scale: NDArray;

  constructor(a: ArrayLike, loc: ArrayLike = 0, scale: ArrayLike = 1) {
    this.a = param(a, 'Gamma', 'a', 'positive and finite', positive);
    this.loc = param(loc, 'Gamma', 'loc', 'finite', finite);
    this.scale = param(scale, 'Gamma', 'scale', 'positive and finite', positive);
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.a.shape, this.loc.shape, this.scale.shape);
  }

  private z(x: ArrayLike): NDArray {
    return divide(subtract(asFloat(x, 'x'), this.loc), this.scale);
  }

  /**
   * log density (a-1) log z - z - log Γ(a) - log scale, formed with Temme's
   * scaling for large a (no cancellation); -∞ below loc (+∞ at loc when a < 1).
   */
  logpdf(x: ArrayLike): Value {
    return result(subtract(gammaLogpdf(this.a, this.z(x)), log(this.scale)));
  }

  /** The density, exp(logpdf). */
  pdf(x: ArrayLike): Value {
    const lp = this.logpdf(x);
    return typeof lp === 'number' ? Math.exp(lp) : exp(lp);
  }

  /** P(a, z), the regularized lower incomplete gamma function. */
  cdf(x: ArrayLike): Value {
    return result(gammainc(this.a, maximum(this.z(x), 0)));
  }

  /** log cdf, finite where the cdf underflows (log P computed in log space). */
  logcdf(x: ArrayLike): Value {
    return result(gammaincLogP(this.a, maximum(this.z(x), 0)));
  }

  /** Q(a, z), computed directly (accurate in the upper tail). */
  sf(x: ArrayLike): Value {
    return result(gammaincc(this.a, maximum(this.z(x), 0)));
  }

  /** log sf, finite where the sf underflows. */
  logsf(x: ArrayLike): Value {
    return result(gammaincLogQ(this.a, maximum(this.z(x), 0)));
  }

  /** loc + scale·P⁻¹(a, q); NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    return result(add(this.loc, multiply(gammaincinv(this.a, probabilities(q)), this.scale)));
  }

  /** loc + scale·Q⁻¹(a, q). */
  isf(q: ArrayLike): Value {
    return result(add(this.loc, multiply(gammainccinv(this.a, probabilities(q)), this.scale)));
  }

  /**
   * Draws loc + rng.gamma(a, scale) (SciPy's gamma.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    return result(add(this.loc, rng.gamma(scalarParam(this.a), scalarParam(this.scale), size)));
  }

  /** loc + a·scale. */
  mean(): Value {
    return result(broadcastTo(add(this.loc, multiply(this.a, this.scale)), this.batchShape));
  }

  /** a·scale². */
  var(): Value {
    return result(broadcastTo(multiply(this.a, square(this.scale)), this.batchShape));
  }

  /** √a·scale. */
  std(): Value {
    return result(broadcastTo(multiply(sqrt(this.a), this.scale), this.batchShape));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return result(broadcastTo(asFloat(this.ppf(0.5), 'median'), this.batchShape));
  }

  /** a + log scale + log Γ(a) + (1 - a)ψ(a), in nats. */
  entropy(): Value {
    const a = this.a;
    const h = add(add(add(a, log(this.scale)), gammaln(a)), multiply(subtract(1, a), digamma(a)));
    return result(broadcastTo(h, this.batchShape));
  }

  /**
   * The maximum-likelihood fit with loc fixed (0 unless given), as
   * scipy.stats.gamma.fit(data, floc=loc): scale = mean/a, where a solves
   * log a - ψ(a) = log(mean) - mean(log z) (Newton's method from Minka's
   * 2002 starting point; converges to machine precision in a few steps).
   * @throws {ValueError} for empty or non-finite data, data ≤ loc, or all values equal.
   */
  static fit(data: ArrayLike, opts: { loc?: number } = {}): Gamma {
    const loc = opts.loc ?? 0;
    const d = fitData(data, 'Gamma');
    if ((min(d) as number) <= loc) throw new ValueError('Gamma.fit: data must lie above loc (the MLE is for loc fixed)');
    const z = valuesOf(subtract(d, loc));
    let m = 0;
    let ml = 0;
    for (const v of z) {
      m += v;
      ml += Math.log(v);
    }
    m /= z.length;
    ml /= z.length;
    const s = Math.log(m) - ml;
    if (!(s > 0)) throw new ValueError('Gamma.fit: the data have no spread');
    let a = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (let i = 0; i < 100; i++) {
      const f = Math.log(a) - digammaK(a) - s;
      const df = 1 / a - polygammaK(1, a);
      const next = a - f / df;
      const done = Math.abs(next - a) <= 1e-15 * a;
      a = next > 0 ? next : a / 2;
      if (done) break;
    }
    return new Gamma(a, loc, m / a);
  }
}
