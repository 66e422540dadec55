/**
 * Symmetric matrices (Wilkinson W7/W21 with their nearly equal eigenvalue
 * pairs, Hilbert 4/8/10, graded SPD, repeated eigenvalues, identity, 1×1,
 * negative definite, stacked) against NumPy: eigh/eigvalsh (both UPLO),
 * cholesky, the hermitian SVD/rank/pinv paths.
 *
 * Tolerances: eigenvalues to 10·n·eps·‖A‖ (LAPACK's absolute error bound);
 * eigenvectors, where the eigenvalue gaps make them well defined (gap >
 * 1e-6‖A‖), compared column by column after fixing each column's sign, to
 * 1e-8; otherwise A V = V Λ and VᵀV = I to 1e-12·n·‖A‖; Cholesky factors to
 * 10·n·eps·sqrt(κ) relative (the factor's condition number is about sqrt(κ)).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { LinAlgError } from '../../src/core';
import { arr, EPS, expectNear, fixColumnSigns, flat, isError, maxAbs, symmetric } from './util';

const L = np.linalg;

for (const [name, c] of Object.entries(symmetric())) {
  describe(`symmetric: ${name}`, () => {
    const a = arr(c.a);
    const n = a.shape[a.ndim - 1];
    const scale = Math.max(maxAbs(c.a), 1e-300);
    const wtol = 10 * n * EPS * scale;

    it('eigh values and vectors', () => {
      const { eigenvalues: w, eigenvectors: v } = L.eigh(a);
      expectNear(w, c.eigh_w, wtol, 'eigenvalues');
      expectNear(L.eigh(a, { UPLO: 'U' }).eigenvalues, c.eigh_upper_w, wtol, 'UPLO=U');
      expectNear(L.eigvalsh(a), c.eigvalsh, wtol, 'eigvalsh');
      const resid = np.subtract(np.matmul(a, v), np.multiply(v, np.expandDims(w, -2)));
      expect(maxAbs(resid)).toBeLessThan(1e-12 * n * scale);
      expectNear(np.matmul(np.swapaxes(v, -1, -2), v), np.broadcastTo(np.eye(n), v.shape), 1e-13 * n, 'orthonormal');
      if (c.vectors_well_defined && a.ndim === 2) {
        expectNear(fixColumnSigns(v), fixColumnSigns(arr(c.eigh_v)), 1e-8, 'eigenvectors up to sign');
      }
    });

    it('cholesky', () => {
      if (isError(c.cholesky)) {
        expect(() => L.cholesky(a)).toThrow(LinAlgError);
        expect(() => L.cholesky(a)).toThrow('Matrix is not positive definite');
        return;
      }
      const l = L.cholesky(a);
      // The factor's forward error grows like sqrt(κ)·eps (Sun 1991): κ = λ_max/λ_min.
      const w = flat(c.eigh_w).map(([x]) => Math.abs(x));
      const kappa = Math.max(...w) / Math.min(...w);
      expectNear(l, c.cholesky, Math.max(1e-12, 10 * n * EPS * Math.sqrt(kappa)) * Math.sqrt(scale) * n, 'L');
      expectNear(np.matmul(l, np.swapaxes(l, -1, -2)), a, 1e-13 * n * scale, 'L Lᵀ');
    });

    it('hermitian SVD, rank and pinv', () => {
      expectNear(L.svd(a, { computeUv: false, hermitian: true }), c.svd_hermitian_s, wtol, 'S');
      expectNear(L.matrixRank(a, { hermitian: true }), c.rank_hermitian, 0, 'rank');
      const p = L.pinv(a, { hermitian: true });
      const kappa = maxAbs(c.svd_hermitian_s) / Math.max(Math.min(...(arr(c.svd_hermitian_s).toArray() as number[]).map(Math.abs)), 1e-300);
      if (kappa < 1e10) expectNear(p, c.pinv_hermitian, Math.max(1e-12, kappa * n * EPS * 100) * maxAbs(c.pinv_hermitian), 'pinv');
      if (a.ndim === 2) {
        const { U, S, Vh } = L.svd(a, { hermitian: true });
        expectNear(np.matmul(np.multiply(U, S), Vh), a, 1e-12 * n * scale, 'U S Vh');
      }
    });
  });
}
