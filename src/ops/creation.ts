/**
 * Array creation that needs the ops layer: the public `np.array` (which keeps
 * traced elements differentiable by stacking them), `diag` / `diagflat`,
 * `tri` / `triu` / `tril`, `meshgrid`, `indices` and `fromFunction`.
 */
import {
  allocate, arrayFrom, asarray, bind, checkShape, inspectNested, NDArray, planIndex, sizeOf, toDType, TypeError_, ValueError,
  zeros, type ArrayLike, type DType,
} from '../core';
import { gatherP, indexUpdateP, readPlan } from './gather';
import { astype, broadcastTo, copy, ravel, reshape } from './movement';
import { stack } from './join';
import { where } from './where';

/** Whether nested input holds a traced value (inside `grad`), which a data copy would cut off. */
function hasTraced(x: unknown): boolean {
  if (x instanceof NDArray) return x.isTraced();
  if (Array.isArray(x)) for (const e of x) if (hasTraced(e)) return true;
  return false;
}

/** Builds nested input with traced elements out of `stack`, so derivatives flow through. */
function stackNested(x: unknown, dtype: DType): NDArray {
  if (x instanceof NDArray) return x.dtype === dtype ? x : astype(x, dtype);
  if (Array.isArray(x)) {
    if (x.length === 0) return zeros([0], dtype);
    return stack(x.map((e) => stackNested(e, dtype)));
  }
  return asarray(x as ArrayLike, dtype);
}

/**
 * A new array from nested lists, typed arrays, NDArrays or scalars (NumPy's
 * `np.array`, which copies). The shape comes from the nesting; the dtype,
 * unless given, from the elements: all booleans → bool, integers in int32
 * range → int32 (standing in for NumPy's int64), other numbers → float64,
 * any `Complex` → complex128; typed arrays and NDArrays keep theirs. Inside
 * `grad`, lists holding traced values (`np.array([x.get(0) * 2, x.get(1)])`)
 * are built with `stack`, so the result stays differentiable.
 * @throws {ValueError} for ragged nested lists, with NumPy's message.
 * @throws {TypeError} for elements that are not numbers, booleans, Complex or arrays.
 * @throws {DTypeError} for an unknown dtype.
 * @example np.array([[1, 2], [3, 4]])  // [[1 2] [3 4]]  (int32)
 * @example np.array([1, 2.5])          // [1.  2.5]
 */
export function array(x: ArrayLike, dtype?: DType | string | null): NDArray {
  if (x instanceof NDArray && x.isTraced()) return dtype === undefined || dtype === null ? copy(x) : astype(x, dtype);
  if (Array.isArray(x) && hasTraced(x)) {
    const info = inspectNested(x);
    const d = dtype === undefined || dtype === null ? (info.dtype ?? 'float64') : toDType(dtype);
    return stackNested(x, d);
  }
  return arrayFrom(x, dtype);
}

/** The (row, col) index arrays of diagonal `k` of an `rows × cols` matrix. */
function diagIndex(rows: number, cols: number, k: number): [NDArray, NDArray] {
  if (!Number.isInteger(k)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
  const r0 = Math.max(-k, 0);
  const c0 = Math.max(k, 0);
  const n = Math.max(0, Math.min(rows - r0, cols - c0));
  const r = new Int32Array(n);
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = r0 + i;
    c[i] = c0 + i;
  }
  return [new NDArray(r, [n], 'int32'), new NDArray(c, [n], 'int32')];
}

/**
 * NumPy's `np.diag`: for a 1-D `v`, the square matrix with `v` on diagonal
 * `k` (above the main one for k > 0); for a 2-D `v`, its k-th diagonal (a
 * copy). Differentiable both ways.
 * @param v shape (N,) or (M, N).
 * @throws {ValueError} "Input must be 1- or 2-d." for other ranks.
 * @example np.diag([1, 2])      // [[1 0] [0 2]]
 * @example np.diag([[1, 2], [3, 4]], 1)  // [2]
 */
export function diag(v: ArrayLike, k = 0): NDArray {
  const x = asarray(v);
  if (x.ndim === 1) {
    const n = x.size + Math.abs(k);
    const [r, c] = diagIndex(n, n, k);
    return bind(indexUpdateP, [zeros([n, n], x.dtype), x], { plan: planIndex([n, n], [r, c]) });
  }
  if (x.ndim === 2) {
    const [r, c] = diagIndex(x.shape[0], x.shape[1], k);
    return bind(gatherP, [x], { plan: planIndex(x.shape, [r, c]) });
  }
  throw new ValueError('Input must be 1- or 2-d.');
}

/**
 * A 2-D array with the flattened input on diagonal `k` (NumPy's `np.diagflat`).
 * @example np.diagflat([[1, 2]])  // [[1 0] [0 2]]
 */
export function diagflat(v: ArrayLike, k = 0): NDArray {
  return diag(ravel(asarray(v)), k);
}

/**
 * An `n × m` array with ones at and below diagonal `k` and zeros elsewhere (NumPy's `np.tri`).
 * @throws {ValueError} for negative sizes.
 * @example np.tri(3, 3, -1)  // [[0. 0. 0.] [1. 0. 0.] [1. 1. 0.]]
 */
