/**
 * Scalars as Python and NumPy print them: `repr(float)` (`0.1`, `1e-05`,
 * `1e+16`, `5.0`, `-0.0`, `inf`, `nan`), `str(complex)` (`(1+2j)`, `-0j`,
 * `(nan+infj)`), and the `str` of NumPy's scalar types, which is what a 0-d
 * array prints (float32 switches to scientific notation from 1e6 on).
 */
import type { DType, TypedArray } from '../dtype';
import { shortestDigits } from './digits';
import { formatPositional, formatScientific } from './floatText';

/**
 * CPython's `float_repr_style = 'short'` layout of the shortest digits:
 * positional for `1e-4 <= |x| < 1e16`, else `d.ddde±XX`. `dot0` adds the `.0`
 * that `repr(float)` shows for integral values (Python's `Py_DTSF_ADD_DOT_0`).
 */
function pythonShort(x: number, dot0: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + (dot0 ? '0.0' : '0');
  const { digits, exp } = shortestDigits(Math.abs(x));
  const decpt = exp + 1;
  if (decpt <= -4 || decpt > 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length) + (dot0 ? '.0' : '');
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * Python's `repr(x)` (and `str(x)`) of a float: the shortest digits that
 * read back as `x`.
 * @example
 * pyFloatRepr(5);     // '5.0'
 * pyFloatRepr(1e-5);  // '1e-05'
 * pyFloatRepr(1e16);  // '1e+16'
 * pyFloatRepr(-0);    // '-0.0'
 */
export function pyFloatRepr(x: number): string {
  return pythonShort(x, true);
}

/**
 * Python's `repr(complex(re, im))`: `(1+2j)`, just `2j` when the real part is
 * +0, parts without a forced `.0`, and `nan` never signed except as the
 * imaginary part's `+`.
 * @example
 * pyComplexRepr(1, 2);    // '(1+2j)'
 * pyComplexRepr(0, -0);   // '-0j'
 * pyComplexRepr(-0, 1);   // '(-0+1j)'
 */
export function pyComplexRepr(re: number, im: number): string {
  const imText = Number.isNaN(im) ? 'nan' : pythonShort(im, false);
  if (re === 0 && !Object.is(re, -0)) return `${imText}j`;
  const reText = Number.isNaN(re) ? 'nan' : pythonShort(re, false);
  const signed = imText.startsWith('-') ? imText : `+${imText}`;
  return `(${reText}${signed}j)`;
}

/**
 * `str(np.float32(x))`: shortest float32 digits, positional with at least one
 * fraction digit for `1e-4 <= |x| < 1e6`, otherwise scientific without a
 * trailing point (`1e+06`, `1.5e-07`).
 */
export function float32Str(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < 1e6)) return formatPositional(x, { trim: '0', float32: true, fractional: false });
  return formatScientific(x, { trim: '-', float32: true });
}

/**
 * NumPy's `str` of the scalar stored at buffer position `p` (what a 0-d array
 * prints): `True`, `5`, `0.1`, `(1+2j)`.
 */
export function scalarStr(data: TypedArray, dtype: DType, p: number): string {
  switch (dtype) {
    case 'bool':
      return data[p] ? 'True' : 'False';
    case 'int32':
    case 'uint8':
      return String(data[p]);
    case 'float32':
      return float32Str(data[p]);
    case 'float64':
      return pyFloatRepr(data[p]);
    case 'complex128':
      return pyComplexRepr(data[2 * p], data[2 * p + 1]);
  }
}
