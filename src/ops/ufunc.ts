/**
 * The machinery shared by elementwise primitives: operand conversion with
 * NumPy's weak-scalar typing, output allocation and `out=` validation, and
 * `defineUnary` / `defineBinary`, which turn one row of a ufunc table
 * (inner loops + derivative rule) into a primitive and its public function.
 */
import {
  allocate, asarray, bind, broadcastOperand, broadcastShapes, castCopy, canCastSameKind, Complex, definePrimitive,
  DTypeError, loopBinary, nonDifferentiable as nonDiff, loopUnary, NDArray, resultType, shapesEqual, shapeText, ShapeError, toDType,
  type ArrayLike, type BinaryLoop, type DType, type Primitive, type Scalar, type Shape, type UfuncOptions, type UnaryLoop,
} from '../core';

/** The dtype an operand contributes to promotion: arrays are strong, JS scalars weak. */
export function operandType(x: ArrayLike): DType | Scalar {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex) return x;
  return asarray(x).dtype;
}

/** Converts an operand to an array; scalars take `dtype` (the operation's dtype), as weak scalars do. */
export function toOperand(x: ArrayLike, dtype: DType): NDArray {
  if (x instanceof NDArray) return x;
  if (typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex) return asarray(x, dtype);
  return asarray(x);
}

