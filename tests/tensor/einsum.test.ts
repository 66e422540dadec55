/**
 * einsum and einsumPath against NumPy (tests/fixtures/tensor/einsum.json from
 * scripts/fixtures/tensor_einsum.py): 79 valid specs (implicit/explicit,
 * ellipsis, traces and diagonals, 1–5 operands, size-1 broadcasting, all
 * dtypes, strided inputs) under three optimize settings; 20 invalid specs with
 * NumPy's messages; 16 einsum_path plans and reports, character for character.
 * Tolerance: rtol 1e-10, atol 1e-12 (float32: rtol 2e-6), since the pairwise
 * GEMM order of additions differs from NumPy's single loop.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { ValueError } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';
import { decode, tolFor, type EncodedArray } from './fixtureArrays';

interface Valid { subscripts: string; operands: EncodedArray[]; optimize?: string | boolean; expected: EncodedArray }
interface Invalid { subscripts: string; operands: EncodedArray[]; error: { type: string; message: string } }
interface PathCase { subscripts: string; shapes: number[][]; optimize: 'greedy' | 'optimal'; path: unknown[]; report: string }
const fx = loadFixture<{ valid: Valid[]; invalid: Invalid[]; paths: PathCase[] }>('tensor/einsum.json');

function check(c: Valid, optimize: np.EinsumOptions['optimize']): void {
  const ops = c.operands.map(decode);
  const r = np.einsum(c.subscripts, ...ops, { optimize });
  const want = decode(c.expected);
  if (r instanceof np.NDArray) expect(r.dtype).toBe(want.dtype);
  expectAllClose(r, want, tolFor(want.dtype));
}

describe('einsum matches NumPy', () => {
  it('has at least 60 specs', () => {
    expect(fx.valid.length + fx.invalid.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of fx.valid) {
    const shapes = c.operands.map((o) => `${o.dtype}${JSON.stringify(o.shape)}${o.view ? `[${o.view}]` : ''}`).join(' ');
    it(`'${c.subscripts}' ${shapes}${c.optimize !== undefined ? ` optimize=${c.optimize}` : ''}`, () => {
      if (c.optimize !== undefined) check(c, c.optimize as np.EinsumOptions['optimize']);
      else for (const opt of ['greedy', 'optimal', false] as const) check(c, opt);
    });
  }
});

describe('einsum rejects invalid specs with NumPy\'s messages', () => {
  for (const c of fx.invalid) {
    it(`'${c.subscripts}' → ${c.error.message.slice(0, 60)}`, () => {
      const ops = c.operands.map(decode);
      let caught: unknown = null;
      try {
        np.einsum(c.subscripts, ...ops);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ValueError);
      expect((caught as Error).message).toContain(c.error.message);
    });
  }
});

describe('einsumPath matches NumPy', () => {
  for (const c of fx.paths) {
    it(`${c.subscripts} ${c.optimize}`, () => {
      const ops = c.shapes.map((s) => np.ones(s));
      const [path, report] = np.einsumPath(c.subscripts, ...ops, { optimize: c.optimize });
      expect(path).toEqual(c.path);
      expect(report).toBe(c.report);
      // Executing the plan gives the same values as the naive left-to-right order.
      expectAllClose(np.einsum(c.subscripts, ...ops, { optimize: path }), np.einsum(c.subscripts, ...ops, { optimize: false }), { rtol: 1e-12 });
    });
  }
});

describe('einsum options and forms', () => {
  const a = np.arange(6).reshape(2, 3).astype('float64');
  const b = np.arange(12).reshape(3, 4).astype('float64');
  it('accepts the sublist form', () => {
    expectAllClose(np.einsum(a, [0, 1], b, [1, 2], [0, 2]), np.matmul(a, b));
    expectAllClose(np.einsum(a, ['...', 1], b, [1, 2]), np.matmul(a, b));
  });
  it('writes into out and casts with dtype', () => {
    const out = np.zeros([2, 4]);
    expect(np.einsum('ij,jk->ik', a, b, { out })).toBe(out);
    expectAllClose(out, np.matmul(a, b));
    const r = np.einsum('ij,jk->ik', np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4), { dtype: 'float32' });
    expect(r.dtype).toBe('float32');
  });
  it('writes a view of an operand into that operand correctly', () => {
    const m = np.arange(9).reshape(3, 3).astype('float64');
    np.einsum('ij->ji', m, { out: m });
    expectAllClose(m, [[0, 3, 6], [1, 4, 7], [2, 5, 8]]);
  });
  it('returns numbers for 0-d results and views for permutations', () => {
    expect(np.einsum('i,i', [1, 2, 3], [4, 5, 6])).toBe(32);
    const t = np.einsum('ij->ji', a);
    expect(t.data).toBe(a.data);
  });
  it('accepts an explicit path and a memory limit', () => {
    const ops = [np.ones([2, 3]), np.ones([3, 4]), np.ones([4, 5])];
    expectAllClose(np.einsum('ij,jk,kl->il', ...ops, { optimize: ['einsum_path', [1, 2], [0, 1]] }), np.full([2, 5], 12));
    expectAllClose(np.einsum('ij,jk,kl->il', ...ops, { optimize: ['greedy', 10] }), np.full([2, 5], 12));
  });
  it('rejects bad options', () => {
    const ops = [np.ones([2, 3]), np.ones([3, 4]), np.ones([4, 5])];
    expect(() => np.einsum('ij,jk,kl->il', ...ops, { optimize: ['einsum_path', [0, 1]] })).toThrow(/more operands has to be contracted/);
    expect(() => np.einsum('ij,jk,kl->il', ...ops, { optimize: ['einsum_path', [0, 7]] })).toThrow(ValueError);
    expect(() => np.einsum('ij,jk,kl->il', ...ops, { optimize: 'fastest' as never })).toThrow(/Path name fastest not found/);
    expect(() => np.einsum('ij,jk->ik', a, b, { out: np.zeros([2, 5]) })).toThrow(ValueError);
    expect(() => np.einsum(a, [0, 99])).toThrow(/valid range/);
    expect(() => np.einsum()).toThrow(/No input operands/);
    expect(() => np.einsumPath('ij,jk', np.ones([2, 3]), np.ones([4, 5]))).toThrow(ValueError);
  });
});
