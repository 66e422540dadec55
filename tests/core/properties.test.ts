/**
 * Laws of the data model, checked with fast-check on random shapes, dtypes, strides and steps:
 * reshape/transpose round trips, views alias their base (writes go both ways), basic slicing equals
 * a naive index loop, advanced indexing equals a naive gather, concatenate ∘ split = identity,
 * argsort sorts (stably, NaN last), unique rebuilds its input, take equals a loop.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray, type IndexItem, type Slice } from '../../src/core';

const RUNS = { numRuns: 150, seed: 42 };

/** An arange array of `shape`, possibly seen through a flipped or transposed layout (same values). */
function build(shape: number[], layout: number): NDArray {
  const n = shape.reduce((p, q) => p * q, 1);
  const base = np.arange(n).astype('float64');
  if (layout === 1 && shape.length > 0) return np.flip(np.flip(base.reshape(shape), 0).copy(), 0); // negative strides
  if (layout === 2 && shape.length > 1) return base.reshape(shape).T.copy().T; // Fortran-order strides
  return base.reshape(shape);
}

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });
const sliceArb = fc.record({
  start: fc.option(fc.integer({ min: -6, max: 6 }), { nil: null }),
  stop: fc.option(fc.integer({ min: -6, max: 6 }), { nil: null }),
  step: fc.option(fc.constantFrom(1, 2, 3, -1, -2, -3), { nil: null }),
});

/** The indices a Python slice selects from range(n), written independently of the library. */
function pySlice(s: Slice, n: number): number[] {
  const step = s.step ?? 1;
  const clamp = (v: number | null | undefined, dflt: number, lo: number, hi: number): number => {
    if (v === null || v === undefined) return dflt;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lo), hi);
  };
  const out: number[] = [];
  if (step > 0) {
    for (let i = clamp(s.start, 0, 0, n); i < clamp(s.stop, n, 0, n); i += step) out.push(i);
  } else {
    for (let i = clamp(s.start, n - 1, -1, n - 1); i > clamp(s.stop, -1, -1, n - 1); i += step) out.push(i);
  }
  return out;
}

/** Naive x[i0, i1, …] for per-axis index lists (outer product), as nested lists. */
function naive(x: NDArray, lists: number[][]): unknown {
  const rec = (d: number, idx: number[]): unknown => (d === lists.length ? x.get(...idx) : lists[d].map((i) => rec(d + 1, [...idx, i])));
  return rec(0, []);
}

describe('views and round trips', () => {
  it('reshape then reshape back is the identity, and a contiguous reshape is a view', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 0, max: 2 }), (shape, layout) => {
        const x = build(shape, layout);
        const flat = np.reshape(x, [-1]);
        expect(flat.tolist()).toEqual(x.copy().ravel().tolist());
        expect(np.reshape(flat, shape).tolist()).toEqual(x.tolist());
        if (x.isContiguous) expect(np.reshape(x, [-1]).data).toBe(x.data);
      }),
      RUNS,
    );
  });
  it('transpose by a permutation and by its inverse is the identity (always a view)', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.keys()], { minLength: s.length, maxLength: s.length }))),
        fc.integer({ min: 0, max: 2 }),
        ([shape, perm], layout) => {
          const x = build(shape, layout);
          const t = np.transpose(x, perm);
          expect(t.data).toBe(x.data);
          expect(t.shape).toEqual(perm.map((p) => shape[p]));
          const inv = new Array<number>(perm.length);
          perm.forEach((p, i) => (inv[p] = i));
          expect(np.transpose(t, inv).tolist()).toEqual(x.tolist());
          if (x.ndim > 0) expect(np.moveaxis(np.moveaxis(x, 0, -1), -1, 0).tolist()).toEqual(x.tolist());
        },
      ),
      RUNS,
    );
  });
  it('a write through a basic-index view shows in the base, and a base write shows in the view', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(sliceArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        (shape, slices, layout, pick) => {
          const x = build(shape, layout);
          const items = slices.slice(0, shape.length);
          const v = x.get(...(items as IndexItem[]));
          if (!(v instanceof NDArray) || v.size === 0) return;
          expect(v.data).toBe(x.data);
          const lists = shape.map((n, d) => (d < items.length ? pySlice(items[d], n) : [...Array(n).keys()]));
          // choose one element of the view and find its position in the base
          let f = pick % v.size;
          const vi: number[] = [];
          for (let d = v.ndim - 1; d >= 0; d--) {
            vi.unshift(f % v.shape[d]);
            f = Math.floor(f / v.shape[d]);
          }
          const bi = vi.map((i, d) => lists[d][i]);
          v.set(...vi, -1);
          expect(x.get(...bi)).toBe(-1);
          x.set(...bi, -2);
          expect(v.get(...vi)).toBe(-2);
        },
      ),
      RUNS,
    );
  });
});

