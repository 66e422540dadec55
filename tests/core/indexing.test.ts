/**
 * Indexing against NumPy (tests/fixtures/core/indexing.json, scripts/fixtures/core_indexing.py):
 * ~470 reads and ~75 writes on arrays of every dtype seen through plain, flipped, transposed and
 * strided views: basic items (ints, slices with any step, newaxis, ellipsis, bracket text), integer
 * arrays that broadcast, boolean masks, mixed indices and NumPy's rule for where the broadcast
 * dimensions go, plus NumPy's errors. Exact comparison; basic results must be views, advanced copies.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray, type DType, type IndexItem } from '../../src/core';
import { loadFixture } from '../helpers';
import { decode, expectFixture, type Enc, type EncArray } from './fixtureArrays';

interface BaseSpec {
  shape: number[];
  dtype?: DType;
  view?: 'none' | 'flip' | 'T' | 'step';
}
type Item = { i: number } | { s: (number | null)[] } | { n: 1 } | { e: 1 } | { a: number[]; shape: number[] } | { m: boolean[]; shape: number[] } | { b: boolean };

const fx = loadFixture<{
  reads: { label: string; base: BaseSpec; index: Item[] | null; text: string | null; expected: Enc & { view?: boolean } }[];
  writes: { label: string; base: BaseSpec; index: Item[]; value: EncArray; expected: Enc }[];
}>('core/indexing.json');

const prod = (s: readonly number[]): number => s.reduce((p, q) => p * q, 1);

/** The same base array (and view of it) as the Python script builds. */
function makeBase(spec: BaseSpec): NDArray {
  const dtype = spec.dtype ?? 'float64';
  const shape = spec.shape;
  const range = (s: number[]): NDArray => np.arange(prod(s)).astype(dtype).reshape(s);
  switch (spec.view ?? 'none') {
    case 'step':
      return range([...shape.slice(0, -1), shape[shape.length - 1] * 2]).get('..., ::2');
    case 'T':
      return range([...shape].reverse()).T;
    case 'flip':
      return range(shape).get('::-1');
    default:
      return range(shape);
  }
}

/** Fixture items → numts index items; array items alternate between NDArrays and JS nested lists. */
function toIndex(items: Item[], asLists: boolean): IndexItem[] {
  return items.map((it): IndexItem => {
    if ('i' in it) return it.i;
    if ('s' in it) return { start: it.s[0], stop: it.s[1], step: it.s[2] };
    if ('n' in it) return null;
    if ('e' in it) return '...';
    if ('b' in it) return it.b;
    const arr = 'a' in it ? np.array(it.a, 'int32').reshape(it.shape) : np.array(it.m, 'bool').reshape(it.shape);
    return asLists && arr.ndim > 0 && arr.size > 0 ? (arr.tolist() as IndexItem) : arr;
  });
}

describe('reads match NumPy', () => {
  it(`${fx.reads.length} cases: values, dtype, shape, view-or-copy and errors`, () => {
    fx.reads.forEach((c, k) => {
      const x = makeBase(c.base);
      const label = `${c.label} #${k} ${c.text ?? JSON.stringify(c.index)} on ${JSON.stringify(c.base)}`;
      const run = (): unknown => (c.text !== null ? x.get(c.text) : x.get(...toIndex(c.index!, k % 2 === 1)));
      expectFixture(run, c.expected, label);
      if (!('error' in c.expected) && c.expected.view !== undefined) {
        const r = run();
        if (r instanceof NDArray && r.size > 0) expect(r.data === x.data, `${label} view`).toBe(c.expected.view);
      }
    });
  });
});

describe('writes match NumPy', () => {
  it(`${fx.writes.length} cases: a.set(...index, value) with broadcasting and casting`, () => {
    fx.writes.forEach((c, k) => {
      const x = makeBase(c.base);
      const value = decode(c.value);
      const label = `${c.label} #${k} ${JSON.stringify(c.index)} = ${JSON.stringify(c.value.data)}`;
      expectFixture(
        () => {
          x.set(...toIndex(c.index, k % 2 === 0), value.ndim === 0 ? value.item() : value);
          return x;
        },
        c.expected,
        label,
      );
    });
  });
});

describe('views alias their base', () => {
  it('a write through a basic-index view is visible in the base, and vice versa', () => {
    const a = np.arange(12).reshape(3, 4);
    const v = a.get('1:, ::-2');
    v.set(0, 0, 100);
    expect(a.get(1, 3)).toBe(100);
    a.set(2, 1, -5);
    expect(v.get(1, 1)).toBe(-5);
    // As NumPy's, `base` is the array that owns the buffer (a is itself a view of arange's result).
    expect(v.base).toBe(a.base);
    expect(a.get([0, 1]).base).toBe(null);
  });
  it('advanced reads are copies', () => {
    const a = np.arange(6);
    const c = a.get([0, 1]);
    c.set(0, 99);
    expect(a.get(0)).toBe(0);
  });
  it('assignment from an overlapping view reads the old values (NumPy copies first)', () => {
    const a = np.arange(5);
    a.set('1:', a.get(':-1'));
    expect(a.tolist()).toEqual([0, 0, 1, 2, 3]);
    const b = np.arange(5);
    b.set([1, 2, 3, 4], b.get(':4'));
    expect(b.tolist()).toEqual([0, 0, 1, 2, 3]);
  });
});

describe('element access', () => {
  it('get with one integer per axis returns numbers; item and fill', () => {
    const a = np.array([[1.5, 2], [3, 4]]);
    expect(a.get(1, 0)).toBe(3);
    expect(a.get(-1, -1)).toBe(4);
    expect(a.item(3)).toBe(4);
    expect(np.array([7]).item()).toBe(7);
    a.fill(2);
    expect(a.tolist()).toEqual([[2, 2], [2, 2]]);
    const z = np.array([np.newaxis === null ? 1 : 0]);
    expect(z.get(np.newaxis).shape).toEqual([1, 1]);
  });
  it('bad element indices raise NumPy errors', () => {
    const a = np.zeros([2, 3]);
    expect(() => a.get(2, 0)).toThrow('index 2 is out of bounds for axis 0 with size 2');
    expect(() => a.get(0, 1.5)).toThrow(np.IndexError);
    expect(() => a.set(0, 3, 1)).toThrow('index 3 is out of bounds for axis 1 with size 3');
    expect(() => a.get(0, 0, 0)).toThrow('too many indices for array: array is 2-dimensional, but 3 were indexed');
    expect(() => a.get('1:x')).toThrow(np.IndexError);
    expect(() => a.get({ step: 0 })).toThrow('slice step cannot be zero');
    expect(() => a.get(np.array([0.5]))).toThrow(np.IndexError);
    expect(() => a.item()).toThrow('can only convert an array of size 1 to a Python scalar');
    expect(() => a.item(6)).toThrow(np.IndexError);
    expect(() => a.set(np.array([true, false, true]), 1)).toThrow(np.IndexError);
    expect(() => a.set(':', [1, 2])).toThrow('could not broadcast input array from shape (2,) into shape (2,3)');
  });
});
