/**
 * The samplers on log densities written with numts ops, differentiated by
 * autodiff: the gradient path gives the same draws as a hand-written
 * gradient, pytree positions come back as trees of (chains, draws, ...)
 * arrays, and short runs recover the known moments (4 MCSE).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import type { NDArray } from '../../src/index';
import { hmc, metropolis, nuts } from '../../src/mcmc';
import { expectAllClose } from '../helpers';
import { expectMoments } from './moments';
import { TARGETS } from './targets';

describe('autodiff gradients', () => {
  // (Not the mixture: between its modes the dynamics are unstable and amplify last-bit differences of exp.)
  for (const key of ['correlated', 'banana', 'normal10'] as const) {
    const t = TARGETS[key];
    it(`NUTS and HMC draw the same chains with autodiff as with the hand-written gradient (${t.name})`, () => {
      const opts = { rng: 3, chains: 2, warmup: 40, draws: 40 };
      const a = nuts(t.logp, t.init, opts);
      const b = nuts(t.logp, t.init, { ...opts, logpAndGrad: t.fast });
      expectAllClose(a.draws, b.draws, { rtol: 1e-8, atol: 1e-9 });
      expectAllClose(a.stepSize, b.stepSize, { rtol: 1e-8 });
      const c = hmc(t.logp, t.init, opts);
      const d = hmc(t.logp, t.init, { ...opts, logpAndGrad: t.fast });
      expectAllClose(c.draws, d.draws, { rtol: 1e-8, atol: 1e-9 });
    });
  }

  it('NUTS on the 10-D standard normal (autodiff) recovers its moments', () => {
    const t = TARGETS.normal10;
    const res = nuts(t.logp, t.init, { rng: 21, chains: 4, warmup: 200, draws: 250 });
    expectMoments(res.draws as NDArray, t.mean, t.variance, { minEss: 200 });
    expect(res.divergences).toBe(0);
  });

  it('HMC on the correlated Gaussian (autodiff) recovers its moments', () => {
    const t = TARGETS.correlated;
    const res = hmc(t.logp, t.init, { rng: 22, chains: 4, warmup: 200, draws: 400 });
    expectMoments(res.draws as NDArray, t.mean, t.variance, { rhat: false });
  });

  it("Metropolis on the book's mixture written with numts ops recovers its moments", () => {
    const t = TARGETS.mixture;
    const res = metropolis(t.logp, t.init, { rng: 23, chains: 4, warmup: 500, draws: 2000 });
    expectMoments(res.draws as NDArray, t.mean, t.variance, { rhat: false });
  });
});

describe('pytree positions', () => {
  // mu ~ N(1, 1), log_sigma ~ N(0, 0.5²), theta ~ N(-1, 2²) in 2 dims, as a { mu, logSigma, theta } tree.
  const logp = (p: { mu: NDArray; logSigma: NDArray; theta: NDArray }) =>
    np.negative(
      np.add(
        np.add(np.multiply(0.5, np.square(np.subtract(p.mu, 1))), np.multiply(2, np.square(p.logSigma))),
        np.multiply(0.125, np.sum(np.square(np.add(p.theta, 1)))),
      ),
    );
  const flat = (q: Float64Array, g: Float64Array): number => {
    g[0] = -(q[0] - 1);
    g[1] = -4 * q[1];
    g[2] = -0.25 * (q[2] + 1);
    g[3] = -0.25 * (q[3] + 1);
    return -(0.5 * (q[0] - 1) ** 2 + 2 * q[1] ** 2 + 0.125 * ((q[2] + 1) ** 2 + (q[3] + 1) ** 2));
  };
  const init = { mu: 0, logSigma: 0, theta: [0, 0] };

  it('draws come back as a tree of (chains, draws, ...) arrays, equal to the flat run', () => {
    const opts = { rng: 4, chains: 3, warmup: 30, draws: 25 };
    const res = nuts(logp, init, opts);
    expect(res.draws.mu.shape).toEqual([3, 25]);
    expect(res.draws.logSigma.shape).toEqual([3, 25]);
    expect(res.draws.theta.shape).toEqual([3, 25, 2]);
    expect(res.invMetric.shape).toEqual([3, 4]);
    const ref = nuts(() => 0, [0, 0, 0, 0], { ...opts, logpAndGrad: flat });
    const d = ref.draws as NDArray;
    expectAllClose(res.draws.mu, d.get(':', ':', 0), { rtol: 1e-8, atol: 1e-9 });
    expectAllClose(res.draws.logSigma, d.get(':', ':', 1), { rtol: 1e-8, atol: 1e-9 });
    expectAllClose(res.draws.theta, d.get(':', ':', '2:4'), { rtol: 1e-8, atol: 1e-9 });
  });

  it('metropolis takes the same tree', () => {
    const res = metropolis(logp, init, { rng: 5, chains: 2, warmup: 100, draws: 50 });
    expect(Object.keys(res.draws)).toEqual(['mu', 'logSigma', 'theta']);
    expect(res.draws.theta.shape).toEqual([2, 50, 2]);
    expect(res.proposalCov.shape).toEqual([2, 4, 4]);
  });
});
