/**
 * Rearranging elements: `flip` / `fliplr` / `flipud` / `rot90` (views with
 * negative strides), `roll`, `tile`, `repeat` and `pad`. Each is written
 * with primitives (slices, concatenate, broadcastTo, gather), so all are
 * differentiable with no rule of their own.
 */
import {
  asarray, bind, concrete, full, NDArray, normalizeAxes, normalizeAxis, planIndex, shapeText, TypeError_,
  ValueError, type ArrayLike, type Axis, type Complex, type IndexItem,
} from '../core';
import { gatherP, sliceP } from './gather';
import { broadcastTo, copy, ravel, reshape, transpose } from './movement';
import { concatenate, sliceAxis } from './join';

/**
 * Reverses the order of elements along `axis` (all axes when omitted): a view
 * with negative strides (NumPy's `np.flip`).
 * @throws {AxisError} for a bad axis.
 * @example np.flip([[1, 2], [3, 4]], 0)  // [[3 4] [1 2]]
 */
export function flip(a: ArrayLike, axis: Axis = null): NDArray {
  const x = asarray(a);
  const axes = normalizeAxes(axis, x.ndim);
  const index = x.shape.map((n, d) =>
    axes.includes(d) ? { kind: 'slice' as const, start: n - 1, step: -1, length: n } : { kind: 'slice' as const, start: 0, step: 1, length: n },
  );
  return bind(sliceP, [x], { index });
}

/** Reverses the columns (axis 1), a view. @throws {ValueError} for < 2-D. @example np.fliplr([[1, 2]])  // [[2 1]] */
export function fliplr(a: ArrayLike): NDArray {
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError('Input must be >= 2-d.');
  return flip(x, 1);
}

/** Reverses the rows (axis 0), a view. @throws {ValueError} for 0-d. @example np.flipud([1, 2])  // [2 1] */
export function flipud(a: ArrayLike): NDArray {
  const x = asarray(a);
  if (x.ndim < 1) throw new ValueError('Input must be >= 1-d.');
  return flip(x, 0);
}

/**
 * Rotates by 90° `k` times in the plane of `axes`, from the first towards the second axis (NumPy's `np.rot90`); a view.
 * @throws {ValueError} for equal or out-of-range axes.
 * @example np.rot90([[1, 2], [3, 4]])  // [[2 4] [1 3]]
 */
export function rot90(m: ArrayLike, k = 1, axes: readonly [number, number] = [0, 1]): NDArray {
  const x = asarray(m);
  if (axes.length !== 2) throw new ValueError('len(axes) must be 2.');
  if (x.ndim < 2) throw new ValueError('Axes must be different.');
  const a0 = normalizeAxis(axes[0], x.ndim);
  const a1 = normalizeAxis(axes[1], x.ndim);
  if (a0 === a1) throw new ValueError('Axes must be different.');
  const r = ((k % 4) + 4) % 4;
  if (r === 0) return flip(x, []);
  if (r === 2) return flip(x, [a0, a1]);
  const perm = x.shape.map((_, i) => i);
  [perm[a0], perm[a1]] = [perm[a1], perm[a0]];
  return r === 1 ? transpose(flip(x, a1), perm) : flip(transpose(x, perm), a1);
}

/**
 * Shifts elements cyclically by `shift` along `axis` (NumPy's `np.roll`);
 * without an axis the array is flattened, shifted and reshaped. `shift` and
 * `axis` may be lists (broadcast together).
 * @throws {ValueError} when `shift` and `axis` lists differ in length.
 * @example np.roll([1, 2, 3, 4], 1)  // [4 1 2 3]
 */
