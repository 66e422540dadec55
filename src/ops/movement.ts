/**
 * Shape manipulation. reshape, transpose and broadcastTo are primitives that
 * return views (no copy) whenever NumPy's do; squeeze, expandDims, swapaxes,
 * moveaxis and ravel are built on them.
 */
import {
  asarray, bind, castCopy, checkShape, definePrimitive, isInexactDType, NDArray, normalizeAxes, normalizeAxis,
  ShapeError, sizeOf, toDType, ValueError, TypeError_, canCast, type ArrayLike, type Casting, type DType, shapeText,
} from '../core';
import { sumTo } from './reduce';
import { projectCotangent } from './ufunc';

/** NumPy's reshape: resolves one `-1`, checks the size. */
function resolveShape(size: number, shape: readonly number[]): number[] {
  const out = [...shape];
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === -1) {
      if (unknown >= 0) throw new ValueError('can only specify one unknown dimension');
      unknown = i;
    } else if (!Number.isInteger(out[i]) || out[i] < 0) throw new ValueError(`invalid dimension ${out[i]} in reshape`);
    else known *= out[i];
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeText(shape)}`);
    out[unknown] = size / known;
  }
  if (sizeOf(out) !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${shapeText(shape)}`);
  return out;
}

/**
 * Strides that read `a`'s elements in C order with `newShape`, without copying,
 * or null when that is impossible (NumPy's `_attempt_nocopy_reshape`).
 */
function noCopyStrides(a: NDArray, newShape: readonly number[]): number[] | null {
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== 1) {
      oldDims.push(a.shape[i]);
      oldStrides.push(a.strides[i]);
    }
  }
  const newStrides = new Array<number>(newShape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  const oldN = oldDims.length, newN = newShape.length;
  while (ni < newN && oi < oldN) {
    let np_ = newShape[ni];
    let op = oldDims[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return null;
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  // trailing size-1 dimensions
  const last = ni >= 1 ? newStrides[ni - 1] : 1;
  for (let k = ni; k < newN; k++) newStrides[k] = last;
  return newStrides;
}

/** The reshape primitive: a view when the layout allows, else a copy; VJP reshapes back. */
export const reshapeP = definePrimitive<{ shape: readonly number[] }>({
  name: 'reshape',
  impl: ([x], { shape }) => {
    // `shape` is the resolved list made for this call (shared, not copied); strides are fresh.
    const size = x.size;
    if (size === 0 || x.isContiguous) return new NDArray(x.data, shape, x.dtype, undefined, x.offset, x.base ?? x, true);
    const strides = noCopyStrides(x, shape);
    if (strides !== null) return new NDArray(x.data, shape, x.dtype, strides, x.offset, x.base ?? x, true);
    const c = castCopy(x, x.dtype);
    return new NDArray(c.data, shape, x.dtype);
  },
  vjp: (g, _out, [x]) => [reshape(g, x.shape)],
});

/**
 * Gives `a` a new shape with the same elements in C order: a view when the
 * layout allows (always for contiguous input), a copy otherwise. One
 * dimension may be `-1` (inferred).
 * @throws {ValueError} "cannot reshape array of size 6 into shape (4,)"
 * @example np.arange(6).reshape(2, 3)  // [[0 1 2] [3 4 5]]
 */
export function reshape(a: ArrayLike, shape: number | readonly number[], ...more: number[]): NDArray {
  const x = asarray(a);
  const wanted = typeof shape === 'number' ? [shape, ...more] : shape;
  const resolved = resolveShape(x.size, wanted);
  if (resolved.length === x.ndim && resolved.every((d, i) => d === x.shape[i])) return x.isTraced() ? bind(reshapeP, [x], { shape: resolved }) : view(x);
  return bind(reshapeP, [x], { shape: resolved });
}

/** A new array object over the same data (NumPy's `a.view()`), sharing x's shape and strides. */
function view(x: NDArray): NDArray {
  return new NDArray(x.data, x.shape, x.dtype, x.strides, x.offset, x.base ?? x, true);
}

/** The axis permutation primitive (a view); VJP applies the inverse permutation. */
export const transposeP = definePrimitive<{ axes: readonly number[] }>({
  name: 'transpose',
  impl: ([x], { axes }) => {
    const n = axes.length;
    const shape = new Array<number>(n);
    const strides = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      shape[i] = x.shape[axes[i]];
      strides[i] = x.strides[axes[i]];
    }
    return new NDArray(x.data, shape, x.dtype, strides, x.offset, x.base ?? x, true);
  },
  vjp: (g, _out, _args, { axes }) => {
    const inv = new Array<number>(axes.length);
    axes.forEach((a, i) => (inv[a] = i));
    return [transpose(g, inv)];
  },
});

/**
 * Permutes the axes (a view); reverses them when none are given.
 * @throws {ValueError} "axes don't match array" for a wrong permutation.
 * @example np.transpose(np.zeros([2, 3])).shape  // [3, 2]
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | number, ...more: number[]): NDArray {
  const x = asarray(a);
  let perm: number[];
  if (axes === undefined) {
    perm = new Array<number>(x.ndim);
    for (let i = 0; i < x.ndim; i++) perm[i] = x.ndim - 1 - i;
  }
  else {
    const list = typeof axes === 'number' ? [axes, ...more] : [...axes];
    if (list.length !== x.ndim) throw new ValueError("axes don't match array");
    perm = list.map((ax) => normalizeAxis(ax, x.ndim));
    if (new Set(perm).size !== perm.length) throw new ValueError('repeated axis in transpose');
  }
  return bind(transposeP, [x], { axes: perm });
}

/** Swaps two axes (a view). @example np.swapaxes(np.zeros([2, 3, 4]), 0, 2).shape  // [4, 3, 2] */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const x = asarray(a);
  const i = normalizeAxis(axis1, x.ndim, 'axis1');
  const j = normalizeAxis(axis2, x.ndim, 'axis2');
  const perm = new Array<number>(x.ndim);
  for (let k = 0; k < x.ndim; k++) perm[k] = k;
  perm[i] = j;
  perm[j] = i;
  return bind(transposeP, [x], { axes: perm });
}

