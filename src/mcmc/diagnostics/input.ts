/**
 * Draws given to a diagnostic, as ArviZ reads a NumPy array: shape
 * (chains, draws, ...) with one result per trailing index; a 1-D array is one
 * chain. Results are a number for (chains, draws) input, else an NDArray of
 * the trailing shape.
 */
import { asarray, castCopy, DTypeError, NDArray, ValueError, type ArrayLike } from '../../core';
import { hasNaN, type ChainMatrix } from './chains';

/** The draws of every scalar quantity in `x`, and the shape of the result. */
export interface PerVariable {
  readonly chains: number;
  readonly draws: number;
  /** Trailing shape (one diagnostic per element). */
  readonly shape: number[];
  /** Number of scalar quantities (product of `shape`). */
  readonly count: number;
  /** The (chains, draws) matrix of quantity `k` (a fresh copy). */
  at(k: number): ChainMatrix;
}

/** Reads `x` as (chains, draws, ...) draws. @throws {ValueError} for 0-d input; {@link DTypeError} for complex input. */
export function perVariable(x: ArrayLike, fname: string): PerVariable {
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new DTypeError(`${fname}: complex draws are not supported`);
  if (a.ndim === 0) throw new ValueError(`${fname}: expected draws shaped (chains, draws, ...), got a 0-d array`);
  const f = castCopy(a, 'float64');
  const data = f.data as Float64Array;
  const chains = a.ndim === 1 ? 1 : a.shape[0];
  const draws = a.ndim === 1 ? a.shape[0] : a.shape[1];
  const shape = a.shape.slice(2);
  const count = shape.reduce((p, d) => p * d, 1);
  return {
    chains,
    draws,
    shape,
    count,
    at(k: number): ChainMatrix {
      const out = new Float64Array(chains * draws);
      for (let i = 0; i < out.length; i++) out[i] = data[i * count + k];
      return { data: out, chains, draws };
    },
  };
}

/** One value per quantity: a number for (chains, draws) input, else an NDArray of the trailing shape. */
export function collect(v: PerVariable, f: (m: ChainMatrix) => number): number | NDArray {
  const out = new Float64Array(v.count);
  for (let k = 0; k < v.count; k++) out[k] = f(v.at(k));
  return v.shape.length === 0 ? out[0] : new NDArray(out, v.shape, 'float64');
}

/** ArviZ's `_not_valid`: too few draws (< 4) or chains, or any NaN, gives a NaN diagnostic. */
export function tooSmall(m: ChainMatrix, minChains = 1): boolean {
  return m.draws < 4 || m.chains < minChains || hasNaN(m.data);
}
