/**
 * The argument handling NumPy's samplers share (numpy/random/_common.pyx):
 * `size` → output shape, distribution parameters as scalars or broadcast
 * arrays, the parameter constraints with NumPy's error messages, and the
 * result conventions (a JS number when neither `size` nor an array parameter
 * is given, an NDArray otherwise).
 */
import {
  asarray,
  castCopy,
  checkShape,
  contiguousStrides,
  NDArray,
  shapeRepr,
  TypeError_,
  ValueError,
  type ArrayLike,
} from '../core';

/** NumPy's `size`: omitted/`null` for one scalar draw, an int or a shape for an array. */
export type Size = number | readonly number[] | null | undefined;

/**
 * The output shape for `size`, or `null` when omitted.
 * @throws {ValueError} "negative dimensions are not allowed"
 */
export function sizeShape(size: Size): number[] | null {
  if (size === undefined || size === null) return null;
  return checkShape(typeof size === 'number' ? [size] : size, 'size');
}

/** Product of a shape. */
export function prod(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Parameter constraints, NumPy's `constraint_type`. */
export const enum Cons {
  None,
  NonNegative,
  Positive,
  Bounded01,
  Poisson,
  LegacyPoisson,
  LegacyNonNegativeLong,
}

/** `double(int64 max) - sqrt(int64 max)·10`: above it PTRS could overflow int64. */
export const POISSON_LAM_MAX = 9.223372006484771e18;

const signbit = (v: number): boolean => v < 0 || Object.is(v, -0);

/**
 * Checks one scalar parameter (NumPy's `check_constraint`).
 * @throws {ValueError} with NumPy's message, e.g. "scale < 0", "p < 0, p > 1 or p is NaN".
 */
export function checkScalar(v: number, name: string, cons: Cons): void {
  switch (cons) {
    case Cons.NonNegative:
      if (!Number.isNaN(v) && signbit(v)) throw new ValueError(`${name} < 0`);
      return;
    case Cons.Positive:
      if (v <= 0) throw new ValueError(`${name} <= 0`);
      return;
    case Cons.Bounded01:
      if (!(v >= 0) || !(v <= 1)) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
      return;
    case Cons.Poisson:
    case Cons.LegacyPoisson:
      if (!(v >= 0)) throw new ValueError(`${name} < 0 or ${name} is NaN`);
      if (!(v <= POISSON_LAM_MAX)) throw new ValueError(`${name} value too large`);
      return;
    case Cons.LegacyNonNegativeLong:
      if (v < 0) throw new ValueError(`${name} < 0`);
      return;
    default:
      return;
  }
}

/**
 * Checks an array parameter (NumPy's `check_array_constraint`, whose messages
 * say "contains NaNs" where the scalar ones say "is NaN").
 */
export function checkArray(data: Float64Array, name: string, cons: Cons): void {
  const any = (f: (v: number) => boolean): boolean => data.some(f);
  switch (cons) {
    case Cons.NonNegative:
      if (any((v) => !Number.isNaN(v) && signbit(v))) throw new ValueError(`${name} < 0`);
      return;
    case Cons.Positive:
      if (any((v) => v <= 0)) throw new ValueError(`${name} <= 0`);
      return;
    case Cons.Bounded01:
      if (any((v) => !(v >= 0) || !(v <= 1))) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case Cons.Poisson:
    case Cons.LegacyPoisson:
      if (any((v) => v > POISSON_LAM_MAX)) throw new ValueError(`${name} value too large`);
      if (any((v) => !(v >= 0))) throw new ValueError(`${name} < 0 or ${name} contains NaNs`);
      return;
    case Cons.LegacyNonNegativeLong:
      if (any((v) => v < 0)) throw new ValueError(`${name} < 0`);
      return;
    default:
      return;
  }
}

/** A parameter converted to float64: its C-order values and shape (`[]` for a scalar). */
export interface FloatParam {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

/**
 * Converts a distribution parameter to float64 (NumPy's `PyArray_FROM_OTF(x, NPY_DOUBLE)`).
 * @throws {TypeError} for complex input.
 */
export function floatParam(x: ArrayLike): FloatParam {
  if (typeof x === 'number') return { data: Float64Array.of(x), shape: [] };
  if (typeof x === 'boolean') return { data: Float64Array.of(x ? 1 : 0), shape: [] };
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new TypeError_("can't convert complex to float");
  const c = a.dtype === 'float64' && a.isContiguous && a.offset === 0 && a.data.length === a.size ? a : castCopy(a, 'float64');
  return { data: c.data as Float64Array, shape: a.shape };
}

/**
 * Converts an integer parameter (NumPy casts it to int64): a scalar truncates
 * like Python's `int()`; an array must cast safely, so a float NDArray or a
 * fractional value is refused, as NumPy refuses a float64 array.
 * @throws {TypeError} "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"
 */
export function intParam(x: ArrayLike): FloatParam {
  const p = floatParam(x);
  if (p.shape.length === 0) return { data: Float64Array.of(Math.trunc(p.data[0])), shape: [] };
  const floatArray = x instanceof NDArray && (x.dtype === 'float64' || x.dtype === 'float32');
  if (floatArray || !p.data.every(Number.isInteger)) {
    throw new TypeError_("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  return p;
}

/** Broadcast plan: the output shape and, per parameter, the element offset for each output position. */
export interface BroadcastPlan {
  readonly shape: number[];
  readonly size: number;
  /** `null` means the parameter has the output's own layout (offset = position). */
  readonly offsets: (Int32Array | null)[];
}

/**
 * NumPy's `PyArray_MultiIterNew` over (output, params…): broadcasts the
 * parameter shapes, checks them against `size` when given, and maps every
 * output position to each parameter's element.
 * @throws {ValueError} "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2,)."
 * @throws {ValueError} "Output size (3,) is not compatible with broadcast dimensions of inputs (2, 3)."
 */
export function broadcastPlan(size: number[] | null, shapes: readonly (readonly number[])[]): BroadcastPlan {
  const args = size === null ? shapes : [size, ...shapes];
  const nd = Math.max(0, ...args.map((s) => s.length));
  const dims = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < args.length; j++) {
      const k = i + args[j].length - nd;
      if (k < 0) continue;
      const d = args[j][k];
      if (d === 1) continue;
      if (dims[i] === 1) {
        dims[i] = d;
        src = j;
      } else if (dims[i] !== d) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${shapeRepr(args[src])} and arg ${j} with shape ${shapeRepr(args[j])}.`,
        );
      }
    }
  }
  if (size !== null && (dims.length !== size.length || dims.some((d, i) => d !== size[i]))) {
    throw new ValueError(`Output size ${shapeRepr(size)} is not compatible with broadcast dimensions of inputs ${shapeRepr(dims)}.`);
  }
  const n = prod(dims);
  const offsets = shapes.map((s) => offsetsFor(s, dims, n));
  return { shape: dims, size: n, offsets };
}

function offsetsFor(shape: readonly number[], out: readonly number[], n: number): Int32Array | null {
  if (shape.length === out.length && shape.every((d, i) => d === out[i])) return null;
  const res = new Int32Array(n);
  const m = prod(shape);
  if (m === 1 || n === 0) return res;
  const own = contiguousStrides(shape);
  const lead = out.length - shape.length;
  const strides = out.map((d, i) => (i < lead || shape[i - lead] === 1 ? 0 : own[i - lead]));
  const idx = new Array<number>(out.length).fill(0);
  let off = 0;
  for (let p = 0; p < n; p++) {
    res[p] = off;
    for (let d = out.length - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < out[d]) break;
      off -= strides[d] * out[d];
      idx[d] = 0;
    }
  }
  return res;
}

/** Reads parameter `p` at output position `i` of a plan. */
export function at(p: FloatParam, offsets: Int32Array | null, i: number): number {
  return p.data[offsets === null ? i : offsets[i]];
}

/** A float64 result array. */
export function floatResult(shape: readonly number[], data: Float64Array): NDArray {
  return new NDArray(data, shape, 'float64');
}

/**
 * An integer result (NumPy's int64): stored as int32 when every value fits,
 * else as float64 holding the exact integers.
 */
export function intResult(shape: readonly number[], data: Float64Array): NDArray {
  let fits = true;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v > 2147483647 || v < -2147483648) {
      fits = false;
      break;
    }
  }
  return fits ? new NDArray(Int32Array.from(data), shape, 'int32') : new NDArray(data, shape, 'float64');
}
