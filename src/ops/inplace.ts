/**
 * In-place arithmetic, Python's `a += b`, `a -= b`, `a *= b`, `a /= b`
 * (`a.iadd(b)` …): the result is written into `a` under NumPy's `same_kind`
 * casting, so `intArray.iadd(1.5)` and `intArray.idiv(2)` raise as they do in
 * NumPy, and `b` must broadcast to `a`'s shape. On an array traced by a
 * transform (inside `grad`) the write becomes a rebinding (core's `rebind`),
 * so `w.isub(multiply(lr, dw))` also works there.
 */
import { canCastSameKind, DTypeError, NDArray, rebind, ShapeError, shapesEqual, shapeText, TypeError_, type ArrayLike } from '../core';
import { add, divide, multiply, subtract } from './binary';
import { astype } from './movement';
import type { Binary } from './ufunc';

function inPlace(op: Binary, name: string, self: NDArray, x: ArrayLike): NDArray {
  if (!(self instanceof NDArray)) throw new TypeError_(`${name}: the target must be an NDArray`);
  const traced = self.isTraced() || (x instanceof NDArray && x.isTraced());
  if (!traced) return op(self, x, { out: self });
  const r = op(self, x);
  if (!shapesEqual(r.shape, self.shape)) {
    throw new ShapeError(`non-broadcastable output operand with shape ${shapeText(self.shape)} doesn't match the broadcast shape ${shapeText(r.shape)}`);
  }
  if (!canCastSameKind(r.dtype, self.dtype)) {
    throw new DTypeError(`Cannot cast ufunc '${name}' output from dtype('${r.dtype}') to dtype('${self.dtype}') with casting rule 'same_kind'`);
  }
  rebind(self, r.dtype === self.dtype ? r : astype(r, self.dtype));
  return self;
}

/**
 * `a += b` in place (NumPy's `np.add(a, b, out=a)`); returns `a`.
 * @throws {DTypeError} when the sum's dtype cannot be cast to `a`'s under same_kind (an int array plus 1.5).
 * @throws {ShapeError} when `b` does not broadcast to `a`'s shape.
 * @example const a = np.array([1, 2]); a.iadd(1); a  // [2 3]
 */
export function iadd(a: NDArray, b: ArrayLike): NDArray {
  return inPlace(add, 'add', a, b);
}

/**
 * `a -= b` in place; returns `a`.
 * @throws {DTypeError} for a result dtype that does not cast to `a`'s. {@link ShapeError} when `b` does not broadcast to `a`.
 * @example const w = np.array([1.0, 2.0]); w.isub(np.multiply(0.1, [1, 1])); w  // [0.9 1.9]
 */
export function isub(a: NDArray, b: ArrayLike): NDArray {
  return inPlace(subtract, 'subtract', a, b);
}

/**
 * `a *= b` in place; returns `a`.
 * @throws {DTypeError} for a result dtype that does not cast to `a`'s. {@link ShapeError} when `b` does not broadcast to `a`.
 * @example const a = np.array([1, 2]); a.imul(3); a  // [3 6]
 */
export function imul(a: NDArray, b: ArrayLike): NDArray {
  return inPlace(multiply, 'multiply', a, b);
}

/**
 * `a /= b` in place (true division; an integer `a` raises, as in NumPy); returns `a`.
 * @throws {DTypeError} for an integer `a`. {@link ShapeError} when `b` does not broadcast to `a`.
 * @example const a = np.array([1.0, 2.0]); a.idiv(2); a  // [0.5 1. ]
 */
export function idiv(a: NDArray, b: ArrayLike): NDArray {
  return inPlace(divide, 'divide', a, b);
}
