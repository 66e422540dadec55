/**
 * The operator methods of {@link NDArray}, declared in core and implemented by
 * the ops and tensor layers (core imports nothing above it). `a.add(b)` is
 * exactly `np.add(a, b)`. The layers hand their implementations over once,
 * with {@link installArrayMethods}; the list of names below is checked against
 * the interface at compile time, so a method cannot be declared and left out.
 */
import type { Complex } from './complex';
import type { DType } from './dtype';
import type { IndexItem, NDArray } from './ndarray';
import { NumtsError } from './errors';

/** Anything that converts to an array: a number, boolean, nested lists, a typed array or an NDArray. */
export type ArrayLike = number | boolean | Complex | NDArray | Float64Array | Float32Array | Int32Array | Uint8Array | NestedArray;
/**
 * Nested JavaScript arrays of numbers, booleans or `Complex`; an element may
 * also be an NDArray or typed array of the right shape (`[x.get(0), x.get(1)]`).
 */
export interface NestedArray
  extends ReadonlyArray<number | boolean | Complex | NDArray | Float64Array | Float32Array | Int32Array | Uint8Array | NestedArray> {}

/** An `axis` option: one axis, several, or `null`/omitted for all. Negative axes count from the end. */
export type Axis = number | readonly number[] | null;

/** Options every elementwise function takes. */
export interface UfuncOptions {
  /** Write the result into this array (it must have the broadcast shape) and return it. */
  out?: NDArray;
  /** Compute in this dtype. */
  dtype?: DType;
}

/** Options of a reduction (`sum`, `mean`, `max`, …). */
export interface ReduceOptions {
  /** Axis or axes to reduce; all when omitted. */
  axis?: Axis;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** Accumulator/result dtype. */
  dtype?: DType;
  /** Write the result here. */
  out?: NDArray;
}
/** A reduction over every axis without keepdims: the result is a number. */
export type FullReduceOptions = Omit<ReduceOptions, 'axis' | 'keepdims' | 'out'> & { axis?: null; keepdims?: false; out?: undefined };

/** Options of `var` and `std`. */
export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `N - ddof`. Default 0. */
  ddof?: number;
}
export type FullVarOptions = FullReduceOptions & { ddof?: number };

