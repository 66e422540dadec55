/**
 * How the special functions become array functions: scalar kernels wrapped
 * as ufunc primitives (`defineUnary` / `defineBinary` from the ops layer, and
 * a ternary variant here for betainc), with SciPy's dtype rule (float32 stays
 * float32, everything else computes in float64, complex is not supported),
 * and the convention that a JavaScript number in gives a number out.
 */
import {
  asarray, bind, broadcastOperand, broadcastShapes, castCopy, definePrimitive, DTypeError, forEachRun, NDArray,
  nonDifferentiable, resultType, TracerError, type ArrayLike, type DType, type Primitive, type UfuncOptions,
} from '../../core';
import { sumTo } from '../../ops/internal';
import {
  defineBinary, defineUnary, operandType, toOperand, ufuncParams, type BinarySpec, type UfuncParams, type UnarySpec,
} from '../../ops/ufunc';

/** Arguments a function is not differentiable in (shape parameters, integer counts). */
export interface ConstantArgs {
  /** Their positions. */
  readonly args: readonly number[];
  /** How an error names them ("a", "a and b", "k and n"). */
  readonly what: string;
}

/**
 * Raises when autodiff asks for the cotangent of a constant argument: a zero
 * there would be a silently wrong derivative. `wanted` is autodiff's hint of
 * which cotangents it keeps; without it, a traced argument counts as wanted.
 * @throws {TracerError}
 */
function guardConstants(name: string, constant: ConstantArgs, args: NDArray[], wanted: readonly boolean[] | undefined): void {
  const needed = constant.args.some((i) => (wanted !== undefined ? wanted[i] : args[i].isTraced()));
  if (needed) throw new TracerError(`${name} is not differentiable with respect to ${constant.what}; only its other arguments can be traced`);
}

/** SciPy's result dtype for a real special function: float32 stays float32, other real dtypes give float64. */
export function realResult(name: string): (d: DType) => DType {
  return (d: DType): DType => {
    if (d === 'complex128') throw new DTypeError(`ufunc '${name}' is not supported for complex input in numts`);
    return d === 'float32' ? 'float32' : 'float64';
  };
}

/** A unary special function: a number gives a number, arrays give arrays. */
export interface SpecialUnary {
  (x: number, opts?: UfuncOptions): number;
  (x: ArrayLike, opts?: UfuncOptions): NDArray;
  readonly p: Primitive<UfuncParams>;
}

