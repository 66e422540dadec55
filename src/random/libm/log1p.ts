/**
 * log(1 + x), bit-identical to the `__log1p_fma` routine of Debian 12's
 * glibc 2.36 (sysdeps/ieee754/dbl-64/s_log1p.c, Sun's fdlibm algorithm,
 * compiled with -mfma): 1 + x = 2^k·(1 + f) with a correction term c for the
 * rounding of 1 + x, then log(1 + f) = f - s·(f - R) with s = f/(2 + f) and R a
 * degree-14 polynomial in s. `fma` marks the contractions of the compiled code.
 */
import { fma } from './fma';
import { fromWords, highWord, lowWord } from './bits';

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;

/** glibc's `log1p(x)`: -inf at -1, NaN below -1. */
export function log1p(x: number): number {
  const hx = highWord(x) | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1.0 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return fma(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422 … except the negative part handled below
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u) | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction for the rounding of 1 + x
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    const ulo = lowWord(u);
    if (hu < 0x6a09e) {
      u = fromWords((hu | 0x3ff00000) >>> 0, ulo); // normalise u
    } else {
      k += 1;
      u = fromWords((hu | 0x3fe00000) >>> 0, ulo); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return fma(k, LN2_HI, fma(k, LN2_LO, c));
    }
    const R = fma(-f, 0.66666666666666666, 1.0) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -(R - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const R2 = fma(z, LP3, LP2);
  const R3 = fma(z, LP5, LP4);
  const R4 = fma(z, LP7, LP6);
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  const sq = s * (hfsq + R);
  if (k === 0) return f - (hfsq - sq);
  return fma(k, LN2_HI, -(hfsq - (sq + fma(k, LN2_LO, c)) - f));
}
