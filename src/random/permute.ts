/**
 * Shuffling, permutations and gathering along an axis, as NumPy's
 * `Generator.shuffle`/`permutation` and `RandomState.shuffle`/`permutation`:
 * Fisher–Yates from the last position down (Knuth TAOCP vol. 2, Algorithm P),
 * with the swap partner drawn by masked rejection (`random_interval`), on
 * whole sub-arrays when shuffling along an axis of an n-d array.
 */
import { allocate, arange, asarray, castCopy, IndexError, NDArray, normalizeAxis, ValueError, type ArrayLike } from '../core';
import type { BitGenerator } from './bitgen/bitGenerator';
import { randomInterval } from './distributions/bounded';

/** Buffer positions (in elements) of every element of `a` in C order. */
export function elementPositions(a: NDArray, shape: readonly number[] = a.shape, strides: readonly number[] = a.strides, offset = a.offset): Int32Array {
  let n = 1;
  for (const d of shape) n *= d;
  const out = new Int32Array(n);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let p = offset;
  for (let k = 0; k < n; k++) {
    out[k] = p;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      p += strides[d];
      if (idx[d] < shape[d]) break;
      p -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * Shuffles `x` in place along `axis` (sub-arrays move as units).
 * Plain JS arrays are shuffled element-wise along their first level.
 */
export function shuffleInPlace(bg: BitGenerator, x: NDArray | unknown[], axis = 0): void {
  if (Array.isArray(x)) {
    if (axis !== 0) throw new ValueError('Axis argument is only supported on ndarray objects');
    for (let i = x.length - 1; i > 0; i--) {
      const j = randomInterval(bg, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return;
  }
  if (x.ndim === 0) throw new ValueError('shuffle: x must be an array of at least 1 dimension');
  const ax = normalizeAxis(axis, x.ndim);
  if (x.size === 0) return;
  const n = x.shape[ax];
  const step = x.strides[ax];
  const restShape = x.shape.filter((_, i) => i !== ax);
  const restStrides = x.strides.filter((_, i) => i !== ax);
  const rel = elementPositions(x, restShape, restStrides, 0);
  const width = x.dtype === 'complex128' ? 2 : 1;
  const data = x.data;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(bg, i);
    if (i === j) continue;
    const pi = x.offset + i * step;
    const pj = x.offset + j * step;
    for (let k = 0; k < rel.length; k++) {
      for (let w = 0; w < width; w++) {
        const a = (pi + rel[k]) * width + w;
        const b = (pj + rel[k]) * width + w;
        const t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }
}

/**
 * Gathers `a` at integer positions `idx` (of shape `idxShape`) along `axis`,
 * NumPy's `a.take(idx, axis)`: the result has shape
 * `a.shape[:axis] + idxShape + a.shape[axis+1:]`.
 */
export function takeAlong(a: NDArray, idx: ArrayLike | Int32Array, idxShape: readonly number[], axis: number): NDArray {
  const ax = normalizeAxis(axis, a.ndim);
  const pos = idx instanceof Int32Array ? idx : Int32Array.from(asarray(idx as ArrayLike).toArray());
  const n = a.shape[ax];
  const outer = a.shape.slice(0, ax);
  const inner = a.shape.slice(ax + 1);
  const shape = [...outer, ...idxShape, ...inner];
  const outerPos = elementPositions(a, outer, a.strides.slice(0, ax), a.offset);
  const innerPos = elementPositions(a, inner, a.strides.slice(ax + 1), 0);
  const width = a.dtype === 'complex128' ? 2 : 1;
  const out = allocate(a.dtype, outerPos.length * pos.length * innerPos.length);
  let o = 0;
  for (let p = 0; p < outerPos.length; p++) {
    for (let q = 0; q < pos.length; q++) {
      const i = pos[q];
      if (i < 0 || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${ax} with size ${n}`);
      const base = outerPos[p] + i * a.strides[ax];
      for (let r = 0; r < innerPos.length; r++) {
        for (let w = 0; w < width; w++) out[o * width + w] = a.data[(base + innerPos[r]) * width + w];
        o++;
      }
    }
  }
  return new NDArray(out, shape, a.dtype);
}

/**
 * NumPy's `permutation(x, axis)`: an integer gives a shuffled `arange(x)`; a
 * 1-d array a shuffled copy; an n-d array a copy with its `axis` slices in
 * shuffled order (the shuffle is done on an index array, as NumPy does).
 * @throws {AxisError}/{@link IndexError} for a 0-d array (legacy: "x must be an integer or at least 1-dimensional").
 */
export function permutationOf(bg: BitGenerator, x: ArrayLike, axis: number, legacy: boolean): NDArray {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new ValueError(`permutation: ${x} is not an integer`);
    const arr = arange(x, null, 1, 'int32');
    shuffleInPlace(bg, arr);
    return arr;
  }
  const a = asarray(x);
  if (a.ndim === 0) {
    if (legacy) throw new IndexError('x must be an integer or at least 1-dimensional');
    normalizeAxis(axis, 0);
  }
  const ax = normalizeAxis(axis, a.ndim);
  if (a.ndim === 1) {
    const c = castCopy(a, a.dtype);
    shuffleInPlace(bg, c);
    return c;
  }
  const idx = arange(a.shape[ax], null, 1, 'int32');
  shuffleInPlace(bg, idx);
  return takeAlong(a, idx.data as Int32Array, [idx.size], ax);
}
