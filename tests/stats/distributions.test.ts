/**
 * Distribution objects against scipy.stats 1.17 and 40-digit mpmath
 * references (fixture: scripts/fixtures/stats_distributions.py), at ordinary
 * and edge points: logpdf(40), support edges, p = 0/1, λ = 1000, n = 1e6,
 * shape < 1, q = 0, 5e-324 and 1.
 *
 * Where the fixture has an mpmath value numts is held to it, else to SciPy.
 * Tolerances (relative unless stated):
 * - probabilities: 4e-15 + 5e-16·|ln v| — the error of a value e^L grows
 *   with |L| (a rounding of each term of L, terms of size ~|L|), so 4e-15
 *   near 1 and 3.5e-13 near 1e-300; densities 1e-14 + 5e-16·|ln v|;
 * - logs: the same on |v| for log-cdf/log-sf, plus 1e-15 absolute for
 *   log-densities (whose value may be a small difference of O(1) terms);
 * - continuous quantiles: 5e-14 (a shape of 1e-3 amplifies rounding by 1/a);
 *   discrete quantiles: exact.
 * SciPy is less accurate than this at some points (binom.cdf at n = 1e6,
 * poisson.pmf at μ = 1000, gamma.sf(1) for a = ½, quantiles at q = 5e-324);
 * the mpmath column decides there.
 */
import { describe, expect, it } from 'vitest';
import { NDArray, ValueError } from '../../src/core';
import { defaultRng } from '../../src/random';
import * as st from '../../src/stats';
import { expectAllClose, loadFixture } from '../helpers';

interface Method {
  x: number[];
  scipy: number[];
  mp?: (number | null)[];
}
interface Case {
  dist: string;
  args: unknown[];
  methods: Record<string, Method>;
  moments: Record<string, number>;
  samples: { seed: number; one: number; shape: number[]; many: number[][] };
}
interface Fixture {
  cases: Case[];
  mvn: { mean: number[]; cov: number[][]; x: number[][]; logpdf: number[]; pdf: number[]; entropy: number; samples: number[][] }[];
  fits: Record<string, any>;
}
const fx = loadFixture<Fixture>('stats/distributions.json');

type AnyDist = Record<string, (...a: unknown[]) => any>;
const make = (c: Case): AnyDist => new (st as any)[c.dist](...c.args) as AnyDist;
const label = (c: Case): string => `${c.dist}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`;

const LOGS = new Set(['logpdf', 'logpmf', 'logcdf', 'logsf']);
const DISCRETE = new Set(['Bernoulli', 'Binomial', 'Poisson', 'Categorical']);
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** The allowed |got - want| for one method at one reference value (see the file comment). */
function allowed(dist: string, method: string, want: number): number {
  if (want === 0) return method === 'logpdf' || method === 'logpmf' ? 1e-15 : 0;
  // densities are exp(log-density): one rounding of each O(|ln v|)-sized term
  const dens = method === 'pdf' || method === 'pmf';
  const rel = (v: number): number => (dens ? 1e-14 : 4e-15) + 5e-16 * Math.abs(Math.log(Math.abs(v)));
  if (method === 'ppf' || method === 'isf') return DISCRETE.has(dist) ? 0 : 5e-14 * Math.abs(want);
  if (LOGS.has(method)) {
    const r = Math.abs(want) < 1 ? rel(want) : 2e-15;
    return r * Math.abs(want) + (method === 'logpdf' || method === 'logpmf' ? 1e-15 : 0);
  }
  if (Math.abs(want) < SMALLEST_NORMAL) return 1e-320;
  return rel(want) * Math.abs(want);
}

/**
 * Points where numts deliberately differs from SciPy and mpmath gives no
 * value (checked by hand): the definitions min{k : sf(k) ≤ q} and the exact
 * tail say otherwise.
 */
