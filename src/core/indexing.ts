/**
 * NumPy's indexing as data. Basic indexing: parsing the bracket text
 * (`'1:, ::-2'`), expanding the ellipsis, normalising slices like Python's
 * `slice.indices`, and the resulting view's shape, strides and offset.
 * Advanced indexing: {@link planIndex} turns any index (integer arrays,
 * boolean masks, mixed with basic items) into an {@link IndexPlan} that the
 * gather/scatter kernels of ops/gather.ts run.
 *
 * NumPy's rules (numpy/_core/src/multiarray/mapping.c, and the "Advanced
 * indexing" section of the NumPy manual): a boolean mask is replaced by the
 * integer arrays of its `nonzero()`; all integer arrays broadcast together to
 * one shape B; when the advanced items (integers count as advanced once an
 * array is present) sit next to each other, B replaces them in place,
 * otherwise B comes first.
 */
import { allocate } from './dtype';
import { IndexError, ValueError } from './errors';
import { NDArray, type IndexItem, type Slice } from './ndarray';
import { asarray, isTypedArray } from './convert';
import { concrete } from './primitive';
import { broadcastShapes, shapeText, sizeOf } from './shape';

/** One axis of a normalised basic index. */
export type BasicIndexItem =
  | { readonly kind: 'int'; readonly index: number }
  | { readonly kind: 'slice'; readonly start: number; readonly step: number; readonly length: number }
  | { readonly kind: 'newaxis' };

/** `np.newaxis`: inserts a size-1 axis (the same as `null`). */
export const newaxis = null;

const VALID_INDICES =
  'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

/** Parses one comma-separated field of NumPy's bracket syntax. */
function parseField(field: string): IndexItem {
  const f = field.trim();
  if (f === '...' || f === 'Ellipsis') return '...';
  if (f === 'None' || f === 'np.newaxis' || f === 'newaxis') return null;
  if (/^[+-]?\d+$/.test(f)) return Number(f);
  if (f === 'True' || f === 'False') return f === 'True';
  if (f.startsWith('[')) {
    // An integer or boolean list, as in `a[[0, 2], :]`.
    try {
      return JSON.parse(f.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false')) as IndexItem;
    } catch {
      throw new IndexError(`invalid index text '${f}': ${VALID_INDICES}`);
    }
  }
  const parts = f.split(':');
  if (parts.length < 2 || parts.length > 3) throw new IndexError(`invalid index text '${field.trim()}': ${VALID_INDICES}`);
  const num = (t: string | undefined): number | null => {
    const s = (t ?? '').trim();
    if (s === '' || s === 'None') return null;
    if (!/^[+-]?\d+$/.test(s)) throw new IndexError(`invalid index text '${field.trim()}': slice indices must be integers or None`);
    return Number(s);
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) } satisfies Slice;
}

/**
 * Splits NumPy's bracket text into index items: `'1:, ::-2'` → two slices;
 * `'..., None'`; `'[0, 2], 1:'` (a list is an integer or boolean array index).
 */
export function parseIndexText(text: string): IndexItem[] {
  if (text.trim() === '') return [];
  const fields: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      fields.push(text.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(text.slice(start));
  // A trailing comma makes a tuple in Python (`a[0,]`); it adds no item.
  if (fields.length > 1 && fields[fields.length - 1].trim() === '') fields.pop();
  return fields.map(parseField);
}

/** True for a slice object (not an array, not null). */
export function isSlice(x: unknown): x is Slice {
  return (
    typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && !(x instanceof NDArray) &&
    ('start' in x || 'stop' in x || 'step' in x)
  );
}

/** Python's `slice(start, stop, step).indices(n)`, returned as start/step/length. */
export function normalizeSlice(s: Slice, n: number): { start: number; step: number; length: number } {
  const step = s.step ?? 1;
  for (const v of [s.start, s.stop, s.step]) {
    if (v != null && !Number.isInteger(v)) throw new IndexError('slice indices must be integers or None or have an __index__ method');
  }
  if (step === 0) throw new ValueError('slice step cannot be zero');
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start == null ? 0 : s.start < 0 ? Math.max(s.start + n, 0) : Math.min(s.start, n);
    stop = s.stop == null ? n : s.stop < 0 ? Math.max(s.stop + n, 0) : Math.min(s.stop, n);
  } else {
    start = s.start == null ? n - 1 : s.start < 0 ? Math.max(s.start + n, -1) : Math.min(s.start, n - 1);
    stop = s.stop == null ? -1 : s.stop < 0 ? Math.max(s.stop + n, -1) : Math.min(s.stop, n - 1);
  }
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, length };
}

