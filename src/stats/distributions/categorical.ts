/**
 * The categorical distribution over {0, …, K-1}.
 */
import { concrete, ValueError, type ArrayLike, type NDArray } from '../../core';
import {
  add, astype, cumsum, equal, exp, flip, floor, greater, greaterEqual, isnan, less, log, logicalAnd, multiply, negative, searchsorted,
  sqrt, subtract, sum, take, where,
} from '../../ops';
import type { Generator } from '../../random';
import { logSoftmax } from '../special/logsumexp';
import { xlogy } from '../special/xlogy';
import { asFloat, fitData, logProbability, probabilities, result, type SampleShape, type Value, valuesOf } from './base';

/** NumPy's tolerance for probabilities summing to one (√eps). */
const SUM_TOL = Math.sqrt(2.220446049250313e-16);

/**
 * A categorical (discrete) distribution taking value k with probability
 * `p[k]`, k = 0 … K-1 (scipy.stats.rv_discrete(values=(range(K), p)); what
 * `rng.choice(K, { p })` samples). `p` is a 1-d probability vector.
 * @example
 * const c = new Categorical([0.2, 0.5, 0.3]);
 * c.pmf(1);        // 0.5
 * c.cdf(1);        // 0.7
 * c.mean();        // 1.1
 * @throws {ValueError} when p is not 1-d, has negative or non-finite entries, or does not sum to 1 (within √eps).
 */
export class Categorical {
  /** The probabilities, `(K,)`. */
  readonly p: NDArray;

  constructor(p: ArrayLike) {
    const a = asFloat(p, 'Categorical: p');
    if (a.ndim !== 1 || a.size === 0) throw new ValueError(`Categorical: p must be a non-empty 1-d array (got shape (${a.shape.join(', ')}))`);
    let s = 0;
    for (const v of valuesOf(a)) {
      if (!(v >= 0 && v < Infinity)) throw new ValueError(`Categorical: probabilities must be non-negative and finite (got ${v})`);
      s += v;
    }
    if (Math.abs(s - 1) > SUM_TOL) throw new ValueError(`Categorical: probabilities do not sum to 1 (sum = ${s})`);
    this.p = a;
  }

  /** The categorical distribution with probabilities softmax(logits). */
  static fromLogits(logits: ArrayLike): Categorical {
    return new Categorical(exp(logSoftmax(logits)));
  }

  /** Number of categories K. */
  get k(): number {
    return this.p.shape[0];
  }

  /** The indices for `k`: valid where k is an integer in [0, K), 0 elsewhere. */
  private index(k: ArrayLike): { valid: NDArray; idx: NDArray } {
    const kk = asFloat(k, 'k');
    const valid = logicalAnd(logicalAnd(greaterEqual(kk, 0), less(kk, this.k)), equal(kk, floor(kk)));
    return { valid, idx: astype(where(valid, kk, 0), 'int32') };
  }

  /** P(X = k) = p[k]; 0 off the support and at non-integers. Differentiable in p. */
  pmf(k: ArrayLike): Value {
    const { valid, idx } = this.index(k);
    return result(where(valid, take(this.p, idx) as NDArray, 0));
  }

  /** log p[k]; -∞ off the support. */
  logpmf(k: ArrayLike): Value {
    const { valid, idx } = this.index(k);
    return result(where(valid, take(log(this.p), idx) as NDArray, -Infinity));
  }

  /** The cumulative sums with the last one exactly 1 and the tail sums exactly 0 beyond. */
  private cdfTable(): NDArray {
    return cumsum(this.p);
  }

