/**
 * The typed error hierarchy. Every error numts raises is a {@link NumtsError};
 * where NumPy raises a subclass of Python's `ValueError` (`AxisError`,
 * `LinAlgError`, broadcasting failures), ours extends {@link ValueError} too,
 * so `catch (e) { if (e instanceof ValueError) … }` behaves as it does in Python.
 * Messages use NumPy's wording so that a NumPy user recognises them.
 */

/** Base class of every error numts throws. */
export class NumtsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument has the right type but an invalid value (NumPy's `ValueError`). */
export class ValueError extends NumtsError {}

/**
 * Shapes that do not fit together, e.g. operands that cannot be broadcast.
 * NumPy raises `ValueError` for these, so this extends {@link ValueError}.
 */
export class ShapeError extends ValueError {}

/** An axis outside `[-ndim, ndim)` (NumPy's `AxisError`, a `ValueError`). */
export class AxisError extends ValueError {}

/** A linear-algebra failure: singular matrix, not positive definite, no convergence. */
export class LinAlgError extends ValueError {}

/** An index out of bounds or too many indices (NumPy's `IndexError`). */
export class IndexError extends NumtsError {}

/** An operation that is not defined for a dtype (NumPy's `TypeError`/`UFuncTypeError`). */
export class DTypeError extends NumtsError {}

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
 */
export class TracerError extends NumtsError {}