/** Options of `argmax`/`argmin` (one axis, as NumPy). */
export interface ArgReduceOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** The methods every NDArray has. Each mirrors the top-level function of the same name. */
export interface NDArrayMethods {
  // arithmetic (broadcasting)
  /** `np.add(this, b)`: elementwise sum, broadcasting. */
  add(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.subtract(this, b)`: elementwise difference, broadcasting. */
  subtract(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.multiply(this, b)`: elementwise product, broadcasting (`matmul` is the matrix product). */
  multiply(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.divide(this, b)`: true division (integer input gives float64), broadcasting. */
  divide(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.power(this, b)`: elementwise power, broadcasting. */
  power(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spellings: `sub`, `mul`, `div`, `pow`. */
  sub(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spelling of {@link NDArrayMethods.multiply}. */
  mul(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spelling of {@link NDArrayMethods.divide}. */
  div(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spelling of {@link NDArrayMethods.power}. */
  pow(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.floorDivide(this, b)`: Python's `//`, rounding towards -inf. */
  floorDivide(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.mod(this, b)`: Python's `%` (the result has the sign of `b`). */
  mod(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.maximum(this, b)`: elementwise larger value, NaN-propagating. */
  maximum(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.minimum(this, b)`: elementwise smaller value, NaN-propagating. */
  minimum(b: ArrayLike, opts?: UfuncOptions): NDArray;
  // in place (Python's `+=` …): casting as NumPy's same_kind rule; returns this array
  /** In-place `this += b` (NumPy's `same_kind` casting into this array's dtype); returns this array. */
  iadd(b: ArrayLike): NDArray;
  /** In-place `this -= b`; returns this array. */
  isub(b: ArrayLike): NDArray;
  /** In-place `this *= b`; returns this array. */
  imul(b: ArrayLike): NDArray;
  /** In-place `this /= b` (this array must be inexact); returns this array. */
  idiv(b: ArrayLike): NDArray;
  // comparison and logic (bool results)
  /** `np.equal(this, b)`: elementwise `==` as a bool array. */
  equal(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.notEqual(this, b)`: elementwise `!=` as a bool array. */
  notEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.less(this, b)`: elementwise `<` as a bool array. */
  less(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.lessEqual(this, b)`: elementwise `<=` as a bool array. */
  lessEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.greater(this, b)`: elementwise `>` as a bool array. */
  greater(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.greaterEqual(this, b)`: elementwise `>=` as a bool array. */
  greaterEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spelling of {@link NDArrayMethods.equal}. */
  eq(b: ArrayLike): NDArray;
  /** Short spelling of {@link NDArrayMethods.notEqual}. */
  ne(b: ArrayLike): NDArray;
  /** Short spelling of {@link NDArrayMethods.less}. */
  lt(b: ArrayLike): NDArray;
  /** Short spelling of {@link NDArrayMethods.lessEqual}. */
  le(b: ArrayLike): NDArray;
  /** Short spelling of {@link NDArrayMethods.greater}. */
  gt(b: ArrayLike): NDArray;
  /** Short spelling of {@link NDArrayMethods.greaterEqual}. */
  ge(b: ArrayLike): NDArray;
  /** `np.logicalAnd(this, b)`: elementwise AND of truth values. */
  logicalAnd(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.logicalOr(this, b)`: elementwise OR of truth values. */
  logicalOr(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.logicalXor(this, b)`: elementwise XOR of truth values. */
  logicalXor(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.logicalNot(this)`: elementwise NOT of truth values. */
  logicalNot(opts?: UfuncOptions): NDArray;
  // unary math
  /** `np.negative(this)`: elementwise `-x`. */
  negative(opts?: UfuncOptions): NDArray;
  /** Short spelling of {@link NDArrayMethods.negative}. */
  neg(): NDArray;
  /** `np.abs(this)`: absolute value (modulus for complex, giving float64). */
  abs(opts?: UfuncOptions): NDArray;
  /** `np.sign(this)`: -1, 0 or 1 (NaN stays NaN). */
  sign(opts?: UfuncOptions): NDArray;
  /** `np.sqrt(this)`: square root (NaN for negative reals, as NumPy). */
  sqrt(opts?: UfuncOptions): NDArray;
  /** `np.square(this)`: elementwise `x * x`. */
  square(opts?: UfuncOptions): NDArray;
  /** `np.exp(this)`: elementwise `e^x`. */
  exp(opts?: UfuncOptions): NDArray;
  /** `np.log(this)`: natural logarithm. */
  log(opts?: UfuncOptions): NDArray;
  /** `np.sin(this)`: sine, radians. */
  sin(opts?: UfuncOptions): NDArray;
  /** `np.cos(this)`: cosine, radians. */
  cos(opts?: UfuncOptions): NDArray;
  /** `np.tanh(this)`: hyperbolic tangent. */
  tanh(opts?: UfuncOptions): NDArray;
  /** `np.floor(this)`: round towards -inf. */
  floor(opts?: UfuncOptions): NDArray;
  /** `np.ceil(this)`: round towards +inf. */
  ceil(opts?: UfuncOptions): NDArray;
  /** `np.trunc(this)`: round towards zero. */
  trunc(opts?: UfuncOptions): NDArray;
  /** `np.rint(this)`: round to the nearest integer, ties to even. */
  rint(opts?: UfuncOptions): NDArray;
  /** `np.cbrt(this)`: real cube root. */
  cbrt(opts?: UfuncOptions): NDArray;
  /** `np.reciprocal(this)`: elementwise `1/x`. */
  reciprocal(opts?: UfuncOptions): NDArray;
  /** `np.exp2(this)`: elementwise `2^x`. */
  exp2(opts?: UfuncOptions): NDArray;
  /** `np.expm1(this)`: `e^x - 1`, accurate for small x. */
  expm1(opts?: UfuncOptions): NDArray;
  /** `np.log1p(this)`: `log(1 + x)`, accurate for small x. */
  log1p(opts?: UfuncOptions): NDArray;
  /** `np.log2(this)`: base-2 logarithm. */
  log2(opts?: UfuncOptions): NDArray;
  /** `np.log10(this)`: base-10 logarithm. */
  log10(opts?: UfuncOptions): NDArray;
  /** `np.tan(this)`: tangent, radians. */
  tan(opts?: UfuncOptions): NDArray;
  /** `np.arcsin(this)`: inverse sine. */
  arcsin(opts?: UfuncOptions): NDArray;
  /** `np.arccos(this)`: inverse cosine. */
  arccos(opts?: UfuncOptions): NDArray;
  /** `np.arctan(this)`: inverse tangent. */
  arctan(opts?: UfuncOptions): NDArray;
  /** `np.sinh(this)`: hyperbolic sine. */
  sinh(opts?: UfuncOptions): NDArray;
  /** `np.cosh(this)`: hyperbolic cosine. */
  cosh(opts?: UfuncOptions): NDArray;
  /** `np.arcsinh(this)`: inverse hyperbolic sine. */
  arcsinh(opts?: UfuncOptions): NDArray;
  /** `np.arccosh(this)`: inverse hyperbolic cosine. */
  arccosh(opts?: UfuncOptions): NDArray;
  /** `np.arctanh(this)`: inverse hyperbolic tangent. */
  arctanh(opts?: UfuncOptions): NDArray;
  /** `np.deg2rad(this)`: degrees to radians. */
  deg2rad(opts?: UfuncOptions): NDArray;
  /** `np.rad2deg(this)`: radians to degrees. */
  rad2deg(opts?: UfuncOptions): NDArray;
  /** `np.angle(this)`: the argument (phase) in radians. */
  angle(opts?: UfuncOptions): NDArray;
  /** `np.fmax(this, b)`: elementwise maximum ignoring NaN. */
  fmax(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.fmin(this, b)`: elementwise minimum ignoring NaN. */
  fmin(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.fmod(this, b)`: C's remainder (the dividend's sign). */
  fmod(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.arctan2(this, b)`: the angle of the point (b, this). */
  arctan2(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** `np.hypot(this, b)`: `sqrt(this² + b²)` without overflow. */
  hypot(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Round half to even to `decimals` places (NumPy's `round`). */
  round(decimals?: number, opts?: UfuncOptions): NDArray;
  /** `np.clip(this, min, max)`: limit values to `[min, max]` (`null` for no bound). */
  clip(min: ArrayLike | null, max: ArrayLike | null, opts?: UfuncOptions): NDArray;
  /** `np.conj(this)`: complex conjugate (a copy for real input). */
  conj(): NDArray;
  /** `np.isnan(this)`: bool array, true where NaN. */
  isnan(): NDArray;
  /** `np.isinf(this)`: bool array, true where ±Infinity. */
  isinf(): NDArray;
  /** `np.isfinite(this)`: bool array, true where neither NaN nor ±Infinity. */
  isfinite(): NDArray;
  // reductions
  /** `np.sum(this, opts)`: a number for a full reduction, an NDArray with `axis`/`keepdims`. */
  sum(opts?: FullReduceOptions): number;
  sum(opts: ReduceOptions): NDArray;
  /** `np.prod(this, opts)`: a number for a full reduction, an NDArray with `axis`/`keepdims`. */
  prod(opts?: FullReduceOptions): number;
  prod(opts: ReduceOptions): NDArray;
  /** `np.mean(this, opts)`: a number for a full reduction, an NDArray with `axis`/`keepdims`. */
  mean(opts?: FullReduceOptions): number;
  mean(opts: ReduceOptions): NDArray;
  /** `np.var(this, opts)` (population variance unless `ddof: 1`). */
  var(opts?: FullVarOptions): number;
  var(opts: VarOptions): NDArray;
  /** `np.std(this, opts)` (population standard deviation unless `ddof: 1`). */
  std(opts?: FullVarOptions): number;
  std(opts: VarOptions): NDArray;
  /** `np.min(this, opts)`: smallest element (NaN if any is NaN). */
  min(opts?: FullReduceOptions): number;
  min(opts: ReduceOptions): NDArray;
  /** `np.max(this, opts)`: largest element (NaN if any is NaN). */
  max(opts?: FullReduceOptions): number;
  max(opts: ReduceOptions): NDArray;
  /** `np.argmin(this, opts)`: index of the smallest element (flat index without `axis`). */
  argmin(opts?: { axis?: null; keepdims?: false }): number;
  argmin(opts: ArgReduceOptions): NDArray;
  /** `np.argmax(this, opts)`: index of the largest element (flat index without `axis`). */
  argmax(opts?: { axis?: null; keepdims?: false }): number;
  argmax(opts: ArgReduceOptions): NDArray;
  /** `np.all(this, opts)`: whether every element is truthy. */
  all(opts?: FullReduceOptions): boolean;
  all(opts: ReduceOptions): NDArray;
  /** `np.any(this, opts)`: whether some element is truthy. */
  any(opts?: FullReduceOptions): boolean;
  any(opts: ReduceOptions): NDArray;
  /** `np.cumsum(this, opts)`: running sum (flattened without `axis`). */
  cumsum(opts?: { axis?: number | null; dtype?: DType }): NDArray;
  /** `np.cumprod(this, opts)`: running product (flattened without `axis`). */
  cumprod(opts?: { axis?: number | null; dtype?: DType }): NDArray;
  // shape (views where NumPy's are views)
  /** `np.reshape`: a view with a new shape when the layout allows, else a copy; one dimension may be -1. */
  reshape(...shape: number[]): NDArray;
  reshape(shape: readonly number[]): NDArray;
  /** `np.transpose`: a view with the axes reversed or permuted. */
  transpose(...axes: number[]): NDArray;
  transpose(axes: readonly number[]): NDArray;
  /** `np.swapaxes`: a view with two axes exchanged. */
  swapaxes(axis1: number, axis2: number): NDArray;
  /** `np.squeeze`: a view without size-1 axes (all of them, or those given). */
  squeeze(axis?: number | readonly number[]): NDArray;
  /** `np.expandDims`: a view with new size-1 axes at the given positions. */
  expandDims(axis: number | readonly number[]): NDArray;
  /** `np.broadcastTo`: a view broadcast to `shape` (0 strides, so its elements alias: do not write through it). */
  broadcastTo(shape: readonly number[]): NDArray;
  /** `np.ravel`: 1-D, a view when the array is contiguous. */
  ravel(): NDArray;
  /** NumPy's `a.flatten()`: a 1-D copy. */
  flatten(): NDArray;
  /** `np.copy`: a C-contiguous copy that owns its buffer. */
  copy(): NDArray;
  /** NumPy's `a.astype(dtype)`: a copy converted to `dtype`. */
  astype(dtype: DType): NDArray;
  /** `np.flip`: a view with the order of elements reversed along the axes (all when omitted). */
  flip(axis?: number | readonly number[] | null): NDArray;
  /** `np.repeat`: each element repeated (flattened without `axis`). */
  repeat(repeats: number | readonly number[], axis?: number | null): NDArray;
  // indexing and sorting
  /** `np.take`: elements at integer indices along `axis` (of the flattened array without it). */
  take(indices: ArrayLike, axis?: number | null): NDArray;
  /** `np.nonzero`: one int32 index array per dimension, where the elements are non-zero. */
  nonzero(): NDArray[];
  /** Sorts in place along `axis` (default -1), as NumPy's `a.sort()`; returns this array. */
  sort(axis?: number | null): NDArray;
  /** `np.argsort`: the indices that sort along `axis` (default -1), stable. */
  argsort(axis?: number | null): NDArray;
  /** NumPy's `a.fill(value)`: set every element in place; returns this array. */
  fill(value: number | boolean | Complex): NDArray;
  // linear algebra (tensor layer)
  /** `np.matmul(this, b)`: the matrix product (stacked, broadcasting batch axes); Python's `@`. */
  matmul(b: ArrayLike): NDArray;
  /** `np.dot(a, b)`: a number when both are 1-D (a 0-d result), an NDArray otherwise. */
  dot(b: ArrayLike, opts?: { out?: NDArray }): any;
  /** `np.diagonal(this, {offset, axis1, axis2})`: a view of the diagonal. */
  diagonal(offset?: number, axis1?: number, axis2?: number): NDArray;
  /** `np.trace(a, {offset, axis1, axis2})`: a number for a 2-D array. */
  trace(offset?: number, axis1?: number, axis2?: number): any;
}

/** Hooks the class needs that are not methods of their own name. */
export interface NDArrayInternals {
  getIndex(self: NDArray, index: readonly IndexItem[]): NDArray | number | Complex;
  setIndex(self: NDArray, index: readonly IndexItem[], value: unknown): void;
  realPart(self: NDArray): NDArray;
  imagPart(self: NDArray): NDArray;
}

/** Every method name of {@link NDArrayMethods}; the check below fails to compile if one is missing. */
export const METHOD_NAMES = [
  'add', 'subtract', 'multiply', 'divide', 'power', 'sub', 'mul', 'div', 'pow', 'floorDivide', 'mod', 'maximum', 'minimum',
  'iadd', 'isub', 'imul', 'idiv',
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'logicalAnd', 'logicalOr', 'logicalXor', 'logicalNot',
  'negative', 'neg', 'abs', 'sign', 'sqrt', 'square', 'exp', 'log', 'sin', 'cos', 'tanh', 'floor', 'ceil', 'round', 'clip',
  'trunc', 'rint', 'cbrt', 'reciprocal', 'exp2', 'expm1', 'log1p', 'log2', 'log10', 'tan', 'arcsin', 'arccos', 'arctan',
  'sinh', 'cosh', 'arcsinh', 'arccosh', 'arctanh', 'deg2rad', 'rad2deg', 'angle', 'fmax', 'fmin', 'fmod', 'arctan2', 'hypot',
  'conj', 'isnan', 'isinf', 'isfinite',
  'sum', 'prod', 'mean', 'var', 'std', 'min', 'max', 'argmin', 'argmax', 'all', 'any', 'cumsum', 'cumprod',
  'reshape', 'transpose', 'swapaxes', 'squeeze', 'expandDims', 'broadcastTo', 'ravel', 'flatten', 'copy', 'astype', 'flip', 'repeat',
  'take', 'nonzero', 'sort', 'argsort', 'fill',
  'matmul', 'dot', 'diagonal', 'trace',
] as const satisfies readonly (keyof NDArrayMethods)[];

type Missing = Exclude<keyof NDArrayMethods, (typeof METHOD_NAMES)[number]>;
// If this line fails to compile, a method of NDArrayMethods is missing from METHOD_NAMES.
const _allListed: [Missing] extends [never] ? true : Missing = true;
void _allListed;

/** An implementation of a method: the method with an explicit receiver. */
export type MethodImpl<F> = F extends (...args: infer A) => infer R ? (self: NDArray, ...args: A) => R : never;
/** What the ops layer installs: the ops methods with their receiver first. */
export type OpsMethodTable = { [K in Exclude<keyof NDArrayMethods, TensorMethodName>]: (self: NDArray, ...args: any[]) => any } & NDArrayInternals;
/** What the tensor layer installs. */
export type TensorMethodName = 'matmul' | 'dot' | 'diagonal' | 'trace';
export type TensorMethodTable = { [K in TensorMethodName]: (self: NDArray, ...args: any[]) => any };

const table = Object.create(null) as OpsMethodTable & TensorMethodTable;
let installed = 0;

/** Called once by the ops layer. */
export function installOpsMethods(part: OpsMethodTable): void {
  Object.assign(table, part);
  installed |= 1;
}
/** Called once by the tensor layer. */
export function installTensorMethods(part: TensorMethodTable): void {
  Object.assign(table, part);
  installed |= 2;
}

/** The installed implementations. */
export function arrayMethods(): OpsMethodTable & TensorMethodTable {
  if (installed !== 3) {
    throw new NumtsError("numts: NDArray methods are not installed; import from 'numts' (or a numts subpath), not from an internal file");
  }
  return table;
}

/** A placeholder for a method whose implementation has not landed yet; it throws when called. */
export function NotImplementedYet(name: string): (self: NDArray, ...args: any[]) => never {
  return () => {
    throw new NumtsError(`${name} is not implemented yet`);
  };
}
