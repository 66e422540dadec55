/**
 * Scalar kernels of the gamma function family: Γ, log|Γ|, the sign of Γ,
 * log Γ(1+x), Stirling's scaled gamma Γ*, and sin(πx).
 *
 * Method (DLMF §5.5, §5.11):
 * - [1, 3]: log Γ(x) = (x-1)(x-2)·R(x), R a Chebyshev series generated at 50
 *   digits (`tables.ts`). The zeros at 1 and 2 are factored out exactly, so
 *   the relative error stays at a few ulp where log Γ crosses zero (a plain
 *   Stirling or Lanczos sum loses all digits there).
 * - (0, 1): log Γ(x) = log Γ(1+x) - log x; (3, 12): the recurrence
 *   Γ(x+1) = xΓ(x) down to [2, 3]; x ≥ 12: Stirling's series (DLMF 5.11.1)
 *   with ten Bernoulli terms (error < 1e-19 at x = 12).
 * - x < 0: the reflection formula Γ(x)Γ(1-x) = π / sin(πx) (DLMF 5.5.3).
 */
import { clenshaw, LGAMMA_1_3 } from './tables';
import { log1pmx } from './util';

/** log √(2π). */
export const LOG_SQRT_2PI = 0.9189385332046728;
const SQRT_2PI = 2.5066282746310002;

/** Stirling coefficients B_{2k} / (2k(2k-1)), k = 1…10 (DLMF 5.11.1, 24.2.1). */
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188, -174611 / 125400,
];

/**
 * log Γ*(x), where Γ(x) = √(2π) x^(x-½) e^(-x) Γ*(x) (Temme's scaled gamma,
 * DLMF 5.11.3's remainder). Small and smooth for large x, which is what makes
 * the incomplete gamma and beta prefactors accurate for large parameters.
 */
export function logGammaStar(x: number): number {
  if (x >= 12) {
    const r = 1 / x;
    const r2 = r * r;
    let s = STIRLING[9];
    for (let k = 8; k >= 0; k--) s = s * r2 + STIRLING[k];
    return s * r;
  }
  if (x !== x || x <= 0) return NaN;
  // Below 12, step up: log Γ*(x) = log Γ*(x+1) + φ(x) with φ(x) = (x+½) log(1+1/x) - 1
  // = atanh(t)/t - 1 = t²/3 + t⁴/5 + …, t = 1/(2x+1): every term positive, no cancellation.
  let sum = 0;
  let y = x;
  while (y < 12) {
    const t = 1 / (2 * y + 1);
    if (t > 0.25) sum += (0.5 * Math.log1p((2 * t) / (1 - t))) / t - 1;
    else {
      const t2 = t * t;
      let p = t2;
      let s = 0;
      for (let j = 1; p > 1e-17 * s; j++, p *= t2) s += p / (2 * j + 1);
      sum += s;
    }
    y += 1;
  }
  return sum + logGammaStar(y);
}

/** sin(πx), exact at integers and half-integers (argument reduced exactly mod 2). */
export function sinpi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x % 2; // exact in floating point
  if (r <= -1) r += 2;
  else if (r > 1) r -= 2;
  // r in (-1, 1]; fold onto [-1/2, 1/2] using sin(π(1-r)) = sin(πr).
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  return r === 0 ? 0 * x : Math.sin(Math.PI * r);
}

/** log Γ(1 + x) for -1/2 ≤ x ≤ 2, accurate near x = 0 and x = 1 where it vanishes. */
export function lgamma1p(x: number): number {
  if (x === 0) return 0;
  if (x > 0 && x < 1) {
    // log Γ(1+x) = x (x-1) R(1+x); R is smooth, so the rounding of 1+x does not matter.
    return x * (x - 1) * clenshaw(LGAMMA_1_3, x - 1);
  }
  if (x > -0.5 && x < 0) {
    // log Γ(1+x) = log Γ(2+x) - log(1+x) = x (1+x) R(2+x) - log1p(x)
    return x * (1 + x) * clenshaw(LGAMMA_1_3, x) - Math.log1p(x);
  }
  return lgamma(1 + x);
}

/** log Γ(x) on [1, 3]. */
function lgammaOneThree(x: number): number {
  return (x - 1) * (x - 2) * clenshaw(LGAMMA_1_3, x - 2);
}

