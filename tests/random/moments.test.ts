/**
 * Every sampler's first two moments against the distribution's own mean and
 * variance. Tolerances come from the sample size: the sample mean must lie
 * within 5 standard errors (σ/√n) and the sample variance within 5 standard
 * errors of s² (√((μ4 − σ⁴)/n), μ4 from the excess kurtosis), so a correct
 * sampler fails with probability < 1e-6 per check and a wrong one cannot hide.
 */
import { describe, expect, it } from 'vitest';
import { defaultRng, RandomState } from '../../src/random';
import type { NDArray } from '../../src/core';

const N = 40000;
const Z = 5;

interface Dist {
  name: string;
  draw: (rng: any) => NDArray;
  mean: number;
  variance: number;
  exkurt: number;
}

function checkMoments(sample: Float64Array | number[], d: Omit<Dist, 'draw' | 'name'>): void {
  const n = sample.length;
  let m = 0;
  for (const v of sample) m += v;
  m /= n;
  let s2 = 0;
  for (const v of sample) s2 += (v - m) ** 2;
  s2 /= n - 1;
  const seMean = Math.sqrt(d.variance / n);
  const mu4 = (3 + d.exkurt) * d.variance ** 2;
  const seVar = Math.sqrt((mu4 - d.variance ** 2) / n);
  expect(Math.abs(m - d.mean), `mean ${m} vs ${d.mean} (±${Z * seMean})`).toBeLessThanOrEqual(Z * seMean);
  expect(Math.abs(s2 - d.variance), `variance ${s2} vs ${d.variance} (±${Z * seVar})`).toBeLessThanOrEqual(Z * seVar);
}

const betaKurt = (a: number, b: number): number => (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
const dists: Dist[] = [
  { name: 'standardNormal', draw: (r) => r.standardNormal(N), mean: 0, variance: 1, exkurt: 0 },
  { name: 'normal(2, 3)', draw: (r) => r.normal(2, 3, N), mean: 2, variance: 9, exkurt: 0 },
  { name: 'uniform(-1, 3)', draw: (r) => r.uniform(-1, 3, N), mean: 1, variance: 16 / 12, exkurt: -1.2 },
  { name: 'exponential(2)', draw: (r) => r.exponential(2, N), mean: 2, variance: 4, exkurt: 6 },
  { name: 'gamma(0.4, 2)', draw: (r) => r.gamma(0.4, 2, N), mean: 0.8, variance: 1.6, exkurt: 15 },
  { name: 'gamma(5, 0.5)', draw: (r) => r.gamma(5, 0.5, N), mean: 2.5, variance: 1.25, exkurt: 1.2 },
  { name: 'beta(0.5, 0.8)', draw: (r) => r.beta(0.5, 0.8, N), mean: 0.5 / 1.3, variance: (0.5 * 0.8) / (1.3 ** 2 * 2.3), exkurt: betaKurt(0.5, 0.8) },
  { name: 'beta(3, 2)', draw: (r) => r.beta(3, 2, N), mean: 0.6, variance: 6 / (25 * 6), exkurt: betaKurt(3, 2) },
  { name: 'binomial(20, 0.3)', draw: (r) => r.binomial(20, 0.3, N), mean: 6, variance: 4.2, exkurt: (1 - 6 * 0.21) / 4.2 },
  { name: 'binomial(1000, 0.6)', draw: (r) => r.binomial(1000, 0.6, N), mean: 600, variance: 240, exkurt: (1 - 6 * 0.24) / 240 },
  { name: 'poisson(3)', draw: (r) => r.poisson(3, N), mean: 3, variance: 3, exkurt: 1 / 3 },
  { name: 'poisson(250)', draw: (r) => r.poisson(250, N), mean: 250, variance: 250, exkurt: 1 / 250 },
];
const intsDist = (lo: number, hi: number): Omit<Dist, 'draw' | 'name'> => {
  const k = hi - lo;
  return { mean: (lo + hi - 1) / 2, variance: (k * k - 1) / 12, exkurt: (-6 * (k * k + 1)) / (5 * (k * k - 1)) };
};

describe('Generator sampler moments', () => {
  for (const d of dists) it(d.name, () => checkMoments(d.draw(defaultRng(101)).toArray(), d));
  it('integers(3, 17)', () => checkMoments((defaultRng(7).integers(3, 17, N) as NDArray).toArray(), intsDist(3, 17)));
  it('choice with p: category frequencies', () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const c = (defaultRng(9).choice(4, N, { p }) as NDArray).toArray();
    for (let k = 0; k < 4; k++) checkMoments(c.map((v) => (v === k ? 1 : 0)), { mean: p[k], variance: p[k] * (1 - p[k]), exkurt: (1 - 6 * p[k] * (1 - p[k])) / (p[k] * (1 - p[k])) });
  });
  it('dirichlet([1, 2, 3]) components', () => {
    const a = [1, 2, 3];
    const s = (defaultRng(3).dirichlet(a, N) as NDArray).toArray();
    for (let k = 0; k < 3; k++) {
      const comp = s.filter((_, i) => i % 3 === k);
      checkMoments(comp, { mean: a[k] / 6, variance: (a[k] * (6 - a[k])) / (36 * 7), exkurt: betaKurt(a[k], 6 - a[k]) });
    }
  });
});

describe('RandomState sampler moments', () => {
  for (const d of dists) it(d.name, () => checkMoments(d.draw(new RandomState(101)).toArray(), d));
  it('randint(3, 17)', () => checkMoments((new RandomState(7).randint(3, 17, N) as NDArray).toArray(), intsDist(3, 17)));
});