/** Allocates the result, or checks the user's `out` (shape and same-kind casting). */
export function prepareOut(shape: Shape, dtype: DType, out: NDArray | undefined, name: string): NDArray {
  if (out === undefined) return new NDArray(allocate(dtype, shapeSize(shape)), shape, dtype);
  if (!(out instanceof NDArray)) throw new DTypeError(`${name}: 'out' must be an NDArray`);
  if (out.isTraced()) throw new DTypeError(`${name}: 'out' cannot be used inside a transform (grad, jvp, …)`);
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`non-broadcastable output operand with shape ${shapeText(out.shape)} doesn't match the broadcast shape ${shapeText(shape)}`);
  }
  if (!canCastSameKind(dtype, out.dtype)) {
    throw new DTypeError(`Cannot cast ufunc '${name}' output from dtype('${dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
  return out;
}

function shapeSize(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A view of `a` as `dtype` (copying only when the storage differs). */
export function ensureDType(a: NDArray, dtype: DType): NDArray {
  return a.dtype === dtype ? a : castCopy(a, dtype);
}

/** Params every elementwise primitive takes. */
export interface UfuncParams {
  readonly out?: NDArray;
  readonly dtype?: DType;
}

/** One row of a unary ufunc table. */
export interface UnarySpec {
  readonly name: string;
  /** The result dtype for an input dtype; throw (e.g. via `unsupported`) when undefined. */
  readonly resultDType: (d: DType) => DType;
  /** Inner loop over real storage (reads any typed array, writes the result's storage). */
  readonly real: UnaryLoop;
  /** Inner loop over interleaved complex storage, when the op is defined for complex. */
  readonly complex?: UnaryLoop;
  /** dL/dx given dL/dout `g`, the output and the input (written with public ops). */
  readonly vjp: ((g: NDArray, out: NDArray, x: NDArray) => NDArray | null) | 'none';
}

/** A unary ufunc: its primitive and its public function. */
export interface Unary {
  readonly p: Primitive<UfuncParams>;
  (x: ArrayLike, opts?: UfuncOptions): NDArray;
}

/**
 * Real inner loops only ever see Float64Array inputs, and write either a
 * Float64Array or (for bool results) a Uint8Array. Keeping every loop
 * monomorphic is worth more than avoiding a conversion: V8 compiles a loop
 * that has seen several typed-array types 2-3x slower. Other dtypes are
 * widened on the way in and narrowed (NumPy's casting) on the way out.
 */
function asFloat64(x: NDArray): NDArray {
  return x.dtype === 'float64' ? x : castCopy(x, 'float64');
}

/** The array a loop writes: `out` itself when its storage fits the loop, else a temporary. */
function loopTarget(out: NDArray, loopDType: DType, inputs: NDArray[]): NDArray {
  if (out.dtype === loopDType && !aliasesInput(out, ...inputs)) return out;
  return new NDArray(allocate(loopDType, shapeSize(out.shape)), out.shape, loopDType);
}

/** Runs a unary ufunc kernel: the dtype rule, `out`, and the loop over the operand. */
function runUnary(spec: UnarySpec, x: NDArray, params: UfuncParams): NDArray {
  const src = params.dtype !== undefined ? ensureDType(x, params.dtype) : x;
  const resDType = spec.resultDType(src.dtype);
  const out = prepareOut(x.shape, resDType, params.out, spec.name);
  const cplx = src.dtype === 'complex128';
  const loop = cplx ? spec.complex : spec.real;
  if (loop === undefined) throw new DTypeError(`ufunc '${spec.name}' not supported for the input types (${src.dtype})`);
  const input = cplx ? src : asFloat64(src);
  const loopDType: DType = resDType === 'bool' ? 'bool' : resDType === 'complex128' ? 'complex128' : 'float64';
  const target = loopTarget(out, loopDType, [input]);
  loopUnary(x.shape, target, input, loop);
  if (target !== out) assignInto(out, target);
  return out;
}

/** Turns a table row into a primitive plus its public function `f(x, opts)`. */
export function defineUnary(spec: UnarySpec): Unary {
  const vjp = spec.vjp;
  const p: Primitive<UfuncParams> = definePrimitive<UfuncParams>({
    name: spec.name,
    impl: ([x], params) => runUnary(spec, x, params),
    vjp: vjp === 'none' ? nonDiff : (g, out, [x]) => [vjp(g, out, x)],
  });
  const fn = (x: ArrayLike, opts: UfuncOptions = {}): NDArray =>
    bind(p, [asarray(x)], { out: opts.out, dtype: opts.dtype === undefined ? undefined : toDType(opts.dtype) });
  return Object.assign(fn, { p });
}

/** One row of a binary ufunc table. */
export interface BinarySpec {
  readonly name: string;
  /** The result dtype given the promoted input dtype; throw when undefined. */
  readonly resultDType: (promoted: DType) => DType;
  /** Inner loop over real storage (any typed arrays in, the result's storage out). */
  readonly real: BinaryLoop;
  /** Loop used instead of `real` when the promoted dtype is an integer (e.g. integer power). */
  readonly int?: BinaryLoop;
  /** Loop used instead of `real` when both inputs are bool (e.g. add is logical or). */
  readonly bool?: BinaryLoop;
  /** Inner loop over interleaved complex storage, when the op is defined for complex. */
  readonly complex?: BinaryLoop;
  /** Cotangents of both inputs, *before* un-broadcasting (the wrapper sums them down to each input's shape). */
  readonly vjp: ((g: NDArray, out: NDArray, a: NDArray, b: NDArray) => [NDArray | null, NDArray | null]) | 'none';
}

export interface Binary {
  readonly p: Primitive<UfuncParams>;
  (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray;
}

/** Runs a binary kernel with broadcasting. */
function runBinary(spec: BinarySpec, a: NDArray, b: NDArray, params: UfuncParams): NDArray {
  const promoted = params.dtype ?? resultType(a.dtype, b.dtype);
  const resDType = spec.resultDType(promoted);
  const shape = broadcastShapes(a.shape, b.shape);
  const out = prepareOut(shape, resDType, params.out, spec.name);
  const cplx = promoted === 'complex128';
  const boolLoop = promoted === 'bool' && spec.bool !== undefined;
  const loop = cplx
    ? spec.complex
    : boolLoop
      ? spec.bool
      : promoted === 'int32' || promoted === 'uint8'
        ? (spec.int ?? spec.real)
        : spec.real;
  if (loop === undefined) throw new DTypeError(`ufunc '${spec.name}' not supported for the input types (${a.dtype}, ${b.dtype})`);
  // Complex loops read interleaved storage, bool loops Uint8Array, all others Float64Array.
  const widen = (x: NDArray): NDArray => (cplx ? ensureDType(x, 'complex128') : boolLoop ? x : asFloat64(x));
  const aa = widen(a);
  const bb = widen(b);
  const loopDType: DType = cplx && resDType === 'complex128' ? 'complex128' : resDType === 'bool' ? 'bool' : 'float64';
  const target = loopTarget(out, loopDType, [aa, bb]);
  loopBinary(shape, target, broadcastOperand(aa, shape), broadcastOperand(bb, shape), loop);
  if (target !== out) assignInto(out, target);
  return out;
}

/**
 * Whether writing `out` could clobber an input before it is read. Elementwise
 * loops read index i before writing index i, so an identical view is safe; any
 * other overlap of the same buffer goes through a temporary.
 */
function aliasesInput(out: NDArray, ...inputs: NDArray[]): boolean {
  for (const x of inputs) {
    if (x.data !== out.data) continue;
    const same = x.offset === out.offset && shapesEqual(x.shape, out.shape) && x.strides.every((s, i) => s === out.strides[i]);
    if (!same) return true;
  }
  return false;
}

/** Copies `src` (same shape) into `dst`, converting dtype. */
export function assignInto(dst: NDArray, src: NDArray): void {
  const conv = castCopy(src, dst.dtype);
  const loop: UnaryLoop = dst.dtype === 'complex128' ? copyComplex : copyReal;
  loopUnary(dst.shape, dst, broadcastOperand(conv, dst.shape), loop);
}

const copyReal: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
};
const copyComplex: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) {
    o[2 * oi] = a[2 * ai];
    o[2 * oi + 1] = a[2 * ai + 1];
  }
};

/** Turns a binary table row into a primitive plus its public function `f(a, b, opts)`. */
export function defineBinary(spec: BinarySpec, unbroadcast: (g: NDArray | null, shape: Shape) => NDArray | null): Binary {
  const vjp = spec.vjp;
  const p = definePrimitive<UfuncParams>({
    name: spec.name,
    impl: ([a, b], params) => runBinary(spec, a, b, params),
    vjp:
      vjp === 'none'
        ? nonDiff
        : (g, out, [a, b]) => {
            const [ga, gb] = vjp(g, out, a, b);
            return [unbroadcast(ga, a.shape), unbroadcast(gb, b.shape)];
          },
  });
  const fn = (a: ArrayLike, b: ArrayLike, opts: UfuncOptions = {}): NDArray => {
    const dtype = opts.dtype === undefined ? undefined : toDType(opts.dtype);
    const promoted = dtype ?? resultType(operandType(a), operandType(b));
    return bind(p, [toOperand(a, promoted), toOperand(b, promoted)], { out: opts.out, dtype });
  };
  return Object.assign(fn, { p });
}
