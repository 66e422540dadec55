/**
 * The continuous samplers of NumPy's legacy `RandomState`
 * (numpy/random/src/legacy/legacy-distributions.c), frozen at NumPy 1.16 so
 * that seeded scripts keep their numbers: polar Box–Muller normals with a
 * cached second deviate, `-log(1 - U)` exponentials, and gamma/beta built on
 * them. Operation order follows the C code; `../libm` supplies glibc's log/pow.
 */
import type { BitGenerator } from '../bitgen/bitGenerator';
import { exp, log, pow } from '../libm';

/** NumPy's `aug_bitgen_t`: a bit generator plus the cached Box–Muller deviate. */
export interface GaussState {
  readonly bg: BitGenerator;
  hasGauss: boolean;
  gauss: number;
}

/**
 * A standard normal by the polar method (Marsaglia & Bray 1964), NumPy's
 * `legacy_gauss`: each accepted pair yields two deviates; the first one
 * returned is `f·x2`, `f·x1` is kept for the next call.
 */
export function legacyGauss(s: GaussState): number {
  if (s.hasGauss) {
    s.hasGauss = false;
    const t = s.gauss;
    s.gauss = 0.0;
    return t;
  }
  const bg = s.bg;
  let x1: number, x2: number, r2: number;
  do {
    x1 = 2.0 * bg.nextDouble() - 1.0;
    x2 = 2.0 * bg.nextDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 === 0.0);
  const f = Math.sqrt((-2.0 * log(r2)) / r2);
  s.gauss = f * x1;
  s.hasGauss = true;
  return f * x2;
}

/** Fills `out` with {@link legacyGauss} draws (the hot path of `randn(size)`), pair by pair. */
export function fillLegacyGauss(s: GaussState, out: Float64Array): void {
  let i = 0;
  const n = out.length;
  if (n > 0 && s.hasGauss) out[i++] = legacyGauss(s);
  const bg = s.bg;
  while (i + 1 < n) {
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * bg.nextDouble() - 1.0;
      x2 = 2.0 * bg.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * log(r2)) / r2);
    out[i++] = f * x2;
    out[i++] = f * x1;
  }
  if (i < n) out[i] = legacyGauss(s);
}

/** `-log(1 - U)`, NumPy's `legacy_standard_exponential`. */
export function legacyStandardExponential(s: GaussState): number {
  return -log(1.0 - s.bg.nextDouble());
}

/** NumPy's `legacy_standard_gamma` (same algorithms as the Generator's, on legacy normals/exponentials). */
export function legacyStandardGamma(s: GaussState, shape: number): number {
  if (shape === 1.0) return legacyStandardExponential(s);
  if (shape === 0.0) return 0.0;
  const bg = s.bg;
  if (shape < 1.0) {
    for (;;) {
      const U = bg.nextDouble();
      const V = legacyStandardExponential(s);
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
      X = legacyGauss(s);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const U = bg.nextDouble();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1 - V + log(V))) return b * V;
  }
}

/** NumPy's `legacy_beta`: Johnk's algorithm for a, b ≤ 1, else a gamma ratio. */
export function legacyBeta(s: GaussState, a: number, b: number): number {
  if (a <= 1.0 && b <= 1.0) {
    const bg = s.bg;
    for (;;) {
      const U = bg.nextDouble();
      const V = bg.nextDouble();
      const X = pow(U, 1.0 / a);
      const Y = pow(V, 1.0 / b);
      if (X + Y <= 1.0) {
        if (X + Y > 0) return X / (X + Y);
        let logX = log(U) / a;
        let logY = log(V) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return exp(logX - log(exp(logX) + exp(logY)));
      }
    }
  }
  const Ga = legacyStandardGamma(s, a);
  const Gb = legacyStandardGamma(s, b);
  return Ga / (Ga + Gb);
}
