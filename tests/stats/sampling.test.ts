/**
 * Sampling: for every distribution, the sample mean and variance of n seeded
 * draws must lie within 5 standard errors of the distribution's own mean()
 * and var(). The standard errors come from the sample size and the
 * distribution's moments, not from hand-picked tolerances:
 *   SE(mean) = √(σ²/n),   SE(s²) = √((μ₄ - σ⁴)/n)  (μ₄ the fourth central moment),
 * so a correct sampler fails with probability < 1e-6 per check and a biased one
 * (wrong scale, off-by-one shape) fails for certain. Seeds make it deterministic.
 */
import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core';
import { defaultRng } from '../../src/random';
import * as st from '../../src/stats';

const N = 20000;
const K = 5;

function moments(xs: number[]): { mean: number; var: number } {
  const n = xs.length;
  const m = xs.reduce((s, v) => s + v, 0) / n;
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  return { mean: m, var: v };
}

interface Case {
  name: string;
  dist: { sample(rng: any, shape?: any): any; mean(): any; var(): any };
  /** The fourth central moment μ₄. */
  mu4: (v: number) => number;
}

const cases: Case[] = [
  { name: 'Normal(1, 2)', dist: new st.Normal(1, 2), mu4: (v) => 3 * v * v },
  { name: 'Uniform(-1, 3)', dist: new st.Uniform(-1, 3), mu4: () => 3 ** 4 / 80 },
  { name: 'Exponential(0.5, 2)', dist: new st.Exponential(0.5, 2), mu4: (v) => 9 * v * v },
  { name: 'Gamma(0.3, 0, 2)', dist: new st.Gamma(0.3, 0, 2), mu4: (v) => (3 + 6 / 0.3) * v * v },
  { name: 'Gamma(7.5, 1, 0.5)', dist: new st.Gamma(7.5, 1, 0.5), mu4: (v) => (3 + 6 / 7.5) * v * v },
  {
    name: 'Beta(0.5, 2)',
    dist: new st.Beta(0.5, 2),
    mu4: (v) => {
      const [a, b] = [0.5, 2];
      const ex = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
      return (3 + ex) * v * v;
    },
  },
  { name: 'Bernoulli(0.3)', dist: new st.Bernoulli(0.3), mu4: () => 0.3 * 0.7 * (1 - 3 * 0.3 * 0.7) },
  { name: 'Binomial(40, 0.2)', dist: new st.Binomial(40, 0.2), mu4: () => 40 * 0.2 * 0.8 * (1 + 3 * 38 * 0.2 * 0.8) },
  { name: 'Poisson(3.5)', dist: new st.Poisson(3.5), mu4: () => 3.5 * (1 + 3 * 3.5) },
  { name: 'Poisson(1000)', dist: new st.Poisson(1000), mu4: () => 1000 * (1 + 3 * 1000) },
  {
    name: 'Categorical([0.1, 0.6, 0.3])',
    dist: new st.Categorical([0.1, 0.6, 0.3]),
    mu4: () => {
      const p = [0.1, 0.6, 0.3];
      const m = p.reduce((s, q, k) => s + q * k, 0);
      return p.reduce((s, q, k) => s + q * (k - m) ** 4, 0);
    },
  },
];

describe(`sample moments are within ${K} standard errors (n = ${N})`, () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const draws = c.dist.sample(defaultRng(1000 + i), N) as NDArray;
    expect(draws.shape).toEqual([N]);
    const { mean, var: v } = moments(draws.toArray());
    const mu = c.dist.mean() as number;
    const sigma2 = c.dist.var() as number;
    const seMean = Math.sqrt(sigma2 / N);
    const seVar = Math.sqrt((c.mu4(sigma2) - sigma2 * sigma2) / N);
    expect(Math.abs(mean - mu), `mean ${mean} vs ${mu}, SE ${seMean}`).toBeLessThan(K * seMean);
    expect(Math.abs(v - sigma2), `variance ${v} vs ${sigma2}, SE ${seVar}`).toBeLessThan(K * seVar);
  });

  it('MultivariateNormal: means and covariances (Gaussian SEs: √(Σᵢᵢ/n), √((ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)/n))', () => {
    const cov = [[2, 0.6, -0.3], [0.6, 1, 0.2], [-0.3, 0.2, 0.5]];
    const mean = [1, -2, 0.5];
    const d = new st.MultivariateNormal(mean, cov);
    const x = (d.sample(defaultRng(77), N) as NDArray).tolist() as number[][];
    for (let i = 0; i < 3; i++) {
      const mi = x.reduce((s, r) => s + r[i], 0) / N;
      expect(Math.abs(mi - mean[i])).toBeLessThan(K * Math.sqrt(cov[i][i] / N));
      for (let j = 0; j <= i; j++) {
        const mj = x.reduce((s, r) => s + r[j], 0) / N;
        const cij = x.reduce((s, r) => s + (r[i] - mi) * (r[j] - mj), 0) / (N - 1);
        expect(Math.abs(cij - cov[i][j])).toBeLessThan(K * Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] ** 2) / N));
      }
    }
  });

  it('batched parameters draw one value per parameter set, in their shape', () => {
    const d = new st.Normal([0, 10, 100], [1, 2, 3]);
    const one = d.sample(defaultRng(5)) as NDArray;
    expect(one.shape).toEqual([3]);
    const many = d.sample(defaultRng(5), [4, 3]) as NDArray;
    expect(many.shape).toEqual([4, 3]);
    expect(() => d.sample(defaultRng(5), [4, 2])).toThrow(/shape mismatch|broadcast|not compatible/);
  });
});
