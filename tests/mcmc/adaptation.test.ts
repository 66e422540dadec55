/**
 * Warm-up machinery against Stan's definitions: the doubling windows
 * (windowed_adaptation.hpp), dual averaging (Hoffman & Gelman 2014, §3.2),
 * and the regularised Welford variance (var_adaptation.hpp).
 */
import { describe, expect, it } from 'vitest';
import { DualAveraging, Welford, WindowSchedule } from '../../src/mcmc/adaptation';
import { expectAllClose } from '../helpers';

/** The iterations a schedule samples into its estimator, and where its windows end. */
function trace(warmup: number, opts = {}): { first: number; last: number; ends: number[] } {
  const w = new WindowSchedule(warmup, opts);
  const inside: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < warmup; i++) {
    if (w.inWindow()) inside.push(i);
    const end = w.endOfWindow();
    if (end) ends.push(i);
    w.advance(end);
  }
  return { first: inside[0] ?? -1, last: inside[inside.length - 1] ?? -1, ends };
}

describe('WindowSchedule (Stan)', () => {
  it('default buffers 75/25/50 over 1000 warm-up iterations: windows 25, 50, 100, 200, 500', () => {
    expect(trace(1000)).toEqual({ first: 75, last: 949, ends: [99, 149, 249, 449, 949] });
  });
  it('the last window is stretched to the final buffer', () => {
    // After 99 and 149 a 100-wide window would end at 249, leaving less than twice the next width before 350: it runs to 349.
    expect(trace(400).ends).toEqual([99, 149, 349]);
  });
  it('too few iterations for the buffers: 15% / 75% / 10%', () => {
    expect(trace(100)).toEqual({ first: 15, last: 89, ends: [89] });
  });
  it('under 20 iterations nothing is estimated', () => {
    expect(trace(19)).toEqual({ first: -1, last: -1, ends: [] });
  });
  it('custom buffers', () => {
    expect(trace(200, { initBuffer: 10, termBuffer: 10, window: 20 }).ends).toEqual([29, 69, 189]);
  });
});

describe('DualAveraging', () => {
  it('finds the step size whose acceptance statistic is the target', () => {
    // A smooth model of acceptance: a(ε) = exp(−ε²); target 0.8 ⇒ ε* = √(−ln 0.8).
    const da = new DualAveraging(0.8, 1);
    let eps = 1;
    for (let i = 0; i < 2000; i++) eps = da.learn(Math.exp(-eps * eps));
    expect(da.final(eps)).toBeCloseTo(Math.sqrt(-Math.log(0.8)), 2);
  });
  it('caps the statistic at 1, treats NaN as 0, and falls back before any update', () => {
    const a = new DualAveraging(0.8, 1);
    const b = new DualAveraging(0.8, 1);
    expect(a.learn(5)).toBe(b.learn(1));
    expect(a.learn(NaN)).toBe(b.learn(0));
    expect(new DualAveraging(0.8, 1).final(0.3)).toBe(0.3);
  });
});

describe('Welford', () => {
  it('regularises the sample variance as Stan: (n/(n+5))·s² + 1e-3·5/(n+5)', () => {
    const xs = [[1, 2], [2, 0], [4, 1], [0, 3]];
    const diag = new Welford(2, false);
    const full = new Welford(2, true);
    for (const x of xs) {
      diag.add(Float64Array.from(x));
      full.add(Float64Array.from(x));
    }
    const n = 4;
    const mean = [7 / 4, 6 / 4];
    const cov = (i: number, j: number): number => xs.reduce((s, x) => s + (x[i] - mean[i]) * (x[j] - mean[j]), 0) / (n - 1);
    const w = n / (n + 5);
    const ridge = 1e-3 * (5 / (n + 5));
    const d = new Float64Array(2);
    diag.regularized(d);
    expectAllClose(Array.from(d), [w * cov(0, 0) + ridge, w * cov(1, 1) + ridge], { rtol: 1e-14 });
    const f = new Float64Array(4);
    full.regularized(f);
    expectAllClose(Array.from(f), [w * cov(0, 0) + ridge, w * cov(0, 1), w * cov(1, 0), w * cov(1, 1) + ridge], { rtol: 1e-14 });
  });
});