export function roll(a: ArrayLike, shift: number | readonly number[], axis: number | readonly number[] | null = null): NDArray {
  const x = asarray(a);
  if (axis === null) {
    const s = typeof shift === 'number' ? shift : shift.reduce((p, q) => p + q, 0);
    return reshape(roll(ravel(x), s, 0), x.shape);
  }
  const axesIn = typeof axis === 'number' ? [axis] : [...axis];
  const shiftsIn = typeof shift === 'number' ? [shift] : [...shift];
  const m = Math.max(axesIn.length, shiftsIn.length);
  if ((axesIn.length !== 1 && axesIn.length !== m) || (shiftsIn.length !== 1 && shiftsIn.length !== m)) {
    throw new ValueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${shiftsIn.length},) and arg 1 with shape (${axesIn.length},).`,
    );
  }
  const axes = Array.from({ length: m }, (_, i) => axesIn[axesIn.length === 1 ? 0 : i]);
  const shifts = Array.from({ length: m }, (_, i) => shiftsIn[shiftsIn.length === 1 ? 0 : i]);
  const total = new Map<number, number>();
  axes.forEach((ax, i) => {
    if (!Number.isInteger(shifts[i])) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
    const d = normalizeAxis(ax, x.ndim);
    total.set(d, (total.get(d) ?? 0) + shifts[i]);
  });
  let out = x;
  for (const [d, s] of total) {
    const n = x.shape[d];
    if (n === 0) continue;
    const k = ((s % n) + n) % n;
    if (k === 0) continue;
    out = concatenate([sliceAxis(out, d, n - k, k), sliceAxis(out, d, 0, n - k)], { axis: d });
  }
  return out === x ? copy(x) : out;
}

/** Non-negative integer counts, with NumPy's messages. */
function counts(values: readonly number[], what: string): number[] {
  for (const v of values) {
    if (!Number.isInteger(v)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
    if (v < 0) throw new ValueError(what);
  }
  return [...values];
}

/**
 * Repeats the whole array `reps` times along each axis (NumPy's `np.tile`).
 * @throws {ValueError} for negative repetitions.
 * @example np.tile([1, 2], 2)  // [1 2 1 2]
 * @example np.tile([1, 2], [2, 1])  // [[1 2] [1 2]]
 */
export function tile(a: ArrayLike, reps: number | readonly number[]): NDArray {
  let x = asarray(a);
  let r = counts(typeof reps === 'number' ? [reps] : reps, 'negative dimensions are not allowed');
  const d = Math.max(r.length, x.ndim);
  r = [...new Array<number>(d - r.length).fill(1), ...r];
  x = reshape(x, [...new Array<number>(d - x.ndim).fill(1), ...x.shape]);
  // (s0, s1, …) → (1, s0, 1, s1, …) → broadcast to (r0, s0, r1, s1, …) → (r0 s0, r1 s1, …).
  const inter: number[] = [];
  const big: number[] = [];
  x.shape.forEach((s, i) => {
    inter.push(1, s);
    big.push(r[i], s);
  });
  return reshape(broadcastTo(reshape(x, inter), big), x.shape.map((s, i) => s * r[i]));
}

/**
 * Repeats each element `repeats` times along `axis` (NumPy's `np.repeat`);
 * `repeats` is one count or one per element. Without an axis the array is flattened.
 * Differentiable (the gradient sums the copies).
 * @throws {ValueError} for negative counts or a count list of the wrong length.
 * @example np.repeat([1, 2], 2)  // [1 1 2 2]
 * @example np.repeat([[1, 2]], [1, 2], 1)  // [[1 2 2]]
 */
export function repeat(a: ArrayLike, repeats: number | readonly number[] | NDArray, axis: number | null = null): NDArray {
  let x = asarray(a);
  if (axis === null) x = ravel(x);
  const ax = normalizeAxis(axis ?? 0, x.ndim);
  const n = x.shape[ax];
  const list = typeof repeats === 'number' ? [repeats] : repeats instanceof NDArray ? concrete(repeats).toArray() : [...repeats];
  const rep = counts(list, typeof repeats === 'number' ? 'negative dimensions are not allowed' : 'repeats may not contain negative values.');
  if (rep.length !== 1 && rep.length !== n) {
    throw new ValueError(`operands could not be broadcast together with shape (${n},) (${rep.length},)`);
  }
  const total = rep.length === 1 ? rep[0] * n : rep.reduce((p, q) => p + q, 0);
  const idx = new Int32Array(total);
  for (let i = 0, k = 0; i < n; i++) for (let j = rep.length === 1 ? rep[0] : rep[i]; j > 0; j--) idx[k++] = i;
  const items: IndexItem[] = x.shape.map((_, d) => (d === ax ? new NDArray(idx, [total], 'int32') : { start: null }));
  return bind(gatherP, [x], { plan: planIndex(x.shape, items) });
}

/** Options of {@link pad}. */
export interface PadOptions {
  /** `'constant'` (default), `'edge'`, `'wrap'`, `'reflect'`, `'symmetric'` or `'empty'` (zeros here). */
  mode?: 'constant' | 'edge' | 'wrap' | 'reflect' | 'symmetric' | 'empty';
  /** The value(s) for mode 'constant' (default 0): one number, `[before, after]`, or one pair per axis. */
  constantValues?: number | boolean | Complex | readonly number[] | readonly (readonly number[])[];
}

/**
 * Broadcasts a pad spec (number, pair, or one pair per axis) to ndim pairs,
 * as NumPy's `_as_pairs` (`np.broadcast_to(spec, (ndim, 2))`), with its message.
 */
function asPairs<T>(spec: T | readonly T[] | readonly (readonly T[])[], ndim: number): [T, T][] {
  const fail = (shape: number[]): never => {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeText(shape)}  and requested shape (${ndim},2)`,
    );
  };
  if (!Array.isArray(spec)) return Array.from({ length: ndim }, () => [spec as T, spec as T]);
  const list = spec as readonly unknown[];
  if (list.every((e) => !Array.isArray(e))) {
    // shape (k,): broadcasts against the last axis (length 2)
    if (list.length !== 1 && list.length !== 2) fail([list.length]);
    return Array.from({ length: ndim }, () => [list[0] as T, list[list.length - 1] as T]);
  }
  const inner = (list[0] as readonly T[]).length;
  if (list.some((e) => !Array.isArray(e) || (e as unknown[]).length !== inner)) {
    throw new ValueError('setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.');
  }
  if ((inner !== 1 && inner !== 2) || (list.length !== 1 && list.length !== ndim)) fail([list.length, inner]);
  return Array.from({ length: ndim }, (_, d) => {
    const p = list[list.length === 1 ? 0 : d] as readonly T[];
    return [p[0], p[inner - 1]] as [T, T];
  });
}

