/**
 * numts/optimize — scipy.optimize-style minimisation and the first-order
 * machinery of deep learning (book chapters 11–13):
 *
 * - {@link minimize} with BFGS, L-BFGS-B, SLSQP, Nelder-Mead, CG, Newton-CG
 *   and trust-exact, derivatives by autodiff unless given; {@link lineSearch}
 *   (strong Wolfe); {@link checkKKT}; {@link classifyCriticalPoint}.
 * - Optimizers stepping a parameter tree: {@link SGD}, {@link Momentum},
 *   {@link RMSProp}, {@link Adagrad}, {@link Adam}, {@link AdamW}; schedules;
 *   gradient clipping; the mini-batch loop {@link fit}.
 * - Losses: {@link mse}, {@link mae}, {@link huber}, {@link binaryCrossEntropy},
 *   {@link categoricalCrossEntropy}, {@link hinge}.
 * @example
 * import * as np from 'numts';
 * import { minimize } from 'numts/optimize';
 * const r = minimize((v: np.NDArray) => np.add(np.square(v.get(0)), np.square(v.get(1))), [0, 0],
 *   { constraints: { type: 'eq', fun: (v: np.NDArray) => np.subtract(np.add(v.get(0), v.get(1)), 4) } });
 * r.x;   // [2. 2.]   r.fun ≈ 8
 */
import '../ops';
import '../tensor';
export { minimize } from './minimize/minimize';
export type {
  Objective, JacOption, HessOption, HesspOption, BoundsLike, Constraint, Method, IntermediateResult, MinimizeOptions, MinimizeArgs, OptimizeResult,
} from './minimize/types';
export { lineSearch, type LineSearchOptions, type LineSearchResult } from './lineSearch/public';
export { checkKKT, type CheckKKTOptions, type KKTReport } from './kkt';
export { classifyCriticalPoint, classifyHessian, type CriticalPointKind, type CriticalPointReport, type ClassifyOptions } from './critical';
export { Optimizer, type OptimizerOptions, type OptimizerState, type LearningRate, type Schedule } from './optimizers/optimizer';
export { SGD, Momentum, type SGDOptions, type MomentumOptions } from './optimizers/sgd';
export { RMSProp, Adagrad, type RMSPropOptions, type AdagradOptions } from './optimizers/adaptive';
export { Adam, AdamW, type AdamOptions } from './optimizers/adam';
export {
  constantSchedule, stepDecay, exponentialDecay, cosineDecay, linearWarmup, joinSchedules, warmupCosineDecay,
} from './optimizers/schedules';
export { clipByValue, clipByGlobalNorm, globalNorm } from './optimizers/clip';
export { mse, mae, huber, binaryCrossEntropy, categoricalCrossEntropy, hinge, type Reduction, type LossOptions, type BCEOptions, type CCEOptions } from './losses';
export { fit, type FitOptions, type FitResult, type FitProgress } from './train';
