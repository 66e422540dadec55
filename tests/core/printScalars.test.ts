/**
 * Scalar text against Python and NumPy (scripts/fixtures/print_scalars.py):
 * repr(float) for random bit patterns and powers of ten, str(complex), and
 * str(np.float32(x)); plus np.repr's dispatch on JavaScript values.
 */
import { describe, expect, it } from 'vitest';
import { Complex } from '../../src/core/complex';
import { TypeError_ } from '../../src/core/errors';
import { NDArray } from '../../src/core/ndarray';
import { pyFloatRepr, repr } from '../../src/core/print';
import { float32Str } from '../../src/core/print/scalar';
import { loadFixture } from '../helpers';

const fixture = loadFixture<{ floats: [number, string | number][]; complexes: [number, number, string][]; float32: [number, string | number][] }>(
  'print/scalars.json',
);
/** loadFixture turns the strings "nan"/"inf"/"-inf" into numbers; texts want them back. */
const text = (v: string | number): string => (typeof v === 'number' ? (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf') : v);

describe('Python repr(float)', () => {
  it(`matches for ${fixture.floats.length} values`, () => {
    const bad = fixture.floats.filter(([x, s]) => pyFloatRepr(x) !== text(s)).map(([x, s]) => `${x}: ${pyFloatRepr(x)} vs ${text(s)}`);
    expect(bad).toEqual([]);
  });
  it('handles the landmarks', () => {
    expect(pyFloatRepr(5)).toBe('5.0');
    expect(pyFloatRepr(1e-5)).toBe('1e-05');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(-0)).toBe('-0.0');
    expect(pyFloatRepr(NaN)).toBe('nan');
    expect(pyFloatRepr(-Infinity)).toBe('-inf');
  });
});

describe('Complex.toString is Python str(complex)', () => {
  it(`matches for ${fixture.complexes.length} values`, () => {
    const bad = fixture.complexes
      .map(([re, im, s]) => [String(new Complex(re, im)), s, re, im] as const)
      .filter(([got, want]) => got !== want);
    expect(bad).toEqual([]);
  });
});

describe('NumPy str(np.float32(x)) for 0-d float32 arrays', () => {
  it(`matches for ${fixture.float32.length} values`, () => {
    const bad = fixture.float32.filter(([x, s]) => float32Str(x) !== text(s)).map(([x, s]) => `${x}: ${float32Str(x)} vs ${text(s)}`);
    expect(bad).toEqual([]);
    expect(String(new NDArray(new Float32Array([1e6]), [], 'float32'))).toBe('1e+06');
  });
});

describe('np.repr of JavaScript values', () => {
  it('numbers are Python floats, Complex is Python complex, booleans and bigints as Python', () => {
    expect(repr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(repr(2)).toBe('2.0');
    expect(repr(new Complex(1, -2))).toBe('(1-2j)');
    expect(repr(true)).toBe('True');
    expect(repr(12345678901234567890n)).toBe('12345678901234567890');
    expect(repr(new NDArray(new Float64Array([1, 2]), [2], 'float64'))).toBe('array([1., 2.])');
  });
  it('throws TypeError for other values', () => {
    expect(() => repr('x' as never)).toThrow(TypeError_);
    expect(() => repr(null as never)).toThrow(/repr\(\) does not know how to show null/);
    expect(() => repr({} as never)).toThrow(TypeError_);
  });
});
