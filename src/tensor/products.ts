/**
 * NumPy's other products, each a composition of views (transpose, reshape)
 * and {@link matmul} or `multiply`, so they are differentiable without rules
 * of their own: `tensordot`, `dot`, `vdot`, `inner`, `outer`, `kron`.
 */
import {
  asarray, DTypeError, NDArray, normalizeAxis, shapesEqual, shapeText, ValueError, type ArrayLike,
} from '../core';
import { conj, multiply, ravel, reshape, transpose } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { assignInto } from '../ops/ufunc';
import { matmul } from './matmul';

/** The `axes` argument of {@link tensordot}: a count, or the axes of `a` and of `b` to contract pairwise. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

const product = (dims: readonly number[]): number => dims.reduce((p, d) => p * d, 1);

/** Normalises tensordot's `axes` into two equally long lists of non-negative axes. */
function contractionAxes(a: NDArray, b: NDArray, axes: TensordotAxes): [number[], number[]] {
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0) throw new ValueError(`tensordot: axes must be a non-negative integer or a pair of axis lists, got ${axes}`);
    if (axes > a.ndim || axes > b.ndim) {
      throw new ValueError(`tensordot: cannot contract ${axes} axes of arrays with ${a.ndim} and ${b.ndim} dimensions`);
    }
    return [Array.from({ length: axes }, (_, i) => a.ndim - axes + i), Array.from({ length: axes }, (_, i) => i)];
  }
  if (!Array.isArray(axes) || axes.length !== 2) throw new ValueError('tensordot: axes must be an integer or a pair (axes_a, axes_b)');
  const list = (x: number | readonly number[]): readonly number[] => (typeof x === 'number' ? [x] : x);
  const la = list(axes[0]), lb = list(axes[1]);
  if (la.length !== lb.length) throw new ValueError('shape-mismatch for sum');
  const na = la.map((ax) => normalizeAxis(ax, a.ndim));
  const nb = lb.map((ax) => normalizeAxis(ax, b.ndim));
  if (new Set(na).size !== na.length || new Set(nb).size !== nb.length) throw new ValueError('tensordot: repeated axis in axes');
  return [na, nb];
}

/**
 * Sum of products over the given axes (NumPy's `tensordot`). With an integer
 * `axes = N`, the last N axes of `a` are contracted with the first N of `b`;
 * with `[axesA, axesB]`, axis `axesA[i]` with `axesB[i]`. The result has the
 * free axes of `a` followed by those of `b`. Lowered to one matrix product:
 * transpose and reshape to `(free_a, contracted) @ (contracted, free_b)`.
 * @param a `(...)`; @param b `(...)`.
 * @throws {ValueError} "shape-mismatch for sum" when contracted lengths differ.
 * @throws {AxisError} for an axis out of range.
 * @example
 * np.tensordot(np.ones([3, 4, 5]), np.ones([4, 3, 2]), [[1, 0], [0, 1]]).shape  // [5, 2]
 * np.tensordot([1, 2], [3, 4], 0)  // [[3 4] [6 8]] (the outer product)
 */
export function tensordot(a: ArrayLike, b: ArrayLike, axes: TensordotAxes = 2): NDArray {
  const x = asarray(a), y = asarray(b);
  const [ax, bx] = contractionAxes(x, y, axes);
  for (let i = 0; i < ax.length; i++) if (x.shape[ax[i]] !== y.shape[bx[i]]) throw new ValueError('shape-mismatch for sum');
  const freeA = Array.from({ length: x.ndim }, (_, i) => i).filter((i) => !ax.includes(i));
  const freeB = Array.from({ length: y.ndim }, (_, i) => i).filter((i) => !bx.includes(i));
  const k = product(ax.map((i) => x.shape[i]));
  const shapeA = freeA.map((i) => x.shape[i]), shapeB = freeB.map((i) => y.shape[i]);
  const xa = reshape(transpose(x, [...freeA, ...ax]), [product(shapeA), k]);
  const yb = reshape(transpose(y, [...bx, ...freeB]), [k, product(shapeB)]);
  return reshape(matmul(xa, yb), [...shapeA, ...shapeB]);
}

/** Options of {@link dot}. */
export interface DotOptions {
  /** Write the result here: C-contiguous, of the result's shape and exact dtype (NumPy's rule for `dot`). */
  out?: NDArray;
}

function notAligned(x: NDArray, y: NDArray, dx: number, dy: number): ValueError {
  return new ValueError(`shapes ${shapeText(x.shape)} and ${shapeText(y.shape)} not aligned: ${x.shape[dx]} (dim ${dx}) != ${y.shape[dy]} (dim ${dy})`);
}

/**
 * Dot product with NumPy's rules: two 1-D arrays give the inner product (a
 * number); two 2-D arrays the matrix product; a 0-d operand multiplies
 * elementwise; an N-D `a` with a 1-D `b` sums over the last axis of `a`; an
 * N-D `a` with an M-D `b` (M ≥ 2) sums over the last axis of `a` and the
 * second-to-last of `b`: `dot(a, b)[i,j,k,m] = sum(a[i,j,:] * b[k,:,m])`.
 * A 0-d result of plain arrays is returned as a number (Complex for complex).
 * @throws {ValueError} "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)".
 * @example
 * np.dot([1, 2, 3], [4, 5, 6])  // 32
 * np.dot([[1, 2], [3, 4]], [[5, 6], [7, 8]])  // [[19 22] [43 50]]
 */
