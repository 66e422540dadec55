/**
 * Sorting along an axis: `sort` (a primitive; its VJP sends each cotangent
 * back to where its value came from), the in-place `a.sort()`, and `argsort`.
 * Both are stable (NumPy's kind='stable') and order NaN last, as NumPy does;
 * complex values sort lexicographically by (real, imag) with NaNs last.
 *
 * Values of real dtypes sort with the engine's native typed-array sort (no
 * comparator calls); argsort uses a stable merge sort over index arrays with
 * inline comparisons (NaNs partitioned to the end first).
 */
import {
  allocate, asarray, bind, castCopy, concrete, definePrimitive, NDArray, normalizeAxis, TracerError, ValueError, zeros,
  type ArrayLike, type TypedArray,
} from '../core';
import { takeAlongAxis, setIndex } from './indexing';
import { ravel } from './movement';
import { radixArgsort, radixScratch, type RadixScratch } from './radix';

/** Calls `fn(base)` with the buffer offset of every 1-D lane along `axis` (in C order of the other axes). */
export function forEachLane(x: NDArray, axis: number, fn: (base: number) => void): void {
  const shape = x.shape.filter((_, d) => d !== axis);
  const strides = x.strides.filter((_, d) => d !== axis);
  for (const d of shape) if (d === 0) return;
  if (x.shape[axis] === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  let p = x.offset;
  for (;;) {
    fn(p);
    let d = shape.length - 1;
    for (; d >= 0; d--) {
      p += strides[d];
      if (++idx[d] < shape[d]) break;
      p -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * Stable merge sort of the pairs (key[i], idx[i]), i < n, by key (no NaNs in
 * the range): insertion sort on runs of 16, then bottom-up merges (Knuth,
 * TAOCP vol. 3, 5.2.4). Keys move with their indices, so every pass reads
 * memory in order instead of chasing `key[idx[i]]`.
 */
function mergeSortPairs(key: Float64Array, idx: Int32Array, key2: Float64Array, idx2: Int32Array, n: number): void {
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const kv = key[i];
      const iv = idx[i];
      let j = i - 1;
      while (j >= lo && key[j] > kv) {
        key[j + 1] = key[j];
        idx[j + 1] = idx[j];
        j--;
      }
      key[j + 1] = kv;
      idx[j + 1] = iv;
    }
  }
  let ks = key, is = idx, kd = key2, id = idx2;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (ks[j] < ks[i]) {
          kd[k] = ks[j];
          id[k++] = is[j++];
        } else {
          kd[k] = ks[i];
          id[k++] = is[i++];
        }
      }
      while (i < mid) {
        kd[k] = ks[i];
        id[k++] = is[i++];
      }
      while (j < hi) {
        kd[k] = ks[j];
        id[k++] = is[j++];
      }
    }
    [ks, kd] = [kd, ks];
    [is, id] = [id, is];
  }
  if (is !== idx) idx.set(is.subarray(0, n));
}

/** Complex order: lexicographic by (re, im), NaN parts after numbers (NumPy's order). */
export function complexCompare(ar: number, ai: number, br: number, bi: number): number {
  const an = ar !== ar, bn = br !== br;
  if (an !== bn) return an ? 1 : -1;
  if (!an && ar !== br) return ar < br ? -1 : 1;
  const ain = ai !== ai, bin = bi !== bi;
  if (ain !== bin) return ain ? 1 : -1;
  if (!ain && ai !== bi) return ai < bi ? -1 : 1;
  return 0;
}

/**
 * The stable sorting permutation of the lane `data[base + i*stride]`, i < n,
 * written into `perm` (complex: `w = 2`, element offsets doubled).
 */
