/**
 * First-order optimizers: every rule against a step computed by hand with
 * the same arithmetic (exact equality), the book's Adam class bit for bit
 * (fixture from NumPy), parameter trees, state, clipping and schedules.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import {
  Adagrad, Adam, AdamW, Momentum, RMSProp, SGD, clipByGlobalNorm, clipByValue, constantSchedule, cosineDecay, exponentialDecay, globalNorm,
  joinSchedules, linearWarmup, stepDecay, warmupCosineDecay,
} from '../../src/optimize';
import { DTypeError, ValueError } from '../../src/core';
import { expectAllClose, expectArrayEqual, loadFixture } from '../helpers';

type A = np.NDArray;
const f64 = (v: number[] | number[][]): A => np.asarray(v, 'float64');
const W0 = [1.5, -2, 0.25];
const G1 = [0.5, -3, 0.1];
const G2 = [-1, 2.5, 0.3];

/** Runs two steps of `opt` (pure `step`) and returns both iterates. */
function twoSteps(opt: { step: (p: A, g: A) => A }): [number[], number[]] {
  const w1 = opt.step(f64(W0), f64(G1));
  const w2 = opt.step(w1, f64(G2));
  return [w1.tolist() as number[], w2.tolist() as number[]];
}

describe('each rule matches a hand-computed step exactly', () => {
  it('SGD (plain, weight decay)', () => {
    const lr = 0.1;
    const [w1] = twoSteps(new SGD({ lr }));
    expectArrayEqual(w1, W0.map((w, i) => w - lr * G1[i]));
    const wd = 0.01;
    const [v1] = twoSteps(new SGD({ lr, weightDecay: wd }));
    expectArrayEqual(v1, W0.map((w, i) => w - lr * (G1[i] + wd * w)));
  });

  it('SGD with momentum, dampening and Nesterov (PyTorch semantics: b₁ = g₁)', () => {
    const [lr, mu, damp] = [0.05, 0.9, 0.1];
    const [w1, w2] = twoSteps(new SGD({ lr, momentum: mu, dampening: damp }));
    const b1 = G1;
    const e1 = W0.map((w, i) => w - lr * b1[i]);
    const b2 = b1.map((b, i) => mu * b + (1 - damp) * G2[i]);
    expectArrayEqual(w1, e1);
    expectArrayEqual(w2, e1.map((w, i) => w - lr * b2[i]));
    const [n1, n2] = twoSteps(new SGD({ lr, momentum: mu, nesterov: true }));
    const m2 = b1.map((b, i) => mu * b + G2[i]);
    const f1 = W0.map((w, i) => w - lr * (G1[i] + mu * b1[i]));
    expectArrayEqual(n1, f1);
    expectArrayEqual(n2, f1.map((w, i) => w - lr * (G2[i] + mu * m2[i])));
  });

  it("Momentum, the book's vₜ = βvₜ₋₁ + (1-β)∇L, wₜ = wₜ₋₁ - αvₜ", () => {
    const [lr, beta] = [0.1, 0.9];
    const [w1, w2] = twoSteps(new Momentum({ lr, beta }));
    const v1 = G1.map((g) => beta * 0 + (1 - beta) * g);
    const e1 = W0.map((w, i) => w - lr * v1[i]);
    const v2 = v1.map((v, i) => beta * v + (1 - beta) * G2[i]);
    expectArrayEqual(w1, e1);
    expectArrayEqual(w2, e1.map((w, i) => w - lr * v2[i]));
  });

  it('RMSProp (plain, momentum, centered)', () => {
    const [lr, rho, eps] = [0.01, 0.9, 1e-8];
    const [w1, w2] = twoSteps(new RMSProp({ lr, rho, eps }));
    const s1 = G1.map((g) => rho * 0 + (1 - rho) * g * g);
    const e1 = W0.map((w, i) => w - lr * (G1[i] / (Math.sqrt(s1[i]) + eps)));
    const s2 = s1.map((s, i) => rho * s + (1 - rho) * G2[i] * G2[i]);
    expectArrayEqual(w1, e1);
    expectArrayEqual(w2, e1.map((w, i) => w - lr * (G2[i] / (Math.sqrt(s2[i]) + eps))));
    const mu = 0.5;
    const [m1] = twoSteps(new RMSProp({ lr, rho, eps, momentum: mu, centered: true }));
    const ga = G1.map((g) => rho * 0 + (1 - rho) * g);
    const avg = s1.map((s, i) => Math.sqrt(s - ga[i] * ga[i]) + eps);
    expectArrayEqual(m1, W0.map((w, i) => w - lr * (mu * 0 + G1[i] / avg[i])));
  });

  it('Adagrad (with lr decay and an initial accumulator)', () => {
    const [lr, eps, decay, init] = [0.1, 1e-10, 0.5, 0.2];
    const [w1, w2] = twoSteps(new Adagrad({ lr, eps, lrDecay: decay, initialAccumulatorValue: init }));
    const s1 = G1.map((g) => init + g * g);
    const e1 = W0.map((w, i) => w - lr * (G1[i] / (Math.sqrt(s1[i]) + eps)));
    const s2 = s1.map((s, i) => s + G2[i] * G2[i]);
    const clr = lr / (1 + 1 * decay);
    expectArrayEqual(w1, e1);
    expectArrayEqual(w2, e1.map((w, i) => w - clr * (G2[i] / (Math.sqrt(s2[i]) + eps))));
  });

  it('Adam and AdamW (decoupled decay before the Adam step)', () => {
    const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-8];
    const [w1] = twoSteps(new Adam({ lr }));
    const m = G1.map((g) => b1 * 0 + (1 - b1) * g);
    const v = G1.map((g) => b2 * 0 + (1 - b2) * (g * g));
    const adam1 = W0.map((w, i) => w - (lr * (m[i] / (1 - 0.9))) / (Math.sqrt(v[i] / (1 - 0.999)) + eps));
    expectArrayEqual(w1, adam1);
    const wd = 0.1;
    const [a1] = twoSteps(new AdamW({ lr, weightDecay: wd }));
    expectArrayEqual(a1, W0.map((w, i) => w * (1 - lr * wd) - (lr * (m[i] / (1 - 0.9))) / (Math.sqrt(v[i] / (1 - 0.999)) + eps)));
  });
});

