/**
 * Random streams: 1e6 uniforms and 1e6 standard normals from the modern
 * Generator (PCG64; ziggurat normals) and the legacy RandomState (MT19937;
 * Box–Muller normals, which need glibc's log), beside NumPy. mathjs and
 * ml-matrix only offer Math.random uniforms (a different, non-seedable stream).
 */
import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

const N = 1_000_000;

export const cases: BenchCase[] = [
  {
    group: 'random',
    name: 'Generator.random 1e6 uniforms',
    numts: () => {
      const rng = np.random.defaultRng(0);
      return () => rng.random(N);
    },
    mlMatrix: () => () => Matrix.rand(1, N),
    mathjs: () => () => math.random([N]),
    numpy: { setup: 'rng=np.random.default_rng(0)', stmt: 'rng.random(10**6)' },
  },
  {
    group: 'random',
    name: 'Generator.standardNormal 1e6',
    numts: () => {
      const rng = np.random.defaultRng(0);
      return () => rng.standardNormal(N);
    },
    numpy: { setup: 'rng=np.random.default_rng(0)', stmt: 'rng.standard_normal(10**6)' },
  },
  {
    group: 'random',
    name: 'Generator.normal(2, 3) 1e6',
    numts: () => {
      const rng = np.random.defaultRng(0);
      return () => rng.normal(2, 3, N);
    },
    numpy: { setup: 'rng=np.random.default_rng(0)', stmt: 'rng.normal(2, 3, 10**6)' },
  },
  {
    group: 'random',
    name: 'legacy np.random.rand 1e6 uniforms',
    numts: () => {
      np.random.seed(0);
      return () => np.random.rand(N);
    },
    numpy: { setup: 'np.random.seed(0)', stmt: 'np.random.rand(10**6)' },
  },
  {
    group: 'random',
    name: 'legacy np.random.randn 1e6 normals',
    numts: () => {
      np.random.seed(0);
      return () => np.random.randn(N);
    },
    numpy: { setup: 'np.random.seed(0)', stmt: 'np.random.randn(10**6)' },
  },
  {
    group: 'random',
    name: 'Generator.integers(0, 100) 1e6',
    numts: () => {
      const rng = np.random.defaultRng(0);
      return () => rng.integers(0, 100, N);
    },
    numpy: { setup: 'rng=np.random.default_rng(0)', stmt: 'rng.integers(0, 100, 10**6)' },
  },
];
