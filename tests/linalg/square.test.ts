/**
 * Square matrices, ordinary and hard (Hilbert 2…10, Kahan, Frank, graded,
 * nearly singular, singular, defective Jordan blocks, rotations, companion
 * matrices, 1×1, stacked, extreme scaling), against NumPy
 * (scripts/fixtures/linalg_cases.py).
 *
 * Tolerances scale with the problem's conditioning, since two correct
 * backward-stable codes may differ by about cond·eps in their results:
 * - det, inv, solve, negative powers: relative κ·n·eps·100 (κ = cond₂(A)), absolute for singular A;
 * - cond: relative 10·n·κ·eps (it divides by σ_min);
 * - singular values, norms, ranks: eps·n·σ_max·10 absolute (ranks exact);
 * - eigenvalues: matched as multisets to 1e-9·max(1, ‖A‖), loosened for the defective and
 *   highly non-normal cases, whose eigenvalues NumPy itself only knows to eps^(1/k).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { LinAlgError } from '../../src/core';
import { arr, EPS, expectNear, expectSameEigenvalues, isError, maxAbs, orthonormalityError, square } from './util';

const L = np.linalg;
const CASES = square();

/** Eigenvalue tolerance (relative to max(1, ‖A‖_max)) for the non-normal cases. */
const EIG_TOL: Record<string, number> = {
  jordan3: 1e-4, // a 3×3 Jordan block: eigenvalues known to eps^(1/3)
  jordan4_zero: 1e-4,
  frank6: 1e-7,
  kahan10: 1e-9,
  companion_real_roots: 1e-8,
  companion_mixed: 1e-8,
  balancing_needed: 1e-8,
  nearly_singular4: 1e-7,
};