describe("the book's Adam class (listing 12.2), bit for bit", () => {
  const fx = loadFixture('optimize/first_order.json').adam;

  it('lr 0.1 on x² + y² from [5, 3]: every one of 100 iterates; step mutates and returns the same array', () => {
    const adam = new Adam({ lr: 0.1 });
    const w = f64(fx['quadratic_lr0.1'].w0);
    for (let k = 0; k < 100; k++) {
      const out = adam.update(w, np.multiply(2, w));
      expect(out).toBe(w);
      expectArrayEqual(w, fx['quadratic_lr0.1'].trajectory[k]);
    }
    expectAllClose(w, [-0.03900403122391936, 0.019344562472187788], { rtol: 0, atol: 1e-9 });
  });

  it('defaults, one step; a zero gradient leaves 0 unchanged', () => {
    const w = f64(fx.defaults_one_step.w0);
    new Adam().update(w, f64(fx.defaults_one_step.grad));
    expectArrayEqual(w, fx.defaults_one_step.w1);
    expectArrayEqual(w, [0.99900000002, -1.9990000000033334, 0]);
  });

  it('300 noisy steps on an ill-scaled quadratic (β₁ 0.8, β₂ 0.99, ε 1e-6)', () => {
    const c = fx.noisy_quadratic;
    const adam = new Adam({ lr: c.lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps });
    const A = f64(c.A);
    let w = f64(c.w0);
    for (let k = 0; k < 300; k++) {
      // The recorded gradient (NumPy's A @ w + noise): BLAS and numts may round A @ w differently.
      const g = f64(c.grads[k]);
      expectAllClose(np.add(np.matmul(A, w), f64(c.noise[k])), c.grads[k], { rtol: 1e-13, atol: 1e-15 });
      w = adam.step(w, g);
      expectArrayEqual(w, c.trajectory[k]);
    }
  });

  it('an integer parameter array cannot be updated in place (NumPy raises too); step returns floats', () => {
    expect(() => new Adam().update(np.array([1, 2]), np.array([0.5, 0.5]))).toThrow(DTypeError);
    expect(new Adam({ lr: 0.1 }).step(np.array([1, 2]), np.array([1, 1])).dtype).toBe('float64');
  });
});

