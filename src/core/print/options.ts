/**
 * Print options with NumPy's names, defaults and meaning
 * (`np.set_printoptions`, `np.get_printoptions`, `np.printoptions`).
 */
import { TypeError_, ValueError } from '../errors';

/** How many fraction digits floats get (NumPy's `floatmode`). */
export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';

/** The print options, NumPy's `np.get_printoptions()`. */
export interface PrintOptions {
  /** Digits of precision for floats (default 8). */
  precision: number;
  /** Arrays with more elements than this are summarised with `...` (default 1000). */
  threshold: number;
  /** Items shown at each end of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Never use scientific notation for small values; print them as fixed-point (default false). */
  suppress: boolean;
  /** Text for NaN (default `'nan'`). */
  nanstr: string;
  /** Text for infinity (default `'inf'`). */
  infstr: string;
  /** Sign of positive floats: `'-'` none, `'+'` always, `' '` a space (default `'-'`). */
  sign: '-' | '+' | ' ';
  /**
   * Float digits: `'fixed'` always `precision`; `'unique'` shortest round-trip
   * (ignores precision); `'maxprec'` shortest up to `precision` (default);
   * `'maxprec_equal'` like maxprec, then the same count for every element.
   */
  floatmode: FloatMode;
}

const DEFAULTS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  floatmode: 'maxprec',
});

const FLOAT_MODES: readonly FloatMode[] = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

let current: PrintOptions = { ...DEFAULTS };

/** The options in force (the object itself; callers must not modify it). */
export function currentPrintOptions(): Readonly<PrintOptions> {
  return current;
}

function nonNegativeInteger(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError_(`${name} must be an integer`);
  if (v < 0) throw new ValueError(`${name} must be >= 0`);
  return v;
}

/** Checks a partial option object; returns the validated copy. */
function validate(opts: Partial<PrintOptions>): Partial<PrintOptions> {
  if (opts === null || typeof opts !== 'object') throw new TypeError_('print options must be an object');
  const out: Partial<PrintOptions> = {};
  for (const [key, v] of Object.entries(opts)) {
    if (v === undefined) continue;
    switch (key) {
      case 'precision':
      case 'edgeitems':
      case 'linewidth':
        out[key] = nonNegativeInteger(key, v);
        break;
      case 'threshold':
        if (typeof v !== 'number') throw new TypeError_('threshold must be numeric');
        if (Number.isNaN(v)) throw new ValueError('threshold must be non-NAN, try Infinity for untruncated representation');
        out.threshold = v;
        break;
      case 'suppress':
        out.suppress = Boolean(v);
        break;
      case 'nanstr':
      case 'infstr':
        if (typeof v !== 'string') throw new TypeError_(`${key} must be a string`);
        out[key] = v;
        break;
      case 'sign':
        if (v !== '-' && v !== '+' && v !== ' ') throw new ValueError("sign option must be one of ' ', '+', or '-'");
        out.sign = v;
        break;
      case 'floatmode':
        if (!FLOAT_MODES.includes(v as FloatMode)) {
          throw new ValueError(`floatmode option must be one of ${FLOAT_MODES.map((m) => `"${m}"`).join(', ')}`);
        }
        out.floatmode = v as FloatMode;
        break;
      default:
        throw new TypeError_(`setPrintoptions() got an unexpected option '${key}'`);
    }
  }
  return out;
}

/**
 * Sets print options for every later `String(a)`, `console.log(a)` and
 * `np.repr(a)`, as NumPy's `np.set_printoptions`. Options not given keep their
 * value; `{}` changes nothing (use {@link resetPrintoptions} for the defaults).
 * @throws {ValueError} for an unknown `floatmode` or `sign`, a negative count, a NaN threshold.
 * @throws {TypeError} for a non-integer precision/edgeitems/linewidth or an unknown option.
 * @example
 * np.setPrintoptions({ precision: 3, suppress: true });
 * String(np.array([1e-9, 1 / 3])); // '[0.    0.333]'
 */
export function setPrintoptions(opts: Partial<PrintOptions>): void {
  current = { ...current, ...validate(opts) };
}

/**
 * The print options in force, as NumPy's `np.get_printoptions()` (a copy).
 * @example
 * np.getPrintoptions().linewidth; // 75
 */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * Restores NumPy's default print options (precision 8, threshold 1000,
 * edgeitems 3, linewidth 75, no suppression, `'maxprec'`).
 * @example
 * np.setPrintoptions({ precision: 3 });
 * np.resetPrintoptions();
 * String(np.array([Math.PI]));  // '[3.14159265]'
 */
export function resetPrintoptions(): void {
  current = { ...DEFAULTS };
}

/**
 * Runs `fn` with the options changed and restores the previous options
 * afterwards, even when `fn` throws: NumPy's `with np.printoptions(...):`.
 * `fn` must be synchronous (the options are global state).
 * @returns what `fn` returns.
 * @throws what {@link setPrintoptions} throws for bad options, and what `fn` throws.
 * @example
 * np.printoptions({ precision: 2 }, () => String(np.array([2 / 3]))); // '[0.67]'
 */
export function printoptions<T>(opts: Partial<PrintOptions>, fn: () => T): T {
  const saved = current;
  current = { ...current, ...validate(opts) };
  try {
    return fn();
  } finally {
    current = saved;
  }
}
