/**
 * Set-like operations on sorted data: `unique` (with NumPy's `return_index`,
 * `return_inverse`, `return_counts`, `axis`, `equal_nan`) and `searchsorted`.
 * These return data (indices, distinct values), not differentiable functions
 * of the input, so they run on concrete values.
 */
import {
  allocateFor, asarray, castCopy, concrete, NDArray, normalizeAxis, ValueError, type ArrayLike,
} from '../core';
import { argsortAlong, complexCompare } from './sort';
import { take } from './indexing';
import { moveaxis, ravel, reshape } from './movement';

/** Options of {@link unique}. */
export interface UniqueOptions {
  /** Also return the index of the first occurrence of each unique value. */
  returnIndex?: boolean;
  /** Also return the indices that rebuild the input from the unique values. */
  returnInverse?: boolean;
  /** Also return how often each unique value occurs. */
  returnCounts?: boolean;
  /** Find unique sub-arrays along this axis (default: the flattened array). */
  axis?: number | null;
  /** Collapse all NaNs into one unique value (default true, as NumPy 2). */
  equalNan?: boolean;
}

/** The results of {@link unique} with any `return*` flag: a tuple in NumPy's order, with names too. */
export type UniqueResult = NDArray[] & { values: NDArray; indices?: NDArray; inverseIndices?: NDArray; counts?: NDArray };

type WithFlag = UniqueOptions & ({ returnIndex: true } | { returnInverse: true } | { returnCounts: true });

function int32(values: ArrayLike | Int32Array, shape: readonly number[]): NDArray {
  const out = allocateFor('int32', shape);
  (out.data as Int32Array).set(values as Int32Array);
  return out;
}

/**
 * Whether element i equals element j of real or complex storage. NaNs are
 * equal to each other when `equalNan` (a complex value with a NaN part counts
 * as NaN, as NumPy's `isnan`).
 */
function sameElement(d: Float64Array, i: number, j: number, complex: boolean, equalNan: boolean): boolean {
  if (complex) {
    const ni = d[2 * i] !== d[2 * i] || d[2 * i + 1] !== d[2 * i + 1];
    const nj = d[2 * j] !== d[2 * j] || d[2 * j + 1] !== d[2 * j + 1];
    if (ni || nj) return equalNan && ni && nj;
    return d[2 * i] === d[2 * j] && d[2 * i + 1] === d[2 * j + 1];
  }
  return d[i] === d[j] || (equalNan && d[i] !== d[i] && d[j] !== d[j]);
}

/**
 * The sorted unique elements of `ar` (NumPy's `np.unique`). With
 * `returnIndex` / `returnInverse` / `returnCounts` the result is a tuple
 * `[values, indices?, inverseIndices?, counts?]` (also as named fields). The
 * inverse has the input's shape (axis omitted) or is 1-D (axis given), as NumPy 2.
 * With `axis`, unique sub-arrays (e.g. rows for axis 0) in lexicographic order.
 * @throws {AxisError} for a bad axis.
 * @example np.unique([3, 1, 3, 2])  // [1 2 3]
 * @example const [u, counts] = np.unique([3, 1, 3], { returnCounts: true });  // [1 3], [1 2]
 */
export function unique(ar: ArrayLike, opts: WithFlag): UniqueResult;
export function unique(ar: ArrayLike, opts?: UniqueOptions): NDArray;
export function unique(ar: ArrayLike, opts: UniqueOptions = {}): NDArray | UniqueResult {
  const input = concrete(asarray(ar));
  const equalNan = opts.equalNan ?? true;
  const flags = opts.returnIndex || opts.returnInverse || opts.returnCounts;
  if (!flags && (opts.axis === undefined || opts.axis === null) && input.dtype !== 'complex128') return uniqueValues(input, equalNan);
  let x: NDArray;
  let rowLen = 1;
  let axis: number | null = null;
  if (opts.axis === undefined || opts.axis === null) x = castCopy(ravel(input), input.dtype);
  else {
    axis = normalizeAxis(opts.axis, input.ndim);
    const moved = moveaxis(input, axis, 0);
    rowLen = moved.shape.slice(1).reduce((p, q) => p * q, 1);
    x = castCopy(reshape(castCopy(moved, moved.dtype), [moved.shape[0], rowLen]), input.dtype);
  }
  const n = x.shape[0] ?? 0;
  const complex = x.dtype === 'complex128';
  const d = complex || x.dtype === 'float64' ? x.data : castCopy(x, 'float64').data;
  let perm: Int32Array;
  if (axis === null) perm = argsortAlong(x, 0).data as Int32Array;
  else {
    // Lexicographic order of the rows: a stable comparator sort (rows are usually few).
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < rowLen; k++) {
        const p = a * rowLen + k, q = b * rowLen + k;
        const c = complex ? complexCompare(d[2 * p], d[2 * p + 1], d[2 * q], d[2 * q + 1]) : complexCompare(d[p], 0, d[q], 0);
        if (c !== 0) return c;
      }
      return a - b;
    });
    perm = Int32Array.from(order);
  }
  // Group starts in sorted order: where an element (row) differs from the previous one.
  const starts = new Uint8Array(n);
  if (axis === null && !complex) {
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[i] = d[perm[i]];
    for (let i = 0; i < n; i++) {
      const v = sorted[i], u = sorted[i - 1];
      starts[i] = i === 0 || !(v === u || (equalNan && v !== v && u !== u)) ? 1 : 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      let same = i > 0;
      for (let k = 0; same && k < rowLen; k++) same = sameElement(d as Float64Array, perm[i] * rowLen + k, perm[i - 1] * rowLen + k, complex, equalNan);
      starts[i] = same ? 0 : 1;
    }
  }
  const first: number[] = [];
  const inverse = new Int32Array(n);
  const counts: number[] = [];
  for (let i = 0, g = -1; i < n; i++) {
    if (starts[i] === 1) {
      first.push(perm[i]);
      counts.push(0);
      g++;
    }
    counts[g]++;
    inverse[perm[i]] = g;
  }
  if (!flags && complex && equalNan && first.length > 0 && n > 0) {
    // NumPy's plain np.unique uses a hash table: the NaN kept is the first one in input order, not in sorted order.
    const last = first.length - 1;
    const p0 = first[last];
    if (d[2 * p0] !== d[2 * p0] || d[2 * p0 + 1] !== d[2 * p0 + 1]) {
      for (let i = n - counts[last]; i < n; i++) if (perm[i] < first[last]) first[last] = perm[i];
    }
  }
  const firstIdx = int32(first, [first.length]);
  const values = axis === null ? (take(x, firstIdx) as NDArray) : (take(input, firstIdx, { axis }) as NDArray);
  if (!flags) return values;
  const result: NDArray[] = [values];
  const named: { values: NDArray; indices?: NDArray; inverseIndices?: NDArray; counts?: NDArray } = { values };
  if (opts.returnIndex) result.push((named.indices = firstIdx));
  if (opts.returnInverse) result.push((named.inverseIndices = int32(inverse, axis === null ? input.shape : [n])));
  if (opts.returnCounts) result.push((named.counts = int32(counts, [counts.length])));
  return Object.assign(result, named);
}

