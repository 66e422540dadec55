/**
 * Laws of elementwise ops and reductions (fast-check): broadcasting commutes
 * with transposition and agrees with explicit tiling; arithmetic identities
 * hold exactly; reductions over strided and negative-stride views equal naive
 * loops (sums and products within 1e-12 relative — NumPy's order differs from
 * the naive one — and max/min/argmax exactly); `sum(axis=(…))` equals nested sums; a
 * view's sum equals its copy's up to rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { expectAllClose } from '../helpers';

/** A random float64 array of a small random shape, as some layout of the same values. */
const arrays = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.constantFrom('contiguous', 'reversed', 'strided', 'transposed'),
  )
  .map(([shape, seed, layout]) => {
    let s = seed;
    const n = shape.reduce((p, d) => p * d, 1);
    const vals = Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return Math.round((s / 2147483648 - 0.5) * 2000) / 100 + 0; // + 0: no negative zeros (a + 0 would flip them)
    });
    const base = np.array(vals).reshape(shape);
    return viewAs(base, layout);
  });

/** The same values as `x` in another memory layout. */
function viewAs(x: np.NDArray, layout: string): np.NDArray {
  const all = (s: string) => x.shape.map(() => s).join(', ');
  if (layout === 'reversed') return x.get(all('::-1')).copy().get(all('::-1'));
  if (layout === 'strided') {
    const big = np.zeros([...x.shape.slice(0, -1), 2 * x.shape[x.ndim - 1]]);
    big.set('..., ::2', x);
    return big.get('..., ::2');
  }
  if (layout === 'transposed') return x.T.copy().T;
  return x;
}

/** Elements in C order (through the public API, so views are read correctly). */
const flat = (x: np.NDArray): number[] => x.toArray();

describe('broadcasting laws', () => {
  it('a + b == b + a, and broadcasting a row equals adding its explicit tiling', () => {
    fc.assert(
      fc.property(arrays, (a) => {
        const row = a.get(...a.shape.slice(0, -1).map(() => 0), ':').copy(); // shape (last,)
        const tiled = np.broadcastTo(row, a.shape).copy();
        expect(flat(np.add(a, row))).toEqual(flat(np.add(a, tiled)));
        expect(flat(np.add(a, row))).toEqual(flat(np.add(row, a)));
        expect(flat(np.multiply(a, row))).toEqual(flat(np.multiply(tiled, a)));
      }),
      { numRuns: 100 },
    );
  });
  it('elementwise ops commute with transposition: f(a.T, b.T) == f(a, b).T', () => {
    fc.assert(
      fc.property(arrays, (a) => {
        const b = np.add(np.multiply(a, 0.5), 1);
        for (const f of [np.add, np.subtract, np.multiply, np.maximum, np.arctan2]) {
          expect(flat(f(a.T, b.T))).toEqual(flat(f(a, b).T));
        }
        expect(flat(np.exp(a.T))).toEqual(flat(np.exp(a).T));
      }),
      { numRuns: 100 },
    );
  });
  it('exact identities: a - a = 0, a * 1 = a, a + 0 = a, -(-a) = a, max(a, a) = a', () => {
    fc.assert(
      fc.property(arrays, (a) => {
        expect(flat(np.subtract(a, a)).every((v) => v === 0)).toBe(true);
        expect(flat(np.multiply(a, 1))).toEqual(flat(a));
        expect(flat(np.add(a, 0))).toEqual(flat(a));
        expect(flat(np.negative(np.negative(a)))).toEqual(flat(a));
        expect(flat(np.maximum(a, a))).toEqual(flat(a));
        expect(flat(np.floorDivide(a, 1))).toEqual(flat(np.floor(a)));
      }),
      { numRuns: 100 },
    );
  });
  it('out= gives the same values as the allocating call, for any output layout', () => {
    fc.assert(
      fc.property(arrays, fc.constantFrom('contiguous', 'reversed', 'strided', 'transposed'), (a, layout) => {
        const out = viewAs(np.zerosLike(a), layout);
        np.add(a, np.multiply(a, 2), { out });
        expect(flat(out)).toEqual(flat(np.multiply(a, 3)));
      }),
      { numRuns: 100 },
    );
  });
});

