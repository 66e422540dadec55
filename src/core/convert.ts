/**
 * Converting JavaScript values (numbers, nested lists, typed arrays) into
 * NDArrays, and converting arrays between dtypes: the one place where user
 * input enters the library.
 */
import { Complex } from './complex';
import { allocate, castScalar, promoteTypes, toDType, type DType, type TypedArray } from './dtype';
import { TypeError_, ValueError } from './errors';
import { loopUnary, type UnaryLoop } from './iterate';
import type { ArrayLike } from './methods';
import { NDArray } from './ndarray';
import { shapeRepr, sizeOf } from './shape';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The dtype NumPy would infer for one JavaScript scalar. */
function scalarDType(x: unknown): DType {
  if (typeof x === 'boolean') return 'bool';
  if (x instanceof Complex) return 'complex128';
  if (typeof x === 'number') return Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX ? 'int32' : 'float64';
  if (typeof x === 'bigint') return 'int32';
  throw new TypeError_(`cannot convert ${describe(x)} to an array element`);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return `${typeof x} ${String(x)}`;
}

function typedDType(x: TypedArray): DType {
  if (x instanceof Float64Array) return 'float64';
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Int32Array) return 'int32';
  return 'uint8';
}

/** True for the typed arrays numts stores data in. */
export function isTypedArray(x: unknown): x is TypedArray {
  return x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array;
}

function raggedError(shape: readonly number[], depth: number): never {
  throw new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. ` +
      `The detected shape was ${shapeRepr(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

/**
 * Walks nested lists once to find the shape (from the first elements) and
 * then checks every element against it, inferring the dtype on the way.
 * @throws {ValueError} for ragged input, with NumPy's wording.
 */
export function inspectNested(x: unknown): { shape: number[]; dtype: DType | null } {
  const shape: number[] = [];
  let dtype: DType | null = null;
  let probe: unknown = x;
  while (Array.isArray(probe) || isTypedArray(probe) || probe instanceof NDArray) {
    if (probe instanceof NDArray) {
      shape.push(...probe.shape);
      break;
    }
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const join = (d: DType): void => {
    dtype = dtype === null ? d : promoteTypes(dtype, d);
  };
  const check = (v: unknown, depth: number): void => {
    if (v instanceof NDArray) {
      if (v.ndim !== shape.length - depth || v.shape.some((d, i) => d !== shape[depth + i])) raggedError(shape, depth);
      join(v.dtype);
      return;
    }
    if (depth === shape.length) {
      if (Array.isArray(v) || isTypedArray(v)) raggedError(shape, depth);
      join(scalarDType(v));
      return;
    }
    if (isTypedArray(v)) {
      if (depth !== shape.length - 1 || v.length !== shape[depth]) raggedError(shape, depth);
      join(typedDType(v));
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) raggedError(shape, depth);
    if (depth === shape.length - 1) {
      // Leaves: a tight loop over plain numbers (the common case).
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        if (typeof e === 'number' && dtype === 'float64') continue;
        if (e instanceof NDArray) check(e, depth + 1);
        else {
          if (Array.isArray(e) || isTypedArray(e)) raggedError(shape, depth + 1);
          join(scalarDType(e));
        }
      }
      return;
    }
    for (const e of v as unknown[]) check(e, depth + 1);
  };
  check(x, 0);
  return { shape, dtype };
}

/** Writes the leaves of checked nested input into `data` (C order), converting to `dtype`. */
function fillNested(x: unknown, data: TypedArray, dtype: DType): void {
  let k = 0;
  const cplx = dtype === 'complex128';
  const put = (v: unknown): void => {
    if (v instanceof Complex) {
      if (!cplx) throw new TypeError_(`cannot convert complex to ${dtype}`);
      data[2 * k] = v.re;
      data[2 * k + 1] = v.im;
    } else {
      const n = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
      if (cplx) {
        data[2 * k] = n;
        data[2 * k + 1] = 0;
      } else data[k] = castScalar(n, dtype);
    }
    k++;
  };
  const rec = (v: unknown): void => {
    if (v instanceof NDArray) {
      const c = castCopy(v, dtype);
      const w = cplx ? 2 : 1;
      data.set(c.data as never, k * w);
      k += c.size;
    } else if (Array.isArray(v) || isTypedArray(v)) {
      if (dtype === 'float64' || dtype === 'float32') {
        // float targets: plain numbers store directly (a Float32Array store rounds as NumPy does).
        for (let i = 0; i < v.length; i++) {
          const e: unknown = v[i];
          if (typeof e === 'number') data[k++] = e;
          else rec(e);
        }
      } else for (let i = 0; i < v.length; i++) rec(v[i]);
    } else put(v);
  };
  rec(x);
}

/**
 * Converts `x` into a new array that owns its data (NumPy's `np.array`, which
 * copies). Nested lists infer their shape and dtype: all booleans → bool, all
 * integers in int32 range → int32 (standing in for NumPy's int64), any other
 * number → float64, any `Complex` → complex128. Typed arrays keep their dtype.
 * This is the core conversion; the public `np.array` (ops/creation.ts) also
 * keeps traced elements differentiable.
 * @throws {ValueError} for ragged nested lists.
 * @throws {DTypeError} for an unknown dtype.
 * @throws {TypeError} for elements that are not numbers, booleans, Complex or arrays.
 */
export function arrayFrom(x: ArrayLike, dtype?: DType | string | null): NDArray {
  const want = dtype === undefined || dtype === null ? undefined : toDType(dtype);
  if (typeof x === 'number') {
    // A JS number (a scalar operand inside grad, np.array(3)): what fillNested stores, without its walk.
    const d = want ?? scalarDType(x);
    const data = allocate(d, 1);
    data[0] = d === 'complex128' ? x : castScalar(x, d);
    return new NDArray(data, [], d, [], 0, null, true);
  }
  if (x instanceof NDArray) return castCopy(x, want ?? x.dtype);
  if (isTypedArray(x)) {
    const d = want ?? typedDType(x);
    if (d === typedDType(x)) return new NDArray(x.slice() as TypedArray, [x.length], d);
    const data = allocate(d, x.length);
    fillNested(x, data, d);
    return new NDArray(data, [x.length], d);
  }
  if (!Array.isArray(x)) {
    const d = want ?? scalarDType(x);
    const data = allocate(d, 1);
    fillNested(x, data, d);
    return new NDArray(data, [], d);
  }
  const { shape, dtype: inferred } = inspectNested(x);
  const d = want ?? inferred ?? 'float64';
  const data = allocate(d, sizeOf(shape));
  fillNested(x, data, d);
  return new NDArray(data, shape, d);
}

/**
 * Returns `x` itself when it is already an NDArray of the wanted dtype (no
 * copy, NumPy's `np.asarray`), otherwise converts it.
 * @throws {ValueError} for ragged nested lists.
 * @example
 * const a = np.array([1, 2]);
 * np.asarray(a) === a;                // true (no copy)
 * np.asarray(a, 'float64') === a;     // false (converted)
 * np.asarray([[1, 2], [3, 4]]).shape; // [2, 2]
 */
export function asarray(x: ArrayLike, dtype?: DType | string | null): NDArray {
  if (x instanceof NDArray && (dtype === undefined || dtype === null || toDType(dtype) === x.dtype)) return x;
  return arrayFrom(x, dtype);
}

// The conversion loops, one per (source kind → target kind) family. Stores into a typed array already
// convert as NumPy does for the float targets (rounding to float32) and for int → uint8 (modulo 256);
// bool targets and float → int32 / uint8 need an explicit rule (see castScalar).
const plainLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
};
const toBoolLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] !== 0 ? 1 : 0;
};
const floatToInt32Loop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    const x = a[ai];
    o[oi] = x >= INT32_MIN && x < 2147483648 ? x : INT32_MIN;
  }
};
const floatToUint8Loop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    const x = a[ai];
    o[oi] = x >= INT32_MIN && x < 2147483648 ? x & 255 : 0;
  }
};
const realToComplexLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    o[2 * oi] = a[ai];
    o[2 * oi + 1] = 0;
  }
};
const complexCopyLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    o[2 * oi] = a[2 * ai];
    o[2 * oi + 1] = a[2 * ai + 1];
  }
};
const complexToBoolLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] !== 0 || a[2 * ai + 1] !== 0 ? 1 : 0;
};