describe('parameter trees, state and in-place updates', () => {
  it('steps a { w, b } tree: step is pure, update writes into the arrays and the container', () => {
    const params = { w: f64([1, 2]), b: 0.5 };
    const grads = { w: f64([1, -1]), b: 2 };
    const opt = new SGD({ lr: 0.1 });
    const next = opt.step(params, grads);
    expectArrayEqual(params.w, [1, 2]);
    expect(params.b).toBe(0.5);
    expectArrayEqual(next.w, [1 - 0.1 * 1, 2 - 0.1 * -1]);
    expect(next.b).toBe(0.5 - 0.1 * 2);
    const same = opt.update(params, grads);
    expect(same).toBe(params);
    expectArrayEqual(params.w, [0.9, 2.1]);
    expect(params.b).toBeCloseTo(0.3, 15);
    expect(new SGD({ lr: 0.1 }).step(3, 1)).toBeCloseTo(2.9, 15);
  });

  it('updates float32 and strided parameters in place', () => {
    const M = f64([[1, 2], [3, 4]]);
    const col = M.get(':', 1);
    new SGD({ lr: 1 }).update(col, f64([1, 1]));
    expectArrayEqual(M, [[1, 1], [3, 3]]);
    const w32 = np.asarray([1, 2], 'float32');
    new SGD({ lr: 0.5 }).update(w32, f64([1, 1]));
    expect(w32.dtype).toBe('float32');
    expectArrayEqual(w32, [0.5, 1.5]);
  });

  it('state shows the slots as trees; reset clears them', () => {
    const adam = new Adam({ lr: 0.1 });
    const p = { w: f64([1, 2]), b: 1 };
    adam.update(p, { w: f64([1, 1]), b: 1 });
    const s = adam.state;
    expect(s.iterations).toBe(1);
    expect(s.lr).toBe(0.1);
    const m = s.slots.m as { w: A; b: number };
    expectAllClose(m.w, [0.1, 0.1], { rtol: 1e-15 });
    expect(m.b).toBeCloseTo(0.1, 15);
    adam.reset();
    expect(adam.iterations).toBe(0);
    expect(adam.state.slots.m).toBeNull();
    expect(() => { adam.update(p, { w: f64([1, 1]), b: 1 }); adam.update(f64([1]), f64([1])); }).toThrow(/call reset/);
  });

  it('rejects mismatched trees and bad hyper-parameters', () => {
    expect(() => new SGD().step({ w: f64([1, 2]) }, { w: f64([1, 2, 3]) })).toThrow(ValueError);
    expect(() => new SGD().step({ w: f64([1]) }, [f64([1])])).toThrow(ValueError);
    expect(() => new SGD().step({ w: 'x' } as never, { w: 1 })).toThrow(/expected an NDArray/);
    expect(() => new SGD({ lr: -1 })).toThrow('Invalid learning rate value: -1');
    expect(() => new SGD({ momentum: 0, nesterov: true })).toThrow(/Nesterov/);
    expect(() => new Adam({ beta1: 1 })).toThrow(ValueError);
    expect(() => new Momentum({ beta: -0.1 })).toThrow(ValueError);
    expect(() => new RMSProp({ eps: -1 })).toThrow(ValueError);
    expect(() => new Adagrad({ lrDecay: -1 })).toThrow(ValueError);
    expect(() => new SGD({ clipNorm: 0 })).toThrow(ValueError);
  });
});

