/**
 * dtypes, their storage, and NumPy's type-promotion rules for the six dtypes
 * numts supports. Integer arrays are stored as int32 and stand in for NumPy's
 * default int64 (they print the same); complex128 is an interleaved
 * Float64Array (re, im, re, im, …).
 */
import { Complex } from './complex';
import { DTypeError } from './errors';

/** The element types numts supports. `float64` is the default for floats. */
export type DType = 'bool' | 'uint8' | 'int32' | 'float32' | 'float64' | 'complex128';

/** The JavaScript storage of an array's elements. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

/** All dtype names, in promotion order. */
export const DTYPES: readonly DType[] = ['bool', 'uint8', 'int32', 'float32', 'float64', 'complex128'];

/** `true` for a dtype name numts knows. */
export function isDType(x: unknown): x is DType {
  switch (x) {
    case 'bool':
    case 'uint8':
    case 'int32':
    case 'float32':
    case 'float64':
    case 'complex128':
      return true;
    default:
      return false;
  }
}

/**
 * Validates a user-supplied dtype name; accepts NumPy aliases (`float`, `int`,
 * `int64`, `complex`, `double`).
 * @throws {DTypeError} for an unknown name.
 */
export function toDType(x: unknown): DType {
  if (isDType(x)) return x;
  const aliases: Record<string, DType> = {
    float: 'float64', double: 'float64', f8: 'float64', f4: 'float32', single: 'float32',
    int: 'int32', int64: 'int32', i4: 'int32', i8: 'int32', intp: 'int32',
    complex: 'complex128', c16: 'complex128', bool_: 'bool', u1: 'uint8',
  };
  if (typeof x === 'string' && x in aliases) return aliases[x];
  throw new DTypeError(`data type '${String(x)}' not understood`);
}

/**
 * Small arrays are carved out of shared 8 KB slabs. V8 keeps a typed array's
 * storage on its own heap only up to 64 bytes; anything larger gets a separate
 * backing store (malloc, external-memory accounting, a finalizer the GC must
 * sweep), which measured 300-900 ns per array on Node 20 against ~30 ns for a
 * view of an existing buffer. That cost dominated every op on 10-1000 element
 * arrays. The trade-off is Node's own `Buffer` pool's: a live small array keeps
 * its whole slab (at most 8 KB) reachable, and `a.data.buffer` may be shared
 * with other arrays (take `a.data.slice()` before transferring a buffer).
 * Slabs are never reused, so carved storage is zeroed as `new ArrayBuffer` is.
 */
const SLAB_BYTES = 8192;
/** Larger arrays get their own buffer (pooling them would pin slabs for little gain). */
const POOL_MAX_BYTES = 1024;
/** V8 allocates typed arrays up to this size on its heap, which is already cheap. */
const ON_HEAP_BYTES = 64;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/**
 * The offset of `bytes` (a multiple of 8) fresh zeroed bytes in {@link slab},
 * which a full slab replaces: read `slab` after the call, not in the same
 * argument list (`new Float64Array(slab, carve(b), n)` would view the old one).
 */
function carve(bytes: number): number {
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += bytes;
  return at;
}

/** Zeroed float64 storage for `n` values (pooled for small `n`, see {@link carve}). */
export function allocFloat64(n: number): Float64Array {
  const bytes = 8 * n;
  if (bytes <= ON_HEAP_BYTES || bytes > POOL_MAX_BYTES) return new Float64Array(n);
  const at = carve(bytes);
  return new Float64Array(slab, at, n);
}

/** Allocates zeroed storage for `n` elements of `dtype` (2n doubles for complex). */
export function allocate(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case 'float64':
      return allocFloat64(n);
    case 'complex128':
      return allocFloat64(2 * n);
    case 'float32': {
      const bytes = 4 * n;
      if (bytes <= ON_HEAP_BYTES || bytes > POOL_MAX_BYTES) return new Float32Array(n);
      const at = carve((bytes + 7) & ~7);
      return new Float32Array(slab, at, n);
    }
    case 'int32': {
      const bytes = 4 * n;
      if (bytes <= ON_HEAP_BYTES || bytes > POOL_MAX_BYTES) return new Int32Array(n);
      const at = carve((bytes + 7) & ~7);
      return new Int32Array(slab, at, n);
    }
    case 'uint8':
    case 'bool': {
      if (n <= ON_HEAP_BYTES || n > POOL_MAX_BYTES) return new Uint8Array(n);
      const at = carve((n + 7) & ~7);
      return new Uint8Array(slab, at, n);
    }
  }
}

/** dtype predicates. */
export const isComplexDType = (d: DType): boolean => d === 'complex128';
export const isFloatDType = (d: DType): boolean => d === 'float64' || d === 'float32';
/** Floating or complex: the dtypes whose results are inexact. */
export const isInexactDType = (d: DType): boolean => d === 'float64' || d === 'float32' || d === 'complex128';
export const isIntegerDType = (d: DType): boolean => d === 'int32' || d === 'uint8';
export const isBoolDType = (d: DType): boolean => d === 'bool';

const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, float32: 3, float64: 4, complex128: 5 };

