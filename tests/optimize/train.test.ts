/**
 * `fit` reproduces the book's mini_batch_gd (listing 12.1) run with
 * np.random.seed(0): the same X (legacy RandomState stream), the same
 * permutations, the same batches; gradients come from autodiff instead of
 * the listing's hand-written formulas, so results agree to rounding.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { Adam, SGD, fit, mse } from '../../src/optimize';
import { RandomState, defaultRng } from '../../src/random';
import { ShapeError, ValueError } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';

type A = np.NDArray;
type Params = { w: A; b: number };
const GD = loadFixture('optimize/first_order.json').miniBatchGD;
const linearMse = (p: Params, xb: A, yb: A) => mse(yb, np.add(np.matmul(xb, p.w), p.b));

describe("the book's mini-batch gradient descent", () => {
  it('full batch on 5 rows: w, b of listing 12.1 (permutation-independent)', () => {
    const c = GD.full_batch;
    const { params } = fit(linearMse, { w: np.zeros([2]), b: 0 }, np.array(c.X), np.array(c.y), {
      optimizer: new SGD({ lr: 0.01 }), epochs: 100, batchSize: 5, rng: new RandomState(0),
    });
    expectAllClose(params.w, c.w, { rtol: 1e-12 });
    expect(params.b).toBeCloseTo(c.b, 12);
  });

  it('seed 0, noise-free data: defaults (lr 0.01, 100 epochs, batches of 32) and lr 0.05 / 200 epochs', () => {
    for (const [key, lr, epochs] of [['defaults', 0.01, 100], ['lr0.05_epochs200', 0.05, 200]] as const) {
      const rs = new RandomState(0);
      const X = rs.randn(200, 3);
      const y = np.add(np.matmul(X, np.array([2, -1, 0.5])), 0.7);
      const params = { w: np.zeros([3]), b: 0 };
      const out = fit(linearMse, params, X, y, { optimizer: new SGD({ lr }), epochs, batchSize: 32, rng: rs });
      expect(out.params).toBe(params); // updated in place, as the listing's w -= lr * dw
      expectAllClose(params.w, GD[key].w, { rtol: 1e-12 });
      expect(params.b).toBeCloseTo(GD[key].b, 12);
      expect(out.history.length).toBe(epochs);
    }
  });

  it('a short last batch (20 rows in batches of 7), seed 3', () => {
    const rs = new RandomState(3);
    const X = rs.randn(20, 2);
    const y = np.add(np.subtract(np.matmul(X, np.array([1.5, -0.5])), 0.2), np.multiply(0.01, rs.randn(20)));
    const { params } = fit(linearMse, { w: np.zeros([2]), b: 0 }, X, y, { optimizer: new SGD({ lr: 0.03 }), epochs: 30, batchSize: 7, rng: rs });
    expectAllClose(params.w, GD.short_batches_seed3.w, { rtol: 1e-12 });
    expect(params.b).toBeCloseTo(GD.short_batches_seed3.b, 12);
  });
});

describe('fit options', () => {
  const rng = defaultRng(1);
  const X = rng.normal(0, 1, [64, 3]);
  const y = np.add(np.matmul(X, np.array([1, 2, -1])), 0.5);

  it('Adam with a Generator seed, pure steps, a progress callback that stops early', () => {
    const epochs: number[] = [];
    const out = fit(linearMse, { w: np.zeros([3]), b: 0 }, X, y, {
      optimizer: new Adam({ lr: 0.05 }), epochs: 50, batchSize: 16, rng: 7, inPlace: false,
      callback: ({ epoch, loss }) => (epochs.push(epoch), loss < 1e-3),
    });
    expect(out.history.length).toBe(epochs.length);
    expect(out.history[out.history.length - 1]).toBeLessThan(out.history[0]);
    // Same seed, same run.
    const again = fit(linearMse, { w: np.zeros([3]), b: 0 }, X, y, { optimizer: new Adam({ lr: 0.05 }), epochs: epochs.length, batchSize: 16, rng: 7, inPlace: false });
    expectAllClose(again.params.w, out.params.w, { rtol: 0 });
  });

  it('without shuffling the batches are in order; epochs 0 does nothing', () => {
    const a = fit(linearMse, { w: np.zeros([3]), b: 0 }, X, y, { optimizer: new SGD({ lr: 0.1 }), epochs: 3, shuffle: false });
    const b = fit(linearMse, { w: np.zeros([3]), b: 0 }, X, y, { optimizer: new SGD({ lr: 0.1 }), epochs: 3, shuffle: false });
    expectAllClose(a.params.w, b.params.w, { rtol: 0 });
    expect(fit(linearMse, { w: np.zeros([3]), b: 0 }, X, y, { optimizer: new SGD(), epochs: 0 }).history).toEqual([]);
  });

  it('rejects mismatched rows, bad counts and a missing optimizer', () => {
    const p = { w: np.zeros([3]), b: 0 };
    expect(() => fit(linearMse, p, X, y.get(':10'), { optimizer: new SGD() })).toThrow(ShapeError);
    expect(() => fit(linearMse, p, X, y, { optimizer: new SGD(), batchSize: 0 })).toThrow(ValueError);
    expect(() => fit(linearMse, p, X, y, { optimizer: new SGD(), epochs: 1.5 })).toThrow(ValueError);
    expect(() => fit(linearMse, p, X, y, {} as never)).toThrow(/needs an optimizer/);
    expect(() => fit(linearMse, p, 3, y, { optimizer: new SGD() })).toThrow(ShapeError);
  });
});
