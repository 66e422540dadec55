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

/**
 * x^a y^b / B(a, b) with y = 1 - x. Both are passed because only the smaller
 * is exact (1 - x rounds for x < 1/2): logarithms are taken of the smaller
 * one and through log1p of it for the larger, so b·log y stays exact even for
 * b = 1e6 and x = 1e-5 (the binomial tail).
 */
export function betaPrefactor(a: number, b: number, x: number, y: number): number {
  const lx = x <= y ? Math.log(x) : Math.log1p(-y);
  const ly = x <= y ? Math.log1p(-x) : Math.log(y);
  if (a >= 8 && b >= 8) {
    const s = a + b;
    const p0 = a / s;
    const q0 = b / s;
    const rx = x / p0;
    const ry = y / q0;
    let e: number;
    if (rx > 0.5 && rx < 2 && ry > 0.5 && ry < 2) {
      // near the mode: a log(x/p0) + b log(y/q0) = a·log1pmx(d/p0) + b·log1pmx(-d/q0) exactly, d = x - p0 = q0 - y
      const d = x < y ? x - p0 : q0 - y;
      e = a * log1pmx(d / p0) + b * log1pmx(-d / q0);
    } else e = a * (lx - Math.log(p0)) + b * (ly - Math.log(q0)); // far from it the exponent is large anyway
    e += logGammaStar(s) - logGammaStar(a) - logGammaStar(b);
    return Math.sqrt((a * b) / (2 * Math.PI * s)) * Math.exp(e);
  }
  if (a >= 8 || b >= 8) {
    // one large (L) and one small (m): x^a y^b Γ(a+b)/(Γ(a)Γ(b)) = exp(m-side + L-side - log(Γ(L)/Γ(L+m)) - log Γ(m))
    const [m, big] = a < b ? [a, b] : [b, a];
    const [lm, lbig] = a < b ? [lx, ly] : [ly, lx];
    const e = m * lm + big * lbig - logGammaRatio(big, m) - lgamma(m);
    return Math.exp(e);
  }
  return Math.exp(a * lx + b * ly - betaln(a, b));
}

const EPS = 1e-16;
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
  // Lentz's forward pass on 1 + d₁/(1 + d₂/(1 + …)), to find how many terms converge it.
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
  // Backward evaluation of 1 + d₁/(1 + d₂/(… 1 + d_N)).
  const depth = n + 8;
  let tail = 1;
  for (let k = depth; k >= 2; k--) tail = 1 + fractionTerm(a, b, x, k) / tail;
  // first level written as (1 - b + (a+b)y)/(a+1) when x is near 1: 1 + d₁ cancels otherwise
  const d1 = fractionTerm(a, b, x, 1);
  const head = x <= y || tail !== 1 ? 1 + d1 / tail : (1 - b + (a + b) * y) / (a + 1);
  return (betaPrefactor(a, b, x, y) / a) / head;
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
  if (x < (a + 1) / (a + b + 2)) {
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
    const dens = betaPrefactor(a, b, t, 1 - t) / (t * (1 - t)); // dI/dx
    return useP ? [Math.log(ip) - lp, dens / ip] : [lq - Math.log(iq), dens / iq];
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
