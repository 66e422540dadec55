/**
 * The multivariate normal distribution, scipy.stats.multivariate_normal's methods.
 */
import { eye, LinAlgError, ShapeError, ValueError, type ArrayLike, type NDArray } from '../../core';
import { add, diag, expandDims, exp, log, mean, multiply, reshape, square, subtract, sum, swapaxes } from '../../ops';
import { diagonal, matmul } from '../../tensor';
import { cholesky, inv } from '../../linalg';
import type { Generator } from '../../random';
import { asFloat, fitData, result, sampleSize, type SampleShape, type Value } from './base';

const LOG_2PI = 1.8378770664093453;

/**
 * The multivariate normal distribution N(mean, cov) in d dimensions
 * (scipy.stats.multivariate_normal(mean, cov)). The density uses the
 * Cholesky factor cov = L Lᵀ: log p(x) = -½(d log 2π + log|cov| + |L⁻¹(x-μ)|²),
 * differentiable in x, mean and cov.
 * @example
 * const mvn = new MultivariateNormal([0, 0], [[1, 0.5], [0.5, 2]]);
 * mvn.logpdf([0, 0]);     // -2.1176849603770567
 * mvn.pdf([[0, 0], [1, 1]]);  // [0.12030983 0.06794114]
 * @throws {ValueError} for mismatched shapes; {@link LinAlgError} (a ValueError) when cov is not symmetric positive definite.
 */
export class MultivariateNormal {
  /** The mean vector, `(d,)`. */
  readonly loc: NDArray;
  /** The covariance matrix, `(d, d)`. */
  readonly covariance: NDArray;
  /** The lower Cholesky factor of cov, `(d, d)`. */
  readonly choleskyFactor: NDArray;
  private readonly whiten: NDArray;
  private readonly logDet: NDArray;

  /**
   * @param mean `(d,)` (a number for d = 1).
   * @param cov `(d, d)`; a number means cov·I, a `(d,)` vector a diagonal matrix (SciPy's conventions).
   */
  constructor(mean: ArrayLike = 0, cov: ArrayLike = 1) {
    let m = asFloat(mean, 'MultivariateNormal: mean');
    if (m.ndim === 0) m = reshape(m, [1]);
    if (m.ndim !== 1) throw new ValueError(`MultivariateNormal: mean must be 1-d (got shape (${m.shape.join(', ')}))`);
    const d = m.shape[0];
    let c = asFloat(cov, 'MultivariateNormal: cov');
    if (c.ndim === 0) c = multiply(eye(d), c);
    else if (c.ndim === 1) c = diag(c);
    if (c.ndim !== 2 || c.shape[0] !== d || c.shape[1] !== d) {
      throw new ValueError(`MultivariateNormal: cov must have shape (${d}, ${d}) to match the mean (got (${c.shape.join(', ')}))`);
    }
    const cc = c.toArray();
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) {
        const a = cc[i * d + j];
        const b = cc[j * d + i];
        if (!(Math.abs(a - b) <= 1e-10 * (Math.abs(a) + Math.abs(b)) + 1e-300)) throw new ValueError('MultivariateNormal: cov must be symmetric');
      }
    }
    let l: NDArray;
    try {
      l = cholesky(c);
    } catch (e) {
      if (e instanceof LinAlgError) throw new LinAlgError('MultivariateNormal: cov must be positive definite (its Cholesky factorisation failed)');
      throw e;
    }
    this.loc = m;
    this.covariance = c;
    this.choleskyFactor = l;
    this.whiten = swapaxes(inv(l), 0, 1); // (L⁻¹)ᵀ: z = (x - μ) (L⁻¹)ᵀ
    this.logDet = multiply(asFloat(sum(log(diagonal(l))), 'log det'), 2);
  }

  /** Dimension d. */
  get dim(): number {
    return this.loc.shape[0];
  }

  /** x as `(..., d)`; for d = 1 a trailing axis is added when missing. */
  private points(x: ArrayLike): NDArray {
    let a = asFloat(x, 'x');
    const d = this.dim;
    if (d === 1 && (a.ndim === 0 || a.shape[a.ndim - 1] !== 1)) a = expandDims(a, -1);
    if (a.ndim === 0 || a.shape[a.ndim - 1] !== d) {
      throw new ShapeError(`MultivariateNormal: x must have a last axis of length ${d} (got shape (${a.shape.join(', ')}))`);
    }
    return a;
  }

  /** log density at points `x` `(..., d)` → `(...)` (a number for one point). */
  logpdf(x: ArrayLike): Value {
    const z = matmul(subtract(this.points(x), this.loc), this.whiten);
    const maha = sum(square(z), { axis: -1 }) as NDArray;
    return result(multiply(add(add(maha, this.logDet), this.dim * LOG_2PI), -0.5));
  }

  /** The density exp(logpdf). */
  pdf(x: ArrayLike): Value {
    const lp = this.logpdf(x);
    return typeof lp === 'number' ? Math.exp(lp) : exp(lp);
  }

  /** The Mahalanobis distance² (x-μ)ᵀ cov⁻¹ (x-μ) at points `(..., d)`. */
  mahalanobis(x: ArrayLike): Value {
    const z = matmul(subtract(this.points(x), this.loc), this.whiten);
    return result(sum(square(z), { axis: -1 }) as NDArray);
  }

  /**
   * Draws with rng.multivariateNormal(mean, cov) (SciPy's multivariate_normal.rvs stream).
   * @param shape leading shape of the draws; the result is `(...shape, d)` (`(d,)` when omitted),
   * without the last axis when d = 1, as SciPy's.
   */
  sample(rng: Generator, shape?: SampleShape): NDArray | number {
    const draws = rng.multivariateNormal(this.loc, this.covariance, sampleSize(shape, []) ?? undefined);
    return this.dim === 1 ? result(reshape(draws, draws.shape.slice(0, -1))) : draws;
  }

  /** The mean vector `(d,)`. */
  mean(): NDArray {
    return this.loc;
  }

  /** The covariance matrix `(d, d)`. */
  cov(): NDArray {
    return this.covariance;
  }

  /** The marginal variances, diag(cov), `(d,)`. */
  var(): NDArray {
    return diagonal(this.covariance);
  }

  /** The marginal standard deviations `(d,)`. */
  std(): NDArray {
    return exp(multiply(log(diagonal(this.covariance)), 0.5));
  }

  /** ½(d(1 + log 2π) + log|cov|), in nats. */
  entropy(): Value {
    return result(multiply(add(this.logDet, this.dim * (1 + LOG_2PI)), 0.5));
  }

  /**
   * The maximum-likelihood fit (closed form): the sample mean and the biased
   * (1/n) sample covariance, as scipy.stats.multivariate_normal.fit.
   * @param data `(n, d)` observations in rows.
   * @throws {ValueError} for non-2-d or non-finite data; {@link LinAlgError} when the sample covariance is singular (n ≤ d or collinear data).
   */
  static fit(data: ArrayLike): MultivariateNormal {
    const x = fitData(data, 'MultivariateNormal');
    if (x.ndim !== 2) throw new ValueError(`MultivariateNormal.fit: data must be 2-d (n, d) (got ${x.ndim}-d)`);
    const mu = mean(x, { axis: 0 }) as NDArray;
    const c = subtract(x, mu);
    const cov = multiply(matmul(swapaxes(c, 0, 1), c), 1 / x.shape[0]);
    return new MultivariateNormal(mu, cov);
  }
}

