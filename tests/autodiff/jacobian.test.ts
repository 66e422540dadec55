/**
 * Jacobians (reverse and forward agree, and agree with finite differences),
 * their layout [...out, ...in] over trees and argnums, Hessians
 * (forward-over-reverse, symmetric), and nesting inside other transforms.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { DTypeError, NDArray, ValueError } from '../../src/index';
import { grad, hessian, jacfwd, jacobian, jacrev, jvp, numericalHessian, numericalJacobian, vjp } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

const tanhMap = (x: NDArray) => np.tanh(np.matmul(np.array([[1, -2, 0.5], [0.3, 0.2, -1]]), x));

describe('jacobian', () => {
  it('jacrev and jacfwd agree with each other and with finite differences', () => {
    const x = np.array([0.3, -0.7, 1.1]);
    const Jr = jacrev(tanhMap)(x);
    const Jf = jacfwd(tanhMap)(x);
    expect(Jr.shape).toEqual([2, 3]);
    expectAllClose(Jr, Jf, { rtol: 1e-14, atol: 1e-15 });
    expectAllClose(Jr, numericalJacobian(tanhMap, x), { rtol: 1e-8, atol: 1e-9 });
  });

  it('has shape [...out, ...in] for matrix inputs and outputs', () => {
    const f = (w: NDArray) => np.matmul(w, w);
    const w = np.array([[1, 2], [3, 4]]);
    const J = jacobian(f)(w);
    expect(J.shape).toEqual([2, 2, 2, 2]);
    // d(W²)_ij / dW_kl = δ_ik W_lj + W_ik δ_jl
    const Wv = [[1, 2], [3, 4]];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        for (let k = 0; k < 2; k++)
          for (let l = 0; l < 2; l++) expect(J.get(i, j, k, l)).toBe((i === k ? Wv[l][j] : 0) + (j === l ? Wv[i][k] : 0));
    expectAllClose(jacfwd(f)(w), J, { rtol: 0 });
  });

  it('is a number for a scalar function of a number', () => {
    expect(jacobian((x: NDArray) => np.sin(x))(0.5)).toBeCloseTo(Math.cos(0.5), 15);
    expect(jacfwd((x: NDArray) => np.sin(x))(0.5)).toBeCloseTo(Math.cos(0.5), 15);
  });

  it('nests output structure outside input structure, with argnums tuples', () => {
    const f = (a: NDArray, b: NDArray) => ({ s: np.add(a, b), p: np.multiply(a, b) });
    const J = jacrev(f, { argnums: [0, 1] })(np.array([1, 2]), 3);
    expectAllClose(J.s[0], [[1, 0], [0, 1]], { rtol: 0 });
    expectAllClose(J.s[1], [1, 1], { rtol: 0 });
    expectAllClose(J.p[0], [[3, 0], [0, 3]], { rtol: 0 });
    expectAllClose(J.p[1], [1, 2], { rtol: 0 });
    const Jf = jacfwd(f, { argnums: [0, 1] })(np.array([1, 2]), 3);
    expectAllClose(Jf.p[0], J.p[0], { rtol: 0 });
    expectAllClose(Jf.s[1], J.s[1], { rtol: 0 });
  });

  it('works inside grad (traced rows)', () => {
    // d/dx Σ J(x) for f(x) = x², J = diag(2x): Σ J = 2 Σ x, gradient 2
    const g = grad((x: NDArray) => np.sum(jacrev((y: NDArray) => np.square(y))(x)))(np.array([1, 2, 3]));
    expectAllClose(g, [2, 2, 2], { rtol: 1e-15 });
    const gf = grad((x: NDArray) => np.sum(np.square(jacfwd((y: NDArray) => np.multiply(y, np.sum(y)))(x))))(np.array([1, 2]));
    expectAllClose(gf, grad((x: NDArray) => {
      // J = diag(Σy) + y 1ᵀ written out
      const s = np.sum(x);
      const J = np.add(np.multiply(np.eye(2), s), np.multiply(np.expandDims(x, 1), np.ones([1, 2])));
      return np.sum(np.square(J));
    })(np.array([1, 2])), { rtol: 1e-14 });
  });
});

describe('hessian', () => {
  it('is symmetric and matches the closed form for a quadratic form', () => {
    const A = np.array([[2, 1, 0], [1, 3, -1], [0, -1, 4]]);
    const q = (x: NDArray) => np.multiply(0.5, np.sum(np.multiply(x, np.matmul(A, x))));
    expectAllClose(hessian(q)(np.array([0.1, 0.2, 0.3])), A, { rtol: 1e-15 });
  });

  it('matches finite differences for a nonlinear function of a matrix', () => {
    const f = (w: NDArray) => np.sum(np.exp(np.matmul(w, w)));
    const w = np.array([[0.1, 0.2], [0.3, 0.4]]);
    const H = hessian(f)(w);
    expect(H.shape).toEqual([2, 2, 2, 2]);
    expectAllClose(H, numericalHessian(f, w), { atol: 1e-6 });
    expectAllClose(H, np.transpose(H, [2, 3, 0, 1]), { rtol: 1e-14 });
  });

  it('takes argnums and gives the mixed blocks', () => {
    const f = (x: NDArray, y: NDArray) => np.multiply(np.square(x), y);
    const H = hessian(f, { argnums: [0, 1] })(2, 3);
    expect(H).toEqual([[6, 4], [4, 0]]);
  });

  it('of a linear function is zero', () => {
    expectAllClose(hessian((x: NDArray) => np.sum(np.multiply(x, 3)))(np.array([1, 2])), [[0, 0], [0, 0]], { rtol: 0 });
  });
});

describe('bad input', () => {
  it('bool inputs, bad argnums, no primals', () => {
    const f = (x: NDArray) => np.square(x);
    expect(() => jacrev(f)(np.array([true]))).toThrow(DTypeError);
    expect(() => jacfwd(f)(np.array([true]))).toThrow(DTypeError);
    expect(() => hessian((x: NDArray) => np.sum(x), { argnums: 3 })(1)).toThrow(ValueError);
    expect(() => vjp(f)).toThrow(/at least one primal/);
    expect(() => jvp(f, [], [])).toThrow(/at least one primal/);
    expect(() => jvp(f, 1 as unknown as unknown[], [1])).toThrow(/must be arrays/);
  });
});

