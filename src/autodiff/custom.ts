/**
 * Controlling differentiation: `stopGradient` (treat a value as a constant)
 * and `customVjp` (a user-written reverse rule for a function, e.g. for
 * numerical stability or for an implicit function).
 */
import {
  asarray, bind, concrete, definePrimitive, DTypeError, isInexactDType, NDArray, shapeRepr, ValueError,
  type ArrayLike,
} from '../core';
import { mapArrays } from './tree';

/**
 * The value of `x` with no derivative: every transform (at every nesting
 * level) sees a constant. Works on numbers, arrays and trees of them.
 * @example
 * grad((x: NDArray) => np.multiply(x, stopGradient(x)))(3);   // 3 (not 6)
 */
export function stopGradient<T>(x: T): T {
  return mapArrays(x, (a) => concrete(a)) as T;
}

/** The user's rule: the forward pass with residuals, and the backward pass. */
export interface CustomVjpRule<A extends NDArray[], R> {
  /** Computes the output and whatever the backward pass needs (residuals). */
  fwd(...args: A): [out: NDArray | number, residuals: R];
  /**
   * Cotangents of the arguments (one per argument; `null` for zero) from the
   * residuals and the output cotangent `g`. Written with numts ops, it is
   * itself differentiable (second derivatives follow it).
   */
  bwd(residuals: R, g: NDArray): (NDArray | number | null)[];
}

/**
 * A function with a user-defined VJP, as JAX's `custom_vjp`. `f` computes
 * the value when nothing is being differentiated; under `grad`/`vjp`, `fwd`
 * runs instead and `bwd` supplies the cotangents. Forward mode (`jvp`) derives
 * its tangent from `bwd` (which must then be linear in `g`, as every VJP is).
 * Arguments are numbers or arrays; the output is one float array.
 * @throws {ValueError} when `bwd` returns the wrong number or shapes of cotangents.
 * @example
 * // log(1 + exp(x)) with a stable derivative σ(x)
 * const softplus = customVjp((x: NDArray) => np.log1p(np.exp(x)), {
 *   fwd: (x) => [np.log1p(np.exp(x)), x],
 *   bwd: (x, g) => [np.multiply(g, np.divide(1, np.add(1, np.exp(np.negative(x)))))],
 * });
 * grad(softplus)(0);   // 0.5
 */
export function customVjp<A extends NDArray[], R>(f: (...args: A) => NDArray | number, rule: CustomVjpRule<A, R>): (...args: { [K in keyof A]: ArrayLike }) => NDArray {
  const name = `custom_vjp(${f.name || 'f'})`;
  // Residuals of forward passes run on concrete values, found again by their output.
  const saved = new WeakMap<NDArray, R>();
  const p = definePrimitive<undefined>({
    name,
    impl: (args) => {
      const [out, res] = rule.fwd(...(args as A));
      const y = checkOutput(out, name);
      // A fresh array object, so that the key is this call's alone.
      const key = new NDArray(y.data, y.shape, y.dtype, y.strides, y.offset, y.base ?? y);
      saved.set(key, res);
      return key;
    },
    vjp: (g, out, args) => {
      // Inside an enclosing transform `out` is traced: recompute the residuals from the traced arguments.
      const res = saved.has(out) ? (saved.get(out) as R) : rule.fwd(...(args as A))[1];
      const cts = rule.bwd(res, g);
      if (!Array.isArray(cts) || cts.length !== args.length) {
        throw new ValueError(`${name}: bwd must return one cotangent per argument (${args.length}), got ${Array.isArray(cts) ? cts.length : typeof cts}`);
      }
      return cts.map((c, i) => {
        if (c === null || c === undefined) return null;
        const a = asarray(c);
        const x = args[i];
        if (a.shape.length !== x.shape.length || a.shape.some((d, k) => d !== x.shape[k])) {
          throw new ValueError(`${name}: bwd returned a cotangent of shape ${shapeRepr(a.shape)} for argument ${i} of shape ${shapeRepr(x.shape)}`);
        }
        return a;
      });
    },
  });
  return (...args) => {
    const arrays = args.map((a) => {
      const x = asarray(a);
      return isInexactDType(x.dtype) ? x : x.astype('float64');
    });
    if (!arrays.some((x) => x.isTraced())) return checkOutput(f(...(arrays as A)), name);
    return bind(p, arrays, undefined);
  };
}

function checkOutput(y: NDArray | number, name: string): NDArray {
  const a = asarray(y);
  if (!isInexactDType(a.dtype)) throw new DTypeError(`${name}: the output must be a float or complex array, got ${a.dtype}`);
  return a;
}
