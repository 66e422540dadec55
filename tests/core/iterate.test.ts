/**
 * The loop engine: coalescing, NumPy's memory-order axis sort, the run cursor
 * and the unary/binary loop drivers, checked against a naive multi-index walk
 * on random shapes with positive, negative, zero (broadcast) and non-unit strides
 * (fast-check), plus the exact cases that matter (C-contiguous → one run,
 * transposed → memory order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coalesce, forEachRun, loopBinary, loopUnary, memoryOrder, runsOf, type BinaryLoop, type Operand, type UnaryLoop,
} from '../../src/core';

/** Buffer offsets of every element of `shape` in C order, by multi-index arithmetic. */
function naiveOffsets(shape: number[], strides: number[], offset: number): number[] {
  const out: number[] = [];
  const idx = shape.map(() => 0);
  const n = shape.reduce((p, d) => p * d, 1);
  for (let k = 0; k < n; k++) {
    out.push(offset + idx.reduce((p, i, d) => p + i * strides[d], 0));
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** A random layout: shape, strides (any sign, zero for broadcast axes), and an offset keeping indices ≥ 0. */
const layout = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.array(fc.integer({ min: -7, max: 7 }), { minLength: shape.length, maxLength: shape.length }),
    ),
  )
  .map(([shape, strides]) => {
    let offset = 0;
    shape.forEach((d, i) => {
      if (strides[i] < 0 && d > 0) offset -= strides[i] * (d - 1);
    });
    return { shape, strides, offset };
  });

describe('coalesce', () => {
  it('merges a C-contiguous array into one run and drops size-1 axes', () => {
    expect(coalesce([2, 3, 4], [[12, 4, 1]])).toEqual({ shape: [24], strides: [[1]] });
    expect(coalesce([2, 1, 4], [[4, 99, 1]])).toEqual({ shape: [8], strides: [[1]] });
  });
  it('keeps axes apart when any operand breaks contiguity', () => {
    expect(coalesce([2, 3], [[3, 1], [1, 0]])).toEqual({ shape: [2, 3], strides: [[3, 1], [1, 0]] });
  });
});

describe('memoryOrder (NumPy npyiter_find_best_axis_ordering)', () => {
  it('is the identity for C order and reverses an F-ordered (transposed) array', () => {
    expect(memoryOrder(3, [[12, 4, 1]])).toEqual([0, 1, 2]);
    expect(memoryOrder(3, [[1, 2, 6]])).toEqual([2, 1, 0]);
    expect(memoryOrder(3, [[7 * 6, 1, 7].map((s) => s)])).toEqual([0, 2, 1]);
  });
  it('ignores zero strides and lets C order win conflicts', () => {
    expect(memoryOrder(2, [[0, 1]])).toEqual([0, 1]);
    expect(memoryOrder(2, [[1, 3], [3, 1]])).toEqual([0, 1]);
  });
  it('sorts by absolute stride (negative strides count by magnitude)', () => {
    expect(memoryOrder(2, [[-1, -4]])).toEqual([1, 0]);
  });
});

describe('runsOf / forEachRun', () => {
  it('visits every element once, in C order, with the right offsets (random layouts)', () => {
    fc.assert(
      fc.property(layout, ({ shape, strides, offset }) => {
        const seen: number[] = [];
        forEachRun(shape, [{ data: new Float64Array(0), strides, offset }], (n, o, s) => {
          for (let k = 0; k < n; k++) seen.push(o[0] + k * s[0]);
        });
        expect(seen).toEqual(shape.includes(0) ? [] : naiveOffsets(shape, strides, offset));
      }),
      { numRuns: 300 },
    );
  });
  it('walks the axes in a given order (memory order for reductions)', () => {
    const c = runsOf([2, 3], [{ data: new Float64Array(0), strides: [1, 2], offset: 0 }], [1, 0])!;
    expect(c.n).toBe(6);
    expect(c.steps).toEqual([1]);
    expect(c.next()).toBe(false);
  });
  it('returns null for an empty iteration and one run for a 0-d one', () => {
    expect(runsOf([2, 0], [{ data: new Float64Array(0), strides: [0, 1], offset: 0 }])).toBeNull();
    const c = runsOf([], [{ data: new Float64Array(1), strides: [], offset: 0 }])!;
    expect(c.n).toBe(1);
    expect(c.next()).toBe(false);
  });
});

const copy: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
};
const sub: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] - b[bi];
};

describe('loopUnary / loopBinary', () => {
  it('compute elementwise results equal to a naive loop on random layouts', () => {
    fc.assert(
      fc.property(layout, layout, ({ shape, strides, offset }, other) => {
        const n = shape.reduce((p, d) => p * d, 1);
        const span = (st: number[], off: number) => 1 + off + shape.reduce((p, d, i) => p + Math.max(0, d - 1) * Math.abs(st[i]), 0);
        const a: Operand = { data: Float64Array.from({ length: span(strides, offset) }, (_, i) => i * 1.5), strides, offset };
        // b: the other layout's strides when ranks agree, else a broadcast (all-zero strides) scalar
        const bStrides = other.strides.length === shape.length ? other.strides.map((s, i) => (shape[i] === 0 ? 0 : s)) : shape.map(() => 0);
        let bOff = 0;
        shape.forEach((d, i) => {
          if (bStrides[i] < 0 && d > 0) bOff -= bStrides[i] * (d - 1);
        });
        const b: Operand = { data: Float64Array.from({ length: span(bStrides, bOff) }, (_, i) => i * i), strides: bStrides, offset: bOff };
        const out: Operand = { data: new Float64Array(n), strides: shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1)), offset: 0 };
        loopBinary(shape, out, a, b, sub);
        const ao = naiveOffsets(shape, strides, offset), bo = naiveOffsets(shape, bStrides, bOff);
        if (n > 0) expect([...out.data]).toEqual(ao.map((p, k) => a.data[p] - b.data[bo[k]]));
        const c: Operand = { data: new Float64Array(n), strides: out.strides, offset: 0 };
        loopUnary(shape, c, a, copy);
        if (n > 0) expect([...c.data]).toEqual(ao.map((p) => a.data[p]));
      }),
      { numRuns: 300 },
    );
  });
});
