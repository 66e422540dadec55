/**
 * The continuous samplers of NumPy's `Generator`
 * (numpy/random/src/distributions/distributions.c), one function per
 * distribution, drawing from a {@link BitGenerator}. The operations and their
 * order follow NumPy's C code exactly, and the elementary functions come from
 * `../libm` (ports of the glibc routines NumPy calls), so every draw is the same
 * double NumPy produces.
 */
import type { BitGenerator } from '../bitgen/bitGenerator';
import { exp, log, log1p, pow } from '../libm';
import { FE, FI, KE, KI, WE, WI, ZIGGURAT_EXP_R, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from '../zigguratTables';

const TWO_23 = 8388608;
const TWO_21 = 2097152;

/**
 * A standard normal by the 256-layer ziggurat (Marsaglia & Tsang 2000) on a
 * 64-bit word, NumPy's `random_standard_normal`: bits 0-7 pick the layer, bit 8
 * the sign, bits 9-60 the 52-bit mantissa; 99.3% of draws return at once.
 */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    const lo = bg.next64();
    const hi = bg.hi;
    const idx = lo & 0xff;
    // rabs = (r >> 9) & (2^52 - 1): 23 bits from the low word, 29 from the high one
    const rabs = (hi & 0x1fffffff) * TWO_23 + (lo >>> 9);
    let x = rabs * WI[idx];
    if (lo & 0x100) x = -x;
    if (rabs < KI[idx]) return x;
    if (idx === 0) {
      // the tail beyond r (Marsaglia 1964); 1 - U avoids log(0) (NumPy gh-13361)
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * log1p(-bg.nextDouble());
        const yy = -log1p(-bg.nextDouble());
        // NumPy reads the sign from bit 8 of rabs, i.e. bit 17 of the word
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
      }
    } else if ((FI[idx - 1] - FI[idx]) * bg.nextDouble() + FI[idx] < exp(-0.5 * x * x)) {
      return x;
    }
  }
}

/** Fills `out` with standard normals (the hot path of `standardNormal(size)`). */
export function fillStandardNormal(bg: BitGenerator, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const lo = bg.next64();
    const hi = bg.hi;
    const idx = lo & 0xff;
    const rabs = (hi & 0x1fffffff) * TWO_23 + (lo >>> 9);
    if (rabs < KI[idx]) {
      const x = rabs * WI[idx];
      out[i] = lo & 0x100 ? -x : x;
    } else {
      out[i] = standardNormalSlow(bg, lo, hi);
    }
  }
}

/** The rejection branch of the ziggurat for a word that missed the fast test, then fresh draws. */
function standardNormalSlow(bg: BitGenerator, lo: number, hi: number): number {
  const idx = lo & 0xff;
  const rabs = (hi & 0x1fffffff) * TWO_23 + (lo >>> 9);
  let x = rabs * WI[idx];
  if (lo & 0x100) x = -x;
  if (idx === 0) {
    for (;;) {
      const xx = -ZIGGURAT_NOR_INV_R * log1p(-bg.nextDouble());
      const yy = -log1p(-bg.nextDouble());
      if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
    }
  }
  if ((FI[idx - 1] - FI[idx]) * bg.nextDouble() + FI[idx] < exp(-0.5 * x * x)) return x;
  return standardNormal(bg);
}

/**
 * A standard exponential by the 256-layer ziggurat, NumPy's
 * `random_standard_exponential`: the word is shifted right by 3, bits 0-7 of
 * the rest pick the layer and the remaining 53 bits are the mantissa.
 */
export function standardExponential(bg: BitGenerator): number {
  for (;;) {
    const lo = bg.next64();
    const hi = bg.hi;
    // ri = r >> 3; idx = ri & 0xff; ri >>= 8  →  idx = bits 3..10, ri = bits 11..63
    const idx = (lo >>> 3) & 0xff;
    const ri = (hi >>> 0) * TWO_21 + (lo >>> 11);
    const x = ri * WE[idx];
    if (ri < KE[idx]) return x;
    if (idx === 0) return ZIGGURAT_EXP_R - log1p(-bg.nextDouble());
    if ((FE[idx - 1] - FE[idx]) * bg.nextDouble() + FE[idx] < exp(-x)) return x;
  }
}

/**
 * A standard gamma(shape) variate, NumPy's `random_standard_gamma`:
 * exponential for shape 1, Johnk-type rejection (Ahrens & Dieter GS) for
 * shape < 1, Marsaglia & Tsang's squeeze method (ACM TOMS 26(3), 2000) above.
 */
export function standardGamma(bg: BitGenerator, shape: number): number {
  if (shape === 1.0) return standardExponential(bg);
  if (shape === 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const U = bg.nextDouble();
      const V = standardExponential(bg);
      if (U <= 1.0 - shape) {
        const X = pow(U, 1 / shape);
        if (X <= V) return X;
      } else {
        const Y = -log((1 - U) / shape);
        const X = pow(1.0 - shape + shape * Y, 1 / shape);
        if (X <= V + Y) return X;
      }
    }
  }
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let X: number;
    let V: number;
    do {
      X = standardNormal(bg);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const U = bg.nextDouble();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1 - V + log(V))) return b * V;
  }
}

const BETA_TINY_THRESHOLD = 3e-103;

/**
 * A beta(a, b) variate, NumPy's `random_beta`: Johnk's algorithm when both
 * parameters are ≤ 1 (with a log-space fallback when the powers underflow),
 * otherwise the ratio of two gamma variates.
 */
export function beta(bg: BitGenerator, a: number, b: number): number {
  if (a <= 1.0 && b <= 1.0) {
    if (a < BETA_TINY_THRESHOLD && b < BETA_TINY_THRESHOLD) {
      // Both tiny: the sample is 0 or 1 except with probability ~1e-100.
      const U = bg.nextDouble();
      return (a + b) * U < a ? 1 : 0;
    }
    for (;;) {
      const U = bg.nextDouble();
      const V = bg.nextDouble();
      const X = pow(U, 1.0 / a);
      const Y = pow(V, 1.0 / b);
      const XpY = X + Y;
      if (XpY <= 1.0 && U + V > 0.0) {
        if (X > 0 && Y > 0) return X / XpY;
        const logX = log(U) / a;
        const logY = log(V) / b;
        const delta = logX - logY;
        if (delta > 0) return exp(-log1p(exp(-delta)));
        return exp(delta - log1p(exp(delta)));
      }
    }
  }
  const Ga = standardGamma(bg, a);
  const Gb = standardGamma(bg, b);
  return Ga / (Ga + Gb);
}
