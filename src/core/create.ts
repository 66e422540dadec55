/**
 * Creating arrays from a shape or a range: zeros, ones, full, empty, eye,
 * identity, arange, linspace, logspace and the `*Like` variants.
 */
import { Complex } from './complex';
import { allocate, castScalar, resultType, toDType, type DType } from './dtype';
import { TypeError_, ValueError } from './errors';
import { asarray } from './convert';
import type { ArrayLike } from './methods';
import { NDArray } from './ndarray';
import { checkShape } from './shape';

/** A shape argument: one length or a list of lengths. */
export type ShapeLike = number | readonly number[];

function toShape(shape: ShapeLike): number[] {
  return checkShape(typeof shape === 'number' ? [shape] : shape);
}

function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * A new array of `shape` filled with zeros.
 * @param shape `n` or `[d0, d1, …]`.
 * @throws {ValueError} for negative or non-integer dimensions.
 * @example np.zeros([2, 3])  // [[0. 0. 0.] [0. 0. 0.]]
 */
export function zeros(shape: ShapeLike, dtype: DType | string = 'float64'): NDArray {
  const s = toShape(shape);
  const d = toDType(dtype);
  return new NDArray(allocate(d, sizeOfShape(s)), s, d, undefined, 0, null, true); // s: checkShape's fresh copy
}

/**
 * A new array of `shape` filled with `value`; the dtype is inferred from the
 * value (NumPy's `np.full`) unless given.
 * @example np.full([2], 7)  // [7 7]
 */
export function full(shape: ShapeLike, value: number | boolean | Complex, dtype?: DType | string): NDArray {
  const d = dtype === undefined ? resultType(value) : toDType(dtype);
  const a = zeros(shape, d);
  if (d === 'complex128') {
    const c = value instanceof Complex ? value : new Complex(Number(value));
    for (let i = 0; i < a.data.length; i += 2) {
      a.data[i] = c.re;
      a.data[i + 1] = c.im;
    }
  } else {
    if (value instanceof Complex) throw new ValueError(`cannot fill a ${d} array with a complex value`);
    a.data.fill(castScalar(Number(value), d));
  }
  return a;
}

/** A new array of ones. @example np.ones(3)  // [1. 1. 1.] */
export function ones(shape: ShapeLike, dtype: DType | string = 'float64'): NDArray {
  return full(shape, 1, toDType(dtype));
}

/**
 * NumPy's `np.empty`; numts always zero-fills (typed arrays are zeroed by the engine anyway).
 * @throws {ValueError} for negative dimensions.
 * @example np.empty([2]).shape  // [2]
 */
export function empty(shape: ShapeLike, dtype: DType | string = 'float64'): NDArray {
  return zeros(shape, dtype);
}

/**
 * Zeros with the shape (and dtype, unless given) of `a`.
 * @example np.zerosLike([[1, 2]])  // [[0 0]]
 */
export function zerosLike(a: ArrayLike, dtype?: DType | string): NDArray {
  const x = asarray(a);
  return zeros(x.shape, dtype ?? x.dtype);
}
/**
 * Ones with the shape (and dtype, unless given) of `a`.
 * @example np.onesLike(np.zeros([2]))  // [1. 1.]
 */
export function onesLike(a: ArrayLike, dtype?: DType | string): NDArray {
  const x = asarray(a);
  return ones(x.shape, dtype ?? x.dtype);
}
/**
 * `value` everywhere, with the shape (and dtype, unless given) of `a`; the value is cast to that dtype.
 * @example np.fullLike([1, 2], 0.5)  // [0 0]
 */
export function fullLike(a: ArrayLike, value: number | boolean | Complex, dtype?: DType | string): NDArray {
  const x = asarray(a);
  return full(x.shape, value, dtype ?? x.dtype);
}
/** NumPy's `empty_like` (zero-filled). @example np.emptyLike([1, 2]).shape  // [2] */
export function emptyLike(a: ArrayLike, dtype?: DType | string): NDArray {
  const x = asarray(a);
  return zeros(x.shape, dtype ?? x.dtype);
}

/**
 * An `n × m` matrix with ones on diagonal `k` (NumPy's `np.eye`).
 * @example np.eye(2)  // [[1. 0.] [0. 1.]]
 */
export function eye(n: number, m?: number | null, k = 0, dtype: DType | string = 'float64'): NDArray {
  const cols = m ?? n;
  if (!Number.isInteger(k)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
  const a = zeros([n, cols], dtype);
  const one = a.dtype === 'complex128' ? 2 : 1;
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) a.data[(i * cols + j) * one] = 1;
  }
  return a;
}