describe('indexing equals naive loops', () => {
  it('basic slicing (any start/stop/step) on random shapes and layouts', () => {
    fc.assert(
      fc.property(shapeArb, fc.array(sliceArb, { maxLength: 4 }), fc.integer({ min: 0, max: 2 }), (shape, slices, layout) => {
        const x = build(shape, layout);
        const items = slices.slice(0, shape.length);
        const lists = shape.map((n, d) => (d < items.length ? pySlice(items[d], n) : [...Array(n).keys()]));
        const r = x.get(...(items as IndexItem[]));
        const want = naive(x, lists);
        expect(r instanceof NDArray ? r.tolist() : r).toEqual(want);
      }),
      RUNS,
    );
  });
  it('one integer array per axis (outer indexing through np.ix_) equals the naive gather', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: -n, max: n - 1 }), { maxLength: 4 })))),
        ),
        fc.integer({ min: 0, max: 2 }),
        ([shape, lists], layout) => {
          const x = build(shape, layout);
          const r = x.get(...np.ix_(...lists));
          const pos = lists.map((l, d) => l.map((i) => (i < 0 ? i + shape[d] : i)));
          expect(r.tolist()).toEqual(naive(x, pos));
        },
      ),
      RUNS,
    );
  });
  it('a boolean mask selects the true elements in C order; a.set(mask, v) writes exactly them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.array(fc.boolean(), { minLength: shape.reduce((p, q) => p * q, 1), maxLength: shape.reduce((p, q) => p * q, 1) })),
        ),
        fc.integer({ min: 0, max: 2 }),
        ([shape, bits], layout) => {
          const x = build(shape, layout);
          const mask = np.array(bits, 'bool').reshape(shape);
          const flat = x.copy().ravel().toArray();
          expect(x.get(mask).toArray()).toEqual(flat.filter((_, i) => bits[i]));
          x.set(mask, -7);
          expect(x.copy().ravel().toArray()).toEqual(flat.map((v, i) => (bits[i] ? -7 : v)));
        },
      ),
      RUNS,
    );
  });
  it('take along an axis equals a loop', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 })).chain(([s, ax]) =>
            fc.tuple(fc.constant(s), fc.constant(ax), fc.array(fc.integer({ min: 0, max: s[ax] - 1 }), { maxLength: 5 })),
          ),
        ),
        ([shape, axis, idx]) => {
          const x = build(shape, 1);
          const r = np.take(x, idx, { axis }) as NDArray;
          const lists = shape.map((n, d) => (d === axis ? idx : [...Array(n).keys()]));
          expect(r.tolist()).toEqual(naive(x, lists));
        },
      ),
      RUNS,
    );
  });
});

