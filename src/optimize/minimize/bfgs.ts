/**
 * BFGS, a port of SciPy's `_minimize_bfgs`: the inverse-Hessian update
 *   H⁺ = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ,  ρ = 1/(yᵀs)
 * (Nocedal & Wright, "Numerical Optimization", 2nd ed., eq. 6.17, Algorithm
 * 6.1) with a strong-Wolfe step from {@link lineSearchWolfe12}, started with
 * H₀ = I and the first trial step scaled so that ‖Δx‖ ≈ 1.
 */
import type { Objective, OptimizeResult } from './types';
import { checkOptions, hasNaN, intOption, mat, result, STATUS, stopRequested, tolOption, vec, type SolverArgs } from './common';
import { dot, nrm2, vecnorm } from '../dense';
import { lineSearchWolfe12 } from '../lineSearch/wolfe';
import { ScalarFunction } from './objective';

const OPTIONS = ['gtol', 'norm', 'maxiter', 'xrtol', 'c1', 'c2', 'finiteDiffRelStep', 'returnAll'];

/** SciPy's method='BFGS'. Options: gtol (1e-5), norm (Infinity), maxiter (200n), xrtol (0), c1 (1e-4), c2 (0.9). */
export function minimizeBfgs(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('BFGS', o, OPTIONS);
  const n = x0.length;
  const gtol = tolOption(o.gtol, 1e-5, 'gtol');
  const ord = o.norm ?? Infinity;
  const maxiter = intOption(o.maxiter, 200 * n, 'maxiter');
  const xrtol = tolOption(o.xrtol, 0, 'xrtol');
  const sf = new ScalarFunction(fun, x0, { jac: a.jac, relStep: o.finiteDiffRelStep });
  const obj = { f: (x: Float64Array) => sf.value(x), fprime: (x: Float64Array) => sf.grad(x) };

  let oldFval = sf.value(x0);
  let gfk = Float64Array.from(sf.grad(x0));
  let k = 0;
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  let oldOldFval: number | null = oldFval + nrm2(gfk) / 2; // sets the first step so that |dx| ≈ 1
  let xk = Float64Array.from(x0);
  const allvecs = o.returnAll ? [vec(xk)] : undefined;
  let warnflag = 0;
  let stopped = false;
  let gnorm = vecnorm(gfk, ord);
  const pk = new Float64Array(n);
  const Hy = new Float64Array(n);
  while (gnorm > gtol && k < maxiter) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j] * gfk[j];
      pk[i] = -s;
    }
    const ls = lineSearchWolfe12(obj, xk, pk, gfk, oldFval, oldOldFval, { amin: 1e-100, amax: 1e100, c1: o.c1, c2: o.c2 });
    if (ls === null) {
      warnflag = 2; // the line search found no acceptable step
      break;
    }
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    const sk = new Float64Array(n);
    const xkp1 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = ls.alpha * pk[i];
      xkp1[i] = xk[i] + sk[i];
    }
    allvecs?.push(vec(xkp1));
    xk = xkp1;
    const gfkp1 = Float64Array.from(ls.gfkp1 ?? sf.grad(xkp1));
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) yk[i] = gfkp1[i] - gfk[i];
    gfk = gfkp1;
    k++;
    if (stopRequested(a.callback, xk, oldFval, k)) {
      stopped = true;
      break;
    }
    gnorm = vecnorm(gfk, ord);
    if (gnorm <= gtol) break;
    // Relative step test (Frandsen, Jonasson, Nielsen & Tingleff, "Unconstrained Optimization", DTU 1999, ch. 5).
    if (ls.alpha * nrm2(pk) <= xrtol * (xrtol + nrm2(xk))) break;
    if (!Number.isFinite(oldFval)) {
      warnflag = 2;
      break;
    }
    const rhokInv = dot(yk, sk);
    const rhok = rhokInv === 0 ? 1000 : 1 / rhokInv;
    // H⁺ = H - ρ(s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ, the product form expanded (H symmetric).
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j] * yk[j];
      Hy[i] = s;
    }
    const c = rhok * rhok * dot(yk, Hy) + rhok;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) H[i * n + j] += -rhok * (sk[i] * Hy[j] + Hy[i] * sk[j]) + c * sk[i] * sk[j];
    }
  }
  let message: string;
  if (stopped) {
    warnflag = 99;
    message = STATUS.callback;
  } else if (warnflag === 2) message = STATUS.prLoss;
  else if (k >= maxiter) {
    warnflag = 1;
    message = STATUS.maxiter;
  } else if (Number.isNaN(gnorm) || Number.isNaN(oldFval) || hasNaN(xk)) {
    warnflag = 3;
    message = STATUS.nan;
  } else message = STATUS.success;
  return result({
    x: vec(xk), fun: oldFval, jac: vec(gfk), hessInv: mat(H, n, n), nit: k, nfev: sf.nfev, njev: sf.ngev,
    status: warnflag, success: warnflag === 0, message, ...(allvecs ? { allvecs } : {}),
  });
}
