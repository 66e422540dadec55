/**
 * ESS, R̂, MCSE, HDI and summary against ArviZ's definitions, computed in
 * NumPy/SciPy by scripts/fixtures/mcmc_diagnostics.py on fixed chains
 * (autocorrelated, antithetic, shifted chains with an odd draw count, heavy
 * tails, ties, one chain, constant, too short, NaN). Tolerance rtol 1e-10: the
 * only differences are FFT rounding (radix-2 here, pocketfft there) and the
 * normal quantile's last bits.
 */
import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core';
import { autocorr, autocov, bfmi, ess, hdi, mcse, rhat, summary, type EssMethod } from '../../src/mcmc';
import { expectAllClose, loadFixture } from '../helpers';

interface Case {
  name: string;
  x: number[][];
  ess: { method: EssMethod; prob: number | number[] | null; value: number }[];
  ess_bulk_relative: number;
  rhat: Record<'rank' | 'split' | 'folded' | 'z_scale' | 'identity', number>;
  mcse: { mean: number; sd: number; median: number; 'quantile_0.1': number };
  'hdi_0.94': number[];
  'hdi_0.5': number[];
  summary: Record<string, number>;
  autocov_chain0: number[] | null;
  bfmi: number[] | null;
}

const fx = loadFixture<{ cases: Case[]; trailing: Record<string, any> }>('mcmc/diagnostics.json');
const TOL = { rtol: 1e-10, atol: 1e-12 };

describe('diagnostics match the ArviZ formulas', () => {
  for (const c of fx.cases) {
    describe(c.name, () => {
      it('ess (every method)', () => {
        for (const e of c.ess) {
          const prob = e.prob === null ? undefined : (e.prob as number | [number, number]);
          expectAllClose(ess(c.x, { method: e.method, prob }), e.value, TOL);
        }
        expectAllClose(ess(c.x, { relative: true }), c.ess_bulk_relative, TOL);
      });
      it('rhat (every method)', () => {
        for (const [method, value] of Object.entries(c.rhat)) expectAllClose(rhat(c.x, { method: method as 'rank' }), value, TOL);
      });
      it('mcse of mean, sd, median and a quantile', () => {
        expectAllClose(mcse(c.x), c.mcse.mean, TOL);
        expectAllClose(mcse(c.x, { method: 'sd' }), c.mcse.sd, TOL);
        expectAllClose(mcse(c.x, { method: 'median' }), c.mcse.median, TOL);
        expectAllClose(mcse(c.x, { method: 'quantile', prob: 0.1 }), c.mcse['quantile_0.1'], TOL);
      });
      it('hdi', () => {
        expectAllClose(hdi(c.x), c['hdi_0.94'], TOL);
        expectAllClose(hdi(c.x, { hdiProb: 0.5 }), c['hdi_0.5'], TOL);
      });
      it('summary row', () => {
        const r = summary(c.x).rows[0];
        const s = c.summary;
        expectAllClose(
          [r.mean, r.sd, r.hdiLow, r.hdiHigh, r.mcseMean, r.mcseSd, r.essBulk, r.essTail, r.rHat],
          [s.mean, s.sd, s.hdi_low, s.hdi_high, s.mcse_mean, s.mcse_sd, s.ess_bulk, s.ess_tail, s.r_hat],
          TOL,
        );
      });
      if (c.autocov_chain0 !== null) {
        it('autocov, autocorr and bfmi', () => {
          expectAllClose(autocov(c.x[0]), c.autocov_chain0!, { rtol: 1e-9, atol: 1e-13 });
          if (c.name !== 'constant') expectAllClose(autocorr(c.x[0]).get(1), c.autocov_chain0![1] / c.autocov_chain0![0], { rtol: 1e-9 });
          expectAllClose(bfmi(c.x), c.bfmi!, TOL);
        });
      }
    });
  }

  it('(chains, draws, k) input gives one value per trailing index', () => {
    const t = fx.trailing;
    const e = ess(t.x) as NDArray;
    expect(e.shape).toEqual([2]);
    expectAllClose(e, t.ess_bulk, TOL);
    expectAllClose(rhat(t.x), t.rhat, TOL);
    expectAllClose(mcse(t.x), t.mcse_mean, TOL);
    expectAllClose(hdi(t.x), t.hdi, TOL);
    const s = summary(t.x, { name: 'theta' });
    expect(s.rows.map((r) => r.name)).toEqual(['theta[0]', 'theta[1]']);
    expectAllClose(s.rows.map((r) => r.essBulk), t.ess_bulk, TOL);
  });

  it('a 1-D array is one chain', () => {
    const c = fx.cases.find((k) => k.name === 'one_chain')!;
    expectAllClose(ess(c.x[0]), c.ess[0].value, TOL);
    expect(Number.isNaN(rhat(c.x[0]) as number)).toBe(true);
  });
});