/**
 * The sorted distinct values of a real array: a native typed-array sort (NaN
 * last) and one pass. NumPy keeps one NaN (`equalNan`) and, of +0 and -0, the
 * one that comes first in the input (its hash table keeps first occurrences).
 */
function uniqueValues(x: NDArray, equalNan: boolean): NDArray {
  const flat = castCopy(ravel(x), x.dtype);
  const d = flat.data;
  d.sort();
  let m = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (m > 0) {
      const prev = d[m - 1];
      if (v === prev || (equalNan && v !== v && prev !== prev)) continue;
    }
    d[m++] = v;
  }
  const out = allocateFor(x.dtype, [m]);
  out.data.set(d.subarray(0, m));
  if (x.dtype === 'float64' || x.dtype === 'float32') {
    const z = out.data.indexOf(0);
    if (z >= 0) {
      const src = flat.data === d ? castCopy(ravel(x), x.dtype).data : d;
      for (let i = 0; i < src.length; i++) {
        if (src[i] === 0) {
          out.data[z] = src[i];
          break;
        }
      }
    }
  }
  return out;
}

/** Options of {@link searchsorted}. */
export interface SearchsortedOptions {
  /** `'left'` (default): the first suitable index; `'right'`: the last. */
  side?: 'left' | 'right';
  /** Indices that sort `a` (e.g. from `argsort`), when `a` itself is not sorted. */
  sorter?: ArrayLike;
}

/**
 * Indices where the elements of `v` would be inserted into the sorted 1-D
 * array `a` to keep it sorted (NumPy's `np.searchsorted`; NaN sorts last).
 * A scalar `v` gives a number.
 * @throws {ValueError} for a non-1-D `a` or an unknown side.
 * @example np.searchsorted([1, 2, 3, 4, 5], 3)  // 2
 * @example np.searchsorted([1, 2, 3, 4, 5], [-10, 10, 2, 3], { side: 'right' })  // [0 5 2 3]
 */
export function searchsorted(a: ArrayLike, v: ArrayLike, opts: SearchsortedOptions = {}): NDArray | number {
  const side = opts.side ?? 'left';
  if (side !== 'left' && side !== 'right') throw new ValueError(`search side must be 'left' or 'right' (got '${String(side)}')`);
  let arr = concrete(asarray(a));
  if (arr.ndim !== 1) throw new ValueError('object too deep for desired array');
  if (opts.sorter !== undefined) arr = take(arr, opts.sorter) as NDArray;
  const vals = concrete(asarray(v));
  const complex = arr.dtype === 'complex128' || vals.dtype === 'complex128';
  const dt = complex ? 'complex128' : 'float64';
  const A = castCopy(arr, dt).data;
  const V = castCopy(vals, dt).data;
  const n = arr.size;
  const m = vals.size;
  const out = allocateFor('int32', vals.shape);
  const right = side === 'right';
  for (let k = 0; k < m; k++) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // go right when a[mid] < v (left side) or a[mid] <= v (right side), in NumPy's NaN-last order
      const c = complex ? complexCompare(A[2 * mid], A[2 * mid + 1], V[2 * k], V[2 * k + 1]) : complexCompare(A[mid], 0, V[k], 0);
      if (c < 0 || (right && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    out.data[k] = lo;
  }
  if (out.ndim === 0) return out.data[0];
  return out;
}

