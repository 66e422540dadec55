/**
 * The summary table's layout and labels, the progress helpers, the JSDoc
 * examples' outputs, and bad input to the diagnostics.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { DTypeError, ValueError } from '../../src/core';
import type { NDArray } from '../../src/index';
import { autocorr, autocov, bfmi, ess, formatProgress, hdi, mcse, nuts, progressBar, rhat, summary, type ProgressInfo } from '../../src/mcmc';

const rng = np.random.defaultRng(0);
const draws = (shape: number[]): NDArray => rng.standardNormal(shape);

describe('summary', () => {
  it('prints an aligned table with ArviZ column names and labels', () => {
    const s = summary({ mu: draws([2, 50]), theta: draws([2, 50, 2, 2]) });
    expect(s.columns).toEqual(['mean', 'sd', 'hdi_3%', 'hdi_97%', 'mcse_mean', 'mcse_sd', 'ess_bulk', 'ess_tail', 'r_hat']);
    expect(s.rows.map((r) => r.name)).toEqual(['mu', 'theta[0, 0]', 'theta[0, 1]', 'theta[1, 0]', 'theta[1, 1]']);
    const lines = String(s).split('\n');
    expect(lines).toHaveLength(6);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[0].trimStart().startsWith('mean')).toBe(true);
    // Every header ends where its column's numbers end (right-aligned).
    for (const h of s.columns) {
      const end = lines[0].indexOf(h) + h.length;
      for (const l of lines.slice(1)) expect(l[end - 1]).toMatch(/\d|N/);
    }
    expect(lines[1].startsWith('mu ')).toBe(true);
    expect(lines[2].startsWith('theta[0, 0]')).toBe(true);
    // 3 decimals, ESS as integers, R̂ with 2.
    expect(lines[1]).toMatch(/^mu\s+-?\d+\.\d{3}\s+\d+\.\d{3}\s+-?\d+\.\d{3}\s+-?\d+\.\d{3}\s+\d+\.\d{3}\s+\d+\.\d{3}\s+\d+\s+\d+\s+\d\.\d{2}$/);
    expect(s.row('theta[1, 0]')).toBe(s.rows[3]);
    expect(() => s.row('nope')).toThrow(ValueError);
  });

  it('takes a sampler result, a single array (named x or by option), hdiProb and roundTo', () => {
    // summary()'s JSDoc example (autodiff); the hand-written gradient draws the same chains (autodiff.test.ts), faster.
    const logpAndGrad = (x: Float64Array, g: Float64Array): number => {
      g[0] = -x[0];
      g[1] = -x[1];
      return -0.5 * (x[0] * x[0] + x[1] * x[1]);
    };
    const res = nuts((x: NDArray) => np.multiply(-0.5, np.sum(np.square(x))), [0, 0], { rng: 1, logpAndGrad });
    expect(String(summary(res))).toBe(
      [
        '        mean     sd  hdi_3%  hdi_97%  mcse_mean  mcse_sd  ess_bulk  ess_tail  r_hat',
        'x[0]  -0.015  0.990  -1.935    1.783      0.017    0.016      3356      2379   1.00',
        'x[1]   0.023  0.986  -1.830    1.869      0.017    0.016      3472      2618   1.00',
      ].join('\n'),
    );
    const s = summary(draws([4, 30]), { name: 'sigma', hdiProb: 0.9, roundTo: 1 });
    expect(s.columns.slice(2, 4)).toEqual(['hdi_5%', 'hdi_95%']);
    expect(String(s).split('\n')[1]).toMatch(/^sigma\s+-?\d+\.\d\s/);
    // One chain: R̂ is NaN and prints so.
    expect(String(summary(draws([1, 30])))).toMatch(/NaN$/);
    // A 1-D array is one chain.
    expect(summary(draws([30])).rows[0].name).toBe('x');
  });

  it('bad input', () => {
    expect(() => summary(draws([2, 10]), { hdiProb: 0 })).toThrow('The value of hdi_prob should be in the interval (0, 1]');
    expect(() => summary(draws([2, 10]), { roundTo: -1 })).toThrow(ValueError);
    expect(() => summary('draws')).toThrow(/expected draws/);
    expect(() => summary(3)).toThrow(ValueError);
  });
});

describe('JSDoc examples', () => {
  const x = [[0.1, -1.2, 0.7, 0.4, -0.3, 1.1], [0.9, -0.5, 0.2, -1.4, 0.6, -0.8]];
  it('print what they say', () => {
    expect(ess(x)).toBeCloseTo(12.9501749525715, 12);
    expect(rhat(x)).toBeCloseTo(0.9675596223382171, 14);
    expect(mcse(x)).toBeCloseTo(0.22879061425402983, 14);
    expect(String(hdi([[1, 2, 3, 4, 5, 6, 7, 8, 9, 50]], { hdiProb: 0.8 }))).toBe('[1. 9.]');
    expect(String(autocov([1, 2, 3, 4]))).toBe('[ 1.25    0.3125 -0.375  -0.5625]');
    expect(String(autocorr([1, 2, 3, 4]))).toBe('[ 1.    0.25 -0.3  -0.45]');
    expect(String(bfmi([[1, 2, 1.5, 3, 2.5]]))).toBe('[1.5]');
  });
});

describe('diagnostics: shapes and bad input', () => {
  it('results follow the trailing shape; hdi adds a last axis of 2', () => {
    const d = draws([2, 20, 3, 2]);
    expect((ess(d) as NDArray).shape).toEqual([3, 2]);
    expect((rhat(d) as NDArray).shape).toEqual([3, 2]);
    expect((mcse(d, { method: 'sd' }) as NDArray).shape).toEqual([3, 2]);
    expect(hdi(d).shape).toEqual([3, 2, 2]);
    expect(hdi(draws([40])).shape).toEqual([2]);
    expect(autocov(d).shape).toEqual([2, 20, 3, 2]);
    expect(bfmi(draws([3, 10])).shape).toEqual([3]);
  });

  it('NaN for fewer than 4 draws, or (R̂) one chain', () => {
    expect(ess(draws([2, 3]))).toBeNaN();
    expect(rhat(draws([1, 30]))).toBeNaN();
    expect(mcse(draws([4, 2]))).toBeNaN();
  });

  it('typed errors', () => {
    expect(() => ess(2)).toThrow(ValueError);
    expect(() => ess(draws([2, 10]), { method: 'fast' as 'bulk' })).toThrow(/unknown method 'fast'/);
    expect(() => ess(draws([2, 10]), { method: 'quantile' })).toThrow(/prob must be a number/);
    expect(() => ess(draws([2, 10]), { method: 'quantile', prob: 1.5 })).toThrow(/prob must be in \[0, 1\]/);
    expect(() => ess(draws([2, 10]), { method: 'local' })).toThrow(/prob must be given/);
    expect(() => rhat(draws([2, 10]), { method: 'bulk' as 'rank' })).toThrow(ValueError);
    expect(() => mcse(draws([2, 10]), { method: 'quantile' })).toThrow(ValueError);
    expect(() => mcse(draws([2, 10]), { method: 'var' as 'sd' })).toThrow(ValueError);
    expect(() => hdi(draws([2, 10]), { hdiProb: 1.5 })).toThrow(/hdi_prob/);
    expect(() => hdi(draws([1, 10]), { hdiProb: 1 })).toThrow('Too few elements for interval calculation. ');
    expect(() => ess(np.array([1, 2, 3, 4, 5]).astype('complex128'))).toThrow(DTypeError);
    expect(() => autocov(2)).toThrow(ValueError);
    expect(() => bfmi([[1]])).toThrow(/at least 2 draws/);
  });
});

describe('progress helpers', () => {
  const info: ProgressInfo = {
    sampler: 'nuts', chain: 1, chains: 4, iteration: 1000, iterations: 2000, phase: 'sampling', acceptRate: 0.8123, divergences: 0, elapsedMs: 1234,
  };
  it('formatProgress draws one line', () => {
    expect(formatProgress(info, 10)).toBe('nuts chain 2/4 [#####-----]  50% sampling  accept 0.81  div 0  1.2s');
    expect(formatProgress({ ...info, iteration: 2000 }, 4)).toContain('[####] 100%');
  });
  it('progressBar writes through a custom sink', () => {
    const lines: string[] = [];
    const bar = progressBar({ width: 5, write: (s) => lines.push(s) });
    nuts((x: NDArray) => np.multiply(-0.5, np.square(x)), 0, { rng: 1, chains: 1, warmup: 10, draws: 10, progress: bar, progressEvery: 10 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^nuts chain 1\/1 \[#####\] 100% sampling/);
  });
});
