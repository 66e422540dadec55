/**
 * The typed error hierarchy. Every error numts raises is a {@link NumtsError};
 * where NumPy raises a subclass of Python's `ValueError` (`AxisError`,
 * `LinAlgError`, broadcasting failures), ours extends {@link ValueError} too,
 * so `catch (e) { if (e instanceof ValueError) … }` behaves as it does in Python.
 * Messages use NumPy's wording so that a NumPy user recognises them.
 */

/**
 * Base class of every error numts throws.
 * @example
 * try { np.ones([2]).get(5); } catch (e) { e instanceof np.NumtsError; }   // true
 */
export class NumtsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * An argument has the right type but an invalid value (NumPy's `ValueError`).
 * @example
 * np.zeros([2]).reshape(3);   // throws ValueError: cannot reshape array of size 2 into shape (3,)
 */
export class ValueError extends NumtsError {}

/**
 * Shapes that do not fit together, e.g. operands that cannot be broadcast.
 * NumPy raises `ValueError` for these, so this extends {@link ValueError}.
 * @example
 * np.add(np.ones([2]), np.ones([3]));
 * // throws ShapeError: operands could not be broadcast together with shapes (2,) (3,)
 */
export class ShapeError extends ValueError {}

/**
 * An axis outside `[-ndim, ndim)` (NumPy's `AxisError`, a `ValueError`).
 * @example
 * np.sum(np.ones([2]), { axis: 1 });   // throws AxisError: axis 1 is out of bounds for array of dimension 1
 */
export class AxisError extends ValueError {}

/**
 * A linear-algebra failure: singular matrix, not positive definite, no convergence
 * (NumPy's `LinAlgError`, a `ValueError`).
 * @example
 * np.linalg.inv([[1, 2], [2, 4]]);        // throws LinAlgError: Singular matrix
 * np.linalg.cholesky([[1, 2], [2, 1]]);   // throws LinAlgError: Matrix is not positive definite
 */
export class LinAlgError extends ValueError {}

/**
 * An index out of bounds or too many indices (NumPy's `IndexError`).
 * @example
 * np.ones([2]).get(5);      // throws IndexError: index 5 is out of bounds for axis 0 with size 2
 * np.ones([2]).get(0, 0);   // throws IndexError: too many indices for array: array is 1-dimensional, but 2 were indexed
 */
export class IndexError extends NumtsError {}

/**
 * An operation that is not defined for a dtype (NumPy's `TypeError`/`UFuncTypeError`).
 * @example
 * np.floorDivide(np.array([new np.Complex(1, 1)]), 2);
 * // throws DTypeError: ufunc 'floor_divide' not supported for the input types, and the inputs could not be
 * // safely coerced to any supported types according to the casting rule ''safe''
 */
export class DTypeError extends NumtsError {}

/**
 * An integer result that does not fit its dtype. numts stores NumPy's int64 as
 * int32, so where NumPy's int64 would still be exact an int32 result would wrap
 * to a wrong number; numts raises instead (NumPy's `OverflowError`).
 * @example
 * np.array([100000]).mul(100000);
 * // throws OverflowError: integer overflow in multiply: 10000000000 does not fit in int32 (numts' stand-in
 * // for NumPy's int64); compute in floats, e.g. a.astype('float64')
 */
export class OverflowError extends NumtsError {}

/** A value of the wrong JavaScript type was passed (NumPy's `TypeError`). */
export class TypeError_ extends NumtsError {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}

/**
 * A traced value (inside `grad`, `jvp`, …) was used where a concrete number is
 * needed, e.g. with JavaScript's `+` or `Math.exp`. JAX calls this a
 * ConcretizationTypeError; the fix is to use numts functions (`np.add`, `np.exp`).
 * @example
 * grad((x: np.NDArray) => Math.exp(x as unknown as number))(1);
 * // throws TracerError: a traced value was used as a plain number (with +, *, Math.* or Number()); use numts
 * // functions (np.add, np.multiply, np.exp, …) so the derivative can follow it
 */
export class TracerError extends NumtsError {}
