/**
 * Sampler options and contracts: reproducibility from a seed or Generator,
 * independent chains, thinning, warm-up, initial points and jitter, progress
 * reports, per-sampler statistics, and bad input raising typed errors.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { LinAlgError, TypeError_, ValueError } from '../../src/core';
import type { NDArray } from '../../src/index';
import { bfmi, hmc, metropolis, nuts, type ProgressInfo } from '../../src/mcmc';
import { expectArrayEqual, expectAllClose } from '../helpers';
import { TARGETS, valueOnly } from './targets';

const t = TARGETS.correlated;
const fastOpts = { logpAndGrad: t.fast };
const mh = (opts: object) => metropolis(valueOnly(t), t.init, { warmup: 200, draws: 100, ...opts });
const hm = (opts: object) => hmc(t.logp, t.init, { warmup: 100, draws: 50, ...fastOpts, ...opts });
const nu = (opts: object) => nuts(t.logp, t.init, { warmup: 100, draws: 50, ...fastOpts, ...opts });
const SAMPLERS = { metropolis: mh, hmc: hm, nuts: nu };

describe('reproducibility', () => {
  for (const [name, run] of Object.entries(SAMPLERS)) {
    it(`${name}: same seed, same draws; another seed, other draws; chains differ`, () => {
      const a = run({ rng: 42 });
      const b = run({ rng: 42 });
      expectArrayEqual(a.draws, b.draws as NDArray);
      expectArrayEqual(a.acceptProb, b.acceptProb);
      // A Generator seeded alike gives the same streams as the seed.
      const c = run({ rng: np.random.defaultRng(42) });
      expectArrayEqual(c.draws, a.draws as NDArray);
      const d = run({ rng: 43 });
      expect((d.draws as NDArray).tolist()).not.toEqual((a.draws as NDArray).tolist());
      const draws = a.draws as NDArray;
      expect(draws.get(0).tolist()).not.toEqual(draws.get(1).tolist());
    });

    it(`${name}: thinning keeps every thin-th iteration of the same chain`, () => {
      const all = run({ rng: 7, draws: 30, chains: 2 });
      const thinned = run({ rng: 7, draws: 10, thin: 3, chains: 2 });
      expectArrayEqual(thinned.draws, (all.draws as NDArray).get(':', '::3'));
      expect(thinned.thin).toBe(3);
      expect(thinned.numDraws).toBe(10);
    });
  }
});

describe('initial points', () => {
  // log p = −x² on x > 0.5, −∞ elsewhere: init 0 is outside the support.
  const halfLine = (x: NDArray) => ((x.item() as number) > 0.5 ? -((x.item() as number) ** 2) : -Infinity);

  it('a non-finite log density at the initial point raises; with jitter, inits are redrawn (as Stan)', () => {
    expect(() => metropolis(halfLine, 0, { rng: 1, draws: 10 })).toThrow(ValueError);
    expect(() => metropolis(halfLine, 0, { rng: 1, draws: 10 })).toThrow(/initial point/);
    const res = metropolis(halfLine, 0, { rng: 1, draws: 50, warmup: 10, initJitter: 1 });
    expect(Math.min(...((res.draws as NDArray).toArray() as number[]))).toBeGreaterThan(0.5);
  });

  it('init may be a function of (chain, rng)', () => {
    const calls: number[] = [];
    const res = metropolis(valueOnly(t), (c: number) => {
      calls.push(c);
      return [10 * c, 0];
    }, { rng: 2, warmup: 0, draws: 1, adaptScale: false, scale: 1e-9 });
    expect(calls).toEqual([0, 1, 2, 3]);
    // With a tiny scale and no warm-up, each chain stays at its start.
    expectAllClose((res.draws as NDArray).get(':', 0, 0), [0, 10, 20, 30], { atol: 1e-6 });
  });

  it('gradient-based samplers need a finite gradient at the start', () => {
    const logp = (x: NDArray) => np.sum(np.sqrt(x)); // d/dx √x is infinite at 0
    expect(() => nuts(logp, [0, 1], { rng: 1, draws: 5 })).toThrow(/log density and gradient/);
  });
});

describe('progress', () => {
  it('reports each chain through warm-up and sampling, ending at the last iteration', () => {
    const seen: ProgressInfo[] = [];
    nu({ rng: 3, chains: 2, warmup: 20, draws: 30, progress: (p: ProgressInfo) => seen.push(p), progressEvery: 10 });
    expect(seen.map((p) => [p.chain, p.iteration, p.phase])).toEqual([
      [0, 10, 'warmup'], [0, 20, 'warmup'], [0, 30, 'sampling'], [0, 40, 'sampling'], [0, 50, 'sampling'],
      [1, 10, 'warmup'], [1, 20, 'warmup'], [1, 30, 'sampling'], [1, 40, 'sampling'], [1, 50, 'sampling'],
    ]);
    for (const p of seen) {
      expect(p.sampler).toBe('nuts');
      expect(p.iterations).toBe(50);
      expect(p.acceptRate).toBeGreaterThan(0);
      expect(p.acceptRate).toBeLessThanOrEqual(1);
    }
  });
});

describe('sampler statistics', () => {
  it('NUTS: tree depth within the maximum, leapfrog counts consistent with it', () => {
    const res = nu({ rng: 4, maxTreeDepth: 2, draws: 200 });
    const depth = res.treeDepth.toArray() as number[];
    const steps = res.nSteps.toArray() as number[];
    depth.forEach((d, i) => {
      expect(d).toBeLessThanOrEqual(2);
      expect(steps[i]).toBeGreaterThanOrEqual(2 ** d - 1);
      expect(steps[i]).toBeLessThanOrEqual(2 ** (d + 1) - 1);
    });
    expect(res.treeDepth.dtype).toBe('int32');
    expect(res.divergent.dtype).toBe('bool');
    expect(res.energy.shape).toEqual([4, 200]);
  });

  it('HMC: a fixed number of steps, jittered step sizes, fixed step size without adaptation', () => {
    const res = hm({ rng: 5, numSteps: 7, stepJitter: 0.2 });
    expect(new Set(res.nSteps.toArray())).toEqual(new Set([7]));
    const eps = res.stepSizes.toArray() as number[];
    const nominal = res.stepSize.toArray() as number[];
    eps.forEach((e, i) => {
      const n = nominal[Math.floor(i / 50)];
      expect(e).toBeGreaterThanOrEqual(0.8 * n);
      expect(e).toBeLessThanOrEqual(1.2 * n);
    });
    const fixed = hm({ rng: 5, stepSize: 0.3, adaptStepSize: false, metric: 'unit' });
    expectArrayEqual(fixed.stepSize, [0.3, 0.3, 0.3, 0.3]);
    expectArrayEqual(fixed.invMetric, np.ones([4, 2]));
  });

  it('the diagonal metric estimates the posterior variances; the energy BFMI is healthy', () => {
    const res = nu({ rng: 6, warmup: 1000, draws: 500 });
    for (const row of (res.invMetric.tolist() as number[][])) {
      expect(row[0]).toBeGreaterThan(0.6);
      expect(row[0]).toBeLessThan(1.6);
      expect(row[1]).toBeGreaterThan(2.4);
      expect(row[1]).toBeLessThan(6.4);
    }
    for (const b of bfmi(res).toArray()) expect(b).toBeGreaterThan(0.3);
    // Dual averaging aims at 0.8 during warm-up; the final x̄ step typically accepts a little more (as in Stan).
    for (const r of res.acceptanceRate.toArray()) {
      expect(r).toBeGreaterThan(0.7);
      expect(r).toBeLessThan(0.99);
    }
  });

  it('Metropolis: covariance adaptation learns the target covariance; a given covariance is kept', () => {
    const res = mh({ rng: 8, warmup: 3000, draws: 100, adaptCov: 'full' });
    for (const cov of res.proposalCov.tolist() as number[][][]) {
      expectAllClose(cov, [[1, 1.6], [1.6, 4]], { rtol: 0.35, atol: 0.3 });
    }
    const given = mh({ rng: 8, proposalCov: [[1, 0.5], [0.5, 2]] });
    expectAllClose(given.proposalCov.get(0), [[1, 0.5], [0.5, 2]], { rtol: 1e-12 });
    const diag = mh({ rng: 8, proposalCov: [1, 2], adaptScale: false, scale: 0.5 });
    expectAllClose(diag.proposalCov.get(1), [[1, 0], [0, 2]], { rtol: 1e-12 });
    expectArrayEqual(diag.scale, [0.5, 0.5, 0.5, 0.5]);
    expect(diag.accepted.dtype).toBe('bool');
  });
});

describe('bad input', () => {
  it('counts and options', () => {
    for (const run of Object.values(SAMPLERS)) {
      expect(() => run({ chains: 0 })).toThrow(ValueError);
      expect(() => run({ draws: 0 })).toThrow(/draws must be an integer >= 1/);
      expect(() => run({ warmup: -1 })).toThrow(ValueError);
      expect(() => run({ thin: 1.5 })).toThrow(ValueError);
      expect(() => run({ targetAccept: 1 })).toThrow(/targetAccept/);
      expect(() => run({ initJitter: -1 })).toThrow(ValueError);
    }
    expect(() => mh({ scale: 0 })).toThrow(/scale/);
    expect(() => mh({ proposalCov: [1, 2, 3] })).toThrow(/proposalCov must have shape \(2,\)/);
    expect(() => mh({ proposalCov: [1, -2] })).toThrow(ValueError);
    expect(() => mh({ proposalCov: [[1, 2], [2, 1]] })).toThrow(LinAlgError);
    expect(() => mh({ adaptCov: 'dense' })).toThrow(/adaptCov/);
    expect(() => nu({ metric: 'dense' })).toThrow(/metric/);
    expect(() => nu({ invMetric: [1, 2, 3] })).toThrow(/invMetric/);
    expect(() => nu({ stepSize: 0 })).toThrow(/stepSize/);
    expect(() => nu({ maxTreeDepth: 0 })).toThrow(/maxTreeDepth/);
    expect(() => nu({ stepJitter: 1 })).toThrow(/stepJitter/);
    expect(() => hm({ pathLength: -1 })).toThrow(/pathLength/);
    expect(() => hm({ numSteps: 0 })).toThrow(/numSteps/);
  });

  it('log densities and initial points', () => {
    expect(() => metropolis((x: NDArray) => x, [0, 0], { draws: 5 })).toThrow(/scalar/);
    expect(() => metropolis(() => 'x' as unknown as number, 0, { draws: 5 })).toThrow(TypeError_);
    expect(() => nuts((x: NDArray) => np.multiply(x, 2), [0, 0], { draws: 5 })).toThrow(ValueError);
    expect(() => metropolis(() => 0, [], { draws: 5 })).toThrow(/no parameters/);
    expect(() => metropolis(() => 0, 'a' as unknown as number, { draws: 5 })).toThrow(TypeError_);
    expect(() => metropolis(() => 0, (c: number) => (c === 0 ? [0, 0] : [0]), { draws: 5 })).toThrow(ValueError);
  });
});