/** An index item after text expansion and array conversion. */
type Item =
  | { kind: 'int'; index: number }
  | { kind: 'slice'; slice: Slice }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  | { kind: 'array'; array: NDArray }
  | { kind: 'mask'; mask: NDArray };

/** Expands text items and classifies each item. */
function classify(items: readonly IndexItem[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    if (it === '...') out.push({ kind: 'ellipsis' });
    else if (typeof it === 'string') {
      for (const f of parseIndexText(it)) out.push(...classify([f]));
    } else if (it === null || it === undefined) out.push({ kind: 'newaxis' });
    else if (typeof it === 'number') {
      if (!Number.isInteger(it)) throw new IndexError(VALID_INDICES);
      out.push({ kind: 'int', index: it });
    } else if (typeof it === 'boolean') out.push({ kind: 'mask', mask: asarray(it) });
    else if (it instanceof NDArray || Array.isArray(it) || isTypedArray(it)) {
      const a = it instanceof NDArray ? concrete(it) : asarray(it as never);
      if (a.dtype === 'bool') out.push({ kind: 'mask', mask: a });
      else if (a.dtype === 'int32' || a.dtype === 'uint8' || a.size === 0) out.push({ kind: 'array', array: a });
      else throw new IndexError(VALID_INDICES);
    } else if (isSlice(it)) out.push({ kind: 'slice', slice: it });
    else throw new IndexError(VALID_INDICES);
  }
  return out;
}

/**
 * Expands string items and the ellipsis, checks the count, and normalises
 * each item against its axis. Only basic items (int, slice, newaxis, '...') are accepted.
 * @throws {IndexError} for too many indices or an out-of-bounds integer.
 */
export function normalizeBasicIndex(shape: readonly number[], items: readonly IndexItem[]): BasicIndexItem[] {
  const plan = planIndex(shape, items);
  if (plan.advAxes.length > 0) throw new IndexError('internal: advanced index passed to basic indexing');
  return [...plan.basic];
}

/**
 * A normalised index: the basic part (a view; advanced positions become full
 * slices), then integer arrays on some axes of that view.
 */
export interface IndexPlan {
  /** The basic index, applied first; it gives the view V. */
  readonly basic: readonly BasicIndexItem[];
  /** Axes of V indexed by the arrays, in index order (empty for a purely basic index). */
  readonly advAxes: readonly number[];
  /** For each advanced axis, the flat non-negative indices, broadcast to {@link bshape}. */
  readonly arrays: readonly Int32Array[];
  /** The broadcast shape B of the index arrays. */
  readonly bshape: readonly number[];
  /** How many of V's remaining axes come before B in the result (0 when the advanced items are not adjacent). */
  readonly insertAt: number;
  /** The shape of `x[index]`. */
  readonly outShape: readonly number[];
}

/** Whether a plan has advanced (array) parts: then `x[index]` is a copy. */
export function isAdvancedPlan(plan: IndexPlan): boolean {
  return plan.advAxes.length > 0;
}

/** The integer arrays of `mask.nonzero()`, one per axis of the mask (any real dtype: non-zero counts). */
export function maskIndices(mask: NDArray): Int32Array[] {
  const nd = mask.ndim;
  const n = mask.size;
  const data = mask.data;
  // Count, then collect the flat C-order positions of the non-zero elements (two tight passes).
  let count = 0;
  let flat: Int32Array;
  if (mask.isContiguous) {
    const off = mask.offset;
    for (let k = 0; k < n; k++) if (data[off + k] !== 0) count++;
    flat = new Int32Array(count);
    for (let k = 0, j = 0; j < count; k++) if (data[off + k] !== 0) flat[j++] = k;
  } else {
    const c = mask.data.constructor as new (n: number) => typeof data;
    const packed = new c(n);
    const idx = new Array<number>(nd).fill(0);
    let p = mask.offset;
    for (let k = 0; k < n; k++) {
      packed[k] = data[p];
      for (let d = nd - 1; d >= 0; d--) {
        p += mask.strides[d];
        if (++idx[d] < mask.shape[d]) break;
        p -= mask.strides[d] * mask.shape[d];
        idx[d] = 0;
      }
    }
    for (let k = 0; k < n; k++) if (packed[k] !== 0) count++;
    flat = new Int32Array(count);
    for (let k = 0, j = 0; j < count; k++) if (packed[k] !== 0) flat[j++] = k;
  }
  if (nd === 1) return [flat];
  const out = Array.from({ length: nd }, () => new Int32Array(count));
  for (let j = 0; j < count; j++) {
    let f = flat[j];
    for (let d = nd - 1; d >= 0; d--) {
      const s = mask.shape[d];
      const q = (f / s) | 0;
      out[d][j] = f - q * s;
      f = q;
    }
  }
  return out;
}

