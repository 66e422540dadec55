/**
 * What the transforms share: choosing the differentiated arguments
 * (`argnums`), checking their dtypes, substituting tracers for them, checking
 * that no tracer escaped, and the types that map a function's parameters to
 * what its transformed version accepts and returns.
 */
import {
  castCopy, DTypeError, isInexactDType, isLive, NDArray, Tracer, TracerError, ValueError, zeros,
  type ArrayLike, type Complex, type Trace,
} from '../core';
import { astype as castTo, real as realPart } from '../ops';
import { flatten, unflatten, type Flat } from './tree';

/** Which positional arguments to differentiate: one index, or several (the result is then a tuple). */
export type Argnums = number | readonly number[];

/** Resolves `argnums` against the call's argument count (negative indices count from the end). */
export function resolveArgnums(argnums: Argnums, nargs: number, fname: string): number[] {
  // The common case (one argument, in range) without the list checks.
  if (typeof argnums === 'number' && Number.isInteger(argnums) && argnums >= -nargs && argnums < nargs) return [argnums < 0 ? argnums + nargs : argnums];
  const list = typeof argnums === 'number' ? [argnums] : [...argnums];
  if (list.length === 0) throw new ValueError(`${fname}: argnums must name at least one argument`);
  const out = list.map((a) => {
    if (!Number.isInteger(a) || a < -nargs || a >= nargs) {
      throw new ValueError(`${fname}: argnums ${a} is out of range for a call with ${nargs} positional argument${nargs === 1 ? '' : 's'}`);
    }
    return a < 0 ? a + nargs : a;
  });
  if (new Set(out).size !== out.length) throw new ValueError(`${fname}: repeated argnums ${JSON.stringify(list)}`);
  return out;
}

/** The differentiated arguments, flattened, with all their leaves in one list. */
export interface DiffInputs {
  readonly nums: number[];
  readonly flats: Flat[];
  readonly leaves: NDArray[];
}

/**
 * Flattens the differentiated arguments. Integer leaves are promoted to
 * float64 (JavaScript has no float literals, so `np.array([1, 2, 3])` is the
 * natural way to write a point; the gradient comes back as float64); bool
 * leaves are rejected.
 * @throws {DTypeError} for a bool leaf.
 */
export function diffInputs(args: readonly unknown[], argnums: Argnums, fname: string): DiffInputs {
  const nums = resolveArgnums(argnums, args.length, fname);
  const flats = nums.map((i, a) => {
    const f = flatten(args[i], `${fname}: argument ${i}`);
    const leaves = f.leaves.map((x) => {
      if (isInexactDType(x.dtype)) return x;
      if (x.dtype === 'bool') {
        throw new DTypeError(
          `${fname} requires real- or complex-valued inputs, but argument ${nums[a]} has dtype bool; ` +
            'booleans have no derivative (convert with x.astype(\'float64\') if you mean 0/1 numbers)',
        );
      }
      return castCopy(x, 'float64');
    });
    return { spec: f.spec, leaves };
  });
  return { nums, flats, leaves: flats.flatMap((f) => f.leaves) };
}

/** `args` with the differentiated arguments rebuilt from `leaves` (tracers, or shifted values). */
export function substitute(args: readonly unknown[], inputs: DiffInputs, leaves: readonly NDArray[]): unknown[] {
  const out = [...args];
  let k = 0;
  inputs.nums.forEach((i, a) => {
    const n = inputs.flats[a].leaves.length;
    out[i] = unflatten(inputs.flats[a].spec, leaves.slice(k, k + n));
    k += n;
  });
  return out;
}

/** Splits per-leaf values back into one tree per differentiated argument (gradients mirror their inputs). */
export function perArgument(inputs: DiffInputs, leaves: readonly NDArray[]): unknown[] {
  let k = 0;
  return inputs.flats.map((f) => {
    const n = f.leaves.length;
    const tree = unflatten(f.spec, leaves.slice(k, k + n));
    k += n;
    return tree;
  });
}

/**
 * Checks a value that leaves a transform: a tracer of an enclosing transform is
 * fine (it is still running), a tracer of `trace` gets lowered by the caller,
 * any other tracer escaped from a transform that has returned.
 * @throws {TracerError} for an escaped tracer.
 */
export function checkEscape(x: NDArray, trace: Trace, fname: string): void {
  if (x instanceof Tracer && x.owner !== trace && !isLive(x)) {
    throw new TracerError(
      `${fname}: f returned a traced value of a transform that has already returned (a leaked tracer); ` +
        'values computed inside one grad/jvp call cannot be used after it returns',
    );
  }
}

/**
 * The cotangent of an input as the input's own type: zeros where nothing
 * flowed, the real part for a real input (JAX's convention), the input's dtype.
 */
export function finishCotangent(c: NDArray | undefined, x: NDArray): NDArray {
  if (c === undefined) return zeros(x.shape, x.dtype);
  let r = c;
  if (r.dtype === 'complex128' && x.dtype !== 'complex128') r = realPart(r);
  if (r.dtype !== x.dtype) r = castTo(r, x.dtype);
  return r;
}

// ---- types --------------------------------------------------------------------------------

/** What a transformed function accepts where `f` declares `T`: an NDArray parameter takes any array-like value. */
export type Primal<T> = T extends NDArray
  ? ArrayLike
  : T extends number
    ? number
    : T extends readonly unknown[]
      ? { [K in keyof T]: Primal<T[K]> }
      : T extends Record<string, unknown>
        ? { [K in keyof T]: Primal<T[K]> }
        : T;

/** The parameters of a transformed function. */
export type Primals<A extends readonly unknown[]> = { [K in keyof A]: Primal<A[K]> };

/** An array literal: nested lists of numbers (a leaf of a tree, converted to one array). */
export type NumberList = readonly (number | boolean | Complex | NumberList)[];

/**
 * The gradient's type for an argument of type `T`: a number for a number, an
 * NDArray for an array (or an array literal), the same structure for arrays
 * and objects of them.
 */
export type Cotangent<T> = T extends number
  ? number
  : T extends Complex
    ? Complex
    : T extends NDArray | Float64Array | Float32Array | Int32Array | Uint8Array | NumberList
      ? NDArray
      : T extends null | undefined
        ? T
        : T extends readonly unknown[]
          ? { -readonly [K in keyof T]: Cotangent<T[K]> }
          : T extends object
            ? { -readonly [K in keyof T]: Cotangent<T[K]> }
            : never;

/** The gradients for `argnums` `N` of a call with arguments `B`: one tree, or a tuple of them. */
export type CotangentsAt<B extends readonly unknown[], N> = N extends number
  ? Cotangent<B[N]>
  : N extends readonly number[]
    ? { -readonly [K in keyof N]: N[K] extends number ? Cotangent<B[N[K]]> : never }
    : never;
