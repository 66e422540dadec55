/**
 * Converting JavaScript values (numbers, nested lists, typed arrays) into
 * NDArrays: the one place where user input enters the library.
 */
import { Complex } from './complex';
import { allocate, castScalar, promoteTypes, toDType, type DType, type TypedArray } from './dtype';
import { TypeError_, ValueError } from './errors';
import type { ArrayLike } from './methods';
import { NDArray } from './ndarray';
import { shapeRepr } from './shape';

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

/**
 * Walks nested lists once to find the shape and the inferred dtype.
 * @throws {ValueError} for ragged input, with NumPy's wording.
 */
function inspectNested(x: unknown): { shape: number[]; dtype: DType } {
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
  const check = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(v) || isTypedArray(v) || (v instanceof NDArray && v.ndim > 0)) ragged(depth);
      const d = v instanceof NDArray ? v.dtype : scalarDType(v);
      dtype = dtype === null ? d : promoteTypes(dtype, d);
      return;
    }
    if (v instanceof NDArray) {
      const rest = shape.slice(depth);
      if (v.ndim !== rest.length || v.shape.some((d, i) => d !== rest[i])) ragged(depth);
      dtype = dtype === null ? v.dtype : promoteTypes(dtype, v.dtype);
      return;
    }
    if (isTypedArray(v)) {
      if (depth !== shape.length - 1 || v.length !== shape[depth]) ragged(depth);
      const d = typedDType(v);
      dtype = dtype === null ? d : promoteTypes(dtype, d);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) ragged(depth);
    for (const e of v as unknown[]) check(e, depth + 1);
  };
  const ragged = (depth: number): never => {
    throw new ValueError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. ` +
        `The detected shape was ${shapeRepr(shape.slice(0, depth))} + inhomogeneous part.`,
    );
  };
  check(x, 0);
  return { shape, dtype: dtype ?? 'float64' };
}

/** Writes the leaves of nested input into `data` (C order) converting to `dtype`. */
function fill(x: unknown, data: TypedArray, dtype: DType): void {
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
      for (const e of flatValues(v)) put(e);
    } else if (Array.isArray(v) || isTypedArray(v)) {
      for (let i = 0; i < v.length; i++) rec(v[i]);
    } else put(v);
  };
  rec(x);
}

/** Elements of an array in C order as JS values (numbers or Complex). */
function flatValues(a: NDArray): (number | Complex)[] {
  const out: (number | Complex)[] = [];
  const rec = (axis: number, p: number): void => {
    if (axis === a.ndim) {
      out.push(a.dtype === 'complex128' ? new Complex(a.data[2 * p], a.data[2 * p + 1]) : a.data[p]);
      return;
    }
    for (let i = 0; i < a.shape[axis]; i++) rec(axis + 1, p + i * a.strides[axis]);
  };
  rec(0, a.offset);
  return out;
}

/**
 * Converts `x` into a new array that owns its data (NumPy's `np.array`, which
 * copies). Nested lists infer their shape and dtype: all booleans → bool, all
 * integers in int32 range → int32 (standing in for NumPy's int64), any other
 * number → float64, any `Complex` → complex128.
 * @throws {ValueError} for ragged nested lists.
 * @throws {DTypeError} for an unknown dtype.
 */
export function arrayFrom(x: ArrayLike, dtype?: DType | string): NDArray {
  const want = dtype === undefined ? undefined : toDType(dtype);
  if (x instanceof NDArray) return castCopy(x, want ?? x.dtype);
  if (isTypedArray(x)) {
    const d = want ?? typedDType(x);
    if (d === typedDType(x) && d !== 'bool') return new NDArray(x.slice() as TypedArray, [x.length], d);
    const data = allocate(d, x.length);
    fill(x, data, d);
    return new NDArray(data, [x.length], d);
  }
  if (!Array.isArray(x)) {
    const d = want ?? scalarDType(x);
    const data = allocate(d, 1);
    fill(x, data, d);
    return new NDArray(data, [], d);
  }
  const { shape, dtype: inferred } = inspectNested(x);
  const d = want ?? inferred;
  let n = 1;
  for (const s of shape) n *= s;
  const data = allocate(d, n);
  fill(x, data, d);
  return new NDArray(data, shape, d);
}

/**
 * Returns `x` itself when it is already an NDArray of the wanted dtype (no
 * copy, NumPy's `np.asarray`), otherwise converts it.
 */
export function asarray(x: ArrayLike, dtype?: DType | string): NDArray {
  if (x instanceof NDArray && (dtype === undefined || toDType(dtype) === x.dtype)) return x;
  return arrayFrom(x, dtype);
}

/** A C-contiguous copy of `a` converted to `dtype` (NumPy's casting: float → int truncates). */
export function castCopy(a: NDArray, dtype: DType): NDArray {
  const n = a.size;
  const out = allocate(dtype, n);
  const src = a.data;
  const nd = a.ndim;
  const fromC = a.dtype === 'complex128';
  const toC = dtype === 'complex128';
  if (fromC && !toC) throw new TypeError_(`cannot cast complex128 to ${dtype}; take np.real(a) first`);
  const idx = new Array<number>(nd).fill(0);
  let p = a.offset;
  for (let k = 0; k < n; k++) {
    if (toC) {
      out[2 * k] = fromC ? src[2 * p] : src[p];
      out[2 * k + 1] = fromC ? src[2 * p + 1] : 0;
    } else out[k] = a.dtype === dtype ? src[p] : castScalar(src[p], dtype);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      p += a.strides[d];
      if (idx[d] < a.shape[d]) break;
      p -= a.strides[d] * a.shape[d];
      idx[d] = 0;
    }
  }
  return new NDArray(out, a.shape, dtype);
}

/** A JavaScript scalar operand (number, boolean, Complex), or null when `x` is array-like. */
export function asScalar(x: unknown): number | boolean | Complex | null {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex ? x : null;
}
