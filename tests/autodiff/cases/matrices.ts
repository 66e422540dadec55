/**
 * Gradient-check cases for tensor products and linear algebra. Matrices are
 * drawn well conditioned (I·n + noise), symmetric positive definite through
 * `X Xᵀ + nI`, or symmetric through `(X + Xᵀ)/2` inside the checked
 * function, so that finite differences stay in the set where the rule holds
 * (Cholesky and eigh read one triangle and assume symmetric perturbations).
 * Eigen- and QR-vectors enter sign-invariantly or with LAPACK's continuous sign
 * choice.
 */
import * as np from '../../../src/index';
import type { NDArray } from '../../../src/index';
import { vjp } from '../../../src/autodiff';
import { randomArray, type GradCase } from '../harness';

const { linalg } = np;

/** A well-conditioned matrix (stack): n·I plus uniform noise in [-1, 1). */
function wellConditioned(u: () => number, shape: readonly number[]): NDArray {
  const n = shape[shape.length - 1];
  return np.add(randomArray(u, shape, [-1, 1]), np.multiply(np.eye(n), n));
}

const sym = (x: NDArray) => np.multiply(np.add(x, np.swapaxes(x, -1, -2)), 0.5);
const spd = (x: NDArray) => np.add(np.matmul(x, np.swapaxes(x, -1, -2)), np.multiply(np.eye(x.shape[x.ndim - 1]), x.shape[x.ndim - 1]));

/** True when the symmetric matrices `sym(x)` have two eigenvalues within `gap`. */
function closeEigenvalues(x: NDArray, gap = 0.1): boolean {
  const w = linalg.eigvalsh(sym(x));
  const n = w.shape[w.ndim - 1];
  const v = w.toArray();
  return v.some((a, i) => i % n !== 0 && a - v[i - 1] < gap);
}

/** True when `a` has two singular values within `gap`, or one below it (the SVD is not differentiable there). */
function closeSingularValues(a: NDArray, gap = 0.1): boolean {
  const s = linalg.svd(a, { computeUv: false });
  const k = s.shape[s.ndim - 1];
  const v = s.toArray();
  return v.some((x, i) => x < gap || (i % k !== 0 && v[i - 1] - x < gap));
}

const TRIANGLE_WEIGHTS = np.array([1, 2, 3]);

export const MATRIX_CASES: Record<string, GradCase> = {
  // ---- tensor ----
  matmulP: {
    f: (a, b) => np.matmul(a, b),
    shapes: [
      [[3, 4], [4, 2]],
      [[2, 3, 4], [4]],
      [[4], [4, 2]],
      [[2, 1, 3, 4], [3, 4, 2]],
    ],
  },
  diagonalP: {
    f: (x) => [np.diagonal(x), np.diagonal(x, { offset: 1, axis1: 1, axis2: 0 }), np.trace(x)],
    shapes: [[[3, 4]], [[3, 3, 2]]],
  },
  diagonalScatterP: {
    f: (g) => vjp((x: NDArray) => np.diagonal(x, { offset: -1 }), np.ones([4, 3]))[1](g)[0],
    shapes: [[[3]]],
  },

  // ---- linalg ----
  detP: { f: (a) => linalg.det(a), shapes: [[[3, 3]], [[2, 2, 2]]], make: (u, [s]) => [wellConditioned(u, s)] },
  slogdetP: {
    f: (a) => linalg.slogdet(np.negative(a)).logabsdet,
    shapes: [[[3, 3]], [[2, 4, 4]]],
    make: (u, [s]) => [wellConditioned(u, s)],
  },
  invP: { f: (a) => linalg.inv(a), shapes: [[[3, 3]], [[2, 2, 2]]], make: (u, [s]) => [wellConditioned(u, s)] },
  solveP: {
    f: (a, b) => linalg.solve(a, b),
    shapes: [
      [[3, 3], [3]],
      [[3, 3], [3, 2]],
      [[2, 3, 3], [2, 3, 1]],
    ],
    make: (u, [s, t]) => [wellConditioned(u, s), randomArray(u, t, [-2, 2])],
  },
  choleskyP: {
    f: (x) => linalg.cholesky(spd(x)),
    shapes: [[[3, 3]], [[2, 2, 2]]],
  },
  qrP: {
    f: (a) => {
      const { Q, R } = linalg.qr(a);
      return [Q, R];
    },
    shapes: [[[4, 3]], [[3, 3]], [[2, 3, 2]]],
    make: (u, [s]) => [np.add(randomArray(u, s, [-1, 1]), np.eye(s[s.length - 2], s[s.length - 1], 0).mul(2))],
  },
  svdP: {
    f: (a) => {
      const { U, S, Vh } = linalg.svd(a, { fullMatrices: false });
      const k = S.shape[S.ndim - 1];
      // U diag(c) Vh does not depend on the singular vectors' signs (uᵢ and vᵢ flip together).
      return [S, np.matmul(np.multiply(U, np.arange(1, k + 1)), Vh), linalg.svd(a, { computeUv: false })];
    },
    shapes: [[[3, 3]], [[4, 3]], [[3, 4]], [[2, 3, 2]]],
    avoid: (a) => closeSingularValues(a),
    atol: 1e-4,
    rtol: 1e-4,
  },
  eighP: {
    f: (x) => {
      const { eigenvalues: w, eigenvectors: v } = linalg.eigh(sym(x));
      // V diag(c) Vᵀ does not depend on the eigenvectors' signs.
      return [w, np.matmul(np.multiply(v, TRIANGLE_WEIGHTS), np.swapaxes(v, -1, -2)), linalg.eigvalsh(sym(x))];
    },
    shapes: [[[3, 3]], [[2, 3, 3]]],
    avoid: (x) => closeEigenvalues(x),
    atol: 1e-4,
    rtol: 1e-4,
  },
};
