/**
 * x^y, bit-identical to glibc 2.36's `pow` on x86-64 (`__ieee754_pow_fma`,
 * sysdeps/ieee754/dbl-64/e_pow.c; Szabolcs Nagy, ARM optimized-routines
 * 2018): log(x) to ~68 bits as hi + lo (a 128-entry table and a degree-8
 * polynomial), times y in double-double, then exp of that with the extra
 * tail folded into the reduced argument. `fma` marks the contractions of the
 * compiled code; special inputs follow C99 Annex F as glibc does.
 */
import { fma } from './fma';
import { fromWords, highWord, lowWord } from './bits';
import { EXP_C, EXP_INVLN2N, EXP_NEGLN2HIN, EXP_NEGLN2LON, EXP_SBITS_HI, EXP_SBITS_LO, EXP_SHIFT, EXP_TAIL, POW_A, POW_LN2HI, POW_LN2LO, POW_TAB } from './glibcTables';

const A0 = POW_A[0], A1 = POW_A[1], A2 = POW_A[2], A3 = POW_A[3], A4 = POW_A[4], A5 = POW_A[5], A6 = POW_A[6];
const C2 = EXP_C[0], C3 = EXP_C[1], C4 = EXP_C[2], C5 = EXP_C[3];
/** Sign of the result, carried into the exponent bits of scale (SIGN_BIAS = 0x800 << 7). */
const SIGN_BIAS = 0x800 << 7;

let logTail = 0;

/** log(x) ≈ y + logTail for x given by its words (normalised when subnormal). */
function logInline(hx: number, lx: number): number {
  // tmp = ix - OFF, OFF = 0x3fe6955500000000
  const tmpHi = (hx - 0x3fe69555) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hx - (tmpHi & 0xfff00000)) >>> 0, lx);
  const invc = POW_TAB[3 * i];
  const logc = POW_TAB[3 * i + 1];
  const logctail = POW_TAB[3 * i + 2];
  const r = fma(z, invc, -1.0);
  const t1 = fma(k, POW_LN2HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(k, POW_LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const q = fma(ar2, fma(fma(r, A6, A5), ar2, fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

/** Overflow / subnormal results of exp (glibc's pow `specialcase`, which keeps the sign in sbits). */
function specialCase(tmp: number, sbHi: number, sbLo: number, k: number): number {
  if (k >= 0) {
    const scale = fromWords((sbHi - (1009 << 20)) >>> 0, sbLo);
    return fma(scale, tmp, scale) * 2 ** 1009;
  }
  const hi2 = (sbHi + (1022 << 20)) >>> 0;
  const scale = fromWords(hi2, sbLo);
  let y = scale + scale * tmp;
  if (Math.abs(y) < 1.0) {
    const one = y < 0.0 ? -1.0 : 1.0;
    let lo = scale - y + scale * tmp;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = hi2 & 0x80000000 ? -0 : 0;
  }
  return y * 2 ** -1022;
}

/** sign·exp(x + xtail), glibc's `exp_inline`. */
function expInline(x: number, xtail: number, signBias: number): number {
  let abstop = (highWord(x) >>> 20) & 0x7ff;
  if (abstop < 0x3c9 || abstop - 0x3c9 >= 0x3f) {
    if (abstop < 0x3c9) {
      const one = 1.0 + x;
      return signBias ? -one : one;
    }
    if (abstop >= 0x409) {
      if (x < 0) return signBias ? -0 : 0;
      return signBias ? -Infinity : Infinity;
    }
    abstop = 0;
  }
  const kdShifted = fma(x, EXP_INVLN2N, EXP_SHIFT);
  const kd = kdShifted - EXP_SHIFT;
  let r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  r = xtail + r;
  const idx = kd & 127;
  const tail = EXP_TAIL[idx];
  // sbits = T[2·idx + 1] + ((ki + sign_bias) << 45): high word only
  const sbHi = (EXP_SBITS_HI[idx] + ((kd + signBias) << 13)) >>> 0;
  const sbLo = EXP_SBITS_LO[idx];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, r + tail));
  if (abstop === 0) return specialCase(tmp, sbHi, sbLo, kd);
  const scale = fromWords(sbHi, sbLo);
  return fma(scale, tmp, scale);
}

/** 0: y is not an integer, 1: odd integer, 2: even integer (y finite, non-zero). */
function checkInt(y: number): 0 | 1 | 2 {
  if (!Number.isInteger(y)) return 0;
  if (Math.abs(y) >= 2 ** 53) return 2;
  return Math.abs(y) % 2 === 1 ? 1 : 2;
}

/** Special inputs (zero/inf/NaN x or y, negative x, tiny/huge |y|, subnormal x); `null` when the main path applies. */
function special(x: number, y: number): number | { hx: number; lx: number; signBias: number } {
  const ax = Math.abs(x);
  if (y === 0) return 1.0;
  if (x === 1.0) return 1.0;
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (!Number.isFinite(y)) {
    if (ax === 1.0) return 1.0;
    return (ax < 1.0) === (y > 0) ? 0.0 : y * y;
  }
  if (x === 0 || !Number.isFinite(x)) {
    let x2 = x * x;
    if (x < 0 || Object.is(x, -0)) if (checkInt(y) === 1) x2 = -x2;
    return y < 0 ? 1 / x2 : x2;
  }
  let signBias = 0;
  if (x < 0) {
    const yint = checkInt(y);
    if (yint === 0) return NaN;
    if (yint === 1) signBias = SIGN_BIAS;
  }
  const topy = (highWord(y) >>> 20) & 0x7ff;
  if (topy - 0x3be >= 0x43e - 0x3be || topy < 0x3be) {
    if (ax === 1.0) return 1.0;
    if (topy < 0x3be) return ax > 1.0 ? 1.0 + y : 1.0 - y;
    return (ax > 1.0) === (y > 0) ? Infinity : 0;
  }
  let hx = highWord(ax);
  let lx = lowWord(ax);
  if (hx >>> 20 === 0) {
    // subnormal x: normalise so the exponent becomes negative
    const xs = ax * 4503599627370496;
    hx = ((highWord(xs) & 0x7fffffff) - (52 << 20)) | 0;
    lx = lowWord(xs);
  }
  return { hx, lx, signBias };
}

/** glibc's `pow(x, y)`. */
export function pow(x: number, y: number): number {
  let hx = highWord(x);
  let lx = lowWord(x);
  let signBias = 0;
  const topx = hx >>> 20;
  const topy = (highWord(y) >>> 20) & 0x7ff;
  if (topx - 0x001 >= 0x7ff - 0x001 || topx === 0 || topy - 0x3be >= 0x43e - 0x3be || topy < 0x3be) {
    const s = special(x, y);
    if (typeof s === 'number') return s;
    ({ hx, lx, signBias } = s);
  }
  const hi = logInline(hx, lx);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(hi, y, -ehi));
  return expInline(ehi, elo, signBias);
}
