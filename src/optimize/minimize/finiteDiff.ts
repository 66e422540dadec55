/**
 * Finite-difference Jacobians as scipy.optimize._numdiff.approx_derivative
 * (dense case): forward ('2-point') or central ('3-point') differences with
 * SciPy's step rule h = rel_step·sign(x)·max(1, |x|) (rel_step = √ε or ∛ε),
 * and the steps adjusted so that no evaluation leaves the bounds.
 */
import { ValueError } from '../../core';

/** A finite-difference scheme. */
export type FdMethod = '2-point' | '3-point';

const EPS = 2.220446049250313e-16;

/** SciPy's default relative step of a scheme. */
export function epsForMethod(method: FdMethod): number {
  return method === '2-point' ? Math.sqrt(EPS) : Math.cbrt(EPS);
}

/** Absolute steps (SciPy's `_compute_absolute_step`, or the `abs_step` branch when `absStep` is given). */
function absoluteSteps(x0: Float64Array, method: FdMethod, relStep: number | undefined, absStep: number | undefined): Float64Array {
  const rstep = epsForMethod(method);
  const h = new Float64Array(x0.length);
  for (let i = 0; i < x0.length; i++) {
    const x = x0[i];
    const sign = x >= 0 ? 1 : -1;
    const fallback = rstep * sign * Math.max(1, Math.abs(x));
    let hi: number;
    if (absStep !== undefined) hi = absStep;
    else if (relStep === undefined) hi = fallback;
    else hi = relStep * sign * Math.abs(x);
    if (absStep !== undefined || relStep !== undefined) hi = x + hi - x === 0 ? fallback : hi;
    h[i] = hi;
  }
  return h;
}

/** SciPy's `_adjust_scheme_to_bounds` for one step per side (num_steps = 1). */
function adjustToBounds(x0: Float64Array, h: Float64Array, scheme: '1-sided' | '2-sided', lb: Float64Array, ub: Float64Array): boolean[] {
  const n = x0.length;
  const oneSided = new Array<boolean>(n).fill(scheme === '1-sided');
  if (scheme === '2-sided') for (let i = 0; i < n; i++) h[i] = Math.abs(h[i]);
  let bounded = false;
  for (let i = 0; i < n; i++) if (lb[i] !== -Infinity || ub[i] !== Infinity) bounded = true;
  if (!bounded) return oneSided;
  for (let i = 0; i < n; i++) {
    const lower = x0[i] - lb[i];
    const upper = ub[i] - x0[i];
    if (scheme === '1-sided') {
      const x = x0[i] + h[i];
      const violated = x < lb[i] || x > ub[i];
      const fitting = Math.abs(h[i]) <= Math.max(lower, upper);
      if (violated && fitting) h[i] = -h[i];
      else if (!fitting) h[i] = upper >= lower ? upper : -lower;
    } else {
      const central = lower >= h[i] && upper >= h[i];
      if (!central) {
        if (upper >= lower) h[i] = Math.min(h[i], 0.5 * upper);
        else h[i] = -Math.min(h[i], 0.5 * lower);
        oneSided[i] = true;
        const minDist = Math.min(upper, lower);
        if (Math.abs(h[i]) <= minDist) {
          h[i] = minDist;
          oneSided[i] = false;
        }
      }
    }
  }
  return oneSided;
}

/** Options of {@link approxDerivative}. */
export interface ApproxOptions {
  relStep?: number;
  absStep?: number;
  /** f(x0), if already known (saves an evaluation). */
  f0?: Float64Array;
  lb?: Float64Array;
  ub?: Float64Array;
}

/**
 * The Jacobian of `fun: R^n → R^m` at x0 by finite differences, as a
 * row-major (m, n) Float64Array, with the number of evaluations made.
 * @throws {ValueError} when x0 is outside the bounds.
 */
export function approxDerivative(
  fun: (x: Float64Array) => Float64Array,
  x0: Float64Array,
  method: FdMethod,
  opts: ApproxOptions = {},
): { J: Float64Array; m: number; nfev: number } {
  const n = x0.length;
  let nfev = 0;
  let f0 = opts.f0;
  if (f0 === undefined) {
    f0 = fun(x0);
    nfev++;
  }
  const lb = opts.lb ?? new Float64Array(n).fill(-Infinity);
  const ub = opts.ub ?? new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) if (x0[i] < lb[i] || x0[i] > ub[i]) throw new ValueError('`x0` violates bound constraints.');
  const h = absoluteSteps(x0, method, opts.relStep, opts.absStep);
  const oneSided = adjustToBounds(x0, h, method === '2-point' ? '1-sided' : '2-sided', lb, ub);
  const m = f0.length;
  const J = new Float64Array(m * n);
  const x = Float64Array.from(x0);
  for (let i = 0; i < n; i++) {
    if (method === '2-point') {
      x[i] = x0[i] + h[i];
      const dx = x[i] - x0[i];
      const f1 = fun(Float64Array.from(x));
      nfev++;
      for (let r = 0; r < m; r++) J[r * n + i] = (f1[r] - f0[r]) / dx;
    } else {
      let f1: Float64Array;
      let f2: Float64Array;
      if (oneSided[i]) {
        x[i] = x0[i] + h[i];
        f1 = fun(Float64Array.from(x));
        x[i] = x0[i] + 2 * h[i];
        f2 = fun(Float64Array.from(x));
        const dx = x[i] - x0[i];
        for (let r = 0; r < m; r++) J[r * n + i] = (-3 * f0[r] + 4 * f1[r] - f2[r]) / dx;
      } else {
        x[i] = x0[i] - h[i];
        const lo = x[i];
        f1 = fun(Float64Array.from(x));
        x[i] = x0[i] + h[i];
        f2 = fun(Float64Array.from(x));
        const dx = x[i] - lo;
        for (let r = 0; r < m; r++) J[r * n + i] = (f2[r] - f1[r]) / dx;
      }
      nfev += 2;
    }
    x[i] = x0[i];
  }
  return { J, m, nfev };
}
