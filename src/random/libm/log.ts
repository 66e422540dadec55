/**
 * Natural logarithm, bit-identical to glibc 2.36's `log` as NumPy calls it on
 * x86-64 (the `__ieee754_log_fma` variant: sysdeps/ieee754/dbl-64/e_log.c
 * compiled with -mfma; algorithm by Szabolcs Nagy, ARM optimized-routines
 * 2018). x = 2^k·z, z in [0x1.6p-1, 0x1.6p0) is split into 128 intervals
 * around c with tabulated 1/c and log(c); log(x) = k·ln2 + log(c) +
 * log1p(z/c - 1) by a degree-6 polynomial. Each `fma` below is a place where
 * the compiled code uses a fused multiply-add (read from its disassembly);
 * every other operation rounds as written, in this order.
 */
import { fma } from './fma';
import { fromWords, highWord, lowWord } from './bits';
import { LOG_A, LOG_B, LOG_LN2HI, LOG_LN2LO, LOG_TAB } from './glibcTables';

const A0 = LOG_A[0], A1 = LOG_A[1], A2 = LOG_A[2], A3 = LOG_A[3], A4 = LOG_A[4];
const B0 = LOG_B[0], B1 = LOG_B[1], B2 = LOG_B[2], B3 = LOG_B[3], B4 = LOG_B[4], B5 = LOG_B[5];
const B6 = LOG_B[6], B7 = LOG_B[7], B8 = LOG_B[8], B9 = LOG_B[9], B10 = LOG_B[10];
const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)
/** High halves (27 bits) of the tabulated 1/c, for Dekker's exact product. */
const LOG_INVC_HI = new Float64Array(128);
for (let i = 0; i < 128; i++) {
  const v = LOG_TAB[2 * i];
  const t = SPLIT * v;
  LOG_INVC_HI[i] = t - (t - v);
}

/** Inputs within 1/16 of 1 (|log x| < 0x1p-4): a degree-11 polynomial in r = x - 1 with r split exactly. */
function logNearOne(x: number): number {
  if (x === 1.0) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const p1 = fma(r2, B3, fma(r, B2, B1));
  const p2 = fma(r2, B6, fma(r, B5, B4));
  const p3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const p = fma(fma(p3, r3, p2), r3, p1);
  // rhi: r rounded to 27 bits, so rhi² is exact (2^27·r is exact too)
  const t = r * 134217728 + r;
  const rhi = t - r * 134217728;
  const rlo = r - rhi;
  const rhi2 = rhi * rhi;
  const hi = r + rhi2 * B0;
  let lo = r - hi + rhi2 * B0;
  lo = fma(B0 * rlo, rhi + r, lo);
  const y = fma(p, r3, lo);
  return hi + y;
}

/** glibc's `log(x)`: -inf at 0, NaN below 0 and for NaN, +inf at +inf. */
export function log(x: number): number {
  let hx = highWord(x);
  let lx = lowWord(x);
  if (hx >= 0x3fee0000 && hx < 0x3ff10900) return logNearOne(x);
  const top = hx >>> 16;
  if (((top - 0x0010) >>> 0) >= 0x7ff0 - 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // subnormal: scale into the normal range
    const xs = x * 4503599627370496;
    hx = (highWord(xs) - (52 << 20)) >>> 0;
    lx = lowWord(xs);
  }
  // tmp = ix - OFF with OFF = 0x3fe6000000000000 (only the high word changes)
  const tmpHi = (hx - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hx - (tmpHi & 0xfff00000)) >>> 0, lx);
  const invc = LOG_TAB[2 * i];
  const logc = LOG_TAB[2 * i + 1];
  // r = fma(z, invc, -1) without an fma: z·invc = p + e exactly (Dekker), and p - 1
  // is exact (Sterbenz, p is within 2^-7 of 1), so (p - 1) + e rounds once, like the fma.
  const p = z * invc;
  const zs = SPLIT * z;
  const zh = zs - (zs - z);
  const zl = z - zh;
  const ih = LOG_INVC_HI[i];
  const il = invc - ih;
  const r = p - 1.0 + (zl * il - (((p - zh * ih) - zl * ih) - zh * il));
  // k·Ln2hi is exact (Ln2hi has 42 significant bits), so this is glibc's fma(k, Ln2hi, logc)
  const w = k * LOG_LN2HI + logc;
  const hi = w + r;
  const r2 = r * r;
  const r3 = r * r2;
  // The rest only feeds the last bits: evaluate it without fused roundings, and keep the
  // result when every value within a generous bound of the fused one rounds the same way
  // (the bound covers the ~6 roundings that differ, each ≤ 2^-53 relative).
  const lo = k * LOG_LN2LO + (w - hi + r);
  const poly = (r * A4 + A3) * r2 + (r * A2 + A1);
  const t = r2 * A0 + lo;
  const y = r3 * poly + t;
  const delta = (Math.abs(lo) + Math.abs(r2 * A0) + Math.abs(r3 * poly)) * 3.552713678800501e-15 + 1e-300; // 2^-48
  const down = hi + (y - delta);
  if (down === hi + (y + delta)) return down;
  return logMainExact(k, z, invc, logc);
}

/** glibc's main path operation for operation, with every contraction as an fma (the rare fallback). */
function logMainExact(k: number, z: number, invc: number, logc: number): number {
  const r = fma(z, invc, -1.0);
  const w = fma(k, LOG_LN2HI, logc);
  const hi = w + r;
  const lo = fma(k, LOG_LN2LO, w - hi + r);
  const r2 = r * r;
  const r3 = r * r2;
  const p = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r3, p, fma(r2, A0, lo)) + hi;
}