const DELIBERATE: Record<string, Record<string, [number, number, string][]>> = {
  'Bernoulli([0])': {
    isf: [[5e-324, 0, 'p = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: 1)'], [1e-300, 0, 'p = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: 1)']],
  },
  'Poisson([0])': {
    isf: [[5e-324, 0, 'μ = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: NaN)'], [1e-300, 0, 'μ = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: NaN)']],
  },
  'Binomial([20,0])': {
    isf: [[5e-324, 0, 'p = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: 20)'], [1e-300, 0, 'p = 0: sf(0) = 0 ≤ q, so k = 0 (SciPy: 20)']],
  },
};

describe('distributions against SciPy and mpmath', () => {
  for (const c of fx.cases) {
    describe(label(c), () => {
      const d = make(c);
      it.each(Object.keys(c.methods))('%s', (method) => {
        const t = c.methods[method];
        const special = DELIBERATE[`${c.dist}(${JSON.stringify(c.args)})`]?.[method] ?? [];
        const bad: string[] = [];
        t.x.forEach((x, i) => {
          const got = d[method](x) as number;
          const hand = special.find(([q]) => q === x);
          const want = hand ? hand[1] : (t.mp?.[i] ?? t.scipy[i]);
          const ok = Number.isNaN(want) ? Number.isNaN(got) : !Number.isFinite(want) ? got === want : Math.abs(got - want) <= allowed(c.dist, method, want);
          if (!ok) bad.push(`${method}(${x}) = ${got}, want ${want} (${t.mp?.[i] != null ? 'mpmath' : hand ? hand[2] : 'SciPy'})`);
        });
        expect(bad).toEqual([]);
      });

      it('mean, var, std, entropy, median', () => {
        const m = c.moments;
        const q = c.methods.ppf;
        const i = q.x.indexOf(0.5);
        const median = q.mp?.[i] ?? m.median;
        expectAllClose(d.mean(), m.mean, { rtol: 1e-15 });
        expectAllClose(d.var(), m.var, { rtol: 1e-15 });
        expectAllClose(d.std(), m.std, { rtol: 1e-15 });
        expectAllClose(d.entropy(), (m as any).entropy_mp ?? m.entropy, { rtol: 1e-14, atol: 1e-15 });
        expectAllClose(d.median(), median, { rtol: DISCRETE.has(c.dist) ? 0 : 5e-14 });
      });

      it('sample draws SciPy’s stream for the same seed, bit for bit', () => {
        const s = c.samples;
        expect(d.sample(defaultRng(s.seed))).toBe(s.one);
        const many = d.sample(defaultRng(s.seed + 1), s.shape) as NDArray;
        expect(many.shape).toEqual(s.shape);
        expect(many.tolist()).toEqual(s.many);
      });
    });
  }
});

