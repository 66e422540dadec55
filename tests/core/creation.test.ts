/**
 * Creation against NumPy (tests/fixtures/core/creation.json, scripts/fixtures/core_creation.py):
 * np.array inference and ragged errors, arange (NumPy's start + i*delta fill), linspace, logspace, eye,
 * full, *Like, tri/triu/tril (stacked), diag both ways with k, diagflat, meshgrid, indices. Exact comparison
 * (dtype, shape and every bit) except logspace (pow rounding: rtol 1e-15).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { Complex } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';
import { decode, expectFixture, num, type Enc } from './fixtureArrays';

interface Case {
  name: string;
  call: [string, ...any[]];
  expected: Enc;
}
const cases = loadFixture<Case[]>('core/creation.json');

/** Fixture values back to JS: {re, im} → Complex, "-0" → -0. */
function js(v: any): any {
  if (Array.isArray(v)) return v.map(js);
  if (v !== null && typeof v === 'object' && 're' in v) return new Complex(num(v.re), num(v.im));
  if (v === '-0') return -0;
  return v;
}

const CALLS: Record<string, (...a: any[]) => unknown> = {
  array: (v, dtype) => np.array(v, dtype),
  arange: (...a) => np.arange(a[0], a[1], a[2], a[3]),
  linspace: (a, b, n, kw) => np.linspace(a, b, n, kw),
  logspace: (a, b, n, kw) => np.logspace(a, b, n, kw),
  eye: (...a) => np.eye(a[0], a[1], a[2], a[3]),
  identity: (n) => np.identity(n),
  full: (s, v, d) => np.full(s, v, d),
  zeros: (s, d) => np.zeros(s, d),
  ones: (s, d) => np.ones(s, d),
  zerosLike: (a) => np.zerosLike(a),
  onesLike: (a) => np.onesLike(a),
  fullLike: (a, v) => np.fullLike(a, v),
  tri: (...a) => np.tri(a[0], a[1], a[2]),
  tril: (m, k) => np.tril(m, k),
  triu: (m, k) => np.triu(m, k),
  diag: (v, k) => np.diag(v, k),
  diagflat: (v, k) => np.diagflat(v, k),
  meshgrid: (xs, kw) => np.meshgrid(...xs, kw),
  indices: (s) => np.indices(s),
};

describe('creation matches NumPy', () => {
  it(`replays ${cases.length} NumPy calls exactly`, () => {
    for (const c of cases) {
      const [fn, ...args] = c.call;
      const f = CALLS[fn];
      expect(f, fn).toBeDefined();
      if (fn === 'logspace' && !('error' in c.expected) && !('list' in c.expected)) {
        expectAllClose(f(...js(args)), decode(c.expected), { rtol: 1e-15 });
        continue;
      }
      expectFixture(() => f(...js(args)), c.expected, c.name);
    }
  });
});

describe('np.array', () => {
  it('keeps typed arrays and NDArrays as elements', () => {
    expect(np.array(new Float32Array([1.5, 2])).dtype).toBe('float32');
    expect(np.array(new Uint8Array([1, 2])).dtype).toBe('uint8');
    expect(np.array([new Int32Array([1, 2]), new Int32Array([3, 4])]).tolist()).toEqual([[1, 2], [3, 4]]);
    const rows = [np.array([1, 2]), np.array([3.5, 4])];
    const m = np.array(rows);
    expect(m.dtype).toBe('float64');
    expect(m.tolist()).toEqual([[1, 2], [3.5, 4]]);
    expect(np.array([np.array(1), 2.5]).tolist()).toEqual([1, 2.5]);
    expect(() => np.array([np.array([1, 2]), np.array([3])])).toThrow(np.ValueError);
  });
  it('copies: the result never aliases its input', () => {
    const a = np.array([1, 2, 3]);
    const b = np.array(a);
    b.set(0, 9);
    expect(a.get(0)).toBe(1);
    const t = new Float64Array([1, 2]);
    const c = np.array(t);
    c.set(0, 5);
    expect(t[0]).toBe(1);
  });
  it('asarray does not copy an NDArray of the right dtype', () => {
    const a = np.array([1, 2]);
    expect(np.asarray(a)).toBe(a);
    expect(np.asarray(a, 'float64')).not.toBe(a);
  });
  it('rejects values that are not numbers, booleans, Complex or arrays', () => {
    expect(() => np.array(['a'] as never)).toThrow(/cannot convert string a/);
    expect(() => np.array([null] as never)).toThrow(np.NumtsError);
    expect(() => np.array([1, undefined] as never)).toThrow(np.NumtsError);
    expect(() => np.array([new Complex(1, 1)], 'float64')).toThrow(np.NumtsError);
  });
});

