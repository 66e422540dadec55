/**
 * Scalar kernels of the beta function family: log|B(a, b)|, the regularized
 * incomplete beta I_x(a, b) and its inverse in x.
 *
 * - log B(a, b) for a ≥ b > 0 and a ≥ 8: log Γ(b) + log(Γ(a)/Γ(a+b)), the
 *   ratio from Stirling's form with log1pmx (DiDonato & Morris 1992, ACM
 *   TOMS 708, routine BETALN's approach), so a huge a with a small b does not
 *   cancel two huge log-gammas; small arguments use Γ directly.
 * - The prefactor x^a y^b / B(a, b) uses the same scaling; for a, b both
 *   large it is √(ab/(2π(a+b)))·exp(a·log1pmx(d/p₀) + b·log1pmx(-d/q₀))·
 *   Γ*(a+b)/(Γ*(a)Γ*(b)), d = x - a/(a+b) (TOMS 708, BRCOMP).
 * - I_x(a, b) by the continued fraction DLMF 8.17.22 (modified Lentz) on the
 *   side x < (a+1)/(a+b+2) where it converges fast, and the symmetry
 *   I_x(a, b) = 1 - I_{1-x}(b, a) (DLMF 8.17.4) on the other side.
 * - The inverse by Halley's method on the smaller tail inside [0, 1].
 */
import { gamma, lgamma, lgamma1p, lgammaDelta, logGammaStar } from './gamma';
import { log1pmx, newtonBracketed } from './util';

/** log(Γ(a)/Γ(a+b)) for a ≥ 8, b > 0 (no cancellation between the two log-gammas). */
function logGammaRatio(a: number, b: number): number {
  // log Γ(a) - log Γ(a+b) = -a·log1pmx(b/a) - (b - ½)·log1p(b/a) - b·log a + log Γ*(a) - log Γ*(a+b)
  const t = b / a;
  return -a * log1pmx(t) - (b - 0.5) * Math.log1p(t) - b * Math.log(a) + logGammaStar(a) - logGammaStar(a + b);
}

/** log|B(a, b)| (SciPy's betaln), including negative non-integer arguments. */
export function betaln(a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  if (a > 0 && b > 0) {
    if (a < b) [a, b] = [b, a];
    if (a === Infinity) return -Infinity;
    if (a >= 8) return lgamma(b) + logGammaRatio(a, b);
    // both below 8: Γ is well within range and the product form cannot cancel
    return Math.log((gamma(a) / gamma(a + b)) * gamma(b));
  }
  return betalnGeneral(a, b);
}

/** log|B(a, b)| when an argument is ≤ 0: the reflection values of Γ, with the pole cancellation B(-m, n) for integers. */
function betalnGeneral(a: number, b: number): number {
  const aPole = a <= 0 && a === Math.floor(a);
  const bPole = b <= 0 && b === Math.floor(b);
  if (aPole || bPole) {
    // Γ(a)/Γ(a+b) stays finite when a (say) is a pole and a+b is a pole "after" it: B = (b-1)!/Π_{k<b}(a+k).
    const [p, n] = aPole ? [a, b] : [b, a];
    if (aPole && bPole) return Infinity;
    if (n > 0 && n === Math.floor(n) && p + n <= 0 && Number.isFinite(p)) {
      let r = 0;
      for (let k = 0; k < n; k++) r += Math.log(Math.abs(p + k)) - (k > 0 ? Math.log(k) : 0);
      return -r;
    }
    return Infinity;
  }
  const s = a + b;
  if (s <= 0 && s === Math.floor(s)) return -Infinity; // 1/Γ(a+b) = 0
  return lgamma(a) + lgamma(b) - lgamma(s);
}

/** 2^27 + 1, Veltkamp's splitting constant. */
const SPLITTER = 134217729;

/** x·y as an unevaluated sum hi + lo, exactly (Dekker's product). */
function twoProduct(x: number, y: number): [number, number] {
  const hi = x * y;
  const cx = SPLITTER * x;
  const xh = cx - (cx - x);
  const xl = x - xh;
  const cy = SPLITTER * y;
  const yh = cy - (cy - y);
  const yl = y - yh;
  return [hi, xh * yh - hi + xh * yl + xl * yh + xl * yl];
}