/** A binary special function: two numbers give a number. */
export interface SpecialBinary {
  (a: number, b: number, opts?: UfuncOptions): number;
  (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray;
  readonly p: Primitive<UfuncParams>;
}

/** A 0-d result of number inputs as a number. */
function unwrap(r: NDArray, numbers: boolean): NDArray | number {
  return numbers && r.ndim === 0 && !r.isTraced() ? (r.item() as number) : r;
}

/**
 * A JS number as a float array: special functions take real arguments, so
 * 1e10 is not an int32 and -0 keeps its sign. Next to a float32 array it
 * becomes float32 (NumPy's weak scalars do not widen the array's dtype).
 */
function realArg(x: ArrayLike, ...others: ArrayLike[]): ArrayLike {
  if (typeof x !== 'number') return x;
  const f32 = others.some((o) => o instanceof NDArray && o.dtype === 'float32');
  return asarray(x, f32 ? 'float32' : 'float64');
}

/** Defines a unary special function from a ufunc table row. */
export function specialUnary(spec: UnarySpec): SpecialUnary {
  const u = defineUnary(spec);
  const fn = (x: ArrayLike, opts?: UfuncOptions): NDArray | number => unwrap(u(realArg(x), opts), typeof x === 'number' && opts?.out === undefined);
  return Object.assign(fn, { p: u.p }) as SpecialUnary;
}

/**
 * Defines a binary special function from a ufunc table row (cotangents are
 * un-broadcast with sumTo). With `constant`, autodiff raises when it needs a
 * cotangent of those arguments (the row's `vjp` returns null for them).
 */
export function specialBinary(spec: BinarySpec, constant?: ConstantArgs): SpecialBinary {
  const u = defineBinary(spec, (g, s) => sumTo(g, s));
  const p: Primitive<UfuncParams> =
    constant === undefined
      ? u.p
      : definePrimitive<UfuncParams>({
          name: spec.name,
          impl: (args, params) => u.p.impl(args, params),
          vjp: (g, out, args, params, wanted) => {
            guardConstants(spec.name, constant, args, wanted);
            return u.p.vjp(g, out, args, params, wanted);
          },
        });
  const fn = (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray | number => {
    const [x, y] = [realArg(a, b), realArg(b, a)];
    const params = ufuncParams(opts);
    let r: NDArray;
    if (x instanceof NDArray && y instanceof NDArray) r = bind(p, [x, y], params);
    else {
      const promoted = params.dtype ?? resultType(operandType(x), operandType(y));
      r = bind(p, [toOperand(x, promoted), toOperand(y, promoted)], params);
    }
    return unwrap(r, typeof a === 'number' && typeof b === 'number' && opts?.out === undefined);
  };
  return Object.assign(fn, { p }) as SpecialBinary;
}

/** An inner loop of three real operands: out[i] = f(a[i], b[i], c[i]) with strides. */
export type TernaryLoop = (
  n: number, o: Float64Array, oi: number, os: number,
  a: Float64Array, ai: number, as: number,
  b: Float64Array, bi: number, bs: number,
  c: Float64Array, ci: number, cs: number,
) => void;

/** A ternary special function (betainc and friends). */
export interface SpecialTernary {
  (a: number, b: number, x: number): number;
  (a: ArrayLike, b: ArrayLike, x: ArrayLike): NDArray;
  readonly p: Primitive<{ dtype: DType }>;
}

function asFloat64(x: NDArray): NDArray {
  return x.dtype === 'float64' ? x : castCopy(x, 'float64');
}

/**
 * Defines a broadcasting ternary elementwise primitive. `vjp` returns the
 * cotangents before un-broadcasting.
 */
export function specialTernary(
  name: string,
  loop: TernaryLoop,
  vjp: ((g: NDArray, out: NDArray, a: NDArray, b: NDArray, x: NDArray) => [NDArray | null, NDArray | null, NDArray | null]) | 'none',
  constant?: ConstantArgs,
): SpecialTernary {
  const resultOf = realResult(name);
  const p = definePrimitive<{ dtype: DType }>({
    name,
    impl: ([a, b, x], { dtype }) => {
      const shape = broadcastShapes(a.shape, b.shape, x.shape);
      const [aa, bb, xx] = [asFloat64(a), asFloat64(b), asFloat64(x)];
      let size = 1;
      for (const d of shape) size *= d;
      const out = new NDArray(new Float64Array(size), shape, 'float64');
      const o = out.data as Float64Array;
      const ad = aa.data as Float64Array;
      const bd = bb.data as Float64Array;
      const xd = xx.data as Float64Array;
      forEachRun(shape, [out, broadcastOperand(aa, shape), broadcastOperand(bb, shape), broadcastOperand(xx, shape)], (n, off, st) =>
        loop(n, o, off[0], st[0], ad, off[1], st[1], bd, off[2], st[2], xd, off[3], st[3]),
      );
      return dtype === 'float64' ? out : castCopy(out, dtype);
    },
    vjp:
      vjp === 'none'
        ? nonDifferentiable
        : (g, out, [a, b, x], _params, wanted) => {
            if (constant !== undefined) guardConstants(name, constant, [a, b, x], wanted);
            const [ga, gb, gx] = vjp(g, out, a, b, x);
            return [sumTo(ga, a.shape), sumTo(gb, b.shape), sumTo(gx, x.shape)];
          },
  });
  const fn = (a: ArrayLike, b: ArrayLike, x: ArrayLike): NDArray | number => {
    // NumPy's weak-scalar promotion: a JS number does not widen a float32 array.
    const dtype = resultOf(resultType(operandType(a), operandType(b), operandType(x)));
    const r = bind(p, [asarray(realArg(a, b, x)), asarray(realArg(b, a, x)), asarray(realArg(x, a, b))], { dtype });
    return unwrap(r, typeof a === 'number' && typeof b === 'number' && typeof x === 'number');
  };
  return Object.assign(fn, { p }) as SpecialTernary;
}
