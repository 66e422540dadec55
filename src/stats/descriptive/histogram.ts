/**
 * numpy.histogram, numpy.histogram_bin_edges and numpy.bincount, following
 * numpy/lib/_histograms_impl.py step by step (the uniform-bin index
 * computation with its two corrections, the block-wise weighted sums, the
 * cumulative-sum path for explicit edges, and the eight bin-width estimators),
 * so counts, weighted sums and edges agree with NumPy to the last bit.
 */
import { asarray, concrete, linspace, NDArray, TypeError_, ValueError, type ArrayLike } from '../../core';
import { ascontiguousarray, astype } from '../../ops';
import { percentile } from './quantile';

/** The bin-width estimators numpy.histogram accepts as `bins`. */
export type BinEstimator = 'auto' | 'fd' | 'doane' | 'scott' | 'stone' | 'rice' | 'sturges' | 'sqrt';

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins (default 10), increasing bin edges, or an estimator name. */
  bins?: number | ArrayLike | BinEstimator;
  /** `[lower, upper]` range of the bins (default: the data's min and max); values outside are ignored. */
  range?: readonly [number, number] | null;
  /** Return the probability density (counts / (total · bin width)) instead of counts. */
  density?: boolean;
  /** A weight per element of `a` (same shape): sums of weights instead of counts. */
  weights?: ArrayLike | null;
}

/** `[hist, binEdges]`, with NumPy's names as fields too. */
export type HistogramResult = [NDArray, NDArray] & { hist: NDArray; binEdges: NDArray };

const ESTIMATORS: readonly BinEstimator[] = ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'];
const BLOCK = 65536;

/** The data's values (flattened, C order) and the weights, checked (NumPy's _ravel_and_check_weights). */
function prepare(a: ArrayLike, weights: ArrayLike | null | undefined): { x: Float64Array; isInt: boolean; w: Float64Array | null } {
  const arr = concrete(asarray(a));
  if (arr.dtype === 'complex128') throw new TypeError_('histogram: complex input is not supported');
  const x = flatValues(arr);
  let w: Float64Array | null = null;
  if (weights !== undefined && weights !== null) {
    const wa = concrete(asarray(weights));
    if (wa.ndim !== arr.ndim || wa.shape.some((s, i) => s !== arr.shape[i])) throw new ValueError('weights should have the same shape as a.');
    if (wa.dtype === 'complex128') throw new TypeError_('histogram: complex weights are not supported');
    w = flatValues(wa);
  }
  return { x, isInt: arr.dtype === 'int32' || arr.dtype === 'uint8' || arr.dtype === 'bool', w };
}

/** The elements of a real array as a Float64Array in C order (a view when already contiguous float64). */
function flatValues(a: NDArray): Float64Array {
  const c = a.dtype === 'float64' && a.isContiguous ? a : astype(ascontiguousarray(a), 'float64');
  return (c.data as Float64Array).subarray(c.offset, c.offset + a.size);
}

