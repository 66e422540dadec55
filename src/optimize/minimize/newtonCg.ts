/**
 * Line-search Newton-CG (truncated Newton), a port of SciPy's
 * `_minimize_newtoncg`: the Newton system ∇²f p = -∇f is solved
 * approximately by conjugate gradients, stopped when the residual falls
 * below min(0.5, √‖∇f‖₁)·‖∇f‖₁ or at negative curvature, then a strong-Wolfe
 * step is taken (Nocedal & Wright, 2nd ed., Algorithm 7.1).
 *
 * Hessian-vector products are exact: the user's `hessp`/`hess`, or autodiff
 * (one forward-over-reverse pass, jvp of the gradient, per CG step). With a
 * finite-difference or user `jac` and no Hessian, products are differences
 * of gradients along p, as SciPy's `approx_fhess_p`.
 */
import type { Objective, OptimizeResult } from './types';
import { checkOptions, intOption, result, STATUS, stopRequested, tolOption, vec, type SolverArgs } from './common';
import { dot, norm1 } from '../dense';
import { lineSearchWolfe12 } from '../lineSearch/wolfe';
import { ScalarFunction } from './objective';

const OPTIONS = ['xtol', 'maxiter', 'c1', 'c2', 'returnAll'];
const EPS = 2.220446049250313e-16;

/** SciPy's method='Newton-CG'. Options: xtol (1e-5, on the average step), maxiter (200n), c1 (1e-4), c2 (0.9). */
export function minimizeNewtonCg(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('Newton-CG', o, OPTIONS);
  const n = x0.length;
  const sf = new ScalarFunction(fun, x0, { jac: a.jac, hess: a.hess, hessp: a.hessp });
  const obj = { f: (x: Float64Array) => sf.value(x), fprime: (x: Float64Array) => sf.grad(x) };
  const maxiter = intOption(o.maxiter, 200 * n, 'maxiter');
  const cgMaxiter = 20 * n;
  const xtol = n * tolOption(o.xtol, 1e-5, 'xtol');
  const fdEps = Math.sqrt(EPS); // SciPy's _epsilon for approx_fhess_p
  const exact = sf.hasHessp;
  let updateL1 = Number.MAX_VALUE;
  let xk = Float64Array.from(x0);
  const allvecs = o.returnAll ? [vec(xk)] : undefined;
  let k = 0;
  let gfk = new Float64Array(n);
  let oldFval = sf.value(x0);
  let oldOldFval: number | null = null;
  let hcalls = 0;

  const finish = (status: number, message: string): OptimizeResult =>
    result({
      x: vec(xk), fun: oldFval, jac: vec(gfk), nit: k, nfev: sf.nfev, njev: sf.ngev, nhev: exact ? sf.nhev : hcalls,
      status, success: status === 0, message, ...(allvecs ? { allvecs } : {}),
    });

  while (updateL1 > xtol) {
    if (k >= maxiter) return finish(1, 'Warning: ' + STATUS.maxiter);
    const g = Float64Array.from(sf.grad(xk));
    const b = g.map((v) => -v);
    const maggrad = norm1(b);
    if (!Number.isFinite(maggrad) || !Number.isFinite(oldFval)) return finish(3, STATUS.nan);
    const eta = Math.min(0.5, Math.sqrt(maggrad));
    const termcond = eta * maggrad;
    let xsupi = new Float64Array(n);
    const ri = g.slice();
    let psupi = b.slice();
    let i = 0;
    let dri0 = dot(ri, ri);
    let converged = false;
    for (let k2 = 0; k2 < cgMaxiter; k2++) {
      if (norm1(ri) <= termcond) {
        converged = true;
        break;
      }
      let Ap: Float64Array;
      if (exact) Ap = sf.hessp(xk, psupi);
      else {
        // approx_fhess_p: (∇f(x + εp) - ∇f(x)) / ε
        const xp = xk.map((v, j) => v + fdEps * psupi[j]);
        const g2 = Float64Array.from(sf.grad(xp));
        const g1 = sf.grad(xk);
        Ap = g2.map((v, j) => (v - g1[j]) / fdEps);
      }
      const curv = dot(psupi, Ap);
      if (curv >= 0 && curv <= 3 * EPS) {
        converged = true;
        break;
      } else if (curv < 0) {
        if (i === 0) xsupi = b.map((v) => (dri0 / -curv) * v); // steepest descent fallback
        converged = true;
        break;
      }
      const alphai = dri0 / curv;
      for (let j = 0; j < n; j++) {
        xsupi[j] += alphai * psupi[j];
        ri[j] += alphai * Ap[j];
      }
      const dri1 = dot(ri, ri);
      const betai = dri1 / dri0;
      psupi = psupi.map((v, j) => -ri[j] + betai * v);
      i++;
      dri0 = dri1;
    }
    if (!converged) return finish(3, "Warning: CG iterations didn't converge. The Hessian is not positive definite.");
    const pk = xsupi;
    gfk = g;
    const ls = lineSearchWolfe12(obj, xk, pk, gfk, oldFval, oldOldFval, { c1: o.c1, c2: o.c2 });
    if (ls === null) return finish(2, 'Warning: ' + STATUS.prLoss);
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    const update = pk.map((v) => ls.alpha * v);
    xk = xk.map((v, j) => v + update[j]);
    allvecs?.push(vec(xk));
    k++;
    if (stopRequested(a.callback, xk, oldFval, k)) return finish(99, STATUS.callback);
    updateL1 = norm1(update);
  }
  if (Number.isNaN(oldFval) || Number.isNaN(updateL1)) return finish(3, STATUS.nan);
  return finish(0, STATUS.success);
}
