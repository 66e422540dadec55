/**
 * Autocorrelation and the energy diagnostic (ArviZ's `autocov`, `autocorr`,
 * `bfmi`).
 */
import { asarray, castCopy, DTypeError, NDArray, ValueError, type ArrayLike } from '../../core';
import { autocovInto } from './autocov';
import { varianceOf } from './chains';

function lastAxisLanes(x: ArrayLike, fname: string): { data: Float64Array; shape: number[]; n: number; lanes: number } {
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new DTypeError(`${fname}: complex input is not supported`);
  if (a.ndim === 0) throw new ValueError(`${fname}: expected at least a 1-D array, got a 0-d array`);
  const f = castCopy(a, 'float64');
  const n = a.shape[a.ndim - 1];
  return { data: f.data as Float64Array, shape: a.shape.slice(), n, lanes: n === 0 ? 0 : a.size / n };
}

/**
 * Autocovariance at every lag along the last axis (biased, divided by n),
 * by FFT as ArviZ's `autocov`.
 * @param x `(..., n)` values.
 * @returns an array of the same shape: γ₀ … γ_{n−1} along the last axis.
 * @throws {ValueError} for 0-d input; {@link DTypeError} for complex input.
 * @example autocov([1, 2, 3, 4])  // [ 1.25   0.3125 -0.375  -0.5625]
 */
export function autocov(x: ArrayLike): NDArray {
  const { data, shape, n, lanes } = lastAxisLanes(x, 'autocov');
  const out = new Float64Array(data.length);
  const lane = new Float64Array(n);
  for (let k = 0; k < lanes; k++) {
    autocovInto(data, k * n, n, lane);
    out.set(lane, k * n);
  }
  return new NDArray(out, shape, 'float64');
}

/**
 * Autocorrelation at every lag along the last axis (autocovariance over lag 0).
 * @param x `(..., n)` values.
 * @throws {ValueError} for 0-d input; {@link DTypeError} for complex input.
 * @example autocorr([1, 2, 3, 4])  // [ 1.    0.25 -0.3  -0.45]
 */
export function autocorr(x: ArrayLike): NDArray {
  const c = autocov(x);
  const d = c.data as Float64Array;
  const n = c.shape[c.ndim - 1];
  for (let k = 0; k < d.length; k += n) {
    const g0 = d[k];
    for (let t = n - 1; t >= 0; t--) d[k + t] /= g0;
  }
  return c;
}

/**
 * The Bayesian fraction of missing information of each chain (Betancourt 2016,
 * "Diagnosing suboptimal cotangent disintegrations in Hamiltonian Monte Carlo"):
 * mean((E_t − E_{t−1})²) / var(E). Values below 0.3 suggest the momentum
 * resampling explores the energy distribution poorly.
 * @param energy a sampler result's `energy`, shaped (chains, draws) (1-D: one chain), or an HMC/NUTS result.
 * @returns an NDArray of shape (chains,).
 * @throws {ValueError} for fewer than 2 draws.
 * @example bfmi([[1, 2, 1.5, 3, 2.5]])  // [1.5]
 */
export function bfmi(energy: ArrayLike | { energy: NDArray }): NDArray {
  const e = typeof energy === 'object' && energy !== null && 'energy' in energy && energy.energy instanceof NDArray ? energy.energy : (energy as ArrayLike);
  const { data, n, lanes } = lastAxisLanes(e, 'bfmi');
  if (n < 2) throw new ValueError('bfmi: needs at least 2 draws per chain');
  const out = new Float64Array(lanes);
  for (let c = 0; c < lanes; c++) {
    let num = 0;
    for (let t = 1; t < n; t++) {
      const d = data[c * n + t] - data[c * n + t - 1];
      num += d * d;
    }
    out[c] = num / (n - 1) / varianceOf(data, 1, c * n, n);
  }
  return new NDArray(out, [lanes], 'float64');
}
