/**
 * Bad input raises what NumPy raises, with NumPy's message (recorded by
 * scripts/fixtures/random_streams.py). NumPy's OverflowError (an infinite
 * uniform range) is a ValueError here; TypeError is numts' TypeError.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers';
import { AxisError, IndexError, NumtsError, TypeError_, ValueError, arrayFrom as array } from '../../src/core';
import { defaultRng, RandomState, Generator, PCG64 } from '../../src/random';
import * as random from '../../src/random';
import { invoke } from './replay';

interface ErrorCase {
  api: 'generator' | 'legacy';
  m: string;
  a: unknown[];
  k: Record<string, unknown>;
  type: string;
  msg: string;
}

const cases = loadFixture<{ errors: ErrorCase[] }>('random/streams.json').errors;
const CLASS: Record<string, new (...a: any[]) => NumtsError> = {
  ValueError,
  OverflowError: ValueError,
  TypeError: TypeError_,
  IndexError,
  AxisError,
};

describe('bad input gives NumPy errors', () => {
  for (const c of cases) {
    it(`${c.api}.${c.m}(${JSON.stringify(c.a)}, ${JSON.stringify(c.k)}) → ${c.type}: ${c.msg}`, () => {
      const obj = c.api === 'generator' ? defaultRng(0) : new RandomState(0);
      let thrown: unknown = null;
      try {
        invoke(obj, c.m, c.a, c.k);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, 'did not throw').toBeInstanceOf(CLASS[c.type]);
      expect((thrown as Error).message).toBe(c.msg);
    });
  }
});

describe('more bad input', () => {
  const rng = defaultRng(0);
  it('permutation of a 0-d array', () => {
    expect(() => rng.permutation(array(3))).toThrow(AxisError);
    expect(() => new RandomState(0).permutation(array(3))).toThrow('x must be an integer or at least 1-dimensional');
  });
  it('unsupported dtypes and options', () => {
    expect(() => rng.random(3, { dtype: 'int32' })).toThrow(TypeError_);
    expect(() => rng.integers(0, 5, 3, { dtype: 'complex128' })).toThrow(TypeError_);
    expect(() => rng.integers(0, NaN)).toThrow('cannot convert float NaN to integer');
    expect(() => rng.integers(0, 2 ** 60)).toThrow('high is out of bounds for int64');
    expect(() => rng.multivariateNormal([0], [[1]], 1, { checkValid: 'nope' as never })).toThrow(ValueError);
  });
  it('size must be non-negative integers', () => {
    expect(() => rng.random(-1)).toThrow('negative dimensions are not allowed');
    expect(() => rng.normal(0, 1, [2, 1.5])).toThrow(TypeError_);
    expect(() => random.randn(-2)).toThrow('negative dimensions are not allowed');
  });
  it('shuffle axis out of range', () => {
    expect(() => rng.shuffle(array([[1, 2], [3, 4]]), { axis: 2 })).toThrow(AxisError);
    expect(() => rng.shuffle([1, 2, 3], { axis: 1 })).toThrow(ValueError);
  });
  it('spawn needs a SeedSequence-seeded generator and a non-negative count', () => {
    expect(() => new Generator(new PCG64(1)).spawn(-1)).toThrow('n_children must be non-negative');
    const rs = new RandomState(0);
    expect(() => rs.bitGenerator.spawn(1)).toThrow(ValueError);
  });
  it('dirichlet needs a 1-d alpha', () => {
    expect(() => rng.dirichlet(1 as never)).toThrow('object of too small depth for desired array');
    expect(() => rng.dirichlet([[1, 2]])).toThrow('object too deep for desired array');
  });
  it('binomial n as a float array is refused as NumPy refuses it', () => {
    expect(() => rng.binomial(array([1.5, 2]), 0.5)).toThrow(TypeError_);
  });
});