  /** P(X ≤ x) = p[0] + … + p[floor(x)]. */
  cdf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'x'));
    const top = this.k - 1;
    const inside = logicalAnd(greaterEqual(k, 0), less(k, top));
    const v = take(this.cdfTable(), astype(where(inside, k, 0), 'int32')) as NDArray;
    return result(where(less(k, 0), 0, where(greaterEqual(k, top), 1, v)));
  }

  /** P(X > x), summed from the top (accurate for small tails). */
  sf(x: ArrayLike): Value {
    const k = floor(asFloat(x, 'x'));
    const top = this.k - 1;
    const inside = logicalAnd(greaterEqual(k, 0), less(k, top));
    // tail[j] = p[j+1] + … + p[K-1]: the reversed cumulative sum, shifted
    const rev = flip(cumsum(flip(this.p)));
    const v = take(rev, astype(add(where(inside, k, 0), 1), 'int32')) as NDArray;
    return result(where(less(k, 0), 1, where(greaterEqual(k, top), 0, v)));
  }

  /** log cdf. */
  logcdf(x: ArrayLike): Value {
    return logProbability(this.cdf(x), this.sf(x));
  }

  /** log sf. */
  logsf(x: ArrayLike): Value {
    return logProbability(this.sf(x), this.cdf(x));
  }

  /** The smallest k with cdf(k) ≥ q; -1 at q = 0, K-1 at q = 1, NaN outside [0, 1]. */
  ppf(q: ArrayLike): Value {
    const qq = probabilities(q);
    const c = concrete(this.cdfTable());
    const idx = astype(searchsorted(c, where(isnan(qq), 0, qq), { side: 'left' }) as NDArray, 'float64');
    const k = where(greater(idx, this.k - 1), this.k - 1, idx);
    return result(where(isnan(qq), NaN, where(equal(qq, 0), -1, where(equal(qq, 1), this.k - 1, k))));
  }

  /** The smallest k with sf(k) ≤ q: K-1 at q = 0, -1 at q = 1. */
  isf(q: ArrayLike): Value {
    const qq = probabilities(q);
    return result(where(equal(qq, 0), this.k - 1, asFloat(this.ppf(subtract(1, qq)), 'ppf')));
  }

  /**
   * Draws with rng.choice(K, shape, { p }) (NumPy's inverse-cdf sampling).
   * @param shape the output shape; omitted draws one number.
   */
  sample(rng: Generator, shape?: SampleShape): Value {
    return rng.choice(this.k, shape ?? undefined, { p: concrete(this.p) }) as Value;
  }

  /** Σ k p_k. */
  mean(): Value {
    return result(sum(multiply(this.p, ks(this.k))));
  }

  /** Σ k² p_k - mean². */
  var(): Value {
    const k = ks(this.k);
    const m = sum(multiply(this.p, k)) as NDArray | number;
    return result(subtract(sum(multiply(this.p, multiply(k, k))), multiply(m, m)));
  }

  /** √var. */
  std(): Value {
    const v = this.var();
    return typeof v === 'number' ? Math.sqrt(v) : result(sqrt(v));
  }

  /** The median, ppf(1/2). */
  median(): Value {
    return this.ppf(0.5);
  }

  /** -Σ p log p (0 log 0 = 0), in nats. Differentiable in p. */
  entropy(): Value {
    return result(negative(sum(xlogy(this.p, this.p))));
  }

  /**
   * The maximum-likelihood fit (closed form: the observed frequencies).
   * @param k the number of categories (default: max(data) + 1).
   * @throws {ValueError} for empty data or values that are not integers in [0, k).
   */
  static fit(data: ArrayLike, k?: number): Categorical {
    const d = valuesOf(fitData(data, 'Categorical'));
    let top = 0;
    for (const v of d) {
      if (!(v >= 0 && v === Math.floor(v))) throw new ValueError(`Categorical.fit: data must be non-negative integers (got ${v})`);
      top = Math.max(top, v);
    }
    const K = k ?? top + 1;
    if (top >= K) throw new ValueError(`Categorical.fit: data contain ${top}, outside [0, ${K})`);
    const counts = new Float64Array(K);
    for (const v of d) counts[v]++;
    for (let i = 0; i < K; i++) counts[i] /= d.length;
    return new Categorical(counts);
  }
}

/** [0, 1, …, K-1] as float64. */
function ks(k: number): NDArray {
  const d = new Float64Array(k);
  for (let i = 0; i < k; i++) d[i] = i;
  return asFloat(d, 'k');
}
