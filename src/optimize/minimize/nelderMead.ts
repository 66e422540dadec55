/**
 * The Nelder–Mead downhill simplex, a port of SciPy's `_minimize_neldermead`:
 * reflection ρ = 1, expansion χ = 2, contraction ψ = 1/2, shrink σ = 1/2, or
 * the dimension-adapted parameters of Gao & Han ("Implementing the
 * Nelder-Mead simplex algorithm with adaptive parameters", Comput. Optim.
 * Appl. 51 (2012) 259–277) with `adaptive`. Nelder & Mead, Comput. J. 7
 * (1965) 308–313. Bounds are enforced by clipping every trial point.
 */
import { asarray, ValueError } from '../../core';
import type { Objective, OptimizeResult } from './types';
import { checkOptions, intOption, mat, result, STATUS, stopRequested, tolOption, vec, type SolverArgs } from './common';
import { floatEvaluator, scalarResult } from './objective';

const OPTIONS = ['maxiter', 'maxfev', 'xatol', 'fatol', 'adaptive', 'initialSimplex', 'returnAll'];

class MaxFunCalls extends Error {}

/** SciPy's method='Nelder-Mead'. Options: xatol, fatol (1e-4), maxiter, maxfev (200n each by default), adaptive, initialSimplex. */
export function minimizeNelderMead(fun: Objective, x0In: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('Nelder-Mead', o, OPTIONS);
  const xatol = tolOption(o.xatol, 1e-4, 'xatol');
  const fatol = tolOption(o.fatol, 1e-4, 'fatol');
  let x0: Float64Array = Float64Array.from(x0In);
  let N = x0.length;
  let rho = 1;
  let chi = 2;
  let psi = 0.5;
  let sigma = 0.5;
  if (o.adaptive) {
    chi = 1 + 2 / N;
    psi = 0.75 - 1 / (2 * N);
    sigma = 1 - 1 / N;
  }
  const { lb, ub } = a;
  const clip = (y: Float64Array): Float64Array => {
    if (lb === null || ub === null) return y;
    for (let i = 0; i < y.length; i++) y[i] = Math.min(Math.max(y[i], lb[i]), ub[i]);
    return y;
  };
  if (lb !== null) x0 = clip(x0);
  let sim: Float64Array[];
  if (o.initialSimplex === undefined) {
    sim = [Float64Array.from(x0)];
    for (let k = 0; k < N; k++) {
      const y = Float64Array.from(x0);
      y[k] = y[k] !== 0 ? (1 + 0.05) * y[k] : 0.00025;
      sim.push(y);
    }
  } else {
    const s = asarray(o.initialSimplex).astype('float64');
    if (s.ndim !== 2 || s.shape[0] !== s.shape[1] + 1) throw new ValueError('`initial_simplex` should be an array of shape (N+1,N)');
    if (x0.length !== s.shape[1]) throw new ValueError('Size of `initial_simplex` is not consistent with `x0`');
    N = s.shape[1];
    sim = (s.tolist() as number[][]).map((r) => Float64Array.from(r));
  }
  let maxiter = o.maxiter;
  let maxfun = o.maxfev;
  if (maxiter === undefined && maxfun === undefined) {
    maxiter = maxfun = N * 200;
  } else if (maxiter === undefined) {
    maxiter = maxfun === Infinity ? N * 200 : Infinity;
  } else if (maxfun === undefined) {
    maxfun = maxiter === Infinity ? N * 200 : Infinity;
  }
  maxiter = intOption(maxiter, 0, 'maxiter');
  maxfun = intOption(maxfun, 0, 'maxfev');
  if (lb !== null && ub !== null) {
    // Reflect points beyond the upper bound into the interior, then clip (SciPy).
    for (const y of sim) {
      for (let i = 0; i < N; i++) if (y[i] > ub[i]) y[i] = 2 * ub[i] - y[i];
      clip(y);
    }
  }
  let fcalls = 0;
  const evaluate = floatEvaluator(fun);
  const f = (x: Float64Array): number => {
    if (fcalls >= maxfun!) throw new MaxFunCalls();
    fcalls++;
    return scalarResult(evaluate(x), 'The objective function');
  };
  let fsim = new Float64Array(N + 1).fill(Infinity);
  const sortSimplex = (): void => {
    const order = Array.from({ length: N + 1 }, (_, i) => i).sort((i, j) => cmp(fsim[i], fsim[j]));
    sim = order.map((i) => sim[i]);
    fsim = Float64Array.from(order, (i) => fsim[i]);
  };
  try {
    for (let k = 0; k <= N; k++) fsim[k] = f(sim[k]);
  } catch (e) {
    if (!(e instanceof MaxFunCalls)) throw e;
  }
  sortSimplex();
  const allvecs = o.returnAll ? [vec(sim[0])] : undefined;
  let iterations = 1;
  let stopped = false;
  const lin = (c1: number, p: Float64Array, c2: number, q: Float64Array): Float64Array => clip(p.map((v, i) => c1 * v + c2 * q[i]));
  while (fcalls < maxfun && iterations < maxiter) {
    try {
      let spread = 0;
      let fspread = 0;
      for (let j = 1; j <= N; j++) {
        for (let i = 0; i < N; i++) spread = Math.max(spread, Math.abs(sim[j][i] - sim[0][i]));
        fspread = Math.max(fspread, Math.abs(fsim[0] - fsim[j]));
      }
      if (spread <= xatol && fspread <= fatol) break;
      const xbar = new Float64Array(N);
      for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) xbar[i] += sim[j][i];
      for (let i = 0; i < N; i++) xbar[i] /= N;
      const worst = sim[N];
      const xr = lin(1 + rho, xbar, -rho, worst);
      const fxr = f(xr);
      let doshrink = false;
      if (fxr < fsim[0]) {
        const xe = lin(1 + rho * chi, xbar, -rho * chi, worst);
        const fxe = f(xe);
        if (fxe < fxr) {
          sim[N] = xe;
          fsim[N] = fxe;
        } else {
          sim[N] = xr;
          fsim[N] = fxr;
        }
      } else if (fxr < fsim[N - 1]) {
        sim[N] = xr;
        fsim[N] = fxr;
      } else if (fxr < fsim[N]) {
        const xc = lin(1 + psi * rho, xbar, -psi * rho, worst); // outside contraction
        const fxc = f(xc);
        if (fxc <= fxr) {
          sim[N] = xc;
          fsim[N] = fxc;
        } else doshrink = true;
      } else {
        const xcc = lin(1 - psi, xbar, psi, worst); // inside contraction
        const fxcc = f(xcc);
        if (fxcc < fsim[N]) {
          sim[N] = xcc;
          fsim[N] = fxcc;
        } else doshrink = true;
      }
      if (doshrink) {
        for (let j = 1; j <= N; j++) {
          const s0 = sim[0];
          sim[j] = clip(sim[j].map((v, i) => s0[i] + sigma * (v - s0[i])));
          fsim[j] = f(sim[j]);
        }
      }
      iterations++;
    } catch (e) {
      if (!(e instanceof MaxFunCalls)) throw e;
    }
    sortSimplex();
    allvecs?.push(vec(sim[0]));
    if (stopRequested(a.callback, sim[0], fsim[0], iterations)) {
      stopped = true;
      break;
    }
  }
  // The value at x (SciPy reports np.min(fsim), which is NaN if any vertex is NaN).
  const fval = fsim[0];
  let warnflag = 0;
  let message: string = STATUS.success;
  if (stopped) {
    warnflag = 99;
    message = STATUS.callback;
  } else if (Number.isNaN(fval)) {
    warnflag = 3; // numts' addition: SciPy would report the evaluation or iteration limit
    message = STATUS.nan;
  } else if (fcalls >= maxfun) {
    warnflag = 1;
    message = STATUS.maxfev;
  } else if (iterations >= maxiter) {
    warnflag = 2;
    message = STATUS.maxiter;
  }
  const simData = new Float64Array((N + 1) * N);
  sim.forEach((r, j) => simData.set(r, j * N));
  return result({
    x: vec(sim[0]), fun: fval, nit: iterations, nfev: fcalls, status: warnflag, success: warnflag === 0, message,
    finalSimplex: [mat(simData, N + 1, N), vec(fsim)], ...(allvecs ? { allvecs } : {}),
  });
}

/** Ascending order with NaN last (NumPy's argsort). */
function cmp(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}
