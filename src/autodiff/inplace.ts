/**
 * In-place writes on traced arrays. Inside `grad`, `x.set(i, v)` cannot write
 * into `x`'s buffer: the old value is still needed by the backward pass. So a
 * traced array's writes are functional updates: `x.set(i, v)` computes
 * `indexUpdate(x, i, v)` (a primitive with its own VJP) and {@link rebind}s
 * the same JavaScript object to the result, so code written in NumPy's
 * imperative style (`x.set(0, 1); x.iadd(y)`) differentiates. Views taken
 * before the write keep the old value (in NumPy they would alias).
 */
import {
  canCastSameKind, DTypeError, rebind, shapeText, ShapeError, Tracer, type ArrayLike, type Complex, type IndexItem, type NDArray,
} from '../core';
import { add, astype, divide, indexUpdate, multiply, subtract } from '../ops';

/** `target` rebound to `value`, cast to target's dtype with NumPy's same_kind rule (as `+=` does). */
function assign(target: NDArray, value: NDArray, op: string): void {
  if (value.shape.length !== target.shape.length || value.shape.some((d, i) => d !== target.shape[i])) {
    throw new ShapeError(
      `non-broadcastable output operand with shape ${shapeText(target.shape)} doesn't match the broadcast shape ${shapeText(value.shape)}`,
    );
  }
  let v = value;
  if (v.dtype !== target.dtype) {
    if (!canCastSameKind(v.dtype, target.dtype)) {
      throw new DTypeError(`Cannot cast ufunc '${op}' output from dtype('${v.dtype}') to dtype('${target.dtype}') with casting rule 'same_kind'`);
    }
    v = astype(v, target.dtype);
  }
  rebind(target, v);
}

/** The tracers of the autodiff transforms: NDArrays whose writes are functional updates. */
export abstract class DiffTracer extends Tracer {
  /** `x[index] = value` as a differentiable update of this traced array (see the module note). */
  override set(...args: [...IndexItem[], unknown]): this {
    const value = args[args.length - 1] as ArrayLike;
    const index = args.slice(0, -1) as IndexItem[];
    rebind(this, indexUpdate(this, index, value));
    return this;
  }

  override fill(value: number | boolean | Complex): NDArray {
    rebind(this, indexUpdate(this, ['...'], value));
    return this;
  }

  override iadd(b: ArrayLike): NDArray {
    assign(this, add(this, b), 'add');
    return this;
  }

  override isub(b: ArrayLike): NDArray {
    assign(this, subtract(this, b), 'subtract');
    return this;
  }

  override imul(b: ArrayLike): NDArray {
    assign(this, multiply(this, b), 'multiply');
    return this;
  }

  override idiv(b: ArrayLike): NDArray {
    assign(this, divide(this, b), 'divide');
    return this;
  }
}
