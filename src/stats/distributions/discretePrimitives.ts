/**
 * Array primitives over the discrete kernels: the binomial and Poisson
 * log-pmfs (differentiable in p and μ) and their quantile functions.
 */
import { divide, equal, multiply, subtract, where } from '../../ops';
import { realResult, specialBinary, specialTernary } from '../special/define';
import { logBetaincPair } from '../special/kernels/beta';
import { logGammaincPair } from '../special/kernels/incgamma';
import { ndtri as ndtriK } from '../special/kernels/erfinv';
import { binomLogpmf as binomLogpmfK, discreteQuantile, poissonLogpmf as poissonLogpmfK } from './discreteKernels';

/**
 * log b(k; n, p), elementwise with broadcasting. d/dp = k/p - (n-k)/(1-p);
 * k and n are integers and must not be traced.
 */
export const binomLogpmf = specialTernary(
  'binom_logpmf',
  (len, o, oi, os, k, ki, ks, n, ni, ns, p, pi, ps) => {
    for (let i = 0; i < len; i++, oi += os, ki += ks, ni += ns, pi += ps) o[oi] = binomLogpmfK(k[ki], n[ni], p[pi]);
  },
  (g, _out, k, n, p) => {
    // k/p - (n-k)/(1-p), with 0·(1/0) terms read as 0
    const nk = subtract(n, k);
    const dp = subtract(divide(k, where(equal(k, 0), 1, p)), divide(nk, where(equal(nk, 0), 1, subtract(1, p))));
    return [null, null, multiply(g, dp)];
  },
  { args: [0, 1], what: 'the counts k and n' },
);

/** log f(k; μ), elementwise. d/dμ = k/μ - 1; k must not be traced. */
export const poissonLogpmf = specialBinary({
  name: 'poisson_logpmf',
  resultDType: realResult('poisson_logpmf'),
  real: (len, o, oi, os, k, ki, ks, m, mi, ms) => {
    for (let i = 0; i < len; i++, oi += os, ki += ks, mi += ms) o[oi] = poissonLogpmfK(k[ki], m[mi]);
  },
  vjp: (g, _out, k, mu) => [null, multiply(g, subtract(divide(k, where(equal(k, 0), 1, mu)), 1))],
}, { args: [0], what: 'the count k' });

// The quantile searches compare log cdf (or log sf) with log q: in log space the subnormal tails
// (q = 5e-324) are still resolved, where a cdf computed as a subnormal number has lost its digits.

/** log of the binomial cdf at integer k: log(1 - I_p(k+1, n-k)). */
function binomLogCdf(k: number, n: number, p: number): number {
  if (k < 0) return -Infinity;
  if (k >= n) return 0;
  return logBetaincPair(k + 1, n - k, p)[1];
}

/** log of the binomial sf at integer k: log I_p(k+1, n-k). */
function binomLogSf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return -Infinity;
  return logBetaincPair(k + 1, n - k, p)[0];
}

/** log of the Poisson cdf at integer k ≥ 0: log Q(k+1, μ). */
function poissonLogCdf(k: number, mu: number): number {
  return k < 0 ? -Infinity : logGammaincPair(k + 1, mu)[1];
}

/** log of the Poisson sf: log P(k+1, μ). */
function poissonLogSf(k: number, mu: number): number {
  return k < 0 ? 0 : logGammaincPair(k + 1, mu)[0];
}

/** The binomial quantile: min{k : cdf(k) ≥ q}; -1 at q = 0 and n at q = 1 (SciPy's conventions). */
function binomPpfK(q: number, n: number, p: number): number {
  if (!(q >= 0 && q <= 1) || n !== n || p !== p) return NaN;
  if (q === 0) return -1;
  if (q === 1) return n;
  const guess = n * p + Math.sqrt(n * p * (1 - p)) * ndtriK(q);
  const lq = Math.log(q);
  return discreteQuantile(lq, (k) => binomLogCdf(k, n, p), guess, 0, n);
}

/** The Poisson quantile: min{k : cdf(k) ≥ q}; -1 at q = 0 and ∞ at q = 1. */
function poissonPpfK(q: number, mu: number): number {
  if (!(q >= 0 && q <= 1) || mu !== mu) return NaN;
  if (q === 0) return -1;
  if (q === 1) return Infinity;
  const guess = mu + Math.sqrt(mu) * ndtriK(q);
  return discreteQuantile(Math.log(q), (k) => poissonLogCdf(k, mu), guess, 0, Infinity);
}

/** Elementwise binomial quantile (not differentiable: the result is an integer). */
export const binomPpf = specialTernary(
  'binom_ppf',
  (len, o, oi, os, q, qi, qs, n, ni, ns, p, pi, ps) => {
    for (let i = 0; i < len; i++, oi += os, qi += qs, ni += ns, pi += ps) o[oi] = binomPpfK(q[qi], n[ni], p[pi]);
  },
  'none',
);

/** Elementwise Poisson quantile (not differentiable). */
export const poissonPpf = specialBinary({
  name: 'poisson_ppf',
  resultDType: realResult('poisson_ppf'),
  real: (len, o, oi, os, q, qi, qs, m, mi, ms) => {
    for (let i = 0; i < len; i++, oi += os, qi += qs, mi += ms) o[oi] = poissonPpfK(q[qi], m[mi]);
  },
  vjp: 'none',
});

/** The binomial inverse survival function: min{k : sf(k) ≤ q}; n at q = 0, -1 at q = 1. */
function binomIsfK(q: number, n: number, p: number): number {
  if (!(q >= 0 && q <= 1) || n !== n || p !== p) return NaN;
  if (q === 0) return n;
  if (q === 1) return -1;
  const guess = n * p - Math.sqrt(n * p * (1 - p)) * ndtriK(q);
  // sf(k) ≤ q ⇔ -log sf(k) ≥ -log q, a non-decreasing condition in k
  return discreteQuantile(-Math.log(q), (k) => -binomLogSf(k, n, p), guess, 0, n);
}

/** The Poisson inverse survival function: min{k : sf(k) ≤ q}; ∞ at q = 0, -1 at q = 1. */
function poissonIsfK(q: number, mu: number): number {
  if (!(q >= 0 && q <= 1) || mu !== mu) return NaN;
  if (q === 0) return Infinity;
  if (q === 1) return -1;
  const guess = mu - Math.sqrt(mu) * ndtriK(q);
  return discreteQuantile(-Math.log(q), (k) => -poissonLogSf(k, mu), guess, 0, Infinity);
}

/** Elementwise binomial inverse survival function. */
export const binomIsf = specialTernary(
  'binom_isf',
  (len, o, oi, os, q, qi, qs, n, ni, ns, p, pi, ps) => {
    for (let i = 0; i < len; i++, oi += os, qi += qs, ni += ns, pi += ps) o[oi] = binomIsfK(q[qi], n[ni], p[pi]);
  },
  'none',
);

/** Elementwise Poisson inverse survival function. */
export const poissonIsf = specialBinary({
  name: 'poisson_isf',
  resultDType: realResult('poisson_isf'),
  real: (len, o, oi, os, q, qi, qs, m, mi, ms) => {
    for (let i = 0; i < len; i++, oi += os, qi += qs, mi += ms) o[oi] = poissonIsfK(q[qi], m[mi]);
  },
  vjp: 'none',
});
