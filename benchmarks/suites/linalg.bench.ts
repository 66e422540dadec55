/**
 * np.linalg: inverse, determinant, solve, SVD, symmetric and general
 * eigensolvers, beside ml-matrix (JAMA's algorithms on number[][]), mathjs
 * (where it has the operation and finishes in reasonable time: its `eigs`
 * takes ~4 s on a 200×200 symmetric matrix and fails on nonsymmetric ones
 * of size ≥ 20, and it has no SVD) and NumPy (LAPACK through OpenBLAS, one
 * thread). Targets (issue 4): ≥ 2x faster than ml-matrix on each case, eigh
 * 200×200 under 30 ms.
 */
import { CholeskyDecomposition, EVD, Matrix, SVD, determinant, inverse, solve } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

/** A deterministic pseudo-random m×n matrix (values in [0, 1)), as nested lists. */
function rows(m: number, n: number, seed = 1): number[][] {
  let s = seed;
  const rand = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: m }, () => Array.from({ length: n }, () => rand()));
}

/** A + Aᵀ of a random n×n matrix. */
function symmetric(n: number): number[][] {
  const a = rows(n, n, 7);
  return a.map((r, i) => r.map((x, j) => x + a[j][i]));
}

const G = 'linalg';

export const cases: BenchCase[] = [
  {
    group: G,
    name: 'inv 256×256',
    numts: () => {
      const a = np.array(rows(256, 256));
      return () => np.linalg.inv(a);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(256, 256));
      return () => inverse(a);
    },
    mathjs: () => {
      const a = math.matrix(rows(256, 256));
      return () => math.inv(a);
    },
    numpy: { setup: 'a=np.random.rand(256,256)', stmt: 'np.linalg.inv(a)' },
    work: { amount: 2 * 256 ** 3, unit: 'FLOP' },
  },
  {
    group: G,
    name: 'det 256×256',
    numts: () => {
      const a = np.array(rows(256, 256));
      return () => np.linalg.det(a);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(256, 256));
      return () => determinant(a);
    },
    mathjs: () => {
      const a = math.matrix(rows(256, 256));
      return () => math.det(a);
    },
    numpy: { setup: 'a=np.random.rand(256,256)', stmt: 'np.linalg.det(a)' },
    work: { amount: (2 / 3) * 256 ** 3, unit: 'FLOP' },
  },
  {
    group: G,
    name: 'solve 512×512, one right-hand side',
    numts: () => {
      const a = np.array(rows(512, 512));
      const b = np.array(rows(512, 1, 3)).reshape(512);
      return () => np.linalg.solve(a, b);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(512, 512));
      const b = new Matrix(rows(512, 1, 3));
      return () => solve(a, b);
    },
    mathjs: () => {
      const a = math.matrix(rows(512, 512));
      const b = math.matrix(rows(512, 1, 3));
      return () => math.lusolve(a, b);
    },
    numpy: { setup: 'a=np.random.rand(512,512); b=np.random.rand(512)', stmt: 'np.linalg.solve(a,b)' },
    work: { amount: (2 / 3) * 512 ** 3, unit: 'FLOP' },
  },
  {
    group: G,
    name: 'cholesky 512×512',
    numts: () => {
      const a = np.array(rows(512, 512));
      const spd = np.add(np.matmul(a, a.T), np.multiply(np.eye(512), 512));
      return () => np.linalg.cholesky(spd);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(512, 512));
      const spd = a.mmul(a.transpose()).add(Matrix.eye(512).mul(512));
      return () => new CholeskyDecomposition(spd);
    },
    numpy: { setup: 'a=np.random.rand(512,512); s=a@a.T+512*np.eye(512)', stmt: 'np.linalg.cholesky(s)' },
  },
  {
    group: G,
    name: 'svd 200×200 (U, S, Vh)',
    numts: () => {
      const a = np.array(rows(200, 200));
      return () => np.linalg.svd(a, { fullMatrices: false });
    },
    mlMatrix: () => {
      const a = new Matrix(rows(200, 200));
      return () => new SVD(a);
    },
    numpy: { setup: 'a=np.random.rand(200,200)', stmt: 'np.linalg.svd(a, full_matrices=False)' },
  },
  {
    group: G,
    name: 'svd 500×300 (U, S, Vh)',
    numts: () => {
      const a = np.array(rows(500, 300));
      return () => np.linalg.svd(a, { fullMatrices: false });
    },
    mlMatrix: () => {
      const a = new Matrix(rows(500, 300));
      return () => new SVD(a);
    },
    numpy: { setup: 'a=np.random.rand(500,300)', stmt: 'np.linalg.svd(a, full_matrices=False)' },
  },
  {
    group: G,
    name: 'eigh 200×200 (values and vectors)',
    numts: () => {
      const a = np.array(symmetric(200));
      return () => np.linalg.eigh(a);
    },
    mlMatrix: () => {
      const a = new Matrix(symmetric(200));
      return () => new EVD(a, { assumeSymmetric: true });
    },
    numpy: { setup: 'b=np.random.rand(200,200); a=b+b.T', stmt: 'np.linalg.eigh(a)' },
  },
  {
    group: G,
    name: 'eigh 300×300 (values and vectors)',
    numts: () => {
      const a = np.array(symmetric(300));
      return () => np.linalg.eigh(a);
    },
    mlMatrix: () => {
      const a = new Matrix(symmetric(300));
      return () => new EVD(a, { assumeSymmetric: true });
    },
    numpy: { setup: 'b=np.random.rand(300,300); a=b+b.T', stmt: 'np.linalg.eigh(a)' },
  },
  {
    group: G,
    name: 'eig 200×200 (values and vectors)',
    numts: () => {
      const a = np.array(rows(200, 200, 11));
      return () => np.linalg.eig(a);
    },
    mlMatrix: () => {
      const a = new Matrix(rows(200, 200, 11));
      return () => new EVD(a);
    },
    numpy: { setup: 'a=np.random.rand(200,200)', stmt: 'np.linalg.eig(a)' },
  },
  {
    group: G,
    name: 'eigvals 200×200',
    numts: () => {
      const a = np.array(rows(200, 200, 11));
      return () => np.linalg.eigvals(a);
    },
    numpy: { setup: 'a=np.random.rand(200,200)', stmt: 'np.linalg.eigvals(a)' },
  },
];