/**
 * Moves axes to new positions, keeping the order of the rest (a view).
 * @throws {AxisError} for a bad axis; {@link ValueError} for repeated axes or lists of different lengths.
 * @example np.moveaxis(np.zeros([3, 4, 5]), 0, -1).shape  // [4, 5, 3]
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const x = asarray(a);
  const src = (typeof source === 'number' ? [source] : [...source]).map((s) => normalizeAxis(s, x.ndim, 'source'));
  const dst = (typeof destination === 'number' ? [destination] : [...destination]).map((s) => normalizeAxis(s, x.ndim, 'destination'));
  if (new Set(src).size !== src.length) throw new ValueError('repeated axis in `source` argument');
  if (new Set(dst).size !== dst.length) throw new ValueError('repeated axis in `destination` argument');
  if (src.length !== dst.length) throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  const order = Array.from({ length: x.ndim }, (_, k) => k).filter((k) => !src.includes(k));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return bind(transposeP, [x], { axes: order });
}

/** Broadcasting as a view (stride 0 on new axes); VJP sums back to the input shape. */
export const broadcastToP = definePrimitive<{ shape: readonly number[] }>({
  name: 'broadcast_to',
  impl: ([x], { shape }) => {
    const lead = shape.length - x.ndim;
    const strides = shape.map((d, i) => (i < lead ? 0 : x.shape[i - lead] === 1 && d !== 1 ? 0 : x.strides[i - lead]));
    return new NDArray(x.data, shape, x.dtype, strides, x.offset, x.base ?? x);
  },
  vjp: (g, _out, [x]) => [sumTo(g, x.shape)],
});

/**
 * A read-only-by-convention view of `a` broadcast to `shape` (stride 0 on the new axes).
 * @throws {ShapeError} when `a` cannot be broadcast to `shape`.
 * @example np.broadcastTo(np.array([1, 2]), [2, 2])  // [[1 2] [1 2]]
 */
