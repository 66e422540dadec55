/**
 * In-place writes on traced arrays. Inside `grad`, `x.set(i, v)` cannot write
 * into `x`'s buffer: the old value is still needed by the backward pass. So a
 * traced array's writes are functional updates: `x.set(i, v)` computes
 * `indexUpdate(x, i, v)` (a primitive with its own VJP) and {@link rebind}s
 * the same JavaScript object to the result, so code written in NumPy's
 * imperative style (`x.set(0, 1); x.fill(0)`) differentiates; the ops layer
 * does the same for `x.iadd(y)` and friends. Views taken before the write keep
 * the old value (in NumPy they would alias).
 */
import { rebind, Tracer, type ArrayLike, type Complex, type IndexItem, type NDArray } from '../core';
import { indexUpdate } from '../ops';

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
}