/**
 * The exponent e = a log(x/p₀) + b log(y/q₀), p₀ = a/s, q₀ = b/s, s = a + b,
 * of the large-parameter prefactor (TOMS 708's BRCOMP). With D = x·s - a
 * formed exactly (Dekker's product of the exact one of x, y), t₁ = D/a and
 * t₂ = -D/b, the linear parts cancel analytically: e = a·L(t₁) + b·L(t₂) with
 * L(t) = log(1+t) - t, and where 1 + t is small L(t) = log(xs/a) - t from the
 * exact product. No term is larger than the result's own scale.
 */
function temmeExponent(a: number, b: number, x: number, y: number): number {
  const s = a + b;
  // D = x s - a = b - y s, from whichever of x, y is exact (the smaller one)
  const [hi, lo] = x <= y ? twoProduct(x, s) : twoProduct(y, s);
  const D = x <= y ? hi - a + lo : b - hi - lo;
  const t1 = D / a;
  const t2 = -D / b;
  const l1 = t1 > -0.5 ? log1pmx(t1) : Math.log(x <= y ? (hi + lo) / a : x * (s / a)) - t1;
  const l2 = t2 > -0.5 ? log1pmx(t2) : Math.log(x <= y ? y * (s / b) : (hi + lo) / b) - t2;
  return a * l1 + b * l2;
}

/** log(x^a y^b / B(a, b)), y = 1 - x, finite where the prefactor itself underflows. */
export function logBetaPrefactor(a: number, b: number, x: number, y: number): number {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  const ly = x <= y ? Math.log1p(-x) : Math.log(y);
  if (a >= 8 && b >= 8) {
    const s = a + b;
    const e = temmeExponent(a, b, x, y);
    return e + logGammaStar(s) - logGammaStar(a) - logGammaStar(b) + 0.5 * Math.log((a * b) / (2 * Math.PI * s));
  }
  if (a >= 8 || b >= 8) {
    const [m, big] = a < b ? [a, b] : [b, a];
    const [lm, lbig] = a < b ? [lx, ly] : [ly, lx];
    return m * lm + big * lbig - logGammaRatio(big, m) - lgamma(m);
  }
  return a * lx + b * ly - betaln(a, b);
}

/**
 * x^a y^b / B(a, b) with y = 1 - x. Both are passed because only the smaller
 * is exact (1 - x rounds for x < 1/2): logarithms are taken of the smaller
 * one and through log1p of it for the larger, so b·log y stays exact even for
 * b = 1e6 and x = 1e-5 (the binomial tail).
 */
export function betaPrefactor(a: number, b: number, x: number, y: number): number {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  const ly = x <= y ? Math.log1p(-x) : Math.log(y);
  const c = shapeConstants(a, b);
  if (a >= 8 && b >= 8) return c.scale * Math.exp(temmeExponent(a, b, x, y) + c.log);
  // Below, the powers are taken with Math.pow where the base is exact (pow is correctly rounded to
  // within an ulp, while exp(a·log x) carries the rounding of a·log x: 1e-13 when that is ~700).
  const exact = 1 - y === x && 1 - x === y;
  const px = x <= y || exact ? Math.pow(x, a) : Math.exp(a * lx);
  const py = y <= x || exact ? Math.pow(y, b) : Math.exp(b * ly);
  const r = px * py * c.scale;
  if (r >= 2.2250738585072014e-308 && r < Infinity) return r;
  return Math.exp(a * lx + b * ly + c.log);
}

/** The factors of x^a y^b / B(a, b) that depend on a and b only (see {@link shapeConstants}). */
interface ShapeConstants {
  a: number;
  b: number;
  /** both ≥ 8: √(ab/(2πs)) and log Γ*(s) - log Γ*(a) - log Γ*(b); otherwise 1/B(a, b) and -log B(a, b). */
  scale: number;
  log: number;
}

