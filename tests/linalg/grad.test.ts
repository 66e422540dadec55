/**
 * Derivatives through np.linalg, checked against finite differences with
 * autodiff's checkGrads (random directions, forward and reverse mode; JAX's
 * tolerances scaled up to 1e-4 for the eigen- and singular-vector rules,
 * whose finite differences divide by eigenvalue gaps). The per-primitive
 * registry checks of tests/autodiff cover det, slogdet, inv, solve,
 * cholesky, qr and eigh; here: the SVD primitive (square, tall and wide,
 * values only and with vectors, through sign-invariant functions of U and V),
 * and the composite functions written with public ops (norms, cond, pinv,
 * lstsq, matrixPower, eigvalsh with UPLO='U').
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import type { NDArray } from '../../src/core';
import { checkGrads, grad } from '../../src/autodiff';
import { expectNear } from './util';

const L = np.linalg;

/** A fixed, well-separated test matrix (distinct singular values and eigenvalues). */
function matrix(m: number, n: number, shift = 0): NDArray {
  const d: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) d.push(Math.sin(1 + 3 * i + 7 * j) + (i === j ? shift + i : 0));
  return np.array(d).reshape(m, n);
}

/** Column weights that make U diag(c) Vᵀ depend on the vectors but not on their signs. */
const weights = (k: number): NDArray => np.linspace(1, 2, k);

describe('SVD derivatives (Townsend 2016)', () => {
  for (const [m, n] of [[3, 3], [4, 2], [2, 4]]) {
    it(`${m}×${n}: singular values and U diag(c) Vᵀ, first and second order`, () => {
      const k = Math.min(m, n);
      const f = (a: NDArray): NDArray[] => {
        const { U, S, Vh } = L.svd(a, { fullMatrices: false });
        return [S, np.matmul(np.multiply(U, weights(k)), Vh)];
      };
      checkGrads(f, [matrix(m, n, 2)], { order: 2, atol: 1e-4, rtol: 1e-4 });
      checkGrads((a: NDArray) => L.svd(a, { computeUv: false }), [matrix(m, n, 2)], { order: 2 });
    });
  }

  it('stacked input', () => {
    const a = np.stack([matrix(3, 2, 1), matrix(3, 2, 3)]);
    checkGrads((x: NDArray) => {
      const { U, S, Vh } = L.svd(x, { fullMatrices: false });
      return [S, np.matmul(np.multiply(U, weights(2)), Vh)];
    }, [a], { atol: 1e-4, rtol: 1e-4 });
  });

  it('the gradient of the nuclear norm is U Vᵀ', () => {
    const a = matrix(3, 3, 2);
    const g = grad((x: NDArray) => L.norm(x, { ord: 'nuc' }))(a) as NDArray;
    const { U, Vh } = L.svd(a);
    expectNear(g, np.matmul(U, Vh), 1e-12);
  });

  it('full matrices of a non-square input have no derivative (the extra columns are not unique)', () => {
    expect(() => grad((x: NDArray) => np.sum(L.svd(x).U))(matrix(3, 2))).toThrow('fullMatrices: false');
  });
});

describe('composite functions differentiate through the primitives', () => {
  const a = matrix(3, 3, 3);
  const cases: [string, (x: NDArray) => unknown][] = [
    ['norm fro', (x) => L.norm(x)],
    ['norm 2', (x) => L.norm(x, { ord: 2 })],
    ['norm -2', (x) => L.norm(x, { ord: -2 })],
    ['norm 1 / inf (max of sums)', (x) => np.add(L.norm(x, { ord: 1 }), L.norm(x, { ord: Infinity }))],
    ['vector norms along an axis', (x) => L.norm(x, { axis: 0, ord: 3 })],
    ['cond 2', (x) => L.cond(x)],
    ['cond fro', (x) => L.cond(x, 'fro')],
    ['pinv', (x) => L.pinv(x)],
    ['pinv of a tall matrix', (x) => L.pinv(x.get(':', ':2'))],
    ['lstsq', (x) => L.lstsq(x.get(':', ':2'), np.array([1, 2, 3]))[0]],
    ['matrixPower −2', (x) => L.matrixPower(x, -2)],
    ['eigvalsh UPLO=U', (x) => L.eigvalsh(np.add(x, x.T), { UPLO: 'U' })],
    ['slogdet logabsdet', (x) => L.slogdet(x).logabsdet],
    ['cholesky upper', (x) => L.cholesky(np.add(np.matmul(x, x.T), np.eye(3)), { upper: true })],
  ];
  for (const [name, f] of cases) {
    it(name, () => checkGrads(f as (x: NDArray) => NDArray, [a], { atol: 1e-4, rtol: 1e-4 }));
  }
});