/** The `n × n` identity matrix. @example np.identity(2)  // [[1. 0.] [0. 1.]] */
export function identity(n: number, dtype: DType | string = 'float64'): NDArray {
  return eye(n, n, 0, dtype);
}

/**
 * Evenly spaced values in `[start, stop)` (NumPy's `np.arange`): `arange(5)`,
 * `arange(1, 4)`, `arange(0, 1, 0.25)`. Integer arguments give an int array.
 * @throws {ValueError} for a zero step ("Maximum allowed size exceeded").
 * @example np.arange(0, 1, 0.25)  // [0.   0.25 0.5  0.75]
 */
export function arange(start: number, stop?: number | null, step = 1, dtype?: DType | string): NDArray {
  let lo = start;
  let hi = stop;
  if (hi === undefined || hi === null) {
    hi = start;
    lo = 0;
  }
  if (step === 0) throw new ValueError('division by zero');
  const len = Math.ceil((hi - lo) / step);
  if (Number.isNaN(len)) throw new ValueError('arange: cannot compute length');
  if (len > 2 ** 31 - 1) throw new ValueError('Maximum allowed size exceeded');
  const n = Math.max(0, len);
  const d = dtype === undefined ? resultType(lo, hi, step) : toDType(dtype);
  const a = zeros(n, d);
  // NumPy stores the first two values in the target dtype and fills x[i] = x0 + i*delta with
  // delta = x1 - x0, in that dtype's arithmetic. For float64 this differs from start + i*step in the
  // last bit for most non-integer starts (arange(1, 2, 0.1)[5] is 1.5000000000000004).
  const x0 = castScalar(lo, d === 'complex128' ? 'float64' : d);
  const x1 = castScalar(lo + step, d === 'complex128' ? 'float64' : d);
  const delta = d === 'float32' ? Math.fround(x1 - x0) : x1 - x0;
  for (let i = 0; i < n; i++) {
    const v = i === 0 ? x0 : d === 'float32' ? x0 + Math.fround(i * delta) : x0 + i * delta;
    if (d === 'complex128') a.data[2 * i] = v;
    else a.data[i] = castScalar(v, d);
  }
  return a;
}

/** Options of {@link linspace}. */
export interface LinspaceOptions {
  /** Include `stop` (default true). */
  endpoint?: boolean;
  dtype?: DType | string;
}

/**
 * `num` evenly spaced samples over `[start, stop]` (NumPy's `np.linspace`,
 * computed the same way: `i * step + start`, last value set to `stop`).
 * @throws {ValueError} for a negative `num`.
 * @example np.linspace(0, 1, 5)  // [0.   0.25 0.5  0.75 1.  ]
 */
export function linspace(start: number, stop: number, num = 50, opts: LinspaceOptions = {}): NDArray {
  if (!Number.isInteger(num)) throw new TypeError_(`'float' object cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = opts.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const out = new Float64Array(num);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) {
    // NumPy: if step == 0 it divides first (y / div * delta), else y * step; then adds start.
    out[i] = (div > 0 && step === 0 ? (i / div) * delta : div > 0 ? i * step : i * delta) + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  const a = new NDArray(out, [num], 'float64');
  if (opts.dtype === undefined) return a;
  const d = toDType(opts.dtype);
  // NumPy floors (not truncates) before an integer cast: linspace(-1, 0, 3, dtype=int) is [-1 -1 0].
  if (d === 'int32' || d === 'uint8') for (let i = 0; i < num; i++) out[i] = Math.floor(out[i]);
  return castTo(a, d);
}

/**
 * `base ** linspace(start, stop, num)` (NumPy's `np.logspace`).
 * @throws {ValueError} for a negative `num`.
 * @example np.logspace(0, 2, 3)  // [  1.  10. 100.]
 */
export function logspace(start: number, stop: number, num = 50, opts: LinspaceOptions & { base?: number } = {}): NDArray {
  const lin = linspace(start, stop, num, { endpoint: opts.endpoint });
  const base = opts.base ?? 10;
  for (let i = 0; i < num; i++) lin.data[i] = Math.pow(base, lin.data[i]);
  return opts.dtype === undefined ? lin : castTo(lin, toDType(opts.dtype));
}

function castTo(a: NDArray, d: DType): NDArray {
  if (d === a.dtype) return a;
  const out = allocate(d, a.size);
  for (let i = 0; i < a.size; i++) {
    if (d === 'complex128') out[2 * i] = a.data[i];
    else out[i] = castScalar(a.data[i], d);
  }
  return new NDArray(out, a.shape, d);
}
