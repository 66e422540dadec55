/**
 * Shape arithmetic: C-order strides, sizes, broadcasting and axis
 * normalisation. Strides count elements (not bytes).
 */
import { AxisError, ShapeError, TypeError_, ValueError } from './errors';

export type Shape = readonly number[];

/** Product of the dimensions (1 for a 0-d shape). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order (row-major) strides in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

/** True when an array with these strides has C-order layout (size-1 axes may have any stride). */
export function isCContiguous(shape: Shape, strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 0) return true;
    if (shape[i] !== 1 && strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * Whether `strides` are exactly the C-order strides of `shape` (what
 * {@link contiguousStrides} gives; a fresh array has them, and so has a leading
 * slice at an offset). Then the elements are one run from the offset, and a
 * fresh array of the same shape can share the shape and strides arrays. The
 * test of the small-array fast paths, where the general loop set-up
 * (broadcasting, axis coalescing, aliasing checks) costs more than the loop.
 */
export function hasCanonicalStrides(shape: Shape, strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (strides[i] !== expected) return false;
    const d = shape[i];
    if (d > 1) expected *= d;
  }
  return true;
}

/** NumPy's shape text: `(2,3)`, `(4,)`, `()`. */
export function shapeText(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** Python's tuple repr of a shape: `(2, 3)`, `(4,)`, `()`. */
export function shapeRepr(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The shape that broadcasting `shapes` against each other gives (NumPy's rules:
 * align on the right; each dimension equal or 1).
 * @throws {ShapeError} "operands could not be broadcast together with shapes (2,3) (4,) "
 * @example np.broadcastShapes([2, 1], [3])  // [2, 3]
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = ndim - s.length + i;
      const d = s[i];
      if (d === out[j] || d === 1) continue;
      if (out[j] === 1) out[j] = d;
      else throw new ShapeError(`operands could not be broadcast together with shapes ${shapes.map(shapeText).join(' ')} `);
    }
  }
  return out;
}

/**
 * Strides that read an array of `shape`/`strides` as if it had `target` shape:
 * 0 on the broadcast (new or size-1) axes.
 */
export function broadcastStrides(shape: Shape, strides: readonly number[], target: Shape): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) out[lead + i] = shape[i] === 1 && target[lead + i] !== 1 ? 0 : strides[i];
  return out;
}

/**
 * Maps a possibly negative axis into `[0, ndim)`. `argname` prefixes the
 * message as NumPy does for some functions ("axis1: axis 2 is out of bounds…").
 * @throws {AxisError} "axis 2 is out of bounds for array of dimension 2"
 */
export function normalizeAxis(axis: number, ndim: number, argname?: string): number {
  if (!Number.isInteger(axis)) throw new TypeError_(`'${typeof axis === 'number' ? 'float' : typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${argname ? `${argname}: ` : ''}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Normalises an `axis` option (undefined/null = all axes, an int, or a list)
 * into a sorted list of distinct non-negative axes.
 * @throws {AxisError} for an out-of-range axis; {@link ValueError} for a repeated one.
 */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === undefined || axis === null) {
    const all = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) all[i] = i;
    return all;
  }
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out.sort((a, b) => a - b);
}

/** Validates a shape argument: non-negative integers. */
export function checkShape(shape: readonly number[], what = 'shape'): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new TypeError_(`'${typeof d === 'number' ? 'float' : typeof d}' object cannot be interpreted as an integer (in ${what})`);
    if (d < 0) throw new ValueError('negative dimensions are not allowed');
  }
  return [...shape];
}

/** Equality of two shapes. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
