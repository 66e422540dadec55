/**
 * Rectangular matrices (tall, wide, rank deficient, Läuchli with ε = 1e-7,
 * row and column vectors, stacked, very tall) against NumPy: SVD (values,
 * reduced and full factors), QR in every mode, lstsq (vector and matrix
 * right-hand sides, rcond, NumPy's residual rules), pinv (rcond and rtol),
 * matrixRank (default and tol), norms and cond.
 *
 * Tolerances: singular values 10·max(m,n)·eps·σ_max; singular vectors (when
 * σ's are separated by > 1e-6σ_max) compared after fixing signs pairwise, to
 * 1e-8; reconstructions U Σ Vᵀ and Q R to 1e-13·n·‖A‖; least-squares and
 * pseudo-inverse results relative κ·n·eps·100 with κ = σ_max/σ_min over the
 * kept singular values.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { arr, EPS, expectNear, flat, maxAbs, orthonormalityError, rectangular } from './util';

const L = np.linalg;

/** U and Vh with each singular pair's sign fixed by U's largest component. */
function fixPairs(U: number[][], Vh: number[][]): [number[][], number[][]] {
  const u = U.map((r) => r.slice()), vh = Vh.map((r) => r.slice());
  const k = Math.min(u[0]?.length ?? 0, vh.length);
  for (let j = 0; j < k; j++) {
    let p = 0;
    for (let i = 0; i < u.length; i++) if (Math.abs(u[i][j]) > Math.abs(u[p][j]) + 1e-12) p = i;
    if (u[p][j] < 0) {
      for (const row of u) row[j] = -row[j];
      vh[j] = vh[j].map((x) => -x);
    }
  }
  return [u, vh];
}

