/**
 * `np.format(value, spec)`: Python's `format(value, spec)`, i.e. what
 * `f"{value:spec}"` prints, for numbers, complex numbers, booleans, strings
 * and arrays. It follows CPython's `Python/formatter_unicode.c`: the spec is
 * parsed by `print/formatSpec.ts`, floats become text in `print/pyFloat.ts`
 * (correctly rounded, ties to even), and this file adds the sign, grouping,
 * zero padding and alignment.
 */
import { Complex } from './complex';
import { TypeError_, ValueError } from './errors';
import type { NDArray } from './ndarray';
import { formatArray } from './print';
import { parseFormatSpec, type FormatSpec } from './print/formatSpec';
import { pyDoubleToString } from './print/pyFloat';
import { pyComplexRepr, pyFloatRepr } from './print/scalar';

/** What {@link format} accepts. */
/** What {@link format} accepts; a plain number array is a shape, formatted as Python's tuple. */
export type Formattable = number | bigint | boolean | string | Complex | NDArray | readonly number[];

/**
 * CPython's `_PyUnicode_InsertThousandsGrouping`: separators every `size`
 * digits from the right, with leading zeros (grouped too) until the result
 * is at least `minWidth` long.
 */
function groupDigits(digits: string, sep: string, size: number, minWidth: number): string {
  if (!sep) return '0'.repeat(Math.max(minWidth - digits.length, 0)) + digits;
  const groups: string[] = [];
  let remaining = digits.length;
  let width = minWidth;
  for (;;) {
    const len = Math.min(size, Math.max(remaining, width, 1));
    const chars = Math.max(0, Math.min(remaining, len));
    const zeros = Math.max(0, len - remaining);
    groups.push('0'.repeat(zeros) + digits.slice(remaining - chars, remaining));
    remaining -= chars;
    width -= len;
    if (remaining <= 0 && width <= 0) break;
    width -= sep.length;
  }
  return groups.reverse().join(sep);
}

/** Pads `text` (whose first `head` characters are sign and prefix) to the spec's width. */
function pad(text: string, head: number, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  if (spec.width < 0) return text;
  const n = Array.from(text).length;
  if (spec.width <= n) return text;
  const fill = spec.fill.repeat(spec.width - n);
  switch (spec.align || defaultAlign) {
    case '<':
      return text + fill;
    case '^': {
      const left = Math.floor((spec.width - n) / 2);
      return spec.fill.repeat(left) + text + spec.fill.repeat(spec.width - n - left);
    }
    case '=':
      return text.slice(0, head) + fill + text.slice(head);
    default:
      return fill + text;
  }
}

/**
 * Sign, prefix, grouped integer digits and the rest (decimal point, fraction,
 * exponent, `%`), as CPython's `calc_number_widths` + `fill_number` lay them out.
 * `body` has no sign; `negative` says whether one is due.
 */
function renderNumber(negative: boolean, prefix: string, body: string, spec: FormatSpec, groupSize: number, withPadding = true): string {
  const sign = negative ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  let end = 0;
  while (end < body.length && ((body[end] >= '0' && body[end] <= '9') || (groupSize === 4 && /[a-fA-F]/.test(body[end])))) end++;
  const intDigits = body.slice(0, end);
  const rest = body.slice(end);
  const zeroPad = spec.fill === '0' && spec.align === '=' && withPadding;
  const minWidth = zeroPad ? spec.width - sign.length - prefix.length - rest.length : 0;
  const sep = spec.type === 'n' ? '' : spec.grouping;
  const grouped = intDigits.length === 0 ? '' : groupDigits(intDigits, sep, groupSize, minWidth);
  const text = sign + prefix + grouped + rest;
  return withPadding ? pad(text, sign.length + prefix.length, spec, '>') : text;
}

/** Python `float.__format__`. */
function formatFloat(x: number, spec: FormatSpec, typeName = 'float'): string {
  let type = spec.type;
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'].includes(type)) throw new ValueError(`Unknown format code '${type}' for object of type '${typeName}'`);
  const upper = type === 'E' || type === 'F' || type === 'G';
  let code = type.toLowerCase() as 'e' | 'f' | 'g' | 'r';
  let precision = spec.precision;
  let addDot0 = false;
  let suffix = '';
  if (type === '') {
    // The none type: repr() without a precision, else 'g' that keeps a digit after the point.
    addDot0 = true;
    code = 'r';
  } else if (type === 'n') code = 'g';
  if (type === '%') {
    code = 'f';
    x *= 100;
    suffix = '%';
  }
  if (precision < 0) precision = type === '' ? 0 : 6;
  else if (code === 'r') code = 'g';
  let text = pyDoubleToString(x, code, precision, { alternate: spec.alternate, addDot0, noNegZero: spec.noNegZero });
  if (upper) text = text.toUpperCase();
  const negative = text.startsWith('-');
  return renderNumber(negative, '', (negative ? text.slice(1) : text) + suffix, spec, 3);
}

