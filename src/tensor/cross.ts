/**
 * NumPy's `cross`: the cross product of (arrays of) 2- and 3-vectors,
 * composed from component views and elementwise ops, so it is differentiable.
 */
import { asarray, bind, broadcastShapes, NDArray, normalizeAxis, normalizeBasicIndex, ValueError, type ArrayLike } from '../core';
import { add, moveaxis, multiply, negative, reshape, subtract } from '../ops';
import { sliceP } from '../ops/internal';

/** Options of {@link cross}. */
export interface CrossOptions {
  /** Axis of `a` holding the vectors (default -1). */
  axisa?: number;
  /** Axis of `b` holding the vectors (default -1). */
  axisb?: number;
  /** Axis of the result holding the vectors (default -1; ignored when the result is a scalar per pair). */
  axisc?: number;
  /** Sets `axisa`, `axisb` and `axisc` at once. */
  axis?: number;
}

/** Component `i` of the vectors along the last axis (a view, always an array). */
function component(x: NDArray, i: number): NDArray {
  return bind(sliceP, [x], { index: normalizeBasicIndex(x.shape, ['...', i]) });
}

/**
 * Cross product of vectors along an axis (NumPy's `cross`). The vectors may
 * have 2 or 3 components: two 3-vectors give the usual 3-vector; a 2-vector
 * is taken to have a zero z-component, so 2 × 3 and 3 × 2 give 3-vectors and
 * 2 × 2 gives the z-component alone (one number per pair of vectors). The
 * other axes broadcast.
 * @param a `(..., 2|3, ...)` vectors along `axisa`.
 * @param b `(..., 2|3, ...)` vectors along `axisb`.
 * @throws {ValueError} "incompatible dimensions for cross product\n(dimension must be 2 or 3)".
 * @throws {AxisError} for an axis out of range.
 * @example
 * np.cross([1, 2, 3], [4, 5, 6])  // [-3  6 -3]
 * np.cross([1, 2], [3, 4])        // -2 (a 0-d array)
 */
export function cross(a: ArrayLike, b: ArrayLike, opts: CrossOptions = {}): NDArray {
  let x = asarray(a), y = asarray(b);
  const axisa = opts.axis ?? opts.axisa ?? -1;
  const axisb = opts.axis ?? opts.axisb ?? -1;
  let axisc = opts.axis ?? opts.axisc ?? -1;
  if (x.ndim === 0 || y.ndim === 0) throw new ValueError('At least one array has zero dimension');
  x = moveaxis(x, normalizeAxis(axisa, x.ndim), -1);
  y = moveaxis(y, normalizeAxis(axisb, y.ndim), -1);
  const na = x.shape[x.ndim - 1], nb = y.shape[y.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) throw new ValueError('incompatible dimensions for cross product\n(dimension must be 2 or 3)');
  const outer = broadcastShapes(x.shape.slice(0, -1), y.shape.slice(0, -1));
  const a0 = component(x, 0), a1 = component(x, 1);
  const b0 = component(y, 0), b1 = component(y, 1);
  const cz = subtract(multiply(a0, b1), multiply(a1, b0));
  if (na === 2 && nb === 2) return cz;
  // Missing z-components are zero: drop their terms.
  const a2 = na === 3 ? component(x, 2) : null;
  const b2 = nb === 3 ? component(y, 2) : null;
  const cx = a2 === null ? multiply(a1, b2!) : b2 === null ? negative(multiply(a2, b1)) : subtract(multiply(a1, b2), multiply(a2, b1));
  const cy = a2 === null ? negative(multiply(a0, b2!)) : b2 === null ? multiply(a2, b0) : subtract(multiply(a2, b0), multiply(a0, b2));
  // Assemble [cx, cy, cz] along a new last axis: Σ_i c_i ⊗ e_i with unit vectors e_i (a broadcast multiply each).
  const unit = (i: number): NDArray => asarray([0, 1, 2].map((j) => (j === i ? 1 : 0)), cz.dtype);
  const col = (c: NDArray): NDArray => reshape(c, [...outer, 1]);
  const r = add(add(multiply(col(cx), unit(0)), multiply(col(cy), unit(1))), multiply(col(cz), unit(2)));
  axisc = normalizeAxis(axisc, r.ndim);
  return axisc === r.ndim - 1 ? r : moveaxis(r, -1, axisc);
}
