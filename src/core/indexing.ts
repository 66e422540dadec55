/**
 * NumPy's basic indexing as data: parsing the bracket text (`'1:, ::-2'`),
 * expanding the ellipsis, normalising slices like Python's `slice.indices`,
 * and computing the resulting view's shape, strides and offset.
 */
import { IndexError, ValueError } from './errors';
import type { IndexItem, Slice } from './ndarray';

/** One axis of a normalised basic index. */
export type BasicIndexItem =
  | { readonly kind: 'int'; readonly index: number }
  | { readonly kind: 'slice'; readonly start: number; readonly step: number; readonly length: number }
  | { readonly kind: 'newaxis' };

/** `np.newaxis`: inserts a size-1 axis (the same as `null`). */
export const newaxis = null;

/** Parses one comma-separated field of NumPy's bracket syntax. */
function parseField(field: string): IndexItem {
  const f = field.trim();
  if (f === '...' || f === 'Ellipsis') return '...';
  if (f === 'None' || f === 'np.newaxis' || f === 'newaxis') return null;
  if (/^[+-]?\d+$/.test(f)) return Number(f);
  const parts = f.split(':');
  if (parts.length < 2 || parts.length > 3) throw new IndexError(`invalid index text '${field}'`);
  const num = (t: string | undefined): number | null => {
    const s = (t ?? '').trim();
    if (s === '' || s === 'None') return null;
    if (!/^[+-]?\d+$/.test(s)) throw new IndexError(`invalid index text '${field}'`);
    return Number(s);
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) } satisfies Slice;
}

/** Splits NumPy's bracket text into index items: `'1:, ::-2'` → two slices. */
export function parseIndexText(text: string): IndexItem[] {
  return text.split(',').map(parseField);
}

/** True for a slice object (not an array, not null). */
export function isSlice(x: unknown): x is Slice {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && ('start' in x || 'stop' in x || 'step' in x) && !('dtype' in x);
}

/** Python's `slice(start, stop, step).indices(n)`, returned as start/step/length. */
export function normalizeSlice(s: Slice, n: number): { start: number; step: number; length: number } {
  const step = s.step ?? 1;
  if (step === 0) throw new ValueError('slice step cannot be zero');
  if (!Number.isInteger(step)) throw new IndexError('slice indices must be integers or None');
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

/**
 * Expands string items and the ellipsis, checks the count, and normalises
 * each item against its axis. Only basic items (int, slice, newaxis, '...') are accepted.
 * @throws {IndexError} for too many indices or an out-of-bounds integer.
 */
export function normalizeBasicIndex(shape: readonly number[], items: readonly IndexItem[]): BasicIndexItem[] {
  const flat: IndexItem[] = [];
  for (const it of items) {
    if (typeof it === 'string') flat.push(...parseIndexText(it));
    else flat.push(it);
  }
  const ellipses = flat.filter((i) => i === '...').length;
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const consumed = flat.filter((i) => i !== null && i !== '...').length;
  if (consumed > shape.length) {
    throw new IndexError(`too many indices for array: array is ${shape.length}-dimensional, but ${consumed} were indexed`);
  }
  const out: BasicIndexItem[] = [];
  let axis = 0;
  for (const it of flat) {
    if (it === '...') {
      for (let k = 0; k < shape.length - consumed; k++) out.push({ kind: 'slice', start: 0, step: 1, length: shape[axis++] });
    } else if (it === null) out.push({ kind: 'newaxis' });
    else if (typeof it === 'number') {
      const n = shape[axis];
      if (!Number.isInteger(it)) throw new IndexError('only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
      if (it < -n || it >= n) throw new IndexError(`index ${it} is out of bounds for axis ${axis} with size ${n}`);
      out.push({ kind: 'int', index: it < 0 ? it + n : it });
      axis++;
    } else if (isSlice(it)) {
      out.push({ kind: 'slice', ...normalizeSlice(it, shape[axis]) });
      axis++;
    } else throw new IndexError('internal: advanced index passed to basic indexing');
  }
  while (axis < shape.length) out.push({ kind: 'slice', start: 0, step: 1, length: shape[axis++] });
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
