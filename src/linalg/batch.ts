/**
 * What every np.linalg function does at its boundary: NumPy's validators
 * (`_assert_stacked_2d`, `_assert_stacked_square`, `_assert_finite`), the
 * working dtype (float64, or complex128 for complex input), and the copy of a
 * stacked `(..., M, N)` input into one C-ordered Float64Array that the kernels
 * factor in place, matrix `k` at offset `k * M * N` (interleaved for complex).
 */
import { astype } from '../ops';
import { castCopy, LinAlgError, NDArray, type DType } from '../core';

/** NumPy's `_assert_stacked_2d`. @throws {LinAlgError} for fewer than two dimensions. */
export function assertStacked2d(a: NDArray): void {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
}

/** NumPy's `_assert_stacked_square` (after {@link assertStacked2d}). */
export function assertStackedSquare(a: NDArray): void {
  assertStacked2d(a);
  if (a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) throw new LinAlgError('Last 2 dimensions of the array must be square');
}

/** True when every element is finite (NaN and ±Inf are not). */
export function allFinite(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) return false; // NaN - NaN and Inf - Inf are NaN
  }
  return true;
}

/** NumPy's `_assert_finite`. @throws {LinAlgError} "Array must not contain infs or NaNs" */
export function assertFinite(data: Float64Array): void {
  if (!allFinite(data)) throw new LinAlgError('Array must not contain infs or NaNs');
}

/** The dtype the kernels compute in: complex128 for complex input, float64 for everything else. */
export function workDType(d: DType): 'float64' | 'complex128' {
  return d === 'complex128' ? 'complex128' : 'float64';
}

/**
 * The dtype NumPy returns for an inexact result computed from input of dtype
 * `d`: float32 stays float32 (we compute in double and round once at the end),
 * complex stays complex, integers and booleans give float64.
 */
export function outDType(d: DType): DType {
  return d === 'float32' ? 'float32' : workDType(d);
}

/** `x` converted to its working dtype (through `astype`, so the conversion is traced by autodiff). */
export function toWork(x: NDArray): NDArray {
  const w = workDType(x.dtype);
  return x.dtype === w ? x : astype(x, w);
}

/** A result computed in double, rounded to float32 when the input was float32. */
export function toOut(x: NDArray, inputDType: DType): NDArray {
  const want = outDType(inputDType);
  return want === 'float32' && x.dtype === 'float64' ? astype(x, 'float32') : x;
}

/** A stacked input copied into one C-ordered buffer in its working dtype. */
export interface Stack {
  /** Row-major matrices one after another (complex: re, im interleaved). */
  readonly data: Float64Array;
  /** The leading `...` dimensions. */
  readonly batch: readonly number[];
  /** Number of matrices (product of `batch`). */
  readonly count: number;
  /** Rows and columns of each matrix. */
  readonly m: number;
  readonly n: number;
  readonly complex: boolean;
}

/** Copies `a` (at least 2-D) into a {@link Stack}. The kernels may overwrite `data`. */
export function stackOf(a: NDArray): Stack {
  const complex = a.dtype === 'complex128';
  const c = castCopy(a, complex ? 'complex128' : 'float64');
  const batch = a.shape.slice(0, -2);
  let count = 1;
  for (const d of batch) count *= d;
  return { data: c.data as Float64Array, batch, count, m: a.shape[a.ndim - 2], n: a.shape[a.ndim - 1], complex };
}

/** Wraps a buffer the kernels filled as an array of `shape` (complex: interleaved). */
export function arrayOf(data: Float64Array, shape: readonly number[], complex = false): NDArray {
  return new NDArray(data, shape, complex ? 'complex128' : 'float64');
}

/** A tuple that also carries NumPy's NamedTuple field names (`r[0]` and `r.eigenvalues`). */
export function namedTuple<T extends readonly unknown[], F extends Record<string, unknown>>(items: T, fields: F): T & F {
  return Object.assign([...items], fields) as unknown as T & F;
}
