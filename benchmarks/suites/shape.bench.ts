/** The data model: conversion, casting, copies of strided views, indexing, joining, sorting. */
import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

const nested = (r: number, c: number): number[][] => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => (i * c + j) * 0.5));
const rand = (n: number, seed = 1): Float64Array => {
  let s = seed;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    out[i] = s / 2147483647;
  }
  return out;
};

export const cases: BenchCase[] = [
  {
    group: 'shape',
    name: 'np.array from nested (1000,1000)',
    numts: () => {
      const l = nested(1000, 1000);
      return () => np.array(l);
    },
    mlMatrix: () => {
      const l = nested(1000, 1000);
      return () => new Matrix(l);
    },
    mathjs: () => {
      const l = nested(1000, 1000);
      return () => math.matrix(l);
    },
    numpy: { setup: 'l=[[(i*1000+j)*0.5 for j in range(1000)] for i in range(1000)]', stmt: 'np.array(l)' },
  },
  {
    group: 'shape',
    name: 'transpose copy (1000,1000)',
    numts: () => {
      const a = np.array(rand(1e6)).reshape(1000, 1000);
      return () => np.copy(a.T);
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 1000);
      return () => a.transpose();
    },
    mathjs: () => {
      const a = math.matrix(math.random([1000, 1000]) as unknown as number[][]);
      return () => math.transpose(a);
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'a.T.copy()' },
  },
  {
    group: 'shape',
    name: 'astype float64->int32 1e6',
    numts: () => {
      const a = np.array(rand(1e6)).mul(100);
      return () => a.astype('int32');
    },
    numpy: { setup: 'a=np.random.rand(10**6)*100', stmt: 'a.astype(np.int32)' },
  },
  {
    group: 'shape',
    name: 'concatenate 2x(500,1000) axis=1',
    numts: () => {
      const a = np.array(rand(5e5)).reshape(500, 1000);
      const b = np.array(rand(5e5, 7)).reshape(500, 1000);
      return () => np.concatenate([a, b], { axis: 1 });
    },
    mathjs: () => {
      const a = math.matrix(math.random([500, 1000]) as unknown as number[][]);
      const b = math.matrix(math.random([500, 1000]) as unknown as number[][]);
      return () => math.concat(a, b, 1);
    },
    numpy: { setup: 'a=np.random.rand(500,1000); b=np.random.rand(500,1000)', stmt: 'np.concatenate([a,b],axis=1)' },
  },
  {
    group: 'shape',
    name: 'fancy rows a[idx] (1000,100), 1000 rows',
    numts: () => {
      const a = np.array(rand(1e5)).reshape(1000, 100);
      const idx = np.array(Int32Array.from(rand(1000, 3), (v) => Math.floor(v * 1000)));
      return () => a.get(idx);
    },
    mlMatrix: () => {
      const a = Matrix.rand(1000, 100);
      const idx = Array.from(rand(1000, 3), (v) => Math.floor(v * 1000));
      const cols = Array.from({ length: 100 }, (_, j) => j);
      return () => a.selection(idx, cols);
    },
    numpy: { setup: 'a=np.random.rand(1000,100); idx=np.random.randint(0,1000,1000)', stmt: 'a[idx]' },
  },
  {
    group: 'shape',
    name: 'mask read a[a > 0.5] 1e6',
    numts: () => {
      const a = np.array(rand(1e6));
      const m = a.gt(0.5);
      return () => a.get(m);
    },
    numpy: { setup: 'a=np.random.rand(10**6); m=a>0.5', stmt: 'a[m]' },
  },
  {
    group: 'shape',
    name: 'mask write a[m] = 0 1e6',
    numts: () => {
      const a = np.array(rand(1e6));
      const m = a.gt(0.5);
      return () => a.set(m, 0);
    },
    numpy: { setup: 'a=np.random.rand(10**6); m=a>0.5', stmt: 'a[m]=0' },
  },
  {
    group: 'shape',
    name: 'strided slice copy a[::2, ::-1] (1000,1000)',
    numts: () => {
      const a = np.array(rand(1e6)).reshape(1000, 1000);
      return () => np.copy(a.get('::2, ::-1'));
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'a[::2,::-1].copy()' },
  },
  {
    group: 'shape',
    name: 'sort 1e6 float64',
    numts: () => {
      const a = np.array(rand(1e6));
      return () => np.sort(a);
    },
    mathjs: () => {
      const a = Array.from(rand(1e6));
      return () => math.sort(a, 'asc');
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: 'np.sort(a, kind="stable")' },
  },
  {
    group: 'shape',
    name: 'argsort 1e6 float64',
    numts: () => {
      const a = np.array(rand(1e6));
      return () => np.argsort(a);
    },
    numpy: { setup: 'a=np.random.rand(10**6)', stmt: 'np.argsort(a, kind="stable")' },
  },
  {
    group: 'shape',
    name: 'sort rows (1000,1000) axis=-1',
    numts: () => {
      const a = np.array(rand(1e6)).reshape(1000, 1000);
      return () => np.sort(a);
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'np.sort(a, kind="stable")' },
  },
  {
    group: 'shape',
    name: 'unique of 1e6 ints in [0,1000)',
    numts: () => {
      const a = np.array(Int32Array.from(rand(1e6), (v) => Math.floor(v * 1000)));
      return () => np.unique(a);
    },
    numpy: { setup: 'a=np.random.randint(0,1000,10**6)', stmt: 'np.unique(a)' },
  },
  {
    group: 'shape',
    name: 'tile (100,100) x (10,10)',
    numts: () => {
      const a = np.array(rand(1e4)).reshape(100, 100);
      return () => np.tile(a, [10, 10]);
    },
    numpy: { setup: 'a=np.random.rand(100,100)', stmt: 'np.tile(a,(10,10))' },
  },
  {
    group: 'shape',
    name: 'pad reflect (1000,1000) by 10',
    numts: () => {
      const a = np.array(rand(1e6)).reshape(1000, 1000);
      return () => np.pad(a, 10, { mode: 'reflect' });
    },
    numpy: { setup: 'a=np.random.rand(1000,1000)', stmt: 'np.pad(a,10,mode="reflect")' },
  },
];
