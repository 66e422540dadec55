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
  add(b: ArrayLike, opts?: UfuncOptions): NDArray;
  subtract(b: ArrayLike, opts?: UfuncOptions): NDArray;
  multiply(b: ArrayLike, opts?: UfuncOptions): NDArray;
  divide(b: ArrayLike, opts?: UfuncOptions): NDArray;
  power(b: ArrayLike, opts?: UfuncOptions): NDArray;
  /** Short spellings: `sub`, `mul`, `div`, `pow`. */
  sub(b: ArrayLike, opts?: UfuncOptions): NDArray;
  mul(b: ArrayLike, opts?: UfuncOptions): NDArray;
  div(b: ArrayLike, opts?: UfuncOptions): NDArray;
  pow(b: ArrayLike, opts?: UfuncOptions): NDArray;
  floorDivide(b: ArrayLike, opts?: UfuncOptions): NDArray;
  mod(b: ArrayLike, opts?: UfuncOptions): NDArray;
  maximum(b: ArrayLike, opts?: UfuncOptions): NDArray;
  minimum(b: ArrayLike, opts?: UfuncOptions): NDArray;
  // in place (Python's `+=` …): casting as NumPy's same_kind rule; returns this array
  iadd(b: ArrayLike): NDArray;
  isub(b: ArrayLike): NDArray;
  imul(b: ArrayLike): NDArray;
  idiv(b: ArrayLike): NDArray;
  // comparison and logic (bool results)
  equal(b: ArrayLike, opts?: UfuncOptions): NDArray;
  notEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  less(b: ArrayLike, opts?: UfuncOptions): NDArray;
  lessEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  greater(b: ArrayLike, opts?: UfuncOptions): NDArray;
  greaterEqual(b: ArrayLike, opts?: UfuncOptions): NDArray;
  eq(b: ArrayLike): NDArray;
  ne(b: ArrayLike): NDArray;
  lt(b: ArrayLike): NDArray;
  le(b: ArrayLike): NDArray;
  gt(b: ArrayLike): NDArray;
  ge(b: ArrayLike): NDArray;
  logicalAnd(b: ArrayLike, opts?: UfuncOptions): NDArray;
  logicalOr(b: ArrayLike, opts?: UfuncOptions): NDArray;
  logicalXor(b: ArrayLike, opts?: UfuncOptions): NDArray;
  logicalNot(opts?: UfuncOptions): NDArray;
  // unary math
  negative(opts?: UfuncOptions): NDArray;
  neg(): NDArray;
  abs(opts?: UfuncOptions): NDArray;
  sign(opts?: UfuncOptions): NDArray;
  sqrt(opts?: UfuncOptions): NDArray;
  square(opts?: UfuncOptions): NDArray;
  exp(opts?: UfuncOptions): NDArray;
  log(opts?: UfuncOptions): NDArray;
  sin(opts?: UfuncOptions): NDArray;
  cos(opts?: UfuncOptions): NDArray;
  tanh(opts?: UfuncOptions): NDArray;
  floor(opts?: UfuncOptions): NDArray;
  ceil(opts?: UfuncOptions): NDArray;
  /** Round half to even to `decimals` places (NumPy's `round`). */
  round(decimals?: number, opts?: UfuncOptions): NDArray;
  clip(min: ArrayLike | null, max: ArrayLike | null, opts?: UfuncOptions): NDArray;
  conj(): NDArray;
  isnan(): NDArray;
  isinf(): NDArray;
  isfinite(): NDArray;
  // reductions
  sum(opts?: FullReduceOptions): number;
  sum(opts: ReduceOptions): NDArray;
  prod(opts?: FullReduceOptions): number;
  prod(opts: ReduceOptions): NDArray;
  mean(opts?: FullReduceOptions): number;
  mean(opts: ReduceOptions): NDArray;
  var(opts?: FullVarOptions): number;
  var(opts: VarOptions): NDArray;
  std(opts?: FullVarOptions): number;
  std(opts: VarOptions): NDArray;
  min(opts?: FullReduceOptions): number;
  min(opts: ReduceOptions): NDArray;
  max(opts?: FullReduceOptions): number;
  max(opts: ReduceOptions): NDArray;
  argmin(opts?: { axis?: null; keepdims?: false }): number;
  argmin(opts: ArgReduceOptions): NDArray;
  argmax(opts?: { axis?: null; keepdims?: false }): number;
  argmax(opts: ArgReduceOptions): NDArray;
  all(opts?: FullReduceOptions): boolean;
  all(opts: ReduceOptions): NDArray;
  any(opts?: FullReduceOptions): boolean;
  any(opts: ReduceOptions): NDArray;
  cumsum(opts?: { axis?: number | null; dtype?: DType }): NDArray;
  cumprod(opts?: { axis?: number | null; dtype?: DType }): NDArray;
  // shape (views where NumPy's are views)
  reshape(...shape: number[]): NDArray;
  reshape(shape: readonly number[]): NDArray;
  transpose(...axes: number[]): NDArray;
  transpose(axes: readonly number[]): NDArray;
  swapaxes(axis1: number, axis2: number): NDArray;
  squeeze(axis?: number | readonly number[]): NDArray;
  expandDims(axis: number | readonly number[]): NDArray;
  broadcastTo(shape: readonly number[]): NDArray;
  ravel(): NDArray;
  flatten(): NDArray;
  copy(): NDArray;
  astype(dtype: DType): NDArray;
  flip(axis?: number | readonly number[] | null): NDArray;
  repeat(repeats: number | readonly number[], axis?: number | null): NDArray;
  // indexing and sorting
  take(indices: ArrayLike, axis?: number | null): NDArray;
  nonzero(): NDArray[];
  /** Sorts in place along `axis` (default -1), as NumPy's `a.sort()`; returns this array. */
  sort(axis?: number | null): NDArray;
  argsort(axis?: number | null): NDArray;
  fill(value: number | boolean | Complex): NDArray;
  // linear algebra (tensor layer)
  matmul(b: ArrayLike): NDArray;
  /** `np.dot(a, b)`: a number when both are 1-D (a 0-d result), an NDArray otherwise. */
  dot(b: ArrayLike, opts?: { out?: NDArray }): any;
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