export function dot(a: number[], b: number[]): number;
export function dot(a: ArrayLike, b: ArrayLike, opts?: DotOptions): any;
export function dot(a: ArrayLike, b: ArrayLike, opts: DotOptions = {}): any {
  const x = asarray(a), y = asarray(b);
  let r: NDArray;
  if (x.ndim === 0 || y.ndim === 0) r = multiply(x, y);
  else {
    const dy = y.ndim === 1 ? 0 : y.ndim - 2;
    if (x.shape[x.ndim - 1] !== y.shape[dy]) throw notAligned(x, y, x.ndim - 1, dy);
    // dot and matmul agree when either operand is 1-D or both are 2-D; otherwise dot pairs every
    // leading index of a with every leading index of b (no batch broadcasting): a tensordot.
    r = x.ndim === 1 || y.ndim === 1 || (x.ndim === 2 && y.ndim === 2) ? matmul(x, y) : tensordot(x, y, [[x.ndim - 1], [dy]]);
  }
  if (opts.out === undefined) return scalarOrArray(r);
  const out = opts.out;
  if (!(out instanceof NDArray) || out.dtype !== r.dtype || !shapesEqual(out.shape, r.shape) || !out.isContiguous) {
    throw new ValueError('output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)');
  }
  if (out.isTraced() || r.isTraced()) throw new DTypeError("dot: 'out' cannot be used inside a transform (grad, jvp, …); use the returned value");
  assignInto(out, r);
  return out;
}

/**
 * The dot product of two arrays flattened to vectors, conjugating the first
 * (NumPy's `vdot`): `Σ conj(a_i) b_i`. Returns a number (Complex for complex).
 * @throws {ValueError} when the arrays have different sizes.
 * @example np.vdot([[1, 4], [5, 6]], [[4, 1], [2, 2]])  // 30
 */
export function vdot(a: ArrayLike, b: ArrayLike): any {
  const x = ravel(asarray(a)), y = ravel(asarray(b));
  if (x.size !== y.size) throw notAligned(x, y, 0, 0);
  return scalarOrArray(matmul(x.dtype === 'complex128' ? conj(x) : x, y));
}

/**
 * Inner product over the last axes (NumPy's `inner`): for 1-D arrays the dot
 * product; in general `inner(a, b)[i..., j...] = sum(a[i..., :] * b[j..., :])`,
 * shape `a.shape[:-1] + b.shape[:-1]`. A 0-d operand multiplies elementwise.
 * @throws {ValueError} "shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)".
 * @example np.inner([[1, 2], [3, 4]], [1, 1])  // [3 7]
 */
export function inner(a: number[], b: number[]): number;
export function inner(a: ArrayLike, b: ArrayLike): any;
export function inner(a: ArrayLike, b: ArrayLike): any {
  const x = asarray(a), y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return scalarOrArray(multiply(x, y));
  if (x.shape[x.ndim - 1] !== y.shape[y.ndim - 1]) throw notAligned(x, y, x.ndim - 1, y.ndim - 1);
  return scalarOrArray(tensordot(x, y, [[x.ndim - 1], [y.ndim - 1]]));
}

/** Options of {@link outer}. */
export interface OuterOptions {
  /** Write the `(M, N)` result here. */
  out?: NDArray;
}

/**
 * Outer product of two arrays flattened to vectors: `out[i, j] = a[i] * b[j]`,
 * shape `(a.size, b.size)`.
 * @example np.outer([1, 2], [3, 4, 5])  // [[ 3  4  5] [ 6  8 10]]
 */
export function outer(a: ArrayLike, b: ArrayLike, opts: OuterOptions = {}): NDArray {
  const x = ravel(asarray(a)), y = ravel(asarray(b));
  return multiply(reshape(x, [x.size, 1]), reshape(y, [1, y.size]), { out: opts.out });
}

/**
 * Kronecker product (NumPy's `kron`): a block array whose block `(i, j, …)`
 * is `a[i, j, …] * b`. The operand with fewer dimensions gets leading 1s; the
 * result has shape `a.shape[d] * b.shape[d]` along each axis. Built as one
 * broadcast multiply of interleaved axes, then a reshape.
 * @example np.kron([[1, 2], [3, 4]], [[0, 1], [1, 0]])  // [[0 1 0 2] [1 0 2 0] [0 3 0 4] [3 0 4 0]]
 */
export function kron(a: ArrayLike, b: ArrayLike): NDArray {
  let x = asarray(a), y = asarray(b);
  const nd = Math.max(x.ndim, y.ndim);
  if (x.ndim < nd) x = reshape(x, [...new Array<number>(nd - x.ndim).fill(1), ...x.shape]);
  if (y.ndim < nd) y = reshape(y, [...new Array<number>(nd - y.ndim).fill(1), ...y.shape]);
  const xs: number[] = [], ys: number[] = [], shape: number[] = [];
  for (let d = 0; d < nd; d++) {
    xs.push(x.shape[d], 1);
    ys.push(1, y.shape[d]);
    shape.push(x.shape[d] * y.shape[d]);
  }
  return reshape(multiply(reshape(x, xs), reshape(y, ys)), shape);
}
