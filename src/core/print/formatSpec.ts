/**
 * Python's format-spec mini-language (`format(value, spec)`, f-strings):
 * `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed
 * and checked as CPython 3.11 does (`Python/formatter_unicode.c`,
 * `parse_internal_render_format_spec`), with its error messages.
 */
import { ValueError } from '../errors';

/** A parsed format spec. */
export interface FormatSpec {
  fill: string;
  /** `'<'`, `'>'`, `'^'`, `'='`, or `''` for the type's default. */
  align: '' | '<' | '>' | '^' | '=';
  /** `'+'`, `'-'`, `' '`, or `''` when not given. */
  sign: '' | '+' | '-' | ' ';
  /** `z`: negative zero after rounding prints as zero. */
  noNegZero: boolean;
  /** `#`: alternate form. */
  alternate: boolean;
  /** Minimum width, or -1. */
  width: number;
  /** `','` or `'_'` thousands separator, or `''`. */
  grouping: '' | ',' | '_';
  /** Precision, or -1. */
  precision: number;
  /** Presentation type, `''` when omitted. */
  type: string;
}

const ALIGN = new Set(['<', '>', '^', '=']);
const GROUPING_TYPES = new Set(['d', 'e', 'f', 'g', 'E', 'G', '%', 'F', '']);
const BASE_TYPES = new Set(['b', 'o', 'x', 'X']);

/** Reads a run of decimal digits at `pos`. */
function readNumber(chars: string[], pos: number): { value: number; end: number } {
  let end = pos;
  while (end < chars.length && chars[end] >= '0' && chars[end] <= '9') end++;
  if (end - pos > 18) throw new ValueError('Too many decimal digits in format string');
  return { value: end > pos ? Number(chars.slice(pos, end).join('')) : -1, end };
}

/**
 * Parses `spec` for a value of Python type `typeName` (used in messages)
 * whose default presentation type is `defaultType` and default alignment
 * `defaultAlign` (`'>'` for numbers, `'<'` for strings).
 * @throws {ValueError} with CPython's message for a malformed spec.
 * @example
 * parseFormatSpec('*^+10,.2f', 'float', '', '>');
 * // { fill: '*', align: '^', sign: '+', width: 10, grouping: ',', precision: 2, type: 'f', … }
 */
export function parseFormatSpec(spec: string, typeName: string, defaultType: string, defaultAlign: '<' | '>'): Readonly<FormatSpec> {
  // Specs repeat (a format string in a loop): parse each once.
  const key = `${typeName}\u0000${spec}`;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    parsed = Object.freeze(parse(spec, typeName, defaultType, defaultAlign));
    if (cache.size > 1000) cache.clear();
    cache.set(key, parsed);
  }
  return parsed;
}

const cache = new Map<string, Readonly<FormatSpec>>();

function parse(spec: string, typeName: string, defaultType: string, defaultAlign: '<' | '>'): FormatSpec {
  const chars = Array.from(spec);
  const out: FormatSpec = {
    fill: ' ', align: '', sign: '', noNegZero: false, alternate: false, width: -1, grouping: '', precision: -1, type: defaultType,
  };
  let pos = 0;
  let fillGiven = false;
  let alignGiven = false;
  if (chars.length >= 2 && ALIGN.has(chars[1])) {
    out.fill = chars[0];
    out.align = chars[1] as FormatSpec['align'];
    fillGiven = alignGiven = true;
    pos = 2;
  } else if (chars.length >= 1 && ALIGN.has(chars[0])) {
    out.align = chars[0] as FormatSpec['align'];
    alignGiven = true;
    pos = 1;
  }
  if (pos < chars.length && (chars[pos] === '+' || chars[pos] === '-' || chars[pos] === ' ')) out.sign = chars[pos++] as FormatSpec['sign'];
  if (pos < chars.length && chars[pos] === 'z') {
    out.noNegZero = true;
    pos++;
  }
  if (pos < chars.length && chars[pos] === '#') {
    out.alternate = true;
    pos++;
  }
  // A leading 0 (without an explicit fill) means zero padding, sign-aware for numbers.
  if (!fillGiven && pos < chars.length && chars[pos] === '0') {
    out.fill = '0';
    if (!alignGiven && defaultAlign === '>') out.align = '=';
    pos++;
  }
  const width = readNumber(chars, pos);
  out.width = width.value;
  pos = width.end;
  if (pos < chars.length && (chars[pos] === ',' || chars[pos] === '_')) {
    out.grouping = chars[pos] as ',' | '_';
    pos++;
    if (pos < chars.length && (chars[pos] === ',' || chars[pos] === '_')) {
      if (chars[pos] === out.grouping) throw new ValueError(`Cannot specify '${out.grouping}' with '${out.grouping}'.`);
      throw new ValueError("Cannot specify both ',' and '_'.");
    }
  }
  if (pos < chars.length && chars[pos] === '.') {
    pos++;
    const precision = readNumber(chars, pos);
    if (precision.value < 0) throw new ValueError('Format specifier missing precision');
    out.precision = precision.value;
    pos = precision.end;
  }
  if (chars.length - pos > 1) throw new ValueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (pos < chars.length) out.type = chars[pos];
  if (out.grouping) {
    const ok = GROUPING_TYPES.has(out.type) || (out.grouping === '_' && BASE_TYPES.has(out.type));
    if (!ok) {
      const shown = out.type.length === 1 && out.type >= ' ' && out.type <= '~' ? out.type : `\\x${(out.type.codePointAt(0) ?? 0).toString(16)}`;
      throw new ValueError(`Cannot specify '${out.grouping}' with '${shown}'.`);
    }
  }
  return out;
}
