/** What the core layer contributes to the public `np` namespace. */
export { NDArray, type IndexItem, type Slice, type NestedList } from './ndarray';
export { Complex } from './complex';
export {
  NumtsError, ValueError, ShapeError, AxisError, LinAlgError, IndexError, DTypeError, TracerError, OverflowError,
} from './errors';
export { type DType, type Casting, promoteTypes, resultType, canCast } from './dtype';
export type { ArrayLike, NestedArray, Axis, UfuncOptions, ReduceOptions, VarOptions, ArgReduceOptions } from './methods';
export { asarray } from './convert';
export {
  zeros, ones, full, empty, zerosLike, onesLike, fullLike, emptyLike, eye, identity, arange, linspace, logspace,
  type ShapeLike, type LinspaceOptions,
} from './create';
export { newaxis } from './indexing';
export { broadcastShapes } from './shape';
export { repr, setPrintoptions, getPrintoptions, printoptions, resetPrintoptions, type PrintOptions, type FloatMode } from './print';
export { format, type Formattable } from './format';
