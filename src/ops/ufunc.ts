/**
 * The machinery shared by elementwise primitives: operand conversion with
 * NumPy's weak-scalar typing, output allocation and `out=` validation, and
 * `defineUnary` / `defineBinary`, which turn one row of a ufunc table
 * (inner loops + derivative rule) into a primitive and its public function.
 * Calls on small plain arrays and JS numbers first try the fast paths of
 * ufuncFast.ts (same loops, same results, none of the general set-up).
 */
import {
  allocate, asarray, bind, broadcastOperand, broadcastShapes, canCastSameKind, castCopy, Complex, definePrimitive,
  DTypeError, forEachRun, OverflowError, isIntegerDType, loopBinary, loopUnary, NDArray, nonDifferentiable as nonDiff, resultType, shapesEqual,
  shapeText, ShapeError, toDType, ValueError,
  type ArrayLike, type BinaryLoop, type DType, type Primitive, type Scalar, type Shape, type TypedArray, type UfuncOptions, type UnaryLoop,
} from '../core';
import { binaryFast, isCanonical, numberBinary, numberUnary, scalarFast, unaryFast } from './ufuncFast';

/** The dtype an operand contributes to promotion: arrays are strong, JS scalars weak. */
export function operandType(x: ArrayLike): DType | Scalar {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex) return x;
  return asarray(x).dtype;
}

const INT_RANGE: Partial<Record<DType, [number, number]>> = { uint8: [0, 255], int32: [-2147483648, 2147483647] };

/**
 * Converts an operand to an array; JS scalars take `dtype` (the operation's
 * dtype), as NumPy 2's weak Python scalars do.
 * @throws {ValueError} for an integer scalar outside an integer dtype's range
 * (NumPy's "Python integer 300 out of bounds for uint8"), unless `exact` is set
 * (comparisons, which NumPy evaluates exactly).
 */
export function toOperand(x: ArrayLike, dtype: DType, exact = false): NDArray {
  if (x instanceof NDArray) return x;
  if (typeof x === 'number' && isIntegerDType(dtype) && Number.isInteger(x)) {
    const [lo, hi] = INT_RANGE[dtype]!;
    if (x < lo || x > hi) {
      if (exact) return asarray(x, 'float64');
      throw new ValueError(`Python integer ${x} out of bounds for ${dtype}`);
    }
  }
  if (typeof x === 'number' || typeof x === 'boolean' || x instanceof Complex) return asarray(x, dtype);
  return asarray(x);
}

function shapeSize(shape: Shape): number {
  let n = 1;
  for (let d = 0; d < shape.length; d++) n *= shape[d];
  return n;
}

/** Allocates the result, or checks the user's `out` (an NDArray, the right shape, same-kind casting). */
export function prepareOut(shape: Shape, dtype: DType, out: NDArray | undefined, name: string): NDArray {
  if (out === undefined) return new NDArray(allocate(dtype, shapeSize(shape)), shape, dtype, undefined, 0, null, true);
  if (!(out instanceof NDArray)) throw new DTypeError(`${name}: 'out' must be an NDArray`);
  if (out.isTraced()) throw new DTypeError(`${name}: 'out' cannot be used inside a transform (grad, jvp, …); use the returned value`);
  out.assertWriteable();
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`non-broadcastable output operand with shape ${shapeText(out.shape)} doesn't match the broadcast shape ${shapeText(shape)}`);
  }
  if (!canCastSameKind(dtype, out.dtype)) {
    throw new DTypeError(`Cannot cast ufunc '${name}' output from dtype('${dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
  return out;
}

/** `r` written into the caller's `out` (checked as a ufunc's out) when there is one, else `r` itself. */
export function writeOut(r: NDArray, out: NDArray | undefined, name: string): NDArray {
  if (out === undefined) return r;
  const o = prepareOut(r.shape, r.dtype, out, name);
  assignInto(o, r);
  return o;
}

/** A view of `a` as `dtype` (copying only when the storage differs). */
export function ensureDType(a: NDArray, dtype: DType): NDArray {
  return a.dtype === dtype ? a : castCopy(a, dtype);
}

/** The `dtype=` option: inputs must cast to it under `same_kind`, as in NumPy. */
function checkInputCast(name: string, x: NDArray, index: number | null, dtype: DType): void {
  if (!canCastSameKind(x.dtype, dtype)) {
    const which = index === null ? 'input' : `input ${index}`;
    throw new DTypeError(`Cannot cast ufunc '${name}' ${which} from dtype('${x.dtype}') to dtype('${dtype}') with casting rule 'same_kind'`);
  }
}

/**
 * The iteration shape with `out`: NumPy broadcasts the inputs against the
 * output too (np.sin(x, out=big) fills every row), but never the output itself.
 */
function shapeWithOut(shape: readonly number[], out: NDArray | undefined): readonly number[] {
  if (out === undefined || !(out instanceof NDArray) || shapesEqual(out.shape, shape)) return shape;
  const full = broadcastShapes(shape, out.shape);
  if (!shapesEqual(full, out.shape)) {
    throw new ShapeError(`non-broadcastable output operand with shape ${shapeText(out.shape)} doesn't match the broadcast shape ${shapeText(full)}`);
  }
  return full;
}