describe('joining and sorting laws', () => {
  it('concatenate(split(x, points, axis), axis) = x', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.integer({ min: 0, max: shape.length - 1 })).chain(([s, ax]) =>
            fc.tuple(fc.constant(s), fc.constant(ax), fc.array(fc.integer({ min: 0, max: s[ax] }), { maxLength: 4 }).map((p) => p.sort((a, b) => a - b))),
          ),
        ),
        fc.integer({ min: 0, max: 2 }),
        ([shape, axis, points], layout) => {
          const x = build(shape, layout);
          const parts = np.split(x, points, { axis });
          expect(parts.length).toBe(points.length + 1);
          for (const p of parts) expect(p.data).toBe(x.data);
          expect(np.concatenate(parts, { axis }).tolist()).toEqual(x.tolist());
          const sections = parts.length;
          const eq = np.arraySplit(x, sections, { axis });
          expect(np.concatenate(eq, { axis }).tolist()).toEqual(x.tolist());
        },
      ),
      RUNS,
    );
  });
  it('argsort sorts stably with NaN last; sort = take(x, argsort); unique rebuilds x', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN), fc.constant(-0), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (vals) => {
        const x = np.array(vals, 'float64');
        const order = np.argsort(x).toArray();
        expect([...order].sort((a, b) => a - b)).toEqual([...vals.keys()]);
        const key = (v: number): number => (Number.isNaN(v) ? Infinity : v);
        for (let i = 1; i < order.length; i++) {
          const a = vals[order[i - 1]], b = vals[order[i]];
          const ka = Number.isNaN(a) ? 1 : 0, kb = Number.isNaN(b) ? 1 : 0;
          expect(ka <= kb).toBe(true);
          if (!ka && !kb) expect(a <= b).toBe(true);
          if (ka === kb && key(a) === key(b)) expect(order[i - 1] < order[i]).toBe(true); // stable
        }
        const s = np.sort(x).toArray();
        const t = (np.take(x, order) as NDArray).toArray();
        expect(s.map(String)).toEqual(t.map(String));
        const [u, inv, counts] = np.unique(x, { returnInverse: true, returnCounts: true });
        expect((np.take(u, inv) as NDArray).toArray().map(String)).toEqual(vals.map((v) => String(Number.isNaN(v) ? NaN : v === 0 ? 0 : v)));
        expect(counts.toArray().reduce((p, q) => p + q, 0)).toBe(vals.length);
      }),
      RUNS,
    );
  });
  it('long lanes (the radix argsort path) sort exactly like a stable comparator sort', () => {
    const value = fc.oneof(
      fc.integer({ min: -50, max: 50 }),
      fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, 1.7976931348623157e308),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 256, maxLength: 1500 }), fc.integer({ min: 0, max: 2 }), (vals, layout) => {
        const ref = [...vals.keys()].sort((i, j) => {
          const a = vals[i], b = vals[j];
          const na = Number.isNaN(a), nb = Number.isNaN(b);
          if (na || nb) return na === nb ? i - j : na ? 1 : -1;
          return a < b ? -1 : a > b ? 1 : i - j;
        });
        let x = np.array(vals, 'float64');
        if (layout === 1) x = np.flip(np.flip(x).copy());
        if (layout === 2) x = np.stack([x, x], { axis: 1 }).get(':', 0);
        expect(np.argsort(x).toArray()).toEqual(ref);
        expect(np.sort(x).toArray().map(String)).toEqual(ref.map((i) => String(vals[i])));
        const f32 = np.array(vals, 'float32');
        const r32 = np.argsort(f32).toArray();
        const v32 = f32.toArray();
        for (let k = 1; k < r32.length; k++) {
          const a = v32[r32[k - 1]], b = v32[r32[k]];
          expect(Number.isNaN(a) ? Number.isNaN(b) : Number.isNaN(b) || a < b || (a === b && r32[k - 1] < r32[k])).toBe(true);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
  it('flip twice, roll by k then -k, and transpose of stack are identities', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: -7, max: 7 }), (shape, layout, k) => {
        const x = build(shape, layout);
        expect(np.flip(np.flip(x)).tolist()).toEqual(x.tolist());
        expect(np.roll(np.roll(x, k), -k).tolist()).toEqual(x.tolist());
        if (x.ndim > 0) expect(np.stack([x, x], { axis: -1 }).get('..., 1').tolist()).toEqual(x.tolist());
      }),
      RUNS,
    );
  });
});
