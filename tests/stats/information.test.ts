/**
 * Information measures against SciPy 1.17 (fixture:
 * scripts/fixtures/stats_information.py): scipy.stats.entropy (normalisation,
 * base, axis, qk), KL divergence and cross-entropy as sums of rel_entr and
 * -xlogy, the book's clipped binary cross-entropy, mutual information of joint
 * tables (batched). Tolerance rtol 1e-14 (the book's printed values exactly).
 */
import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError } from '../../src/core';
import * as st from '../../src/stats';
import { expectAllClose, loadFixture } from '../helpers';

const fx = loadFixture<Record<string, any[]>>('stats/information.json');

describe('entropy (scipy.stats.entropy semantics)', () => {
  it.each(fx.entropy.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('case %i %s', (_i, _kw, c) => {
    expectAllClose(st.entropy(c.pk, { qk: c.kw.qk, base: c.kw.base, axis: c.kw.axis }), c.value, { rtol: 1e-14, atol: 1e-16 });
  });
  it('the book’s listing (ch. 10.1) in bits', () => {
    expect((st.entropy([0.5, 0.5], { base: 2 }) as number).toFixed(3)).toBe('1.000');
    expect((st.entropy([0.99, 0.01], { base: 2 }) as number).toFixed(3)).toBe('0.081');
    expect((st.entropy(new Array(6).fill(1 / 6), { base: 2 }) as number).toFixed(3)).toBe('2.585');
    expect((st.entropy([1, 0], { base: 2 }) as number).toFixed(3)).toBe('0.000');
  });
  it('rejects a non-positive base and non-broadcasting qk', () => {
    expect(() => st.entropy([0.5, 0.5], { base: 0 })).toThrow(ValueError);
    expect(() => st.entropy([0.5, 0.5], { qk: [1, 2, 3] })).toThrow(ShapeError);
    expect(() => st.entropy([0.5, 0.5], { axis: 1 })).toThrow(/axis/);
  });
});

describe('klDivergence and crossEntropy', () => {
  it.each(fx.kl.map((c, i) => [i, c] as const))('KL case %i', (_i, c) => {
    expectAllClose(st.klDivergence(c.p, c.q, c.kw), c.value, { rtol: 1e-14 });
  });
  it.each(fx.cross.map((c, i) => [i, c] as const))('cross-entropy case %i', (_i, c) => {
    expectAllClose(st.crossEntropy(c.p, c.q, c.kw), c.value, { rtol: 1e-14 });
  });
  it('the book’s listing (ch. 10.2): KL is asymmetric', () => {
    expect((st.klDivergence([0.4, 0.3, 0.3], [0.33, 0.33, 0.34]) as number).toFixed(4)).toBe('0.0108'); // ch10_02.out
    expect((st.klDivergence([0.33, 0.33, 0.34], [0.4, 0.3, 0.3]) as number).toFixed(4)).toBe('0.0105');
  });
  it('H(p, q) = H(p) + D(p ‖ q)', () => {
    const p = [0.2, 0.5, 0.3];
    const q = [0.1, 0.6, 0.3];
    expect(st.crossEntropy(p, q) as number).toBeCloseTo((st.entropy(p) as number) + (st.klDivergence(p, q) as number), 15);
  });
  it('rejects shapes that do not broadcast', () => {
    expect(() => st.klDivergence([0.5, 0.5], [1, 0, 0])).toThrow(ShapeError);
  });
});

describe('binaryCrossEntropy', () => {
  it.each(fx.bce.map((c, i) => [i, c] as const))('case %i (the book’s ε = 1e-15 clipping)', (_i, c) => {
    expectAllClose(st.binaryCrossEntropy(c.y, c.p), c.value, { rtol: 1e-14 });
  });
  it('the book’s listing (ch. 10.3)', () => {
    expect((st.binaryCrossEntropy([1, 0, 1, 1, 0], [0.9, 0.1, 0.8, 0.95, 0.05]) as number).toFixed(4)).toBe('0.1073'); // ch10_03.out
    expect((st.binaryCrossEntropy([1, 0, 1, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.5]) as number).toFixed(4)).toBe('0.6931');
  });
  it('from logits equals from probabilities without clipping, and stays finite at ±800', () => {
    const z = [2, -1, 0.5];
    const p = z.map((v) => 1 / (1 + Math.exp(-v)));
    expect(st.binaryCrossEntropy([1, 0, 1], z, { fromLogits: true }) as number).toBeCloseTo(st.binaryCrossEntropy([1, 0, 1], p) as number, 14);
    expect(st.binaryCrossEntropy([0], [800], { fromLogits: true })).toBe(800);
    expectAllClose(st.binaryCrossEntropy([1, 0], [0.9, 0.2], { reduction: 'none' }), [-Math.log(0.9), -Math.log(0.8)], { rtol: 1e-15 });
  });
  it('rejects a bad epsilon or reduction', () => {
    expect(() => st.binaryCrossEntropy([1], [0.5], { epsilon: 0.7 })).toThrow(ValueError);
    expect(() => st.binaryCrossEntropy([1], [0.5], { reduction: 'avg' as never })).toThrow(ValueError);
  });
});

describe('mutualInformation', () => {
  it.each(fx.mi.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    expectAllClose(st.mutualInformation(c.joint, c.kw), c.value, { rtol: 1e-14, atol: 1e-16 });
  });
  it('rejects a 1-d table and negative entries', () => {
    expect(() => st.mutualInformation([0.5, 0.5])).toThrow(ValueError);
    expect(() => st.mutualInformation([[0.5, -0.1], [0.3, 0.3]])).toThrow(ValueError);
  });
});