export function argsortLane(data: TypedArray, base: number, stride: number, n: number, complex: boolean, perm: Int32Array, scratch: ArgsortScratch): void {
  if (complex) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const pa = 2 * (base + a * stride), pb = 2 * (base + b * stride);
      return complexCompare(data[pa], data[pa + 1], data[pb], data[pb + 1]) || a - b;
    });
    for (let i = 0; i < n; i++) perm[i] = order[i];
    return;
  }
  if (n >= RADIX_MIN) {
    radixArgsort(data, base, stride, n, perm, scratch.radix ?? (scratch.radix = radixScratch(scratch.key.length)));
    return;
  }
  const { key, tmp, key2, tmp2 } = scratch;
  // Numbers first (in order), NaNs after: a stable partition, then sort the numbers with their indices.
  let m = 0;
  let nans = 0;
  for (let i = 0; i < n; i++) {
    const v = data[base + i * stride];
    if (v === v) {
      key[m] = v;
      perm[m++] = i;
    } else tmp[nans++] = i;
  }
  for (let i = 0; i < nans; i++) perm[m + i] = tmp[i];
  mergeSortPairs(key, perm, key2, tmp2, m);
}

/** Scratch buffers for {@link argsortLane} on lanes of length n. */
export function argsortScratch(n: number): ArgsortScratch {
  return { key: new Float64Array(n), tmp: new Int32Array(n), key2: new Float64Array(n), tmp2: new Int32Array(n) };
}
export interface ArgsortScratch {
  key: Float64Array;
  tmp: Int32Array;
  key2: Float64Array;
  tmp2: Int32Array;
  radix?: RadixScratch;
}

/** Lanes at least this long use the radix argsort (linear time); shorter ones the merge sort. */
const RADIX_MIN = 256;

/**
 * Sorts one real lane in place (NaN last: the engine's typed-array sort). The
 * native sort puts -0 before +0, while a stable sort (NumPy's) keeps their input
 * order; when a lane holds both, their original order is restored.
 */
function sortRealLane(data: TypedArray, base: number, stride: number, n: number, buf: TypedArray): void {
  let lane: TypedArray;
  if (stride === 1) lane = data.subarray(base, base + n);
  else {
    for (let i = 0; i < n; i++) buf[i] = data[base + i * stride];
    lane = buf.subarray(0, n);
  }
  let zeros: number[] | null = null;
  if (data instanceof Float64Array || data instanceof Float32Array) {
    let neg = false, pos = false;
    for (let i = 0; i < n; i++) {
      if (lane[i] === 0) {
        if (Object.is(lane[i], -0)) neg = true;
        else pos = true;
      }
    }
    if (neg && pos) {
      zeros = [];
      for (let i = 0; i < n; i++) if (lane[i] === 0) zeros.push(lane[i]);
    }
  }
  lane.sort();
  if (zeros !== null) {
    let k = 0;
    while (lane[k] !== 0) k++;
    for (const z of zeros) lane[k++] = z;
  }
  if (stride !== 1) for (let i = 0; i < n; i++) data[base + i * stride] = lane[i];
}

/** Sorts `x` (a fresh array this function owns) along `axis` in place. */
function sortInPlace(x: NDArray, axis: number): void {
  const n = x.shape[axis];
  const s = x.strides[axis];
  if (x.dtype === 'complex128') {
    const perm = new Int32Array(n);
    const tmp = new Float64Array(2 * n);
    const scratch = argsortScratch(n);
    forEachLane(x, axis, (base) => {
      argsortLane(x.data, base, s, n, true, perm, scratch);
      for (let i = 0; i < n; i++) {
        tmp[2 * i] = x.data[2 * (base + perm[i] * s)];
        tmp[2 * i + 1] = x.data[2 * (base + perm[i] * s) + 1];
      }
      for (let i = 0; i < n; i++) {
        x.data[2 * (base + i * s)] = tmp[2 * i];
        x.data[2 * (base + i * s) + 1] = tmp[2 * i + 1];
      }
    });
    return;
  }
  const buf = allocate(x.dtype, n);
  forEachLane(x, axis, (base) => sortRealLane(x.data, base, s, n, buf));
}

