import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { ShapeError } from '../../src/core';

describe('isclose / allclose / arrayEqual / arrayEquiv', () => {
  it('follows NumPy on ordinary, infinite and NaN values', () => {
    // np.isclose([1, 1.1, inf, -inf, nan, 0], [1.000001, 1, inf, inf, nan, 1e-9]) -> [T F T F F T]
    const r = np.isclose([1, 1.1, Infinity, -Infinity, NaN, 0], [1.000001, 1, Infinity, Infinity, NaN, 1e-9]);
    expect(r.tolist()).toEqual([true, false, true, false, false, true]);
    expect(np.isclose([NaN], [NaN], { equalNan: true }).tolist()).toEqual([true]);
    expect(np.allclose([1e10, 1e-7], [1.00001e10, 1e-8])).toBe(false);
    expect(np.allclose([1e10, 1e-8], [1.00001e10, 1e-9])).toBe(true);
    expect(np.allclose([1, 2], [1.1, 2.1], { atol: 0.2 })).toBe(true);
    expect(np.allclose([1, 2], [1.1, 2.1], { rtol: 0, atol: 0.05 })).toBe(false);
  });

  it('broadcasts, and is not symmetric (b is the reference)', () => {
    expect(np.isclose(np.array([[1, 2], [3, 4]]), [1, 2]).tolist()).toEqual([[true, true], [false, false]]);
    // |a-b| <= atol + rtol*|b|: 10 vs 11 with rtol 0.095: 1 <= 1.045 but 1 > 0.95
    expect(np.isclose(10, 11, { rtol: 0.095, atol: 0 }).tolist()).toBe(true);
    expect(np.isclose(11, 10, { rtol: 0.095, atol: 0 }).tolist()).toBe(false);
  });

  it('arrayEqual needs equal shapes; arrayEquiv only broadcastable ones', () => {
    expect(np.arrayEqual([1, 2], [1, 2])).toBe(true);
    expect(np.arrayEqual([1, 2], [[1, 2]])).toBe(false);
    expect(np.arrayEqual([1, NaN], [1, NaN])).toBe(false);
    expect(np.arrayEqual([1, NaN], [1, NaN], { equalNan: true })).toBe(true);
    expect(np.arrayEquiv([1, 2], [[1, 2], [1, 2]])).toBe(true);
    expect(np.arrayEquiv([1, 2], [[1, 2], [1, 3]])).toBe(false);
    expect(np.arrayEquiv([1, 2], [1, 2, 3])).toBe(false);
  });

  it('rejects operands that do not broadcast', () => {
    expect(() => np.isclose([1, 2], [1, 2, 3])).toThrow(ShapeError);
    expect(() => np.allclose([1, 2], [1, 2, 3])).toThrow(ShapeError);
  });
});
