/**
 * numts/stats beside NumPy/SciPy: special functions on 1e6 values (scalar
 * kernels in one strided loop), a distribution's log-density, and the
 * descriptive statistics that select or count (median, quantile, histogram).
 */
import * as st from '../../src/stats';
import { defaultRng } from '../../src/random';
import type { BenchCase } from '../harness';

const N = 1_000_000;
const normals = () => defaultRng(0).standardNormal(N);
const uniforms = () => defaultRng(0).random(N);
const SETUP = 'import scipy.special as sc, scipy.stats as ss; rng=np.random.default_rng(0); x=rng.standard_normal(1000000); u=rng.random(1000000)';

export const cases: BenchCase[] = [
  { group: 'stats', name: 'erf of 1e6', numts: () => { const x = normals(); return () => st.erf(x); }, numpy: { setup: SETUP, stmt: 'sc.erf(x)' } },
  { group: 'stats', name: 'ndtr of 1e6', numts: () => { const x = normals(); return () => st.ndtr(x); }, numpy: { setup: SETUP, stmt: 'sc.ndtr(x)' } },
  { group: 'stats', name: 'ndtri of 1e6', numts: () => { const u = uniforms(); return () => st.ndtri(u); }, numpy: { setup: SETUP, stmt: 'sc.ndtri(u)' } },
  { group: 'stats', name: 'gammaln of 1e6 in (0, 10)', numts: () => { const u = uniforms().mul(10); return () => st.gammaln(u); }, numpy: { setup: SETUP + '; v=u*10', stmt: 'sc.gammaln(v)' } },
  { group: 'stats', name: 'digamma of 1e6 in (0, 10)', numts: () => { const u = uniforms().mul(10); return () => st.digamma(u); }, numpy: { setup: SETUP + '; v=u*10', stmt: 'sc.digamma(v)' } },
  { group: 'stats', name: 'gammainc(2.5, x) of 1e6', numts: () => { const u = uniforms().mul(8); return () => st.gammainc(2.5, u); }, numpy: { setup: SETUP + '; v=u*8', stmt: 'sc.gammainc(2.5, v)' } },
  { group: 'stats', name: 'betainc(2, 3, x) of 1e6', numts: () => { const u = uniforms(); return () => st.betainc(2, 3, u); }, numpy: { setup: SETUP, stmt: 'sc.betainc(2, 3, u)' } },
  { group: 'stats', name: 'expit of 1e6', numts: () => { const x = normals(); return () => st.expit(x); }, numpy: { setup: SETUP, stmt: 'sc.expit(x)' } },
  { group: 'stats', name: 'logsumexp of 1e6', numts: () => { const x = normals(); return () => st.logsumexp(x); }, numpy: { setup: SETUP, stmt: 'sc.logsumexp(x)' } },
  {
    group: 'stats', name: 'Normal(0.5, 2).logpdf of 1e6',
    numts: () => { const x = normals(); const d = new st.Normal(0.5, 2); return () => d.logpdf(x); },
    numpy: { setup: SETUP + '; d=ss.norm(0.5, 2)', stmt: 'd.logpdf(x)' },
  },
  { group: 'stats', name: 'median of 1e6', numts: () => { const x = normals(); return () => st.median(x); }, numpy: { setup: SETUP, stmt: 'np.median(x)' } },
  { group: 'stats', name: 'quantile of 1e6 at [.1, .5, .9]', numts: () => { const x = normals(); return () => st.quantile(x, [0.1, 0.5, 0.9]); }, numpy: { setup: SETUP, stmt: 'np.quantile(x, [0.1, 0.5, 0.9])' } },
  { group: 'stats', name: 'histogram of 1e6, 50 bins', numts: () => { const x = normals(); return () => st.histogram(x, { bins: 50 }); }, numpy: { setup: SETUP, stmt: 'np.histogram(x, bins=50)' } },
];
