/**
 * NumPy's indexing, public side: `a.get(...)` / `a.set(...)` (basic indices
 * give views, integer arrays and masks give copies, NumPy's advanced-indexing
 * rules), the functional {@link indexUpdate}, `take`, `put`,
 * `takeAlongAxis`, `putAlongAxis`, `nonzero`, `flatnonzero`, `argwhere`.
 * Reads go through primitives (ops/gather.ts), so they are differentiable;
 * in-place writes are not (use {@link indexUpdate} inside `grad`).
 */
import {
  allocateFor, asarray, bind, castCopy, Complex, concrete, fastBasicIndex, IndexError, maskIndices, NDArray, normalizeAxis, planIndex,
  shapeText, ShapeError, TracerError, TypeError_, ValueError,
  type ArrayLike, type IndexItem, type IndexPlan,
} from '../core';
import { gatherP, indexUpdateP, readPlan, scatterKernel, sliceP } from './gather';
import { ravel, reshape } from './movement';

export { sliceP, sliceScatterP, gatherP, scatterAddP, indexUpdateP } from './gather';

/**
 * `a[index]`: a view for basic indices, a copy for advanced ones; a 0-d
 * result of a plain array is returned as a number (or `Complex`). What `a.get(...)` calls.
 * @throws {IndexError} for out-of-bounds or too many indices, bad masks, index arrays that do not broadcast.
 * @example np.getIndex(np.arange(6).reshape(2, 3), [':', [2, 0]])  // [[2 0] [5 3]]
 */
export function getIndex(x: NDArray, index: readonly IndexItem[]): NDArray | number | Complex {
  // Basic indices (the common case, `x.get('1:')`) skip the general planner.
  const basic = fastBasicIndex(x.shape, index);
  const r = basic !== null ? bind(sliceP, [x], { index: basic }) : readPlan(x, planIndex(x.shape, index));
  if (r.ndim === 0 && !r.isTraced()) return r.item();
  return r;
}

/** The value of an assignment as an array (JS scalars take the target's dtype, as NumPy's setitem). */
function valueArray(value: unknown, dtype: NDArray['dtype']): NDArray {
  if (typeof value === 'number' || typeof value === 'boolean') return asarray(value, dtype);
  return asarray(value as ArrayLike);
}

/** Checks that `v` broadcasts to the indexed shape, with NumPy's two messages (basic / advanced). */
function checkValueShape(v: NDArray, plan: IndexPlan): void {
  const target = plan.outShape;
  let ok = v.ndim <= target.length;
  for (let i = 1; ok && i <= v.ndim; i++) {
    const d = v.shape[v.ndim - i];
    if (d !== 1 && d !== target[target.length - i]) ok = false;
  }
  if (ok) return;
  if (plan.advAxes.length > 0) {
    throw new ShapeError(`shape mismatch: value array of shape ${shapeText(v.shape)} could not be broadcast to indexing result of shape ${shapeText(target)}`);
  }
  throw new ShapeError(`could not broadcast input array from shape ${shapeText(v.shape)} into shape ${shapeText(target)}`);
}

/**
 * `a[index] = value` in place, broadcasting the value; the value is cast to
 * a's dtype (float → int truncates, as NumPy). With repeated integer indices
 * the last write wins.
 * @throws {TracerError} when `a` or the value is being traced (use {@link indexUpdate}).
 * @throws {IndexError} for a bad index; {@link ShapeError} when the value does not broadcast.
 * @example const a = np.zeros(3); np.setIndex(a, [[0, 2]], 1); a  // [1. 0. 1.]
 */
export function setIndex(x: NDArray, index: readonly IndexItem[], value: unknown): void {
  if (!x.isTraced()) x.assertWriteable();
  if (x.isTraced()) {
    throw new TracerError(
      'in-place assignment (a.set) to a traced array cannot be differentiated; use np.indexUpdate(a, index, value), which returns an updated copy',
    );
  }
  if (value instanceof NDArray && value.isTraced()) {
    throw new TracerError(
      'a traced value was assigned into a plain array with a.set, which would cut its derivative; ' +
        'build the result with np.indexUpdate(a, index, value) or np.stack/np.concatenate instead',
    );
  }
  const plan = planIndex(x.shape, index);
  let v = valueArray(value, x.dtype);
  checkValueShape(v, plan);
  // NumPy copies a value that overlaps the target first, so `a.set('1:', a.get(':-1'))` shifts correctly.
  if (v.data === x.data) v = castCopy(v, v.dtype);
  scatterKernel(x, plan, v);
}

