/**
 * The NumPy-shaped API around the streams: scalar vs array results, shapes and
 * dtypes, options, views, state save/restore, multivariate normals (compared
 * with NumPy to 1e-13: they go through an SVD and a matrix product, which
 * NumPy does in LAPACK/BLAS with another summation order).
 */
import { describe, expect, it } from 'vitest';
import { expectAllClose, loadFixture } from '../helpers';
import { arrayFrom as array, NDArray } from '../../src/core';
import { defaultRng, Generator, MT19937, PCG64, RandomState, SeedSequence } from '../../src/random';
import * as random from '../../src/random';

const mvn = loadFixture<any>('random/streams.json').mvn;

describe('multivariateNormal against NumPy', () => {
  for (const c of mvn) {
    it(`${c.api} seed ${c.seed} cov ${JSON.stringify(c.cov)} method ${c.method}`, () => {
      const r =
        c.api === 'generator'
          ? defaultRng(c.seed).multivariateNormal(c.mean, c.cov, c.size, { method: c.method })
          : new RandomState(c.seed).multivariateNormal(c.mean, c.cov, c.size);
      expectAllClose(r, c.r, { rtol: 1e-13, atol: 1e-13 });
    });
  }

  it('warns (not raises) on a non-PSD covariance by default, raises with checkValid raise', () => {
    const rng = defaultRng(0);
    const warn = console.warn;
    let warned = '';
    console.warn = (m: string) => (warned = m);
    try {
      rng.multivariateNormal([0, 0], [[1, 2], [2, 1]]);
    } finally {
      console.warn = warn;
    }
    expect(warned).toContain('covariance is not symmetric positive-semidefinite.');
    expect(() => rng.multivariateNormal([0, 0], [[1, 2], [2, 1]], 3, { checkValid: 'raise' })).toThrow('covariance is not symmetric positive-semidefinite.');
    expect((rng.multivariateNormal([0, 0], [[1, 2], [2, 1]], 3, { checkValid: 'ignore' }) as NDArray).shape).toEqual([3, 2]);
  });
});

