/**
 * logsumexp, softmax and logSoftmax against SciPy 1.17 (fixture:
 * scripts/fixtures/stats_special.py): axes, keepdims, weights b (negative,
 * zero next to ±∞), returnSign, infinities, NaN. Tolerance rtol 1e-15.
 */
import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core';
import { logSoftmax, logsumexp, softmax } from '../../src/stats';
import { expectAllClose, loadFixture } from '../helpers';

interface LseCase {
  a: unknown;
  opts: { axis?: number | number[]; b?: unknown; keepdims?: boolean; return_sign?: boolean };
  value: unknown;
  sign?: unknown;
}
interface SoftmaxCase {
  a: unknown;
  axis: number | null;
  softmax: unknown;
  log_softmax: unknown;
}
const fx = loadFixture<{ logsumexp: LseCase[]; softmax: SoftmaxCase[] }>('stats/special.json');

describe('logsumexp', () => {
  it.each(fx.logsumexp.map((c, i) => [i, c] as const))('SciPy case %i matches (rtol 1e-15)', (_i, c) => {
    const opts = { axis: c.opts.axis, b: c.opts.b as never, keepdims: c.opts.keepdims };
    if (c.opts.return_sign) {
      const [v, s] = logsumexp(c.a as never, { ...opts, returnSign: true });
      expectAllClose(v, c.value as never, { rtol: 1e-15 });
      expectAllClose(s, c.sign as never, { rtol: 0 });
    } else {
      const v = logsumexp(c.a as never, opts);
      expectAllClose(v, c.value as never, { rtol: 1e-15 });
    }
  });

  it('keeps the small terms that log(sum(exp)) would round away', () => {
    expect(logsumexp([0, -50])).toBeCloseTo(1.9287498479639178e-22, 36);
  });

  it('returns -inf for an empty reduction and numbers for full reductions', () => {
    expect(logsumexp([])).toBe(-Infinity);
    expect(typeof logsumexp([[1, 2]])).toBe('number');
    expect((logsumexp([[1, 2], [3, 4]], { axis: 0 }) as NDArray).shape).toEqual([2]);
  });

  it('rejects a bad axis, non-broadcasting weights and complex input', () => {
    expect(() => logsumexp([1, 2], { axis: 1 })).toThrow(/axis/);
    expect(() => logsumexp([1, 2], { b: [1, 2, 3] })).toThrow(/broadcast/);
  });
});

describe('softmax and logSoftmax', () => {
  it.each(fx.softmax.map((c, i) => [i, c] as const))('SciPy case %i matches (rtol 1e-15)', (_i, c) => {
    const axis = c.axis === null ? undefined : c.axis;
    expectAllClose(softmax(c.a as never, { axis }), c.softmax as never, { rtol: 1e-15, atol: 1e-300 });
    expectAllClose(logSoftmax(c.a as never, { axis }), c.log_softmax as never, { rtol: 1e-15 });
  });

  it('rows sum to one along the axis', () => {
    const s = softmax([[1, 2, 3], [0, 0, 0]], { axis: 1 });
    expectAllClose(s.sum({ axis: 1 }), [1, 1], { rtol: 1e-15 });
  });

  it('rejects a bad axis', () => {
    expect(() => softmax([1, 2], { axis: 3 })).toThrow(/axis/);
    expect(() => logSoftmax([1, 2], { axis: -2 })).toThrow(/axis/);
  });
});
