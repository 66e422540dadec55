/** Elementwise ops, broadcasting and reductions. */
import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

export const cases: BenchCase[] = [
  {
    group: 'core',
    name: 'add (1000,1000)+(1000,1) into out',
    numts: () => {
      const a = np.linspace(0, 1, 1e6).reshape(1000, 1000);
      const b = np.linspace(0, 1, 1000).reshape(1000, 1);
      const out = np.zeros([1000, 1000]);
      return () => np.add(a, b, { out });
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      const b = Matrix.rand(1000, 1).repeat({ columns: 1000 });
      return () => a.clone().add(b);
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
      const a = np.linspace(0, 1, 1e6).reshape(1000, 1000);
      const b = np.linspace(0, 1, 1000).reshape(1000, 1);
      return () => np.add(a, b);
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
];