describe('gradient clipping', () => {
  it('by value and by global norm, standalone and inside an optimizer', () => {
    expectArrayEqual(clipByValue(f64([-3, 0.5, 2]), 1), [-1, 0.5, 1]);
    const tree = { w: f64([3, 0]), b: 4 };
    expect(globalNorm(tree)).toBe(5);
    const c = clipByGlobalNorm(tree, 1);
    expectAllClose(c.w, [0.6, 0], { rtol: 1e-15 });
    expect(c.b).toBeCloseTo(0.8, 15);
    expect(clipByGlobalNorm(tree, 10)).toEqual({ w: expect.anything(), b: 4 });
    const w = new SGD({ lr: 1, clipNorm: 1 }).step(f64([0, 0]), f64([3, 4]));
    expectAllClose(w, [-0.6, -0.8], { rtol: 1e-15 });
    const v = new SGD({ lr: 1, clipValue: 0.5 }).step(f64([0, 0]), f64([3, -0.25]));
    expectArrayEqual(v, [-0.5, 0.25]);
    expect(() => clipByValue(f64([1]), 0)).toThrow(ValueError);
  });
});

describe('learning-rate schedules', () => {
  it('values at given steps', () => {
    expect(constantSchedule(0.1)(1000)).toBe(0.1);
    expect(stepDecay(0.1, { stepSize: 10, gamma: 0.5 })(25)).toBeCloseTo(0.025, 15);
    expect(exponentialDecay(1, { decayRate: 0.5, decaySteps: 2 })(3)).toBeCloseTo(0.5 ** 1.5, 15);
    expect(exponentialDecay(1, { decayRate: 0.5, decaySteps: 2, staircase: true })(3)).toBe(0.5);
    expect(exponentialDecay(1, { decayRate: 0.5, endValue: 0.2 })(10)).toBe(0.2);
    expect(cosineDecay(1, { decaySteps: 100 })(50)).toBeCloseTo(0.5, 15);
    expect(cosineDecay(1, { decaySteps: 100, alpha: 0.1 })(500)).toBeCloseTo(0.1, 15);
    expect(linearWarmup(0.1, { warmupSteps: 10 })(5)).toBeCloseTo(0.05, 15);
    expect(linearWarmup(0.1, { warmupSteps: 10 })(50)).toBe(0.1);
    expect(joinSchedules([constantSchedule(1), constantSchedule(0.1)], [5])(7)).toBe(0.1);
    const wc = warmupCosineDecay(1, { warmupSteps: 10, decaySteps: 110 });
    expect(wc(0)).toBe(0);
    expect(wc(10)).toBe(1);
    expect(wc(60)).toBeCloseTo(0.5, 15);
  });

  it('an optimizer reads its rate from the schedule at each step', () => {
    const opt = new SGD({ lr: stepDecay(1, { stepSize: 1, gamma: 0.5 }) });
    let w = f64([0]);
    const seen: number[] = [];
    for (let k = 0; k < 3; k++) {
      seen.push(opt.learningRate());
      w = opt.step(w, f64([1]));
    }
    expect(seen).toEqual([1, 0.5, 0.25]);
    expectArrayEqual(w, [-1.75]);
  });

  it('rejects bad schedule arguments', () => {
    expect(() => stepDecay(0.1, { stepSize: 0 })).toThrow(ValueError);
    expect(() => cosineDecay(0.1, { decaySteps: 1.5 })).toThrow(ValueError);
    expect(() => joinSchedules([0.1, 0.2], [])).toThrow(ValueError);
    expect(() => joinSchedules([0.1, 0.2, 0.3], [5, 3])).toThrow(ValueError);
    expect(() => warmupCosineDecay(1, { warmupSteps: 10, decaySteps: 5 })).toThrow(ValueError);
    expect(() => new SGD({ lr: () => NaN }).step(f64([0]), f64([1]))).toThrow(/schedule returned NaN/);
  });
});