export function broadcastTo(a: ArrayLike, shape: readonly number[]): NDArray {
  const x = asarray(a);
  const target = checkShape(shape);
  if (x.ndim > target.length) throw new ShapeError('input operand has more dimensions than allowed by the axis remapping');
  const lead = target.length - x.ndim;
  if (x.shape.some((d, i) => d !== 1 && d !== target[lead + i])) {
    throw new ShapeError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeText(x.shape)}  and requested shape ${shapeText(target)}`);
  }
  const b = target;
  if (b.length === x.ndim && b.every((d, i) => d === x.shape[i])) return x;
  return bind(broadcastToP, [x], { shape: target });
}

/**
 * Inserts size-1 axes at `axis` (positions in the result).
 * @throws {AxisError} for an axis out of range.
 * @example np.expandDims(np.array([1, 2]), 0).shape  // [1, 2]
 */
export function expandDims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const x = asarray(a);
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = x.ndim + list.length;
  const normalized = list.map((ax) => normalizeAxis(ax, nd));
  if (new Set(normalized).size !== normalized.length) throw new ValueError('repeated axis');
  const axes = normalizeAxes(list, nd);
  const shape: number[] = [];
  for (let d = 0, k = 0; d < nd; d++) shape.push(axes.includes(d) ? 1 : x.shape[k++]);
  return bind(reshapeP, [x], { shape });
}

/**
 * Removes size-1 axes (all, or the ones given).
 * @throws {ValueError} "cannot select an axis to squeeze out which has size not equal to one"
 * @example np.squeeze(np.zeros([1, 3, 1])).shape  // [3]
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const x = asarray(a);
  const axes = axis === undefined || axis === null ? x.shape.flatMap((d, i) => (d === 1 ? [i] : [])) : normalizeAxes(axis, x.ndim);
  for (const ax of axes) if (x.shape[ax] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
  return bind(reshapeP, [x], { shape: x.shape.filter((_, i) => !axes.includes(i)) });
}

/** The elements as 1-D, a view when contiguous. @example np.ravel(np.eye(2))  // [1. 0. 0. 1.] */
export function ravel(a: ArrayLike): NDArray {
  const x = asarray(a);
  return bind(reshapeP, [x], { shape: [x.size] });
}

/** A C-contiguous copy; VJP is the identity. */
export const copyP = definePrimitive<undefined>({
  name: 'copy',
  impl: ([x]) => castCopy(x, x.dtype),
  vjp: (g) => [g],
});

/**
 * A C-contiguous copy that owns its data (`base` is null).
 * @example
 * const a = np.array([1, 2, 3]);
 * const b = np.copy(a);
 * b.set(0, 9);
 * String(a);   // [1 2 3]
 * String(b);   // [9 2 3]
 */
export function copy(a: ArrayLike): NDArray {
  return bind(copyP, [asarray(a)], undefined);
}

/** A 1-D copy (NumPy's `a.flatten()`). @example np.flatten([[1, 2], [3, 4]])  // [1 2 3 4] */
export function flatten(a: ArrayLike): NDArray {
  return ravel(copy(a));
}

/**
 * A contiguous array: `a` itself when already contiguous, else a copy.
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * a.T.isContiguous;                          // false
 * np.ascontiguousarray(a.T).isContiguous;    // true
 * np.ascontiguousarray(a) === a;             // true
 */
export function ascontiguousarray(a: ArrayLike): NDArray {
  const x = asarray(a);
  return x.isContiguous ? x : copy(x);
}

/** dtype conversion; VJP casts back between inexact dtypes and is cut for integer/bool targets. */
export const astypeP = definePrimitive<{ dtype: DType }>({
  name: 'astype',
  impl: ([x], { dtype }) => castCopy(x, dtype),
  // Float-to-float casts pass the cotangent through (its real part for a real input cast to complex); casts to integers cut it (as JAX).
  vjp: (g, _out, [x], { dtype }) => [isInexactDType(dtype) && isInexactDType(x.dtype) ? astype(projectCotangent(g, x) as NDArray, x.dtype) : null],
});

/** Options of {@link astype}. */
export interface AstypeOptions {
  /** Which conversions are allowed (NumPy's casting rule); default `'unsafe'` (any). */
  casting?: Casting;
  /** `false` returns the array itself when no conversion is needed (default true: always a copy). */
  copy?: boolean;
}

/**
 * A copy converted to `dtype` (NumPy's `a.astype`): float → int truncates
 * toward zero (NaN/out-of-range → -2147483648), → uint8 wraps modulo 256,
 * → bool tests `!= 0`; complex → real raises (take `np.real` first).
 * @throws {DTypeError} for an unknown dtype.
 * @throws {TypeError} when `casting` forbids the conversion, or for complex → real.
 * @example np.array([1.7, -1.7]).astype('int32')  // [ 1 -1]
 */
export function astype(a: ArrayLike, dtype: DType | string, opts: AstypeOptions = {}): NDArray {
  const x = asarray(a);
  const d = toDType(dtype);
  const casting = opts.casting ?? 'unsafe';
  if (!canCast(x.dtype, d, casting)) {
    throw new TypeError_(`Cannot cast array data from dtype('${x.dtype}') to dtype('${d}') according to the rule '${casting}'`);
  }
  if (opts.copy === false && d === x.dtype) return x;
  return bind(astypeP, [x], { dtype: d });
}

/**
 * Broadcasts arrays against each other (NumPy's `np.broadcast_arrays`): views of the common shape.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.broadcastArrays([1, 2], [[1], [2]]).map((a) => a.shape)  // [[2, 2], [2, 2]]
 */
export function broadcastArrays(...arrays: ArrayLike[]): NDArray[] {
  const xs = arrays.map((a) => asarray(a));
  const nd = Math.max(0, ...xs.map((x) => x.ndim));
  const shape = new Array<number>(nd).fill(1);
  xs.forEach((x, i) => {
    x.shape.forEach((d, k) => {
      const j = nd - x.ndim + k;
      if (d === shape[j] || d === 1) return;
      const first = xs.findIndex((y) => y.ndim >= nd - j && y.shape[j - nd + y.ndim] === shape[j]);
      if (shape[j] !== 1) {
        throw new ShapeError(
          'shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between ' +
            `arg ${first} with shape ${shapeText(xs[first].shape)} and arg ${i} with shape ${shapeText(x.shape)}.`,
        );
      }
      shape[j] = d;
    });
  });
  return xs.map((x) => broadcastTo(x, shape));
}
