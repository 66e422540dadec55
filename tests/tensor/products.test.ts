/**
 * matmul, dot, vdot, inner, outer, tensordot, kron, cross, trace, diagonal,
 * multiDot and matrixPower against NumPy (tests/fixtures/tensor/products.json
 * from scripts/fixtures/tensor_products.py, 111 cases incl. strided, negative-
 * stride and transposed operands, batches, empty arrays and every dtype), and
 * a bad-input test for each function. Tolerance rtol 1e-10, atol 1e-12
 * (float32 rtol 2e-6): the GEMM sums in another order than OpenBLAS.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { AxisError, DTypeError, LinAlgError, ShapeError, ValueError } from '../../src/core';
import { matrixPower, multiDot } from '../../src/tensor/chain';
import { grad } from '../../src/autodiff';
import { expectAllClose, loadFixture } from '../helpers';
import { decode, tolFor, type EncodedArray } from './fixtureArrays';

interface Case { fn: string; operands: EncodedArray[]; kwargs: Record<string, any>; expected: EncodedArray }
const { cases } = loadFixture<{ cases: Case[] }>('tensor/products.json');

const run: Record<string, (ops: np.NDArray[], kw: Record<string, any>) => unknown> = {
  matmul: ([a, b]) => np.matmul(a, b),
  dot: ([a, b]) => np.dot(a, b),
  vdot: ([a, b]) => np.vdot(a, b),
  inner: ([a, b]) => np.inner(a, b),
  outer: ([a, b]) => np.outer(a, b),
  tensordot: ([a, b], kw) => np.tensordot(a, b, kw.axes),
  kron: ([a, b]) => np.kron(a, b),
  cross: ([a, b], kw) => np.cross(a, b, kw),
  trace: ([a], kw) => np.trace(a, kw),
  diagonal: ([a], kw) => np.diagonal(a, kw),
  multiDot: (ops) => multiDot(ops),
  matrixPower: ([a], kw) => matrixPower(a, kw.n),
};

describe('products match NumPy', () => {
  for (const c of cases) {
    const shapes = c.operands.map((o) => `${o.dtype}${JSON.stringify(o.shape)}${o.view ? `[${o.view}]` : ''}`).join(' ');
    it(`${c.fn} ${shapes} ${JSON.stringify(c.kwargs)}`, () => {
      const r = run[c.fn](c.operands.map(decode), c.kwargs);
      const want = decode(c.expected);
      if (r instanceof np.NDArray) {
        expect(r.dtype).toBe(want.dtype);
        expect(r.shape).toEqual(want.shape);
      } else expect(want.ndim).toBe(0);
      expectAllClose(r, want, tolFor(want.dtype));
    });
  }
});

describe('matmul details', () => {
  const a = np.arange(6).reshape(2, 3).astype('float64');
  const b = np.arange(12).reshape(3, 4).astype('float64');
  it('writes into out (contiguous, strided and promoted shapes) and returns it', () => {
    const out = np.zeros([2, 4]);
    expect(np.matmul(a, b, { out })).toBe(out);
    expectAllClose(out, [[20, 23, 26, 29], [56, 68, 80, 92]]);
    const big = np.zeros([4, 8]);
    const view = big.get('::2, ::2');
    np.matmul(a, b, { out: view });
    expectAllClose(big.get('::2, ::2'), [[20, 23, 26, 29], [56, 68, 80, 92]]);
    expectAllClose(big.get('1::2'), np.zeros([2, 8]));
    const v = np.zeros([4]);
    np.matmul([1, 1, 1], b, { out: v });
    expectAllClose(v, [12, 15, 18, 21]);
    const i32 = np.zeros([2, 4], 'float32');
    np.matmul(a, b, { out: i32 });
    expectAllClose(i32, [[20, 23, 26, 29], [56, 68, 80, 92]]);
  });
  it('computes an out that aliases an input through a temporary', () => {
    const s = np.array([[1, 2], [3, 4]], 'float64');
    np.matmul(s, s, { out: s });
    expectAllClose(s, [[7, 10], [15, 22]]);
  });
  it('folds a stack times one matrix into one tall product only when the rows step uniformly', () => {
    const w = np.arange(12).reshape(4, 3).astype('float64');
    const perBatch = (x: np.NDArray, y: np.NDArray): np.NDArray => {
      const r = np.matmul(x, y);
      for (let t = 0; t < x.shape[0]; t++) expectAllClose(r.get(t), np.matmul(x.get(t).copy(), y.ndim === 3 ? y.get(t) : y));
      return r;
    };
    const x = np.arange(2 * 6 * 4).reshape(2, 6, 4).astype('float64');
    perBatch(x, w); // contiguous: folded
    perBatch(x.get(':, ::2'), w); // batch stride 24 ≠ 3 rows × 8: not foldable
    perBatch(x.get('::-1, 1:4'), w); // reversed batches
    perBatch(x.get(':, :1'), w); // one row per batch
    perBatch(x, np.broadcastTo(w, [2, 4, 3])); // stride-0 batch of b: folded
    perBatch(np.broadcastTo(x.get(0), [3, 6, 4]), w); // stride-0 batch of a: not folded
  });
  it('casts with dtype', () => {
    expect(np.matmul([[1, 2]], [[3], [4]], { dtype: 'float32' }).dtype).toBe('float32');
  });
  it('keeps NaN and Inf', () => {
    const r = np.matmul(np.array([[NaN, 1], [0, Infinity]]), np.array([[1, 0], [0, 1]]));
    expectAllClose(r, [[NaN, NaN], [NaN, Infinity]]);
  });
  it('is the method a.matmul(b) and a.dot(b)', () => {
    expectAllClose(a.matmul(b), np.matmul(a, b));
    expectAllClose(a.dot(b), np.matmul(a, b));
    expectAllClose(np.eye(3).trace(), 3);
    expectAllClose(np.arange(9).reshape(3, 3).diagonal(1), [1, 5]);
    expect(np.array([1, 2, 3]).dot([4, 5, 6])).toBe(32);
    expectAllClose(np.arange(8).reshape(2, 2, 2).trace(0, 1, 2), [3, 11]);
  });
  it('rejects bad input with NumPy\'s messages', () => {
    expect(() => np.matmul(a, 2)).toThrow('matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)');
    expect(() => np.matmul(np.ones([2, 3]), np.ones([2, 3]))).toThrow('matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)');
    expect(() => np.matmul(np.ones([2, 2, 3]), np.ones([3, 3, 2]))).toThrow(ShapeError);
    expect(() => np.matmul(a, b, { out: np.zeros([3, 4]) })).toThrow('matmul: Output operand 0 has a mismatch in its core dimension 0');
    expect(() => np.matmul(a, b, { out: np.zeros([5, 2, 4]) })).toThrow(ShapeError);
    expect(() => np.matmul(a, b, { out: np.zeros([2, 4], 'int32') })).toThrow(DTypeError);
    expect(() => np.matmul(a, b, { dtype: 'float16' as never })).toThrow(DTypeError);
    expect(() => np.matmul(a, b, { dtype: 'int32' })).toThrow("Cannot cast ufunc 'matmul' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    // out= would cut the derivative: refused inside a transform.
    expect(() => grad((x: np.NDArray) => np.sum(np.matmul(x, b, { out: np.zeros([2, 4]) })))(a)).toThrow(/inside a transform/);
    expect(() => grad((x: np.NDArray) => np.sum(np.dot(x, b, { out: np.zeros([2, 4]) })))(a)).toThrow(/inside a transform/);
    expect(() => grad((x: np.NDArray) => np.sum(np.einsum('ij,jk', x, b, { out: np.zeros([2, 4]) })))(a)).toThrow(/inside a transform/);
    expect(() => np.einsum('ij,jk', a, b, { dtype: 'int32' })).toThrow(DTypeError);
  });
});

describe('bad input', () => {
  it('dot', () => {
    expect(() => np.dot(np.ones([2, 3]), np.ones([4, 5]))).toThrow('shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)');
    expect(() => np.dot(np.ones(3), np.ones(4))).toThrow('shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)');
    expect(() => np.dot(np.ones([2, 3]), np.ones([3, 5]), { out: np.ones([2, 4]) })).toThrow('output array is not acceptable');
    expect(() => np.dot(np.ones([2, 3]), np.ones([3, 5]), { out: np.ones([2, 5], 'float32') })).toThrow(ValueError);
    const out = np.zeros([2, 5]);
    expect(np.dot(np.ones([2, 3]), np.ones([3, 5]), { out })).toBe(out);
    expectAllClose(out, np.full([2, 5], 3));
  });
  it('vdot, inner, outer', () => {
    expect(() => np.vdot(np.ones(3), np.ones(4))).toThrow(ValueError);
    expect(() => np.inner(np.ones(3), np.ones(4))).toThrow('shapes (3,) and (4,) not aligned');
    expect(() => np.outer([1, 2], [3, 4], { out: np.zeros([3, 3]) })).toThrow(ShapeError);
    expect(np.vdot([1, 2], [3, 4])).toBe(11);
    expect(np.inner([1, 2], [3, 4])).toBe(11);
  });
  it('tensordot', () => {
    expect(() => np.tensordot(np.ones([2, 3]), np.ones([4, 5]), 1)).toThrow('shape-mismatch for sum');
    expect(() => np.tensordot(np.ones([2, 3]), np.ones([4, 5]), [[0], [0, 1]])).toThrow('shape-mismatch for sum');
    expect(() => np.tensordot(np.ones([2, 3]), np.ones([3, 5]), 3)).toThrow(ValueError);
    expect(() => np.tensordot(np.ones([2, 3]), np.ones([3, 5]), -1)).toThrow(ValueError);
    expect(() => np.tensordot(np.ones([2, 3]), np.ones([3, 5]), [[2], [0]])).toThrow(AxisError);
    expect(() => np.tensordot(np.ones([3, 3]), np.ones([3, 3]), [[0, 0], [0, 1]])).toThrow(ValueError);
  });
  it('kron', () => {
    expect(() => np.kron('ab' as never, [1])).toThrow();
    expectAllClose(np.kron(2, [1, 2]), [2, 4]);
  });
  it('cross', () => {
    expect(() => np.cross(np.ones(4), np.ones(3))).toThrow('incompatible dimensions for cross product\n(dimension must be 2 or 3)');
    expect(() => np.cross(np.ones([3, 3]), np.ones(3), { axisa: 2 })).toThrow(AxisError);
    expect(() => np.cross(2, np.ones(3))).toThrow(ValueError);
  });
  it('diagonal and trace', () => {
    expect(() => np.diagonal(np.ones(3))).toThrow('diag requires an array of at least two dimensions');
    expect(() => np.trace(np.ones(3))).toThrow('diag requires an array of at least two dimensions');
    expect(() => np.diagonal(np.ones([3, 3]), { axis1: 0, axis2: 0 })).toThrow('axis1 and axis2 cannot be the same');
    expect(() => np.diagonal(np.ones([3, 3]), { axis1: 2 })).toThrow(AxisError);
    expect(() => np.diagonal(np.ones([3, 3]), { offset: 0.5 })).toThrow(ValueError);
  });
  it('diagonal is a view and trace takes dtype and out', () => {
    const a = np.zeros([3, 3]);
    np.diagonal(a).set(':', 7);
    expectAllClose(a, [[7, 0, 0], [0, 7, 0], [0, 0, 7]]);
    expect(np.trace(np.eye(3, undefined, undefined, 'int32'), { dtype: 'float32' })).toBe(3);
    const out = np.zeros([2]);
    np.trace(np.ones([2, 2, 2]), { axis1: 1, axis2: 2, out });
    expectAllClose(out, [2, 2]);
  });
  it('multiDot', () => {
    expect(() => multiDot([np.ones([2, 2])])).toThrow('Expecting at least two arrays.');
    expect(() => multiDot([np.ones([2, 3, 3]), np.ones([3, 3])])).toThrow(LinAlgError);
    expect(() => multiDot([np.ones([2, 3]), np.ones([4, 3])])).toThrow('shapes (2,3) and (4,3) not aligned: 3 (dim 1) != 4 (dim 0)');
    expect(multiDot([[1, 2], [[1, 0], [0, 1]], [3, 4]])).toBe(11);
    expect(() => multiDot([np.eye(2), np.eye(2)], { out: np.zeros([3, 3]) })).toThrow(ValueError);
    const out = np.zeros([2, 2]);
    expect(multiDot([np.eye(2), np.eye(2), np.ones([2, 2])], { out })).toBe(out);
  });
  it('matrixPower', () => {
    expect(() => matrixPower(np.ones([2, 3]), 2)).toThrow('Last 2 dimensions of the array must be square');
    expect(() => matrixPower(np.ones([2, 2]), 1.5)).toThrow('exponent must be an integer');
    expect(() => matrixPower(np.ones(2), 2)).toThrow(LinAlgError);
    expect(() => matrixPower(np.eye(2), -1)).toThrow(/needs the matrix inverse/);
    // With an inverse supplied (np.linalg.matrixPower passes np.linalg.inv):
    const inv2 = (m: np.NDArray): np.NDArray => {
      const [[p, q], [r, s]] = m.tolist() as number[][];
      const d = p * s - q * r;
      return np.array([[s / d, -q / d], [-r / d, p / d]]);
    };
    expectAllClose(matrixPower([[2, 0], [0, 4]], -2, { inv: inv2 }), [[0.25, 0], [0, 0.0625]]);
  });
});
