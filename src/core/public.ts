/** What the core layer contributes to the public `np` namespace. */
export { NDArray } from './ndarray';
export type { IndexItem, Slice, NestedList } from './ndarray';
export { Complex } from './complex';
export {
  NumtsError, ValueError, ShapeError, AxisError, LinAlgError, IndexError, DTypeError, TracerError, OverflowError,
} from './errors';
export { promoteTypes, resultType, canCast } from './dtype';
export type { DType, Casting } from './dtype';
export type { ArrayLike, NestedArray, Axis, UfuncOptions, ReduceOptions, VarOptions, ArgReduceOptions } from './methods';
export { asarray } from './convert';
export { zeros, ones, full, empty, zerosLike, onesLike, fullLike, emptyLike, eye, identity, arange, linspace, logspace } from './create';
export type { ShapeLike, LinspaceOptions } from './create';
export { newaxis } from './indexing';
export { broadcastShapes } from './shape';
export { repr, setPrintoptions, getPrintoptions, printoptions, resetPrintoptions } from './print';
export type { PrintOptions, FloatMode } from './print';
export { format } from './format';
export type { Formattable } from './format';
