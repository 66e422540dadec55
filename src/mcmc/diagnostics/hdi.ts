/**
 * The highest density interval of draws, ArviZ's `az.hdi` (unimodal
 * version, arviz/stats/stats.py `_hdi`): the narrowest interval holding
 * ⌊p·n⌋ + 1 of the sorted draws (Chen & Shao 1999, "Monte Carlo estimation of
 * Bayesian credible and HPD intervals").
 */
import { NDArray, ValueError, type ArrayLike } from '../../core';
import { hasNaN, sorted } from './chains';
import { perVariable } from './input';

/** [low, high] of the shortest interval covering `hdiProb` of `x` (NaN when any value is NaN). */
export function hdiOf(x: Float64Array, hdiProb: number): [number, number] {
  if (hasNaN(x)) return [NaN, NaN];
  const s = sorted(x);
  const n = s.length;
  const inc = Math.floor(hdiProb * n);
  const count = n - inc;
  if (count <= 0) throw new ValueError('Too few elements for interval calculation. ');
  let best = 0;
  let width = Infinity;
  for (let i = 0; i < count; i++) {
    const w = s[i + inc] - s[i];
    if (w < width) {
      width = w;
      best = i;
    }
  }
  return [s[best], s[best + inc]];
}

/** Checks ArviZ's rule 0 < hdiProb ≤ 1. */
export function checkHdiProb(p: number): number {
  if (!(p > 0 && p <= 1)) throw new ValueError('The value of hdi_prob should be in the interval (0, 1]');
  return p;
}

/**
 * Highest density interval over all chains and draws (ArviZ's default
 * probability 0.94).
 * @param x draws shaped `(chains, draws, ...)` (1-D: one chain).
 * @returns an NDArray shaped `(..., 2)`: `[low, high]` for each quantity.
 * @throws {ValueError} "The value of hdi_prob should be in the interval (0, 1]";
 *   "Too few elements for interval calculation. " when ⌊p·n⌋ = n.
 * @example
 * hdi([[1, 2, 3, 4, 5, 6, 7, 8, 9, 50]], { hdiProb: 0.8 });  // [1. 9.]
 */
export function hdi(x: ArrayLike, opts: { hdiProb?: number } = {}): NDArray {
  const p = checkHdiProb(opts.hdiProb ?? 0.94);
  const v = perVariable(x, 'hdi');
  const out = new Float64Array(2 * v.count);
  for (let k = 0; k < v.count; k++) {
    const [lo, hi] = hdiOf(v.at(k).data, p);
    out[2 * k] = lo;
    out[2 * k + 1] = hi;
  }
  return new NDArray(out, [...v.shape, 2], 'float64');
}
