/**
 * Indexing: basic indexing (integers, slices, newaxis, ellipsis) as the
 * `slice` primitive returning views, its adjoint `sliceScatter`, and the
 * dispatch used by `a.get(...)` / `a.set(...)`.
 */
import {
  asarray, basicView, bind, definePrimitive, IndexError, isSlice, NDArray, normalizeBasicIndex, zeros,
  type ArrayLike, type BasicIndexItem, type IndexItem, type Primitive,
} from '../core';
import { assignInto } from './ufunc';
import { broadcastTo } from './movement';

export const sliceP: Primitive<{ index: readonly BasicIndexItem[] }> = definePrimitive<{ index: readonly BasicIndexItem[] }>({
  name: 'slice',
  impl: ([x], { index }) => {
    const v = basicView(x.shape, x.strides, x.offset, index);
    return new NDArray(x.data, v.shape, x.dtype, v.strides, v.offset, x.base ?? x);
  },
  vjp: (g, _out, [x], { index }) => [bind(sliceScatterP, [g], { shape: x.shape, index })],
});

/** Zeros of `shape` with `g` written into the region that `index` selects: the adjoint of slicing. */
export const sliceScatterP: Primitive<{ shape: readonly number[]; index: readonly BasicIndexItem[] }> = definePrimitive<{
  shape: readonly number[];
  index: readonly BasicIndexItem[];
}>({
  name: 'slice_scatter',
  impl: ([g], { shape, index }) => {
    const out = zeros(shape, g.dtype);
    const v = basicView(out.shape, out.strides, out.offset, index);
    assignInto(new NDArray(out.data, v.shape, out.dtype, v.strides, v.offset), g);
    return out;
  },
  vjp: (g, _out, _args, { index }) => [bind(sliceP, [g], { index })],
});

/** True when an index item makes the index advanced (fancy): an array, a list. */
function isAdvanced(it: IndexItem): boolean {
  return it instanceof NDArray || Array.isArray(it);
}

/**
 * `a[index]`: a view for basic indices, a copy for advanced ones; a single
 * element of a plain array is returned as a number.
 */
export function getIndex(x: NDArray, index: readonly IndexItem[]): NDArray | number | any {
  if (index.some(isAdvanced)) return advancedGet(x, index);
  const r = bind(sliceP, [x], { index: normalizeBasicIndex(x.shape, index) });
  if (r.ndim === 0 && !r.isTraced()) return r.item();
  return r;
}

/** `a[index] = value` in place, broadcasting the value. */
export function setIndex(x: NDArray, index: readonly IndexItem[], value: unknown): void {
  if (x.isTraced()) throw new IndexError('in-place assignment to a traced array is not supported yet');
  if (index.some(isAdvanced)) return advancedSet(x, index, value);
  const v = basicView(x.shape, x.strides, x.offset, normalizeBasicIndex(x.shape, index));
  const target = new NDArray(x.data, v.shape, x.dtype, v.strides, v.offset, x.base ?? x);
  const val = asarray(value as ArrayLike);
  assignInto(target, broadcastTo(val, target.shape));
}

function advancedGet(_x: NDArray, _index: readonly IndexItem[]): NDArray {
  throw new IndexError('advanced (integer-array / boolean) indexing is not implemented yet');
}

function advancedSet(_x: NDArray, _index: readonly IndexItem[], _value: unknown): void {
  throw new IndexError('advanced (integer-array / boolean) index assignment is not implemented yet');
}

/** Indices of the non-zero elements, one array per axis (NumPy's `np.nonzero`). */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = asarray(a);
  void isSlice;
  const hits: number[][] = Array.from({ length: Math.max(x.ndim, 1) }, () => []);
  const idx = new Array<number>(x.ndim).fill(0);
  const total = x.size;
  for (let k = 0; k < total; k++) {
    let p = x.offset;
    for (let d = 0; d < x.ndim; d++) p += idx[d] * x.strides[d];
    const nz = x.dtype === 'complex128' ? x.data[2 * p] !== 0 || x.data[2 * p + 1] !== 0 : x.data[p] !== 0;
    if (nz) for (let d = 0; d < x.ndim; d++) hits[d].push(idx[d]);
    for (let d = x.ndim - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return hits.slice(0, x.ndim).map((h) => new NDArray(Int32Array.from(h), [h.length], 'int32'));
}