/** NumPy's error for a ufunc that has no loop for the input dtypes. */
export function noLoopFor(name: string): DTypeError {
  return new DTypeError(
    `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );
}

const DTYPE_CLASS: Record<DType, string> = {
  bool: 'BoolDType', uint8: 'UInt8DType', int32: 'Int64DType', float32: 'Float32DType', float64: 'Float64DType', complex128: 'Complex128DType',
};

/** NumPy's error for a ufunc that has loops, but none for this input dtype. */
export function noSignatureFor(name: string, d: DType): DTypeError {
  return new DTypeError(`ufunc '${name}' did not contain a loop with signature matching types <class 'numpy.dtypes.${DTYPE_CLASS[d]}'> -> None`);
}

/** A result-dtype rule for functions NumPy defines on real input only. */
export const realOnly = (name: string, rule: (d: DType) => DType) => (d: DType): DType => {
  if (d === 'complex128') throw noLoopFor(name);
  return rule(d);
};

/** The real part of a complex array as a float64 view of its buffer. */
function realView(x: NDArray): NDArray {
  return new NDArray(x.data, x.shape, 'float64', x.strides.map((st) => 2 * st), 2 * x.offset, x.base ?? x);
}

/**
 * The real part (a view; the identity on real input). A linear map whose
 * transpose is {@link toComplexP}, as JAX's real_p and complex(t, 0).
 */
export const realPartP: Primitive<undefined> = definePrimitive<undefined>({
  name: 'real',
  impl: ([x]) => (x.dtype === 'complex128' ? realView(x) : x),
  vjp: (g, _out, [x]) => [x.dtype === 'complex128' ? bind(toComplexP, [g], undefined) : g],
  jvp: ([t]) => (t === null ? null : bind(realPartP, [t], undefined)),
});

/** `x + 0i`: a real array as complex128; the transpose of {@link realPartP}. */
export const toComplexP: Primitive<undefined> = definePrimitive<undefined>({
  name: 'to_complex',
  impl: ([x]) => ensureDType(x, 'complex128'),
  vjp: (g, _out, [x]) => [x.dtype === 'complex128' ? g : bind(realPartP, [g], undefined)],
  jvp: ([t]) => (t === null ? null : bind(toComplexP, [t], undefined)),
});

/**
 * A cotangent as the type of the input it belongs to: the real part for a
 * real input of an op with a complex result (JAX's convention; the imaginary
 * part is the derivative along a direction the input cannot move in).
 */
export function projectCotangent(ct: NDArray | null, x: NDArray): NDArray | null {
  if (ct === null || ct.dtype !== 'complex128' || x.dtype === 'complex128') return ct;
  return bind(realPartP, [ct], undefined);
}

/** Params every elementwise primitive takes. */
export interface UfuncParams {
  readonly out?: NDArray;
  readonly dtype?: DType;
}

/** The params of a call without options (shared: params are never mutated). */
const NO_PARAMS: UfuncParams = Object.freeze({});

/** Validates the options object of an elementwise function. */
export function ufuncParams(opts: UfuncOptions | undefined): UfuncParams {
  if (opts === undefined) return NO_PARAMS;
  if (typeof opts !== 'object' || opts === null) throw new DTypeError(`options must be an object like { out, dtype }, got ${String(opts)}`);
  return { out: opts.out, dtype: opts.dtype === undefined ? undefined : toDType(opts.dtype) };
}

/** One row of a unary ufunc table. */
export interface UnarySpec {
  readonly name: string;
  /** The result dtype for an input dtype; throw (e.g. via `unsupported`) when undefined. */
  readonly resultDType: (d: DType) => DType;
  /** Inner loop over Float64Array input, writing Float64Array (or Uint8Array for bool results). */
  readonly real: UnaryLoop;
  /** Inner loop used instead of `real` for float32 input (values still widened), where float32 arithmetic differs. */
  readonly float32?: UnaryLoop;
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

/** The storage a loop writes for a result dtype. */
function loopDTypeOf(res: DType): DType {
  return res === 'bool' ? 'bool' : res === 'complex128' ? 'complex128' : 'float64';
}

/** The array a loop writes: `out` itself when its storage fits the loop, else a temporary. */
function loopTarget(out: NDArray, loopDType: DType, a: NDArray, b?: NDArray): NDArray {
  if (out.dtype === loopDType && !aliasesInput(out, a) && (b === undefined || !aliasesInput(out, b))) return out;
  return new NDArray(allocate(loopDType, shapeSize(out.shape)), out.shape, loopDType);
}

/** Runs a unary ufunc kernel: the dtype rule, `out`, and the loop over the operand. */
function runUnary(spec: UnarySpec, x: NDArray, params: UfuncParams): NDArray {
  if (params.out === undefined && params.dtype === undefined && x.dtype === 'float64' && isCanonical(x)) {
    const r = unaryFast(spec, x);
    if (r !== null) return r;
  }
  let src = x;
  if (params.dtype !== undefined) {
    checkInputCast(spec.name, x, null, params.dtype);
    src = ensureDType(x, params.dtype);
  }
  const resDType = spec.resultDType(src.dtype);
  const shape = shapeWithOut(x.shape, params.out);
  const out = prepareOut(shape, resDType, params.out, spec.name);
  const cplx = src.dtype === 'complex128';
  const loop = cplx ? spec.complex : src.dtype === 'float32' && spec.float32 !== undefined ? spec.float32 : spec.real;
  if (loop === undefined) throw noLoopFor(spec.name);
  const input = cplx ? src : asFloat64(src);
  const target = loopTarget(out, loopDTypeOf(resDType), input);
  loopUnary(shape, target, shape === x.shape ? input : broadcastOperand(input, shape), loop);
  if (target !== out) {
    if (out.dtype === 'int32') checkInt32(target, spec.name);
    assignInto(out, target);
  }
  return out;
}

/** A complex function of one value writing its result to `o[k]`, `o[k + 1]` (see complexMath.ts). */
export type ComplexKernel = (o: TypedArray, k: number, x: number, y: number) => void;

/** The complex inner loop that applies `kernel` to each element (one call per element; the math dominates). */
export function complexLoop(kernel: ComplexKernel): UnaryLoop {
  return (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) kernel(o, 2 * oi, a[2 * ai], a[2 * ai + 1]);
  };
}

/**
 * A ufunc applied to JS integers only (`np.square(100000)`, `np.add(3e9, 1)`):
 * NumPy computes these in int64; numts computes them in int32 and, when the
 * operands or the result do not fit, in float64 (exact to 2^53) instead of
 * raising, since no array dtype was asked for.
 */
function scalarIntOp(asInt: () => NDArray, asFloat: () => NDArray): NDArray {
  try {
    return asInt();
  } catch (e) {
    if (e instanceof OverflowError || (e instanceof ValueError && /out of bounds for int32/.test(e.message))) return asFloat();
    throw e;
  }
}

/** Turns a table row into a primitive plus its public function `f(x, opts)`. */
export function defineUnary(spec: UnarySpec): Unary {
  const vjp = spec.vjp;
  const p: Primitive<UfuncParams> = definePrimitive<UfuncParams>({
    name: spec.name,
    impl: ([x], params) => runUnary(spec, x, params),
    vjp: vjp === 'none' ? nonDiff : (g, out, [x]) => [projectCotangent(vjp(g, out, x), x)],
  });
  const fn = (x: ArrayLike, opts?: UfuncOptions): NDArray => {
    // A plain array without options: what bind would do, minus its bookkeeping; a JS number straight into the loop.
    if (opts === undefined) {
      if (x instanceof NDArray) {
        if (!x.isTraced()) return runUnary(spec, x, NO_PARAMS);
      } else if (typeof x === 'number') {
        const r = numberUnary(spec, x);
        if (r !== null) return r;
      }
    }
    const params = ufuncParams(opts);
    if (typeof x === 'number' && params.dtype === undefined && params.out === undefined && Number.isInteger(x)) {
      return scalarIntOp(() => bind(p, [asarray(x)], params), () => bind(p, [asarray(x, 'float64')], params));
    }
    return bind(p, [asarray(x)], params);
  };
  return Object.assign(fn, { p });
}

/** One row of a binary ufunc table. */
export interface BinarySpec {
  readonly name: string;
  /** The result dtype given the promoted input dtype; throw when undefined. */
  readonly resultDType: (promoted: DType) => DType;
  /** Inner loop over Float64Array inputs, writing the result's loop storage. */
  readonly real: BinaryLoop;
  /** Loop used instead of `real` when the promoted dtype is an integer (e.g. integer power, floor division). */
  readonly int?: BinaryLoop;
  /** Loop used instead of `real` when both inputs are bool (Uint8Array in, e.g. add is logical or). */
  readonly bool?: BinaryLoop;
  /** Inner loop over interleaved complex storage, when the op is defined for complex. */
  readonly complex?: BinaryLoop;
  /** Comparisons: JS integer scalars outside an integer dtype's range compare exactly instead of raising. */
  readonly exactScalars?: boolean;
  /**
   * Cotangents of both inputs, *before* un-broadcasting (the wrapper sums them
   * down to each input's shape). `wanted[i]` false: input i is a constant to
   * autodiff (`x * 2`), its cotangent may be null (see `Primitive.vjp`).
   */
  readonly vjp:
    | ((g: NDArray, out: NDArray, a: NDArray, b: NDArray, wanted?: readonly boolean[]) => [NDArray | null, NDArray | null])
    | 'none';
}

export interface Binary {
  readonly p: Primitive<UfuncParams>;
  (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray;
}

/** Runs a binary kernel with broadcasting. */
function runBinary(spec: BinarySpec, a: NDArray, b: NDArray, params: UfuncParams): NDArray {
  if (params.out === undefined && params.dtype === undefined && a.dtype === 'float64' && b.dtype === 'float64') {
    const r = binaryFast(spec, a, b);
    if (r !== null) return r;
  }
  let promoted: DType;
  if (params.dtype !== undefined) {
    promoted = params.dtype;
    checkInputCast(spec.name, a, 0, promoted);
    checkInputCast(spec.name, b, 1, promoted);
  } else promoted = a.dtype === b.dtype ? a.dtype : resultType(a.dtype, b.dtype);
  const resDType = spec.resultDType(promoted);
  const shape = shapeWithOut(shapesEqual(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape), params.out);
  const out = prepareOut(shape, resDType, params.out, spec.name);
  const cplx = promoted === 'complex128';
  const boolLoop = promoted === 'bool' && spec.bool !== undefined;
  const loop = cplx
    ? spec.complex
    : boolLoop
      ? spec.bool
      : promoted === 'int32' || promoted === 'uint8' || promoted === 'bool'
        ? (spec.int ?? spec.real)
        : spec.real;
  if (loop === undefined) throw noLoopFor(spec.name);
  // Complex loops read interleaved storage, bool loops Uint8Array, all others Float64Array.
  const aa = cplx ? ensureDType(a, 'complex128') : boolLoop ? ensureDType(a, 'bool') : asFloat64(a);
  const bb = cplx ? ensureDType(b, 'complex128') : boolLoop ? ensureDType(b, 'bool') : asFloat64(b);
  const loopDType: DType = cplx && resDType === 'complex128' ? 'complex128' : resDType === 'bool' ? 'bool' : 'float64';
  const target = loopTarget(out, loopDType, aa, bb);
  const opA = shapesEqual(aa.shape, shape) ? aa : broadcastOperand(aa, shape);
  const opB = shapesEqual(bb.shape, shape) ? bb : broadcastOperand(bb, shape);
  loopBinary(shape, target, opA, opB, loop);
  if (target !== out) {
    if (out.dtype === 'int32' && loopDType === 'float64') checkInt32(target, spec.name);
    assignInto(out, target);
  }
  return out;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Raises when a float64 loop result meant for an int32 array holds an integer
 * outside int32's range. NumPy's int64 would hold it exactly; wrapping it to
 * int32 would be a silent wrong number, so numts raises instead. (NaN and ±inf,
 * from 0/0-style integer operations, cast as NumPy casts them.)
 * @throws {OverflowError}
 */
export function checkInt32(values: NDArray, name: string): void {
  const d = values.data;
  let bad = NaN;
  forEachRun(values.shape, [values], (n, o, s) => {
    for (let i = 0, p = o[0]; i < n; i++, p += s[0]) {
      const v = d[p];
      if ((v < INT32_MIN || v > INT32_MAX) && Number.isFinite(v)) {
        bad = v;
        return;
      }
    }
  });
  if (!Number.isNaN(bad)) {
    throw new OverflowError(
      `integer overflow in ${name}: ${bad} does not fit in int32 (numts' stand-in for NumPy's int64); compute in floats, e.g. a.astype('float64')`,
    );
  }
}

/**
 * Whether writing `out` could clobber an input before it is read. Elementwise
 * loops read index i before writing index i, so an identical view is safe; any
 * other overlap of the same buffer goes through a temporary.
 */
function aliasesInput(out: NDArray, x: NDArray): boolean {
  if (x.data !== out.data) return false;
  if (x.offset !== out.offset || !shapesEqual(x.shape, out.shape)) return true;
  for (let i = 0; i < x.strides.length; i++) if (x.shape[i] !== 1 && x.strides[i] !== out.strides[i]) return true;
  return false;
}

/** Copies `src` (broadcastable to `dst`'s shape) into `dst`, converting dtype (NumPy's unsafe cast). */
export function assignInto(dst: NDArray, src: NDArray): void {
  const conv = src.dtype === dst.dtype ? src : castCopy(src, dst.dtype);
  const loop: UnaryLoop = dst.dtype === 'complex128' ? copyComplex : copyReal;
  loopUnary(dst.shape, dst, broadcastOperand(conv, dst.shape), loop);
}

const copyReal: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  if (os === 1 && as === 1 && o.constructor === a.constructor) {
    o.set(a.subarray(ai, ai + n) as never, oi);
    return;
  }
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
};
const copyComplex: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  if (os === 1 && as === 1) {
    o.set(a.subarray(2 * ai, 2 * (ai + n)) as never, 2 * oi);
    return;
  }
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
        : (g, out, [a, b], _params, wanted) => {
            const [ga, gb] = vjp(g, out, a, b, wanted);
            // A constant operand's cotangent is dropped by autodiff: skip un-broadcasting it (a sum for a scalar).
            return [
              wanted?.[0] === false ? null : projectCotangent(unbroadcast(ga, a.shape), a),
              wanted?.[1] === false ? null : projectCotangent(unbroadcast(gb, b.shape), b),
            ];
          },
  });
  const exact = spec.exactScalars === true;
  const fn = (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray => {
    if (opts === undefined) {
      // Plain arrays without options: what bind would do, minus its bookkeeping; a JS number
      // beside a float64 array goes straight into the loop.
      if (a instanceof NDArray) {
        if (!a.isTraced()) {
          if (b instanceof NDArray) {
            if (!b.isTraced()) return runBinary(spec, a, b, NO_PARAMS);
          } else if (typeof b === 'number' && a.dtype === 'float64' && isCanonical(a)) {
            const r = scalarFast(spec, a, b, false);
            if (r !== null) return r;
          }
        }
      } else if (typeof a === 'number') {
        if (b instanceof NDArray) {
          if (!b.isTraced() && b.dtype === 'float64' && isCanonical(b)) {
            const r = scalarFast(spec, b, a, true);
            if (r !== null) return r;
          }
        } else if (typeof b === 'number') {
          const r = numberBinary(spec, a, b);
          if (r !== null) return r;
        }
      }
    }
    const params = ufuncParams(opts);
    if (a instanceof NDArray && b instanceof NDArray) return bind(p, [a, b], params);
    const promoted = params.dtype ?? resultType(operandType(a), operandType(b));
    if (promoted === 'int32' && params.dtype === undefined && params.out === undefined && typeof a === 'number' && typeof b === 'number') {
      return scalarIntOp(() => bind(p, [toOperand(a, promoted, exact), toOperand(b, promoted, exact)], params), () => bind(p, [asarray(a, 'float64'), asarray(b, 'float64')], params));
    }
    return bind(p, [toOperand(a, promoted, exact), toOperand(b, promoted, exact)], params);
  };
  return Object.assign(fn, { p });
}
