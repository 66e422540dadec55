/**
 * `choice` for `Generator` and `RandomState` (numpy/random/_generator.pyx and
 * mtrand.pyx): with replacement by inverse-CDF search (`p`) or uniform
 * integers; without replacement by repeated CDF draws with found entries
 * zeroed (`p`), Floyd's sampling with a hash set or a tail Fisher–Yates
 * (Generator), or a prefix of a permutation (RandomState).
 */
import { asarray, NDArray, TypeError_, ValueError, type ArrayLike } from '../core';
import type { BitGenerator } from './bitgen/bitGenerator';
import { BoundedInt64, genMask } from './distributions/bounded';
import { prod, sizeShape, type Size } from './params';
import { takeAlong } from './permute';

/** Options of `Generator.choice` (RandomState takes `replace` and `p` only). */
export interface ChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries of `a` (1-d, summing to 1 within √eps). */
  p?: ArrayLike | null;
  /** Axis of `a` to choose along (Generator only, default 0). */
  axis?: number;
  /** Shuffle the result of a sample without replacement (Generator only, default true). */
  shuffle?: boolean;
}

/** The draws choice needs from its owner (Generator or RandomState). */
export interface ChoiceHost {
  readonly bg: BitGenerator;
  /** Uniform doubles of the given shape (C order). */
  uniforms(n: number): Float64Array;
  /** Uniform integers in [0, n) for a with-replacement sample without p. */
  indices(n: number, count: number): Float64Array;
  /** Without replacement, without p. */
  sampleWithoutReplacement(pop: number, count: number, shuffle: boolean): Float64Array;
  readonly legacy: boolean;
}

