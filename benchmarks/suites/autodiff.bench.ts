/**
 * Autodiff: one gradient step of a 784→128→10 ReLU MLP with softmax
 * cross-entropy on a batch of 256 (the MNIST-sized network of chapter 12),
 * by `valueAndGrad` over ordinary numts code, beside the same backward pass
 * written by hand in numts (the autodiff overhead is the difference) and in
 * NumPy. @tensorflow/tfjs-core is not a dependency of this repository, so it
 * has no column here.
 */
import * as np from '../../src/index';
import { valueAndGrad, stopGradient } from '../../src/autodiff';
import type { NDArray } from '../../src/index';
import type { BenchCase } from '../harness';

const BATCH = 256;
const IN = 784;
const HIDDEN = 128;
const OUT = 10;

/** Deterministic inputs: a seeded uniform generator (the random layer is above autodiff's benchmarks' concern). */
function uniformArray(shape: number[], scale: number, seed: number): NDArray {
  let s = seed >>> 0;
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = (s / 4294967296 - 0.5) * 2 * scale;
  }
  return np.array(data).reshape(shape);
}

interface Params {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

function setup(): { params: Params; X: NDArray; Y: NDArray } {
  const X = uniformArray([BATCH, IN], 1, 1).add(1).mul(0.5);
  const labels = new Float64Array(BATCH * OUT);
  for (let i = 0; i < BATCH; i++) labels[i * OUT + ((i * 7) % OUT)] = 1;
  const Y = np.array(labels).reshape(BATCH, OUT);
  const params = { W1: uniformArray([IN, HIDDEN], 0.05, 2), b1: np.zeros([HIDDEN]), W2: uniformArray([HIDDEN, OUT], 0.1, 3), b2: np.zeros([OUT]) };
  return { params, X, Y };
}

/** Mean softmax cross-entropy of a ReLU MLP, written as a user would. */
function loss(p: Params, X: NDArray, Y: NDArray): NDArray {
  const h = np.maximum(np.add(np.matmul(X, p.W1), p.b1), 0);
  const logits = np.add(np.matmul(h, p.W2), p.b2);
  const m = stopGradient(np.max(logits, { axis: 1, keepdims: true }));
  const lse = np.add(np.log(np.sum(np.exp(np.subtract(logits, m)), { axis: 1, keepdims: true })), m);
  return np.mean(np.subtract(lse, np.sum(np.multiply(logits, Y), { axis: 1, keepdims: true }))) as unknown as NDArray;
}

/** The same step with the backward pass written by hand (what autodiff must match). */
function handStep(p: Params, X: NDArray, Y: NDArray): [number, Params] {
  const z1 = np.add(np.matmul(X, p.W1), p.b1);
  const h = np.maximum(z1, 0);
  const logits = np.add(np.matmul(h, p.W2), p.b2);
  const m = np.max(logits, { axis: 1, keepdims: true });
  const e = np.exp(np.subtract(logits, m));
  const s = np.sum(e, { axis: 1, keepdims: true });
  const value = np.mean(np.subtract(np.add(np.log(s), m), np.sum(np.multiply(logits, Y), { axis: 1, keepdims: true })));
  const d = np.divide(np.subtract(np.divide(e, s), Y), BATCH);
  const dz = np.multiply(np.matmul(d, p.W2.T), np.greater(z1, 0));
  return [value, { W1: np.matmul(X.T, dz), b1: np.sum(dz, { axis: 0 }), W2: np.matmul(h.T, d), b2: np.sum(d, { axis: 0 }) }];
}

const NUMPY_SETUP = [
  'rng=np.random.default_rng(0)',
  `X=rng.random((${BATCH},${IN})); Y=np.eye(${OUT})[np.arange(${BATCH})*7%${OUT}]`,
  `W1=rng.uniform(-0.05,0.05,(${IN},${HIDDEN})); b1=np.zeros(${HIDDEN}); W2=rng.uniform(-0.1,0.1,(${HIDDEN},${OUT})); b2=np.zeros(${OUT})`,
  'def step():',
  '  z1=X@W1+b1; h=np.maximum(z1,0); logits=h@W2+b2',
  '  m=logits.max(axis=1,keepdims=True); e=np.exp(logits-m); s=e.sum(axis=1,keepdims=True)',
  '  loss=np.mean(np.log(s)+m-(logits*Y).sum(axis=1,keepdims=True))',
  `  d=(e/s-Y)/${BATCH}; dz=(d@W2.T)*(z1>0)`,
  '  return loss, X.T@dz, dz.sum(0), h.T@d, d.sum(0)',
].join('\n');

/** FLOPs of the step: three big products (forward, dW1, and the small ones). */
const FLOPS = 2 * BATCH * IN * HIDDEN * 2 + 2 * BATCH * HIDDEN * OUT * 3;

export const cases: BenchCase[] = [
  {
    group: 'autodiff',
    name: 'MLP 784-128-10 grad step, batch 256 (valueAndGrad)',
    numts: () => {
      const { params, X, Y } = setup();
      const step = valueAndGrad(loss);
      return () => step(params, X, Y);
    },
    numpy: { setup: NUMPY_SETUP, stmt: 'step()' },
    work: { amount: FLOPS, unit: 'FLOP' },
  },
  {
    group: 'autodiff',
    name: 'MLP 784-128-10 grad step, batch 256 (hand backprop)',
    numts: () => {
      const { params, X, Y } = setup();
      return () => handStep(params, X, Y);
    },
    numpy: { setup: NUMPY_SETUP, stmt: 'step()' },
    work: { amount: FLOPS, unit: 'FLOP' },
  },
];
