/**
 * Binomial and Poisson samplers of NumPy (numpy/random/src/distributions/
 * distributions.c and legacy/legacy-distributions.c): inversion for small
 * means, BTPE (Kachitvichyanukul & Schmeiser, CACM 31(2), 1988) for large
 * binomial means, multiplication of uniforms for small Poisson means and PTRS
 * (Hörmann, Insurance: Math. & Econ. 12, 1993) for λ ≥ 10. `legacy` selects
 * RandomState's frozen variants (inversion via log(q), the 1988 paper's
 * Stirling-term signs and its 13680 typo).
 */
import type { BitGenerator } from '../bitgen/bitGenerator';
import { exp, log, log1p } from '../libm';

/** NumPy's `binomial_t`: setup values cached for the last (n, p), reused by later draws. */
export class BinomialCache {
  has = false;
  nsave = 0;
  psave = 0;
  r = 0;
  q = 0;
  fm = 0;
  m = 0;
  p1 = 0;
  xm = 0;
  xl = 0;
  xr = 0;
  c = 0;
  laml = 0;
  lamr = 0;
  p2 = 0;
  p3 = 0;
  p4 = 0;
}

function binomialInversion(bg: BitGenerator, n: number, p: number, cache: BinomialCache, legacy: boolean): number {
  if (!cache.has || cache.nsave !== n || cache.psave !== p) {
    cache.nsave = n;
    cache.psave = p;
    cache.has = true;
    cache.q = 1.0 - p;
    cache.r = legacy ? exp(n * log(cache.q)) : exp(n * log1p(-p));
    cache.c = n * p;
    const np = cache.c;
    cache.m = Math.trunc(Math.min(n, np + 10.0 * Math.sqrt(np * cache.q + 1)));
  }
  const q = cache.q;
  const qn = cache.r;
  const bound = cache.m;
  let X = 0;
  let px = qn;
  let U = bg.nextDouble();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.nextDouble();
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

/** The four Stirling correction terms of BTPE step 5.3; `legacy` keeps NumPy 1.16's 13680 and all-plus signs. */
function stirlingTerms(f1: number, z: number, x1: number, w: number, legacy: boolean): number {
  const k = legacy ? 13680 : 13860;
  const term = (v: number): number => {
    const v2 = v * v;
    return (k - (462 - (132 - (99 - 140 / v2) / v2) / v2) / v2) / v / 166320;
  };
  return legacy ? term(f1) + term(z) + term(x1) + term(w) : term(f1) + term(z) - term(x1) - term(w);
}

function binomialBtpe(bg: BitGenerator, n: number, p: number, cache: BinomialCache, legacy: boolean): number {
  if (!cache.has || cache.nsave !== n || cache.psave !== p) {
    cache.nsave = n;
    cache.psave = p;
    cache.has = true;
    const r = (cache.r = Math.min(p, 1.0 - p));
    const q = (cache.q = 1.0 - r);
    const fm = (cache.fm = n * r + r);
    const m = (cache.m = Math.floor(fm));
    const p1 = (cache.p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5);
    const xm = (cache.xm = m + 0.5);
    const xl = (cache.xl = xm - p1);
    const xr = (cache.xr = xm + p1);
    const c = (cache.c = 0.134 + 20.5 / (15.3 + m));
    let a = (fm - xl) / (fm - xl * r);
    const laml = (cache.laml = a * (1.0 + a / 2.0));
    a = (xr - fm) / (xr * q);
    const lamr = (cache.lamr = a * (1.0 + a / 2.0));
    cache.p2 = p1 * (1.0 + 2.0 * c);
    cache.p3 = cache.p2 + c / laml;
    cache.p4 = cache.p3 + c / lamr;
  }
  const { r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = cache;
  let y: number;
  for (;;) {
    // Step 1: triangular region
    const nrq = n * r * q;
    const u = bg.nextDouble() * p4;
    let v = bg.nextDouble();
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      break;
    }
    if (u <= p2) {
      // Step 2: parallelograms
      const x = xl + (u - p1) / c;
      v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 3: left exponential tail (v = 0 gives -inf and is rejected)
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0.0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step 4: right exponential tail
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 5: acceptance test
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
      // Step 5.1: explicit evaluation of f(y)/f(m)
      const s = r / q;
      const a = s * (n + 1);
      let F = 1.0;
      if (m < y) for (let i = m + 1; i <= y; i++) F *= a / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) F /= a / i - s;
      if (v > F) continue;
      break;
    }
    // Step 5.2: squeezing with the log of f(y)/f(m)
    const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const A = log(v);
    if (A < t - rho) break;
    if (A > t + rho) continue;
    // Step 5.3: final comparison with Stirling's approximation
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log((w * r) / (x1 * q)) + stirlingTerms(f1, z, x1, w, legacy);
    if (A > bound) continue;
    break;
  }
  if (p > 0.5) y = n - y;
  return y;
}

/**
 * One binomial(n, p) draw: NumPy's `random_binomial` (Generator) or
 * `legacy_random_binomial` (RandomState, which has no n = 0 / p = 0 shortcut).
 */
export function binomial(bg: BitGenerator, n: number, p: number, cache: BinomialCache, legacy = false): number {
  if (!legacy && (n === 0 || p === 0.0)) return 0;
  if (p <= 0.5) {
    return p * n <= 30.0 ? binomialInversion(bg, n, p, cache, legacy) : binomialBtpe(bg, n, p, cache, legacy);
  }
  const q = 1.0 - p;
  return q * n <= 30.0 ? n - binomialInversion(bg, n, q, cache, legacy) : n - binomialBtpe(bg, n, q, cache, legacy);
}

const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.410256410256410e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];

/** log Γ(x) by Stirling's series after shifting x ≥ 7 (Zhang & Jin, "Computation of Special Functions", 1996), NumPy's `random_loggam`. */
export function loggam(x: number): number {
  if (x === 1.0 || x === 2.0) return 0.0;
  const n = x < 7.0 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1.0 / x0) * (1.0 / x0);
  const lg2pi = 1.8378770664093453;
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

function poissonMult(bg: BitGenerator, lam: number): number {
  const enlam = exp(-lam);
  let X = 0;
  let prod = 1.0;
  for (;;) {
    prod *= bg.nextDouble();
    if (prod > enlam) X += 1;
    else return X;
  }
}

function poissonPtrs(bg: BitGenerator, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = bg.nextDouble() - 0.5;
    const V = bg.nextDouble();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** One Poisson(λ) draw, NumPy's `random_poisson` (shared by Generator and RandomState). */
export function poisson(bg: BitGenerator, lam: number): number {
  if (lam >= 10) return poissonPtrs(bg, lam);
  if (lam === 0) return 0;
  return poissonMult(bg, lam);
}
