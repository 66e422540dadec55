/**
 * setPrintoptions / getPrintoptions / printoptions: NumPy's defaults, scoping
 * (restored even when the body throws), effect on String and repr, and
 * NumPy's errors for bad options.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TypeError_, ValueError } from '../../src/core/errors';
import { NDArray } from '../../src/core/ndarray';
import { getPrintoptions, printoptions, repr, resetPrintoptions, setPrintoptions } from '../../src/core/print';

const vec = (...v: number[]): NDArray => new NDArray(new Float64Array(v), [v.length], 'float64');

afterEach(() => resetPrintoptions());

describe('print options', () => {
  it("has NumPy's defaults", () => {
    expect(getPrintoptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, nanstr: 'nan', infstr: 'inf', sign: '-', floatmode: 'maxprec',
    });
  });

  it('setPrintoptions changes later printing and keeps options not given', () => {
    setPrintoptions({ precision: 3 });
    expect(String(vec(1 / 3, 2))).toBe('[0.333 2.   ]');
    setPrintoptions({ suppress: true });
    expect(getPrintoptions().precision).toBe(3);
    expect(String(vec(1e-9, 1 / 3))).toBe('[0.    0.333]');
  });

  it('getPrintoptions returns a copy', () => {
    const o = getPrintoptions();
    o.precision = 1;
    expect(getPrintoptions().precision).toBe(8);
  });

  it('printoptions scopes the change and returns the body value', () => {
    const s = printoptions({ precision: 2, threshold: 3, edgeitems: 1 }, () => repr(vec(2 / 3, 1, 2, 3)));
    expect(s).toBe('array([0.67, ..., 3.  ], shape=(4,))');
    expect(getPrintoptions().precision).toBe(8);
    expect(String(vec(2 / 3))).toBe('[0.66666667]');
  });

  it('printoptions restores the options when the body throws', () => {
    expect(() =>
      printoptions({ linewidth: 10 }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(getPrintoptions().linewidth).toBe(75);
  });

  it('rejects bad options with NumPy-style errors', () => {
    expect(() => setPrintoptions({ floatmode: 'exact' as never })).toThrow(
      new ValueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"'),
    );
    expect(() => setPrintoptions({ sign: 'x' as never })).toThrow("sign option must be one of ' ', '+', or '-'");
    expect(() => setPrintoptions({ precision: 1.5 })).toThrow(TypeError_);
    expect(() => setPrintoptions({ precision: -1 })).toThrow(ValueError);
    expect(() => setPrintoptions({ threshold: NaN })).toThrow(/threshold must be non-NAN/);
    expect(() => setPrintoptions({ threshold: '5' as never })).toThrow(TypeError_);
    expect(() => setPrintoptions({ nanstr: 5 as never })).toThrow(TypeError_);
    expect(() => setPrintoptions({ colour: 1 } as never)).toThrow(/unexpected option 'colour'/);
    expect(() => setPrintoptions(null as never)).toThrow(TypeError_);
    expect(() => printoptions({ edgeitems: -2 }, () => 1)).toThrow(ValueError);
    // A rejected call changes nothing.
    expect(getPrintoptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, nanstr: 'nan', infstr: 'inf', sign: '-', floatmode: 'maxprec',
    });
  });

  it('threshold Infinity never summarises', () => {
    const big = new NDArray(new Float64Array(1500), [1500], 'float64');
    expect(printoptions({ threshold: Infinity }, () => String(big)).includes('...')).toBe(false);
    expect(String(big).includes('...')).toBe(true);
  });
});
