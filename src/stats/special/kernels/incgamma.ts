/**
 * Scalar kernels of the regularized incomplete gamma functions
 * P(a, x) = γ(a, x)/Γ(a), Q(a, x) = Γ(a, x)/Γ(a) and their inverses.
 *
 * Method:
 * - The common factor x^a e^(-x)/Γ(a) is computed for large a as
 *   √(a/2π)·exp(a·log1pmx((x-a)/a))/Γ*(a) (Temme 1979, "The asymptotic
 *   expansion of the incomplete gamma functions"; DLMF 8.12), which avoids the
 *   cancellation of a·log x - x - log Γ(a) between numbers of size a.
 * - x < a + 1: the power series DLMF 8.7.1 for P; otherwise Legendre's
 *   continued fraction DLMF 8.9.2 for Q, by the modified Lentz algorithm
 *   (Thompson & Barnett 1986). Whichever of P, Q is computed is the smaller,
 *   so the other is 1 minus it without loss.
 * - a < 1 and x ≤ 1.5: Q = -expm1(a log x - log Γ(1+a)) - a·x^a/Γ(1+a)·Σ (-x)ⁿ/(n!(a+n)),
 *   from the series of γ(a, x) (DLMF 8.7.1, 8.2.1), which keeps Q's relative
 *   accuracy when a is tiny and Q ≪ P.
 * - Inverses: Halley's method on whichever tail is smaller, inside a bracket
 *   that falls back to bisection, from the Wilson–Hilferty or small-x start.
 */
import { gamma, lgamma, lgamma1p, logGammaStar } from './gamma';
import { log1pmx, newtonBracketed } from './util';
import { ndtri } from './erfinv';

/** log(x^a e^(-x) / Γ(a)) for x > 0, without cancellation for large a (Temme's form). */
export function logGammaPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - lgamma(a);
  // a(log(x/a) + 1) - x; near x = a through log1pmx, where x - a is exact (Sterbenz)
  const r = x / a;
  const e = r > 0.5 && r < 3 ? a * log1pmx((x - a) / a) : a * (Math.log(r) + 1) - x;
  return 0.5 * Math.log(a / (2 * Math.PI)) + e - logGammaStar(a);
}

/** The smallest normal double: below it a probability has lost digits. */
const NORMAL = 2.2250738585072014e-308;

/** The last shape's 1/Γ(a) (a < 10) or √(a/2π)/Γ*(a): an array call usually broadcasts one a. */
const lastShape = { a: NaN, factor: NaN };

function shapeFactor(a: number): number {
  if (lastShape.a !== a) {
    lastShape.a = a;
    lastShape.factor = a < 10 ? 1 / gamma(a) : Math.sqrt(a / (2 * Math.PI)) * Math.exp(-logGammaStar(a));
  }
  return lastShape.factor;
}

/** x^a e^(-x) / Γ(a), the factor shared by the series, the continued fraction and the density. */
export function gammaPrefactor(a: number, x: number): number {
  if (x === 0) return a === 1 ? 1 : a < 1 ? Infinity : 0; // limits of x^a e^-x/Γ(a) at 0⁺ (used by the density)
  const f = shapeFactor(a);
  if (a < 10) {
    // pow and exp round once each; exp(a log x - x) would carry the rounding of a number near 700
    if (x < 746) {
      const r = Math.pow(x, a) * Math.exp(-x) * f;
      if (r >= NORMAL && r < Infinity) return r;
    }
    return Math.exp(a * Math.log(x) - x - lgamma(a));
  }
  // a(log(x/a) + 1) - x = a·log1pmx((x-a)/a): no large intermediate terms, and x - a exact near x = a
  const r = x / a;
  const e = r > 0.5 && r < 3 ? a * log1pmx((x - a) / a) : a * (Math.log(r) + 1) - x;
  return f > 0 && f < Infinity ? f * Math.exp(e) : Math.sqrt(a / (2 * Math.PI)) * Math.exp(e - logGammaStar(a));
}

