/**
 * The small-array fast paths (ops/ufunc.ts `unaryFast`, `binaryFast`,
 * `scalarFast`; reduce.ts / reduceEngine.ts `plainSum`) must be invisible: for
 * random operands — every layout (C-ordered, at an offset, reversed, strided,
 * transposed, with a size-1 axis of stride 0, one value broadcast), broadcasting shapes, 0-d and
 * empty arrays, JS scalars on either side, every dtype, NaN/±0/±inf — the
 * result of a call without options equals, bit for bit (Object.is per
 * element), the result of the general path, reached by passing `out` (which
 * the fast paths never take), in dtype and shape; full reductions (`plainSum`,
 * `plainExtremum`) equal the planned engine's. Fast-path results own fresh
 * C-ordered storage: writing into one leaves its inputs alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { Complex, type NDArray } from '../../src/core';

const SPECIALS = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 2, 0.5, -2.5, 3, 1e300, -1e-300];

/** Values: mostly ordinary numbers, some specials. */
const values = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    if (u < 0.25) return SPECIALS[Math.floor(u * 4 * SPECIALS.length)];
    return Math.round((u - 0.6) * 800) / 16;
  });
};

type Layout = 'canonical' | 'offset' | 'reversed' | 'strided' | 'transposed' | 'newaxis' | 'broadcast';
const LAYOUTS: Layout[] = ['canonical', 'offset', 'reversed', 'strided', 'transposed', 'newaxis', 'broadcast'];
type DT = 'float64' | 'float32' | 'int32' | 'uint8' | 'bool' | 'complex128';

/** An array of `shape` and `dtype` holding `vals` (cast as astype casts), in the given memory layout. */
function make(shape: number[], vals: number[], dtype: DT, layout: Layout): NDArray {
  const base = np.array(vals).reshape(shape).astype(dtype);
  const all = (s: string) => shape.map(() => s).join(', ');
  switch (layout) {
    case 'canonical':
      return base;
    case 'offset': {
      // A leading slice of a bigger array: C-order strides at a non-zero offset.
      const flat = np.concatenate([np.zeros([3], dtype), base.ravel()]);
      return flat.get('3:').reshape(shape);
    }
    case 'reversed':
      return shape.length === 0 ? base : base.get(all('::-1')).copy().get(all('::-1'));
    case 'strided': {
      if (shape.length === 0) return base;
      const big = np.zeros([...shape.slice(0, -1), 2 * shape[shape.length - 1]], dtype);
      big.set('..., ::2', base);
      return big.get('..., ::2');
    }
    case 'transposed':
      return base.T.copy().T;
    case 'broadcast':
      // One value broadcast to the shape (stride 0 everywhere), as a sum's VJP makes.
      return np.broadcastTo(np.array(vals.length > 0 ? vals[0] : 1).astype(dtype), shape);
    case 'newaxis':
      // A size-1 axis of stride 0 in front (not C-order strides: the general path).
      return base.get(null);
  }
}

/** Bitwise equality of two results (dtype, shape, each element with Object.is; complex by parts). */
function expectSame(actual: NDArray, expected: NDArray): void {
  expect(actual.dtype).toBe(expected.dtype);
  expect([...actual.shape]).toEqual([...expected.shape]);
  const a = actual.tolist();
  const e = expected.tolist();
  const flat = (x: unknown): unknown[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
  const fa = flat(a);
  const fe = flat(e);
  expect(fa.length).toBe(fe.length);
  for (let i = 0; i < fa.length; i++) {
    const x = fa[i];
    const y = fe[i];
    if (x instanceof Complex && y instanceof Complex) {
      if (!Object.is(x.re, y.re) || !Object.is(x.im, y.im)) expect(`${x}`).toBe(`${y}`);
    } else if (!Object.is(x, y)) expect(x).toBe(y);
  }
}

/**
 * The call's result, or null when it raises for other dtypes (bool subtract,
 * integer overflow: errors of the general path, tested elsewhere). On float64
 * operands, where the fast paths run, none of the ops tested here raises.
 */
function attempt(call: () => NDArray, float64: boolean): NDArray | null {
  try {
    return call();
  } catch (e) {
    if (float64) throw e;
    return null;
  }
}

/** The general path of the same call: `out` of the result's shape and dtype. */
const outLike = (r: NDArray): NDArray => np.zeros([...r.shape], r.dtype);

type Bin = (a: unknown, b: unknown, opts?: { out?: NDArray }) => NDArray;
const BINARY: [string, Bin][] = [
  ['add', np.add as Bin], ['subtract', np.subtract as Bin], ['multiply', np.multiply as Bin], ['divide', np.divide as Bin],
  ['power', np.power as Bin], ['maximum', np.maximum as Bin], ['fmin', np.fmin as Bin], ['arctan2', np.arctan2 as Bin],
  ['less', np.less as Bin], ['equal', np.equal as Bin], ['floorDivide', np.floorDivide as Bin], ['hypot', np.hypot as Bin],
];
type Un = (x: unknown, opts?: { out?: NDArray }) => NDArray;
const UNARY: [string, Un][] = [
  ['exp', np.exp as Un], ['log', np.log as Un], ['sqrt', np.sqrt as Un], ['negative', np.negative as Un], ['abs', np.abs as Un],
  ['square', np.square as Un], ['tanh', np.tanh as Un], ['isnan', np.isnan as Un], ['sign', np.sign as Un], ['floor', np.floor as Un],
];

/** Shapes that broadcast against `s`, including the fast paths' cases (same shape, size-1, 0-d) and others. */
const partnerShape = (s: number[], pick: number): number[] => {
  switch (pick % 8) {
    case 0:
    case 1:
      return s;
    case 2:
      return [];
    case 3:
      return s.length > 0 ? [1] : [];
    case 4:
      return s.map(() => 1); // size-1, same ndim
    case 5:
      return [1, ...s]; // adds a dimension in front (general path)
    case 6:
      return s.length > 0 ? [1, ...s.slice(1)] : []; // a row with a leading 1
    default:
      return s.slice(1); // trailing shape (row broadcasting)
  }
};

const arbShape = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 });
const arbDType = fc.constantFrom<DT>('float64', 'float64', 'float64', 'float32', 'int32', 'uint8', 'bool', 'complex128');
const arbLayout = fc.constantFrom<Layout>(...LAYOUTS);
const size = (s: number[]): number => s.reduce((p, d) => p * d, 1);