function minMax(x: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v !== v) return [NaN, NaN];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** NumPy's _get_outer_edges. */
function outerEdges(x: Float64Array, range: readonly [number, number] | null | undefined): [number, number] {
  let first: number;
  let last: number;
  if (range !== undefined && range !== null) {
    [first, last] = range;
    if (first > last) throw new ValueError('max must be larger than min in range parameter.');
    if (!(Number.isFinite(first) && Number.isFinite(last))) throw new ValueError(`supplied range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
  } else if (x.length === 0) {
    [first, last] = [0, 1];
  } else {
    [first, last] = minMax(x);
    if (!(Number.isFinite(first) && Number.isFinite(last))) throw new ValueError(`autodetected range of [${pyFloat(first)}, ${pyFloat(last)}] is not finite`);
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return [first, last];
}

function pyFloat(v: number): string {
  return Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
}

function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

function std(x: Float64Array): number {
  const m = mean(x);
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return Math.sqrt(s / x.length);
}

/** The bin width each estimator proposes (numpy's _hist_bin_* functions); 0 means "one bin". */
function binWidth(name: BinEstimator, x: Float64Array, range: [number, number]): number {
  const [lo, hi] = minMax(x);
  const ptp = hi - lo;
  const n = x.length;
  const sturges = (): number => ptp / (Math.log2(n) + 1);
  const sqrt = (): number => ptp / Math.sqrt(n);
  const fd = (): number => {
    const [q75, q25] = (percentile(x, [75, 25]) as NDArray).toArray();
    return 2 * (q75 - q25) * Math.pow(n, -1 / 3);
  };
  switch (name) {
    case 'sqrt':
      return sqrt();
    case 'sturges':
      return sturges();
    case 'rice':
      return ptp / (2 * Math.pow(n, 1 / 3));
    case 'scott':
      return Math.pow((24 * Math.sqrt(Math.PI)) / n, 1 / 3) * std(x);
    case 'fd':
      return fd();
    case 'auto':
      return Math.min(Math.max(fd(), sqrt() / 2), sturges());
    case 'doane': {
      if (n <= 2) return 0;
      const sg1 = Math.sqrt((6 * (n - 2)) / ((n + 1) * (n + 3)));
      const sigma = std(x);
      if (!(sigma > 0)) return 0;
      const m = mean(x);
      let g1 = 0;
      for (const v of x) g1 += ((v - m) / sigma) ** 3;
      g1 /= n;
      return ptp / (1 + Math.log2(n) + Math.log2(1 + Math.abs(g1) / sg1));
    }
    case 'stone': {
      if (n <= 1 || ptp === 0) return 0;
      const upper = Math.max(100, Math.floor(Math.sqrt(n)));
      let best = 1;
      let bestJ = Infinity;
      for (let nb = 1; nb <= upper; nb++) {
        const edges = linspace(range[0], range[1], nb + 1).data as Float64Array;
        const counts = uniformCounts(x, null, edges, range[0], range[1], nb, false);
        let pp = 0;
        for (const c of counts) pp += (c / n) * (c / n);
        const j = (2 - (n + 1) * pp) / (ptp / nb);
        if (j < bestJ) {
          bestJ = j;
          best = nb;
        }
      }
      return ptp / best;
    }
  }
}

/** NumPy's _get_bin_edges: the edges, and the uniform-bin description when the bins are equal. */
function binEdges(
  x: Float64Array, isInt: boolean, bins: HistogramOptions['bins'], range: HistogramOptions['range'], weighted: boolean,
): { edges: Float64Array; uniform: [number, number, number] | null } {
  let nEqual: number;
  let first: number;
  let last: number;
  if (typeof bins === 'string') {
    if (!ESTIMATORS.includes(bins as BinEstimator)) throw new ValueError(`'${bins}' is not a valid estimator for \`bins\``);
    if (weighted) throw new TypeError_('Automated estimation of the number of bins is not supported for weighted data');
    [first, last] = outerEdges(x, range);
    let data = x;
    if (range !== undefined && range !== null) data = x.filter((v) => v >= first && v <= last);
    if (data.length === 0) nEqual = 1;
    else {
      let width = binWidth(bins as BinEstimator, data, [first, last]);
      if (width) {
        if (isInt && width < 1) width = 1;
        nEqual = Math.ceil((last - first) / width);
      } else nEqual = 1;
    }
  } else if (typeof bins === 'number' || bins === undefined) {
    const b = bins ?? 10;
    if (!Number.isInteger(b)) throw new TypeError_('`bins` must be an integer, a string, or an array');
    if (b < 1) throw new ValueError('`bins` must be positive, when an integer');
    nEqual = b;
    [first, last] = outerEdges(x, range);
  } else {
    const e = concrete(asarray(bins as ArrayLike));
    if (e.ndim !== 1) throw new ValueError('`bins` must be 1d, when an array');
    const edges = Float64Array.from(e.toArray());
    for (let i = 0; i + 1 < edges.length; i++) {
      if (edges[i] > edges[i + 1]) throw new ValueError('`bins` must increase monotonically, when an array');
    }
    return { edges, uniform: null };
  }
  const edges = linspace(first, last, nEqual + 1).data as Float64Array;
  for (let i = 0; i + 1 < edges.length; i++) {
    if (!(edges[i] < edges[i + 1])) throw new ValueError(`Too many bins for data range. Cannot create ${nEqual} finite-sized bins.`);
  }
  return { edges, uniform: [first, last, nEqual] };
}

