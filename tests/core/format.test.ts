/**
 * np.format: the brief's examples, Python types of JavaScript values, arrays,
 * and bad input. The exhaustive comparison with Python is formatSpecs.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Complex } from '../../src/core/complex';
import { TypeError_, ValueError } from '../../src/core/errors';
import { format } from '../../src/core/format';
import { NDArray } from '../../src/core/ndarray';
import { exactDigits, exactRound } from '../../src/core/print/digits';

describe('np.format', () => {
  it("reproduces the book's f-strings", () => {
    expect(format(0.9746318461970762, '.4f')).toBe('0.9746');
    expect(format(0.16666666666666666, '.2%')).toBe('16.67%');
    expect(format(0.9776852063187949, '.2%')).toBe('97.77%');
    expect(format(4816896, ',')).toBe('4,816,896');
    expect(format(-0.0000001, '.3f')).toBe('-0.000');
    expect(format(0, '2d')).toBe(' 0');
    expect(format(1.0000000000287557, '.1f')).toBe('1.0');
  });

  it('rounds exactly, ties to even, where toFixed does not', () => {
    expect(format(2.675, '.2f')).toBe('2.67');
    expect(format(0.125, '.2f')).toBe('0.12');
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(format(2.5, '.0f')).toBe('2');
    expect(format(1e300, '.0f')).toBe(BigInt(1e300).toString());
    expect(format(0.1, '.30f')).toBe('0.100000000000000005551115123126');
  });

  it('agrees with toFixed away from ties, for random values and precisions', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 20 }), (x, n) => {
        // toFixed drops the sign of -0 (Python keeps it) and breaks exact ties away from zero.
        const tie = Number.isInteger(x * 2 ** (n + 1)) && !Number.isInteger(x * 2 ** n);
        if (!tie && !Object.is(x, -0)) expect(format(x, `.${n}f`)).toBe(x.toFixed(n));
      }),
      { numRuns: 3000 },
    );
  });

  it("'f' and 'e' agree with exact BigInt rounding, ties included", () => {
    // Reference: the exact binary value rounded half-even by exactRound, laid out by hand.
    const fixedRef = (x: number, n: number): string => {
      const { digits, exp } = exactRound(Math.abs(x), -n);
      const all = exp >= 0 ? digits.padEnd(exp + 1 + n, '0') : '0'.repeat(-exp) + digits.padEnd(n + exp + 1, '0');
      const intLen = Math.max(exp + 1, 1);
      const body = n > 0 ? `${all.slice(0, intLen)}.${all.slice(intLen, intLen + n)}` : all.slice(0, intLen);
      return (x < 0 || Object.is(x, -0) ? '-' : '') + body;
    };
    const sciRef = (x: number, p: number): string => {
      const { digits, exp } = exactRound(Math.abs(x), exactDigits(Math.abs(x)).exp - p);
      const d = digits.padEnd(p + 1, '0');
      const mant = p > 0 ? `${d[0]}.${d.slice(1, p + 1)}` : d[0];
      return `${x < 0 ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    };
    const value = fc.oneof(
      fc.double({ min: -1e25, max: 1e25, noNaN: true, noDefaultInfinity: true }),
      fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 30 })).map(([k, m]) => k / 2 ** m),
      fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 20 })).map(([k, e]) => (2 * k + 1) * 5 * 10 ** e),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 25 }), (x, n) => {
        if (x === 0) return;
        expect(format(x, `.${n}f`)).toBe(fixedRef(x, n));
        expect(format(x, `.${n}e`)).toBe(sciRef(x, n));
      }),
      { numRuns: 5000 },
    );
  });

  it('treats safe-integer numbers as int, others as float', () => {
    expect(format(5, '')).toBe('5');
    expect(format(5.5, '')).toBe('5.5');
    expect(format(-0, '')).toBe('-0.0');
    expect(format(1e16, '')).toBe('1e+16');
    expect(format(5, '.2f')).toBe('5.00');
    expect(format(255, '#x')).toBe('0xff');
    expect(() => format(5.5, 'd')).toThrow(new ValueError("Unknown format code 'd' for object of type 'float'"));
  });

  it('formats bigint, boolean, Complex and strings as Python does', () => {
    expect(format(12345678901234567890n, ',')).toBe('12,345,678,901,234,567,890');
    expect(format(true, '')).toBe('True');
    expect(format(true, '>5')).toBe('    1');
    expect(format(new Complex(1, 2), '')).toBe('(1+2j)');
    expect(format(new Complex(1, 2), '.1f')).toBe('1.0+2.0j');
    expect(format('ab', '*^6')).toBe('**ab**');
  });

  it('formats arrays as NumPy: 0-d as the element, n-d only with the empty spec', () => {
    const v = new NDArray(new Float64Array([1, 2.5]), [2], 'float64');
    expect(format(v)).toBe('[1.  2.5]');
    expect(format(new NDArray(new Float64Array([5]), [], 'float64'), '')).toBe('5.0');
    expect(format(new NDArray(new Float64Array([5]), [], 'float64'), '.2f')).toBe('5.00');
    expect(format(new NDArray(new Int32Array([5]), [], 'int32'), '03d')).toBe('005');
    expect(format(new NDArray(new Float32Array([0.1]), [], 'float32'), '')).toBe('0.10000000149011612');
    expect(format(new NDArray(new Uint8Array([1]), [], 'bool'), '')).toBe('True');
    expect(format(new NDArray(new Float64Array([1, 2]), [], 'complex128'), '')).toBe('(1+2j)');
    expect(() => format(v, '.2f')).toThrow(new TypeError_('unsupported format string passed to numpy.ndarray.__format__'));
  });

  it('rejects bad specs and values with CPython messages', () => {
    expect(() => format(1.5, '.')).toThrow(new ValueError('Format specifier missing precision'));
    expect(() => format(1.5, 'ff')).toThrow(new ValueError("Invalid format specifier 'ff' for object of type 'float'"));
    expect(() => format(1.5, ',_')).toThrow(new ValueError("Cannot specify both ',' and '_'."));
    expect(() => format(5, ',x')).toThrow(new ValueError("Cannot specify ',' with 'x'."));
    expect(() => format(5, '.2d')).toThrow(new ValueError('Precision not allowed in integer format specifier'));
    expect(() => format(new Complex(1, 1), '010')).toThrow(new ValueError('Zero padding is not allowed in complex format specifier'));
    expect(() => format('ab', '+')).toThrow(new ValueError('Sign not allowed in string format specifier'));
    expect(() => format(1, 5 as never)).toThrow(TypeError_);
    expect(() => format({} as never, '')).toThrow(TypeError_);
    expect(() => format(null as never)).toThrow(/format\(\) does not know how to format null/);
  });
});
