/**
 * Sizes that take the blocked code paths (blocked LU and triangular solves,
 * compact-WY formation of Q, blocked tridiagonalisation, large Hessenberg QR
 * and bidiagonal QR), on the deterministic matrices of the benchmarks
 * (Park–Miller generator, exact in doubles, so NumPy saw the same matrices):
 * eigenvalues, singular values and log-determinants against NumPy, and the
 * residuals of the factorisations. Tolerances: values to 1e-10·‖A‖ (backward
 * stable; these matrices are well conditioned apart from one dominant
 * eigenvalue), residuals to 1e-12·n·‖A‖.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import type { NDArray } from '../../src/core';
import { loadFixture } from '../helpers';
import { expectNear, expectSameEigenvalues, maxAbs, orthonormalityError } from './util';

const L = np.linalg;
const C: Record<string, any> = loadFixture('linalg/large.json');

/** The Park–Miller matrix of scripts/fixtures/linalg_cases.py and the benchmarks. */
function lcg(m: number, n: number, seed: number): NDArray {
  let s = seed;
  const d = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) d[i] = (s = (s * 16807) % 2147483647) / 2147483647;
  return np.array(d).reshape(m, n);
}

for (const key of ['n130', 'n257']) {
  describe(`large: ${key}`, () => {
    const c = C[key];
    const a = lcg(c.n, c.n, c.seed);
    const n = c.n;
    const scale = maxAbs(a) * n;

    it('slogdet, inv, solve', () => {
      const s = L.slogdet(a);
      expect(s.sign).toBe(c.det_slogdet[0]);
      expect(Math.abs(s.logabsdet - c.det_slogdet[1])).toBeLessThan(1e-10 * n);
      const ai = L.inv(a);
      expect(maxAbs(np.subtract(np.matmul(a, ai), np.eye(n)))).toBeLessThan(1e-10);
      expect(Math.abs((np.trace(ai) as number) - c.inv_trace)).toBeLessThan(1e-8 * Math.abs(c.inv_trace) + 1e-8);
      const b = np.linspace(-1, 1, n);
      expect(maxAbs(np.subtract(np.matmul(a, L.solve(a, b)), b))).toBeLessThan(1e-11 * scale);
    });

    it('eig and eigvals', () => {
      const { eigenvalues: w, eigenvectors: v } = L.eig(a);
      expectSameEigenvalues(w, c.eigvals_sorted, 1e-10 * scale, 'eigvals');
      const r = np.subtract(np.matmul(a.astype('complex128'), v), np.multiply(v, w));
      expect(maxAbs(r)).toBeLessThan(1e-12 * scale);
      expectNear(L.eigvals(a), w, 0, 'eigvals = eig values');
    });

    it('eigh and eigvalsh', () => {
      const sym = np.add(a, a.T);
      const { eigenvalues: w, eigenvectors: v } = L.eigh(sym);
      expectNear(w, c.eigvalsh_sym, 1e-11 * scale, 'eigvalsh');
      expect(maxAbs(np.subtract(np.matmul(sym, v), np.multiply(v, w)))).toBeLessThan(1e-12 * scale);
      expect(orthonormalityError(v)).toBeLessThan(1e-13 * n);
      expectNear(L.eigvalsh(sym), w, 1e-12 * scale, 'values without vectors');
    });

    it('svd and qr', () => {
      const { U, S, Vh } = L.svd(a);
      expectNear(S, c.svd_s, 1e-11 * scale, 'S');
      expect(maxAbs(np.subtract(np.matmul(np.multiply(U, S), Vh), a))).toBeLessThan(1e-12 * scale);
      expect(orthonormalityError(U)).toBeLessThan(1e-13 * n);
      const { Q, R } = L.qr(a);
      expect(maxAbs(np.subtract(np.matmul(Q, R), a))).toBeLessThan(1e-12 * scale);
      expect(orthonormalityError(Q)).toBeLessThan(1e-13 * n);
    });
  });
}

describe('large: tall 300×170', () => {
  it('reduced and full SVD', () => {
    const c = C.tall300x170;
    const a = lcg(c.m, c.n, c.seed);
    for (const full of [false, true]) {
      const { U, S, Vh } = L.svd(a, { fullMatrices: full });
      expectNear(S, c.svd_s, 1e-11 * maxAbs(c.svd_s), 'S');
      expect(maxAbs(np.subtract(np.matmul(np.multiply(U.get(':', ':170'), S), Vh), a))).toBeLessThan(1e-11 * c.m);
      expect(orthonormalityError(U)).toBeLessThan(1e-13 * c.m);
    }
  });
});
