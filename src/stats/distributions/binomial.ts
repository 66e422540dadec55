/**
 * The binomial distribution, scipy.stats.binom's methods.
 */
import { broadcastShapes, ValueError, type ArrayLike, type NDArray } from '../../core';
import {
  add, astype, broadcastTo, exp, floor, greaterEqual, less, logicalOr, mean, multiply, sqrt, subtract, where,
} from '../../ops';
import type { Generator } from '../../random';
import { betainc, betaincc } from '../special/incomplete';
import { binomLogpmf as binomLogpmfK } from './discreteKernels';
import { binomIsf, binomLogpmf, binomPpf } from './discretePrimitives';
import { betaincLogI, betaincLogIc } from './continuousPrimitives';
import { asFloat, fitData, param, probabilities, probability, result, type SampleShape, sampleSize, type Value, valuesOf } from './base';

const nonNegativeInteger = (v: number): boolean => v >= 0 && v === Math.floor(v) && v < 2 ** 53;

/**
 * The binomial distribution: the number of successes in `n` independent
 * trials of probability `p` (scipy.stats.binom(n, p)). The log-pmf uses
 * Loader's saddle-point form, accurate for n in the millions.
 * @example
 * const b = new Binomial(10, 0.3);
 * b.pmf(3);     // 0.266827932
 * b.cdf(3);     // 0.6496107184
 * b.ppf(0.5);   // 3
 * @throws {ValueError} when n is not a non-negative integer or p is outside [0, 1].
 */
export class Binomial {
  /** Number of trials, `(...)`. */
  readonly n: NDArray;
  /** Success probability, `(...)`. */
  readonly p: NDArray;

  constructor(n: ArrayLike, p: ArrayLike) {
    this.n = param(n, 'Binomial', 'n', 'a non-negative integer', nonNegativeInteger);
    this.p = param(p, 'Binomial', 'p', 'in [0, 1]', probability);
  }

  /** The broadcast shape of the parameters. */
  get batchShape(): number[] {
    return broadcastShapes(this.n.shape, this.p.shape);
  }

  /** log P(X = k); -∞ off the support and at non-integer k. Differentiable in p. */
  logpmf(k: ArrayLike): Value {
    return result(binomLogpmf(asFloat(k, 'k'), this.n, this.p));
  }

  /** P(X = k). */
  pmf(k: ArrayLike): Value {
    return result(exp(binomLogpmf(asFloat(k, 'k'), this.n, this.p)));
  }

  /** The shape parameters (k+1, n-k) of the incomplete beta at k = floor(x), made safe off the support. */
  private betaArgs(x: ArrayLike): { k: NDArray; a: NDArray; b: NDArray; below: NDArray; above: NDArray } {
    const k = floor(asFloat(x, 'k'));
    const below = less(k, 0);
    const above = greaterEqual(k, this.n);
    const off = logicalOr(below, above);
    return { k, a: where(off, 1, add(k, 1)), b: where(off, 1, subtract(this.n, k)), below, above };
  }

  /** P(X ≤ x) = 1 - I_p(k+1, n-k), k = floor(x) (Boost's ibetac, as SciPy). */
  cdf(x: ArrayLike): Value {
    const { a, b, below, above } = this.betaArgs(x);
    return result(where(below, 0, where(above, 1, betaincc(a, b, this.p))));
  }

  /** P(X > x) = I_p(k+1, n-k), computed directly. */
  sf(x: ArrayLike): Value {
    const { a, b, below, above } = this.betaArgs(x);
    return result(where(below, 1, where(above, 0, betainc(a, b, this.p))));
  }

  /** log cdf = log(1 - I_p(k+1, n-k)), finite where the cdf underflows. */
  logcdf(x: ArrayLike): Value {
    const { a, b, below, above } = this.betaArgs(x);
    return result(where(below, -Infinity, where(above, 0, betaincLogIc(a, b, this.p))));
  }

  /** log sf = log I_p(k+1, n-k), finite where the sf underflows. */
  logsf(x: ArrayLike): Value {
    const { a, b, below, above } = this.betaArgs(x);
    return result(where(below, 0, where(above, -Infinity, betaincLogI(a, b, this.p))));
  }

  /** The smallest k with cdf(k) ≥ q; -1 at q = 0, n at q = 1, NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    return result(binomPpf(probabilities(q), this.n, this.p));
  }

  /** The smallest k with sf(k) ≤ q; n at q = 0, -1 at q = 1. */
  isf(q: ArrayLike): Value {
    return result(binomIsf(probabilities(q), this.n, this.p));
  }

  /**
   * Draws with rng.binomial(n, p) (SciPy's binom.rvs stream).
   * @param shape the output shape; omitted gives the batch shape.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    const size = sampleSize(shape, this.batchShape);
    const n = this.n.ndim === 0 ? (this.n.item() as number) : astype(this.n, 'int32');
    const p = this.p.ndim === 0 && !this.p.isTraced() ? (this.p.item() as number) : this.p;
    return rng.binomial(n, p, size) as Value;
  }

  /** np. */
  mean(): Value {
    return result(broadcastTo(multiply(this.n, this.p), this.batchShape));
  }

  /** np(1 - p). */
  var(): Value {
    return result(broadcastTo(this.variance(), this.batchShape));
  }

  private variance(): NDArray {
    return multiply(multiply(this.n, this.p), subtract(1, this.p));
  }

  /** √(np(1 - p)). */
  std(): Value {
    return result(broadcastTo(sqrt(this.variance()), this.batchShape));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return this.ppf(broadcastTo(asFloat(0.5, 'q'), this.batchShape));
  }

  /** The entropy -Σ_k pmf(k) log pmf(k) over k = 0…n (as SciPy), in nats. Not differentiable. */
  entropy(): Value {
    const shape = this.batchShape;
    const n = valuesOf(broadcastTo(this.n, shape));
    const p = valuesOf(broadcastTo(this.p, shape));
    const out = new Float64Array(n.length);
    for (let i = 0; i < n.length; i++) {
      let h = 0;
      for (let k = 0; k <= n[i]; k++) {
        const lp = binomLogpmfK(k, n[i], p[i]);
        if (lp > -Infinity) h -= Math.exp(lp) * lp;
      }
      out[i] = h;
    }
    return result(asFloat(shape.length === 0 ? out[0] : out, 'entropy').reshape(shape));
  }

  /**
   * The maximum-likelihood fit of p for a known n (closed form p = mean(k)/n).
   * @throws {ValueError} for empty data, or counts that are not integers in [0, n].
   */
  static fit(data: ArrayLike, n: number): Binomial {
    const d = fitData(data, 'Binomial');
    if (!nonNegativeInteger(n)) throw new ValueError(`Binomial.fit: n must be a non-negative integer (got ${n})`);
    for (const v of valuesOf(d)) {
      if (!(v >= 0 && v <= n && v === Math.floor(v))) throw new ValueError(`Binomial.fit: counts must be integers in [0, ${n}] (got ${v})`);
    }
    return new Binomial(n, n === 0 ? 0 : multiply(mean(d), 1 / n));
  }
}