describe('results: numbers for scalar draws, arrays otherwise', () => {
  const rng = defaultRng(1);
  it('scalars', () => {
    for (const v of [rng.random(), rng.standardNormal(), rng.normal(), rng.uniform(), rng.exponential(), rng.gamma(2), rng.beta(1, 2), rng.poisson(), rng.binomial(5, 0.5), rng.integers(3)]) {
      expect(typeof v).toBe('number');
    }
    expect(typeof random.rand()).toBe('number');
    expect(typeof random.randn()).toBe('number');
  });
  it('size gives shapes; size [] gives a 0-d array', () => {
    expect((rng.random([2, 3]) as NDArray).shape).toEqual([2, 3]);
    expect((rng.normal(0, 1, []) as NDArray).shape).toEqual([]);
    expect((rng.random(0) as NDArray).shape).toEqual([0]);
    expect((random.rand(2, 0, 3) as NDArray).shape).toEqual([2, 0, 3]);
  });
  it('array parameters broadcast without size', () => {
    const r = rng.normal(array([[0], [10]]), array([1, 2, 3])) as NDArray;
    expect(r.shape).toEqual([2, 3]);
    expect((rng.poisson([1, 2, 3]) as NDArray).dtype).toBe('int32');
  });
  it('dtypes: int64 → int32 storage (float64 beyond int32), uint8, bool, float32', () => {
    expect((rng.integers(0, 10, 4) as NDArray).dtype).toBe('int32');
    const big = rng.integers(2 ** 40, 2 ** 41, 4) as NDArray;
    expect(big.dtype).toBe('float64');
    expect(big.toArray().every((v) => Number.isInteger(v) && v >= 2 ** 40 && v < 2 ** 41)).toBe(true);
    expect((rng.integers(0, 256, 4, { dtype: 'uint8' }) as NDArray).dtype).toBe('uint8');
    expect((rng.integers(0, 2, 4, { dtype: 'bool' }) as NDArray).dtype).toBe('bool');
    const f = rng.random(5, { dtype: 'float32' }) as NDArray;
    expect(f.dtype).toBe('float32');
    expect(f.toArray().every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('float32 random matches NumPy', () => {
  it('random(dtype=float32) = (next32 >> 8) · 2^-24', () => {
    // np.random.default_rng(42).random(4, dtype=np.float32)
    const want = [0.08925092220306396, 0.7739560008049011, 0.6545714735984802, 0.4388784170150757];
    expect((defaultRng(42).random(4, { dtype: 'float32' }) as NDArray).toArray()).toEqual(want);
  });
});

describe('choice, permutation, shuffle', () => {
  it('choice from a list of strings returns items', () => {
    const rng = defaultRng(42);
    expect(rng.choice(['a', 'b', 'c'], 2, { p: [0.5, 0.3, 0.2] })).toEqual(['b', 'a']);
    expect(typeof defaultRng(0).choice(['x', 'y'])).toBe('string');
  });
  it('shuffle works on strided views in place and leaves other elements alone', () => {
    const base = array([[0, 1, 2, 3], [4, 5, 6, 7]]);
    const view = base.get(':, ::2') as NDArray; // columns 0 and 2
    defaultRng(3).shuffle(view, { axis: 1 });
    expect(base.get(':, 1').toArray()).toEqual([1, 5]);
    expect(base.get(':, 3').toArray()).toEqual([3, 7]);
    expect(new Set(base.get(0, '::2').toArray())).toEqual(new Set([0, 2]));
  });
  it('permutation copies; shuffle of a JS array shuffles it in place', () => {
    const a = array([1, 2, 3, 4, 5]);
    const p = defaultRng(0).permutation(a);
    expect(a.toArray()).toEqual([1, 2, 3, 4, 5]);
    expect([...p.toArray()].sort()).toEqual([1, 2, 3, 4, 5]);
    const js = [1, 2, 3, 4, 5, 6];
    new RandomState(0).shuffle(js);
    expect([...js].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('state', () => {
  it('RandomState getState / setState restores the stream and the cached gaussian', () => {
    const rs = new RandomState(11);
    rs.randn(); // leaves a cached deviate
    const s = rs.getState();
    const a = [rs.randn(), rs.randn(), rs.randomSample()];
    rs.setState(s);
    expect([rs.randn(), rs.randn(), rs.randomSample()]).toEqual(a);
    const d = rs.getState({ legacy: false });
    const b = rs.randn(3);
    rs.setState(d);
    expect(rs.randn(3)).toEqual(b);
  });
  it('module getState / setState', () => {
    random.seed(5);
    const s = random.getState();
    const a = random.rand(3);
    random.setState(s);
    expect(random.rand(3)).toEqual(a);
  });
});

describe('constructors', () => {
  it('defaultRng accepts seeds, SeedSequences, bit generators and Generators', () => {
    const g = defaultRng(7);
    expect(defaultRng(g)).toBe(g);
    expect(defaultRng(new PCG64(7)).random()).toBe(defaultRng(7).random());
    expect(defaultRng(new SeedSequence(7)).random()).toBe(defaultRng(7).random());
    expect(new Generator(new MT19937(7)).toString()).toBe('Generator(MT19937)');
    expect(String(defaultRng(1))).toBe('Generator(PCG64)');
    expect(String(new RandomState(1))).toBe('RandomState(MT19937)');
  });
});

describe('out= and method options', () => {
  it('standardExponential method inv matches NumPy', () => {
    expect((defaultRng(42).standardExponential(3, { method: 'inv' }) as NDArray).toArray()).toEqual([1.4870258232016522, 0.5778177119982773, 1.9561478149587175]);
  });
  it('out= fills the given array and returns it', () => {
    const out = new NDArray(new Float64Array(3), [3], 'float64');
    expect(defaultRng(42).standardNormal(null, { out })).toBe(out);
    expect(out.toArray()).toEqual([0.30471707975443135, -1.0399841062404955, 0.7504511958064572]);
    expect(() => defaultRng(0).random(4, { out })).toThrow('size must match out.shape when used together');
    expect(() => defaultRng(0).random(null, { out: new NDArray(new Float32Array(3), [3], 'float32') })).toThrow('Supplied output array has the wrong type');
  });
});