for (const [name, c] of Object.entries(CASES)) {
  describe(`square: ${name}`, () => {
    const a = arr(c.a);
    const n = a.shape[a.ndim - 1];
    const kappa = typeof c.cond === 'number' ? c.cond : Infinity;
    const singular = !(kappa < 1 / (n * EPS * 1e3));
    const scale = Math.max(maxAbs(c.a), Number.MIN_VALUE);
    const rel = Math.max(1e-12, Math.min(kappa, 1e16) * n * EPS * 100);

    it('det and slogdet', () => {
      const d = L.det(a);
      if (singular) expectNear(d, c.det, Math.max(1e-12 * Math.max(1, scale) ** n, maxAbs(c.det) * 1e-6), 'det');
      else expectNear(d, c.det, rel * Math.max(maxAbs(c.det), Number.MIN_VALUE), 'det');
      const s = L.slogdet(a);
      if (!singular) {
        expectNear(s.sign, c.slogdet[0], 0, 'sign');
        expectNear(s.logabsdet, c.slogdet[1], 1e-12 + rel, 'logabsdet');
      }
      expect(s[0]).toEqual(s.sign);
    });

    it('inv and solve', () => {
      if (isError(c.inv)) {
        // LAPACK reports "Singular matrix" only for an exactly zero pivot, which depends on
        // rounding (OpenBLAS uses fused multiply-adds, JavaScript cannot): accept the error or
        // an inverse as large as a numerically singular matrix has.
        let big = Infinity;
        try {
          big = maxAbs(L.inv(a));
        } catch (e) {
          expect(e).toBeInstanceOf(LinAlgError);
        }
        expect(big).toBeGreaterThanOrEqual(Math.min(1 / (n * EPS * 1e3 * Math.max(scale, 1e-300)), Number.MAX_VALUE));
        return;
      }
      if (singular) return; // LAPACK may or may not hit an exact zero pivot
      expectNear(L.inv(a), c.inv, rel * maxAbs(c.inv), 'inv');
      const b = np.broadcastTo(np.arange(1, n + 1).reshape(n, 1), [...a.shape.slice(0, -2), n, 1]);
      expectNear(L.solve(a, b), c.solve, rel * maxAbs(c.solve), 'solve');
    });

    it('eigenvalues (eig and eigvals agree with NumPy as multisets)', () => {
      const tol = (EIG_TOL[name] ?? 1e-9) * Math.max(1, scale);
      const w = L.eigvals(a);
      expect(w.dtype === 'complex128' ? 'complex128' : 'float64').toBe(c.eig_dtype);
      const flatW: unknown[] = a.ndim === 2 ? [w] : (np.reshape(w, [-1, n]).tolist() as unknown[]);
      const flatE = a.ndim === 2 ? [c.eigvals_sorted] : (c.eigvals_sorted as unknown[]).flat(a.ndim - 3);
      flatW.forEach((row: unknown, i: number) => expectSameEigenvalues(row, flatE[i], tol, 'eigvals'));
      // eig's values are eigvals' values, and A V = V Λ.
      const { eigenvalues, eigenvectors } = L.eig(a);
      expectNear(eigenvalues, w, 0, 'eig vs eigvals');
      const ac = a.astype(eigenvectors.dtype === 'complex128' ? 'complex128' : 'float64');
      const resid = np.subtract(np.matmul(ac, eigenvectors), np.multiply(eigenvectors, np.expandDims(eigenvalues, -2)));
      expect(maxAbs(resid)).toBeLessThanOrEqual(1e-12 * n * Math.max(scale, maxAbs(eigenvalues)) + 1e-300);
    });

    it('singular values, rank, norms, cond', () => {
      const s = L.svd(a, { computeUv: false });
      const stol = 10 * n * EPS * Math.max(maxAbs(c.svd_s), Number.MIN_VALUE);
      expectNear(s, c.svd_s, stol, 'S');
      expectNear(L.matrixRank(a), c.rank, 0, 'rank');
      for (const [ord, v] of Object.entries(c.norms as Record<string, unknown>)) {
        const o = ord === 'fro' || ord === 'nuc' ? ord : ord === 'inf' ? Infinity : ord === '-inf' ? -Infinity : Number(ord);
        expectNear(L.norm(a, { ord: o, axis: [-2, -1] }), v, Math.max(stol, 1e-12 * maxAbs(v)), `norm ${ord}`);
      }
      if (!singular) {
        // σ_min carries an error of about eps·σ_max, so cond₂ is known to relative κ·eps.
        expectNear(L.cond(a), c.cond2, 10 * n * EPS * kappa * kappa + 1e-12 * kappa, 'cond');
        expectNear(L.cond(a, 1), c.cond1, rel * maxAbs(c.cond1), 'cond 1');
        expectNear(L.cond(a, Infinity), c.cond_inf, rel * maxAbs(c.cond_inf), 'cond inf');
        expectNear(L.cond(a, 'fro'), c.cond_fro, rel * maxAbs(c.cond_fro), 'cond fro');
      }
    });

    it('pinv', () => {
      if (singular) return; // the cutoff decides; covered by the rectangular rank-deficient cases
      expectNear(L.pinv(a), c.pinv, rel * maxAbs(c.pinv), 'pinv');
    });

    it('qr: Q R = A, Q orthogonal, and NumPy’s factors for well-conditioned A', () => {
      if (a.ndim !== 2) return;
      const { Q, R } = L.qr(a);
      expectNear(np.matmul(Q, R), a, 1e-13 * n * Math.max(scale, 1e-300), 'QR');
      expect(orthonormalityError(Q)).toBeLessThan(1e-13 * n);
      if (kappa < 1e8) {
        expectNear(Q, c.qr[0], 1e-12 * kappa * n, 'Q');
        expectNear(R, c.qr[1], 1e-12 * kappa * n * scale, 'R');
      }
    });

    it('matrixPower', () => {
      expectNear(L.matrixPower(a, 3), c.matrix_power3, 1e-13 * n * n * maxAbs(c.matrix_power3) + 1e-300, 'A^3');
      if (isError(c.matrix_power_neg2)) {
        let big = Infinity;
        try {
          big = maxAbs(L.matrixPower(a, -2));
        } catch (e) {
          expect(e).toBeInstanceOf(LinAlgError);
        }
        expect(big).toBeGreaterThanOrEqual(Math.min(1 / (n * EPS * 1e3 * Math.max(scale, 1e-300)), Number.MAX_VALUE));
      } else if (!singular) expectNear(L.matrixPower(a, -2), c.matrix_power_neg2, 3 * rel * maxAbs(c.matrix_power_neg2), 'A^-2');
    });
  });
}