/** Counts (or weight sums) for equal bins, NumPy's fast path: index by arithmetic, then correct by ±1. */
function uniformCounts(
  x: Float64Array, w: Float64Array | null, edges: Float64Array, first: number, last: number, nb: number, blockwise = true,
): Float64Array {
  const n = new Float64Array(nb);
  const denom = last - first;
  const block = new Float64Array(nb);
  const step = blockwise ? BLOCK : Math.max(x.length, 1);
  for (let start = 0; start < x.length; start += step) {
    block.fill(0);
    const end = Math.min(start + step, x.length);
    for (let i = start; i < end; i++) {
      const v = x[i];
      if (!(v >= first && v <= last)) continue;
      let k = Math.trunc(((v - first) / denom) * nb);
      if (k === nb) k -= 1;
      if (v < edges[k]) k -= 1;
      if (v >= edges[k + 1] && k !== nb - 1) k += 1;
      block[k] += w === null ? 1 : w[i];
    }
    for (let k = 0; k < nb; k++) n[k] += block[k];
  }
  return n;
}

/** Counts for arbitrary edges: sorted data and searchsorted over the edges, the last bin closed. */
function edgeCounts(x: Float64Array, w: Float64Array | null, edges: Float64Array): Float64Array {
  const m = edges.length;
  const cum = new Float64Array(m);
  for (let start = 0; start < x.length; start += BLOCK) {
    const end = Math.min(start + BLOCK, x.length);
    const idx = Array.from({ length: end - start }, (_, i) => start + i);
    idx.sort((i, j) => cmp(x[i], x[j]) || i - j);
    const sa = idx.map((i) => x[i]);
    const cw = new Float64Array(sa.length + 1);
    if (w !== null) for (let i = 0; i < sa.length; i++) cw[i + 1] = cw[i] + w[idx[i]];
    for (let e = 0; e < m; e++) {
      const pos = e < m - 1 ? searchLeft(sa, edges[e]) : searchRight(sa, edges[e]);
      cum[e] += w === null ? pos : cw[pos];
    }
  }
  const n = new Float64Array(Math.max(m - 1, 0));
  for (let i = 0; i + 1 < m; i++) n[i] = cum[i + 1] - cum[i];
  return n;
}