/**
 * A copy of `a` with `a[index] = value` (NumPy's `a[index] = value` without
 * the mutation; JAX's `a.at[index].set(value)`): differentiable in both `a`
 * and `value`. The value broadcasts to the indexed shape and is cast to a's dtype.
 * `index` is one index item, or a JS array of items (the tuple inside NumPy's
 * brackets): `indexUpdate(a, [0, 2], v)` is `a[0, 2] = v`, and an integer-list
 * index is wrapped, `indexUpdate(a, [[0, 2]], v)` for `a[[0, 2]] = v`.
 * @throws {IndexError} for a bad index; {@link ShapeError} when the value does not broadcast.
 * @example np.indexUpdate(np.zeros(3), 1, 5)  // [0. 5. 0.]
 */
export function indexUpdate(a: ArrayLike, index: IndexItem | readonly IndexItem[], value: ArrayLike): NDArray {
  const x = asarray(a);
  const items = Array.isArray(index) ? (index as readonly IndexItem[]) : [index as IndexItem];
  const plan = planIndex(x.shape, items);
  const v = valueArray(value, x.dtype);
  checkValueShape(v, plan);
  return bind(indexUpdateP, [x, v], { plan });
}

/** Options of {@link take} and {@link put}. */
export interface TakeOptions {
  /** Axis to take along; `null`/omitted takes from the flattened array. */
  axis?: number | null;
  /** Out-of-range indices: `'raise'` (default), `'wrap'` around, or `'clip'` to the ends. */
  mode?: 'raise' | 'wrap' | 'clip';
}

/** Integer indices as an array, with NumPy's TypeError for other dtypes. */
function integerIndices(indices: ArrayLike): NDArray {
  const ind = indices instanceof NDArray ? concrete(indices) : asarray(indices);
  if (ind.dtype !== 'int32' && ind.dtype !== 'uint8' && !(ind.size === 0 && ind.dtype === 'float64')) {
    throw new TypeError_(`Cannot cast array data from dtype('${ind.dtype}') to dtype('int64') according to the rule 'same_kind'`);
  }
  return ind.dtype === 'int32' ? ind : castCopy(ind, 'int32');
}

/** Applies `mode` to indices for an axis of length n ('raise' leaves them for the bounds check). */
function applyMode(ind: NDArray, n: number, mode: TakeOptions['mode']): NDArray {
  if (mode === undefined || mode === 'raise') return ind;
  if (mode !== 'wrap' && mode !== 'clip') throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
  if (n === 0 && ind.size > 0) throw new IndexError('cannot do a non-empty take from an empty axes.');
  const c = castCopy(ind, 'int32');
  const d = c.data;
  for (let i = 0; i < d.length; i++) d[i] = mode === 'wrap' ? ((d[i] % n) + n) % n : Math.min(Math.max(d[i], 0), n - 1);
  return c;
}

/**
 * Elements of `a` at `indices` along `axis` (NumPy's `np.take`): the result
 * has shape `a.shape[:axis] + indices.shape + a.shape[axis+1:]`; without an
 * axis, `a` is flattened first. Differentiable in `a` (repeated indices accumulate).
 * @throws {IndexError} for an out-of-range index with mode 'raise'.
 * @throws {AxisError} for a bad axis; {@link TypeError} for non-integer indices.
 * @example np.take(np.array([4, 3, 5, 7]), [0, 1, 4 - 1])  // [4 3 7]
 */
export function take(a: ArrayLike, indices: ArrayLike, opts: TakeOptions | number | null = {}): NDArray | number | Complex {
  const o: TakeOptions = typeof opts === 'number' || opts === null ? { axis: opts } : opts;
  let x = asarray(a);
  if (o.axis === undefined || o.axis === null) x = ravel(x);
  const axis = normalizeAxis(o.axis ?? 0, x.ndim);
  const ind = applyMode(integerIndices(indices), x.shape[axis], o.mode);
  const items: IndexItem[] = [];
  for (let d = 0; d < axis; d++) items.push({ start: null });
  items.push(ind.ndim === 0 ? (ind.data[ind.offset] as number) : ind);
  const r = readPlan(x, planIndex(x.shape, items));
  if (r.ndim === 0 && !r.isTraced()) return r.item();
  return r.base !== null && !r.isTraced() ? castCopy(r, r.dtype) : r;
}