describe('bad input', () => {
  it('shapes and sizes', () => {
    expect(() => np.zeros([-1])).toThrow('negative dimensions are not allowed');
    expect(() => np.zeros([2.5])).toThrow(/cannot be interpreted as an integer/);
    expect(() => np.ones([-2, 1])).toThrow(np.ValueError);
    expect(() => np.full([-1], 1)).toThrow(np.ValueError);
    expect(() => np.empty([-1])).toThrow(np.ValueError);
    expect(() => np.eye(-1)).toThrow('negative dimensions are not allowed');
    expect(() => np.identity(-2)).toThrow(np.ValueError);
    expect(() => np.tri(-1)).toThrow(np.ValueError);
    expect(() => np.tri(2.5)).toThrow(/cannot be interpreted as an integer/);
    expect(() => np.zerosLike([[1], [2, 3]] as never)).toThrow(np.ValueError);
    expect(() => np.onesLike([[1], [2, 3]] as never)).toThrow(np.ValueError);
    expect(() => np.fullLike([[1], [2, 3]] as never, 0)).toThrow(np.ValueError);
    expect(() => np.emptyLike([[1], [2, 3]] as never)).toThrow(np.ValueError);
  });
  it('ranges', () => {
    expect(() => np.arange(0, 5, 0)).toThrow('division by zero');
    expect(() => np.arange(NaN)).toThrow('arange: cannot compute length');
    expect(() => np.arange(0, 1e20)).toThrow('Maximum allowed size exceeded');
    expect(() => np.linspace(0, 1, -1)).toThrow('Number of samples, -1, must be non-negative.');
    expect(() => np.linspace(0, 1, 2.5)).toThrow(/cannot be interpreted as an integer/);
    expect(() => np.logspace(0, 1, -1)).toThrow(np.ValueError);
  });
  it('matrices and grids', () => {
    expect(() => np.diag(np.zeros([2, 2, 2]))).toThrow('Input must be 1- or 2-d.');
    expect(() => np.diag(5)).toThrow('Input must be 1- or 2-d.');
    expect(() => np.diag([1, 2], 0.5)).toThrow(np.NumtsError);
    expect(() => np.diagflat([[1], [2, 3]] as never)).toThrow(np.ValueError);
    expect(() => np.tril(5)).toThrow(np.ValueError);
    expect(() => np.triu(5)).toThrow(np.ValueError);
    expect(() => np.meshgrid([1], [2], { indexing: 'xx' as never })).toThrow("Valid values for `indexing` are 'xy' and 'ij'.");
    expect(() => np.indices([-1])).toThrow(np.NumtsError);
    expect(() => np.fromFunction(() => [[1], [2, 3]] as never, [2])).toThrow(np.ValueError);
  });
});

describe('fromFunction', () => {
  it('calls the function with float coordinate grids', () => {
    const r = np.fromFunction((i, j) => i.mul(10).add(j), [2, 3]);
    expect(r.dtype).toBe('float64');
    expect(r.tolist()).toEqual([[0, 1, 2], [10, 11, 12]]);
    expect(np.fromFunction((i) => i, [3], { dtype: 'int32' }).tolist()).toEqual([0, 1, 2]);
  });
});
