/**
 * Reductions against NumPy (tests/fixtures/ops/reduce.json, scripts/fixtures/ops_reduce.py):
 * 23 reductions × 12 inputs (float64 of wildly varying magnitude and its reversed, strided
 * and transposed views, NaN-holding, float32, int, bool, complex, 0-d, empty) × axis None,
 * 0, -1, (0, 2), (1,) with and without keepdims, plus long 1-D sums around the pairwise block
 * sizes. numts follows NumPy's pairwise algorithm and iteration order, so real results are
 * compared bit for bit (signed zeros included); complex products and complex var/std get
 * rtol 1e-15 (NumPy's build contracts complex products into FMAs).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { loadFixture } from '../helpers';
import { expectArray, expectCase, operand, type EncArray, type EncOperand, type Expected, type Tol } from './opsFixtures';

interface Case {
  func: string;
  data: string;
  axis: number | number[] | null;
  keepdims: boolean;
  out: Expected;
}
interface LongCase {
  n: number;
  view: string | null;
  sum: EncArray;
  mean: EncArray;
  var: EncArray;
  f32sum: EncArray;
}
const fixture = loadFixture<{ data: Record<string, EncOperand>; cases: Case[]; long: LongCase[] }>('ops/reduce.json');

type Opts = { axis?: number | number[] | null; keepdims?: boolean; ddof?: number };
const FUNCS: Record<string, (x: np.NDArray, o: Opts) => unknown> = {
  sum: (x, o) => np.sum(x, o as never),
  prod: (x, o) => np.prod(x, o as never),
  mean: (x, o) => np.mean(x, o as never),
  var: (x, o) => np.var(x, o as never),
  var_ddof1: (x, o) => np.var(x, { ...o, ddof: 1 } as never),
  std: (x, o) => np.std(x, o as never),
  std_ddof1: (x, o) => np.std(x, { ...o, ddof: 1 } as never),
  max: (x, o) => np.max(x, o as never),
  min: (x, o) => np.min(x, o as never),
  all: (x, o) => np.all(x, o as never),
  any: (x, o) => np.any(x, o as never),
  ptp: (x, o) => np.ptp(x, o as never),
  nansum: (x, o) => np.nansum(x, o as never),
  nanprod: (x, o) => np.nanprod(x, o as never),
  nanmean: (x, o) => np.nanmean(x, o as never),
  nanvar: (x, o) => np.nanvar(x, o as never),
  nanstd_ddof1: (x, o) => np.nanstd(x, { ...o, ddof: 1 } as never),
  nanmax: (x, o) => np.nanmax(x, o as never),
  nanmin: (x, o) => np.nanmin(x, o as never),
  argmax: (x, o) => np.argmax(x, o as never),
  argmin: (x, o) => np.argmin(x, o as never),
  cumsum: (x, o) => np.cumsum(x, { axis: o.axis as number | null }),
  cumprod: (x, o) => np.cumprod(x, { axis: o.axis as number | null }),
};

function tolerance(c: Case): Tol {
  if (c.data === 'complex' && /prod|var|std/.test(c.func)) return { rtol: 1e-14, atol: 1e-300 };
  return { exact: true };
}

/** Integer products beyond int32: NumPy's int64 holds them, numts' int32 stand-in cannot (documented). */
function beyondInt32(c: Case): boolean {
  return 'data' in c.out && c.out.dtype === 'int32' && c.out.data.some((v) => typeof v === 'number' && Math.abs(v) > 2147483647);
}

describe('reductions match NumPy bit for bit', () => {
  const byFunc = new Map<string, Case[]>();
  for (const c of fixture.cases) byFunc.set(c.func, [...(byFunc.get(c.func) ?? []), c]);
  for (const [func, list] of byFunc) {
    it(`${func} (${list.length} cases)`, () => {
      const f = FUNCS[func];
      expect(f, func).toBeDefined();
      for (const c of list) {
        if (beyondInt32(c)) continue;
        const x = operand(fixture.data[c.data]) as np.NDArray;
        const opts: Opts = c.axis === null ? {} : { axis: c.axis, keepdims: c.keepdims };
        expectCase(() => f(x, opts), c.out, tolerance(c), `${func}(${c.data}, axis=${JSON.stringify(c.axis)}, keepdims=${c.keepdims})`);
      }
    });
  }
});

/** The fixture's deterministic long inputs (ops_reduce.py `long_data`), reproduced exactly. */
function longData(n: number): np.NDArray {
  const pow10 = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = ((i * 2654435761) % 1000003) / 1000003 * pow10[(i * 7) % 13];
    d[i] = i % 3 === 0 ? -v : v;
  }
  return np.array(d);
}

