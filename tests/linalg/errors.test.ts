/**
 * Bad input gets NumPy's error class and message, and NaN/Inf input ends
 * quickly (an error, or NaN where NumPy returns NaN), never a hang. Empty
 * matrices give NumPy's empty results.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { AxisError, LinAlgError, TypeError_, ValueError } from '../../src/core';
import { expectNear } from './util';

const L = np.linalg;
const nanM = [[1, NaN], [2, 3]];
const infM = [[1, Infinity], [2, 3]];

describe('shape errors', () => {
  const square = { det: L.det, slogdet: L.slogdet, inv: L.inv, cholesky: L.cholesky, eigh: L.eigh, eigvalsh: L.eigvalsh, eig: L.eig, eigvals: L.eigvals };
  for (const [name, f] of Object.entries(square)) {
    it(`${name}: 1-D input and non-square input`, () => {
      expect(() => (f as (a: unknown) => unknown)([1, 2, 3])).toThrow(new LinAlgError('1-dimensional array given. Array must be at least two-dimensional'));
      expect(() => (f as (a: unknown) => unknown)([[1, 2, 3], [4, 5, 6]])).toThrow(new LinAlgError('Last 2 dimensions of the array must be square'));
    });
  }
  it('svd, qr, pinv need two dimensions', () => {
    for (const f of [L.svd, L.qr, L.pinv] as ((a: unknown) => unknown)[]) {
      expect(() => f([1, 2])).toThrow(new LinAlgError('1-dimensional array given. Array must be at least two-dimensional'));
    }
  });
  it('solve: core dimensions and batch shapes', () => {
    expect(() => L.solve(np.eye(2), [1, 2, 3])).toThrow(
      new ValueError('solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)'),
    );
    expect(() => L.solve(np.eye(2), np.ones([3, 2]))).toThrow(
      new ValueError('solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size 3 is different from 2)'),
    );
    expect(() => L.solve(np.ones([2, 2, 2]), np.ones([3, 2, 1]))).toThrow(ValueError);
    expect(() => L.solve([[1, 2, 3], [4, 5, 6]], [1, 2])).toThrow(new LinAlgError('Last 2 dimensions of the array must be square'));
  });
  it('lstsq: dimensions', () => {
    expect(() => L.lstsq(np.ones([3, 2]), np.ones([4]))).toThrow(new LinAlgError('Incompatible dimensions'));
    expect(() => L.lstsq(np.ones([2, 3, 2]), np.ones([3]))).toThrow(new LinAlgError('3-dimensional array given. Array must be two-dimensional'));
  });
});

describe('numerical failures', () => {
  it('singular matrices', () => {
    for (const f of [() => L.inv([[1, 2], [2, 4]]), () => L.solve([[0, 0], [0, 0]], [1, 2]), () => L.matrixPower([[1, 2], [2, 4]], -1)]) {
      expect(f).toThrow(new LinAlgError('Singular matrix'));
    }
    expect(L.det([[1, 2], [2, 4]])).toBe(0);
    expect([...L.slogdet([[1, 2], [2, 4]])]).toEqual([0, -Infinity]);
  });
  it('not positive definite', () => {
    expect(() => L.cholesky([[1, 2], [2, 1]])).toThrow(new LinAlgError('Matrix is not positive definite'));
    expect(() => L.cholesky([[-1]])).toThrow(LinAlgError);
    expect(() => L.cholesky(np.zeros([2, 2]))).toThrow(LinAlgError);
  });
  it('NaN and Inf: errors where NumPy raises', () => {
    for (const m of [nanM, infM]) {
      expect(() => L.eig(m)).toThrow(new LinAlgError('Array must not contain infs or NaNs'));
      expect(() => L.eigvals(m)).toThrow(new LinAlgError('Array must not contain infs or NaNs'));
      expect(() => L.svd(m)).toThrow(new LinAlgError('SVD did not converge'));
      expect(() => L.pinv(m)).toThrow(new LinAlgError('SVD did not converge'));
      expect(() => L.matrixRank(m)).toThrow(new LinAlgError('SVD did not converge'));
      expect(() => L.lstsq(m, [1, 2])).toThrow(new LinAlgError('SVD did not converge in Linear Least Squares'));
    }
    expect(() => L.cholesky([[NaN, 0], [0, 1]])).toThrow(new LinAlgError('Matrix is not positive definite'));
  });
  it('NaN and Inf: NaN results where NumPy returns NaN', () => {
    expect(L.det(nanM)).toBeNaN();
    expect(L.inv(nanM).toArray().every(Number.isNaN)).toBe(true);
    expect(L.solve(nanM, [1, 2]).toArray().every(Number.isNaN)).toBe(true);
    const { eigenvalues, eigenvectors } = L.eigh([[1, 2], [NaN, 3]]);
    expect(eigenvalues.toArray().every(Number.isNaN) && eigenvectors.toArray().every(Number.isNaN)).toBe(true);
    // only the lower triangle is read
    expectNear(L.eigvalsh(nanM), [-0.2360679774997898, 4.23606797749979], 1e-14);
    expect(L.norm(nanM)).toBeNaN();
  });
  it('huge and tiny entries do not overflow the determinant or the eigensolvers', () => {
    expect(L.det(np.multiply(np.eye(40), 1e10))).toBe(Infinity);
    expect(L.slogdet(np.multiply(np.eye(40), 1e10)).logabsdet).toBeCloseTo(40 * Math.log(1e10), 10);
    expect(L.det(np.multiply(np.eye(40), 1e-10))).toBe(0);
    expectNear(L.eigvals([[1e300, 1e300], [0, 1e-300]]), [1e300, 1e-300], 1e286);
  });
});

describe('invalid arguments', () => {
  it('option validation with NumPy’s messages', () => {
    expect(() => L.qr([[1]], { mode: 'economic' as never })).toThrow(new ValueError("Unrecognized mode 'economic'"));
    expect(() => L.eigh([[1]], { UPLO: 'X' as never })).toThrow(new ValueError("UPLO argument must be 'L' or 'U'"));
    expect(() => L.matrixRank([[1]], { tol: 1, rtol: 1 })).toThrow(new ValueError("`tol` and `rtol` can't be both set."));
    expect(() => L.pinv([[1]], { rcond: 1, rtol: 1 })).toThrow(new ValueError("`rtol` and `rcond` can't be both set."));
    expect(() => L.matrixPower([[1]], 1.5)).toThrow(TypeError_);
    expect(() => L.matrixPower([[1]], 1.5)).toThrow('exponent must be an integer');
    expect(() => L.cond(np.zeros([0, 0]))).toThrow(new LinAlgError('cond is not defined on empty arrays'));
    expect(() => L.cond([[1, 2, 3], [4, 5, 6]], 1)).toThrow(new LinAlgError('Last 2 dimensions of the array must be square'));
  });
  it('norm: orders and axes', () => {
    expect(() => L.norm([[1, 2], [3, 4]], { ord: 3 })).toThrow(new ValueError('Invalid norm order for matrices.'));
    expect(() => L.norm([1, 2], { ord: 'fro' })).toThrow(new ValueError("Invalid norm order 'fro' for vectors"));
    expect(() => L.norm(np.ones([2, 2, 2]), { ord: 2 })).toThrow(new ValueError('Improper number of dimensions to norm.'));
    expect(() => L.norm(np.ones([2, 2]), { axis: [0, -2] })).toThrow(new ValueError('Duplicate axes given.'));
    expect(() => L.norm(np.ones([2, 2]), { axis: 2 })).toThrow(AxisError);
  });
  it('complex input where only the real algorithm exists yet: singular vectors (svd, pinv, lstsq)', () => {
    const c = [[new np.Complex(1, 1)]];
    expect(() => L.svd(c)).toThrow(ValueError);
    expect(() => L.pinv(c)).toThrow(ValueError);
    expect(() => L.lstsq(c, [1])).toThrow(ValueError);
    expect(L.svd(c, { computeUv: false }).toArray()).toEqual([Math.SQRT2]);
  });
});

describe('empty matrices (NumPy’s shapes)', () => {
  it('0×0 and 0×n', () => {
    expect(L.det(np.zeros([0, 0]))).toBe(1);
    expect(L.det(np.zeros([2, 0, 0])).toArray()).toEqual([1, 1]);
    expect(L.inv(np.zeros([0, 0])).shape).toEqual([0, 0]);
    expect(L.cholesky(np.zeros([0, 0])).shape).toEqual([0, 0]);
    const { eigenvalues, eigenvectors } = L.eigh(np.zeros([0, 0]));
    expect([eigenvalues.shape, eigenvectors.shape]).toEqual([[0], [0, 0]]);
    expect(L.eig(np.zeros([0, 0])).eigenvalues.shape).toEqual([0]);
    const { U, S, Vh } = L.svd(np.zeros([0, 3]));
    expect([U.shape, S.shape, Vh.shape]).toEqual([[0, 0], [0], [3, 3]]);
    expect(Vh.tolist()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const q = L.qr(np.zeros([0, 3]));
    expect([q.Q.shape, q.R.shape]).toEqual([[0, 0], [0, 3]]);
    expect(L.pinv(np.zeros([0, 3])).shape).toEqual([3, 0]);
    expect(L.norm(np.zeros([0]))).toBe(0);
    expect(L.norm(np.zeros([0, 3]))).toBe(0);
    expect(L.matrixRank(np.zeros([0, 3]))).toBe(0);
  });
});