/**
 * NumPy's `np.promote_types` restricted to our dtypes (with int32 standing in
 * for int64, so int32 + float32 → float64 as int64 + float32 does).
 * @example np.promoteTypes('uint8', 'float32')  // 'float32'
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  if ((a === 'int32' && b === 'float32') || (a === 'float32' && b === 'int32')) return 'float64';
  return RANK[a] >= RANK[b] ? a : b;
}

/** A scalar operand: JavaScript numbers and booleans are "weak" (NEP 50). */
export type Scalar = number | boolean | Complex;

/** The kind of a weak scalar: bool < int < float < complex. */
function scalarKind(x: Scalar): 0 | 1 | 2 | 3 {
  if (typeof x === 'boolean') return 0;
  if (x instanceof Complex) return 3;
  return Number.isInteger(x) ? 1 : 2;
}

/**
 * NumPy 2's `np.result_type` for arrays (strong dtypes) and Python scalars
 * (weak, NEP 50): a scalar only raises the result's *kind* (int → float →
 * complex), never its precision. A JavaScript number is an int when it is
 * integer-valued (JS cannot tell `2` from `2.0`) and a float otherwise.
 * @example np.resultType('float32', 2.5)  // 'float32'
 * @example np.resultType('int32', 2.5)    // 'float64'
 */
export function resultType(...operands: (DType | Scalar)[]): DType {
  let strong: DType | null = null;
  let weakKind = -1;
  for (const op of operands) {
    if (typeof op === 'string') strong = strong === null ? op : promoteTypes(strong, op);
    else weakKind = Math.max(weakKind, scalarKind(op));
  }
  if (strong === null) return (['bool', 'int32', 'float64', 'complex128'] as const)[Math.max(weakKind, 0)];
  if (weakKind === 3 && strong !== 'complex128') return 'complex128';
  if (weakKind === 2 && !isInexactDType(strong)) return 'float64';
  if (weakKind === 1 && strong === 'bool') return 'int32';
  return strong;
}

/** The dtype a floating-point function (sqrt, exp, divide) computes in: ints and bools become float64. */
export function inexactOf(d: DType): DType {
  return isInexactDType(d) ? d : 'float64';
}

/** NumPy's casting rules, from strictest to loosest (the `casting` keyword). */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

// NumPy's `np.can_cast(from, to, 'safe')` for our dtypes (int32 standing in for int64); rows = from, columns = to,
// both in DTYPES order. Checked against NumPy's own table in tests/core/dtype.test.ts (scripts/fixtures/core_dtype.py).
const SAFE: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1, 1],
  [0, 1, 1, 1, 1, 1],
  [0, 0, 1, 0, 1, 1],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 0, 1, 1],
  [0, 0, 0, 0, 0, 1],
];
// NumPy's kinds: b, u, i, f, c (signed and unsigned integers are different kinds).
const KIND: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, float32: 3, float64: 3, complex128: 4 };

/**
 * NumPy's `np.can_cast(from, to, casting)` for our dtypes. `same_kind` allows
 * casts within a kind (float64 → float32) and to a higher kind (int → float32),
 * but not to a lower one (float → int, int → uint8), as NumPy.
 * @example canCast('float64', 'float32', 'same_kind')  // true
 */
export function canCast(from: DType, to: DType, casting: Casting = 'safe'): boolean {
  switch (casting) {
    case 'no':
    case 'equiv':
      return from === to;
    case 'safe':
      return SAFE[RANK[from]][RANK[to]] === 1;
    case 'same_kind':
      // Any cast to the same or a higher kind (b < u < i < f < c): int → float32 yes, int → uint8 no.
      return KIND[from] <= KIND[to];
    case 'unsafe':
      return true;
    default:
      throw new DTypeError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'`);
  }
}

/**
 * Whether NumPy's `same_kind` casting allows `from` → `to` (used for `out=`
 * and in-place arithmetic: `intArr += 1.5` is an error, as in NumPy).
 */
export function canCastSameKind(from: DType, to: DType): boolean {
  return canCast(from, to, 'same_kind');
}

const INT32_MIN = -2147483648;

/**
 * Converts one JavaScript number to the value stored for `dtype`, with NumPy's
 * conversion results (C casts on x86-64): bools become 0/1 (NaN is truthy);
 * → int32 truncates toward zero, and NaN, ±inf and values outside the int32
 * range give -2147483648, as NumPy's float → int32 cast; → uint8 keeps the low
 * 8 bits of that int32 (300.0 → 44, -1 → 255; NaN and out-of-int32-range → 0,
 * as NumPy's float → uint8 cast on x86-64); → float32 rounds to nearest.
 */
export function castScalar(x: number, dtype: DType): number {
  switch (dtype) {
    case 'bool':
      return x !== 0 ? 1 : 0;
    case 'int32':
      return x >= INT32_MIN && x < 2147483648 ? x | 0 : INT32_MIN;
    case 'uint8':
      return x >= INT32_MIN && x < 2147483648 ? x & 255 : 0;
    case 'float32':
      return Math.fround(x);
    default:
      return x;
  }
}

/**
 * Throws when an operation is not defined for a dtype, with NumPy's ufunc wording
 * ("ufunc 'sin' not supported for the input types").
 */
export function unsupported(op: string, ...dtypes: DType[]): never {
  throw new DTypeError(`ufunc '${op}' not supported for the input types (${dtypes.join(', ')})`);
}
