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
import { sumTo } from '../../ops';
import { defineBinary, defineUnary, operandType, type BinarySpec, type UfuncParams, type UnarySpec } from '../../ops/ufunc';

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

/** Defines a unary special function from a ufunc table row. */
export function specialUnary(spec: UnarySpec): SpecialUnary {
  const u = defineUnary(spec);
  const fn = (x: ArrayLike, opts?: UfuncOptions): NDArray | number => unwrap(u(x, opts), typeof x === 'number' && opts?.out === undefined);
  return Object.assign(fn, { p: u.p }) as SpecialUnary;
}

/** Defines a binary special function from a ufunc table row (cotangents are un-broadcast with sumTo). */
export function specialBinary(spec: BinarySpec): SpecialBinary {
  const u = defineBinary(spec, (g, s) => sumTo(g, s));
  const fn = (a: ArrayLike, b: ArrayLike, opts?: UfuncOptions): NDArray | number =>
    unwrap(u(a, b, opts), typeof a === 'number' && typeof b === 'number' && opts?.out === undefined);
  return Object.assign(fn, { p: u.p }) as SpecialBinary;
}

/**
 * Throws when a shape parameter of a function that is differentiable only in
 * its last argument (gammainc in x, betainc in x) is being traced: a zero
 * cotangent there would be a silently wrong derivative.
 */
export function constantParameter(name: string, what: string, ...params: NDArray[]): null {
  if (params.some((p) => p.isTraced())) {
    throw new TracerError(`${name} is differentiable only in its last argument; the derivative with respect to ${what} is not implemented`);
  }
  return null;
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
        : (g, out, [a, b, x]) => {
            const [ga, gb, gx] = vjp(g, out, a, b, x);
            return [sumTo(ga, a.shape), sumTo(gb, b.shape), sumTo(gx, x.shape)];
          },
  });
  const fn = (a: ArrayLike, b: ArrayLike, x: ArrayLike): NDArray | number => {
    // NumPy's weak-scalar promotion: a JS number does not widen a float32 array.
    const dtype = resultOf(resultType(operandType(a), operandType(b), operandType(x)));
    const r = bind(p, [asarray(a), asarray(b), asarray(x)], { dtype });
    return unwrap(r, typeof a === 'number' && typeof b === 'number' && typeof x === 'number');
  };
  return Object.assign(fn, { p }) as SpecialTernary;
}
