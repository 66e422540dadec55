/**
 * One float as text, positional (`123.45`) or scientific (`1.2345e+02`), with
 * NumPy's `format_float_positional` / `format_float_scientific` options:
 * precision, minimum digits, unique or exact digits, trimming, sign, padding.
 * The layout follows `FormatPositional`/`FormatScientific` in NumPy's
 * `dragon4.c`; the digits come from {@link floatDigits}.
 */
import { floatDigits } from './digits';

/**
 * Trailing-zero handling (NumPy's `trim`): `'k'` keeps zeros and the point,
 * `'.'` drops zeros but keeps the point, `'0'` keeps one zero after the point,
 * `'-'` drops zeros and the point.
 */
export type Trim = 'k' | '.' | '0' | '-';

/** Options shared by both notations (negative numbers mean "not given", as NumPy's `-1`). */
export interface FloatTextOptions {
  /** Maximum digits after the point (positional, fractional) or after the first digit (scientific). */
  precision?: number;
  /** Minimum digits, unique mode only. */
  minDigits?: number;
  /** Shortest round-trip digits (default) instead of the exact binary value. */
  unique?: boolean;
  trim?: Trim;
  /** Show `+` for non-negative values. */
  sign?: boolean;
  /** Pad with spaces until this many characters stand left of the point. */
  padLeft?: number;
  /** Positional only: pad with spaces until this many characters stand right of the point. */
  padRight?: number;
  /** Scientific only: at least this many exponent digits (default 2). */
  expDigits?: number;
  /** Positional only: `precision`/`minDigits` count digits after the point (default) or significant digits. */
  fractional?: boolean;
  /** Digits of the float32 nearest `x` (its own shortest representation). */
  float32?: boolean;
}

function signOf(x: number, plus: boolean): string {
  return x < 0 || Object.is(x, -0) ? '-' : plus ? '+' : '';
}

/** `inf`, `-inf`, `+inf`, `nan`: Dragon4 prints no sign for NaN. */
function nonFinite(x: number, plus: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  return (x < 0 ? '-' : plus ? '+' : '') + 'inf';
}

/**
 * NumPy's `format_float_positional(x, …)`.
 * @example
 * formatPositional(0.1 + 0.2, { precision: 8, trim: '.' }); // '0.3'
 * formatPositional(-0, {});                                 // '-0.'
 */
export function formatPositional(x: number, opts: FloatTextOptions = {}): string {
  const plus = opts.sign ?? false;
  if (!Number.isFinite(x)) return nonFinite(x, plus);
  const precision = opts.precision ?? -1;
  const minDigits = opts.minDigits ?? -1;
  const unique = opts.unique ?? true;
  const trim = opts.trim ?? 'k';
  const fractional = opts.fractional ?? true;
  const sign = signOf(x, plus);
  const { digits, exp } = floatDigits(Math.abs(x), {
    unique,
    cutoffMode: fractional ? 'fraction' : 'total',
    cutoffMax: precision,
    cutoffMin: unique ? minDigits : -1,
    float32: opts.float32 ?? false,
  });
  let body: string;
  let whole: number;
  let frac: number;
  if (exp >= 0) {
    whole = exp + 1;
    if (digits.length <= whole) {
      body = digits + '0'.repeat(whole - digits.length);
      frac = 0;
    } else {
      body = `${digits.slice(0, whole)}.${digits.slice(whole)}`;
      frac = digits.length - whole;
    }
  } else {
    const zeros = -(exp + 1);
    body = `0.${'0'.repeat(zeros)}${digits}`;
    whole = 1;
    frac = zeros + digits.length;
  }
  if (trim !== '-' && frac === 0) body += '.';
  const addDigits = unique ? minDigits : precision;
  const desired = fractional ? Math.max(addDigits, 0) : addDigits - whole;
  if (trim === '0') {
    if (frac === 0) {
      body += '0';
      frac = 1;
    }
  } else if (trim === 'k' && desired > frac) {
    body += '0'.repeat(desired - frac);
    frac = desired;
  }
  if (trim !== 'k' && frac > 0) {
    let end = body.length;
    while (body.charCodeAt(end - 1) === 48) {
      end--;
      frac--;
    }
    body = body.slice(0, end);
    if (body.endsWith('.')) {
      if (trim === '0') {
        body += '0';
        frac++;
      } else if (trim === '-') body = body.slice(0, -1);
    }
  }
  const padRight = opts.padRight ?? -1;
  if (padRight >= frac) {
    if (trim === '-' && frac === 0) body += ' ';
    body += ' '.repeat(padRight - frac);
  }
  const padLeft = opts.padLeft ?? -1;
  const left = padLeft > whole + sign.length ? ' '.repeat(padLeft - whole - sign.length) : '';
  return left + sign + body;
}

/**
 * NumPy's `format_float_scientific(x, …)`.
 * @example
 * formatScientific(1e-5, { precision: 8, trim: '.' }); // '1.e-05'
 * formatScientific(123456, { precision: 2, unique: false }); // '1.23e+05'
 */
export function formatScientific(x: number, opts: FloatTextOptions = {}): string {
  const plus = opts.sign ?? false;
  if (!Number.isFinite(x)) return nonFinite(x, plus);
  const precision = opts.precision ?? -1;
  const minDigits = opts.minDigits ?? -1;
  const unique = opts.unique ?? true;
  const trim = opts.trim ?? 'k';
  const sign = signOf(x, plus);
  const padLeft = opts.padLeft ?? -1;
  const left = padLeft > 1 + sign.length ? ' '.repeat(padLeft - 1 - sign.length) : '';
  const { digits, exp } = floatDigits(Math.abs(x), {
    unique,
    cutoffMode: 'total',
    cutoffMax: precision < 0 ? -1 : precision + 1,
    cutoffMin: unique && minDigits >= 0 ? minDigits + 1 : -1,
    float32: opts.float32 ?? false,
  });
  let body = digits[0];
  let frac = digits.length - 1;
  if (frac > 0) body += `.${digits.slice(1)}`;
  if (trim !== '-' && frac === 0) body += '.';
  const addDigits = Math.max(unique ? minDigits : precision, 0);
  if (trim === '0') {
    if (frac === 0) {
      body += '0';
      frac = 1;
    }
  } else if (trim === 'k' && addDigits > frac) {
    body += '0'.repeat(addDigits - frac);
    frac = addDigits;
  }
  if (trim !== 'k' && frac > 0) {
    let end = body.length;
    while (body.charCodeAt(end - 1) === 48) end--;
    body = body.slice(0, end);
    if (trim === '0' && body.endsWith('.')) body += '0';
  }
  const expDigits = Math.min(opts.expDigits !== undefined && opts.expDigits >= 0 ? opts.expDigits : 2, 5);
  const e = String(Math.abs(exp)).padStart(expDigits, '0');
  return `${left}${sign}${body}e${exp < 0 ? '-' : '+'}${e}`;
}
