/**
 * round, clip and nanToNum against NumPy (tests/fixtures/ops/misc.json,
 * scripts/fixtures/ops_misc.py), all compared bit for bit (signed zeros
 * included): np.round on float64/float32/int/uint8/complex/0-d inputs with
 * decimals -4 … 12 (NumPy's scale-rint-unscale, ties to even, -0 kept);
 * clip with scalar/array/None/NaN bounds and lo > hi; nan_to_num defaults,
 * custom values, float32, complex and integer input.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { loadFixture } from '../helpers';
import { decode } from '../core/fixtureArrays';
import { expectCase, type EncArray, type Expected } from './opsFixtures';

interface RoundCase { input: string; decimals: number; x: EncArray; out: Expected }
interface ClipCase { case: string; x: EncArray; lo: EncArray | { scalar: number } | null; hi: EncArray | { scalar: number } | null; out: Expected }
interface NanCase { case: string; x: EncArray; opts: { nan?: number; posinf?: number; neginf?: number }; out: Expected }
const fx = loadFixture<{ round: RoundCase[]; clip: ClipCase[]; nanToNum: NanCase[] }>('ops/misc.json');

const bound = (b: ClipCase['lo']): np.ArrayLike | null => (b === null ? null : 'scalar' in b ? b.scalar : decode(b));

describe('round matches np.round bit for bit', () => {
  it(`${fx.round.length} cases`, () => {
    for (const c of fx.round) {
      const x = decode(c.x);
      expectCase(() => np.round(x, c.decimals), c.out, { exact: true }, `round(${c.input}, ${c.decimals})`);
      if (!('error' in c.out)) expectCase(() => x.round(c.decimals), c.out, { exact: true }, `${c.input}.round(${c.decimals})`);
    }
  });
  it('keeps -0 and rounds ties to even', () => {
    expect(Object.is(np.round([-0.4]).item(), -0)).toBe(true);
    expect(np.round([0.5, 1.5, 2.5, 3.5, -2.5]).toArray()).toEqual([0, 2, 2, 4, -2]);
    expect(np.rint([0.5, -1.5]).toArray()).toEqual([0, -2]);
  });
  it('writes into out', () => {
    const out = np.zeros([2]);
    expect(np.round([1.26, 2.71], 1, { out })).toBe(out);
    expect(out.toArray()).toEqual([1.3, 2.7]);
  });
  it('rejects non-integer decimals and a dtype option', () => {
    expect(() => np.round([1.5], 1.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => np.round([1.5], '1' as never)).toThrow(np.NumtsError);
    expect(() => np.round([1.5], 0, { dtype: 'float32' })).toThrow(np.DTypeError);
    expect(() => np.round({} as never)).toThrow(np.NumtsError);
  });
});

describe('clip matches np.clip bit for bit', () => {
  it(`${fx.clip.length} cases`, () => {
    for (const c of fx.clip) {
      const x = decode(c.x);
      expectCase(() => np.clip(x, bound(c.lo), bound(c.hi)), c.out, { exact: true }, `clip(${c.case})`);
    }
  });
  it('is a method, writes into out, and differentiates like min(max(x, lo), hi)', () => {
    const x = np.array([-1, 0.5, 2]);
    expect(x.clip(0, 1).toArray()).toEqual([0, 0.5, 1]);
    const out = np.zeros([3]);
    np.clip(x, 0, 1, { out });
    expect(out.toArray()).toEqual([0, 0.5, 1]);
  });
  it('rejects missing bounds and non-array input', () => {
    expect(() => np.clip([1, 2], 0, undefined as never)).toThrow(np.ValueError);
    expect(() => np.clip({} as never, 0, 1)).toThrow(np.NumtsError);
    expect(() => np.clip(np.zeros([2, 3]), np.zeros([4]), 1)).toThrow(np.ShapeError);
  });
});

describe('nanToNum matches np.nan_to_num', () => {
  it(`${fx.nanToNum.length} cases`, () => {
    for (const c of fx.nanToNum) {
      const x = decode(c.x);
      expectCase(() => np.nanToNum(x, c.opts), c.out, { exact: true }, `nanToNum(${c.case})`);
    }
  });
  it('copies by default and writes in place with copy: false', () => {
    const x = np.array([NaN, 1]);
    const y = np.nanToNum(x);
    expect(y).not.toBe(x);
    expect(Number.isNaN(x.item(0))).toBe(true);
    expect(np.nanToNum(x, { copy: false })).toBe(x);
    expect(x.toArray()).toEqual([0, 1]);
  });
  it('rejects copy: false on a non-array and non-array input', () => {
    expect(() => np.nanToNum([NaN], { copy: false })).toThrow(np.ValueError);
    expect(() => np.nanToNum({} as never)).toThrow(np.NumtsError);
  });
});
