/**
 * Exponential, bit-identical to glibc 2.36's `exp` on x86-64 (the
 * `__ieee754_exp_fma` variant of sysdeps/ieee754/dbl-64/e_exp.c; Szabolcs
 * Nagy, ARM optimized-routines 2018): x = k·ln2/128 + r, exp(x) =
 * 2^(k/128)·exp(r) with 2^(k/128) from a table (as scale·(1 + tail)) and
 * exp(r) - 1 by a degree-5 polynomial. `fma` marks the contractions of the
 * compiled code.
 */
import { fma } from './fma';
import { fromWords, highWord } from './bits';
import { EXP_C, EXP_INVLN2N, EXP_NEGLN2HIN, EXP_NEGLN2LON, EXP_SBITS_HI, EXP_SBITS_LO, EXP_SHIFT, EXP_TAIL } from './glibcTables';

const C2 = EXP_C[0], C3 = EXP_C[1], C4 = EXP_C[2], C5 = EXP_C[3];

/** Results that may overflow or land in the subnormal range (glibc's `specialcase`). */
function specialCase(tmp: number, sbHi: number, sbLo: number, k: number): number {
  if (k >= 0) {
    // the exponent of scale overflowed by at most 460: scale down by 2^1009 first
    const scale = fromWords((sbHi - (1009 << 20)) >>> 0, sbLo);
    return fma(scale, tmp, scale) * 2 ** 1009;
  }
  const scale = fromWords((sbHi + (1022 << 20)) >>> 0, sbLo);
  let y = scale + scale * tmp;
  if (y < 1.0) {
    // round to the subnormal precision once, avoiding double rounding
    let lo = scale - y + scale * tmp;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = lo + hi - 1.0;
    if (y === 0) y = 0;
  }
  return y * 2 ** -1022;
}

/** glibc's `exp(x)`. */
export function exp(x: number): number {
  let abstop = (highWord(x) >>> 20) & 0x7ff;
  if (abstop - 0x3c9 >= 0x3f || abstop < 0x3c9) {
    if (abstop < 0x3c9) return 1.0 + x; // |x| < 2^-54 (also ±0)
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1.0 + x; // +inf, NaN
      return x < 0 ? 0 : Infinity;
    }
    abstop = 0; // large |x|: handled by the special case below
  }
  const kdShifted = fma(x, EXP_INVLN2N, EXP_SHIFT);
  const kd = kdShifted - EXP_SHIFT; // an integer k
  const r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  const idx = kd & 127;
  const tail = EXP_TAIL[idx];
  // sbits = T[2·idx + 1] + (k << 45): only the high word changes
  const sbHi = (EXP_SBITS_HI[idx] + (kd << 13)) >>> 0;
  const sbLo = EXP_SBITS_LO[idx];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, r + tail));
  if (abstop === 0) return specialCase(tmp, sbHi, sbLo, kd);
  const scale = fromWords(sbHi, sbLo);
  return fma(scale, tmp, scale);
}
