/**
 * The draws of one scalar quantity as a (chains, draws) matrix, and the
 * transformations ArviZ applies before its diagnostics
 * (arviz/stats/diagnostics.py): splitting chains in half, rank
 * normalisation (Blom's offset c = 3/8), folding, indicator functions.
 * Reference: Vehtari, Gelman, Simpson, Carpenter, Bürkner (2021),
 * "Rank-normalization, folding, and localization: an improved R̂", §3–4.
 */
import { ndtri } from '../../stats/special/kernels/erfinv';

/** Row-major (chains, draws) values of one scalar quantity. */
export interface ChainMatrix {
  readonly data: Float64Array;
  readonly chains: number;
  readonly draws: number;
}

export function matrix(data: Float64Array, chains: number, draws: number): ChainMatrix {
  return { data, chains, draws };
}

/** `ary` with each chain cut into its first and last ⌊n/2⌋ draws (the middle draw of an odd chain is dropped), ArviZ's `_split_chains`. */
export function splitChains(a: ChainMatrix): ChainMatrix {
  const half = Math.floor(a.draws / 2);
  const out = new Float64Array(2 * a.chains * half);
  for (let c = 0; c < a.chains; c++) {
    const row = c * a.draws;
    out.set(a.data.subarray(row, row + half), c * half);
    out.set(a.data.subarray(row + a.draws - half, row + a.draws), (a.chains + c) * half);
  }
  return { data: out, chains: 2 * a.chains, draws: half };
}

/** Whether any value is NaN (ArviZ returns NaN diagnostics then). */
export function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/** Sorted copy. */
export function sorted(x: Float64Array): Float64Array {
  return Float64Array.from(x).sort();
}

/** Ranks 1..n with ties given their average rank (scipy.stats.rankdata, method 'average'); x must hold no NaN. */
export function rankAverage(x: Float64Array): Float64Array {
  // Sort a copy natively (no comparator), then place each value by binary search:
  // the tie block [lo, hi) of a value in sorted order has average rank (lo + hi + 1) / 2.
  const s = sorted(x);
  const n = x.length;
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo + 1;
    if (end < n && s[end] === v) {
      let top = n;
      while (end < top) {
        const mid = (end + top) >>> 1;
        if (s[mid] <= v) end = mid + 1;
        else top = mid;
      }
    }
    ranks[i] = (lo + end + 1) / 2;
  }
  return ranks;
}

/** Rank-normalised values Φ⁻¹((r − 3/8)/(S − 3/4 + 1)) over all chains together (ArviZ's `_z_scale`, Blom 1958). */
export function zScale(a: ChainMatrix): ChainMatrix {
  const r = rankAverage(a.data);
  const s = r.length;
  for (let i = 0; i < s; i++) r[i] = ndtri((r[i] - 0.375) / (s - 0.75 + 1));
  return { data: r, chains: a.chains, draws: a.draws };
}

/** NumPy's median (mean of the two middle values for an even count). */
export function median(x: Float64Array): number {
  const s = sorted(x);
  const n = s.length;
  const h = n >> 1;
  return n % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** |x − median(x)|, the folded draws of §4 (their median taken over `ref`, all draws by default). */
export function folded(a: ChainMatrix, ref: Float64Array = a.data): ChainMatrix {
  const m = median(ref);
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.abs(a.data[i] - m);
  return { data: out, chains: a.chains, draws: a.draws };
}

/**
 * The R type-7 quantile as ArviZ computes it (scipy.stats.mstats.mquantiles
 * with alphap = betap = 1), on sorted values.
 */
export function quantileSorted(s: Float64Array, p: number): number {
  const n = s.length;
  const aleph = n * p + 1 - p;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const g = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - g) * s[k - 1] + g * s[k];
}

/** The indicator I(x ≤ q) as 0/1 values. */
export function indicator(a: ChainMatrix, test: (v: number) => boolean): ChainMatrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = test(a.data[i]) ? 1 : 0;
  return { data: out, chains: a.chains, draws: a.draws };
}

/** Elementwise map. */
export function mapMatrix(a: ChainMatrix, f: (v: number) => number): ChainMatrix {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i]);
  return { data: out, chains: a.chains, draws: a.draws };
}

/** Mean of all values. */
export function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample variance with `ddof` of `x[offset .. offset+n)` (two-pass). */
export function varianceOf(x: ArrayLike<number>, ddof: number, offset = 0, n = x.length - offset): number {
  let m = 0;
  for (let i = 0; i < n; i++) m += x[offset + i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[offset + i] - m;
    ss += d * d;
  }
  return ss / (n - ddof);
}
