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
import '../ops/methods';
import '../tensor';
export { minimize } from './minimize/minimize';
export type {
  Objective, JacOption, HessOption, HesspOption, BoundsLike, Constraint, Method, IntermediateResult, MinimizeOptions, MinimizeArgs, OptimizeResult,
} from './minimize/types';
export { lineSearch } from './lineSearch/public';
export type { LineSearchOptions, LineSearchResult } from './lineSearch/public';
export { checkKKT } from './kkt';
export type { CheckKKTOptions, KKTReport } from './kkt';
export { classifyCriticalPoint, classifyHessian } from './critical';
export type { CriticalPointKind, CriticalPointReport, ClassifyOptions } from './critical';
export { Optimizer } from './optimizers/optimizer';
export type { OptimizerOptions, OptimizerState, LearningRate, Schedule } from './optimizers/optimizer';
export { SGD, Momentum } from './optimizers/sgd';
export type { SGDOptions, MomentumOptions } from './optimizers/sgd';
export { RMSProp, Adagrad } from './optimizers/adaptive';
export type { RMSPropOptions, AdagradOptions } from './optimizers/adaptive';
export { Adam, AdamW } from './optimizers/adam';
export type { AdamOptions } from './optimizers/adam';
export {
  constantSchedule, stepDecay, exponentialDecay, cosineDecay, linearWarmup, joinSchedules, warmupCosineDecay,
} from './optimizers/schedules';
export { clipByValue, clipByGlobalNorm, globalNorm } from './optimizers/clip';
export { mse, mae, huber, binaryCrossEntropy, categoricalCrossEntropy, hinge } from './losses';
export type { Reduction, LossOptions, BCEOptions, CCEOptions } from './losses';
export { fit } from './train';
export type { FitOptions, FitResult, FitProgress } from './train';