const lastShapes: ShapeConstants = { a: NaN, b: NaN, scale: NaN, log: NaN };

/**
 * The shape-only factors of the prefactor, remembered for the last (a, b):
 * in an array call the shapes are usually one pair broadcast over many x, and
 * these cost three gamma functions.
 */
function shapeConstants(a: number, b: number): ShapeConstants {
  const c = lastShapes;
  if (c.a === a && c.b === b) return c;
  c.a = a;
  c.b = b;
  if (a >= 8 && b >= 8) {
    const s = a + b;
    c.scale = Math.sqrt((a * b) / (2 * Math.PI * s));
    c.log = logGammaStar(s) - logGammaStar(a) - logGammaStar(b);
  } else if (a >= 8 || b >= 8) {
    // one large (L) and one small (m): Γ(a+b)/(Γ(a)Γ(b)) = exp(-log(Γ(L)/Γ(L+m)) - log Γ(m))
    const [m, big] = a < b ? [a, b] : [b, a];
    c.log = -logGammaRatio(big, m) - lgamma(m);
    c.scale = Math.exp(c.log);
  } else {
    c.scale = (gamma(a + b) / gamma(b)) / gamma(a);
    c.log = -betaln(a, b);
    if (!(c.scale > 0 && c.scale < Infinity)) c.scale = Math.exp(c.log);
  }
  return c;
}

const EPS = 1e-16;
/** The smallest normal double: below it a probability has lost digits. */
const NORMAL = 2.2250738585072014e-308;
const TINY = 1e-300;