/**
 * Writes `values` (repeated cyclically) at the flat `indices` of `a`, in
 * place (NumPy's `np.put`). Returns `a`.
 * @throws {IndexError} for an out-of-range index with mode 'raise'.
 * @example const a = np.arange(5); np.put(a, [0, 2], [-44, -55]); a  // [-44   1 -55   3   4]
 */
export function put(a: NDArray, indices: ArrayLike, values: ArrayLike, opts: { mode?: TakeOptions['mode'] } = {}): NDArray {
  if (!(a instanceof NDArray)) throw new TypeError_('put() needs an NDArray as first argument');
  if (a.isTraced()) throw new TracerError('np.put writes in place and cannot be differentiated; use np.indexUpdate');
  a.assertWriteable();
  const n = a.size;
  // np.put casts its indices with 'unsafe' casting (0.5 -> 0).
  const raw = indices instanceof NDArray ? concrete(indices) : asarray(indices);
  if (raw.dtype === 'complex128') throw new TypeError_("Cannot cast array data from dtype('complex128') to dtype('int64') according to the rule 'unsafe'");
  let ind = raw.dtype === 'int32' ? raw : castCopy(raw, 'int32');
  if (n === 0 && ind.size > 0) throw new IndexError('cannot replace elements of an empty array');
  ind = applyMode(ravel(ind), n, opts.mode);
  const v = ravel(valueArray(values, a.dtype));
  if (v.size === 0 || ind.size === 0) return a;
  if (a.ndim === 0) {
    if (ind.data[0] !== 0 && ind.data[0] !== -1) throw new IndexError(`index ${ind.data[0]} is out of bounds for axis 0 with size 1`);
    setIndex(a, [], v.get((ind.size - 1) % v.size));
    return a;
  }
  // Cycle the values to the number of indices, unravel the flat indices into one array per axis, scatter.
  const m = ind.size;
  const cyc = new Int32Array(m);
  for (let k = 0; k < m; k++) cyc[k] = k % v.size;
  const vals = readPlan(v, planIndex(v.shape, [new NDArray(cyc, [m], 'int32')]));
  const axes = a.shape.map(() => new Int32Array(m));
  for (let k = 0; k < m; k++) {
    let f = ind.data[ind.offset + k * ind.strides[0]];
    if (f < -n || f >= n) throw new IndexError(`index ${f} is out of bounds for axis 0 with size ${n}`);
    if (f < 0) f += n;
    for (let d = a.ndim - 1; d >= 0; d--) {
      const s = a.shape[d];
      axes[d][k] = f % s;
      f = (f - (f % s)) / s;
    }
  }
  scatterKernel(a, planIndex(a.shape, axes.map((x) => new NDArray(x, [m], 'int32'))), vals);
  return a;
}

/** The full advanced index that selects `indices` along `axis` and everything else by position. */
function alongAxisIndex(shape: readonly number[], ind: NDArray, axis: number, what: string): IndexItem[] {
  if (ind.ndim !== shape.length) throw new ValueError(`\`indices\` and \`${what}\` must have the same number of dimensions`);
  const items: IndexItem[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (d === axis) {
      items.push(ind);
      continue;
    }
    const r = allocateFor('int32', shape.map((_, k) => (k === d ? shape[d] : 1)));
    for (let i = 0; i < shape[d]; i++) r.data[i] = i;
    items.push(r);
  }
  return items;
}

/**
 * `a` indexed by `indices` along `axis`, pairing every other axis by
 * position (NumPy's `np.take_along_axis`; `take_along_axis(a, argsort(a))` sorts).
 * Differentiable in `a`.
 * @throws {ValueError} when `indices` and `a` differ in ndim; {@link AxisError} for a bad axis.
 * @example np.takeAlongAxis(np.array([[10, 30, 20]]), np.array([[0, 2, 1]]), 1)  // [[10 20 30]]
 */
export function takeAlongAxis(a: ArrayLike, indices: ArrayLike, axis: number | null = -1): NDArray {
  let x = asarray(a);
  const raw = indices instanceof NDArray ? concrete(indices) : asarray(indices);
  if (raw.dtype !== 'int32' && raw.dtype !== 'uint8') throw new IndexError('`indices` must be an integer array');
  const ind = integerIndices(raw);
  if (axis === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    x = ravel(x);
  }
  const ax = normalizeAxis(axis ?? 0, x.ndim);
  return bind(gatherP, [x], { plan: planIndex(x.shape, alongAxisIndex(x.shape, ind, ax, 'arr')) });
}

