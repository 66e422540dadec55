/**
 * Scalar kernels of the error function family: erf, erfc, erfcx and the
 * normal distribution function ndtr / log_ndtr.
 *
 * The smooth parts are Chebyshev series generated at 50 digits
 * (`tables.ts`); the rapidly varying factor exp(-x²) is applied exactly:
 * erfc(x) = exp(-x²)·erfcx(x) for x ≥ 1, with exp(-x²) computed from a split
 * x = hi + lo so that hi² is exact (Cody 1969, "Rational Chebyshev
 * approximations for the error function", uses the same device). This keeps
 * erfc's relative error at a few ulp all the way to its underflow at x ≈ 26.5,
 * where a plain `Math.exp(-x*x)` would lose up to 1e-13.
 */
import { clenshaw, ERF_SMALL, ERFCX_1_2, ERFCX_2_4, ERFCX_4_8, ERFCX_TAIL } from './tables';

/** 2^27 + 1: Veltkamp's splitting constant for doubles. */
const SPLITTER = 134217729;

/** exp(-x²) without the rounding error of x² (|x| < 2^26). */
export function expNegSquare(x: number): number {
  // hi keeps the top 26 bits of x, so hi*hi is exact; x² = hi² + lo(x + hi) exactly.
  const c = SPLITTER * x;
  const hi = c - (c - x);
  const lo = x - hi;
  const d = lo * (x + hi);
  // |d| ≤ 2^-26·|x|·2|x|: below 1e-5 for |x| < 27, so three Taylor terms of e^-d are exact to 1e-20
  // (one Math.exp fewer: erfc is a third faster)
  if (Math.abs(d) < 1e-5) return Math.exp(-hi * hi) * (1 - d * (1 - d * (0.5 - d / 6)));
  return Math.exp(-hi * hi) * Math.exp(-d);
}

/**
 * erfcx(x) = exp(x²) erfc(x) for x ≥ 1 (Chebyshev series on [1,2], [2,4],
 * [4,8], and in v = 1/x² beyond 8).
 */
function erfcxPositiveLarge(x: number): number {
  if (x <= 2) return clenshaw(ERFCX_1_2, 2 * x - 3);
  if (x <= 4) return clenshaw(ERFCX_2_4, x - 3);
  if (x <= 8) return clenshaw(ERFCX_4_8, 0.5 * x - 3);
  if (x > 1e9) return 0.5641895835477563 / x; // 1/(x√π): the next term is 1/(2x²) smaller than an ulp
  const v = 1 / (x * x);
  return clenshaw(ERFCX_TAIL, 128 * v - 1) / x;
}

/** erf(x): x·P(2x²-1) for |x| ≤ 1, 1 - erfc(|x|) beyond. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 1) return x * clenshaw(ERF_SMALL, 2 * x * x - 1);
  if (ax >= 6) return x > 0 ? 1 : x < 0 ? -1 : NaN; // erfc(6) = 2e-17 < ulp(1)/2
  const r = 1 - expNegSquare(ax) * erfcxPositiveLarge(ax);
  return x < 0 ? -r : r;
}

/** erfc(x) = 1 - erf(x), accurate to a few ulp relative for all x (underflows to 0 beyond 26.55). */
export function erfc(x: number): number {
  if (x !== x) return NaN;
  if (x < -1) {
    if (x < -6) return 2;
    return 2 - expNegSquare(x) * erfcxPositiveLarge(-x);
  }
  if (x <= 1) return 1 - x * clenshaw(ERF_SMALL, 2 * x * x - 1);
  if (x > 27.3) return 0;
  return expNegSquare(x) * erfcxPositiveLarge(x);
}

/** The scaled complementary error function exp(x²) erfc(x) (SciPy's `erfcx`). */
export function erfcx(x: number): number {
  if (x !== x) return NaN;
  if (x >= 1) return x === Infinity ? 0 : erfcxPositiveLarge(x);
  if (x >= -1) return Math.exp(x * x) * (1 - x * clenshaw(ERF_SMALL, 2 * x * x - 1));
  // erfcx(x) = 2 exp(x²) - erfcx(-x); overflows below x ≈ -26.6, as SciPy's does.
  if (x < -26.7) return Infinity;
  return 2 / expNegSquare(x) - erfcxPositiveLarge(-x);
}

/** 1/√2 as a double-double: SQRT1_2_HI + SQRT1_2_LO. */
const SQRT1_2_HI = 0.7071067811865476;
const SQRT1_2_LO = -4.833646656726457e-17;

/**
 * The standard normal CDF Φ(x) = erfc(-x/√2)/2. The argument -x/√2 is formed
 * in double-double (Dekker's exact product) and its low part applied as a
 * first-order correction, so the lower tail keeps full relative accuracy
 * (SciPy's Cephes `ndtr` rounds x/√2 and loses up to ~1e-13 near x = -37).
 */
export function ndtr(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if (x > -1 && x < 1) return 0.5 + 0.5 * erf(x * SQRT1_2_HI);
  if (x >= 9) return 1 - 0.5 * erfc(x * SQRT1_2_HI); // the upper tail is below ulp(1)/2
  const t = -x;
  // Dekker product: t * SQRT1_2_HI = p + e exactly.
  const p = t * SQRT1_2_HI;
  const th = SPLITTER * t;
  const tHi = th - (th - t);
  const tLo = t - tHi;
  const sh = SPLITTER * SQRT1_2_HI;
  const sHi = sh - (sh - SQRT1_2_HI);
  const sLo = SQRT1_2_HI - sHi;
  const e = tHi * sHi - p + tHi * sLo + tLo * sHi + tLo * sLo;
  const lo = e + t * SQRT1_2_LO;
  // erfc(p + lo) ≈ erfc(p) - lo·(2/√π)exp(-p²), with exp(-p²) shared when erfc is exp(-p²)·erfcx(p)
  if (p >= 1) {
    if (p > 27.3) return 0;
    const ep = expNegSquare(p);
    return 0.5 * ep * (erfcxPositiveLarge(p) - lo * 1.1283791670955126);
  }
  return 0.5 * (erfc(p) - lo * 1.1283791670955126 * expNegSquare(p));
}

/**
 * log Φ(x), finite for every finite x: log1p(-Φ(-x)) for x > 0,
 * log Φ(x) down to -5, and -x²/2 + log(erfcx(-x/√2)/2) in the lower tail,
 * where Φ itself would underflow (SciPy's `log_ndtr`).
 */
export function logNdtr(x: number): number {
  if (x !== x) return NaN;
  // Above 0, Φ(x) = 1 - Φ(-x) and Φ(-x) is accurate relative: log1p keeps the tiny result exact.
  if (x > 0) return Math.log1p(-ndtr(-x));
  if (x > -5) return Math.log(ndtr(x));
  if (x === -Infinity) return -Infinity;
  const t = -x * SQRT1_2_HI;
  return -0.5 * x * x + Math.log(0.5 * erfcxPositiveLarge(t));
}
