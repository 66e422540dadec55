/**
 * Per-call overhead on small arrays (10 and 1000 float64 elements), where the
 * cost of an op is its set-up, not its loop: elementwise ops with an array or
 * a JS-number operand, reductions, creation, views, ufuncs of plain JS numbers
 * (the book's scalar loops), and the gradient of two small functions (a 4-8-1
 * tanh MLP on 16 rows, and 10-D Rosenbrock as `minimize` differentiates it;
 * NumPy's column is the gradient written by hand: the MLP's backward pass,
 * SciPy's `rosen_der`).
 *
 * Each case times CALLS calls (the runner prints microseconds with no
 * decimals), numts in a loop and NumPy as CALLS statements in a row, so there
 * is no Python loop overhead in its time.
 */
import * as np from '../../src/index';
import { grad } from '../../src/autodiff';
import type { NDArray } from '../../src/index';
import type { BenchCase } from '../harness';

const CALLS = 100;

/** Inputs both languages build the same way: sin(shift), sin(shift + 1), … */
const sinArray = (n: number, shift = 0): NDArray => np.sin(np.add(np.arange(n), shift));

function perCall(name: string, setup: () => () => unknown, numpySetup: string, numpyStmt: string): BenchCase {
  return {
    group: 'small',
    name: `${name} (×${CALLS})`,
    numts: () => {
      const f = setup();
      return () => {
        let r: unknown;
        for (let i = 0; i < CALLS; i++) r = f();
        return r;
      };
    },
    numpy: { setup: numpySetup, stmt: Array.from({ length: CALLS }, () => numpyStmt).join('\n') },
  };
}

const TEN = 'a = np.sin(np.arange(10)); b = np.sin(np.arange(10) + 1.0)';
const THOUSAND = 'a = np.sin(np.arange(1000)); b = np.sin(np.arange(1000) + 1.0)';

function ten(): { a: NDArray; b: NDArray } {
  return { a: sinArray(10), b: sinArray(10, 1) };
}
function thousand(): { a: NDArray; b: NDArray } {
  return { a: sinArray(1000), b: sinArray(1000, 1) };
}

// ---- a 4-8-1 tanh MLP on 16 rows (mean squared error) -----------------------

interface Mlp {
  w1: NDArray;
  b1: NDArray;
  w2: NDArray;
}
const X = sinArray(64).reshape(16, 4);
const Y = sinArray(16, 3).reshape(16, 1);
const mlpLoss = (p: Mlp) => np.mean(np.square(np.subtract(np.matmul(np.tanh(np.add(np.matmul(X, p.w1), p.b1)), p.w2), Y)));
const MLP_NUMPY = `
X = np.sin(np.arange(64)).reshape(16, 4); Y = np.sin(np.arange(16) + 3.0).reshape(16, 1)
w1 = np.sin(np.arange(32) + 5.0).reshape(4, 8) * 0.5; b1 = np.zeros(8); w2 = np.sin(np.arange(8) + 7.0).reshape(8, 1)
def mlp_grad(w1, b1, w2):
    h = np.tanh(X @ w1 + b1)
    r = h @ w2 - Y
    loss = np.mean(r ** 2)
    dr = 2 * r / r.size
    dw2 = h.T @ dr
    dz = (dr @ w2.T) * (1 - h ** 2)
    return loss, {'w1': X.T @ dz, 'b1': dz.sum(0), 'w2': dw2}
`;

/** SciPy's chained Rosenbrock function, written as a numts user would (benchmarks/suites/optimize.bench.ts). */
const rosen = (x: NDArray): NDArray => {
  const a = x.get('1:');
  const b = x.get(':-1');
  return np.sum(np.add(np.multiply(100, np.square(np.subtract(a, np.square(b)))), np.square(np.subtract(1, b)))) as unknown as NDArray;
};