/** The loop that converts `from` storage into `to` storage. */
function castLoop(from: DType, to: DType): UnaryLoop {
  if (from === 'complex128') {
    if (to === 'complex128') return complexCopyLoop;
    if (to === 'bool') return complexToBoolLoop;
    throw new TypeError_(`Cannot cast array data from dtype('complex128') to dtype('${to}'); take np.real(a) (or np.abs(a)) first`);
  }
  if (to === 'complex128') return realToComplexLoop;
  if (to === 'bool' && from !== 'bool') return toBoolLoop;
  if (to === 'int32' && (from === 'float64' || from === 'float32')) return floatToInt32Loop;
  if (to === 'uint8' && (from === 'float64' || from === 'float32')) return floatToUint8Loop;
  return plainLoop;
}

/**
 * Writes `src` converted to `dst.dtype` into `dst` (same shape, any strides),
 * with NumPy's `unsafe` casting results (see {@link castScalar}).
 * @throws {TypeError} for complex → real (NumPy would drop the imaginary part with a warning).
 */
export function castInto(dst: NDArray, src: NDArray): void {
  if (nativeSetWorks(src.dtype, dst.dtype) && dst.isContiguous && src.isContiguous && src.size > 0) {
    // Both in C order without gaps: one native typed-array copy (memcpy, or the engine's conversion loop).
    const w = dst.dtype === 'complex128' ? 2 : 1;
    const n = dst.size * w;
    const from = src.offset * w;
    dst.data.set(src.data.subarray(from, from + n) as never, dst.offset * w);
    return;
  }
  loopUnary(dst.shape, dst, src, castLoop(src.dtype, dst.dtype));
}

/**
 * Whether `TypedArray.prototype.set` converts `from` → `to` as NumPy does: same
 * dtype, integer/bool sources into any real dtype except bool (exact, or modulo
 * 2^8 into uint8 as NumPy), and floats into floats (rounding to float32).
 */
function nativeSetWorks(from: DType, to: DType): boolean {
  if (from === to) return true;
  if (from === 'complex128' || to === 'complex128' || to === 'bool') return false;
  const fromFloat = from === 'float64' || from === 'float32';
  const toFloat = to === 'float64' || to === 'float32';
  return !fromFloat || toFloat;
}

/**
 * A C-contiguous copy of `a` converted to `dtype`: float → int truncates
 * toward zero, → bool tests `!= 0`; complex → bool tests both parts.
 * @throws {TypeError} for complex → any other real dtype (take `np.real(a)` first).
 */
export function castCopy(a: NDArray, dtype: DType): NDArray {
  const out = new NDArray(allocate(dtype, a.size), a.shape, dtype);
  castInto(out, a);
  return out;
}

/** A JavaScript scalar operand (number, boolean, Complex), or null when `x` is array-like. */
export function asScalar(x: unknown): number | boolean | Complex | null {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex ? x : null;
}
