/**
 * Elementwise ops, broadcasting and reductions: the issue-2 targets (add of
 * (1000,1000)+(1000,1) and sum of 1e6 within 2x of NumPy and faster than
 * mathjs) and the common neighbours (contiguous binary ops, a scalar operand,
 * transcendental functions, axis reductions, strided views, small-array
 * overhead).
 */
import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

const big = () => np.linspace(0, 1, 1e6).reshape(1000, 1000);

export const cases: BenchCase[] = [
  {
    group: 'core',
    name: 'add (1000,1000)+(1000,1) into out',
    numts: () => {
      const a = big();
      const b = np.linspace(0, 1, 1000).reshape(1000, 1);
      const out = np.zeros([1000, 1000]);
      return () => np.add(a, b, { out });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      const b = Matrix.rand(1000, 1);
      return () => a.addColumnVector(b.to1DArray()); // in place, as into-out
    },
    mathjs: () => {
      const a = math.matrix(math.random([1000, 1000]) as unknown as number[][]);
      const b = math.matrix(math.random([1000, 1]) as unknown as number[][]);
      return () => math.add(a, b);
    },
    numpy: { setup: 'a=np.random.rand(1000,1000); b=np.random.rand(1000,1); out=np.empty((1000,1000))', stmt: 'np.add(a,b,out=out)' },
  },
  {
    group: 'core',
    name: 'add (1000,1000)+(1000,1) allocating',
    numts: () => {
      const a = big();
      const b = np.linspace(0, 1, 1000).reshape(1000, 1);
      return () => np.add(a, b);
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      const b = Matrix.rand(1000, 1).to1DArray();
      return () => a.clone().addColumnVector(b);
    },
    numpy: { setup: 'a=np.random.rand(1000,1000); b=np.random.rand(1000,1)', stmt: 'a+b' },
  },
  {
    group: 'core',
    name: 'sum of 1e6',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      return () => np.sum(a);
    },
    mlMatrix: () => {
      const a = Matrix.rand(1, 1e6);
      return () => a.sum();
    },
    mathjs: () => {
      const a = math.random([1e6]) as number[];
      return () => math.sum(a);
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: 'np.sum(a)' },
  },
  {
    group: 'core',
    name: 'multiply 1e6 * 1e6 into out',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      const b = np.linspace(1, 2, 1e6);
      const out = np.zeros([1e6]);
      return () => np.multiply(a, b, { out });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1, 1e6);
      const b = Matrix.rand(1, 1e6);
      return () => a.mul(b);
    },
    numpy: { setup: 'a=np.random.rand(10**6); b=np.random.rand(10**6); out=np.empty(10**6)', stmt: 'np.multiply(a,b,out=out)' },
  },
  {
    group: 'core',
    name: 'subtract scalar 1e6 - 0.5 into out',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      const out = np.zeros([1e6]);
      return () => np.subtract(a, 0.5, { out });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1, 1e6);
      return () => a.sub(0.5);
    },
    numpy: { setup: 'a=np.random.rand(10**6); out=np.empty(10**6)', stmt: 'np.subtract(a,0.5,out=out)' },
  },
  {
    group: 'core',
    name: 'exp of 1e6 into out',
    numts: () => {
      const a = np.linspace(-1, 1, 1e6);
      const out = np.zeros([1e6]);
      return () => np.exp(a, { out });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1, 1e6);
      return () => a.clone().exp();
    },
    mathjs: () => {
      const a = math.matrix(math.random([1e6]) as number[]);
      return () => math.map(a, Math.exp);
    },
    numpy: { setup: 'a=np.linspace(-1,1,10**6); out=np.empty(10**6)', stmt: 'np.exp(a,out=out)' },
  },
  {
    group: 'core',
    name: 'sum axis=0 of (1000,1000)',
    numts: () => {
      const a = big();
      return () => np.sum(a, { axis: 0 });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      return () => a.sum('column');
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'a.sum(axis=0)' },
  },
  {
    group: 'core',
    name: 'sum axis=1 of (1000,1000)',
    numts: () => {
      const a = big();
      return () => np.sum(a, { axis: 1 });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      return () => a.sum('row');
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'a.sum(axis=1)' },
  },
  {
    group: 'core',
    name: 'sum of a reversed (1000,1000) view',
    numts: () => {
      const a = big().get('::-1, ::-1');
      return () => np.sum(a);
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)[::-1, ::-1]', stmt: 'np.sum(a)' },
  },
  {
    group: 'core',
    name: 'mean and std of 1e6',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      return () => [np.mean(a), np.std(a)];
    },
    mathjs: () => {
      const a = math.random([1e6]) as number[];
      return () => [math.mean(a), math.std(a)];
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: '(np.mean(a), np.std(a))' },
  },
  {
    group: 'core',
    name: 'max and argmax of 1e6',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      return () => [np.max(a), np.argmax(a)];
    },
    mlMatrix: () => {
      const a = Matrix.rand(1, 1e6);
      return () => [a.max(), a.maxIndex()];
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: '(np.max(a), np.argmax(a))' },
  },
  {
    group: 'core',
    name: 'cumsum of 1e6',
    numts: () => {
      const a = np.linspace(0, 1, 1e6);
      return () => np.cumsum(a);
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: 'np.cumsum(a)' },
  },
  {
    group: 'core',
    name: 'add of two (3,) arrays (call overhead)',
    numts: () => {
      const a = np.array([1, 2, 3], 'float64');
      const b = np.array([4, 5, 6], 'float64');
      return () => np.add(a, b);
    },
    mathjs: () => {
      const a = math.matrix([1, 2, 3]);
      const b = math.matrix([4, 5, 6]);
      return () => math.add(a, b);
    },
    numpy: { setup: 'a=np.array([1.,2,3]); b=np.array([4.,5,6])', stmt: 'a+b' },
  },
];