/** Accepts NumPy's sort kinds (all stable here). */
function checkKind(kind: string | undefined): void {
  if (kind === undefined) return;
  if (!['quicksort', 'quick', 'mergesort', 'merge', 'heapsort', 'heap', 'stable'].includes(kind)) {
    throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`);
  }
}

/** The inverse of a permutation along an axis: argsort of it. */
function inversePermutation(perm: NDArray, axis: number): NDArray {
  return argsortAlong(perm, axis);
}

/** Sorting along an axis (stable, NaN last); VJP sends each cotangent back to its element's position. */
export const sortP = definePrimitive<{ axis: number }>({
  name: 'sort',
  impl: ([x], { axis }) => {
    const out = castCopy(x, x.dtype);
    sortInPlace(out, axis);
    return out;
  },
  // out[j] = x[perm[j]], so dx[perm[j]] = g[j]: dx = take_along_axis(g, inverse(perm)).
  vjp: (g, _out, [x], { axis }) => [takeAlongAxis(g, inversePermutation(argsortAlong(concrete(x), axis), axis), axis)],
});

/** Options of {@link sort} and {@link argsort}. */
export interface SortOptions {
  /** Axis to sort along (default -1); `null` sorts the flattened array. */
  axis?: number | null;
  /** Accepted for NumPy compatibility; every kind is a stable sort here. */
  kind?: 'quicksort' | 'mergesort' | 'heapsort' | 'stable';
}

function sortArgs(a: ArrayLike, opts: SortOptions | number | null | undefined): { x: NDArray; axis: number } {
  const o: SortOptions = typeof opts === 'number' || opts === null ? { axis: opts } : (opts ?? {});
  checkKind(o.kind);
  let x = asarray(a);
  if (o.axis === null) x = ravel(x);
  return { x, axis: normalizeAxis(o.axis ?? -1, x.ndim) };
}

/**
 * A sorted copy along `axis` (NumPy's `np.sort`): stable, NaN last,
 * complex lexicographic. Differentiable (the cotangent is unsorted back).
 * @throws {AxisError} for a bad axis (0-d input needs `axis: null`).
 * @example np.sort([3, 1, NaN, 2])  // [ 1.  2.  3. nan]
 */
export function sort(a: ArrayLike, opts?: SortOptions | number | null): NDArray {
  const { x, axis } = sortArgs(a, opts);
  return bind(sortP, [x], { axis });
}

/** Stable argsort along a normalised axis, on concrete data. */
export function argsortAlong(x: NDArray, axis: number): NDArray {
  const n = x.shape[axis];
  const out = zeros(x.shape, 'int32');
  const perm = new Int32Array(n);
  const scratch = argsortScratch(n);
  const os = out.strides[axis];
  const src = x.dtype === 'float64' || x.dtype === 'complex128' ? x : asarray(x, 'float64');
  // Lanes of x and of out are visited in the same order; out is C-contiguous, so track its bases.
  const outBases: number[] = [];
  forEachLane(out, axis, (b) => outBases.push(b));
  let k = 0;
  forEachLane(src, axis, (base) => {
    argsortLane(src.data, base, src.strides[axis], n, src.dtype === 'complex128', perm, scratch);
    const ob = outBases[k++];
    for (let i = 0; i < n; i++) out.data[ob + i * os] = perm[i];
  });
  return out;
}

/**
 * The indices that sort `a` along `axis` (NumPy's `np.argsort`, stable: ties
 * keep their order; NaN last). 0-d input gives `[0]`.
 * @throws {AxisError} for a bad axis.
 * @example np.argsort([3, 1, 2])  // [1 2 0]
 */
export function argsort(a: ArrayLike, opts?: SortOptions | number | null): NDArray {
  const x0 = asarray(a);
  if (x0.ndim === 0) return asarray([0]);
  const { x, axis } = sortArgs(concrete(x0), opts);
  return argsortAlong(x, axis);
}

/**
 * Sorts `a` in place along `axis` (NumPy's `a.sort()`); returns `a`.
 * @throws {TracerError} on a traced array (use `np.sort`, which is differentiable).
 */
export function sortInPlaceMethod(a: NDArray, opts?: SortOptions | number | null): NDArray {
  if (a.isTraced()) throw new TracerError('a.sort() sorts in place and cannot be differentiated; use np.sort(a)');
  a.assertWriteable();
  const o: SortOptions = typeof opts === 'number' || opts === null ? { axis: opts } : (opts ?? {});
  if (o.axis === null) throw new ValueError('a.sort() needs an integer axis; use np.sort(a, null) for the flattened sort');
  const { x, axis } = sortArgs(a, o);
  if (x.size > 0) setIndex(a, [], bind(sortP, [x], { axis }));
  return a;
}
