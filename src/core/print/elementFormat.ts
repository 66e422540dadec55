/**
 * Element formatters by dtype (NumPy's `_get_format_function`): integers
 * right-aligned to a common width (`IntegerFormat`), booleans as ` True` /
 * `False` (`BoolFormat`), floats and complex through `floatFormat.ts`. Each
 * is built from the elements that will be shown and then formats one buffer
 * position at a time.
 */
import type { DType, TypedArray } from '../dtype';
import { ComplexFormatter, FloatFormatter } from './floatFormat';
import type { PrintOptions } from './options';

/** Formats the element stored at buffer position `p` (complex: element index, not double index). */
export type ElementFormatter = (p: number) => string;

/** Python's `str(int)` with the `sign` option applied (`'+'`/`' '` for non-negative). */
function intText(v: number, sign: PrintOptions['sign']): string {
  return v >= 0 && sign !== '-' ? sign + String(v) : String(v);
}

/**
 * The formatter for `data` (of `dtype`) given the buffer positions of the
 * elements that will be printed.
 * @param zeroDim the array is 0-d (booleans then print without the alignment space)
 */
export function elementFormatter(
  data: TypedArray,
  dtype: DType,
  positions: readonly number[],
  opts: PrintOptions,
  zeroDim: boolean,
): ElementFormatter {
  switch (dtype) {
    case 'bool': {
      const t = zeroDim ? 'True' : ' True';
      return (p) => (data[p] ? t : 'False');
    }
    case 'int32':
    case 'uint8': {
      // NumPy's IntegerFormat: width from str(max) and str(min), sign=' ' only when nothing is negative.
      let max = -Infinity;
      let min = Infinity;
      for (const p of positions) {
        const v = data[p];
        if (v > max) max = v;
        if (v < min) min = v;
      }
      let sign = opts.sign;
      let width = 0;
      if (positions.length > 0) {
        if (sign === ' ' && min < 0) sign = '-';
        width = Math.max(String(max).length + (max >= 0 && sign !== '-' ? 1 : 0), String(min).length);
      }
      return (p) => intText(data[p], sign).padStart(width);
    }
    case 'float32':
    case 'float64': {
      const values = new Float64Array(positions.length);
      positions.forEach((p, i) => (values[i] = data[p]));
      const f = new FloatFormatter(values, opts, dtype === 'float32');
      return (p) => f.format(data[p]);
    }
    case 'complex128': {
      const re = new Float64Array(positions.length);
      const im = new Float64Array(positions.length);
      positions.forEach((p, i) => {
        re[i] = data[2 * p];
        im[i] = data[2 * p + 1];
      });
      const f = new ComplexFormatter(re, im, opts);
      return (p) => f.format(data[2 * p], data[2 * p + 1]);
    }
  }
}
