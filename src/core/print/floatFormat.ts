/**
 * Column formatters for float and complex elements: NumPy's `FloatingFormat`
 * and `ComplexFloatingFormat` (`numpy/_core/arrayprint.py`). A formatter looks
 * at every element that will be shown once, chooses positional or scientific
 * notation and the digit counts, and then prints each element padded to one
 * common width, so that columns line up and the decimal points align.
 */
import { formatPositional, formatScientific, type Trim } from './floatText';
import type { FloatMode, PrintOptions } from './options';

/** The options a float formatter reads. */
export type FloatFormatOptions = Pick<PrintOptions, 'precision' | 'floatmode' | 'suppress' | 'sign' | 'nanstr' | 'infstr'>;

const isNegative = (x: number): boolean => x < 0 || Object.is(x, -0);

/** NumPy's `FloatingFormat`: one notation and width for all `values`. */
export class FloatFormatter {
  private readonly floatmode: FloatMode;
  private readonly sign: PrintOptions['sign'];
  private readonly nanstr: string;
  private readonly infstr: string;
  private readonly float32: boolean;
  private precision: number;
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private trim: Trim = '.';
  private expSize = -1;
  private unique = true;
  private minDigits = -1;

  /**
   * @param values every element that will be printed (NaN and ±Inf included)
   * @param float32 the values are float32 (their own shortest digits, and
   *   scientific notation from 1e6 on, NumPy's `10**min(8, finfo.precision)`)
   */
  constructor(values: ArrayLike<number>, opts: FloatFormatOptions, float32 = false) {
    this.floatmode = opts.floatmode;
    this.sign = opts.sign;
    this.nanstr = opts.nanstr;
    this.infstr = opts.infstr;
    this.float32 = float32;
    this.precision = opts.floatmode === 'unique' ? -1 : opts.precision;
    this.fill(values, opts.suppress);
  }

  /** NumPy's `fillFormat`: a first pass over the values fixes notation, digits and padding. */
  private fill(values: ArrayLike<number>, suppress: boolean): void {
    const finite: number[] = [];
    let max = -Infinity;
    let min = Infinity;
    let nonFinite = false;
    let negInf = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) {
        nonFinite = true;
        if (v === -Infinity) negInf = true;
        continue;
      }
      finite.push(v);
      const a = Math.abs(v);
      if (a !== 0) {
        if (a > max) max = a;
        if (a < min) min = a;
      }
    }
    if (max > 0) {
      // float32 compares in float32: NumPy's Python-float cutoffs are cast to the array's type (NEP 50).
      const f32 = this.float32;
      const cutoffMax = f32 ? 1e6 : 1e8;
      const tiny = f32 ? Math.fround(1e-4) : 1e-4;
      const ratio = f32 ? Math.fround(max / min) : max / min;
      this.expFormat = max >= cutoffMax || (!suppress && (min < tiny || ratio > 1000));
    }
    const plus = this.sign === '+';
    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = '.';
      this.expSize = -1;
      this.unique = true;
      this.minDigits = -1;
    } else if (this.expFormat) {
      const fixed = this.floatmode === 'fixed';
      const trim: Trim = fixed ? 'k' : '.';
      this.unique = !fixed;
      let intLen = 0;
      let fracLen = 0;
      let expLen = 0;
      for (const v of finite) {
        const s = formatScientific(v, { precision: this.precision, unique: this.unique, trim, sign: plus, float32: this.float32 });
        const e = s.indexOf('e');
        const dot = s.indexOf('.');
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, e - dot - 1);
        expLen = Math.max(expLen, s.length - e - 1);
      }
      this.expSize = expLen - 1;
      this.trim = 'k';
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      const fixed = this.floatmode === 'fixed';
      const trim: Trim = fixed ? 'k' : '.';
      this.unique = !fixed;
      let intLen = 0;
      let fracLen = 0;
      for (const v of finite) {
        const s = formatPositional(v, { precision: this.precision, unique: this.unique, trim, sign: plus, float32: this.float32 });
        const dot = s.indexOf('.');
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, s.length - dot - 1);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      this.expSize = -1;
      if (this.floatmode === 'fixed' || this.floatmode === 'maxprec_equal') {
        this.precision = this.minDigits = this.padRight;
        this.trim = 'k';
      } else {
        this.trim = '.';
        this.minDigits = 0;
      }
    }
    // sign=' ' leaves room for a sign when no value has one.
    if (this.sign === ' ' && !finite.some(isNegative)) this.padLeft += 1;
    if (nonFinite) {
      const neg = this.sign !== '-' || negInf ? 1 : 0;
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, this.nanstr.length - offset, this.infstr.length + neg - offset);
    }
  }

  /** One element, padded to the common width. */
  format(x: number): string {
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x)
        ? (this.sign === '+' ? '+' : '') + this.nanstr
        : (x < 0 ? '-' : this.sign === '+' ? '+' : '') + this.infstr;
      return text.padStart(this.padLeft + this.padRight + 1);
    }
    const plus = this.sign === '+';
    if (this.expFormat) {
      return formatScientific(x, {
        precision: this.precision,
        minDigits: this.minDigits,
        unique: this.unique,
        trim: this.trim,
        sign: plus,
        padLeft: this.padLeft,
        expDigits: this.expSize,
        float32: this.float32,
      });
    }
    return formatPositional(x, {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: this.unique,
      fractional: true,
      trim: this.trim,
      sign: plus,
      padLeft: this.padLeft,
      padRight: this.padRight,
      float32: this.float32,
    });
  }
}

/**
 * NumPy's `ComplexFloatingFormat`: real and imaginary parts get formatters of
 * their own (the imaginary one always signed), joined as `re±imj` with the
 * `j` placed before the imaginary part's right padding.
 */
export class ComplexFormatter {
  private readonly re: FloatFormatter;
  private readonly im: FloatFormatter;

  constructor(real: ArrayLike<number>, imag: ArrayLike<number>, opts: FloatFormatOptions) {
    this.re = new FloatFormatter(real, opts);
    this.im = new FloatFormatter(imag, { ...opts, sign: '+' });
  }

  format(re: number, im: number): string {
    const r = this.re.format(re);
    const i = this.im.format(im);
    const end = i.trimEnd().length;
    return `${r}${i.slice(0, end)}j${i.slice(end)}`;
  }
}