/** Python `int.__format__` (also `bool`'s for a non-empty spec). */
function formatInt(v: bigint, spec: FormatSpec, typeName: string): string {
  const type = spec.type;
  if ('eEfFgG%'.includes(type)) return formatFloat(Number(v), spec, typeName);
  if (!['d', 'n', 'b', 'o', 'x', 'X', 'c'].includes(type)) throw new ValueError(`Unknown format code '${type}' for object of type '${typeName}'`);
  if (spec.precision >= 0) throw new ValueError('Precision not allowed in integer format specifier');
  if (spec.noNegZero) throw new ValueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (type === 'c') {
    if (spec.sign) throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new ValueError('Python int too large to convert to C long');
    if (v < 0n || v > 0x10ffffn) throw new ValueError('%c arg not in range(0x110000)');
    return pad(String.fromCodePoint(Number(v)), 0, spec, '>');
  }
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const base = type === 'b' ? 2 : type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  let digits = abs.toString(base);
  if (type === 'X') digits = digits.toUpperCase();
  const prefix = spec.alternate && base !== 10 ? `0${type}` : '';
  return renderNumber(negative, prefix, digits, spec, base === 10 ? 3 : 4);
}

/** Python `complex.__format__`. */
function formatComplex(z: Complex, spec: FormatSpec): string {
  if (spec.fill === '0') throw new ValueError('Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') throw new ValueError("'=' alignment flag is not allowed in complex format specifier");
  const type = spec.type;
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n'].includes(type)) throw new ValueError(`Unknown format code '${type}' for object of type 'complex'`);
  let code = (type === 'n' ? 'g' : type.toLowerCase()) as 'e' | 'f' | 'g' | 'r';
  let precision = spec.precision;
  let skipRe = false;
  let parens = false;
  if (type === '') {
    code = 'r';
    if (z.re === 0 && !Object.is(z.re, -0)) skipRe = true;
    else parens = true;
  }
  if (precision < 0) precision = type === '' ? 0 : 6;
  else if (code === 'r') code = 'g';
  const flags = { alternate: spec.alternate, noNegZero: spec.noNegZero };
  const upper = type === 'E' || type === 'F' || type === 'G';
  const part = (x: number, forceSign: boolean): string => {
    let text = pyDoubleToString(x, code, precision, flags);
    if (upper) text = text.toUpperCase();
    const negative = text.startsWith('-');
    return renderNumber(negative, '', negative ? text.slice(1) : text, forceSign ? { ...spec, sign: '+' } : spec, 3, false);
  };
  const re = skipRe ? '' : part(z.re, false);
  const im = part(z.im, !skipRe);
  const text = parens ? `(${re}${im}j)` : `${re}${im}j`;
  return pad(text, 0, spec, '>');
}

