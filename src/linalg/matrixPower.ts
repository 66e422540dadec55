/**
 * `matrixPower` with negative exponents (the tensor layer's repeated squaring
 * applied to the inverse), and `multiDot` re-exported from the tensor layer.
 */
import type { ArrayLike, NDArray } from '../core';
import { matrixPower as powerOf } from '../tensor/chain';
import { inv } from './inv';

export { multiDot, type MultiDotOptions } from '../tensor/chain';

/**
 * Raises a square matrix (or each of a stack) to the integer power `n`:
 * `n = 0` gives the identity, negative `n` raises the inverse (NumPy's
 * `linalg.matrix_power`, by repeated squaring).
 * @param a `(..., M, M)`.
 * @throws {TypeError} "exponent must be an integer".
 * @throws {LinAlgError} "Singular matrix" for a negative power of a singular matrix; non-square input.
 * @example
 * np.linalg.matrixPower([[0, 1], [-1, 0]], 3)   // [[ 0 -1] [ 1  0]]
 * np.linalg.matrixPower([[1, 2], [3, 4]], -1)   // [[-2.   1. ] [ 1.5 -0.5]]
 */
export function matrixPower(a: ArrayLike, n: number): NDArray {
  return powerOf(a, n, { inv });
}