describe('MultivariateNormal against SciPy', () => {
  it.each(fx.mvn.map((m, i) => [i, m] as const))('case %i: logpdf, entropy (rtol 1e-14), pdf (5e-14), samples (1e-13: SVD rounding)', (_i, m) => {
    const d = new st.MultivariateNormal(m.mean, m.cov);
    expectAllClose(d.logpdf(m.x), m.logpdf, { rtol: 1e-14 });
    expectAllClose(d.pdf(m.x), m.pdf, { rtol: 5e-14 }); // exp of a log-density near -70
    expectAllClose(d.entropy(), m.entropy, { rtol: 1e-14 });
    // the same normals; the factor comes from numts' SVD, not LAPACK's, so the last bits may differ
    expectAllClose(d.sample(defaultRng(31), 4), m.samples, { rtol: 1e-13, atol: 1e-14 });
    expect(typeof d.logpdf(m.x[0])).toBe('number');
  });
  it('rejects a non-positive-definite, asymmetric or mismatched covariance', () => {
    expect(() => new st.MultivariateNormal([0, 0], [[1, 2], [2, 1]])).toThrow(ValueError);
    expect(() => new st.MultivariateNormal([0, 0], [[1, 0.5], [0.2, 1]])).toThrow(/symmetric/);
    expect(() => new st.MultivariateNormal([0, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow(/shape/);
    expect(() => new st.MultivariateNormal([0, 0]).logpdf([1, 2, 3])).toThrow(/last axis/);
  });
});

describe('maximum-likelihood fits', () => {
  const f = fx.fits;
  it('closed forms agree with scipy.stats.*.fit (rtol 1e-14)', () => {
    const n = st.Normal.fit(f.Normal.data);
    expectAllClose([n.mean(), n.std()], f.Normal.scipy, { rtol: 1e-14 });
    const e = st.Exponential.fit(f.Exponential.data);
    expectAllClose([e.loc.item(), e.scale.item()], f.Exponential.scipy, { rtol: 1e-14 });
    const u = st.Uniform.fit(f.Uniform.data);
    expectAllClose([u.loc.item(), u.scale.item()], f.Uniform.scipy, { rtol: 1e-14 });
    expectAllClose(st.Poisson.fit(f.Poisson.data).mean(), f.Poisson.scipy, { rtol: 1e-15 });
    const m = st.MultivariateNormal.fit(f.MultivariateNormal.data);
    expectAllClose(m.mean(), f.MultivariateNormal.mean, { rtol: 1e-14 });
    expectAllClose(m.cov(), f.MultivariateNormal.cov, { rtol: 1e-13 });
  });

  it('Gamma.fit (loc fixed at 0) solves log a - ψ(a) = log mean - mean log to 1e-14 and agrees with SciPy to 1e-7', () => {
    const g = st.Gamma.fit(f.Gamma.data);
    const a = g.a.item() as number;
    const x = f.Gamma.data as number[];
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    const ml = x.reduce((s, v) => s + Math.log(v), 0) / x.length;
    expect(Math.abs(Math.log(a) - st.digamma(a) - (Math.log(m) - ml))).toBeLessThan(1e-14);
    expectAllClose([a, g.scale.item()], [f.Gamma.scipy[0], f.Gamma.scipy[2]], { rtol: 1e-7 });
  });

  it('Beta.fit (loc 0, scale 1) satisfies the likelihood equations to 1e-13 and agrees with SciPy’s optimiser to 1e-5', () => {
    const b = st.Beta.fit(f.Beta.data);
    const [a, bb] = [b.a.item() as number, b.b.item() as number];
    const x = f.Beta.data as number[];
    const l1 = x.reduce((s, v) => s + Math.log(v), 0) / x.length;
    const l2 = x.reduce((s, v) => s + Math.log1p(-v), 0) / x.length;
    expect(Math.abs(st.digamma(a) - st.digamma(a + bb) - l1)).toBeLessThan(1e-13);
    expect(Math.abs(st.digamma(bb) - st.digamma(a + bb) - l2)).toBeLessThan(1e-13);
    expectAllClose([a, bb], f.Beta.scipy, { rtol: 1e-5 });
  });

  it('Bernoulli, Binomial and Categorical fits are the observed frequencies', () => {
    expect(st.Bernoulli.fit([0, 1, 1, 0, 1]).mean()).toBeCloseTo(0.6, 15);
    expect(st.Binomial.fit([3, 5, 4], 10).p.item()).toBeCloseTo(0.4, 15);
    expectAllClose(st.Categorical.fit([0, 2, 2, 1, 2]).p, [0.2, 0.2, 0.6], { rtol: 1e-15 });
  });

  it('fits reject unusable data', () => {
    expect(() => st.Normal.fit([])).toThrow(ValueError);
    expect(() => st.Normal.fit([1, NaN])).toThrow(ValueError);
    expect(() => st.Gamma.fit([1, -2, 3])).toThrow(ValueError);
    expect(() => st.Beta.fit([0.2, 1.5])).toThrow(ValueError);
    expect(() => st.Poisson.fit([1, 2.5])).toThrow(ValueError);
    expect(() => st.Bernoulli.fit([0, 2])).toThrow(ValueError);
    expect(() => st.Binomial.fit([3, 11], 10)).toThrow(ValueError);
    expect(() => st.MultivariateNormal.fit([1, 2, 3])).toThrow(ValueError);
  });
});