export function tri(n: number, m?: number | null, k = 0, dtype: DType | string = 'float64'): NDArray {
  const cols = m ?? n;
  for (const d of [n, cols, k]) if (!Number.isInteger(d)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
  const out = zeros([n, cols], dtype);
  const one = out.dtype === 'complex128' ? 2 : 1;
  for (let i = 0; i < n; i++) {
    const last = Math.min(cols - 1, i + k);
    for (let j = 0; j <= last; j++) out.data[(i * cols + j) * one] = 1;
  }
  return out;
}

function triMask(x: NDArray, k: number, lower: boolean): NDArray {
  if (x.ndim === 0) throw new ValueError('tril/triu needs an array of at least 1 dimension');
  const rows = x.ndim >= 2 ? x.shape[x.ndim - 2] : x.shape[0];
  const cols = x.shape[x.ndim - 1];
  const mask = tri(rows, cols, lower ? k : k - 1, 'bool');
  if (!lower) for (let i = 0; i < mask.data.length; i++) mask.data[i] ^= 1;
  return mask;
}

/**
 * The lower triangle of the last two axes (zeros above diagonal `k`), for
 * stacked matrices too (NumPy's `np.tril`). Differentiable.
 * @example np.tril([[1, 2], [3, 4]])  // [[1 0] [3 4]]
 */
export function tril(m: ArrayLike, k = 0): NDArray {
  const x = asarray(m);
  return where(triMask(x, k, true), x, zeros([], x.dtype));
}

/**
 * The upper triangle of the last two axes (zeros below diagonal `k`), for
 * stacked matrices too (NumPy's `np.triu`). Differentiable.
 * @example np.triu([[1, 2], [3, 4]])  // [[1 2] [0 4]]
 */
export function triu(m: ArrayLike, k = 0): NDArray {
  const x = asarray(m);
  return where(triMask(x, k, false), x, zeros([], x.dtype));
}

/** Options of {@link meshgrid}. */
export interface MeshgridOptions {
  /** `'xy'` (default, Cartesian: the first two outputs have shape (len(y), len(x))) or `'ij'` (matrix). */
  indexing?: 'xy' | 'ij';
  /** Return broadcastable views of shape (1, N), (M, 1), … instead of full grids. */
  sparse?: boolean;
  /** Copy the full grids (default true); `false` returns broadcast views. */
  copy?: boolean;
}

/**
 * Coordinate grids from 1-D coordinate vectors (NumPy's `np.meshgrid`).
 * Inputs are flattened. Differentiable.
 * @throws {ValueError} for an unknown `indexing`.
 * @example const [X, Y] = np.meshgrid([1, 2, 3], [4, 5]);  // X: [[1 2 3] [1 2 3]], Y: [[4 4 4] [5 5 5]]
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  let opts: MeshgridOptions = {};
  const last = args[args.length - 1];
  if (args.length > 0 && typeof last === 'object' && last !== null && !Array.isArray(last) && !(last instanceof NDArray) && !ArrayBuffer.isView(last)) {
    opts = last as MeshgridOptions;
    args = args.slice(0, -1);
  }
  const indexing = opts.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const nd = args.length;
  const xs = args.map((a) => ravel(asarray(a as ArrayLike)));
  const shapes = xs.map((x, i) => xs.map((_, j) => (j === i ? x.size : 1)));
  if (indexing === 'xy' && nd > 1) {
    for (const s of shapes) [s[0], s[1]] = [s[1], s[0]];
  }
  let out = xs.map((x, i) => reshape(x, shapes[i]));
  if (!opts.sparse) {
    const full = out.map((o) => o.shape).reduce((acc, s) => acc.map((d, i) => Math.max(d, s[i])), new Array<number>(nd).fill(1));
    out = out.map((o) => broadcastTo(o, full));
    if (opts.copy ?? true) out = out.map((o) => copy(o));
  }
  return out;
}

/**
 * An array of shape (ndim, ...shape) whose k-th entry holds the index along
 * axis k (NumPy's `np.indices`).
 * @example np.indices([2, 2])  // [[[0 0] [1 1]] [[0 1] [0 1]]]
 */
export function indices(shape: readonly number[], dtype: DType | string = 'int32'): NDArray {
  checkShape(shape);
  const d = toDType(dtype);
  const n = sizeOf(shape);
  const nd = shape.length;
  const out = new NDArray(allocate(d, nd * n), [nd, ...shape], d);
  const w = d === 'complex128' ? 2 : 1;
  for (let k = 0; k < nd; k++) {
    let inner = 1;
    for (let j = k + 1; j < nd; j++) inner *= shape[j];
    for (let f = 0; f < n; f++) out.data[(k * n + f) * w] = Math.floor(f / inner) % shape[k];
  }
  return out;
}

/**
 * Calls `fn` once with one coordinate array per axis (float64 by default) and
 * returns the result as an array (NumPy's `np.fromfunction`).
 * @example np.fromFunction((i, j) => i.add(j), [2, 2])  // [[0. 1.] [1. 2.]]
 */
export function fromFunction(fn: (...coords: NDArray[]) => ArrayLike, shape: readonly number[], opts: { dtype?: DType | string } = {}): NDArray {
  const grid = indices(shape, opts.dtype ?? 'float64');
  const coords = shape.map((_, k) => readPlan(grid, planIndex(grid.shape, [k])));
  return asarray(fn(...coords));
}

