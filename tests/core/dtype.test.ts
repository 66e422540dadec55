/**
 * dtypes: NumPy's promotion table (all pairs, weak JS scalars, three-way),
 * `np.can_cast` for every casting rule, and the values `astype` produces, all
 * against NumPy 2 (tests/fixtures/core/dtype.json, scripts/fixtures/core_dtype.py).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { canCast, castScalar, promoteTypes, resultType, toDType, type Casting, type DType, Complex } from '../../src/core';
import { loadFixture } from '../helpers';
import { decode, expectFixture } from './fixtureArrays';

const fx = loadFixture('core/dtype.json');
const SCALARS: Record<string, number | boolean | Complex> = { true: true, int: 2, negint: -3, float: 2.5, complex: new Complex(0, 1) };

describe('promotion (np.result_type)', () => {
  it('matches NumPy for all 36 dtype pairs', () => {
    for (const [a, b, want] of fx.promote) {
      expect(promoteTypes(a, b), `${a}+${b}`).toBe(want);
      expect(resultType(a, b), `${a}+${b}`).toBe(want);
    }
  });
  it('matches NumPy for arrays with weak JS scalars (NEP 50)', () => {
    for (const [a, s, want] of fx.weak) {
      expect(resultType(a, SCALARS[s]), `${a} with ${s}`).toBe(want);
      expect(resultType(SCALARS[s], a), `${s} with ${a}`).toBe(want);
    }
  });
  it('matches NumPy for scalars alone and for two arrays with a scalar', () => {
    for (const [s1, s2, want] of fx.scalarOnly) expect(resultType(SCALARS[s1], SCALARS[s2]), `${s1},${s2}`).toBe(want);
    for (const [a, b, s, want] of fx.three) expect(resultType(a, b, SCALARS[s]), `${a},${b},${s}`).toBe(want);
  });
  it('is what binary ops produce', () => {
    for (const [a, b, want] of fx.promote) {
      const x = np.ones([2], a as DType);
      const y = np.ones([2], b as DType);
      expect(np.concatenate([x, y]).dtype, `${a},${b}`).toBe(want);
    }
  });
});

describe('np.can_cast', () => {
  it('matches NumPy for every casting rule and pair', () => {
    for (const casting of Object.keys(fx.canCast) as Casting[]) {
      fx.dtypes.forEach((a: DType, i: number) =>
        fx.dtypes.forEach((b: DType, j: number) => expect(canCast(a, b, casting), `${a}->${b} ${casting}`).toBe(fx.canCast[casting][i][j] === 1)),
      );
    }
  });
  it('gates astype with the casting option', () => {
    expect(() => np.astype([1.5], 'int32', { casting: 'safe' })).toThrow("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
    expect(np.astype([1.5], 'float32', { casting: 'same_kind' }).dtype).toBe('float32');
    expect(() => np.astype([1], 'uint8', { casting: 'same_kind' })).toThrow(np.NumtsError);
  });
});

describe('astype values', () => {
  it(`casts like NumPy (${fx.casts.length} source/target pairs, exact)`, () => {
    for (const c of fx.casts) {
      const input = decode(c.input);
      expectFixture(() => input.astype(c.to), c.output, `${c.from}->${c.to}`);
      // a strided (reversed) source gives the same values reversed
      if (!('error' in c.output)) {
        const rev = np.flip(input).astype(c.to);
        expect(np.flip(rev).tolist(), `${c.from}->${c.to} strided`).toEqual(input.astype(c.to).tolist());
      }
    }
  });
  it('castScalar agrees with the array casts', () => {
    expect(castScalar(NaN, 'int32')).toBe(-2147483648);
    expect(castScalar(-2.7, 'int32')).toBe(-2);
    expect(castScalar(300, 'uint8')).toBe(44);
    expect(castScalar(NaN, 'bool')).toBe(1);
  });
  it('copy: false returns the array itself when the dtype matches', () => {
    const a = np.array([1.5]);
    expect(np.astype(a, 'float64', { copy: false })).toBe(a);
    expect(np.astype(a, 'float64')).not.toBe(a);
  });
  it('accepts NumPy dtype aliases and rejects unknown names', () => {
    expect(toDType('float')).toBe('float64');
    expect(toDType('int64')).toBe('int32');
    expect(() => np.zeros(2, 'float128')).toThrow(np.DTypeError);
    expect(() => np.zeros(2, 'float128')).toThrow("data type 'float128' not understood");
    expect(() => np.array([1]).astype('str' as DType)).toThrow(np.DTypeError);
  });
});
