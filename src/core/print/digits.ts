/**
 * The digits NumPy's Dragon4 prints, computed fast where that is safe and by
 * the BigInt reference ({@link dragon4Reference}) elsewhere.
 *
 * - Shortest round-trip digits of a double are `String(x)`'s: ECMA-262's
 *   Number::toString picks the shortest digits that read back as `x`, the
 *   closest of them, as Dragon4's unique mode does.
 * - Cut off before those digits end, Dragon4 rounds the exact binary value
 *   half-to-even at the cutoff. `toExponential(f)` rounds the exact value too
 *   (ties away from zero); an exact tie is recognised from the binary value
 *   (`x·2^(1-P)` is an odd integer for a tie at decimal position `P ≤ 0`) and
 *   moved to the even neighbour.
 * - Extended past them (a minimum digit count), the digits are the exact
 *   value's, rounded at the minimum whenever the float's gap is under half a
 *   unit of that digit.
 */
import { decompose, dragon4Reference, type DigitRequest, type Digits } from './dragon4';

const pow5Cache = new Map<number, bigint>();
function pow5(n: number): bigint {
  let p = pow5Cache.get(n);
  if (p === undefined) pow5Cache.set(n, (p = 5n ** BigInt(n)));
  return p;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Shortest round-trip digits of a positive double, from `String(x)`. */
export function shortestDigits(x: number): Digits {
  const s = String(x);
  const e = s.indexOf('e');
  let mant = e < 0 ? s : s.slice(0, e);
  let exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mant.indexOf('.');
  if (dot >= 0) {
    exp += dot - 1;
    mant = mant.slice(0, dot) + mant.slice(dot + 1);
  } else exp += mant.length - 1;
  let start = 0;
  while (start < mant.length - 1 && mant.charCodeAt(start) === 48) start++;
  return { digits: stripZeros(mant.slice(start)), exp: exp - start };
}

/**
 * The exact decimal expansion of a positive double, without trailing zeros:
 * `x = m·2^e` is `m·5^-e / 10^-e` when `e < 0`, an integer otherwise.
 */
export function exactDigits(x: number): Digits {
  if (x === 0) return { digits: '0', exp: 0 };
  if (Number.isSafeInteger(x)) {
    const s = String(x);
    return { digits: stripZeros(s), exp: s.length - 1 };
  }
  let { mantissa, exponent } = decompose(x, false);
  while (mantissa % 2 === 0 && exponent < 0) {
    mantissa /= 2;
    exponent += 1;
  }
  const s = exponent >= 0 ? (BigInt(mantissa) << BigInt(exponent)).toString() : (BigInt(mantissa) * pow5(-exponent)).toString();
  return { digits: stripZeros(s), exp: s.length - 1 + Math.min(exponent, 0) };
}

/**
 * Rounds the exact value of `x` (half-even) keeping the digits at decimal
 * positions `>= position`, as Dragon4's final-digit rounding does when it
 * stops at a cutoff: trailing digits of the kept part stay (zeros included),
 * a carry drops the nines it passes, and a value that rounds to nothing is
 * the single digit `0` (or `1`) at `position`. An expansion that ends before
 * `position` is returned as it is, or padded with zeros down to `position`
 * when `pad` is set (Dragon4's unique mode extended to a minimum length).
 */
export function exactRound(x: number, position: number, pad = false): Digits {
  const exact = exactDigits(x);
  const { digits, exp } = exact;
  let keep = exp - position + 1;
  if (keep >= digits.length) return pad && Number.isFinite(keep) ? { digits: digits + '0'.repeat(keep - digits.length), exp } : exact;
  if (keep < 0) return { digits: '0', exp: position };
  const first = digits.charCodeAt(keep) - 48;
  let up = first > 5;
  if (first === 5) {
    // The expansion has no trailing zeros, so "exactly half" means nothing follows the 5.
    const prev = keep === 0 ? 0 : digits.charCodeAt(keep - 1) - 48;
    up = keep + 1 < digits.length || prev % 2 === 1;
  }
  if (keep === 0) return { digits: up ? '1' : '0', exp: position };
  if (!up) return { digits: digits.slice(0, keep), exp };
  while (keep > 0 && digits.charCodeAt(keep - 1) === 57) keep--;
  if (keep === 0) return { digits: '1', exp: exp + 1 };
  return { digits: digits.slice(0, keep - 1) + String.fromCharCode(digits.charCodeAt(keep - 1) + 1), exp };
}

/** Is `x` a multiple of `10^position` (`half`: an odd multiple of half of it)? Null when unsure. */
export function isMultiple(x: number, position: number, half: boolean): boolean | null {
  if (position <= 0) {
    // x is dyadic, so x·10^-P is an integer exactly when x·2^-P is.
    const t = x * 2 ** (half ? 1 - position : -position);
    return Number.isInteger(t) && (!half || t % 2 === 1);
  }
  if (!Number.isInteger(x)) return false;
  if (!Number.isSafeInteger(x)) return null;
  const unit = 10 ** position;
  return x % unit === (half ? unit / 2 : 0);
}

/**
 * `exactRound` without big integers, for at most 15 kept significant digits.
 * `exp` is `floor(log10 x)`. Returns null when unsure (then use `exactRound`).
 */
function roundFast(x: number, position: number, exp: number): Digits | null {
  const f = exp - position;
  if (f > 14) return null;
  if (f < 0) {
    // The value is below one unit at the cutoff: it rounds to 0 or 1 there.
    if (f < -1) return { digits: '0', exp: position };
    const half = Number(`5e${position - 1}`);
    if (x === half || !Number.isFinite(half)) return null;
    return { digits: x > half ? '1' : '0', exp: position };
  }
  const exact = isMultiple(x, position, false);
  const tie = isMultiple(x, position, true);
  if (exact === null || tie === null) return null;
  const text = x.toExponential(f);
  const e = text.indexOf('e');
  let digits = text[0] + text.slice(2, e);
  const outExp = Number(text.slice(e + 1));
  if (exact) {
    // The expansion ends by the cutoff: Dragon4 stops there, before any trailing zeros.
    digits = stripZeros(digits);
  } else if (tie && outExp === exp && (digits.charCodeAt(digits.length - 1) - 48) % 2 === 1) {
    // toExponential breaks ties away from zero; half-even wants the even neighbour.
    digits = digits.slice(0, -1) + String.fromCharCode(digits.charCodeAt(digits.length - 1) - 1);
  } else {
    // A round-up that carried ends in zeros Dragon4 never printed. The double
    // nearest the text tells the direction unless it is x itself.
    const near = Number(text);
    if (near === x) return null;
    if (near > x) digits = stripZeros(digits);
  }
  return { digits, exp: outExp };
}

/** Cached: whether the double nearest `10^n` lies below `10^n` (never for 10^0…10^22, which are exact). */
const belowPowerOfTen = new Map<number, boolean>();
function isBelowPowerOfTen(n: number): boolean {
  if (n >= 0 && n <= 22) return false;
  let below = belowPowerOfTen.get(n);
  if (below === undefined) {
    below = exactDigits(Number(`1e${n}`)).exp < n;
    belowPowerOfTen.set(n, below);
  }
  return below;
}

/**
 * The digits NumPy's Dragon4 prints for `x >= 0` under `req` (see the file
 * comment for the fast paths). float32 always takes the reference path.
 * @example
 * floatDigits(0.1 + 0.2, { unique: true, cutoffMode: 'fraction', cutoffMax: 8, cutoffMin: -1, float32: false });
 * // { digits: '30000000', exp: -1 }
 */
export function floatDigits(x: number, req: DigitRequest): Digits {
  if (x === 0 || req.float32 || (req.cutoffMode === 'total' && req.cutoffMax === 0)) return dragon4Reference(x, req);
  const fraction = req.cutoffMode === 'fraction';
  const short = shortestDigits(x);
  // floor(log10 x); the shortest digits of a double just below a power of ten read "1" one place up.
  const exp = short.digits === '1' && isBelowPowerOfTen(short.exp) ? short.exp - 1 : short.exp;
  const k = exp + 1;
  if (!req.unique) {
    if (req.cutoffMax < 0) return exactDigits(x);
    const position = fraction ? 0 - req.cutoffMax : k - req.cutoffMax;
    return roundFast(x, position, exp) ?? exactRound(x, position);
  }
  const lastPos = short.exp - short.digits.length + 1;
  const maxPos = req.cutoffMax < 0 ? -Infinity : fraction ? 0 - req.cutoffMax : k - req.cutoffMax;
  const minPos = req.cutoffMin < 0 ? k : Math.min(k, fraction ? 0 - req.cutoffMin : k - req.cutoffMin);
  if (lastPos >= maxPos && lastPos <= minPos) return short;
  if (lastPos < maxPos) return roundFast(x, maxPos, exp) ?? exactRound(x, maxPos);
  if (minPos >= maxPos && (Number.isSafeInteger(x) || 2 ** decompose(x, false).exponent <= 0.5 * 10 ** minPos)) {
    return exactRound(x, minPos, true);
  }
  return dragon4Reference(x, req);
}