/** The source index of each padded position along an axis of length n, for the index-based modes. */
function padIndex(n: number, before: number, after: number, mode: string): Int32Array {
  const out = new Int32Array(n + before + after);
  for (let j = 0; j < out.length; j++) {
    const i = j - before;
    let s: number;
    if (mode === 'edge') s = Math.min(Math.max(i, 0), n - 1);
    else if (mode === 'wrap') s = ((i % n) + n) % n;
    else if (mode === 'reflect') {
      const period = 2 * (n - 1);
      if (period === 0) s = 0;
      else {
        s = ((i % period) + period) % period;
        if (s >= n) s = period - s;
      }
    } else {
      const period = 2 * n;
      s = ((i % period) + period) % period;
      if (s >= n) s = period - 1 - s;
    }
    out[j] = s;
  }
  return out;
}

/**
 * Pads an array (NumPy's `np.pad`) with a constant, by repeating the edge,
 * wrapping around, or mirroring ('reflect' without, 'symmetric' with the edge
 * value repeated). `padWidth` is one number, `[before, after]`, or one pair
 * per axis. Differentiable.
 * @throws {ValueError} for negative widths, an unknown mode, or a non-constant mode on an empty axis.
 * @example np.pad([1, 2], 1)  // [0 1 2 0]
 * @example np.pad([1, 2, 3], [2, 1], { mode: 'reflect' })  // [3 2 1 2 3 2]
 */
export function pad(a: ArrayLike, padWidth: number | readonly number[] | readonly (readonly number[])[], opts: PadOptions = {}): NDArray {
  const x = asarray(a);
  const mode = opts.mode ?? 'constant';
  const widths = asPairs<number>(padWidth, x.ndim);
  for (const [b, e] of widths) {
    for (const w of [b, e]) {
      if (!Number.isInteger(w)) throw new TypeError_('`pad_width` must be of integral type.');
      if (w < 0) throw new ValueError("index can't contain negative values");
    }
  }
  let out = x;
  if (mode === 'constant' || mode === 'empty') {
    const values = mode === 'empty' ? asPairs<number>(0, x.ndim) : asPairs(opts.constantValues ?? 0, x.ndim);
    widths.forEach(([b, e], d) => {
      if (b === 0 && e === 0) return;
      const side = (w: number, v: unknown): NDArray => {
        const shape = [...out.shape];
        shape[d] = w;
        return full(shape, v as number, out.dtype);
      };
      out = concatenate([side(b, values[d][0]), out, side(e, values[d][1])], { axis: d });
    });
    return out === x ? copy(x) : out;
  }
  if (!['edge', 'wrap', 'reflect', 'symmetric'].includes(mode)) throw new ValueError(`mode '${String(mode)}' is not supported`);
  widths.forEach(([b, e], d) => {
    if (b === 0 && e === 0) return;
    const n = out.shape[d];
    if (n === 0) throw new ValueError(`can't extend empty axis ${d} using modes other than 'constant' or 'empty'`);
    const idx = padIndex(n, b, e, mode);
    const items: IndexItem[] = out.shape.map((_, k) => (k === d ? new NDArray(idx, [idx.length], 'int32') : { start: null }));
    out = bind(gatherP, [out], { plan: planIndex(out.shape, items) });
  });
  return out === x ? copy(x) : out;
}

