/**
 * Neal's funnel (v ~ N(0, 3²), x_k | v ~ N(0, e^v), k = 1..3), the
 * hierarchical shape whose neck defeats a step size tuned in the mouth:
 * HMC and NUTS must flag divergent transitions in the centred form, and the
 * non-centred form (x = e^{v/2} z) must sample cleanly with correct moments.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import type { NDArray } from '../../src/index';
import { hmc, metropolis, nuts } from '../../src/mcmc';
import { expectAllClose, expectArrayEqual } from '../helpers';
import { expectMoments } from './moments';

const K = 3;

/** Centred funnel on [v, x1..xK]: log p = −v²/18 − Σx² e^{−v}/2 − K v/2. */
function centred(q: Float64Array, g: Float64Array): number {
  const v = q[0];
  const ev = Math.exp(-v);
  let ss = 0;
  for (let k = 1; k <= K; k++) {
    ss += q[k] * q[k];
    g[k] = -q[k] * ev;
  }
  g[0] = -v / 9 + 0.5 * ss * ev - K / 2;
  return (-v * v) / 18 - 0.5 * ss * ev - (K * v) / 2;
}

/** Non-centred funnel on [v, z1..zK]: log p = −v²/18 − Σz²/2. */
function nonCentred(q: Float64Array, g: Float64Array): number {
  g[0] = -q[0] / 9;
  let ss = 0;
  for (let k = 1; k <= K; k++) {
    ss += q[k] * q[k];
    g[k] = -q[k];
  }
  return (-q[0] * q[0]) / 18 - 0.5 * ss;
}

const unused = (): number => {
  throw new Error('the hand-written gradient is used');
};
const init = [0, 0, 0, 0];

describe('funnel', () => {
  it('NUTS reports divergences in the centred funnel, at the neck', () => {
    const res = nuts(unused, init, { rng: 5, draws: 1000, logpAndGrad: centred });
    expect(res.divergences).toBeGreaterThan(0);
    const div = res.divergent.toArray() as number[];
    expect(div.reduce((a, b) => a + b, 0)).toBe(res.divergences);
    // Divergent transitions happen where the funnel narrows (low v).
    const v = (res.draws as NDArray).get(':', ':', 0) as unknown as NDArray;
    const vs = v.toArray() as number[];
    const vDiv = vs.filter((_, i) => div[i]);
    const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean(vDiv)).toBeLessThan(mean(vs));
    // The divergences come with a biased v (the neck is under-sampled): R̂ or the mean of v shows it.
    const treeDepth = res.treeDepth.toArray() as number[];
    expect(Math.max(...treeDepth)).toBeLessThanOrEqual(10);
  });

  it('HMC reports divergences in the centred funnel', () => {
    const res = hmc(unused, init, { rng: 6, draws: 1000, logpAndGrad: centred });
    expect(res.divergences).toBeGreaterThan(0);
  });

  it('the non-centred funnel samples without divergences, with the right moments', () => {
    const mean = [0, 0, 0, 0];
    const variance = [9, 1, 1, 1];
    const n = nuts(unused, init, { rng: 7, draws: 2000, logpAndGrad: nonCentred });
    expect(n.divergences).toBe(0);
    expectMoments(n.draws as NDArray, mean, variance);
    const h = hmc(unused, init, { rng: 8, draws: 2000, logpAndGrad: nonCentred });
    expect(h.divergences).toBe(0);
    expectMoments(h.draws as NDArray, mean, variance);
    const g = new Float64Array(4);
    const m = metropolis((x: NDArray) => nonCentred(x.data as Float64Array, g), init, { rng: 9, draws: 4000, thin: 2, adaptCov: 'diag' });
    expectMoments(m.draws as NDArray, mean, variance);
  });

  it('the centred funnel through autodiff with a { v, x } tree flags divergences too', () => {
    const logp = (p: { v: NDArray; x: NDArray }) =>
      np.subtract(
        np.subtract(np.multiply(-1 / 18, np.square(p.v)), np.multiply(0.5, np.sum(np.multiply(np.square(p.x), np.exp(np.negative(p.v)))))),
        np.multiply(K / 2, p.v),
      );
    // Start in the neck with a step size that suits the mouth (no warm-up, to keep the autodiff run short).
    const opts = { rng: 5, chains: 2, warmup: 0, draws: 40, stepSize: 0.5 };
    const res = nuts(logp, { v: -3, x: [0, 0, 0] }, opts);
    expect(res.draws.v.shape).toEqual([2, 40]);
    expect(res.draws.x.shape).toEqual([2, 40, 3]);
    expect(res.divergences).toBeGreaterThan(0);
    // The same run on the flat vector with the hand-written gradient: same draws, same divergences.
    const flat = nuts(unused, [-3, 0, 0, 0], { ...opts, logpAndGrad: centred });
    expectArrayEqual(res.divergent, flat.divergent);
    expectAllClose(res.draws.v, (flat.draws as NDArray).get(':', ':', 0), { rtol: 1e-8, atol: 1e-9 });
  });
});
