/**
 * Nonlinear conjugate gradients, Polak–Ribière+ (β = max(0, yᵀg⁺/gᵀg)), a
 * port of SciPy's `_minimize_cg`. Strong Wolfe does not guarantee descent for
 * PR+, so the line search also requires the sufficient-descent condition
 * p⁺ᵀg⁺ ≤ -σ₃‖g⁺‖² (σ₃ = 0.01), after Gilbert & Nocedal, "Global convergence
 * properties of conjugate gradient methods for optimization", SIAM J. Optim.
 * 2 (1992) 21–42; Nocedal & Wright, 2nd ed., §5.2.
 */
import type { Objective, OptimizeResult } from './types';
import { checkOptions, hasNaN, intOption, result, STATUS, stopRequested, tolOption, vec, type SolverArgs } from './common';
import { dot, nrm2, vecnorm } from '../dense';
import { lineSearchWolfe12, stepTo } from '../lineSearch/wolfe';
import { ScalarFunction } from './objective';

const OPTIONS = ['gtol', 'norm', 'maxiter', 'c1', 'c2', 'finiteDiffRelStep', 'returnAll'];

interface PrStep {
  alpha: number;
  x: Float64Array;
  p: Float64Array;
  g: Float64Array;
  gnorm: number;
}

/** SciPy's method='CG'. Options: gtol (1e-5), norm (Infinity), maxiter (200n), c1 (1e-4), c2 (0.4). */
export function minimizeCg(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('CG', o, OPTIONS);
  const n = x0.length;
  const gtol = tolOption(o.gtol, 1e-5, 'gtol');
  const ord = o.norm ?? Infinity;
  const maxiter = intOption(o.maxiter, 200 * n, 'maxiter');
  const sf = new ScalarFunction(fun, x0, { jac: a.jac, relStep: o.finiteDiffRelStep });
  const obj = { f: (x: Float64Array) => sf.value(x), fprime: (x: Float64Array) => sf.grad(x) };

  let oldFval = sf.value(x0);
  let gfk: Float64Array = Float64Array.from(sf.grad(x0));
  let k = 0;
  let xk: Float64Array = Float64Array.from(x0);
  let oldOldFval: number | null = oldFval + nrm2(gfk) / 2;
  const allvecs = o.returnAll ? [vec(xk)] : undefined;
  let warnflag = 0;
  let stopped = false;
  let pk: Float64Array = gfk.map((v) => -v);
  let gnorm = vecnorm(gfk, ord);
  const sigma3 = 0.01;
  while (gnorm > gtol && k < maxiter) {
    const deltak = dot(gfk, gfk);
    const [x, p, g] = [xk, pk, gfk];
    const prStep = (alpha: number, gfkp1: Float64Array | null): PrStep => {
      const xkp1 = stepTo(x, alpha, p);
      const g1 = Float64Array.from(gfkp1 ?? sf.grad(xkp1));
      let yg = 0;
      for (let i = 0; i < n; i++) yg += (g1[i] - g[i]) * g1[i];
      const beta = Math.max(0, yg / deltak);
      const pkp1 = new Float64Array(n);
      for (let i = 0; i < n; i++) pkp1[i] = -g1[i] + beta * p[i];
      return { alpha, x: xkp1, p: pkp1, g: g1, gnorm: vecnorm(g1, ord) };
    };
    let cached: PrStep | null = null;
    const descent = (alpha: number, _x: Float64Array, _f: number, gfkp1: Float64Array): boolean => {
      cached = prStep(alpha, gfkp1);
      if (cached.gnorm <= gtol) return true;
      return dot(cached.p, cached.g) <= -sigma3 * dot(cached.g, cached.g);
    };
    const ls = lineSearchWolfe12(obj, xk, pk, gfk, oldFval, oldOldFval, { c1: o.c1, c2: o.c2 ?? 0.4, amin: 1e-100, amax: 1e100, extra: descent });
    if (ls === null) {
      warnflag = 2;
      break;
    }
    oldFval = ls.fval;
    oldOldFval = ls.oldFval;
    const c = cached as PrStep | null;
    const step = c !== null && c.alpha === ls.alpha ? c : prStep(ls.alpha, ls.gfkp1);
    xk = step.x;
    pk = step.p;
    gfk = step.g;
    gnorm = step.gnorm;
    allvecs?.push(vec(xk));
    k++;
    if (stopRequested(a.callback, xk, oldFval, k)) {
      stopped = true;
      break;
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
    x: vec(xk), fun: oldFval, jac: vec(gfk), nit: k, nfev: sf.nfev, njev: sf.ngev,
    status: warnflag, success: warnflag === 0, message, ...(allvecs ? { allvecs } : {}),
  });
}
