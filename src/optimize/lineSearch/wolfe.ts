/**
 * Strong-Wolfe line searches on a scalar function φ(α) = f(x + α p), as
 * scipy.optimize._linesearch:
 *
 * - {@link scalarSearchWolfe1}: the Moré–Thuente search ({@link Dcsrch}).
 * - {@link scalarSearchWolfe2}: the bracketing phase and `zoom` of Nocedal &
 *   Wright, "Numerical Optimization", 2nd ed., Algorithms 3.5 and 3.6, with
 *   cubic/quadratic interpolation safeguards.
 * - {@link lineSearchWolfe12}: Moré–Thuente first, the zoom search when it
 *   fails (SciPy's `_line_search_wolfe12`, used by BFGS, CG and Newton-CG).
 */
import { ValueError } from '../../core';
import { dot } from '../dense';
import { Dcsrch } from './dcsrch';

/** Checks 0 < c1 < c2 < 1 (the strong Wolfe constants). */
export function checkC1C2(c1: number, c2: number): void {
  if (!(0 < c1 && c1 < c2 && c2 < 1)) throw new ValueError("'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'.");
}

/** The initial trial step: α₁ = min(1, 1.01·2(φ₀ - φ₋₁)/φ'₀), as SciPy (Nocedal & Wright eq. 3.60). */
export function initialStep(phi0: number, oldPhi0: number | null, derphi0: number): number {
  if (oldPhi0 !== null && derphi0 !== 0) {
    const a = Math.min(1, (1.01 * 2 * (phi0 - oldPhi0)) / derphi0);
    return a < 0 ? 1 : a;
  }
  return 1;
}

/** Result of a scalar search: the step (null on failure), φ there, and φ(0). */
export interface ScalarSearchResult {
  alpha: number | null;
  phi: number;
  phi0: number;
  derphi: number | null;
}

/**
 * Moré–Thuente strong-Wolfe search on φ (SciPy's scalar_search_wolfe1).
 * Gives up (alpha null) after 100 trial steps or on a non-finite step.
 */
export function scalarSearchWolfe1(
  phi: (a: number) => number,
  derphi: (a: number) => number,
  phi0: number,
  oldPhi0: number | null,
  derphi0: number,
  opts: { c1?: number; c2?: number; amax?: number; amin?: number; xtol?: number } = {},
): ScalarSearchResult {
  const c1 = opts.c1 ?? 1e-4;
  const c2 = opts.c2 ?? 0.9;
  checkC1C2(c1, c2);
  const search = new Dcsrch(c1, c2, opts.xtol ?? 1e-14, opts.amin ?? 1e-8, opts.amax ?? 50);
  let stp = initialStep(phi0, oldPhi0, derphi0);
  let phi1 = phi0;
  let derphi1 = derphi0;
  let task = search.start(stp, phi0, derphi0);
  // SciPy's DCSRCH.__call__: at most 100 evaluations of (φ, φ').
  for (let evals = 0; task === 'FG'; ) {
    phi1 = phi(stp);
    derphi1 = derphi(stp);
    if (++evals >= 100) return { alpha: null, phi: phi1, phi0, derphi: null };
    const r = search.iterate(stp, phi1, derphi1);
    task = r.task;
    if (!Number.isFinite(r.stp)) return { alpha: null, phi: phi1, phi0, derphi: null };
    stp = r.stp;
  }
  if (task !== 'CONVERGENCE') return { alpha: null, phi: phi1, phi0, derphi: null };
  return { alpha: stp, phi: phi1, phi0, derphi: derphi1 };
}

/** Minimiser of the cubic through (a, fa) with slope fpa, (b, fb), (c, fc); null if undefined. */
function cubicmin(a: number, fa: number, fpa: number, b: number, fb: number, c: number, fc: number): number | null {
  const C = fpa;
  const db = b - a;
  const dc = c - a;
  const denom = (db * dc) ** 2 * (db - dc);
  const r0 = fb - fa - C * db;
  const r1 = fc - fa - C * dc;
  const A = (dc ** 2 * r0 - db ** 2 * r1) / denom;
  const B = (-(dc ** 3) * r0 + db ** 3 * r1) / denom;
  const radical = B * B - 3 * A * C;
  if (denom === 0 || A === 0 || radical < 0) return null;
  const xmin = a + (-B + Math.sqrt(radical)) / (3 * A);
  return Number.isFinite(xmin) ? xmin : null;
}

