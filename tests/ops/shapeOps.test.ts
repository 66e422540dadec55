/**
 * Shape manipulation, joining, rearranging, sorting, set operations and take/put against NumPy
 * (tests/fixtures/shape/ops.json, scripts/fixtures/shape_ops.py): ~430 calls on inputs of every dtype
 * laid out contiguous, flipped (negative strides) and transposed, including empty, 0-d and size-1
 * axes, and NumPy's errors (class and message). Exact comparison of dtype, shape and every element;
 * reshape/ravel/flatten/copy also check view-or-copy as NumPy's `shares_memory` reports it.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray } from '../../src/core';
import { loadFixture } from '../helpers';
import { decode, expectFixture, num, type Enc, type EncArray } from '../core/fixtureArrays';

interface Case {
  name: string;
  call: [string, ...unknown[]];
  expected: Enc;
  view?: boolean | null;
}
const cases = loadFixture<Case[]>('shape/ops.json');

/** Builds the laid-out input: the decoded storage, flipped or transposed back to the values NumPy saw. */
function arg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(arg);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('arr' in o) {
      const st = decode(o.arr as EncArray);
      return o.layout === 'flip' ? np.flip(st, 0) : o.layout === 'T' ? st.T : st;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, arg(x)]));
  }
  if (v === '-0') return num(v);
  return v;
}

const CALLS: Record<string, (...a: any[]) => unknown> = {
  reshape: (a, s) => np.reshape(a, s),
  transpose: (a, axes) => (axes === null ? np.transpose(a) : np.transpose(a, axes)),
  swapaxes: (a, i, j) => np.swapaxes(a, i, j),
  moveaxis: (a, s, d) => np.moveaxis(a, s, d),
  squeeze: (a, ax) => np.squeeze(a, ax),
  expandDims: (a, ax) => np.expandDims(a, ax),
  broadcastTo: (a, s) => np.broadcastTo(a, s),
  ravel: (a) => np.ravel(a),
  flatten: (a) => np.flatten(a),
  copy: (a) => np.copy(a),
  atleast1d: (a) => np.atleast1d(a),
  atleast2d: (a) => np.atleast2d(a),
  atleast3d: (a) => np.atleast3d(a),
  concatenate: (xs, o) => np.concatenate(xs, o),
  stack: (xs, o) => np.stack(xs, o),
  vstack: (xs) => np.vstack(xs),
  hstack: (xs) => np.hstack(xs),
  dstack: (xs) => np.dstack(xs),
  columnStack: (xs) => np.columnStack(xs),
  append: (a, v, ax) => np.append(a, v, ax),
  split: (a, s, o) => np.split(a, s, o),
  arraySplit: (a, s, o) => np.arraySplit(a, s, o),
  hsplit: (a, s) => np.hsplit(a, s),
  vsplit: (a, s) => np.vsplit(a, s),
  dsplit: (a, s) => np.dsplit(a, s),
  flip: (a, ax) => np.flip(a, ax),
  fliplr: (a) => np.fliplr(a),
  flipud: (a) => np.flipud(a),
  rot90: (a, k, axes) => np.rot90(a, k, axes),
  roll: (a, s, ax) => np.roll(a, s, ax),
  tile: (a, r) => np.tile(a, r),
  repeat: (a, r, ax) => np.repeat(a, r, ax),
  pad: (a, w, o) => np.pad(a, w, o),
  sort: (a, o) => np.sort(a, o),
  argsort: (a, o) => np.argsort(a, o),
  unique: (a, o) => np.unique(a, o),
  searchsorted: (a, v, o) => np.searchsorted(a, v, o),
  take: (a, i, o) => np.take(a, i, o),
  put: (a, i, v, o) => np.put(a, i, v, o),
  takeAlongAxis: (a, i, ax) => np.takeAlongAxis(a, i, ax),
  putAlongAxis: (a, i, v, ax) => np.putAlongAxis(a, i, v, ax),
  nonzero: (a) => np.nonzero(a),
  flatnonzero: (a) => np.flatnonzero(a),
  argwhere: (a) => np.argwhere(a),
};

/** Where numts deliberately differs from NumPy's error (a clearer class/message), with the reason. */
const DEVIATIONS: Record<string, (e: unknown) => boolean> = {
  // NumPy: IndexError 'tuple index out of range' (an internal shape lookup); numts names the bad axis.
  'split (4,6) 2 axis=2': (e) => e instanceof np.AxisError && (e as Error).message === 'axis 2 is out of bounds for array of dimension 2',
};

describe('shape, join, sort and take/put operations match NumPy', () => {
  const families = [...new Set(cases.map((c) => c.call[0]))];
  for (const fam of families) {
    const group = cases.filter((c) => c.call[0] === fam);
    it(`${fam}: ${group.length} cases`, () => {
      for (const c of group) {
        const [fn, ...raw] = c.call;
        const f = CALLS[fn];
        expect(f, fn).toBeDefined();
        const args = arg(raw) as unknown[];
        if (DEVIATIONS[c.name]) {
          let thrown: unknown;
          try {
            f(...args);
          } catch (e) {
            thrown = e;
          }
          expect(DEVIATIONS[c.name](thrown), `${c.name}: ${String(thrown)}`).toBe(true);
          continue;
        }
        expectFixture(() => f(...args), c.expected, c.name);
        if (c.view !== undefined && c.view !== null) {
          const input = args[0] as NDArray;
          const r = f(...args) as NDArray;
          expect(r.data === input.data, `${c.name}: view`).toBe(c.view);
        }
      }
    });
  }
});
