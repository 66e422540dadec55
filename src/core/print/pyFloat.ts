/**
 * CPython's float-to-text core, `PyOS_double_to_string` (`Python/pystrtod.c`,
 * `format_float_short`): the digits of `'e'`, `'f'`, `'g'` and `'r'` (repr)
 * formatting, correctly rounded from the binary value with ties to even (as
 * David Gay's `dtoa` modes 2 and 3 round), then laid out with Python's rules
 * for exponents, trailing zeros and the decimal point.
 */
import { floatDigits, isMultiple, shortestDigits } from './digits';

/** Options of {@link pyDoubleToString} (CPython's `Py_DTSF_*` flags). */
export interface PyFloatFlags {
  /** `#`: keep the decimal point (and, for `'g'`, trailing zeros). */
  alternate?: boolean;
  /** Add `.0` to integral fixed-point output (`repr(5.0)` is `5.0`; also the none type with a precision). */
  addDot0?: boolean;
  /** `z`: drop the sign of a value that rounds to zero. */
  noNegZero?: boolean;
}

/**
 * Correctly rounded digits from `toFixed`/`toExponential` (exact in
 * ECMA-262, but ties go away from zero): an exact tie at the rounding
 * position is moved to the even neighbour. Null when the built-ins cannot
 * answer (too many digits, or `toFixed` past 1e21).
 */
function roundedText(a: number, code: 'e' | 'f' | 'g', precision: number): { digits: string; exp: number } | null {
  let mant: string;
  let exp: number;
  let position: number;
  if (code === 'f') {
    if (a >= 1e21 || precision > 100) return null;
    const text = a.toFixed(precision);
    const dot = text.indexOf('.');
    const intPart = dot < 0 ? text : text.slice(0, dot);
    mant = intPart + (dot < 0 ? '' : text.slice(dot + 1));
    let lead = 0;
    while (lead < mant.length - 1 && mant.charCodeAt(lead) === 48) lead++;
    mant = mant.slice(lead);
    exp = intPart.length - 1 - lead;
    position = -precision;
  } else {
    const sig = code === 'e' ? precision + 1 : precision;
    if (sig > 101) return null;
    const text = a.toExponential(sig - 1);
    const e = text.indexOf('e');
    mant = text[0] + text.slice(2, e);
    exp = Number(text.slice(e + 1));
    // After a carry to the next power of ten the position is off by one, but then there is no tie.
    position = exp - (sig - 1);
  }
  const last = mant.charCodeAt(mant.length - 1) - 48;
  if (last % 2 === 1) {
    const tie = isMultiple(a, position, true);
    if (tie === null) return null;
    if (tie) mant = mant.slice(0, -1) + String.fromCharCode(48 + last - 1);
  }
  return { digits: mant, exp };
}

/** The value's digits (no trailing zeros) and `decpt`, the position of the decimal point. */
function digitsFor(a: number, code: 'e' | 'f' | 'g' | 'r', precision: number): { digits: string; decpt: number } {
  if (a === 0) return { digits: '0', decpt: 1 };
  const d =
    code === 'r'
      ? shortestDigits(a)
      : (roundedText(a, code, precision) ??
        (code === 'f'
          ? floatDigits(a, { unique: false, cutoffMode: 'fraction', cutoffMax: precision, cutoffMin: -1, float32: false })
          : floatDigits(a, { unique: false, cutoffMode: 'total', cutoffMax: code === 'e' ? precision + 1 : precision, cutoffMin: -1, float32: false })));
  let end = d.digits.length;
  while (end > 1 && d.digits.charCodeAt(end - 1) === 48) end--;
  const digits = d.digits.slice(0, end);
  // A value that rounds to zero prints as zero.
  return digits === '0' ? { digits: '0', decpt: 1 } : { digits, decpt: d.exp + 1 };
}

/**
 * `x` as Python formats it with presentation type `code` and `precision`
 * (`'g'` with precision 0 means 1; `'r'` ignores precision). The sign is
 * `'-'` for negative values (and -0.0), nothing otherwise; `inf`, `nan` in
 * lower case (the caller upper-cases for `E`, `F`, `G`).
 * @example
 * pyDoubleToString(2.675, 'f', 2);             // '2.67'
 * pyDoubleToString(1e-5, 'r', 0, { addDot0: true }); // '1e-05'
 * pyDoubleToString(100, 'g', 3, { addDot0: true });  // '1e+02'
 */
export function pyDoubleToString(x: number, code: 'e' | 'f' | 'g' | 'r', precision: number, flags: PyFloatFlags = {}): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const alt = flags.alternate ?? false;
  const dot0 = flags.addDot0 ?? false;
  if (code === 'g' && precision === 0) precision = 1;
  const { digits, decpt: rawDecpt } = digitsFor(Math.abs(x), code, precision);
  let negative = x < 0 || Object.is(x, -0);
  if (flags.noNegZero && digits === '0') negative = false;
  let decpt = rawDecpt;
  let useExp = false;
  let vEnd = digits.length;
  switch (code) {
    case 'e':
      useExp = true;
      vEnd = precision + 1;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      useExp = decpt <= -4 || decpt > (dot0 ? precision - 1 : precision);
      if (alt) vEnd = precision;
      break;
    case 'r':
      useExp = decpt <= -4 || decpt > 16;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  // Pad with zeros on the right so that decpt <= vEnd (< vEnd when a ".0" is wanted);
  // a point left of the digits gets "0." and zeros on the left.
  vEnd = !useExp && dot0 ? Math.max(vEnd, decpt + 1) : Math.max(vEnd, decpt);
  let s = negative ? '-' : '';
  if (decpt <= 0) s += `0.${'0'.repeat(-decpt)}`;
  if (decpt > 0 && decpt <= digits.length) s += `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  else s += digits;
  if (digits.length < decpt) s += `${'0'.repeat(decpt - digits.length)}.${'0'.repeat(vEnd - decpt)}`;
  else s += '0'.repeat(Math.max(vEnd - digits.length, 0));
  if (s.endsWith('.') && !alt) s = s.slice(0, -1);
  if (useExp) s += `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return s;
}