describe('small-array fast paths agree with the general path', () => {
  it('binary ufuncs: array ∘ array over layouts, broadcasting shapes and dtypes', () => {
    fc.assert(
      fc.property(
        arbShape, fc.nat(), fc.nat(), arbDType, arbDType, arbLayout, arbLayout, fc.nat({ max: BINARY.length - 1 }), fc.boolean(),
        (shape, pick, seed, da, db, la, lb, k, swap) => {
          const other = partnerShape(shape, pick);
          const a0 = make(shape, values(size(shape), seed), da, la);
          const b0 = make(other, values(size(other), seed + 7), db, lb);
          const [a, b] = swap ? [b0, a0] : [a0, b0];
          const [, f] = BINARY[k];
          const r = attempt(() => f(a, b), a.dtype === 'float64' && b.dtype === 'float64');
          if (r !== null) expectSame(r, f(a, b, { out: outLike(r) }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('binary ufuncs: float64 operands in the layouts the fast paths take (C order, at an offset, a broadcast value)', () => {
    const fastLayout = fc.constantFrom<Layout>('canonical', 'offset', 'broadcast');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), fastLayout, fastLayout,
        fc.nat({ max: BINARY.length - 1 }), fc.boolean(),
        (shape, pick, seed, la, lb, k, swap) => {
          const other = partnerShape(shape, pick);
          const a0 = make(shape, values(size(shape), seed), 'float64', la);
          const b0 = make(other, values(size(other), seed + 7), 'float64', lb);
          const [a, b] = swap ? [b0, a0] : [a0, b0];
          const [, f] = BINARY[k];
          const r = f(a, b);
          expectSame(r, f(a, b, { out: outLike(r) }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('binary ufuncs: float64 array ∘ JS number and number ∘ array', () => {
    fc.assert(
      fc.property(
        arbShape, fc.nat(), arbDType, arbLayout, fc.constantFrom(...SPECIALS, 7, -3, 0.1, true), fc.nat({ max: BINARY.length - 1 }), fc.boolean(),
        (shape, seed, dt, layout, v, k, left) => {
          const x = make(shape, values(size(shape), seed), dt, layout);
          const [, f] = BINARY[k];
          const call = (opts?: { out?: NDArray }) => (left ? f(v, x, opts) : f(x, v, opts));
          const r = attempt(() => call(), dt === 'float64');
          if (r !== null) expectSame(r, call({ out: outLike(r) }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('ufuncs of JS numbers: int32 for integers in range (float64 when the result overflows), else float64', () => {
    const NUMBERS = [...SPECIALS, 7, -3, 0.1, 46341, 100000, 2147483647, -2147483648, 3e9, -1e10, 2 ** 53];
    const call = (f: () => NDArray): NDArray | Error => {
      try {
        return f();
      } catch (e) {
        return e as Error;
      }
    };
    const same = (r: NDArray | Error, ref: NDArray | Error): void => {
      if (r instanceof Error || ref instanceof Error) {
        expect(String(r)).toBe(String(ref));
        return;
      }
      expectSame(r, ref);
    };
    fc.assert(
      fc.property(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS), fc.nat({ max: BINARY.length - 1 }), fc.nat({ max: UNARY.length - 1 }), (x, y, kb, ku) => {
        const [, f] = BINARY[kb];
        // An options object, even empty, takes the general path (0-d operands, the overflow fallback).
        same(call(() => f(x, y)), call(() => f(x, y, {})));
        const [, g] = UNARY[ku];
        same(call(() => g(x)), call(() => g(x, {})));
      }),
      { numRuns: 800 },
    );
    expect(np.add(1, 2).dtype).toBe('int32');
    expect(np.multiply(100000, 100000).dtype).toBe('float64'); // int32 overflow: computed in float64
    expect(np.multiply(100000, 100000).item()).toBe(1e10);
    expect(np.square(100000).item()).toBe(1e10);
    expect(np.sqrt(2).dtype).toBe('float64');
    expect(np.less(1, 2).item()).toBe(1);
    expect(() => np.power(2, -1)).toThrow('Integers to negative integer powers are not allowed.');
  });

  it('unary ufuncs over layouts and dtypes', () => {
    fc.assert(
      fc.property(arbShape, fc.nat(), arbDType, arbLayout, fc.nat({ max: UNARY.length - 1 }), (shape, seed, dt, layout, k) => {
        const x = make(shape, values(size(shape), seed), dt, layout);
        const [, f] = UNARY[k];
        const r = attempt(() => f(x), dt === 'float64');
        if (r !== null) expectSame(r, f(x, { out: outLike(r) }));
      }),
      { numRuns: 400 },
    );
  });

  it('full sums, means, max and min: the unplanned result equals the planned one (a stride-0 size-1 axis takes the planner)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 0, maxLength: 3 }), fc.nat(), arbLayout, (shape, seed, layout) => {
        const x = make(shape, values(size(shape), seed), 'float64', layout);
        const planned = x.get(null); // (1, ...shape) with stride 0 in front: not C-order strides
        expect(Object.is(np.sum(x), np.sum(planned))).toBe(true);
        expect(Object.is(np.mean(x), np.mean(planned))).toBe(true);
        expect(Object.is(np.sum(x), np.sum(x, { dtype: 'float64' }))).toBe(true); // the primitive's own shortcut (reduceImpl)
        if (x.size > 0) {
          expect(Object.is(np.max(x), np.max(planned))).toBe(true);
          expect(Object.is(np.min(x), np.min(planned))).toBe(true);
        } else expect(() => np.max(x)).toThrow('zero-size array to reduction operation maximum which has no identity');
      }),
      { numRuns: 300 },
    );
  });

  it('sums of 1000+ elements keep NumPy’s pairwise order (not a running sum)', () => {
    const x = np.array(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1e16 : i % 3 === 1 ? 1 : -1e16)));
    let naive = 0;
    for (const v of x.toArray()) naive += v;
    expect(np.sum(x)).toBe(np.sum(x.get(null)));
    expect(np.sum(x)).not.toBe(naive);
  });

  it('results are fresh C-ordered arrays that do not alias their inputs', () => {
    const a = np.linspace(0, 1, 12);
    const b = np.linspace(1, 2, 12);
    for (const r of [np.add(a, b), np.multiply(a, 2), np.subtract(1, a), np.exp(a), np.less(a, b), np.add(a, np.array(1.5))]) {
      expect(r.isContiguous).toBe(true);
      expect(r.offset).toBe(0);
      expect(r.base).toBe(null);
      r.fill(7);
    }
    expect(a.toArray()).toEqual(np.linspace(0, 1, 12).toArray());
    expect(b.toArray()).toEqual(np.linspace(1, 2, 12).toArray());
    // Shapes are shared with the input, not mutated through it.
    const r = np.add(a, 1);
    expect(r.shape).toEqual([12]);
    expect(a.reshape(3, 4).shape).toEqual([3, 4]);
    expect(r.shape).toEqual([12]);
  });

  it('a JS number beside a float64 array is a weak float64 scalar, booleans and Complex take the general path', () => {
    const a = np.array([1.5, -2, 0]);
    expect(np.multiply(a, 2).dtype).toBe('float64');
    expect(np.add(a, true).toArray()).toEqual([2.5, -1, 1]);
    expect(np.add(a, new Complex(0, 1)).dtype).toBe('complex128');
    expect(np.multiply(np.array([1, 2], 'float32'), 2.5).dtype).toBe('float32');
    expect(np.multiply(np.array([1, 2]), 2).dtype).toBe('int32');
    expect(np.less(a, 0).dtype).toBe('bool');
    expect(np.less(a, 0).tolist()).toEqual([false, true, false]);
  });
});