/**
 * Normalises any index against `shape`: NumPy's rules for basic items,
 * integer arrays and boolean masks (see the file comment).
 * @throws {IndexError} for too many indices, an out-of-bounds index, a mask of
 * the wrong shape, non-integer indices, or index arrays that do not broadcast.
 */
export function planIndex(shape: readonly number[], items: readonly IndexItem[]): IndexPlan {
  const list = classify(items);
  const ellipses = list.filter((i) => i.kind === 'ellipsis').length;
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const consumes = (it: Item): number =>
    it.kind === 'int' || it.kind === 'slice' || it.kind === 'array' ? 1 : it.kind === 'mask' ? it.mask.ndim : 0;
  const consumed = list.reduce((s, it) => s + consumes(it), 0);
  if (consumed > shape.length) {
    throw new IndexError(`too many indices for array: array is ${shape.length}-dimensional, but ${consumed} were indexed`);
  }
  const hasArrays = list.some((it) => it.kind === 'array' || it.kind === 'mask');
  const basic: BasicIndexItem[] = [];
  const advAxes: number[] = [];
  const raw: NDArray[] = [];
  const rawAxis: number[] = [];
  let axis = 0; // axis of x
  let vAxis = 0; // axis of the view V
  let firstAdvAt = -1; // V axes produced before the first advanced item
  let status = -1; // NumPy's consec_status: -1 none yet, 0 in a run, 1 run ended, 2 not adjacent
  const full = (n: number): BasicIndexItem => ({ kind: 'slice', start: 0, step: 1, length: n });
  const markAdvanced = (): void => {
    if (status === -1) {
      status = 0;
      firstAdvAt = vAxis - advAxes.length;
    } else if (status === 1) status = 2;
  };
  for (const it of list) {
    const advanced = it.kind === 'array' || it.kind === 'mask' || (it.kind === 'int' && hasArrays);
    if (advanced) markAdvanced();
    else if (status === 0) status = 1;
    switch (it.kind) {
      case 'ellipsis':
        for (let k = 0; k < shape.length - consumed; k++, vAxis++) basic.push(full(shape[axis++]));
        break;
      case 'newaxis':
        basic.push({ kind: 'newaxis' });
        vAxis++;
        break;
      case 'int': {
        const n = shape[axis];
        if (it.index < -n || it.index >= n) throw new IndexError(`index ${it.index} is out of bounds for axis ${axis} with size ${n}`);
        basic.push({ kind: 'int', index: it.index < 0 ? it.index + n : it.index });
        axis++;
        break;
      }
      case 'slice':
        basic.push({ kind: 'slice', ...normalizeSlice(it.slice, shape[axis++]) });
        vAxis++;
        break;
      case 'array':
        basic.push(full(shape[axis]));
        advAxes.push(vAxis++);
        raw.push(it.array);
        rawAxis.push(axis++);
        break;
      case 'mask': {
        const m = it.mask;
        if (m.ndim === 0) {
          // A 0-d boolean is a new axis indexed by [0] (true) or [] (false), as NumPy's nonzero of it.
          basic.push({ kind: 'newaxis' });
          advAxes.push(vAxis++);
          raw.push(new NDArray(new Int32Array(m.data[m.offset] !== 0 ? 1 : 0), [m.data[m.offset] !== 0 ? 1 : 0], 'int32'));
          rawAxis.push(-1);
          break;
        }
        for (let d = 0; d < m.ndim; d++) {
          if (m.shape[d] !== shape[axis + d]) {
            throw new IndexError(
              `boolean index did not match indexed array along axis ${axis + d}; size of axis is ${shape[axis + d]} ` +
                `but size of corresponding boolean axis is ${m.shape[d]}`,
            );
          }
        }
        const parts = maskIndices(m);
        for (let d = 0; d < m.ndim; d++) {
          basic.push(full(shape[axis]));
          advAxes.push(vAxis++);
          raw.push(new NDArray(parts[d], [parts[d].length], 'int32'));
          rawAxis.push(axis++);
        }
        break;
      }
    }
  }
  while (axis < shape.length) {
    basic.push(full(shape[axis++]));
    vAxis++;
  }
  const vShape: number[] = [];
  for (const b of basic) if (b.kind !== 'int') vShape.push(b.kind === 'newaxis' ? 1 : b.length);
  if (advAxes.length === 0) return { basic, advAxes, arrays: [], bshape: [], insertAt: 0, outShape: vShape };

  let bshape: number[];
  try {
    bshape = broadcastShapes(...raw.map((r) => r.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${raw.map((r) => shapeText(r.shape)).join(' ')} `);
  }
  const nb = sizeOf(bshape);
  const arrays = raw.map((r, k) => normalizeIndexArray(r, bshape, nb, vShape[advAxes[k]], rawAxis[k]));
  const insertAt = status === 2 ? 0 : firstAdvAt;
  const rest = vShape.filter((_, i) => !advAxes.includes(i));
  const outShape = [...rest.slice(0, insertAt), ...bshape, ...rest.slice(insertAt)];
  return { basic, advAxes, arrays, bshape, insertAt, outShape };
}

/**
 * The indices of `r` broadcast to `bshape` (C order), with negative indices
 * wrapped and bounds checked against `n`.
 */
function normalizeIndexArray(r: NDArray, bshape: readonly number[], nb: number, n: number, axis: number): Int32Array {
  const out = new Int32Array(nb);
  if (nb === 0) return out;
  if (r.size === nb && r.isContiguous) {
    // Already of the broadcast shape and in C order: one pass.
    const data = r.data;
    const off = r.offset;
    for (let k = 0; k < nb; k++) {
      let v = data[off + k];
      if (v < 0) v += n;
      if (v < 0 || v >= n) throw new IndexError(`index ${data[off + k]} is out of bounds for axis ${Math.max(axis, 0)} with size ${n}`);
      out[k] = v;
    }
    return out;
  }
  const nd = bshape.length;
  const lead = nd - r.ndim;
  const strides = bshape.map((d, i) => (i < lead || r.shape[i - lead] === 1 ? 0 : r.strides[i - lead]));
  const idx = new Array<number>(nd).fill(0);
  const data = r.data;
  let p = r.offset;
  for (let k = 0; k < nb; k++) {
    let v = data[p];
    if (v < 0) v += n;
    if (v < 0 || v >= n) throw new IndexError(`index ${data[p]} is out of bounds for axis ${Math.max(axis, 0)} with size ${n}`);
    out[k] = v;
    for (let d = nd - 1; d >= 0; d--) {
      p += strides[d];
      if (++idx[d] < bshape[d]) break;
      p -= strides[d] * bshape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** The view that a normalised basic index selects. */
export function basicView(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  index: readonly BasicIndexItem[],
): { shape: number[]; strides: number[]; offset: number } {
  const outShape: number[] = [];
  const outStrides: number[] = [];
  let off = offset;
  let axis = 0;
  for (const it of index) {
    if (it.kind === 'newaxis') {
      outShape.push(1);
      outStrides.push(0);
    } else if (it.kind === 'int') {
      off += it.index * strides[axis++];
    } else {
      if (it.length > 0) off += it.start * strides[axis];
      outShape.push(it.length);
      outStrides.push(it.step * strides[axis]);
      axis++;
    }
  }
  void shape;
  return { shape: outShape, strides: outStrides, offset: off };
}

/** Allocates the storage for an array of `shape` (re-exported for the kernels). */
export function allocateFor(dtype: NDArray['dtype'], shape: readonly number[]): NDArray {
  return new NDArray(allocate(dtype, sizeOf(shape)), shape, dtype);
}
