/**
 * numts/autodiff: JAX-style transforms over the ordinary numts API.
 *
 * - Reverse mode: {@link grad}, {@link valueAndGrad}, {@link vjp} (a tape
 *   recorded while `f` runs on traced arrays; nothing to dispose).
 * - Forward mode: {@link jvp} (tangents carried beside values; a primitive
 *   without a JVP rule gets one derived from its VJP).
 * - {@link jacobian} / {@link jacrev} / {@link jacfwd}, {@link hessian}
 *   (forward-over-reverse); any order by nesting, `grad(grad(f))`.
 * - {@link stopGradient}, {@link customVjp}.
 * - Finite differences as the book teaches them: {@link derivative},
 *   {@link numericalGradient}, {@link numericalJacobian},
 *   {@link numericalHessian}; and {@link checkGrads}, which compares the two.
 *
 * Arguments may be numbers, arrays, or arrays/objects of them; gradients
 * mirror them. Inside `f`, arrays are tracers: use numts functions and
 * methods (not `+`, `Math.*`, or reading elements out as numbers).
 * @example
 * import * as np from 'numts';
 * import { grad, hessian } from 'numts/autodiff';
 * grad((x: np.NDArray) => np.sum(np.square(x)))(np.array([1, 2, 3]));   // [2. 4. 6.]
 * grad((x: np.NDArray) => np.sin(np.square(x)))(2);                      // -2.6145744834544478
 * hessian((v: np.NDArray) => np.sum(np.multiply(np.array([1, 4]), np.square(v))))(np.array([3, 5]));
 * // [[2. 0.]
 * //  [0. 8.]]
 */
import '../ops/methods';
import '../tensor';
export { grad, valueAndGrad, vjp } from './grad';
export type { GradOptions } from './grad';
export { jvp } from './jvp';
export { jacobian, jacrev, jacfwd, hessian } from './jacobian';
export type { JacobianOptions } from './jacobian';
export { stopGradient, customVjp } from './custom';
export type { CustomVjpRule } from './custom';
export { derivative, numericalGradient, numericalJacobian, numericalHessian } from './numerical';
export type { DifferenceOptions } from './numerical';
export { checkGrads, GradCheckError } from './check';
export type { CheckGradsOptions } from './check';
export type { Argnums, Cotangent, Primal, Primals } from './args';
