/**
 * Joining and splitting arrays: `concatenate` (a primitive whose VJP slices
 * the cotangent back into pieces), `stack`, `vstack`, `hstack`, `dstack`,
 * `columnStack`, the `atleast*d` helpers, and `split` / `arraySplit` /
 * `hsplit` / `vsplit` / `dsplit`, which return views (slices, so they are
 * differentiable too).
 */
import {
  allocate, asarray, bind, castInto, definePrimitive, isInexactDType, NDArray, normalizeAxis, resultType, sizeOf, toDType,
  TypeError_, ValueError, type ArrayLike, type DType, type Primitive,
} from '../core';
import { sliceP } from './gather';
import { astype, expandDims, ravel, reshape } from './movement';

/** Params of {@link concatenateP}. */
export interface ConcatParams {
  readonly axis: number;
  readonly dtype: DType;
}

/** A view of `x` restricted to `[start, start + length)` along `axis`, through the slice primitive. */
export function sliceAxis(x: NDArray, axis: number, start: number, length: number, step = 1): NDArray {
  const index = x.shape.map((n, d) =>
    d === axis ? { kind: 'slice' as const, start, step, length } : { kind: 'slice' as const, start: 0, step: 1, length: n },
  );
  return bind(sliceP, [x], { index });
}

/** Concatenation along an axis into a given dtype; VJP slices the cotangent back into the pieces. */
export const concatenateP: Primitive<ConcatParams> = definePrimitive<ConcatParams>({
  name: 'concatenate',
  impl: (xs, { axis, dtype }) => {
    const shape = [...xs[0].shape];
    shape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
    const out = new NDArray(allocate(dtype, sizeOf(shape)), shape, dtype);
    let start = 0;
    for (const x of xs) {
      const n = x.shape[axis];
      if (n > 0) {
        // The destination is a plain strided window of `out`.
        const strides = out.strides;
        const dstShape = [...shape];
        dstShape[axis] = n;
        castInto(new NDArray(out.data, dstShape, dtype, strides, start * strides[axis], out), x);
      }
      start += n;
    }
    return out;
  },
  vjp: (g, _out, xs, { axis }) => {
    let start = 0;
    return xs.map((x) => {
      const piece = sliceAxis(g, axis, start, x.shape[axis]);
      start += x.shape[axis];
      if (piece.dtype === x.dtype) return piece;
      return isInexactDType(x.dtype) ? astype(piece, x.dtype) : null;
    });
  },
});

/** Options of {@link concatenate}. */
export interface ConcatOptions {
  /** Axis along which to join (default 0); `null` flattens every input first. */
  axis?: number | null;
  /** The result dtype (default: NumPy's promotion of the inputs). */
  dtype?: DType | string;
}

function checkList(arrays: readonly ArrayLike[], what: 'concatenate' | 'stack'): NDArray[] {
  if (!Array.isArray(arrays) && !(arrays instanceof NDArray)) throw new TypeError_(`${what}() needs a list of arrays`);
  const xs = arrays instanceof NDArray ? [...arrays] : arrays.map((a) => asarray(a));
  if (xs.length === 0) throw new ValueError(`need at least one array to ${what}`);
  return xs as NDArray[];
}

