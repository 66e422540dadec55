/**
 * Primitives and the trace stack: the one mechanism by which every op is both
 * a plain function and differentiable (the JAX design, after Autodidax).
 *
 * A primitive is declared once, as a typed object: a forward kernel (`impl`)
 * and its vector-Jacobian product (`vjp`), written with public ops so that
 * derivatives of derivatives work. {@link bind} runs the kernel on plain arrays;
 * when an argument is a {@link Tracer} (inside `grad`), it hands the call to the
 * trace that the autodiff layer pushed. Ops never import autodiff.
 */
import { TracerError } from './errors';
import { NDArray } from './ndarray';

/** A differentiable primitive. `P` is its (static) parameter type. */
export interface Primitive<P = undefined> {
  /** For printing and error messages only. */
  readonly name: string;
  /** The forward kernel, on concrete arrays. */
  impl(args: NDArray[], params: P): NDArray;
  /**
   * The vector-Jacobian product: given the cotangent `g` of the output, the
   * cotangent of each argument (`null` for none, e.g. an integer index argument).
   * `out` and `args` are the primal values (possibly traced by an outer
   * transform). Must be written with public ops. Use {@link nonDifferentiable}
   * for primitives that have no derivative (comparisons, argmax).
   */
  vjp(g: NDArray, out: NDArray, args: NDArray[], params: P): (NDArray | null)[];
  /** Optional forward-mode rule: the output tangent from the input tangents (`null` = zero). */
  jvp?(tangents: (NDArray | null)[], out: NDArray, args: NDArray[], params: P): NDArray | null;
}

/**
 * The `vjp` of a primitive whose output does not depend differentiably on its
 * inputs (comparisons, `isnan`, `argmax`, integer casts). {@link bind} runs such
 * primitives on concrete values, so their outputs are constants to autodiff.
 */
export function nonDifferentiable(): never {
  throw new TracerError('internal: the VJP of a non-differentiable primitive was called');
}

/** Declares a primitive (freezes it; the type checks that `vjp` is present). */
export function definePrimitive<P = undefined>(p: Primitive<P>): Primitive<P> {
  return Object.freeze(p);
}

/**
 * A value being traced by a transform at `level`. It is an NDArray (its
 * shape, dtype and data are those of the concrete value underneath), so a
 * user's `(x: NDArray) => NDArray` runs unchanged; ops on it go through
 * {@link bind} to its trace.
 */
export abstract class Tracer extends NDArray {
  constructor(
    /** Index of the owning trace in the stack. */
    readonly level: number,
    /** The value this tracer wraps: concrete, or a tracer of an outer level. */
    readonly primal: NDArray,
  ) {
    const c = concrete(primal);
    super(c.data, c.shape, c.dtype, c.strides, c.offset, c.base);
  }

  override isTraced(): boolean {
    return true;
  }

  /** Traced values cannot become numbers: that would silently cut the derivative. */
  override valueOf(): number {
    throw new TracerError(
      'a traced value was used as a plain number (with +, *, Math.* or Number()); ' +
        'use numts functions (np.add, np.multiply, np.exp, …) so the derivative can follow it',
    );
  }
}

/** The concrete array under any number of tracers. */
export function concrete(x: NDArray): NDArray {
  let v = x;
  while (v instanceof Tracer) v = v.primal;
  return v;
}

/** A transform's view of primitive calls on its tracers. Only autodiff implements it. */
export interface Trace {
  readonly level: number;
  process<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray;
}

const stack: Trace[] = [];

/** The number of traces currently active (the level a new trace gets). */
export function traceDepth(): number {
  return stack.length;
}

/** Runs `body` with `trace` on top of the stack. Only autodiff calls this. */
export function withTrace<T>(trace: Trace, body: () => T): T {
  if (trace.level !== stack.length) throw new TracerError('internal: trace level does not match the stack');
  stack.push(trace);
  try {
    return body();
  } finally {
    stack.pop();
  }
}

/**
 * Applies a primitive. On plain arrays this is the kernel; when an argument is
 * traced, the innermost trace owning one of the arguments processes the call.
 * Non-differentiable primitives always run on the concrete values.
 * @throws {TracerError} when a tracer escaped the transform that made it.
 */
export function bind<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray {
  let level = -1;
  for (const a of args) if (a instanceof Tracer && a.level > level) level = a.level;
  if (level < 0) return p.impl(args, params);
  if (p.vjp === nonDifferentiable) return p.impl(args.map(concrete), params);
  const trace = stack[level];
  if (trace === undefined) {
    throw new TracerError(`a traced value escaped the transform that created it (${p.name} was applied to it after grad/jvp returned)`);
  }
  return trace.process(p, args, params);
}
