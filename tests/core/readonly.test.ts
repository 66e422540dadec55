/**
 * Broadcast views are read-only, as NumPy makes `broadcast_to`'s result:
 * one stored element stands for a whole row, so a write would change them all.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { ValueError } from '../../src/core';

describe('read-only broadcast views', () => {
  const b = () => np.broadcastTo(np.array([1, 2, 3], 'float64'), [2, 3]);

  it('reports writeable, and views keep the flag while they share the stride-0 axis', () => {
    expect(b().writeable).toBe(false);
    expect(b().get(':, 1:').writeable).toBe(false);
    expect(np.zeros([2, 3]).writeable).toBe(true);
    expect(np.zeros([2, 3]).T.writeable).toBe(true);
    expect(b().copy().writeable).toBe(true);
  });

  it('refuses every kind of write with NumPy\'s message', () => {
    expect(() => b().set(0, 0, 5)).toThrow(/assignment destination is read-only/);
    expect(() => b().set(':, 0', 5)).toThrow(ValueError);
    expect(() => b().fill(0)).toThrow(ValueError);
    expect(() => b().iadd(1)).toThrow(ValueError);
    expect(() => np.add(1, 2, { out: b() as never })).toThrow(ValueError);
    expect(() => np.sum(np.ones([2, 2]), { axis: 0, out: np.broadcastTo(np.zeros(1), [2]) })).toThrow(ValueError);
    expect(() => b().sort()).toThrow(ValueError);
    expect(() => np.put(b(), [0], [9])).toThrow(ValueError);
  });

  it('leaves the source untouched and a copy writable', () => {
    const src = np.array([1, 2, 3], 'float64');
    const v = np.broadcastTo(src, [2, 3]);
    expect(() => v.set(1, 1, 7)).toThrow(ValueError);
    expect(src.tolist()).toEqual([1, 2, 3]);
    const c = v.copy();
    c.set(1, 1, 7);
    expect(c.tolist()).toEqual([[1, 2, 3], [1, 7, 3]]);
  });
});
