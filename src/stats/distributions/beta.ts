/**
 * The beta distribution, scipy.stats.beta's methods.
 */
import { broadcastShapes, ValueError, type ArrayLike, type NDArray } from '../../core';
import {
  add, broadcastTo, divide, exp, less, log, maximum, minimum, multiply, sqrt, square, subtract, where,
} from '../../ops';
import type { Generator } from '../../random';
import { betaln, digamma } from '../special/gammaFunctions';
import { betainc, betaincc, betaincinv } from '../special/incomplete';
import { betaincLogI, betaincLogIc, betaLogpdf } from './continuousPrimitives';
import { digamma as digammaK, polygamma as polygammaK } from '../special/kernels/digamma';
import { asFloat, finite, fitData, param, positive, probabilities, result, type SampleShape, sampleSize, scalarParam, type Value, valuesOf } from './base';

/**
 * The beta distribution with shapes `a`, `b` on [loc, loc + scale]
 * (scipy.stats.beta(a, b, loc, scale)); density z^(a-1)(1-z)^(b-1)/(B(a,b) scale).
 * @example
 * const b = new Beta(2, 5);
 * b.mean();      // 0.2857142857142857
 * b.pdf(0.2);    // 2.4576
 * b.cdf(0.2);    // 0.34464
 * @throws {ValueError} when a, b or scale is not positive and finite, or loc is not finite.
 */
export class Beta {
  readonly a: NDArray;
  readonly b: NDArray;
  readonly loc: NDArray;
  readonly scale: NDArray;