/** Validates shapes for concatenation along `axis`, with NumPy's messages. */
function checkConcatShapes(xs: readonly NDArray[], axis: number): void {
  const nd = xs[0].ndim;
  xs.forEach((x, i) => {
    if (x.ndim !== nd) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) ` +
          `and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d !== axis && x.shape[d] !== xs[0].shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, ` +
            `the array at index 0 has size ${xs[0].shape[d]} and the array at index ${i} has size ${x.shape[d]}`,
        );
      }
    }
  });
}

/**
 * Joins arrays along an existing axis (NumPy's `np.concatenate`). Inputs
 * promote to a common dtype. Differentiable in every input.
 * @param arrays shapes equal except along `axis`.
 * @throws {ValueError} for an empty list, 0-d inputs, or mismatched shapes; {@link AxisError} for a bad axis.
 * @example np.concatenate([[1, 2], [3]])  // [1 2 3]
 */
export function concatenate(arrays: readonly ArrayLike[], opts: ConcatOptions = {}): NDArray {
  let xs = checkList(arrays, 'concatenate');
  let axis: number;
  if (opts.axis === null) {
    xs = xs.map((x) => ravel(x));
    axis = 0;
  } else {
    if (xs[0].ndim === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
    axis = normalizeAxis(opts.axis ?? 0, xs[0].ndim);
  }
  checkConcatShapes(xs, axis);
  const dtype = opts.dtype === undefined ? resultType(...xs.map((x) => x.dtype)) : toDType(opts.dtype);
  return bind(concatenateP, xs, { axis, dtype });
}

/**
 * Joins same-shaped arrays along a new axis (NumPy's `np.stack`).
 * @throws {ValueError} "all input arrays must have the same shape"; {@link AxisError} for a bad axis.
 * @example np.stack([[1, 2], [3, 4]], { axis: 1 })  // [[1 3] [2 4]]
 */
export function stack(arrays: readonly ArrayLike[], opts: { axis?: number; dtype?: DType | string } = {}): NDArray {
  const xs = checkList(arrays, 'stack');
  for (const x of xs) {
    if (x.ndim !== xs[0].ndim || x.shape.some((d, i) => d !== xs[0].shape[i])) throw new ValueError('all input arrays must have the same shape');
  }
  const axis = normalizeAxis(opts.axis ?? 0, xs[0].ndim + 1);
  return concatenate(xs.map((x) => expandDims(x, axis)), { axis, dtype: opts.dtype });
}

/**
 * Views with at least one dimension (0-d becomes shape [1]).
 * @example np.atleast1d(5).shape  // [1]
 */
export function atleast1d(a: ArrayLike): NDArray {
  const x = asarray(a);
  return x.ndim >= 1 ? x : reshape(x, [1]);
}

/** Views with at least two dimensions: (N,) becomes (1, N). @example np.atleast2d([1, 2]).shape  // [1, 2] */
export function atleast2d(a: ArrayLike): NDArray {
  const x = asarray(a);
  return x.ndim >= 2 ? x : reshape(x, [1, x.size]);
}

/** Views with at least three dimensions: (N,) → (1, N, 1), (M, N) → (M, N, 1). @example np.atleast3d([1, 2]).shape  // [1, 2, 1] */
export function atleast3d(a: ArrayLike): NDArray {
  const x = asarray(a);
  if (x.ndim >= 3) return x;
  if (x.ndim === 2) return reshape(x, [...x.shape, 1]);
  return reshape(x, [1, x.size, 1]);
}

/**
 * Stacks row-wise (NumPy's `np.vstack`): 1-D inputs become rows.
 * @throws {ValueError} for mismatched shapes.
 * @example np.vstack([[1, 2], [3, 4]])  // [[1 2] [3 4]]
 */
export function vstack(arrays: readonly ArrayLike[]): NDArray {
  return concatenate(checkList(arrays, 'concatenate').map(atleast2d), { axis: 0 });
}

/**
 * Stacks column-wise (NumPy's `np.hstack`): 1-D inputs are joined end to end,
 * others along axis 1.
 * @example np.hstack([[1, 2], [3]])  // [1 2 3]
 */
export function hstack(arrays: readonly ArrayLike[]): NDArray {
  const xs = checkList(arrays, 'concatenate').map(atleast1d);
  return concatenate(xs, { axis: xs[0].ndim === 1 ? 0 : 1 });
}

/**
 * Stacks along the third axis (NumPy's `np.dstack`).
 * @example np.dstack([[1, 2], [3, 4]]).shape  // [1, 2, 2]
 */
export function dstack(arrays: readonly ArrayLike[]): NDArray {
  return concatenate(checkList(arrays, 'concatenate').map(atleast3d), { axis: 2 });
}

/**
 * Stacks 1-D arrays as columns of a 2-D array; 2-D inputs are joined along axis 1 (NumPy's `np.column_stack`).
 * @example np.columnStack([[1, 2], [3, 4]])  // [[1 3] [2 4]]
 */
export function columnStack(arrays: readonly ArrayLike[]): NDArray {
  const xs = checkList(arrays, 'concatenate').map((x) => (x.ndim < 2 ? reshape(x, [x.size, 1]) : x));
  return concatenate(xs, { axis: 1 });
}

/** Split points from a section count or explicit indices, as NumPy's `array_split`. */
function splitBounds(n: number, spec: number | readonly number[] | NDArray, equal: boolean): [number, number][] {
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
    // np.split computes `n % sections` first, so 0 sections is Python's ZeroDivisionError there.
    if (equal && spec === 0) throw new ValueError('integer modulo by zero');
    if (spec <= 0) throw new ValueError('number sections must be larger than 0.');
    if (equal && n % spec !== 0) throw new ValueError('array split does not result in an equal division');
    const each = Math.floor(n / spec);
    const extras = n % spec;
    const out: [number, number][] = [];
    let start = 0;
    for (let i = 0; i < spec; i++) {
      const len = each + (i < extras ? 1 : 0);
      out.push([start, start + len]);
      start += len;
    }
    return out;
  }
  const idx = spec instanceof NDArray ? spec.toArray() : [...spec];
  const points = [0, ...idx, n];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    for (const p of [points[i], points[i + 1]]) {
      if (!Number.isInteger(p)) throw new TypeError_('slice indices must be integers or None or have an __index__ method');
    }
    // Python slicing semantics: negative indices count from the end, out-of-range ones clip.
    const clip = (p: number): number => (p < 0 ? Math.max(p + n, 0) : Math.min(p, n));
    const s = clip(points[i]);
    out.push([s, Math.max(clip(points[i + 1]), s)]);
  }
  return out;
}

/** Options of the split family. */
export interface SplitOptions {
  /** Axis to split along (default 0). */
  axis?: number;
}

function splitImpl(a: ArrayLike, spec: number | readonly number[] | NDArray, axisOpt: number | undefined, equal: boolean): NDArray[] {
  const x = asarray(a);
  if (x.ndim === 0) throw new ValueError('array split does not work on 0-d arrays');
  const axis = normalizeAxis(axisOpt ?? 0, x.ndim);
  return splitBounds(x.shape[axis], spec, equal).map(([s, e]) => sliceAxis(x, axis, s, e - s));
}

/**
 * Splits into equal sections, or at the given indices, along `axis` (NumPy's
 * `np.split`); the pieces are views.
 * @throws {ValueError} "array split does not result in an equal division".
 * @example np.split(np.arange(6), 3)  // [[0 1], [2 3], [4 5]]
 */
export function split(a: ArrayLike, indicesOrSections: number | readonly number[] | NDArray, opts: SplitOptions = {}): NDArray[] {
  return splitImpl(a, indicesOrSections, opts.axis, true);
}

/**
 * Like {@link split}, but a section count need not divide the axis: the first
 * `n % sections` pieces get one extra element (NumPy's `np.array_split`).
 * @throws {ValueError} "number sections must be larger than 0."
 * @example np.arraySplit(np.arange(5), 2)  // [[0 1 2], [3 4]]
 */
export function arraySplit(a: ArrayLike, indicesOrSections: number | readonly number[] | NDArray, opts: SplitOptions = {}): NDArray[] {
  return splitImpl(a, indicesOrSections, opts.axis, false);
}

/** Splits along axis 1 (axis 0 for 1-D), NumPy's `np.hsplit`. @example np.hsplit(np.eye(2), 2)[0].shape  // [2, 1] */
export function hsplit(a: ArrayLike, indicesOrSections: number | readonly number[] | NDArray): NDArray[] {
  const x = asarray(a);
  if (x.ndim === 0) throw new ValueError('hsplit only works on arrays of 1 or more dimensions');
  return split(x, indicesOrSections, { axis: x.ndim > 1 ? 1 : 0 });
}

/** Splits along axis 0, NumPy's `np.vsplit` (needs ≥ 2-D). @example np.vsplit(np.eye(2), 2)[0].shape  // [1, 2] */
export function vsplit(a: ArrayLike, indicesOrSections: number | readonly number[] | NDArray): NDArray[] {
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError('vsplit only works on arrays of 2 or more dimensions');
  return split(x, indicesOrSections, { axis: 0 });
}

/** Splits along axis 2, NumPy's `np.dsplit` (needs ≥ 3-D). @example np.dsplit(np.zeros([1, 1, 4]), 2)[0].shape  // [1, 1, 2] */
export function dsplit(a: ArrayLike, indicesOrSections: number | readonly number[] | NDArray): NDArray[] {
  const x = asarray(a);
  if (x.ndim < 3) throw new ValueError('dsplit only works on arrays of 3 or more dimensions');
  return split(x, indicesOrSections, { axis: 2 });
}

/**
 * `values` appended to the end of `arr` (NumPy's `np.append`): both are
 * flattened when no axis is given; otherwise they are concatenated along it.
 * @throws {ValueError} for mismatched shapes along the other axes.
 * @example np.append([1, 2], [[3, 4]])  // [1 2 3 4]
 */
export function append(arr: ArrayLike, values: ArrayLike, axis: number | null = null): NDArray {
  const a = asarray(arr);
  const v = asarray(values);
  if (axis === null) return concatenate([ravel(a), ravel(v)], { axis: 0 });
  return concatenate([a, v], { axis });
}
