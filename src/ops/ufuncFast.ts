/**
 * The small-array fast paths of the elementwise ufuncs. On 10-element arrays
 * the general path of ufunc.ts (broadcasting, axis coalescing, `out` and
 * aliasing checks, dtype casts, a 0-d array for each JS number) cost several
 * times the loop itself. These paths recognise the common cases — float64
 * arrays with C-order strides, broadcast scalars, repeated rows, JS numbers —
 * and call the *same* inner loop on the same elements into a fresh result,
 * so results are bit-identical to the general path's (tests/ops/fastPath.test.ts
 * checks that on random layouts, shapes and dtypes). Each returns null when it
 * does not apply; the caller then takes the general path.
 */
import {
  allocate, allocFloat64, castScalar, hasCanonicalStrides, NDArray, shapesEqual, type DType, type Shape, type TypedArray,
} from '../core';
import type { BinarySpec, UnarySpec } from './ufunc';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Whether `x` has C-order strides (see `hasCanonicalStrides`): the test of the array fast paths. */
export function isCanonical(x: NDArray): boolean {
  return hasCanonicalStrides(x.shape, x.strides);
}

function shapeSize(shape: Shape): number {
  let n = 1;
  for (let d = 0; d < shape.length; d++) n *= shape[d];
  return n;
}

/** Fresh storage for a float64 or bool result (the dtypes a real loop writes without a cast). */
function resultStorage(res: DType, n: number): TypedArray {
  return res === 'float64' ? allocFloat64(n) : allocate('bool', n);
}

/**
 * A C-ordered float64 input: the loop runs once over its whole buffer into a
 * fresh result that shares the input's shape and strides. Null when the
 * result dtype needs a cast.
 */
export function unaryFast(spec: UnarySpec, x: NDArray): NDArray | null {
  const res = spec.resultDType('float64');
  if (res !== 'float64' && res !== 'bool') return null;
  const n = shapeSize(x.shape);
  const data = resultStorage(res, n);
  if (n > 0) spec.real(n, data, 0, 1, x.data, x.offset, 1);
  return new NDArray(data, x.shape, res, x.strides, 0, null, true);
}

/**
 * Whether `y` reads one element everywhere when broadcast to `shape` without
 * changing it: size 1 with no more dimensions, or `shape` itself with stride 0
 * on every axis longer than 1 (a broadcast scalar, as the VJP of a sum makes).
 */
function isUniformFor(y: NDArray, shape: Shape): boolean {
  if (shapeSize(y.shape) === 1) return y.shape.length <= shape.length;
  if (!shapesEqual(y.shape, shape)) return false;
  for (let d = 0; d < shape.length; d++) if (shape[d] > 1 && y.strides[d] !== 0) return false;
  return true;
}

/**
 * Whether `shape` (less any leading 1s, and with no more dimensions) is the
 * trailing part of `full`: an array of it broadcast against `full` repeats
 * whole, as a bias row added to a batch does.
 */
function isTrailingOf(shape: Shape, full: Shape): boolean {
  if (shape.length > full.length) return false;
  const lead = full.length - shape.length;
  let i = 0;
  while (i < shape.length && shape[i] === 1) i++; // leading 1s broadcast against anything
  for (; i < shape.length; i++) if (shape[i] !== full[lead + i]) return false;
  return true;
}

/**
 * Two float64 operands with C-order strides: the same shape, one scalar-like
 * operand (see {@link isUniformFor}), or one whose shape is the trailing part
 * of the other's (a row repeated). The loop runs over the whole buffer at once
 * (stride 0 for a scalar), or once per repetition of the row: the calls the
 * general path makes after coalescing (elementwise results do not depend on
 * how a loop is cut).
 */
export function binaryFast(spec: BinarySpec, a: NDArray, b: NDArray): NDArray | null {
  let x: NDArray;
  let as = 1;
  let bs = 1;
  let row = 0; // > 0: the repeated operand's size (its stride restarts every row)
  const ca = isCanonical(a);
  const cb = isCanonical(b);
  if (ca && cb && shapesEqual(a.shape, b.shape)) x = a;
  else if (ca && isUniformFor(b, a.shape)) {
    x = a;
    bs = 0;
  } else if (cb && isUniformFor(a, b.shape)) {
    x = b;
    as = 0;
  } else if (ca && cb && isTrailingOf(b.shape, a.shape)) {
    x = a;
    row = shapeSize(b.shape);
  } else if (ca && cb && isTrailingOf(a.shape, b.shape)) {
    x = b;
    row = shapeSize(a.shape);
  } else return null;
  const res = spec.resultDType('float64');
  if (res !== 'float64' && res !== 'bool') return null;
  const n = shapeSize(x.shape);
  const data = resultStorage(res, n);
  if (n > 0) {
    if (row === 0) spec.real(n, data, 0, 1, a.data, a.offset, as, b.data, b.offset, bs);
    else if (x === a) for (let o = 0; o < n; o += row) spec.real(row, data, o, 1, a.data, a.offset + o, 1, b.data, b.offset, 1);
    else for (let o = 0; o < n; o += row) spec.real(row, data, o, 1, a.data, a.offset, 1, b.data, b.offset + o, 1);
  }
  return new NDArray(data, x.shape, res, x.strides, 0, null, true);
}

