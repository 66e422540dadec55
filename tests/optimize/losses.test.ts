/**
 * Losses: values against NumPy (scripts/fixtures/optimize_first_order.py),
 * every reduction, the book's binary cross-entropy (listing 10.3), gradients
 * through autodiff checked against central differences, and bad input.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { binaryCrossEntropy, categoricalCrossEntropy, hinge, huber, mae, mse, type Reduction } from '../../src/optimize';
import { checkGrads, grad } from '../../src/autodiff';
import { IndexError, ShapeError, ValueError } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';

type A = np.NDArray;
const L = loadFixture('optimize/first_order.json').losses;
const f64 = (v: unknown): A => np.asarray(v as number[], 'float64');
const REDUCTIONS: Reduction[] = ['mean', 'sum', 'none'];

describe('values match NumPy for every reduction', () => {
  const table: [string, (r: Reduction) => unknown][] = [
    ['mse', (r) => mse(f64(L.mse.yTrue), f64(L.mse.yPred), { reduction: r })],
    ['mae', (r) => mae(f64(L.mae.yTrue), f64(L.mae.yPred), { reduction: r })],
    ['huber_1.0', (r) => huber(f64(L['huber_1.0'].yTrue), f64(L['huber_1.0'].yPred), { reduction: r })],
    ['huber_0.3', (r) => huber(f64(L['huber_0.3'].yTrue), f64(L['huber_0.3'].yPred), { delta: 0.3, reduction: r })],
    ['bce', (r) => binaryCrossEntropy(f64(L.bce.yTrue), f64(L.bce.yPred), { reduction: r })],
    ['bce_logits', (r) => binaryCrossEntropy(f64(L.bce_logits.yTrue), f64(L.bce_logits.yPred), { fromLogits: true, reduction: r })],
    ['cce', (r) => categoricalCrossEntropy(np.array(L.cce.labels), f64(L.cce.yPred), { reduction: r })],
    ['cce_logits', (r) => categoricalCrossEntropy(np.array(L.cce_logits.labels), f64(L.cce_logits.yPred), { fromLogits: true, reduction: r })],
    ['hinge', (r) => hinge(f64(L.hinge.yTrue), f64(L.hinge.yPred), { reduction: r })],
  ];
  for (const [name, fn] of table) {
    for (const r of REDUCTIONS) {
      it(`${name} (${r})`, () => {
        const v = fn(r);
        if (r === 'none') expectAllClose(v, L[name].none, { rtol: 1e-14, atol: 1e-300 });
        else {
          expect(typeof v).toBe('number');
          expect(v as number).toBeCloseTo(L[name][r], 13);
        }
      });
    }
  }

  it('one-hot targets give the same categorical cross-entropy as labels', () => {
    expectAllClose(categoricalCrossEntropy(f64(L.cce.onehot), f64(L.cce.yPred), { reduction: 'none' }), L.cce.none, { rtol: 1e-14 });
    expectAllClose(categoricalCrossEntropy(f64(L.cce_logits.onehot), f64(L.cce_logits.yPred), { fromLogits: true, reduction: 'none' }), L.cce_logits.none, { rtol: 1e-14 });
    // The class axis may be elsewhere.
    const P = f64(L.cce.yPred);
    expect(categoricalCrossEntropy(np.array(L.cce.labels), P.T, { axis: 0 })).toBeCloseTo(L.cce.mean, 13);
  });
});

describe('the book (listing 10.3 and chapter 12)', () => {
  it("binary cross-entropy: 0.1073 and ln 2; the clip keeps log(0) finite", () => {
    expect(binaryCrossEntropy(np.array([1, 0, 1, 1, 0]), [0.9, 0.1, 0.8, 0.95, 0.05])).toBe(0.10729023428099269);
    expect(binaryCrossEntropy(np.array([1, 0, 1, 1, 0]), [0.5, 0.5, 0.5, 0.5, 0.5])).toBe(0.6931471805599453);
    expect(binaryCrossEntropy([1], [0])).toBeCloseTo(34.538776394910684, 12);
  });

  it('MAE is robust to an outlier where MSE is not (exercise 12.3)', () => {
    const y = f64([1, 2, 3, 4, 100]);
    const p = f64([1, 2, 3, 4, 0]);
    expect(mse(y, p)).toBe(2000);
    expect(mae(y, p)).toBe(20);
  });
});

describe('gradients through autodiff', () => {
  const yTrue = f64([0.5, -1, 2, 0.3]);
  const cases: [string, (p: A) => A][] = [
    ['mse', (p) => mse(yTrue, p) as A],
    ['mae', (p) => mae(yTrue, p) as A],
    ['huber', (p) => huber(yTrue, p, { delta: 0.7 }) as A],
    ['bce', (p) => binaryCrossEntropy(f64([1, 0, 1, 0]), p) as A],
    ['bce logits', (p) => binaryCrossEntropy(f64([1, 0, 0.3, 1]), p, { fromLogits: true }) as A],
    ['hinge', (p) => hinge(f64([1, -1, 1, -1]), p) as A],
    ['cce', (p) => categoricalCrossEntropy(np.array([1, 0]), p.reshape(2, 2), { reduction: 'sum' }) as A],
    ['cce logits', (p) => categoricalCrossEntropy(np.array([1, 0]), p.reshape(2, 2), { fromLogits: true }) as A],
  ];
  for (const [name, f] of cases) {
    it(`${name} agrees with central differences`, () => {
      const p0 = name.startsWith('bce') && !name.includes('logits') ? f64([0.3, 0.6, 0.8, 0.1]) : name === 'cce' ? f64([0.2, 0.5, 0.7, 0.4]) : f64([0.1, -0.4, 1.5, 1.9]);
      checkGrads(f, [p0], { order: 1 });
    });
  }

  it('logit forms are finite where the probability forms would overflow', () => {
    const g = grad((z: A) => binaryCrossEntropy(f64([1, 0]), z, { fromLogits: true, reduction: 'sum' }) as A)(f64([-800, 800]));
    expectAllClose(g, [-1, 1], { rtol: 1e-15 });
    expect(binaryCrossEntropy(f64([1]), f64([-800]), { fromLogits: true })).toBe(800);
    const gc = grad((z: A) => categoricalCrossEntropy(np.array([0]), z, { fromLogits: true }) as A)(f64([[1000, -1000, 0]]));
    expectAllClose(gc, [[0, 0, 0]], { atol: 1e-300 });
  });
});

describe('bad input', () => {
  it('shape mismatches, bad options and labels', () => {
    expect(() => mse([1, 2, 3], [[1], [2], [3]])).toThrow(ShapeError);
    expect(() => mse([1, 2], [1, 2], { reduction: 'avg' as never })).toThrow(ValueError);
    expect(() => huber([1], [2], { delta: 0 })).toThrow(ValueError);
    expect(() => binaryCrossEntropy([1], [0.5], { epsilon: 0.6 })).toThrow(ValueError);
    expect(() => categoricalCrossEntropy([3], [[0.2, 0.8]])).toThrow(IndexError);
    expect(() => categoricalCrossEntropy([0.5], [[0.2, 0.8]])).toThrow(/integers/);
    expect(() => categoricalCrossEntropy([[1, 0, 0]], [[0.2, 0.8]])).toThrow(ShapeError);
    expect(() => categoricalCrossEntropy([0], [[0.2, 0.8]], { axis: 2 })).toThrow(ValueError);
    expect(() => categoricalCrossEntropy(0, 0.5)).toThrow(ShapeError);
    expect(() => hinge([2, 1], [0.5, 0.5])).toThrow(/labels/);
    expect(hinge([0, 1], [0.5, 0.5])).toBeCloseTo(1, 15); // 0/1 labels are mapped to -1/+1
  });
});
