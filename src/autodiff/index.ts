/**
 * numts/autodiff: JAX-style transforms over the ordinary numts API: `grad`,
 * `valueAndGrad`, `vjp`, `jvp`, `jacobian` (`jacrev`/`jacfwd`), `hessian`,
 * `stopGradient`, `customVjp`; numerical differentiation and `checkGrads`.
 */
import '../ops';
import '../tensor';
export { grad, valueAndGrad, vjp, type GradOptions } from './grad';
export type { Argnums, Cotangent, Primal, Primals } from './args';
export { jvp } from './jvp';
export { jacobian, jacrev, jacfwd, hessian, type JacobianOptions } from './jacobian';
export { stopGradient, customVjp, type CustomVjpRule } from './custom';
export { derivative, numericalGradient, numericalJacobian, numericalHessian, type DifferenceOptions } from './numerical';
export { checkGrads, GradCheckError, type CheckGradsOptions } from './check';