/** log|Γ(x)| for real x (+∞ at the poles 0, -1, -2, …), as SciPy's gammaln. */
export function lgamma(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return -Infinity; // SciPy's convention
  if (x <= 0) {
    if (x === Math.floor(x)) return Infinity;
    // |Γ(x)| = π / (|sin πx| Γ(1-x)), Γ(1-x) = (-x) Γ(-x) with -x exact
    return Math.log(Math.PI / Math.abs(sinpi(x) * x)) - lgamma(-x);
  }
  if (x < 1) {
    if (x < 1e-300) return -Math.log(x); // Γ(x) = 1/x - γ + …
    return lgamma1p(x) - Math.log(x);
  }
  if (x <= 3) return lgammaOneThree(x);
  if (x < 12) {
    let y = x;
    let p = 1;
    while (y > 3) {
      y -= 1;
      p *= y;
    }
    return lgammaOneThree(y) + Math.log(p);
  }
  return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + logGammaStar(x);
}

/** The sign of Γ(x) (SciPy's gammasgn): ±1 at ±0, NaN at the negative poles, at -∞ and for NaN. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (x === 0) return Object.is(x, -0) ? -1 : 1;
  if (x !== x || x === Math.floor(x)) return NaN;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** Γ(x) for real x: ±∞ at the poles (sign of the approach as SciPy: NaN at negative integers, ±∞ at ±0). */
export function gamma(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return Infinity;
  if (x === 0) return 1 / x; // ±∞ with the sign of zero
  if (x < 0) {
    if (x === Math.floor(x)) return NaN;
    if (x < -184) return 0 * gammaSign(x); // |Γ| < 5e-324
    // Γ(x) = π / (sin(πx) Γ(1-x)) = π / (sin(πx) (-x) Γ(-x)); -x is exact where 1 - x would round.
    const y = -x;
    if (y < 170) return Math.PI / (sinpi(x) * y * gamma(y));
    // Γ(-x) overflows but the quotient is a (subnormal) double: divide by Stirling's factors one at a time.
    const h = Math.pow(y, 0.5 * y - 0.25);
    return Math.PI / (sinpi(x) * y * SQRT_2PI * Math.exp(logGammaStar(y))) / h / (h * Math.exp(-y));
  }
  if (x < 1) return Math.exp(lgamma1p(x)) / x;
  if (x <= 3) return Math.exp(lgammaOneThree(x));
  if (x < 20) {
    let y = x;
    let p = 1;
    while (y > 3) {
      y -= 1;
      p *= y;
    }
    return Math.exp(lgammaOneThree(y)) * p;
  }
  if (x > 171.7) return Infinity;
  // Stirling with the power split in halves so that x^(x-1/2) cannot overflow early.
  const h = Math.pow(x, 0.5 * x - 0.25);
  return SQRT_2PI * h * (h * Math.exp(-x)) * Math.exp(logGammaStar(x));
}

/**
 * log Γ(b + a) - log Γ(b) for b > 0 and small a ≥ 0, accurate to a few ulp of
 * its own size (the difference of two log-gammas would lose everything when a
 * is 1e-8). Shifts b up to B ≥ 12 with log1p(a/(b+k)) terms, then uses
 * Stirling's form with log1pmx and the difference of the Γ* series termwise.
 */
export function lgammaDelta(b: number, a: number): number {
  let sum = 0;
  let B = b;
  while (B < 12) {
    sum -= Math.log1p(a / B); // Γ(b+a)/Γ(b) = Γ(b+1+a)/Γ(b+1) · b/(b+a)
    B += 1;
  }
  const t = a / B;
  const l1 = Math.log1p(t);
  // log Γ*(B+a) - log Γ*(B) = Σ c_k B^{-(2k-1)} ((1+t)^{-(2k-1)} - 1)
  let star = 0;
  let pw = 1 / B;
  const r2 = pw * pw;
  for (let k = 0; k < STIRLING.length; k++, pw *= r2) star += STIRLING[k] * pw * Math.expm1(-(2 * k + 1) * l1);
  return sum + B * log1pmx(t) - 0.5 * l1 + a * Math.log(B + a) + star;
}
