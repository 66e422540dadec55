/**
 * `fastBasicIndex` (core/basicIndex.ts), the planner-free lane of `a.get`,
 * must give exactly `planIndex(shape, index).basic` for every basic index, and
 * null (so the general path raises NumPy's error) for every index that is
 * invalid or not purely basic: random indices of integers (in and out of
 * range, non-integers), slices (negative, out-of-range, zero and non-integer
 * steps), newaxis, ellipses (one or two), and the same as bracket text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { fastBasicIndex, planIndex, type IndexItem, type Slice } from '../../src/core';

const bound = fc.oneof(fc.constant(null), fc.integer({ min: -6, max: 6 }));
const arbSlice = fc.record({ start: bound, stop: bound, step: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.constant(1.5)) });
const arbItem: fc.Arbitrary<IndexItem> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 3, arbitrary: arbSlice },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('...') },
  { weight: 1, arbitrary: fc.constant(0.5) },
  { weight: 1, arbitrary: fc.constant([0, 1]) },
  { weight: 1, arbitrary: fc.constant(true) },
);

/** Python's text for one item (so the same index can also be given as bracket text). */
function text(it: IndexItem): string {
  if (it === null) return 'None';
  if (typeof it === 'number' || typeof it === 'string') return String(it);
  if (typeof it === 'boolean') return it ? 'True' : 'False';
  if (Array.isArray(it)) return JSON.stringify(it);
  const s = it as Slice;
  const f = (v: number | null | undefined) => (v == null ? '' : String(v));
  return s.step == null ? `${f(s.start)}:${f(s.stop)}` : `${f(s.start)}:${f(s.stop)}:${f(s.step)}`;
}

function planned(shape: number[], items: IndexItem[]): unknown {
  try {
    const p = planIndex(shape, items);
    return p.advAxes.length > 0 ? null : p.basic;
  } catch {
    return null;
  }
}

describe('fastBasicIndex', () => {
  it('equals the general planner on basic indices and declines everything else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 3 }),
        fc.array(arbItem, { minLength: 0, maxLength: 4 }),
        (shape, items) => {
          const expected = planned(shape, items);
          expect(fastBasicIndex(shape, items)).toEqual(expected);
          const asText = items.map(text).join(', ');
          expect(fastBasicIndex(shape, [asText])).toEqual(planned(shape, [asText]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a.get with text, slices and integers returns the same views as before, and raises NumPy’s errors', () => {
    const a = np.arange(24).reshape(2, 3, 4);
    expect(a.get('1:, ::-2').tolist()).toEqual([[[20, 21, 22, 23], [12, 13, 14, 15]]]);
    expect(a.get('1:, ::-2').tolist()).toEqual([[[20, 21, 22, 23], [12, 13, 14, 15]]]); // memoised text
    expect(a.get(1, { start: 1 }, -1).tolist()).toEqual([19, 23]);
    expect(a.get('..., None').shape).toEqual([2, 3, 4, 1]);
    expect(a.get(0, '...', 1).tolist()).toEqual([1, 5, 9]);
    expect(() => a.get(2)).toThrow('index 2 is out of bounds for axis 0 with size 2');
    expect(() => a.get('0, 0, 0, 0')).toThrow('too many indices for array');
    expect(() => a.get('..., ...')).toThrow("an index can only have a single ellipsis ('...')");
    expect(() => a.get({ step: 0 })).toThrow('slice step cannot be zero');
    expect(() => a.get('1:x')).toThrow('slice indices must be integers or None');
    expect(a.get('[1, 0]').shape).toEqual([2, 3, 4]); // a list in text: advanced, a copy
  });
});
