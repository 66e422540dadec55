/**
 * Primitives and the trace stack: the one mechanism by which every op is both
 * a plain function and differentiable (the JAX design, after Autodidax).
 *
 * A primitive is declared once, as a typed object: a forward kernel (`impl`)
 * and its vector-Jacobian product (`vjp`), written with public ops so that
 * derivatives of derivatives work. {@link bind} runs the kernel on plain arrays;
 * when an argument is a {@link Tracer} (inside `grad`), it hands the call to the
 * trace that the autodiff layer pushed. Ops never import autodiff.
 *
 * A tracer belongs to one trace and is valid while that trace is on the stack;
 * `bind` raises a {@link TracerError} for one that escaped (its transform
 * returned, or another trace took its level). {@link rebind} turns an in-place
 * write on a traced array into a functional update of the same object.
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
   *
   * `wanted[i]` is false when autodiff will discard argument `i`'s cotangent
   * (the argument is a constant, e.g. the data matrix in `X @ W`); a rule may
   * return `null` there instead of computing it. Rules that ignore `wanted`
   * are correct, only slower.
   */
  vjp(g: NDArray, out: NDArray, args: NDArray[], params: P, wanted?: readonly boolean[]): (NDArray | null)[];
  /**
   * Optional forward-mode rule: the output tangent from the input tangents
   * (`null` = zero), written with public ops. Without it, forward mode derives
   * the tangent from `vjp` (the transpose of the linear map `g ↦ vjp(g)`),
   * which costs about two extra VJP evaluations.
   */
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
 * A value being traced by a transform. It is an NDArray (its shape, dtype and
 * data are those of the concrete value underneath), so a user's
 * `(x: NDArray) => NDArray` runs unchanged; ops on it go through {@link bind}
 * to its trace. A tracer is valid only while its trace is on the stack: once
 * the transform returns, using it raises a {@link TracerError}.
 */
export abstract class Tracer extends NDArray {
  constructor(
    /** The transform that owns this value (`trace` is NDArray's matrix trace). */
    readonly owner: Trace,
    /** The value this tracer wraps: concrete, or a tracer of an outer level. */
    readonly primal: NDArray,
  ) {
    const c = concrete(primal);
    // The concrete value's shape and strides are never mutated: share them (a tracer per op).
    super(c.data, c.shape, c.dtype, c.strides, c.offset, c.base, true);
  }

  /** Index of the owning trace in the stack. */
  get level(): number {
    return this.owner.level;
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
  /** Position in the stack (0 = outermost). */
  readonly level: number;
  /** Applies `p` to `args`, at least one of which is a tracer of this trace. */
  process<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray;
}

const stack: Trace[] = [];

/** The number of traces currently active (the level a new trace gets). */
export function traceDepth(): number {
  return stack.length;
}

/** Whether `x` is a tracer whose transform is still running (it may be used). */
export function isLive(x: Tracer): boolean {
  return stack[x.owner.level] === x.owner;
}

/** Runs `body` with `trace` on top of the stack. Only autodiff calls this. */
export function withTrace<T>(trace: Trace, body: () => T): T {
  if (trace.level !== stack.length) throw new TracerError('internal: trace level does not match the stack');
  stack.push(trace);
  try {
    return body();
  } finally {
    stack.length = trace.level;
  }
}

function escaped(p: Primitive<any>, x: Tracer): TracerError {
  return new TracerError(
    `a traced value escaped the transform that created it: '${p.name}' was applied to a tracer of a grad/jvp/vjp ` +
      `that has already returned (level ${x.level}). Return values from the function being differentiated instead of ` +
      'storing them in outer variables, or use stopGradient for constants',
  );
}

/**
 * Applies a primitive. On plain arrays this is the kernel; when an argument is
 * traced, the innermost trace owning one of the arguments processes the call.
 * Non-differentiable primitives always run on the concrete values.
 * @throws {TracerError} when a tracer escaped the transform that made it (its
 * trace has returned, or another trace now holds its level).
 */
export function bind<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray {
  let top: Tracer | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!(a instanceof Tracer)) continue;
    if (stack[a.owner.level] !== a.owner) throw escaped(p as Primitive<any>, a);
    if (top === null || a.owner.level > top.owner.level) top = a;
  }
  if (top === null) return p.impl(args, params);
  if (p.vjp === nonDifferentiable) return p.impl(args.map(concrete), params);
  return top.owner.process(p, args, params);
}

/**
 * Makes `target` stand for `value` from now on: the functional form of an
 * in-place write on a traced array. `x.set(i, v)` inside `grad` cannot write
 * into `x`'s buffer (the old value is on the tape), so the ops layer computes
 * `y = indexUpdate(x, i, v)` and calls `rebind(x, y)`; the same JavaScript object
 * then carries `y`'s value and derivative. `target` may be a plain array (e.g. a
 * buffer made with `np.zeros` inside the function) that receives a traced value:
 * it becomes a tracer. Views taken of `target` before the write keep the old
 * value (unlike NumPy, where they alias).
 * @throws {TracerError} when `value` has another shape or dtype than `target`.
 */
export function rebind(target: NDArray, value: NDArray): void {
  if (target === value) return;
  if (target.dtype !== value.dtype || target.shape.length !== value.shape.length || target.shape.some((d, i) => d !== value.shape[i])) {
    throw new TracerError(`internal: rebind needs the same shape and dtype (${target.dtype}${JSON.stringify(target.shape)} vs ${value.dtype}${JSON.stringify(value.shape)})`);
  }
  const t = target as unknown as Record<string, unknown>;
  // Drop the fields of the old identity (a tracer's owner, node, tangent), then take the new ones.
  for (const key of Object.keys(t)) delete t[key];
  Object.setPrototypeOf(target, Object.getPrototypeOf(value));
  Object.assign(target, value);
}