/** Kahan's compensated sum, NumPy's `kahan_sum`. */
export function kahanSum(d: Float64Array): number {
  if (d.length === 0) return 0;
  let sum = d[0];
  let c = 0;
  for (let i = 1; i < d.length; i++) {
    const y = d[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** `cumsum(p) / cumsum(p)[-1]`, summed left to right as np.cumsum does. */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `cdf.searchsorted(u, side='right')`: the number of entries ≤ u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Validates `p` with NumPy's checks and messages (they differ in wording between the two APIs). */
function checkP(pIn: ArrayLike, pop: number, legacy: boolean): Float64Array {
  const pa = asarray(pIn);
  let atol = Math.sqrt(2.220446049250313e-16);
  if (pIn instanceof NDArray && pIn.dtype === 'float32') atol = Math.max(atol, Math.sqrt(1.1920928955078125e-7));
  if (pa.ndim !== 1) throw new ValueError(legacy ? "'p' must be 1-dimensional" : 'p must be 1-dimensional');
  if (pa.size !== pop) throw new ValueError(legacy ? "'a' and 'p' must have same size" : 'a and p must have same size');
  const p = Float64Array.from(pa.toArray());
  const sum = kahanSum(p);
  if (Number.isNaN(sum)) throw new ValueError(legacy ? 'probabilities contain NaN' : 'Probabilities contain NaN');
  if (p.some((v) => v < 0)) throw new ValueError(legacy ? 'probabilities are not non-negative' : 'Probabilities are not non-negative');
  if (Math.abs(sum - 1) > atol) {
    throw new ValueError(legacy ? 'probabilities do not sum to 1' : 'Probabilities do not sum to 1. See Notes section of docstring for more information.');
  }
  return p;
}

/** Indices of a weighted sample without replacement (NumPy's loop: redraw, zero the found, keep first occurrences). */
function weightedWithoutReplacement(host: ChoiceHost, p: Float64Array, count: number): Float64Array {
  let positive = 0;
  for (const v of p) if (v > 0) positive++;
  if (positive < count) throw new ValueError('Fewer non-zero entries in p than size');
  const found = new Float64Array(count);
  let nUniq = 0;
  const w = p.slice();
  while (nUniq < count) {
    const x = host.uniforms(count - nUniq);
    for (let i = 0; i < nUniq; i++) w[found[i]] = 0;
    const cdf = normalizedCdf(w);
    const seen = new Set<number>();
    for (let i = 0; i < x.length; i++) {
      const k = searchRight(cdf, x[i]);
      if (!seen.has(k)) {
        seen.add(k);
        found[nUniq++] = k;
      }
    }
  }
  return found;
}

/**
 * NumPy's `choice` on `host`'s stream.
 * @throws {ValueError} with NumPy's messages for a bad population, `p` or size.
 */
export function choose(host: ChoiceHost, a: ArrayLike, size: Size, opts: ChoiceOptions = {}): number | NDArray {
  const legacy = host.legacy;
  const replace = opts.replace ?? true;
  const axis = legacy ? 0 : (opts.axis ?? 0);
  const shape = sizeShape(size);
  const count = shape === null ? 1 : prod(shape);
  if (Array.isArray(a) && a.some((v) => typeof v !== 'number' && typeof v !== 'boolean' && !Array.isArray(v))) {
    // A plain list of other values (strings, objects): sample positions, return the items.
    const items = a as readonly unknown[];
    const picked = choose(host, items.length, size, opts);
    // callers type this through overloads: an item, or a flat array of items
    if (typeof picked === 'number') return items[picked] as never;
    return Array.from(picked.toArray(), (i) => items[i]) as never;
  }
  const arr = asarray(a);
  let pop: number;
  if (arr.ndim === 0) {
    const v = arr.item();
    if (typeof v !== 'number' || !Number.isInteger(v) || arr.dtype === 'float64' && typeof a !== 'number') {
      if (legacy) throw new ValueError('a must be 1-dimensional or an integer');
      throw new ValueError(`a must be a sequence or an integer, not <class '${typeof v === 'number' ? 'float' : typeof v}'>`);
    }
    pop = v;
    if (pop <= 0 && count !== 0) {
      throw new ValueError(legacy ? 'a must be greater than 0 unless no samples are taken' : 'a must be a positive integer unless no samples are taken');
    }
  } else {
    if (legacy && arr.ndim !== 1) throw new ValueError('a must be 1-dimensional');
    const ax = axis < 0 ? axis + arr.ndim : axis;
    if (!(ax >= 0 && ax < arr.ndim)) throw new ValueError(`axis ${axis} is out of bounds for array of dimension ${arr.ndim}`);
    pop = arr.shape[ax];
    if (pop === 0 && count !== 0) {
      throw new ValueError(legacy ? "'a' cannot be empty unless no samples are taken" : 'a cannot be empty unless no samples are taken');
    }
  }
  const p = opts.p === undefined || opts.p === null ? null : checkP(opts.p, pop, legacy);
  let idx: Float64Array;
  if (replace) {
    if (p !== null) {
      const cdf = normalizedCdf(p);
      const u = host.uniforms(count);
      idx = new Float64Array(count);
      for (let i = 0; i < count; i++) idx[i] = searchRight(cdf, u[i]);
    } else {
      idx = host.indices(pop, count);
    }
  } else {
    if (count > pop) {
      throw new ValueError(legacy ? "Cannot take a larger sample than population when 'replace=False'" : 'Cannot take a larger sample than population when replace is False');
    }
    idx = p !== null ? weightedWithoutReplacement(host, p, count) : host.sampleWithoutReplacement(pop, count, opts.shuffle ?? true);
  }
  if (arr.ndim === 0) return shape === null ? idx[0] : new NDArray(Int32Array.from(idx), shape, 'int32');
  const taken = takeAlong(arr, Int32Array.from(idx), shape ?? [], axis);
  if (shape === null && taken.ndim === 0) {
    const v = taken.item();
    if (typeof v !== 'number') throw new TypeError_('choice of a complex scalar: use size=[] for a 0-d array');
    return v;
  }
  return taken;
}

/**
 * Generator's sample without replacement (no `p`): a tail Fisher–Yates for a
 * large share of a big population, else Floyd's algorithm (Bentley & Floyd,
 * CACM 30(9), 1987) with an open-addressing hash set, optionally shuffled.
 * Positions come from Lemire draws (`random_bounded_uint64(…, 0, j, …)`).
 */
export function generatorWithoutReplacement(bg: BitGenerator, pop: number, count: number, shuffle: boolean): Float64Array {
  const draw = new BoundedInt64(bg, false);
  const cutoff = shuffle ? 50 : 20;
  if (pop > 10000 && count > Math.floor(pop / cutoff)) {
    const idx = new Float64Array(pop);
    for (let i = 0; i < pop; i++) idx[i] = i;
    shuffleInt(draw, idx, pop, Math.max(pop - count, 1));
    return idx.slice(pop - count);
  }
  const idx = new Float64Array(count);
  const mask = genMask(Math.trunc(1.2 * count));
  const setSize = mask + 1;
  const hash = new Float64Array(setSize).fill(-1);
  for (let j = pop - count; j < pop; j++) {
    const val = draw.draw(0, j);
    let loc = val % setSize;
    while (hash[loc] !== -1 && hash[loc] !== val) loc = (loc + 1) % setSize;
    if (hash[loc] === -1) {
      hash[loc] = val;
      idx[j - pop + count] = val;
    } else {
      loc = j % setSize;
      while (hash[loc] !== -1) loc = (loc + 1) % setSize;
      hash[loc] = j;
      idx[j - pop + count] = j;
    }
  }
  if (shuffle) shuffleInt(draw, idx, count, 1);
  return idx;
}

/** NumPy's `_shuffle_int`: Fisher–Yates on positions n-1 … first with Lemire draws. */
function shuffleInt(draw: BoundedInt64, data: Float64Array, n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = draw.draw(0, i);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}