export const cases: BenchCase[] = [
  perCall('add 10 + 10', () => {
    const { a, b } = ten();
    return () => np.add(a, b);
  }, TEN, 'np.add(a, b)'),
  perCall('multiply(a, 2), 10', () => {
    const { a } = ten();
    return () => np.multiply(a, 2);
  }, TEN, 'np.multiply(a, 2)'),
  perCall('a.mul(2) / a * 2, 10', () => {
    const { a } = ten();
    return () => a.mul(2);
  }, TEN, 'a * 2'),
  perCall('subtract(1, a), 10', () => {
    const { a } = ten();
    return () => np.subtract(1, a);
  }, TEN, 'np.subtract(1, a)'),
  perCall('exp 10', () => {
    const { a } = ten();
    return () => np.exp(a);
  }, TEN, 'np.exp(a)'),
  perCall('less(a, b) 10', () => {
    const { a, b } = ten();
    return () => np.less(a, b);
  }, TEN, 'np.less(a, b)'),
  perCall('sum 10', () => {
    const { a } = ten();
    return () => np.sum(a);
  }, TEN, 'np.sum(a)'),
  perCall('a.sum() 10', () => {
    const { a } = ten();
    return () => a.sum();
  }, TEN, 'a.sum()'),
  perCall('mean 10', () => {
    const { a } = ten();
    return () => np.mean(a);
  }, TEN, 'np.mean(a)'),
  perCall('max 10', () => {
    const { a } = ten();
    return () => np.max(a);
  }, TEN, 'np.max(a)'),
  perCall('zeros(10)', () => () => np.zeros(10), TEN, 'np.zeros(10)'),
  perCall('reshape(2, 5) view', () => {
    const { a } = ten();
    return () => a.reshape(2, 5);
  }, TEN, 'a.reshape(2, 5)'),
  perCall('transpose (2,5) view', () => {
    const m = ten().a.reshape(2, 5);
    return () => m.T;
  }, `${TEN}; m = a.reshape(2, 5)`, 'm.T'),
  perCall("slice a.get('1:') / a[1:]", () => {
    const { a } = ten();
    return () => a.get('1:');
  }, TEN, 'a[1:]'),
  perCall('slice a.get({ start: 1 }) / a[1:]', () => {
    const { a } = ten();
    return () => a.get({ start: 1 });
  }, TEN, 'a[1:]'),
  perCall('row a.get(1) of (2,5) / m[1]', () => {
    const m = ten().a.reshape(2, 5);
    return () => m.get(1);
  }, `${TEN}; m = a.reshape(2, 5)`, 'm[1]'),
  perCall('add (2,5) + (5,) broadcast', () => {
    const m = ten().a.reshape(2, 5);
    const r = sinArray(5);
    return () => np.add(m, r);
  }, `${TEN}; m = a.reshape(2, 5); r = np.sin(np.arange(5))`, 'np.add(m, r)'),
  perCall('sum axis 0 of (2,5)', () => {
    const m = ten().a.reshape(2, 5);
    return () => np.sum(m, { axis: 0 });
  }, `${TEN}; m = a.reshape(2, 5)`, 'np.sum(m, axis=0)'),
  perCall('add 1000 + 1000', () => {
    const { a, b } = thousand();
    return () => np.add(a, b);
  }, THOUSAND, 'np.add(a, b)'),
  perCall('multiply(a, 2), 1000', () => {
    const { a } = thousand();
    return () => np.multiply(a, 2);
  }, THOUSAND, 'np.multiply(a, 2)'),
  perCall('exp 1000', () => {
    const { a } = thousand();
    return () => np.exp(a);
  }, THOUSAND, 'np.exp(a)'),
  perCall('sum 1000', () => {
    const { a } = thousand();
    return () => np.sum(a);
  }, THOUSAND, 'np.sum(a)'),
  perCall('np.exp(0.5), a JS number', () => () => np.exp(0.5), TEN, 'np.exp(0.5)'),
  perCall('np.add(1, 2), JS numbers', () => () => np.add(1, 2), TEN, 'np.add(1, 2)'),
  {
    group: 'small',
    name: 'grad of a 4-8-1 tanh MLP, 16 rows (per call)',
    numts: () => {
      const p: Mlp = { w1: sinArray(32, 5).reshape(4, 8).mul(0.5), b1: np.zeros(8), w2: sinArray(8, 7).reshape(8, 1) };
      const g = grad(mlpLoss);
      return () => g(p);
    },
    numpy: { setup: MLP_NUMPY, stmt: 'mlp_grad(w1, b1, w2)' },
  },
  {
    group: 'small',
    name: 'grad of 10-D Rosenbrock (per call)',
    numts: () => {
      const x = np.linspace(-1, 2, 10);
      const g = grad(rosen);
      return () => g(x);
    },
    numpy: { setup: 'from scipy.optimize import rosen_der\nx = np.linspace(-1, 2, 10)', stmt: 'rosen_der(x)' },
  },
];
