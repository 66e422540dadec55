/** Matrix products and einsum: the packed GEMM against ml-matrix, mathjs and NumPy (single-threaded BLAS). */
import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

/** A deterministic (n, m) float64 array with values in [-1, 1). */
function filled(shape: number[], seed: number): np.NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2 ** 31 - 1;
  }
  return np.asarray(data).reshape(shape);
}

const rows = (a: np.NDArray): number[][] => a.tolist() as number[][];

function matmulCase(n: number): BenchCase {
  return {
    group: 'tensor',
    name: `matmul ${n}x${n} float64`,
    work: { amount: 2 * n ** 3, unit: 'FLOP' },
    numts: () => {
      const a = filled([n, n], 1), b = filled([n, n], 2);
      return () => np.matmul(a, b);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(filled([n, n], 1))), b = new Matrix(rows(filled([n, n], 2)));
      return () => a.mmul(b);
    },
    mathjs: () => {
      const a = math.matrix(rows(filled([n, n], 1))), b = math.matrix(rows(filled([n, n], 2)));
      return () => math.multiply(a, b);
    },
    numpy: { setup: `a=np.random.rand(${n},${n}); b=np.random.rand(${n},${n})`, stmt: 'a@b' },
  };
}

const ATTN = [8, 128, 64];
const attnWork = { amount: 2 * 8 * 128 * 128 * 64, unit: 'FLOP' };

export const cases: BenchCase[] = [
  matmulCase(128),
  matmulCase(512),
  matmulCase(1024),
  {
    group: 'tensor',
    name: "einsum('bij,bkj->bik') (8,128,64)",
    work: attnWork,
    numts: () => {
      const q = filled(ATTN, 3), k = filled(ATTN, 4);
      return () => np.einsum('bij,bkj->bik', q, k);
    },
    mlMatrix: () => {
      const q = (filled(ATTN, 3).tolist() as number[][][]).map((m) => new Matrix(m));
      const k = (filled(ATTN, 4).tolist() as number[][][]).map((m) => new Matrix(m));
      return () => q.map((m, b) => m.mmul(k[b].transpose()));
    },
    mathjs: () => {
      const q = (filled(ATTN, 3).tolist() as number[][][]).map((m) => math.matrix(m));
      const k = (filled(ATTN, 4).tolist() as number[][][]).map((m) => math.matrix(m));
      return () => q.map((m, b) => math.multiply(m, math.transpose(k[b])));
    },
    numpy: { setup: 'q=np.random.rand(8,128,64); k=np.random.rand(8,128,64)', stmt: "np.einsum('bij,bkj->bik', q, k)" },
  },
  {
    group: 'tensor',
    name: 'matmul q @ kᵀ (8,128,64), einsum\'s equivalent',
    work: attnWork,
    numts: () => {
      const q = filled(ATTN, 3), k = filled(ATTN, 4);
      return () => np.matmul(q, k.mT);
    },
    numpy: { setup: 'q=np.random.rand(8,128,64); k=np.random.rand(8,128,64)', stmt: 'q @ k.transpose(0,2,1)' },
  },
];
