/**
 * Printing arrays exactly as NumPy 2 does: `String(a)` / `console.log(a)` is
 * NumPy's `str(a)` (what `print(a)` shows) and {@link repr} is `repr(a)`.
 * The pieces live in `print/`: digit generation (`dragon4.ts`, `digits.ts`),
 * one float as text (`floatText.ts`), column formatters (`floatFormat.ts`,
 * `elementFormat.ts`), bracket layout (`layout.ts`), scalars (`scalar.ts`)
 * and the options (`options.ts`).
 */
import { Complex } from './complex';
import type { DType } from './dtype';
import { TypeError_ } from './errors';
import type { NDArray } from './ndarray';
import { elementFormatter } from './print/elementFormat';
import { layoutArray, shownPositions } from './print/layout';
import { currentPrintOptions } from './print/options';
import { pyComplexRepr, pyFloatRepr, scalarStr } from './print/scalar';

export { getPrintoptions, printoptions, resetPrintoptions, setPrintoptions, type FloatMode, type PrintOptions } from './print/options';
export { pyComplexRepr, pyFloatRepr } from './print/scalar';

/** NumPy's `array2string` for a non-empty array: elements formatted, laid out and wrapped. */
function array2string(a: NDArray, separator: string, prefix: string, suffix: string): string {
  const opts = currentPrintOptions();
  if (a.size === 0) return '[]';
  const summarise = a.size > opts.threshold;
  const positions = shownPositions(a, opts.edgeitems, summarise);
  const format = elementFormatter(a.data, a.dtype, positions, opts, a.ndim === 0);
  return layoutArray(a, format, {
    lineWidth: opts.linewidth - suffix.length,
    nextLinePrefix: ' ' + ' '.repeat(prefix.length),
    separator,
    edgeItems: opts.edgeitems,
    summarise,
  });
}

/**
 * NumPy's `str(a)`, what `print(a)` shows: `[1. 2. 3.]`, `[[1 2]\n [3 4]]`,
 * `[ True False]`, `[1.+2.j 0.-1.j]`; a 0-d array prints as its scalar.
 * `String(a)` and `console.log(a)` call this.
 * @example
 * formatArray(np.array([0.5, 1, -0]));  // '[ 0.5  1.  -0. ]'
 */
export function formatArray(a: NDArray): string {
  if (a.ndim === 0) return scalarStr(a.data, a.dtype, a.offset);
  return array2string(a, ' ', '', '');
}

/** The dtype name NumPy's repr shows (our int32 stands in for NumPy's int64). */
function numpyDTypeName(d: DType): string {
  return d === 'int32' ? 'int64' : d;
}

/** dtypes whose repr needs no `dtype=` (NumPy's `_typelessdata`: int64, float64, complex128, bool). */
const IMPLIED: ReadonlySet<DType> = new Set<DType>(['int32', 'float64', 'complex128', 'bool']);

/** Python's tuple repr of a shape: `()`, `(3,)`, `(2, 3)`. */
function shapeTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * NumPy's `repr(a)`: `array([1., 2.])`, `array([1, 2], dtype=uint8)`,
 * `array([], shape=(0, 3), dtype=float64)`, `array([0., 1., ..., 2.], shape=(2000,))`.
 * @example
 * reprArray(np.array([1, 2], 'float32'));  // 'array([1., 2.], dtype=float32)'
 */
export function reprArray(a: NDArray): string {
  const opts = currentPrintOptions();
  const prefix = 'array(';
  const body = array2string(a, ', ', prefix, ')');
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > opts.threshold) extras.push(`shape=${shapeTuple(a.shape)}`);
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${numpyDTypeName(a.dtype)}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(', ')})`;
  // Extras go on a new line when they would push the last line past the line width.
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer = lastLine + tail.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return head + spacer + tail;
}

function isArray(x: unknown): x is NDArray {
  return typeof x === 'object' && x !== null && 'strides' in x && 'dtype' in x && 'data' in x && 'shape' in x;
}

/**
 * Python's `repr` for what numts hands out: an array prints as NumPy's
 * `repr(a)`; a number as Python's `repr(float)` (`5.0`, `1e-05`, `-0.0`: a JS
 * number is a float here; use `String(n)` for integer text); a `Complex` as
 * Python's complex (`(1+2j)`); a boolean as `True`/`False`; a bigint as an int.
 * @throws {TypeError} for other values.
 * @example
 * np.repr(np.array([[1, 2], [3, 4]]));  // 'array([[1, 2],\n       [3, 4]])'
 * np.repr(np.array([0.1, 2], 'float32')); // 'array([0.1, 2. ], dtype=float32)'
 * np.repr(0.1 + 0.2);                   // '0.30000000000000004'
 * np.repr(1e-5);                        // '1e-05'
 */
export function repr(x: NDArray | number | boolean | bigint | Complex): string {
  if (isArray(x)) return reprArray(x);
  if (typeof x === 'number') return pyFloatRepr(x);
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'bigint') return x.toString();
  if (x instanceof Complex) return pyComplexRepr(x.re, x.im);
  throw new TypeError_(`repr() does not know how to show ${x === null ? 'null' : typeof x}`);
}
