/**
 * Derivatives of every tensor function: reverse and forward mode against
 * central differences (autodiff's checkGrads, eps 1e-4, its default
 * tolerances), to second order for matmul and einsum (the VJPs are written
 * with public ops, so grad-of-grad works). Inputs include broadcast batch
 * axes, 1-D promotion, repeated einsum labels and size-1 broadcasting.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { checkGrads, grad } from '../../src/autodiff';
import { matrixPower, multiDot } from '../../src/tensor/chain';

const r = (shape: number[], seed: number): np.NDArray => {
  let s = seed;
  const n = shape.reduce((p, d) => p * d, 1);
  const v: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    v.push(Math.round((s / 2147483647 - 0.5) * 2000) / 1000);
  }
  return np.array(v).reshape(shape);
};
type F = (...xs: np.NDArray[]) => np.NDArray;

describe('tensor gradients', () => {
  const cases: [string, F, np.NDArray[], number][] = [
    ['matmul 2-D', (a, b) => np.matmul(a, b), [r([3, 4], 1), r([4, 2], 2)], 2],
    ['matmul batch broadcast', (a, b) => np.matmul(a, b), [r([2, 1, 3, 4], 3), r([5, 4, 2], 4)], 2],
    ['matmul vector @ matrix, matrix @ vector', (a, b, v) => np.add(np.matmul(v, a), np.matmul(b, v)), [r([4, 3], 5), r([3, 4], 6), r([4], 7)], 1],
    ['dot N-D', (a, b) => np.dot(a, b), [r([2, 3], 8), r([2, 3, 2], 9)], 1],
    ['vdot', (a, b) => np.vdot(a, b), [r([2, 3], 10), r([6], 11)], 1],
    ['inner', (a, b) => np.inner(a, b), [r([2, 3], 12), r([4, 3], 13)], 1],
    ['outer', (a, b) => np.outer(a, b), [r([3], 14), r([2, 2], 15)], 1],
    ['tensordot', (a, b) => np.tensordot(a, b, [[0, 2], [1, 0]]), [r([2, 3, 4], 16), r([4, 2, 5], 17)], 1],
    ['kron', (a, b) => np.kron(a, b), [r([2, 3], 18), r([2, 2], 19)], 1],
    ['cross 3×3', (a, b) => np.cross(a, b), [r([4, 3], 20), r([3], 21)], 1],
    ['cross 2×3 on axis 0', (a, b) => np.cross(a, b, { axisa: 0, axisb: 0 }), [r([2, 4], 22), r([3, 4], 23)], 1],
    ['cross 2×2', (a, b) => np.cross(a, b), [r([3, 2], 24), r([3, 2], 25)], 1],
    ['diagonal', (a) => np.diagonal(a, { offset: 1, axis1: 2, axis2: 0 }), [r([3, 2, 4], 26)], 2],
    ['trace', (a) => np.trace(a, { offset: -1 }), [r([4, 3], 27)], 2],
    ['einsum ij,jk->ik', (a, b) => np.einsum('ij,jk->ik', a, b), [r([3, 4], 28), r([4, 2], 29)], 2],
    ['einsum bij,bkj->bik', (a, b) => np.einsum('bij,bkj->bik', a, b), [r([2, 3, 4], 30), r([2, 5, 4], 31)], 2],
    ['einsum traces and diagonals', (a) => np.einsum('iij->ji', a), [r([3, 3, 2], 32)], 2],
    ['einsum three operands', (a, b, c) => np.einsum('ab,bc,cd->ad', a, b, c), [r([2, 3], 33), r([3, 4], 34), r([4, 2], 35)], 1],
    ['einsum size-1 broadcast and ellipsis', (a, b) => np.einsum('...ij,...jk->...ik', a, b), [r([2, 1, 3], 36), r([1, 3, 2], 37)], 1],
    ['einsum Hadamard and outer', (a, b) => np.einsum('ij,ij,k->ijk', a, b, b.get(0)), [r([2, 3], 38), r([2, 3], 39)], 1],
    ['multiDot', (a, b, c) => multiDot([a, b, c]), [r([2, 5], 40), r([5, 3], 41), r([3, 4], 42)], 1],
    ['matrixPower', (a) => matrixPower(a, 5), [r([2, 3, 3], 43)], 1],
  ];
  for (const [name, f, args, order] of cases) {
    it(name, () => checkGrads(f as never, args, { order }));
  }
  it('matmul gradient values', () => {
    const A = np.array([[1, 2, 3], [4, 5, 6]]).astype('float64');
    const B = np.array([[1, 0.5], [2, 1], [0.1, 3]]);
    // d/dA Σ (A B) = 1 Bᵀ: every row is the row sums of B.
    const gA = grad((a: np.NDArray) => np.sum(np.matmul(a, B)))(A) as np.NDArray;
    expect(gA.tolist()).toEqual([[1.5, 3, 3.1], [1.5, 3, 3.1]]);
  });
});
