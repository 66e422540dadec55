/**
 * What the distribution objects share: parameter conversion and validation
 * (ValueError on invalid parameters, where SciPy would return NaN), the
 * number-in/number-out result convention, and the `size` rules of sampling.
 *
 * Densities are composed of ops and special-function primitives, so they are
 * differentiable in x and in the parameters (what MLE and HMC need); the
 * parameters may be traced values.
 */
import { asarray, concrete, DTypeError, NDArray, ValueError, type ArrayLike } from '../../core';
import { astype, greater, less, log, log1p, logicalOr, negative, where } from '../../ops';

/** A `size`/shape argument of `sample`: one length or a shape; omitted gives the parameters' shape. */
export type SampleShape = number | readonly number[] | null | undefined;

/** The value of a method: a number when everything involved is scalar and not traced, else an array. */
export type Value = NDArray | number;

/** A parameter or argument as a float array (float32 stays float32; ints and bools become float64). */
export function asFloat(x: ArrayLike, what: string): NDArray {
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new DTypeError(`${what} must be real, not complex`);
  return a.dtype === 'float64' || a.dtype === 'float32' ? a : astype(a, 'float64');
}

/**
 * Converts and validates a distribution parameter: every element must satisfy
 * `ok` (checked on the concrete values, so traced parameters work).
 * @throws {ValueError} "<Dist>: <name> must be <rule> (got <value>)".
 */
export function param(x: ArrayLike, dist: string, name: string, rule: string, ok: (v: number) => boolean): NDArray {
  const a = asFloat(x, `${dist}: ${name}`);
  const c = concrete(a);
  const d = c.dtype === 'float64' && c.isContiguous && c.offset === 0 ? (c.data as Float64Array) : Float64Array.from(c.toArray());
  for (let i = 0; i < c.size; i++) {
    if (!ok(d[i])) throw new ValueError(`${dist}: ${name} must be ${rule} (got ${d[i]})`);
  }
  return a;
}

/** Rules shared by many distributions. */
export const finite = (v: number): boolean => Number.isFinite(v);
export const positive = (v: number): boolean => v > 0 && v < Infinity;
export const probability = (v: number): boolean => v >= 0 && v <= 1;

/** A 0-d plain array as a number; anything else unchanged (reductions may already give numbers). */
export function result(r: NDArray | number): Value {
  if (typeof r === 'number') return r;
  return r.ndim === 0 && !r.isTraced() ? (r.item() as number) : r;
}

/** True when every argument is a JS number (a method then returns a number). */
export function allNumbers(...xs: unknown[]): boolean {
  return xs.every((x) => typeof x === 'number');
}

/**
 * The shape `sample` draws: `shape` itself when given (it must broadcast with
 * the parameters' batch shape, as NumPy's `size`), else the batch shape, or
 * `null` (a single number) when the parameters are scalars.
 */
export function sampleSize(shape: SampleShape, batch: readonly number[]): number[] | null {
  if (shape === undefined || shape === null) return batch.length === 0 ? null : [...batch];
  return typeof shape === 'number' ? [shape] : [...shape];
}

/** Rejects data that `fit` cannot use. */
export function fitData(data: ArrayLike, dist: string): NDArray {
  const a = asFloat(data, `${dist}.fit: data`);
  if (a.size === 0) throw new ValueError(`${dist}.fit: data must not be empty`);
  const c = concrete(a).toArray();
  for (const v of c) if (!Number.isFinite(v)) throw new ValueError(`${dist}.fit: data must be finite (got ${v})`);
  return a;
}

/** The elements of a plain array as a Float64Array (C order). */
export function valuesOf(a: NDArray): Float64Array {
  const c = concrete(a);
  return c.dtype === 'float64' && c.isContiguous && c.offset === 0 ? (c.data as Float64Array).subarray(0, c.size) : Float64Array.from(c.toArray());
}

/** A 0-d parameter as a number (so a sampler returns a number), else the array itself. */
export function scalarParam(p: NDArray): number | NDArray {
  return p.ndim === 0 && !p.isTraced() ? (p.item() as number) : p;
}

/** q as a float array with NaN outside [0, 1] (what quantile functions return there). */
export function probabilities(q: ArrayLike): NDArray {
  const qq = asFloat(q, 'q');
  return where(logicalOr(less(qq, 0), greater(qq, 1)), NaN, qq);
}

/**
 * log p for a tail probability p whose complement q = 1 - p is also known
 * accurately: log p below 1/2, log1p(-q) above, so that log cdf near 1 keeps
 * the tiny -sf instead of rounding to 0 (Gamma(100).logcdf(200) = -1.1e-72).
 */
export function logProbability(p: Value, q: Value): Value {
  const pa = asFloat(p, 'p');
  const qa = asFloat(q, 'q');
  return result(where(less(pa, 0.5), log(pa), log1p(negative(qa))));
}
