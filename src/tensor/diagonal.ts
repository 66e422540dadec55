/**
 * `diagonal` (a strided view, as NumPy ≥ 1.9 returns) with its adjoint
 * `diagonalScatter`, and `trace`, the sum of a diagonal.
 */
import {
  allocate, asarray, AxisError, bind, definePrimitive, NDArray, sizeOf, ValueError, type ArrayLike, type DType, type Primitive,
} from '../core';
import { sum } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { assignInto } from '../ops/ufunc';

/** Parameters of the diagonal primitives: normalised, distinct axes. */
interface DiagParams {
  readonly offset: number;
  readonly axis1: number;
  readonly axis2: number;
}

/** The view of `x` that holds its diagonal: axes `axis1`, `axis2` removed, the diagonal appended last. */
function diagonalView(x: NDArray, { offset, axis1, axis2 }: DiagParams): NDArray {
  const n1 = x.shape[axis1], n2 = x.shape[axis2];
  // offset > 0 starts at column `offset` (above the main diagonal), offset < 0 at row `-offset`.
  const len = Math.max(0, offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2));
  let start = x.offset;
  if (len > 0) start += offset >= 0 ? offset * x.strides[axis2] : -offset * x.strides[axis1];
  const shape: number[] = [], strides: number[] = [];
  for (let d = 0; d < x.ndim; d++) {
    if (d === axis1 || d === axis2) continue;
    shape.push(x.shape[d]);
    strides.push(x.strides[d]);
  }
  shape.push(len);
  strides.push(x.strides[axis1] + x.strides[axis2]);
  return new NDArray(x.data, shape, x.dtype, strides, start, x.base ?? x);
}

export const diagonalP: Primitive<DiagParams> = definePrimitive<DiagParams>({
  name: 'diagonal',
  impl: ([x], p) => diagonalView(x, p),
  vjp: (g, _out, [x], p) => [bind(diagonalScatterP, [g], { ...p, shape: x.shape })],
});

/** Zeros of `shape` with `g` written onto the diagonal: the adjoint of {@link diagonalP}. */
type ScatterParams = DiagParams & { readonly shape: readonly number[] };
export const diagonalScatterP: Primitive<ScatterParams> = definePrimitive<ScatterParams>({
  name: 'diagonal_scatter',
  impl: ([g], p) => {
    const out = new NDArray(allocate(g.dtype, sizeOf(p.shape)), p.shape, g.dtype);
    assignInto(diagonalView(out, p), g);
    return out;
  },
  vjp: (g, _out, _args, p) => [bind(diagonalP, [g], { offset: p.offset, axis1: p.axis1, axis2: p.axis2 })],
});

/** Validates and normalises diagonal's arguments for an array of `ndim` dimensions. */
function diagParams(ndim: number, offset: number, axis1: number, axis2: number): DiagParams {
  if (ndim < 2) throw new ValueError('diag requires an array of at least two dimensions');
  if (!Number.isInteger(offset)) throw new ValueError(`offset must be an integer, got ${offset}`);
  const norm = (ax: number, name: string): number => {
    if (!Number.isInteger(ax)) throw new ValueError(`${name} must be an integer, got ${ax}`);
    if (ax < -ndim || ax >= ndim) throw new AxisError(`${name}: axis ${ax} is out of bounds for array of dimension ${ndim}`);
    return ax < 0 ? ax + ndim : ax;
  };
  const a1 = norm(axis1, 'axis1'), a2 = norm(axis2, 'axis2');
  if (a1 === a2) throw new ValueError('axis1 and axis2 cannot be the same');
  return { offset, axis1: a1, axis2: a2 };
}

/** Options of {@link diagonal} and {@link trace}. */
export interface DiagonalOptions {
  /** Diagonal offset: > 0 above the main diagonal, < 0 below. Default 0. */
  offset?: number;
  /** First axis of the 2-D sub-arrays (default 0). */
  axis1?: number;
  /** Second axis of the 2-D sub-arrays (default 1). */
  axis2?: number;
}

/**
 * The diagonal of the 2-D sub-arrays spanned by `axis1` and `axis2` (NumPy's
 * `diagonal`): those axes are removed and the diagonal becomes the last axis.
 * A view: no copy; writes through it reach `a` (NumPy's view is read-only).
 * @param a `(..., N, M, ...)`, at least 2-D.
 * @throws {ValueError} "diag requires an array of at least two dimensions", or equal axes.
 * @throws {AxisError} for an axis out of range.
 * @example
 * np.diagonal(np.arange(9).reshape(3, 3))             // [0 4 8]
 * np.diagonal(np.arange(9).reshape(3, 3), { offset: 1 })  // [1 5]
 */
export function diagonal(a: ArrayLike, opts: DiagonalOptions = {}): NDArray {
  const x = asarray(a);
  return bind(diagonalP, [x], diagParams(x.ndim, opts.offset ?? 0, opts.axis1 ?? 0, opts.axis2 ?? 1));
}

/** Options of {@link trace}. */
export interface TraceOptions extends DiagonalOptions {
  /** Accumulator and result dtype (as `sum`'s). */
  dtype?: DType;
  /** Write the result here. */
  out?: NDArray;
}

/**
 * Sum along a diagonal (NumPy's `trace`): `sum(diagonal(a, offset, axis1,
 * axis2), axis=-1)`. A 2-D plain array gives a number; for more dimensions an
 * array of the remaining axes.
 * @throws {ValueError} "diag requires an array of at least two dimensions".
 * @example
 * np.trace(np.eye(3))                              // 3
 * np.trace(np.arange(8).reshape(2, 2, 2)).tolist() // [6, 8]
 */
export function trace(a: number[][], opts?: TraceOptions): number;
export function trace(a: ArrayLike, opts?: TraceOptions): any;
export function trace(a: ArrayLike, opts: TraceOptions = {}): any {
  const d = diagonal(a, opts);
  return scalarOrArray(sum(d, { axis: -1, dtype: opts.dtype, out: opts.out }));
}
