/**
 * Vector and matrix norms (NumPy's `linalg.norm`), written with public ops so
 * that they differentiate (the 2-norm, nuclear norm and ±2 through the SVD
 * primitive's derivative rule).
 */
import { asarray, NDArray, normalizeAxis, ValueError, type ArrayLike } from '../core';
import { abs, add, astype, imag, max, min, moveaxis, multiply, notEqual, power, real, reshape, sqrt, sum } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { svd } from './svd';

/** A norm order: a number (±Infinity included) or 'fro' / 'nuc'. */
export type NormOrder = number | 'fro' | 'f' | 'nuc' | null;

/** Options of {@link norm}. */
export interface NormOptions {
  /** Which norm (see {@link norm}); default: 2-norm of vectors, Frobenius of matrices. */
  ord?: NormOrder;
  /** One axis (vector norms) or two (matrix norms); default: the whole array as a vector (ord omitted) or its 1-D/2-D shape. */
  axis?: number | readonly [number, number] | null;
  /** Keep the reduced axes as size 1. */
  keepdims?: boolean;
}

/** |x|² elementwise as a real array (x·conj(x)). */
function absSquare(x: NDArray): NDArray {
  if (x.dtype !== 'complex128') return multiply(x, x);
  const re = real(x), im = imag(x);
  return add(multiply(re, re), multiply(im, im));
}

/**
 * Matrix or vector norm, as NumPy's `np.linalg.norm`.
 *
 * | ord      | matrices (2 axes)          | vectors (1 axis)        |
 * |----------|----------------------------|-------------------------|
 * | omitted  | Frobenius                  | 2-norm                  |
 * | 'fro'    | Frobenius                  | —                       |
 * | 'nuc'    | sum of singular values     | —                       |
 * | ±Infinity| max/min row sum of abs     | max/min abs             |
 * | 0        | —                          | count of nonzeros       |
 * | ±1       | max/min column sum of abs  | sum(abs(x)^ord)^(1/ord) |
 * | ±2       | largest/smallest sing. val.| as above                |
 * | other    | —                          | sum(abs(x)^ord)^(1/ord) |
 *
 * @param x `(...)` real or complex; integers become float64.
 * @returns a number for a full reduction of a plain array, else an array of the remaining axes.
 * @throws {ValueError} "Invalid norm order for matrices." / "Invalid norm order 'fro' for vectors" /
 * "Improper number of dimensions to norm." / "Duplicate axes given."
 * @throws {AxisError} for an axis out of range.
 * @example
 * np.linalg.norm([3, 4])                        // 5
 * np.linalg.norm([[1, 2], [3, 4]], { ord: 1 })  // 6
 * np.linalg.norm([[1, 2], [3, 4]], { axis: 1 }) // [2.23606798 5.        ]
 */
export function norm(x: ArrayLike, opts: NormOptions = {}): any {
  let a = asarray(x);
  if (a.dtype !== 'float64' && a.dtype !== 'complex128' && a.dtype !== 'float32') a = astype(a, 'float64');
  const ord = opts.ord ?? null;
  const keepdims = opts.keepdims ?? false;
  const nd = a.ndim;
  if (opts.axis === undefined || opts.axis === null) {
    if (ord === null || ((ord === 'fro' || ord === 'f') && nd === 2) || (ord === 2 && nd === 1)) {
      const r = sqrt(sum(absSquare(a)));
      return scalarOrArray(keepdims ? reshape(r, new Array(nd).fill(1)) : r);
    }
  }
  const axes: number[] =
    opts.axis === undefined || opts.axis === null ? Array.from({ length: nd }, (_, i) => i) : typeof opts.axis === 'number' ? [opts.axis] : [...opts.axis];
  if (axes.some((ax) => !Number.isInteger(ax))) throw new ValueError("'axis' must be None, an integer or a tuple of integers");
  if (axes.length === 1) return scalarOrArray(vectorNorm(a, ord, normalizeAxis(axes[0], nd), keepdims));
  if (axes.length === 2) {
    const row = normalizeAxis(axes[0], nd), col = normalizeAxis(axes[1], nd);
    if (row === col) throw new ValueError('Duplicate axes given.');
    let r = matrixNorm(a, ord, row, col);
    if (keepdims) {
      const shape = [...a.shape];
      shape[row] = 1;
      shape[col] = 1;
      r = reshape(r, shape);
    }
    return scalarOrArray(r);
  }
  throw new ValueError('Improper number of dimensions to norm.');
}

function vectorNorm(a: NDArray, ord: NormOrder, axis: number, keepdims: boolean): NDArray {
  const o = { axis, keepdims };
  if (ord === Infinity) return max(abs(a), o);
  if (ord === -Infinity) return min(abs(a), o);
  if (ord === 0) return sum(astype(notEqual(a, 0), 'float64'), o);
  if (ord === 1) return sum(abs(a), o);
  if (ord === null || ord === 2) return sqrt(sum(absSquare(a), o));
  if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
  return power(sum(power(abs(a), ord), o), 1 / ord);
}

function matrixNorm(a: NDArray, ord: NormOrder, row: number, col: number): NDArray {
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    const s = svd(moveaxis(a, [row, col], [-2, -1]), { computeUv: false });
    return ord === 2 ? max(s, { axis: -1 }) : ord === -2 ? min(s, { axis: -1 }) : sum(s, { axis: -1 });
  }
  if (ord === 1 || ord === -1) {
    // column sums: reduce the rows first
    const c = row < col ? col - 1 : col;
    const sums = sum(abs(a), { axis: row });
    return ord === 1 ? max(sums, { axis: c }) : min(sums, { axis: c });
  }
  if (ord === Infinity || ord === -Infinity) {
    const r = col < row ? row - 1 : row;
    const sums = sum(abs(a), { axis: col });
    return ord === Infinity ? max(sums, { axis: r }) : min(sums, { axis: r });
  }
  if (ord === null || ord === 'fro' || ord === 'f') return sqrt(sum(absSquare(a), { axis: [row, col] }));
  throw new ValueError('Invalid norm order for matrices.');
}

