/**
 * Uniform integers in [low, high) or [low, high] for `Generator.integers`
 * (Lemire) and legacy `RandomState.randint` (masked rejection), with NumPy's
 * argument handling from numpy/random/_bounded_integers.pyx.in: scalar bounds
 * fill the whole output from one sampler, array bounds broadcast.
 */
import { NDArray, toDType, TypeError_, ValueError, type ArrayLike, type DType } from '../core';
import type { BitGenerator } from './bitgen/bitGenerator';
import { BoundedBool, BoundedInt64, BoundedUint8, MAX_RANGE } from './distributions/bounded';
import { broadcastPlan, floatParam, intResult, prod, sizeShape, type Size } from './params';

/** Options of `integers` / `randint`. */
export interface IntegersOptions {
  /**
   * Result type: omitted or `'int64'`/`'int'` is NumPy's default int64 (stored
   * as int32 when the bounds fit, else float64); `'int32'`, `'uint8'` and
   * `'bool'` use NumPy's algorithm for that type.
   */
  dtype?: DType | 'int64' | 'int' | string;
  /** Include `high` (NumPy's `endpoint`, Generator only). */
  endpoint?: boolean;
}

type Kind = 'int64' | 'int32' | 'uint8' | 'bool';

function kindOf(dtype: IntegersOptions['dtype']): Kind {
  if (dtype === undefined || dtype === 'int64' || dtype === 'int' || dtype === 'i8' || dtype === 'long') return 'int64';
  const d = toDType(dtype);
  if (d === 'int32' || d === 'uint8' || d === 'bool') return d;
  throw new TypeError_(`Unsupported dtype '${String(dtype)}' for integers`);
}

const BOUNDS: Record<Kind, [number, number]> = {
  int64: [-MAX_RANGE, MAX_RANGE],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  bool: [0, 1],
};

/** NumPy's `format_bounds_error`. */
function boundsError(closed: boolean, lowIsZero: boolean): ValueError {
  if (lowIsZero) return new ValueError(closed ? 'high < 0' : 'high <= 0');
  return new ValueError(closed ? 'low > high' : 'low >= high');
}

function toInt(v: number): number {
  if (!Number.isFinite(v)) throw new ValueError(Number.isNaN(v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
  return Math.trunc(v);
}

/** A sampler object for one call. */
function samplerFor(kind: Kind, bg: BitGenerator, masked: boolean): { draw(off: number, rng: number): number } {
  if (kind === 'uint8') return new BoundedUint8(bg, masked);
  if (kind === 'bool') return new BoundedBool(bg);
  return new BoundedInt64(bg, masked);
}

function result(kind: Kind, shape: readonly number[], data: Float64Array): NDArray {
  if (kind === 'uint8') return new NDArray(Uint8Array.from(data), shape, 'uint8');
  if (kind === 'bool') return new NDArray(Uint8Array.from(data), shape, 'bool');
  if (kind === 'int32') return new NDArray(Int32Array.from(data), shape, 'int32');
  return intResult(shape, data);
}

/**
 * Uniform integers from `bg` (shared by `Generator.integers` and `RandomState.randint`).
 * `high` omitted → the range is [0, low).
 * @throws {ValueError} "low >= high", "high <= 0", "low is out of bounds for int64", …
 */
export function boundedIntegers(
  bg: BitGenerator,
  low: ArrayLike,
  high: ArrayLike | null | undefined,
  size: Size,
  opts: IntegersOptions,
  masked: boolean,
): number | NDArray {
  if (high === undefined || high === null) {
    high = low;
    low = 0;
  }
  const kind = kindOf(opts.dtype);
  const closed = opts.endpoint ?? false;
  const [lb, ub] = BOUNDS[kind];
  const shape = sizeShape(size);
  if (shape !== null && prod(shape) === 0) return result(kind, shape, new Float64Array(0));
  const lo = floatParam(low);
  const hi = floatParam(high);
  const sampler = samplerFor(kind, bg, masked);
  if (lo.shape.length === 0 && hi.shape.length === 0) {
    const l = toInt(lo.data[0]);
    const h = toInt(hi.data[0]) - (closed ? 0 : 1);
    if (l < lb) throw new ValueError(`low is out of bounds for ${kind}`);
    if (h > ub) throw new ValueError(`high is out of bounds for ${kind}`);
    if (l > h) throw boundsError(closed, l === 0);
    const rng = h - l;
    if (shape === null) return sampler.draw(l, rng);
    const out = new Float64Array(prod(shape));
    for (let i = 0; i < out.length; i++) out[i] = sampler.draw(l, rng);
    return result(kind, shape, out);
  }
  // Array bounds: NumPy checks them all before drawing, then draws per element.
  const lows = lo.data.map(toInt);
  const highs = hi.data.map(toInt);
  if (lows.some((v) => v < lb)) throw new ValueError(`low is out of bounds for ${kind}`);
  if (highs.some((v) => (closed ? v > ub : v > ub + 1))) throw new ValueError(`high is out of bounds for ${kind}`);
  const plan = broadcastPlan(shape, [lo.shape, hi.shape]);
  const [ol, oh] = plan.offsets;
  const out = new Float64Array(plan.size);
  const lowAllZero = lows.every((v) => v === 0);
  for (let i = 0; i < plan.size; i++) {
    const l = lows[ol === null ? i : ol[i]];
    const h = highs[oh === null ? i : oh[i]] - (closed ? 0 : 1);
    if (l > h) throw boundsError(closed, lowAllZero);
  }
  for (let i = 0; i < plan.size; i++) {
    const l = lows[ol === null ? i : ol[i]];
    const h = highs[oh === null ? i : oh[i]] - (closed ? 0 : 1);
    out[i] = sampler.draw(l, h - l);
  }
  return result(kind, plan.shape, out);
}