// JS-number operands are read by the loops from these slots (stride 0 or a single element), and a result
// is written to `wide` (float64 storage; `wideBool` for bool results, as the general path gives those
// loops a Uint8Array: each loop keeps seeing one output type) and checked before it is stored: no 0-d
// arrays. Loops never call back into ops, so one set of slots serves every call.
const slotA = new Float64Array(1);
const slotB = new Float64Array(1);
const wide = new Float64Array(1);
const wideBool = new Uint8Array(1);

/**
 * `spec(x, v)` (or `spec(v, x)` when `left`) for a C-ordered float64 array
 * and a JS number (NumPy's weak scalar: float64 ∘ number is float64): the
 * loop reads the number with stride 0, as it would read a size-1 operand.
 */
export function scalarFast(spec: BinarySpec, x: NDArray, v: number, left: boolean): NDArray | null {
  const res = spec.resultDType('float64');
  if (res !== 'float64' && res !== 'bool') return null;
  const n = shapeSize(x.shape);
  const data = resultStorage(res, n);
  slotA[0] = v;
  if (n > 0) {
    if (left) spec.real(n, data, 0, 1, slotA, 0, 0, x.data, x.offset, 1);
    else spec.real(n, data, 0, 1, x.data, x.offset, 1, slotA, 0, 0);
  }
  return new NDArray(data, x.shape, res, x.strides, 0, null, true);
}

/** A 0-d result holding `data[0]`. */
function zeroD(data: TypedArray, dtype: DType): NDArray {
  return new NDArray(data, [], dtype, [], 0, null, true);
}

/** A JS number that `asarray` makes int32 (an integer in int32's range). */
function isInt32Number(x: number): boolean {
  return Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX;
}

/**
 * A loop result stored as the op's result dtype: float64 and bool as they
 * are, int32 as the general path casts it — or `'overflow'` when it does not
 * fit int32 (ufunc.ts's `scalarIntOp` then recomputes in float64: NumPy's
 * int64 would hold it). Null for other dtypes (the general path casts them).
 */
function storeResult(res: DType, v: number): NDArray | 'overflow' | null {
  switch (res) {
    case 'float64': {
      const d = new Float64Array(1);
      d[0] = v;
      return zeroD(d, res);
    }
    case 'bool': {
      const d = new Uint8Array(1);
      d[0] = v;
      return zeroD(d, res);
    }
    case 'int32': {
      if ((v < INT32_MIN || v > INT32_MAX) && Number.isFinite(v)) return 'overflow';
      const d = new Int32Array(1);
      d[0] = castScalar(v, 'int32');
      return zeroD(d, res);
    }
    default:
      return null;
  }
}

/**
 * A unary ufunc of a JS number without options (`np.exp(0.5)`, `np.sqrt(2)`):
 * the value as `asarray` would type it (int32 for an integer in range, else
 * float64), one loop call, and the general path's casting of the result,
 * including its fallback to float64 when an int32 result overflows.
 */
export function numberUnary(spec: UnarySpec, x: number): NDArray | null {
  const isInt = isInt32Number(x);
  const res = spec.resultDType(isInt ? 'int32' : 'float64');
  slotA[0] = isInt ? x | 0 : x; // as int32 storage holds it (-0 is 0)
  const o = res === 'bool' ? wideBool : wide;
  spec.real(1, o, 0, 1, slotA, 0, 1);
  const r = storeResult(res, o[0]);
  if (r !== 'overflow') return r;
  // The int32 result did not fit: the value again as float64 input.
  const res64 = spec.resultDType('float64');
  const o64 = res64 === 'bool' ? wideBool : wide;
  slotA[0] = x;
  spec.real(1, o64, 0, 1, slotA, 0, 1);
  const r64 = storeResult(res64, o64[0]);
  return r64 === 'overflow' ? null : r64;
}

/**
 * A binary ufunc of two JS numbers without options (`np.add(1, 2)`,
 * `np.power(2.5, 2)`): both integers in int32's range compute as int32 (the
 * integer loop, if the op has one), anything else as float64, and an int32
 * result that overflows is recomputed in float64 — what the general path with
 * its 0-d operands and `scalarIntOp` fallback gives.
 */
export function numberBinary(spec: BinarySpec, a: number, b: number): NDArray | null {
  if (isInt32Number(a) && isInt32Number(b)) {
    slotA[0] = a | 0; // as int32 storage holds them (-0 is 0)
    slotB[0] = b | 0;
    const res = spec.resultDType('int32');
    const o = res === 'bool' ? wideBool : wide;
    (spec.int ?? spec.real)(1, o, 0, 1, slotA, 0, 1, slotB, 0, 1);
    const r = storeResult(res, o[0]);
    if (r !== 'overflow') return r;
  }
  slotA[0] = a;
  slotB[0] = b;
  const res = spec.resultDType('float64');
  const o = res === 'bool' ? wideBool : wide;
  spec.real(1, o, 0, 1, slotA, 0, 1, slotB, 0, 1);
  const r = storeResult(res, o[0]);
  return r === 'overflow' ? null : r;
}