  constructor(a: ArrayLike, b: ArrayLike, loc: ArrayLike = 0, scale: ArrayLike = 1) {
    this.a = param(a, 'Beta', 'a', 'positive and finite', positive);
    this.b = param(b, 'Beta', 'b', 'positive and finite', positive);
    this.loc = param(loc, 'Beta', 'loc', 'finite', finite);
    this.scale = param(scale, 'Beta', 'scale', 'positive and finite', positive);
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.a.shape, this.b.shape, this.loc.shape, this.scale.shape);
  }

  private z(x: ArrayLike): NDArray {
    return divide(subtract(asFloat(x, 'x'), this.loc), this.scale);
  }

  /** log density (a-1) log z + (b-1) log(1-z) - log B(a, b) - log scale (Temme's scaling for large a, b); -∞ outside. */
  logpdf(x: ArrayLike): Value {
    return result(subtract(betaLogpdf(this.a, this.b, this.z(x)), log(this.scale)));
  }

  /** The density, exp(logpdf). */
  pdf(x: ArrayLike): Value {
    const lp = this.logpdf(x);
    return typeof lp === 'number' ? Math.exp(lp) : exp(lp);
  }

  /** I_z(a, b). */
  cdf(x: ArrayLike): Value {
    return result(betainc(this.a, this.b, clip01(this.z(x))));
  }

  /** log cdf, finite where the cdf underflows. */
  logcdf(x: ArrayLike): Value {
    return result(betaincLogI(this.a, this.b, clip01(this.z(x))));
  }

  /** 1 - I_z(a, b), computed directly. */
  sf(x: ArrayLike): Value {
    return result(betaincc(this.a, this.b, clip01(this.z(x))));
  }

  /** log sf, finite where the sf underflows. */
  logsf(x: ArrayLike): Value {
    return result(betaincLogIc(this.a, this.b, clip01(this.z(x))));
  }

  /** loc + scale·I⁻¹(a, b, q); NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    return result(add(this.loc, multiply(betaincinv(this.a, this.b, probabilities(q)), this.scale)));
  }

  /**
   * The inverse survival function. For q < 1/2, z = 1 - y with I_y(b, a) = q (small q keep their
   * accuracy); otherwise z = I⁻¹(a, b, 1 - q), where 1 - q is exact.
   */
  isf(q: ArrayLike): Value {
    const qq = probabilities(q);
    const small = less(qq, 0.5);
    const y = betaincinv(this.b, this.a, where(small, qq, 0.5));
    const z = where(small, subtract(1, y), betaincinv(this.a, this.b, where(small, 0.5, subtract(1, qq))));
    return result(add(this.loc, multiply(z, this.scale)));
  }

  /**
   * Draws loc + scale·rng.beta(a, b) (SciPy's beta.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    return result(add(this.loc, multiply(rng.beta(scalarParam(this.a), scalarParam(this.b), size), this.scale)));
  }

  /** loc + scale·a/(a+b). */
  mean(): Value {
    return result(broadcastTo(add(this.loc, multiply(divide(this.a, add(this.a, this.b)), this.scale)), this.batchShape));
  }

  /** scale²·ab/((a+b)²(a+b+1)). */
  var(): Value {
    return result(broadcastTo(this.variance(), this.batchShape));
  }

  private variance(): NDArray {
    const s = add(this.a, this.b);
    return multiply(divide(multiply(this.a, this.b), multiply(square(s), add(s, 1))), square(this.scale));
  }

  /** √var. */
  std(): Value {
    return result(broadcastTo(sqrt(this.variance()), this.batchShape));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return result(broadcastTo(asFloat(this.ppf(0.5), 'median'), this.batchShape));
  }

  /** log B(a, b) - (a-1)ψ(a) - (b-1)ψ(b) + (a+b-2)ψ(a+b) + log scale, in nats. */
  entropy(): Value {
    const { a, b } = this;
    const s = add(a, b);
    const h = add(
      subtract(subtract(betaln(a, b), multiply(subtract(a, 1), digamma(a))), multiply(subtract(b, 1), digamma(b))),
      multiply(subtract(s, 2), digamma(s)),
    );
    return result(broadcastTo(add(h, log(this.scale)), this.batchShape));
  }

  /**
   * The maximum-likelihood fit of a and b with loc = 0 and scale = 1 fixed
   * (scipy.stats.beta.fit(data, floc=0, fscale=1)): Newton's method on the
   * likelihood equations ψ(a) - ψ(a+b) = mean(log x), ψ(b) - ψ(a+b) = mean(log(1-x)),
   * started from the method of moments. No closed form exists.
   * @throws {ValueError} for empty or non-finite data, data outside (0, 1), or no spread.
   */
  static fit(data: ArrayLike): Beta {
    const x = valuesOf(fitData(data, 'Beta'));
    let m = 0;
    let l1 = 0;
    let l2 = 0;
    for (const v of x) {
      if (!(v > 0 && v < 1)) throw new ValueError(`Beta.fit: data must lie in (0, 1) (got ${v})`);
      m += v;
      l1 += Math.log(v);
      l2 += Math.log1p(-v);
    }
    const n = x.length;
    m /= n;
    l1 /= n;
    l2 /= n;
    let v = 0;
    for (const t of x) v += (t - m) * (t - m);
    v /= n;
    if (!(v > 0)) throw new ValueError('Beta.fit: the data have no spread');
    const common = Math.max((m * (1 - m)) / v - 1, 1e-3);
    let a = m * common;
    let b = (1 - m) * common;
    for (let i = 0; i < 200; i++) {
      const ds = digammaK(a + b);
      const ts = polygammaK(1, a + b);
      const f1 = digammaK(a) - ds - l1;
      const f2 = digammaK(b) - ds - l2;
      const j11 = polygammaK(1, a) - ts;
      const j22 = polygammaK(1, b) - ts;
      const j12 = -ts;
      const det = j11 * j22 - j12 * j12;
      let da = (j22 * f1 - j12 * f2) / det;
      let db = (j11 * f2 - j12 * f1) / det;
      // keep both shapes positive: halve the step until they are
      while (a - da <= 0 || b - db <= 0) {
        da /= 2;
        db /= 2;
      }
      a -= da;
      b -= db;
      if (Math.abs(da) <= 1e-15 * a && Math.abs(db) <= 1e-15 * b) break;
    }
    return new Beta(a, b);
  }
}

/** z clipped to [0, 1] (the cdf is 0 below and 1 above the support). */
function clip01(z: NDArray): NDArray {
  return minimum(maximum(z, 0), 1);
}