/**
 * Writes `values` into `a` at `indices` along `axis`, in place (NumPy's `np.put_along_axis`). Returns `a`.
 * @throws {ValueError} when `indices` and `a` differ in ndim.
 * @example const a = np.array([[10, 30, 20]]); np.putAlongAxis(a, np.array([[1]]), 99, 1); a  // [[10 99 20]]
 */
export function putAlongAxis(a: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null): NDArray {
  if (a.isTraced()) throw new TracerError('np.putAlongAxis writes in place and cannot be differentiated; use np.indexUpdate');
  a.assertWriteable();
  const ind = integerIndices(indices);
  if (axis === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    const flat = castCopy(a, a.dtype);
    setIndex(reshape(flat, [a.size]), [ind], values);
    setIndex(a, [], reshape(flat, a.shape));
    return a;
  }
  const ax = normalizeAxis(axis, a.ndim);
  setIndex(a, alongAxisIndex(a.shape, ind, ax, 'arr'), values);
  return a;
}

/**
 * Indices of the non-zero elements, one int array per axis (NumPy's
 * `np.nonzero`; NaN counts as non-zero). `a.get(...np.nonzero(a))` picks them.
 * @throws {ValueError} for a 0-d array (as NumPy 2).
 * @example np.nonzero(np.array([[1, 0], [0, 2]]))  // [[0 1], [0 1]]
 */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = concreteOf(a);
  if (x.ndim === 0) throw new ValueError('Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  const parts = maskIndices(x.dtype === 'complex128' ? castCopy(x, 'bool') : x);
  return parts.map((p) => new NDArray(p, [p.length], 'int32'));
}

function concreteOf(a: ArrayLike): NDArray {
  return a instanceof NDArray ? concrete(a) : asarray(a);
}

/**
 * Flat (C-order) indices of the non-zero elements (NumPy's `np.flatnonzero`).
 * @example np.flatnonzero(np.array([[0, 3], [4, 0]]))  // [1 2]
 */
export function flatnonzero(a: ArrayLike): NDArray {
  return nonzero(ravel(concreteOf(a)))[0];
}

/**
 * The indices of the non-zero elements as rows, shape (N, ndim) (NumPy's `np.argwhere`).
 * @example np.argwhere(np.array([[0, 3], [4, 0]]))  // [[0 1] [1 0]]
 */
export function argwhere(a: ArrayLike): NDArray {
  const x = concreteOf(a);
  if (x.ndim === 0) {
    const nz = x.dtype === 'complex128' ? x.data[2 * x.offset] !== 0 || x.data[2 * x.offset + 1] !== 0 : x.data[x.offset] !== 0;
    return allocateFor('int32', [nz ? 1 : 0, 0]);
  }
  const parts = nonzero(x);
  const n = parts[0].size;
  const out = allocateFor('int32', [n, x.ndim]);
  for (let d = 0; d < x.ndim; d++) for (let i = 0; i < n; i++) out.data[i * x.ndim + d] = parts[d].data[i];
  return out;
}

/**
 * Open-mesh index arrays from 1-D sequences (NumPy's `np.ix_`): `a.get(...np.ix_(rows, cols))`
 * selects the sub-matrix of those rows and columns. Boolean sequences become their nonzero indices.
 * @throws {ValueError} for a sequence that is not 1-D.
 * @example
 * const a = np.arange(9).reshape(3, 3);
 * a.get(...np.ix_([0, 2], [1]));   // [[1] [7]]  (rows 0 and 2, column 1)
 */
export function ix_(...seqs: ArrayLike[]): NDArray[] {
  return seqs.map((s, k) => {
    let x = concreteOf(s);
    if (x.ndim !== 1) throw new ValueError('Cross index must be 1 dimensional');
    if (x.dtype === 'bool') x = nonzero(x)[0];
    else if (x.size > 0 && x.dtype !== 'int32' && x.dtype !== 'uint8') {
      throw new IndexError('arrays used as indices must be of integer (or boolean) type');
    }
    const shape = seqs.map((_, j) => (j === k ? x.size : 1));
    return reshape(castCopy(x, 'int32'), shape);
  });
}