/** Python `str.__format__`. */
function formatString(s: string, spec: FormatSpec): string {
  if (spec.type !== 's') throw new ValueError(`Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign) throw new ValueError(`${spec.sign === ' ' ? 'Space' : 'Sign'} not allowed in string format specifier`);
  if (spec.noNegZero) throw new ValueError('Negative zero coercion (z) not allowed in string format specifier');
  if (spec.alternate) throw new ValueError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw new ValueError("'=' alignment not allowed in string format specifier");
  const text = spec.precision >= 0 ? Array.from(s).slice(0, spec.precision).join('') : s;
  return pad(text, 0, spec, '<');
}

function isArray(x: unknown): x is NDArray {
  return typeof x === 'object' && x !== null && 'strides' in x && 'dtype' in x && 'data' in x && 'shape' in x;
}

/** A value with its Python type made explicit. */
type PyValue =
  | { type: 'float'; value: number }
  | { type: 'int'; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'complex'; value: Complex }
  | { type: 'str'; value: string };

/** The Python type of a JavaScript value; a 0-d array gives the scalar NumPy's `__format__` hands on. */
function pythonValue(value: Formattable): PyValue | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && !Object.is(value, -0) ? { type: 'int', value: BigInt(value) } : { type: 'float', value };
  }
  if (typeof value === 'bigint') return { type: 'int', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'string') return { type: 'str', value };
  if (value instanceof Complex) return { type: 'complex', value };
  if (isArray(value) && value.ndim === 0) {
    const p = value.offset;
    switch (value.dtype) {
      case 'bool':
        return { type: 'bool', value: value.data[p] !== 0 };
      case 'int32':
      case 'uint8':
        return { type: 'int', value: BigInt(value.data[p]) };
      case 'complex128':
        return { type: 'complex', value: new Complex(value.data[2 * p], value.data[2 * p + 1]) };
      default:
        return { type: 'float', value: value.data[p] };
    }
  }
  return null;
}

/** Python's `format` of a typed value. */
function formatPython(v: PyValue, spec: string): string {
  switch (v.type) {
    case 'float':
      return spec === '' ? pyFloatRepr(v.value) : formatFloat(v.value, parseFormatSpec(spec, 'float', '', '>'));
    case 'int':
      return spec === '' ? v.value.toString() : formatInt(v.value, parseFormatSpec(spec, 'int', 'd', '>'), 'int');
    case 'bool':
      return spec === '' ? (v.value ? 'True' : 'False') : formatInt(v.value ? 1n : 0n, parseFormatSpec(spec, 'bool', 'd', '>'), 'bool');
    case 'complex':
      return spec === '' ? pyComplexRepr(v.value.re, v.value.im) : formatComplex(v.value, parseFormatSpec(spec, 'complex', '', '>'));
    case 'str':
      return spec === '' ? v.value : formatString(v.value, parseFormatSpec(spec, 'str', 's', '<'));
  }
}

/**
 * Python's `format(value, spec)`, the text of `f"{value:spec}"`: the
 * format-spec mini-language `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
 * with types `e E f F g G n %` (floats), `d n b o x X c` (integers), `s`
 * (strings), grouping `,`/`_`, rounding exactly as Python (correctly rounded
 * from the binary value, ties to even: `'.2f'` of 2.675 is `2.67`).
 *
 * Python types of JavaScript values: a number that is a safe integer (and not
 * -0) is an `int`, every other number a `float` (use a float type such as
 * `'.1f'` or `'g'` to show an integral value as a float); a bigint is an
 * `int`; a boolean a `bool`; a `Complex` a `complex`; a string a `str`. An
 * array formats as NumPy's: a 0-d array as its element (floats as Python
 * floats), any other array only with the empty spec, as `String(a)`. A plain
 * JavaScript number array is taken for what numts returns it for, a shape
 * (`a.shape`, `a.strides`), and formats as Python's tuple: `f"{a.shape}"` is
 * `` `${np.format(a.shape)}` `` → `(4, 3)`.
 * @throws {ValueError} for a malformed spec or one the type does not accept, with CPython's message.
 * @throws {TypeError} for a non-empty spec with an n-d array, or an unsupported value.
 * @example
 * np.format(0.97456, '.4f');   // '0.9746'
 * np.format(0.1667, '.2%');    // '16.67%'
 * np.format(4816896, ',');     // '4,816,896'
 * np.format(-0.0001, '.3f');   // '-0.000'
 * np.format(2.675, '.2f');     // '2.67'
 * np.format(5, '2d');          // ' 5'
 * np.format(new np.Complex(1, 2), '.1f'); // '1.0+2.0j'
 * np.format(np.array([1, 2]), ''); // '[1 2]'
 * np.format(np.zeros([4, 3]).shape); // '(4, 3)'
 */
export function format(value: Formattable, spec = ''): string {
  if (typeof spec !== 'string') throw new TypeError_(`format() argument 2 must be str, not ${typeof spec}`);
  const v = pythonValue(value);
  if (v) return formatPython(v, spec);
  if (isArray(value)) {
    if (spec !== '') throw new TypeError_('unsupported format string passed to numpy.ndarray.__format__');
    return formatArray(value);
  }
  if (Array.isArray(value)) {
    if (spec !== '') throw new TypeError_('unsupported format string passed to tuple.__format__');
    if (!value.every((d) => typeof d === 'number')) throw new TypeError_('format() formats number arrays (shapes) only');
    return value.length === 1 ? `(${format(value[0])},)` : `(${value.map((d) => format(d)).join(', ')})`;
  }
  throw new TypeError_(`format() does not know how to format ${value === null ? 'null' : typeof value}`);
}
