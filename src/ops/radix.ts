/**
 * A stable LSD radix argsort for float64 keys: the permutation that sorts a
 * lane of numbers in NumPy's order (NaN last, -0 equal to +0, ties in input
 * order), in linear time. Each double is mapped to an unsigned 64-bit key
 * whose integer order is the numeric order (flip all bits of negatives, the
 * sign bit of the rest; Herf, "Radix Tricks", 2001), then the keys are sorted
 * by six 11-bit digits, low to high, each pass a counting sort (Knuth, TAOCP
 * vol. 3, 5.2.5). Passes whose digit is the same for every key are skipped.
 */

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/** Scratch space reused across lanes of one call. */
export interface RadixScratch {
  hi: Uint32Array;
  lo: Uint32Array;
  hi2: Uint32Array;
  lo2: Uint32Array;
  idx2: Int32Array;
  counts: Uint32Array;
}

/** Scratch buffers for lanes of up to `n` elements. */
export function radixScratch(n: number): RadixScratch {
  return {
    hi: new Uint32Array(n), lo: new Uint32Array(n), hi2: new Uint32Array(n), lo2: new Uint32Array(n),
    idx2: new Int32Array(n), counts: new Uint32Array(6 * BUCKETS),
  };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which Uint32 half of a float64 holds the sign and exponent on this platform.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/**
 * Writes into `perm[0..n)` the stable sorting permutation of the lane
 * `data[base + i*stride]`, i < n (numbers ascending, NaNs last).
 */
export function radixArgsort(data: ArrayLike<number>, base: number, stride: number, n: number, perm: Int32Array, s: RadixScratch): void {
  let hi = s.hi, lo = s.lo, hi2 = s.hi2, lo2 = s.lo2, idx = perm, idx2 = s.idx2;
  const counts = s.counts;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    let v = data[base + i * stride];
    if (v === 0) v = 0; // -0 sorts as +0 (equal in NumPy's order, so input order is kept)
    let h: number, l: number;
    if (v !== v) {
      h = 0xffffffff;
      l = 0xffffffff;
    } else {
      f64[0] = v;
      h = u32[HI];
      l = u32[LO];
      if (h & 0x80000000) {
        h = ~h >>> 0;
        l = ~l >>> 0;
      } else h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
    counts[l & MASK]++;
    counts[BUCKETS + ((l >>> 11) & MASK)]++;
    counts[2 * BUCKETS + (l >>> 22)]++;
    counts[3 * BUCKETS + (h & MASK)]++;
    counts[4 * BUCKETS + ((h >>> 11) & MASK)]++;
    counts[5 * BUCKETS + (h >>> 22)]++;
  }
  for (let pass = 0; pass < 6; pass++) {
    const c0 = pass * BUCKETS;
    // Skip a digit every key shares: the permutation would not change.
    let single = false;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[c0 + b];
      if (c !== 0) {
        single = c === n;
        break;
      }
    }
    if (single) continue;
    // exclusive prefix sums = first output slot of each bucket
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[c0 + b];
      counts[c0 + b] = sum;
      sum += c;
    }
    const word = pass < 3 ? lo : hi;
    const shift = (pass % 3) * BITS;
    for (let i = 0; i < n; i++) {
      const d = (word[i] >>> shift) & MASK;
      const j = counts[c0 + d]++;
      hi2[j] = hi[i];
      lo2[j] = lo[i];
      idx2[j] = idx[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  // After an odd number of passes the result sits in the scratch array.
  if (idx !== perm) perm.set(idx.subarray(0, n));
}