/** Minimiser of the quadratic through (a, fa) with slope fpa and (b, fb); null if undefined. */
function quadmin(a: number, fa: number, fpa: number, b: number, fb: number): number | null {
  const db = b - a;
  if (db === 0) return null;
  const B = (fb - fa - fpa * db) / (db * db);
  if (B === 0) return null;
  const xmin = a - fpa / (2 * B);
  return Number.isFinite(xmin) ? xmin : null;
}

/** Nocedal & Wright Algorithm 3.6 (zoom) with SciPy's interpolation safeguards; at most 10 steps. */
function zoom(
  aLo: number, aHi: number, phiLo: number, phiHi: number, derphiLo: number,
  phi: (a: number) => number, derphi: (a: number) => number, phi0: number, derphi0: number, c1: number, c2: number,
  extra: (a: number, phiA: number) => boolean,
): { alpha: number | null; phi: number | null; derphi: number | null } {
  const delta1 = 0.2;
  const delta2 = 0.1;
  let phiRec = phi0;
  let aRec = 0;
  for (let i = 0; ; i++) {
    const dalpha = aHi - aLo;
    const [a, b] = dalpha < 0 ? [aHi, aLo] : [aLo, aHi];
    let aj: number | null = null;
    if (i > 0) {
      const cchk = delta1 * dalpha;
      aj = cubicmin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
      if (aj !== null && (aj > b - cchk || aj < a + cchk)) aj = null;
    }
    if (aj === null) {
      const qchk = delta2 * dalpha;
      aj = quadmin(aLo, phiLo, derphiLo, aHi, phiHi);
      if (aj === null || aj > b - qchk || aj < a + qchk) aj = aLo + 0.5 * dalpha;
    }
    const phiAj = phi(aj);
    if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
      phiRec = phiHi;
      aRec = aHi;
      aHi = aj;
      phiHi = phiAj;
    } else {
      const derphiAj = derphi(aj);
      if (Math.abs(derphiAj) <= -c2 * derphi0 && extra(aj, phiAj)) return { alpha: aj, phi: phiAj, derphi: derphiAj };
      if (derphiAj * (aHi - aLo) >= 0) {
        phiRec = phiHi;
        aRec = aHi;
        aHi = aLo;
        phiHi = phiLo;
      } else {
        phiRec = phiLo;
        aRec = aLo;
      }
      aLo = aj;
      phiLo = phiAj;
      derphiLo = derphiAj;
    }
    if (i + 1 > 10) return { alpha: null, phi: null, derphi: null };
  }
}

/**
 * The bracketing strong-Wolfe search of Nocedal & Wright (Algorithm 3.5),
 * SciPy's scalar_search_wolfe2: doubles the step until the minimum is
 * bracketed, then zooms. `extra(α, φ(α))` may reject an otherwise acceptable
 * step. At most `maxiter` bracketing steps (default 10).
 */
export function scalarSearchWolfe2(
  phi: (a: number) => number,
  derphi: (a: number) => number,
  phi0: number,
  oldPhi0: number | null,
  derphi0: number,
  opts: { c1?: number; c2?: number; amax?: number | null; extra?: (a: number, phiA: number) => boolean; maxiter?: number } = {},
): ScalarSearchResult {
  const c1 = opts.c1 ?? 1e-4;
  const c2 = opts.c2 ?? 0.9;
  checkC1C2(c1, c2);
  const amax = opts.amax ?? null;
  const extra = opts.extra ?? (() => true);
  let alpha0 = 0;
  let alpha1 = oldPhi0 !== null && derphi0 !== 0 ? Math.min(1, (1.01 * 2 * (phi0 - oldPhi0)) / derphi0) : 1;
  if (alpha1 < 0) alpha1 = 1;
  if (amax !== null) alpha1 = Math.min(alpha1, amax);
  let phiA1 = phi(alpha1);
  let phiA0 = phi0;
  let derphiA0 = derphi0;
  const maxiter = opts.maxiter ?? 10;
  for (let i = 0; i < maxiter; i++) {
    if (alpha1 === 0 || (amax !== null && alpha0 > amax)) return { alpha: null, phi: phi0, phi0: oldPhi0 ?? phi0, derphi: null };
    if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && i > 0)) {
      const z = zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi, derphi, phi0, derphi0, c1, c2, extra);
      return { alpha: z.alpha, phi: z.phi ?? phiA1, phi0, derphi: z.derphi };
    }
    const derphiA1 = derphi(alpha1);
    if (Math.abs(derphiA1) <= -c2 * derphi0 && extra(alpha1, phiA1)) return { alpha: alpha1, phi: phiA1, phi0, derphi: derphiA1 };
    if (derphiA1 >= 0) {
      const z = zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi, derphi, phi0, derphi0, c1, c2, extra);
      return { alpha: z.alpha, phi: z.phi ?? phiA1, phi0, derphi: z.derphi };
    }
    let alpha2 = 2 * alpha1;
    if (amax !== null) alpha2 = Math.min(alpha2, amax);
    alpha0 = alpha1;
    alpha1 = alpha2;
    phiA0 = phiA1;
    phiA1 = phi(alpha1);
    derphiA0 = derphiA1;
  }
  // Not converged within maxiter: SciPy returns the last step with no derivative.
  return { alpha: alpha1, phi: phiA1, phi0, derphi: null };
}

