/**
 * numts stores NumPy's int64 as int32. Where NumPy's int64 result would be
 * exact, an int32 result that does not fit raises OverflowError instead of
 * wrapping to a wrong number; ufuncs on plain JS integers fall back to float64.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { OverflowError } from '../../src/core';

describe('int32 overflow', () => {
  it('raises for array results that do not fit', () => {
    expect(() => np.array([100000]).mul(100000)).toThrow(OverflowError);
    expect(() => np.multiply(np.array([100000]), np.array([100000]))).toThrow(/integer overflow in multiply: 10000000000/);
    expect(() => np.add(np.array([2147483647]), 1)).toThrow(OverflowError);
    expect(() => np.negative(np.array([-2147483648]))).toThrow(OverflowError);
    expect(() => np.sum(np.array([2000000000, 2000000000]))).toThrow(/add.reduce/);
    expect(() => np.prod(np.arange(1, 20))).toThrow(/multiply.reduce/);
    expect(() => np.cumsum(np.array([2000000000, 2000000000]))).toThrow(/add.accumulate/);
    expect(() => np.array([3]).iadd(2147483647)).toThrow(OverflowError);
  });

  it('keeps exact in-range results and NumPy-style uint8 wrapping', () => {
    expect(np.array([46340]).mul(46340).tolist()).toEqual([2147395600]);
    expect(np.sum(np.array([1000000000, 1000000000, -1000000000]))).toBe(1000000000);
    expect(np.add(np.array([250], 'uint8'), np.array([10], 'uint8')).tolist()).toEqual([4]);
    expect(np.array([1, 2]).mul(3).dtype).toBe('int32');
  });

  it('computes ufuncs of plain JS integers in float64 when int32 is too small', () => {
    const sq = np.square(100000);
    expect(sq.dtype).toBe('float64');
    expect(sq.item()).toBe(1e10);
    expect(np.add(3e9, 1).item()).toBe(3000000001);
    expect(np.multiply(46341, 46341).item()).toBe(2147488281);
    expect(np.add(2, 3).dtype).toBe('int32');
  });
});