/** Every axis subset of an ndim-array, as sorted lists. */
function axisSubsets(ndim: number): number[][] {
  const out: number[][] = [];
  for (let m = 1; m < 1 << ndim; m++) out.push([...Array(ndim).keys()].filter((d) => m & (1 << d)));
  return out;
}

/** Naive reduction of `x` over `axes` with `op`, element by element in C order. */
function naive(x: np.NDArray, axes: number[], op: (acc: number, v: number) => number, init: number): number[] {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const n = kept.reduce((p, d) => p * d, 1);
  const acc = new Array<number>(n).fill(init);
  const vals = flat(x);
  const idx = x.shape.map(() => 0);
  for (const v of vals) {
    let k = 0;
    for (let d = 0; d < x.ndim; d++) k = k * kept[d] + (axes.includes(d) ? 0 : idx[d]);
    acc[k] = op(acc[k], v);
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return acc;
}

describe('reductions equal naive loops on any layout', () => {
  it('sum and prod (rtol 1e-12), max and min (exact) over every axis subset', () => {
    fc.assert(
      fc.property(arrays, (x) => {
        for (const axes of axisSubsets(x.ndim)) {
          const o = { axis: axes, keepdims: true };
          expectAllClose(np.sum(x, o).toArray(), naive(x, axes, (a, v) => a + v, 0), { rtol: 1e-12, atol: 1e-12 });
          // NumPy (and numts) multiply in memory order, so a transposed view's product may round differently.
          expectAllClose(np.prod(x, o).toArray(), naive(x, axes, (a, v) => a * v, 1), { rtol: 1e-12 });
          expect(np.max(x, o).toArray()).toEqual(naive(x, axes, (a, v) => Math.max(a, v), -Infinity));
          expect(np.min(x, o).toArray()).toEqual(naive(x, axes, (a, v) => Math.min(a, v), Infinity));
        }
      }),
      { numRuns: 100 },
    );
  });
  it('sum over a tuple of axes equals nested single-axis sums (rtol 1e-12)', () => {
    fc.assert(
      fc.property(arrays, (x) => {
        for (const axes of axisSubsets(x.ndim)) {
          let nested = x;
          for (const a of [...axes].reverse()) nested = np.sum(nested, { axis: a, keepdims: true });
          expectAllClose(np.sum(x, { axis: axes, keepdims: true }), nested, { rtol: 1e-12, atol: 1e-12 });
        }
      }),
      { numRuns: 100 },
    );
  });
  it('argmax/argmin point at the max/min (first occurrence), cumsum ends in the sum', () => {
    fc.assert(
      fc.property(arrays, (x) => {
        const v = flat(x);
        const im = np.argmax(x);
        expect(v[im]).toBe(Math.max(...v));
        expect(v.indexOf(Math.max(...v))).toBe(im);
        expect(v.indexOf(Math.min(...v))).toBe(np.argmin(x));
        const cs = np.cumsum(x, { axis: -1 });
        const last = cs.get('..., -1');
        expectAllClose(last, np.sum(x, { axis: -1 }), { rtol: 1e-12, atol: 1e-12 });
      }),
      { numRuns: 100 },
    );
  });
  it('a view sums like its contiguous copy, mean is sum / count, var is mean square deviation', () => {
    fc.assert(
      fc.property(arrays, (x) => {
        const c = x.copy();
        expectAllClose(np.sum(x), np.sum(c), { rtol: 1e-12, atol: 1e-12 });
        expectAllClose(np.mean(x, { axis: 0 }), np.divide(np.sum(c, { axis: 0 }), x.shape[0]), { rtol: 1e-12, atol: 1e-12 });
        const m = np.mean(c);
        const dev = flat(c).map((v) => (v - m) ** 2);
        expectAllClose(np.var(x), dev.reduce((p, q) => p + q, 0) / dev.length, { rtol: 1e-10, atol: 1e-12 });
      }),
      { numRuns: 100 },
    );
  });
});
