/**
 * The effective sample size and R̂ of a (chains, draws) matrix, exactly as
 * ArviZ's `_ess` and `_rhat` compute them (arviz/stats/diagnostics.py), which
 * follow Stan and Vehtari et al. (2021), "Rank-normalization, folding, and
 * localization: an improved R̂", eqs. (3)–(10):
 *
 * - ρ̂_t = 1 − (W − mean_c γ̂_{c,t}) / var⁺, with W the mean within-chain
 *   variance and var⁺ = (n−1)/n·W + B/n (B/n the variance of chain means);
 * - Geyer's initial positive sequence (sum pairs ρ̂_{2k} + ρ̂_{2k+1} while
 *   positive), made monotone (Geyer 1992, "Practical Markov chain Monte Carlo");
 * - τ̂ = −1 + 2 Σ ρ̂ (+ the last positive even term), floored at 1/log10(S);
 *   ESS = S / τ̂ with S = chains·draws.
 */
import { autocovInto } from './autocov';
import { hasNaN, varianceOf, type ChainMatrix } from './chains';

/** np.finfo(float).resolution: a matrix whose range is below it is constant. */
const RESOLUTION = 1e-15;

/** ArviZ's `_ess` (relative: divided by the number of draws). NaN when any value is NaN. */
export function essOf(a: ChainMatrix, relative = false): number {
  const { data, chains: m, draws: n } = a;
  if (hasNaN(data)) return NaN;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < lo) lo = data[i];
    if (data[i] > hi) hi = data[i];
  }
  if (hi - lo < RESOLUTION) return data.length;
  // Mean autocovariance over chains at each lag, and the chain means.
  const acov = new Float64Array(n);
  const meanAcov = new Float64Array(n);
  const chainMean = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    autocovInto(data, c * n, n, acov);
    for (let t = 0; t < n; t++) meanAcov[t] += acov[t];
    let s = 0;
    for (let t = 0; t < n; t++) s += data[c * n + t];
    chainMean[c] = s / n;
  }
  for (let t = 0; t < n; t++) meanAcov[t] /= m;
  const meanVar = (meanAcov[0] * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (m > 1) varPlus += varianceOf(chainMean, 1);

  const rho = new Float64Array(n);
  let rhoEven = 1;
  rho[0] = rhoEven;
  let rhoOdd = 1 - (meanVar - meanAcov[1]) / varPlus;
  rho[1] = rhoOdd;
  // Geyer's initial positive sequence.
  let t = 1;
  while (t < n - 3 && rhoEven + rhoOdd > 0) {
    rhoEven = 1 - (meanVar - meanAcov[t + 1]) / varPlus;
    rhoOdd = 1 - (meanVar - meanAcov[t + 2]) / varPlus;
    if (rhoEven + rhoOdd >= 0) {
      rho[t + 1] = rhoEven;
      rho[t + 2] = rhoOdd;
    }
    t += 2;
  }
  const maxT = t - 2;
  // The last even term improves the estimate when it is still positive.
  if (rhoEven > 0) rho[maxT + 1] = rhoEven;
  // Geyer's initial monotone sequence.
  t = 1;
  while (t <= maxT - 2) {
    if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]) {
      rho[t + 1] = (rho[t - 1] + rho[t]) / 2;
      rho[t + 2] = rho[t + 1];
    }
    t += 2;
  }
  const total = m * n;
  let sum = 0;
  for (let k = 0; k <= maxT; k++) sum += rho[k];
  let tau = -1 + 2 * sum + (maxT + 1 < n ? rho[maxT + 1] : 0);
  tau = Math.max(tau, 1 / Math.log10(total));
  if (hasNaN(rho)) return NaN;
  return (relative ? 1 : total) / tau;
}

/** ArviZ's `_rhat`: √((B/W + n − 1)/n) with B = n·var(chain means), W = mean chain variance (both ddof 1). */
export function rhatOf(a: ChainMatrix): number {
  const { data, chains: m, draws: n } = a;
  if (hasNaN(data)) return NaN;
  const chainMean = new Float64Array(m);
  let w = 0;
  for (let c = 0; c < m; c++) {
    let s = 0;
    for (let t = 0; t < n; t++) s += data[c * n + t];
    chainMean[c] = s / n;
    w += varianceOf(data, 1, c * n, n);
  }
  w /= m;
  const b = n * varianceOf(chainMean, 1);
  return Math.sqrt((b / w + n - 1) / n);
}
