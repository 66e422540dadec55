/**
 * Decimal digits of a binary float, exactly as NumPy's Dragon4 produces them
 * (`numpy/_core/src/multiarray/dragon4.c`, itself Ryan Juckett's port of
 * Steele & White's Dragon4 with Burger & Dybvig's free-format digit
 * generation and IEEE round-half-even margins).
 *
 * Two digit modes:
 * - *unique*: the shortest digit string that reads back as the same float
 *   (closest to the value when several have that length), optionally cut off
 *   after a maximum number of digits and extended to a minimum number;
 * - *exact*: the exact binary value, correctly rounded (half-even) at the cutoff.
 *
 * This file is the reference implementation, {@link dragon4Reference}: BigInt
 * arithmetic, one digit per step. `digits.ts` answers the common cases faster
 * and falls back to it.
 */

/** Digits `d0 d1 d2 …` of a value `d0.d1d2… × 10^exp` (no sign). */
export interface Digits {
  readonly digits: string;
  /** Decimal exponent of the first digit. */
  readonly exp: number;
}

/** How the cutoffs count digits: after the decimal point, or in total. */
export type CutoffMode = 'fraction' | 'total';

/** Parameters of one digit generation (NumPy's Dragon4 arguments). */
export interface DigitRequest {
  /** Shortest round-trip digits (`true`) or the exact value (`false`). */
  readonly unique: boolean;
  readonly cutoffMode: CutoffMode;
  /** Print at most this many digits (negative: no limit). */
  readonly cutoffMax: number;
  /** Unique mode only: print at least this many digits (negative: no minimum). */
  readonly cutoffMin: number;
  /** Treat `x` as a float32 (its own margins, so its own shortest digits). */
  readonly float32: boolean;
}

/** A positive finite float as `mantissa × 2^exponent`, with what Dragon4 needs about its neighbours. */
export interface Decomposed {
  mantissa: number;
  exponent: number;
  /** Index of the highest set bit of the mantissa. */
  mantissaBit: number;
  /** The gap to the next float below is half the gap above (a power of two that is not the smallest normal). */
  unequalMargins: boolean;
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Splits a positive finite float into integer mantissa and binary exponent
 * by reading its IEEE-754 bits (as a float32 when `float32` is set).
 * @example
 * decompose(0.5, false); // { mantissa: 2 ** 52, exponent: -53, mantissaBit: 52, unequalMargins: true }
 */
export function decompose(x: number, float32: boolean): Decomposed {
  if (float32) {
    f32[0] = x;
    const bits = f32Bits[0];
    const biased = (bits >>> 23) & 0xff;
    const frac = bits & 0x7fffff;
    if (biased !== 0) return { mantissa: 0x800000 + frac, exponent: biased - 150, mantissaBit: 23, unequalMargins: biased !== 1 && frac === 0 };
    return { mantissa: frac, exponent: -149, mantissaBit: 31 - Math.clz32(frac), unequalMargins: false };
  }
  f64[0] = x;
  const hi = f64Words[LITTLE_ENDIAN ? 1 : 0];
  const lo = f64Words[LITTLE_ENDIAN ? 0 : 1];
  const biased = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  const frac = fracHi * 4294967296 + lo;
  if (biased !== 0) return { mantissa: 4503599627370496 + frac, exponent: biased - 1075, mantissaBit: 52, unequalMargins: biased !== 1 && frac === 0 };
  const bit = fracHi !== 0 ? 63 - Math.clz32(fracHi) : 31 - Math.clz32(lo);
  return { mantissa: frac, exponent: -1074, mantissaBit: bit, unequalMargins: false };
}

const LOG10_2 = 0.30102999566398119521373889472449;
const pow10Cache = new Map<number, bigint>();

function pow10(n: number): bigint {
  let p = pow10Cache.get(n);
  if (p === undefined) pow10Cache.set(n, (p = 10n ** BigInt(n)));
  return p;
}


/**
 * Dragon4 digit generation on big integers, the reference for every mode.
 * The value is `r/s`, the half-gaps to the neighbouring floats `mLow/s` and
 * `mHigh/s`; each step emits `floor(10 r / s)`. In unique mode generation
 * stops once the digits so far identify the float (and the minimum is met);
 * otherwise at the cutoff or when the remainder is zero. The last digit is
 * rounded: down/up when only one direction stays inside the float's
 * interval, else to nearest with ties to even (Burger & Dybvig 1996, §2-3).
 * `x` must be finite and positive or +0.
 */
export function dragon4Reference(x: number, req: DigitRequest): Digits {
  if (x === 0) return { digits: '0', exp: 0 };
  const { mantissa, exponent, mantissaBit, unequalMargins } = decompose(x, req.float32);
  const isEven = mantissa % 2 === 0;
  const m = BigInt(mantissa);
  // Scale everything by 2 (4 with unequal margins) so that half-gaps are integers.
  const extra = unequalMargins ? 2 : 1;
  let r: bigint;
  let s: bigint;
  let mLow: bigint;
  if (exponent > 0) {
    r = m << BigInt(exponent + extra);
    s = BigInt(2 * extra);
    mLow = 1n << BigInt(exponent);
  } else {
    r = m << BigInt(extra);
    s = 1n << BigInt(-exponent + extra);
    mLow = 1n;
  }
  const marginScale = unequalMargins ? 2n : 1n;
  // k = floor(log10(x)) + 1, estimated from the binary exponent (correct or one too low).
  let k = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  const fraction = req.cutoffMode === 'fraction';
  // A value below the fractional cutoff starts at the cutoff digit (and rounds there).
  if (req.cutoffMax >= 0 && fraction && k <= -req.cutoffMax) k = -req.cutoffMax + 1;
  if (k > 0) s *= pow10(k);
  else if (k < 0) {
    const p = pow10(-k);
    r *= p;
    mLow *= p;
  }
  if (r >= s) k += 1;
  else {
    r *= 10n;
    mLow *= 10n;
  }
  let cutoffMaxExp = -Infinity;
  if (req.cutoffMax >= 0) cutoffMaxExp = fraction ? -req.cutoffMax : k - req.cutoffMax;
  let cutoffMinExp = k;
  if (req.cutoffMin >= 0) cutoffMinExp = Math.min(k, fraction ? -req.cutoffMin : k - req.cutoffMin);
  let printExp = k - 1;

  const out: number[] = [];
  let digitExp = k;
  let digit = 0;
  let low = false;
  let high = false;
  if (req.unique) {
    for (;;) {
      digitExp--;
      digit = Number(r / s);
      r %= s;
      const mHigh = mLow * marginScale;
      low = isEven ? r <= mLow : r < mLow;
      high = isEven ? r + mHigh >= s : r + mHigh > s;
      if (((low || high) && digitExp <= cutoffMinExp) || digitExp === cutoffMaxExp) break;
      out.push(digit);
      r *= 10n;
      mLow *= 10n;
    }
  } else {
    for (;;) {
      digitExp--;
      digit = Number(r / s);
      r %= s;
      if (r === 0n || digitExp === cutoffMaxExp) break;
      out.push(digit);
      r *= 10n;
    }
  }
  let roundDown = low;
  if (low === high) {
    const twice = 2n * r;
    roundDown = twice < s || (twice === s && digit % 2 === 0);
  }
  if (roundDown) out.push(digit);
  else if (digit < 9) out.push(digit + 1);
  else {
    // Carry: drop trailing nines, increment the digit before them (or emit "1" one place up).
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      printExp += 1;
    } else out[out.length - 1] += 1;
  }
  return { digits: out.join(''), exp: printExp };
}