/** The k-th partial numerator of DLMF 8.17.22 (d_{2m+1}, d_{2m}). */
function fractionTerm(a: number, b: number, x: number, k: number): number {
  const m = k >> 1;
  if (k & 1) return (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
  return (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
}

/**
 * I_x(a, b) by the continued fraction DLMF 8.17.22,
 * x^a y^b/(a B(a,b)) · 1/(1+ d₁/(1+ d₂/(1+ …))), for x < (a+1)/(a+b+2).
 * The depth is found by the modified Lentz algorithm (Thompson & Barnett
 * 1986); the fraction is then re-evaluated from the tail backwards, which is
 * several times more accurate near the switch point where 1 + d₁/(…) cancels.
 */
function fractionI(a: number, b: number, x: number, y: number): number {
  return betaPrefactor(a, b, x, y) / a / fractionHead(a, b, x, y);
}

/** The continued fraction 1 + d₁/(1 + d₂/(1 + …)) itself (I = x^a y^b/(a B) / head). */
function fractionHead(a: number, b: number, x: number, y: number): number {
  // Lentz's forward pass, to find how many terms converge it.
  let c = 1;
  let d = 0;
  let n = 1;
  for (; n < 100000; n++) {
    const t = fractionTerm(a, b, x, n);
    d = 1 + t * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + t / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    if (Math.abs(c * d - 1) < EPS) break;
  }
  // Backward evaluation of t₂ = 1 + d₂/(1 + d₃/(… 1 + d_N)), keeping t₂ - 1 = d₂/t₃ as computed.
  const depth = n + 8;
  let tail = 1;
  for (let k = depth; k >= 3; k--) tail = 1 + fractionTerm(a, b, x, k) / tail;
  const t2m1 = fractionTerm(a, b, x, 2) / tail;
  const t2 = 1 + t2m1;
  // head = 1 + d₁/t₂ = (1 + d₁) - d₁(t₂ - 1)/t₂, with 1 + d₁ = ((a+1) - (a+b)x)/(a+1) formed from the exact
  // one of x, y: near x ≈ 1 with a large, 1 + d₁/t₂ itself would cancel to a few digits.
  const d1 = fractionTerm(a, b, x, 1);
  const onePlusD1 = (x <= y ? a + 1 - (a + b) * x : 1 - b + (a + b) * y) / (a + 1);
  return onePlusD1 - (d1 * t2m1) / t2;
}

/**
 * I_x(a, b) for x < (a+1)/(a+b+2) when a and b are large and x is near the
 * switch point, where the continued fraction cancels (1 + d₁ ≈ 0). Shifts a
 * up by n with DLMF 8.17.20, I_x(a, b) = Σ_{k<n} x^(a+k) y^b/((a+k) B(a+k, b)) + I_x(a+n, b),
 * a sum of positive terms (TOMS 708's BUP), until x lies three standard
 * deviations below the new switch point, where the fraction is well conditioned.
 */
function fractionIShifted(a: number, b: number, x: number, y: number): number {
  if (a + b < 40 || b < 1) return fractionI(a, b, x, y);
  const target = x + 3 * Math.sqrt((x * y) / (a + b + 1));
  if (target >= 1) return fractionI(a, b, x, y);
  const n = Math.ceil((target * (b + 1)) / (1 - target) - a - 1);
  if (n <= 0) return fractionI(a, b, x, y);
  let term = betaPrefactor(a, b, x, y) / a;
  let sum = term;
  for (let k = 1; k < n; k++) {
    term *= (x * (a + b + k - 1)) / (a + k);
    sum += term;
  }
  return sum + fractionI(a + n, b, x, y);
}

/**
 * [I_x(a, b), 1 - I_x(a, b)] for a ≤ 1 and b·x < 1, from the power series of
 * B_x(a, b) (DLMF 8.17.7 with (1-t)^(b-1) expanded; TOMS 708's APSER idea):
 * I = K(1 + aS), 1 - I = -expm1(log K) - K·a·S, K = x^a/(a B(a, b)),
 * S = Σ_{n≥1} (1-b)_n xⁿ/(n!(a+n)). With log(a B(a, b)) = log Γ(1+a) - (log Γ(b+a) - log Γ(b))
 * the complement keeps full relative accuracy when a is tiny and I ≈ 1.
 */
function smallParameterPair(a: number, b: number, x: number, y: number): [number, number] {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  let term = 1;
  let s = 0;
  for (let n = 1; n < 2000; n++) {
    term *= ((n - b) * x) / n;
    const t = term / (a + n);
    s += t;
    if (Math.abs(t) <= 1e-17 * Math.abs(s)) break;
  }
  const logK = a * lx - lgamma1p(a) + lgammaDelta(b, a);
  const k = Math.exp(logK);
  return [k * (1 + a * s), -Math.expm1(logK) - k * a * s];
}

/**
 * [I_x(a, b), 1 - I_x(a, b)], each to full relative accuracy, with SciPy's
 * limits: NaN for a or b < 0, x outside [0, 1], a = b = 0, or a = b = ∞.
 */
export function betaincPair(a: number, b: number, x: number): [number, number] {
  if (!(a >= 0 && b >= 0 && x >= 0 && x <= 1)) return [NaN, NaN];
  if (a === 0 && b === 0) return [NaN, NaN];
  if (a === Infinity && b === Infinity) return [NaN, NaN];
  if (a === 0 || b === Infinity) return [1, 0]; // mass at 0 (for x > 0; x = 0 too, as SciPy's)
  if (b === 0 || a === Infinity) return [0, 1];
  if (x === 0) return [0, 1];
  if (x === 1) return [1, 0];
  const y = 1 - x;
  // The fraction converges fast below the switch point (a+1)/(a+b+2), but its terms approach -1 when
  // its variable is near 1 (one shape much larger than the other), and it then loses digits to
  // cancellation that grows with the ratio of the shapes (1e-12 for binom.cdf at n = 1e6, p = 1e-4;
  // measured: worse than the other side's complement from a ratio of ~50 on). Within two standard
  // deviations of the mean the other side converges well too and neither tail is small, so there,
  // for such ratios, that side is taken.
  const s = a + b;
  let direct = x < (a + 1) / (s + 2);
  const nearMean = Math.abs(x - a / s) < 2 * Math.sqrt((a * b) / (s * s * (s + 1)));
  if (nearMean && (direct ? x > 0.9 && a >= 50 * b : y > 0.9 && b >= 50 * a)) direct = !direct;
  if (direct) {
    const w = fractionIShifted(a, b, x, y);
    // w near 1 happens only for small a; its complement then needs the series
    return w > 0.5 && a <= 1 && b * x < 1 ? smallParameterPair(a, b, x, y) : [w, 1 - w];
  }
  const w = fractionIShifted(b, a, y, x);
  if (w > 0.5 && b <= 1 && a * y < 1) {
    const [i, c] = smallParameterPair(b, a, y, x);
    return [c, i];
  }
  return [1 - w, w];
}

/**
 * [log I_x(a, b), log(1 - I_x(a, b))], finite where either underflows: the
 * tiny one is formed in log space from the continued fraction.
 */
export function logBetaincPair(a: number, b: number, x: number): [number, number] {
  const [i, c] = betaincPair(a, b, x);
  if (!(i === i)) return [NaN, NaN];
  let li = i < 0.5 ? Math.log(i) : Math.log1p(-c);
  let lc = c < 0.5 ? Math.log(c) : Math.log1p(-i);
  const y = 1 - x;
  const finite = a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b) && x > 0 && x < 1;
  if (finite && i < 1e-290 && x < (a + 1) / (a + b + 2)) li = logBetaPrefactor(a, b, x, y) - Math.log(a) - Math.log(fractionHead(a, b, x, y));
  if (finite && c < 1e-290 && x >= (a + 1) / (a + b + 2)) lc = logBetaPrefactor(b, a, y, x) - Math.log(b) - Math.log(fractionHead(b, a, y, x));
  return [li, lc];
}

/** I_x(a, b), the regularized incomplete beta function (SciPy's `betainc`). */
export function betainc(a: number, b: number, x: number): number {
  return betaincPair(a, b, x)[0];
}

/** 1 - I_x(a, b) computed directly (SciPy's `betaincc`). */
export function betaincc(a: number, b: number, x: number): number {
  return betaincPair(a, b, x)[1];
}

/**
 * x with I_x(a, b) = p, where q = 1 - p is given exactly too: Newton on
 * log I - log p (or log q - log(1 - I) for the upper tail) within [0, 1].
 */
function invertBeta(a: number, b: number, p: number, q: number): number {
  const useP = p <= q;
  // Start from the tail approximations I ≈ x^a/(a B) near 0 and 1 - I ≈ y^b/(b B) near 1, else the mean.
  const lb = betaln(a, b);
  const x0 = Math.exp((Math.log(p * a) + lb) / a);
  const y0 = Math.exp((Math.log(q * b) + lb) / b);
  const mean = a / (a + b);
  let x = x0 < mean && x0 < 0.5 ? x0 : y0 < 1 - mean && y0 < 0.5 ? 1 - y0 : mean;
  if (useP && x0 === 0) return 0; // the root underflows
  if (!(x > 0 && x < 1)) x = 0.5;
  const lp = Math.log(p);
  const lq = Math.log(q);
  const evaluate = (t: number): [number, number] => {
    const [ip, iq] = betaincPair(a, b, t);
    const ld = logBetaPrefactor(a, b, t, 1 - t) - Math.log(t) - Math.log1p(-t); // log dI/dx
    if (useP ? ip >= NORMAL : iq >= NORMAL) {
      // log(F/t) as log1p((F - t)/t): exact near the root (log F - log t would not be)
      return useP ? [Math.log1p((ip - p) / p), Math.exp(ld) / ip] : [Math.log1p((q - iq) / iq), Math.exp(ld) / iq];
    }
    // subnormal or zero tails: in log space throughout
    const [lip, liq] = logBetaincPair(a, b, t);
    return useP ? [lip - lp, Math.exp(ld - lip)] : [lq - liq, Math.exp(ld - liq)];
  };
  return newtonBracketed(evaluate, x, 0, 1);
}

/** The inverse of I_x(a, b) in x (SciPy's `betaincinv`). */
export function betaincinv(a: number, b: number, p: number): number {
  if (!(a >= 0 && b >= 0 && p >= 0 && p <= 1)) return NaN;
  if (a === 0 || b === 0 || a === Infinity || b === Infinity) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return invertBeta(a, b, p, 1 - p);
}