const EPS = 1e-16;
const TINY = 1e-300;

/** The sum Σ xⁿ / ((a+1)…(a+n)) of the series DLMF 8.7.1: P = x^a e^-x / Γ(a+1) · sum. */
function seriesSum(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < EPS * sum) break;
  }
  return sum;
}

/** P by the series DLMF 8.7.1. */
function seriesP(a: number, x: number): number {
  return (gammaPrefactor(a, x) / a) * seriesSum(a, x);
}

/** The value h of Legendre's continued fraction DLMF 8.9.2 (modified Lentz): Q = x^a e^-x / Γ(a) · h. */
function fractionH(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Q by the continued fraction DLMF 8.9.2. */
function fractionQ(a: number, x: number): number {
  return gammaPrefactor(a, x) * fractionH(a, x);
}

/**
 * The pieces of the small-x series for a < 1, 0 < x ≤ 1.5: v = log(x^a/Γ(1+a))
 * and S = Σ_{n≥1} (-x)ⁿ/(n!(a+n)), with P = e^v (1 + aS), Q = -expm1(v) - a e^v S.
 */
function smallParts(a: number, x: number): { v: number; s: number } {
  let term = 1;
  let s = 0;
  for (let n = 1; n < 60; n++) {
    term *= -x / n;
    const t = term / (a + n);
    s += t;
    if (Math.abs(t) < 1e-17 * Math.abs(s)) break;
  }
  return { v: a * Math.log(x) - lgamma1p(a), s };
}

/** [P, Q] for a < 1, 0 < x ≤ 1.5 (small-x series; both accurate). */
function smallPQ(a: number, x: number): [number, number] {
  const { v, s } = smallParts(a, x);
  const u = Math.exp(v);
  return [u * (1 + a * s), -Math.expm1(v) - a * u * s];
}

/**
 * Both regularized incomplete gammas [P(a, x), Q(a, x)], each to full
 * relative accuracy. NaN for a < 0, x < 0 or NaN; SciPy's limits at a = 0
 * (P = 1 for x > 0) and at infinities.
 */
export function gammaincPair(a: number, x: number): [number, number] {
  if (!(a >= 0 && x >= 0)) return [NaN, NaN];
  if (a === 0) return x > 0 ? [1, 0] : [NaN, NaN];
  if (x === 0) return [0, 1];
  if (a === Infinity) return x === Infinity ? [NaN, NaN] : [0, 1];
  if (x === Infinity) return [1, 0];
  if (a < 1 && x <= 1.5) return smallPQ(a, x);
  if (x < a + 1) {
    const p = seriesP(a, x);
    return [p, 1 - p];
  }
  const q = fractionQ(a, x);
  return [1 - q, q];
}

/**
 * [log P(a, x), log Q(a, x)], finite where P or Q underflows (log P(2.5, 1e-300)
 * = -1728.1): the tiny one is formed in log space from the same series or
 * fraction, the one near 1 as log1p of minus the other.
 */
export function logGammaincPair(a: number, x: number): [number, number] {
  const [p, q] = gammaincPair(a, x);
  if (!(p === p)) return [NaN, NaN];
  const tiny = 1e-290;
  let lp = p < 0.5 ? Math.log(p) : Math.log1p(-q);
  let lq = q < 0.5 ? Math.log(q) : Math.log1p(-p);
  if (p < tiny && x > 0 && Number.isFinite(a)) {
    // the lower tail: the series (x < a + 1) or, for a < 1, P = x^a/Γ(1+a)·(1 + aS)
    if (a < 1 && x <= 1.5) {
      const { v, s: sum } = smallParts(a, x);
      lp = v + Math.log1p(a * sum);
    } else lp = logGammaPrefactor(a, x) - Math.log(a) + Math.log(seriesSum(a, x));
  }
  if (q < tiny && Number.isFinite(x) && x > 0 && Number.isFinite(a)) lq = logGammaPrefactor(a, x) + Math.log(fractionH(a, x));
  return [lp, lq];
}

/** P(a, x) = γ(a, x)/Γ(a), SciPy's `gammainc`. */
export function gammainc(a: number, x: number): number {
  return gammaincPair(a, x)[0];
}

/** Q(a, x) = Γ(a, x)/Γ(a), SciPy's `gammaincc`. */
export function gammaincc(a: number, x: number): number {
  return gammaincPair(a, x)[1];
}

/** A starting point for x with P(a, x) = p (Q = q = 1 - p). */
function initialGuess(a: number, p: number, q: number): number {
  // Lower tail: P ≈ x^a / Γ(a+1) for small x.
  const small = Math.exp((Math.log(p) + lgamma1p(a)) / a);
  if (small < 0.3 * (a + 1)) return small;
  if (a >= 1) {
    // Wilson–Hilferty: (x/a)^(1/3) is nearly normal with mean 1 - 1/(9a), variance 1/(9a).
    const z = p < 0.5 ? ndtri(p) : -ndtri(q);
    const s = 1 / (9 * a);
    const w = 1 - s + z * Math.sqrt(s);
    if (w > 0) return a * w * w * w;
  }
  // Upper tail: Q ≈ x^(a-1) e^-x / Γ(a), solved by a few fixed-point steps.
  let x = Math.max(1, a);
  const lq = Math.log(q) + lgamma(a);
  for (let i = 0; i < 5; i++) x = Math.max((a - 1) * Math.log(x) - lq, 1e-3);
  return x;
}

/**
 * x with P(a, x) = p and Q(a, x) = q (p + q = 1; both exact as given). Newton
 * on g = log P - log p (or log q - log Q, whichever tail is smaller), which is
 * accurate and fast even in far tails (q = 1e-300).
 */
function invertGamma(a: number, p: number, q: number): number {
  const useP = p <= 0.5;
  const x0 = initialGuess(a, p, q);
  if (x0 === 0) return 0; // the root underflows: P ≈ x^a/Γ(a+1) is exact there
  const lp = Math.log(p);
  const lq = Math.log(q);
  const evaluate = (x: number): [number, number] => {
    const [pp, qq] = gammaincPair(a, x);
    const ld = logGammaPrefactor(a, x) - Math.log(x); // log dP/dx
    if (useP ? pp >= NORMAL : qq >= NORMAL) {
      // log(F/t) as log1p((F - t)/t): F - t is exact near the root, where log F - log t would keep only ~1e-13/|log t|
      return useP ? [Math.log1p((pp - p) / p), Math.exp(ld) / pp] : [Math.log1p((q - qq) / qq), Math.exp(ld) / qq];
    }
    // subnormal or zero tails (q = 5e-324): in log space throughout
    const [lpp, lqq] = logGammaincPair(a, x);
    return useP ? [lpp - lp, Math.exp(ld - lpp)] : [lq - lqq, Math.exp(ld - lqq)];
  };
  return newtonBracketed(evaluate, Number.isFinite(x0) && x0 > 0 ? x0 : Math.max(a, 1), 0, Infinity);
}

/** The inverse of P in x: gammaincinv(a, p) (SciPy's `gammaincinv`). */
export function gammaincinv(a: number, p: number): number {
  if (!(a >= 0 && p >= 0 && p <= 1) || a === 0) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return invertGamma(a, p, 1 - p);
}

/** The inverse of Q in x: gammainccinv(a, q) (SciPy's `gammainccinv`). */
export function gammainccinv(a: number, q: number): number {
  if (!(a >= 0 && q >= 0 && q <= 1) || a === 0) return NaN;
  if (q === 0) return Infinity;
  if (q === 1) return 0;
  return invertGamma(a, 1 - q, q);
}