for (const [name, c] of Object.entries(rectangular())) {
  describe(`rectangular: ${name}`, () => {
    const a = arr(c.a);
    const [m, n] = a.shape.slice(-2);
    const k = Math.min(m, n);
    const scale = Math.max(maxAbs(c.a), 1e-300);
    const stol = 10 * Math.max(m, n) * EPS * Math.max(maxAbs(c.svd_s), 1e-300);
    const s = flat(c.svd_s).map(([x]) => x);
    const kept = s.filter((x) => x > s[0] * Math.max(m, n) * EPS);
    const kappa = kept.length ? kept[0] / kept[kept.length - 1] : 1;
    const rel = Math.max(1e-12, kappa * Math.max(m, n) * EPS * 100);

    it('svd', () => {
      expectNear(L.svd(a, { computeUv: false }), c.svd_s, stol, 'S');
      for (const full of [false, true]) {
        const { U, S, Vh } = L.svd(a, { fullMatrices: full });
        const ref = full ? c.svd_full : c.svd_reduced;
        expect(U.shape).toEqual(arr(ref[0]).shape);
        expect(Vh.shape).toEqual(arr(ref[2]).shape);
        const Uk = U.get('...', `:${k}`), Vk = Vh.get('...', `:${k}`, ':');
        expectNear(np.matmul(np.multiply(Uk, np.expandDims(S, -2)), Vk), a, 1e-13 * Math.max(m, n) * scale, 'U S Vh');
        if (a.ndim === 2) {
          expect(orthonormalityError(U)).toBeLessThan(1e-13 * m);
          expect(orthonormalityError(Vh.T)).toBeLessThan(1e-13 * n);
          const sep = s.every((x, i) => i === 0 || s[i - 1] - x > 1e-6 * s[0]) && s[k - 1] > 1e-6 * s[0];
          if (sep) {
            const [u1, v1] = fixPairs((Uk.tolist() as number[][]), Vk.tolist() as number[][]);
            const [u2, v2] = fixPairs((arr(ref[0]).get(':', `:${k}`).tolist() as number[][]), arr(ref[2]).get(`:${k}`, ':').tolist() as number[][]);
            expectNear(u1, u2, 1e-8, 'U up to sign');
            expectNear(v1, v2, 1e-8, 'Vh up to sign');
          }
        }
      }
    });

    it('qr in every mode', () => {
      if (a.ndim !== 2) {
        const { Q, R } = L.qr(a);
        expectNear(np.matmul(Q, R), a, 1e-13 * n * scale, 'Q R');
        return;
      }
      for (const [mode, ref] of [['reduced', c.qr_reduced], ['complete', c.qr_complete]] as const) {
        const { Q, R } = L.qr(a, { mode });
        expect(Q.shape).toEqual(arr(ref[0]).shape);
        expectNear(np.matmul(Q, R), a, 1e-13 * Math.max(m, n) * scale, `${mode} Q R`);
        expect(orthonormalityError(Q)).toBeLessThan(1e-13 * m);
        if (kept.length === k) {
          expectNear(Q.get(':', `:${k}`), arr(ref[0]).get(':', `:${k}`), 1e-12 * kappa * m, `${mode} Q`);
          expectNear(R, ref[1], 1e-12 * kappa * m * scale, `${mode} R`);
        }
      }
      expectNear(L.qr(a, { mode: 'r' }), c.qr_r, kept.length === k ? 1e-12 * kappa * m * scale : Infinity, 'r');
      const [h, tau] = L.qr(a, { mode: 'raw' });
      expect(h.shape).toEqual([n, m]);
      if (kept.length === k) {
        expectNear(h, c.qr_raw[0], 1e-12 * kappa * m * scale, 'raw h');
        expectNear(tau, c.qr_raw[1], 1e-12 * kappa * m, 'raw tau');
      }
    });

    it('pinv, rank, norms, cond', () => {
      expectNear(L.pinv(a), c.pinv, rel * maxAbs(c.pinv), 'pinv');
      expectNear(L.pinv(a, { rtol: null }), c.pinv_rtol_none, rel * maxAbs(c.pinv_rtol_none), 'pinv rtol=None');
      expectNear(L.matrixRank(a), c.rank, 0, 'rank');
      expectNear(L.matrixRank(a, { tol: 1e-3 }), c.rank_tol, 0, 'rank tol');
      for (const [ord, v] of Object.entries(c.norms as Record<string, unknown>)) {
        const o = ord === 'fro' || ord === 'nuc' ? ord : ord === 'inf' ? Infinity : ord === '-inf' ? -Infinity : Number(ord);
        expectNear(L.norm(a, { ord: o, axis: [-2, -1] }), v, Math.max(stol, 1e-12 * maxAbs(v)), `norm ${ord}`);
      }
      if (kept.length === k) expectNear(L.cond(a), c.cond2, 10 * k * EPS * kappa * kappa + 1e-12 * kappa, 'cond');
    });

    if (c.lstsq_vec) {
      it('lstsq', () => {
        const b = np.arange(1, m + 1).astype('float64');
        const B = np.stack([b, np.square(b)], { axis: 1 });
        for (const [label, got, ref] of [
          ['vector', L.lstsq(a, b), c.lstsq_vec],
          ['matrix', L.lstsq(a, B), c.lstsq_mat],
          ['rcond', L.lstsq(a, b, { rcond: 1e-3 }), c.lstsq_rcond],
        ] as const) {
          const [x, res, rank, sv] = got;
          expectNear(x, ref[0], rel * Math.max(maxAbs(ref[0]), 1), `${label} x`);
          expect(res.shape, `${label} residual shape`).toEqual(arr(ref[1]).shape.length ? arr(ref[1]).shape : [0]);
          if (res.size) expectNear(res, ref[1], 1e-9 * Math.max(maxAbs(ref[1]), 1), `${label} residuals`);
          expect(rank).toBe(ref[2]);
          expectNear(sv, ref[3], stol, `${label} s`);
          expect(got.x).toBe(x);
        }
      });
    }
  });
}
