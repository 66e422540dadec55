/**
 * Scalar kernels of the binomial and Poisson distributions.
 *
 * The log-probabilities follow Loader (2000), "Fast and accurate computation
 * of binomial probabilities": with Stirling's remainder δ(n) = log Γ*(n) and
 * the deviance term bd0(x, M) = x log(x/M) + M - x evaluated without
 * cancellation,
 *   log b(k; n, p) = δ(n) - δ(k) - δ(n-k) - bd0(k, np) - bd0(n-k, nq) - ½ log(2π k(n-k)/n),
 *   log f(k; μ)    = -δ(k) - bd0(k, μ) - ½ log(2π k).
 * Unlike log C(n, k) + k log p + (n-k) log q, no term is large, so the result
 * keeps ~1e-15 relative accuracy for n and μ in the millions (SciPy's
 * poisson.logpmf loses ~1e-13 at μ = 1000 to that cancellation).
 */
import { logGammaStar, LOG_SQRT_2PI } from '../special/kernels/gamma';
import { log1pmx } from '../special/kernels/util';

/** x log(x/M) + M - x ≥ 0 for x ≥ 0, M > 0, accurate when x ≈ M. */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  const t = (x - m) / m; // x - m is exact near the mode (Sterbenz)
  if (Math.abs(t) < 0.5) return m * ((1 + t) * log1pmx(t) + t * t); // (1+t)log(1+t) - t
  return x * Math.log(x / m) + m - x;
}

/** log of the binomial pmf at an integer k (-∞ off the support and at non-integers). */
export function binomLogpmf(k: number, n: number, p: number): number {
  if (k !== k || n !== n || p !== p) return NaN;
  if (k < 0 || k > n || k !== Math.floor(k)) return -Infinity;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log1p(-p);
  if (k === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = logGammaStar(n) - logGammaStar(k) - logGammaStar(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  return lc - LOG_SQRT_2PI - 0.5 * (Math.log(k) + Math.log1p(-k / n));
}

/** log of the Poisson pmf at an integer k (-∞ off the support and at non-integers). */
export function poissonLogpmf(k: number, mu: number): number {
  if (k !== k || mu !== mu) return NaN;
  if (k < 0 || k !== Math.floor(k)) return -Infinity;
  if (mu === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -mu;
  if (k === Infinity) return -Infinity;
  return -logGammaStar(k) - bd0(k, mu) - LOG_SQRT_2PI - 0.5 * Math.log(k);
}

/**
 * The smallest integer k in [lo, hi] with cdf(k) ≥ q (the quantile of a
 * discrete distribution, scipy.stats' definition), searched from `guess` by
 * doubling steps and then bisection. `cdf` may be any non-decreasing function
 * of k (a log cdf, with q its log) that reaches q by k = hi (hi may be ∞).
 */
export function discreteQuantile(q: number, cdf: (k: number) => number, guess: number, lo: number, hi: number): number {
  const k = Math.min(Math.max(Math.round(guess), lo), hi);
  // invariant after the search: cdf(below) < q ≤ cdf(above), below = lo - 1 standing for "below the support"
  let below: number;
  let above: number;
  if (cdf(k) >= q) {
    above = k;
    for (let step = 1; ; step *= 2) {
      const t = above - step;
      if (t < lo) {
        below = lo - 1;
        break;
      }
      if (cdf(t) < q) {
        below = t;
        break;
      }
      above = t;
    }
  } else {
    below = k;
    for (let step = 1; ; step *= 2) {
      const t = below + step;
      if (t >= hi) {
        above = hi;
        break;
      }
      if (cdf(t) >= q) {
        above = t;
        break;
      }
      below = t;
    }
  }
  while (above - below > 1) {
    const mid = Math.floor((below + above) / 2);
    if (cdf(mid) >= q) above = mid;
    else below = mid;
  }
  return above;
}