/** NumPy's sort order: NaN last. */
function cmp(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function searchLeft(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(a[mid], v) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function searchRight(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(a[mid], v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The histogram of `a` (numpy.histogram): counts (int) or weight sums in
 * each bin; bins are half-open [e_i, e_{i+1}) except the last, which is closed.
 * @param a data of any shape (flattened).
 * @returns `[hist, binEdges]` (also as `.hist`, `.binEdges`): `(nbins,)` and `(nbins + 1,)`.
 * @throws {ValueError} for a bad range, non-finite autodetected range, bins that are not positive, not increasing,
 * or not 1-d, an unknown estimator, or weights of another shape.
 * @throws {TypeError} for non-integer bins, or an estimator with weights.
 * @example histogram([1, 2, 1], { bins: [0, 1, 2, 3] })  // [[0 2 1], [0. 1. 2. 3.]]
 * @example histogram([0, 1, 2, 3], { bins: 2, density: true })[0]  // [0.33333333 0.33333333]
 */
export function histogram(a: ArrayLike, opts: HistogramOptions = {}): HistogramResult {
  const { x, isInt, w } = prepare(a, opts.weights);
  const { edges, uniform } = binEdges(x, isInt, opts.bins, opts.range, w !== null);
  const counts = uniform !== null ? uniformCounts(x, w, edges, uniform[0], uniform[1], uniform[2]) : edgeCounts(x, w, edges);
  let hist: NDArray;
  if (opts.density) {
    let total = 0;
    for (const c of counts) total += c;
    const d = new Float64Array(counts.length);
    for (let i = 0; i < counts.length; i++) d[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
    hist = new NDArray(d, [d.length], 'float64');
  } else if (w === null) hist = new NDArray(Int32Array.from(counts), [counts.length], 'int32');
  else hist = new NDArray(counts, [counts.length], 'float64');
  const be = new NDArray(Float64Array.from(edges), [edges.length], 'float64');
  return Object.assign([hist, be] as [NDArray, NDArray], { hist, binEdges: be });
}

/**
 * The bin edges numpy.histogram would use (numpy.histogram_bin_edges).
 * @returns `(nbins + 1,)` edges.
 * @throws as {@link histogram}.
 * @example histogramBinEdges([0, 0, 0, 1, 2, 3, 3, 4, 5], { bins: 'auto' })  // [0. 1. 2. 3. 4. 5.]
 */
export function histogramBinEdges(a: ArrayLike, opts: Omit<HistogramOptions, 'density'> = {}): NDArray {
  const { x, isInt, w } = prepare(a, opts.weights);
  const { edges } = binEdges(x, isInt, opts.bins, opts.range, w !== null);
  return new NDArray(Float64Array.from(edges), [edges.length], 'float64');
}

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** A weight per element of x: the result sums weights (float) instead of counting (int). */
  weights?: ArrayLike | null;
  /** A minimum length of the result. */
  minlength?: number;
}

/**
 * Counts of each non-negative integer value in `x` (numpy.bincount): the
 * result has length max(max(x) + 1, minlength).
 * @param x `(n,)` non-negative integers.
 * @throws {ValueError} for negative values, x not 1-d ("object too deep for desired array"), a negative minlength,
 * or weights of another length ("The weights and list don't have the same length.").
 * @throws {TypeError} for complex input (float input is truncated, as NumPy 2.4 still does with a warning).
 * @example bincount([0, 1, 1, 3, 2, 1, 7])  // [1 3 1 1 0 0 0 1]
 * @example bincount([0, 1, 1, 2], { weights: [0.3, 0.5, 0.2, 0.7] })  // [0.3 0.7 0.7]
 */
export function bincount(x: ArrayLike, opts: BincountOptions = {}): NDArray {
  const a = concrete(asarray(x));
  const minlength = opts.minlength ?? 0;
  if (!Number.isInteger(minlength)) throw new TypeError_("'float' object cannot be interpreted as an integer");
  if (minlength < 0) throw new ValueError("'minlength' must not be negative");
  if (a.ndim > 1) throw new ValueError('object too deep for desired array');
  if (a.ndim === 0) throw new ValueError('object of too small depth for desired array');
  if (a.dtype === 'complex128') throw new TypeError_("Cannot cast array data from dtype('complex128') to dtype('int64') according to the rule 'safe'");
  // NumPy 2.4 still casts float input to integers (truncating), with a DeprecationWarning
  const v = a.toArray().map((k) => Math.trunc(k));
  let top = -1;
  for (const k of v) {
    if (k < 0) throw new ValueError("'list' argument must have no negative elements");
    if (k > top) top = k;
  }
  const len = Math.max(top + 1, minlength);
  if (opts.weights === undefined || opts.weights === null) {
    const out = new Int32Array(len);
    for (const k of v) out[k]++;
    return new NDArray(out, [len], 'int32');
  }
  const w = concrete(asarray(opts.weights));
  if (w.ndim !== 1 || w.size !== v.length) throw new ValueError("The weights and list don't have the same length.");
  const wv = w.toArray();
  const out = new Float64Array(len);
  for (let i = 0; i < v.length; i++) out[v[i]] += wv[i];
  return new NDArray(out, [len], 'float64');
}