describe('long sums around the pairwise block sizes', () => {
  it('sum, mean, var and float32 sum of 1 … 100003 elements (contiguous, reversed, stride 3)', () => {
    for (const c of fixture.long) {
      const base = longData(c.n);
      const x = c.view === null ? base : base.get(c.view);
      const label = `n=${c.n} view=${c.view}`;
      expectArray(np.array(np.sum(x), 'float64'), c.sum, { exact: true }, `sum ${label}`);
      expectArray(np.array(np.mean(x), 'float64'), c.mean, { exact: true }, `mean ${label}`);
      expectArray(np.array(np.var(x), 'float64'), c.var, { exact: true }, `var ${label}`);
      expectArray(np.array(np.sum(x.astype('float32')), 'float32'), c.f32sum, { exact: true }, `float32 sum ${label}`);
    }
  });
});

describe('reduction options', () => {
  it('returns numbers for full reductions and arrays otherwise', () => {
    expect(np.sum([[1, 2], [3, 4]])).toBe(10);
    expect(np.sum([[1, 2], [3, 4]], { axis: 0 }).toArray()).toEqual([4, 6]);
    expect(np.sum([[1, 2], [3, 4]], { axis: null, keepdims: true }).shape).toEqual([1, 1]);
    expect(np.all([1, 2])).toBe(true);
    expect(np.argmax([1, 3, 2])).toBe(1);
  });
  it('writes into out', () => {
    const out = np.zeros([2]);
    expect(np.sum([[1, 2], [3, 4]], { axis: 1, out })).toBe(out);
    expect(out.toArray()).toEqual([3, 7]);
    const m = np.zeros([2]);
    np.mean([[1, 2], [3, 4]], { axis: 0, out: m });
    expect(m.toArray()).toEqual([2, 3]);
    const am = np.zeros([2], 'int32');
    np.argmax([[1, 2], [4, 3]], { axis: 1, out: am } as never);
    expect(am.toArray()).toEqual([1, 0]);
  });
  it('accumulates in the dtype option', () => {
    expect(np.sum(np.array([0.5, 1.5, 2.5]), { dtype: 'int32' })).toBe(3);
    expect(np.sum([true, true, false])).toBe(2);
    expect(np.sum(np.array([[1, 2]], 'uint8'), { axis: 0 }).dtype).toBe('int32');
    expect(np.cumsum([true, true]).dtype).toBe('int32');
  });
  it('gives NaN for the mean and var of nothing and 0/1 for the sum/prod of nothing', () => {
    expect(np.mean([])).toBeNaN();
    expect(np.var(np.zeros([0]))).toBeNaN();
    expect(np.sum([])).toBe(0);
    expect(np.prod([])).toBe(1);
    expect(np.var([1], { ddof: 1 })).toBeNaN();
  });
});

describe('reduction bad input', () => {
  const all = Object.entries(FUNCS);
  it('every reduction rejects an axis out of range with NumPy\'s AxisError', () => {
    for (const [name, f] of all) expect(() => f(np.zeros([2, 3]), { axis: 2 }), name).toThrow('axis 2 is out of bounds for array of dimension 2');
  });
  it('every reduction rejects non-array input', () => {
    for (const [name, f] of all) expect(() => f({} as never, {}), name).toThrow(np.NumtsError);
  });
  it('max/min/argmax of an empty array raise ValueError', () => {
    expect(() => np.max([])).toThrow('zero-size array to reduction operation maximum which has no identity');
    expect(() => np.argmin([])).toThrow('attempt to get argmin of an empty sequence');
    expect(() => np.nanmax(np.zeros([0, 2]), { axis: 0 })).toThrow(np.ValueError);
  });
  it('rejects repeated axes, tuple axes for argmax/cumsum, and bad ddof', () => {
    expect(() => np.sum(np.zeros([2, 2]), { axis: [0, 0] })).toThrow("duplicate value in 'axis'");
    expect(() => np.argmax(np.zeros([2, 2]), { axis: [0, 1] as never })).toThrow(np.NumtsError);
    expect(() => np.cumsum(np.zeros([2, 2]), { axis: [0] as never })).toThrow(np.NumtsError);
    expect(() => np.var([1, 2], { ddof: 'x' as never })).toThrow(np.NumtsError);
    expect(() => np.sum([1, 2], 5 as never)).toThrow(np.NumtsError);
  });
  it('rejects an out of the wrong shape', () => {
    expect(() => np.sum(np.zeros([2, 3]), { axis: 0, out: np.zeros([2]) })).toThrow(np.ShapeError);
  });
});