/** f and its gradient on Float64Array points (the solvers' view of the objective). */
export interface LineObjective {
  f(x: Float64Array): number;
  fprime(x: Float64Array): Float64Array;
}

/** Result of a line search along p from x: the step, counts, the values at the new and old point and the new gradient. */
export interface LineSearchStep {
  alpha: number;
  fc: number;
  gc: number;
  fval: number;
  oldFval: number;
  gfkp1: Float64Array | null;
}

/** x + α p in a fresh array. */
export function stepTo(xk: Float64Array, alpha: number, pk: Float64Array): Float64Array {
  const x = new Float64Array(xk.length);
  for (let i = 0; i < x.length; i++) x[i] = xk[i] + alpha * pk[i];
  return x;
}

/**
 * SciPy's `_line_search_wolfe12`: the Moré–Thuente search (c1, c2, with the
 * bounds amin/amax), and if it fails, or `extra` rejects its step, the
 * Nocedal–Wright zoom search. Returns null when both fail.
 */
export function lineSearchWolfe12(
  obj: LineObjective,
  xk: Float64Array,
  pk: Float64Array,
  gfk: Float64Array,
  oldFval: number,
  oldOldFval: number | null,
  opts: { c1?: number; c2?: number; amin?: number; amax?: number; extra?: (alpha: number, x: Float64Array, f: number, g: Float64Array) => boolean } = {},
): LineSearchStep | null {
  let fc = 0;
  let gc = 0;
  let gval: Float64Array = gfk;
  let gvalAlpha: number | null = null;
  const phi = (s: number): number => {
    fc++;
    return obj.f(stepTo(xk, s, pk));
  };
  const derphi = (s: number): number => {
    gc++;
    gval = obj.fprime(stepTo(xk, s, pk));
    gvalAlpha = s;
    return dot(gval, pk);
  };
  const derphi0 = dot(gfk, pk);
  const r1 = scalarSearchWolfe1(phi, derphi, oldFval, oldOldFval, derphi0, { c1: opts.c1, c2: opts.c2, amin: opts.amin, amax: opts.amax });
  let ok = r1.alpha !== null;
  if (ok && opts.extra && !opts.extra(r1.alpha!, stepTo(xk, r1.alpha!, pk), r1.phi, gval)) ok = false;
  if (ok) return { alpha: r1.alpha!, fc, gc, fval: r1.phi, oldFval: r1.phi0, gfkp1: gval };

  // Fall back to the zoom search (SciPy passes only c1, c2 and amax on).
  const extra = opts.extra;
  const extra2 = extra
    ? (alpha: number, phiA: number): boolean => {
        if (gvalAlpha !== alpha) derphi(alpha);
        return extra(alpha, stepTo(xk, alpha, pk), phiA, gval);
      }
    : undefined;
  const r2 = scalarSearchWolfe2(phi, derphi, oldFval, oldOldFval, derphi0, { c1: opts.c1, c2: opts.c2, amax: opts.amax ?? null, extra: extra2 });
  if (r2.alpha === null) return null;
  return { alpha: r2.alpha, fc, gc, fval: r2.phi, oldFval: r2.phi0, gfkp1: r2.derphi === null ? null : gval };
}
