/**
 * L-BFGS-B: the Byrd–Lu–Nocedal–Zhu algorithm for bound-constrained
 * problems, ported from SciPy's C translation of L-BFGS-B 3.0 (subroutine
 * `mainlb` and `lnsrlb` of scipy/optimize/src/lbfgsb.c; the driver loop of
 * _lbfgsb_py.py), not a projected-gradient variant:
 *
 * 1. the generalized Cauchy point along the projected gradient path ({@link cauchy});
 * 2. subspace minimisation over the free variables ({@link subsm});
 * 3. a Moré–Thuente line search (ftol 1e-3, gtol 0.9, xtol 0.1) bounded by
 *    the box, at most `maxls` steps;
 * 4. the compact limited-memory BFGS update, skipped when sᵀy ≤ ε·(-gᵀd).
 *
 * R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for
 * bound constrained optimization", SIAM J. Sci. Comput. 16 (1995) 1190–1208;
 * C. Zhu, R. H. Byrd, P. Lu and J. Nocedal, "Algorithm 778: L-BFGS-B", ACM
 * TOMS 23 (1997) 550–560; J. L. Morales and J. Nocedal, "Remark on Algorithm
 * 778", ACM TOMS 38 (2011).
 */
import { ValueError } from '../../../core';
import type { Objective, OptimizeResult } from '../types';
import { checkOptions, intOption, result, stopRequested, tolOption, vec, type SolverArgs } from '../common';
import { dot, nrm2 } from '../../dense';
import { Dcsrch } from '../../lineSearch/dcsrch';
import { ScalarFunction } from '../objective';
import { active, formt, matupd, projgr, type Memory } from './matrices';
import { cauchy, type CauchyWork } from './cauchy';
import { cmprlb, formk, freev, subsm, type FreeSets } from './subspace';

const OPTIONS = ['maxcor', 'ftol', 'gtol', 'maxfun', 'maxiter', 'maxls', 'finiteDiffRelStep'];
const EPSMACH = 2.220446049250313e-16;

/**
 * SciPy's method='L-BFGS-B'. Options: maxcor (10 correction pairs), ftol
 * (2.2e-9: stop when (f_k - f_{k+1})/max(|f_k|, |f_{k+1}|, 1) ≤ ftol), gtol
 * (1e-5 on the projected gradient's max-norm), maxfun (15000), maxiter
 * (15000), maxls (20).
 */
export function minimizeLbfgsb(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('L-BFGS-B', o, OPTIONS);
  const n = x0.length;
  const m = intOption(o.maxcor, 10, 'maxcor');
  if (m <= 0) throw new ValueError('maxcor must be positive');
  const ftol = tolOption(o.ftol, 2.220446049250313e-9, 'ftol');
  const pgtol = tolOption(o.gtol, 1e-5, 'gtol');
  const maxfun = intOption(o.maxfun, 15000, 'maxfun');
  const maxiter = intOption(o.maxiter, 15000, 'maxiter');
  const maxls = intOption(o.maxls, 20, 'maxls');
  if (!(maxls > 0)) throw new ValueError('maxls must be positive.');
  const factr = ftol / EPSMACH;
  const l = new Float64Array(n);
  const u = new Float64Array(n);
  const nbd = new Int32Array(n);
  const x = Float64Array.from(x0);
  if (a.lb !== null && a.ub !== null) {
    for (let i = 0; i < n; i++) {
      const lo = a.lb[i];
      const hi = a.ub[i];
      x[i] = Math.min(Math.max(x[i], lo), hi);
      if (Number.isFinite(lo)) l[i] = lo;
      if (Number.isFinite(hi)) u[i] = hi;
      nbd[i] = Number.isFinite(lo) ? (Number.isFinite(hi) ? 2 : 1) : Number.isFinite(hi) ? 3 : 0;
    }
  }
  const sf = new ScalarFunction(fun, x, { jac: a.jac, relStep: o.finiteDiffRelStep, lb: a.lb ?? undefined, ub: a.ub ?? undefined });
  const evaluate = (): [number, Float64Array] => {
    const [fv, gv] = sf.valueAndGrad(x);
    return [fv, Float64Array.from(gv)];
  };

  const mem: Memory = {
    n, m, ws: new Float64Array(n * m), wy: new Float64Array(n * m), sy: new Float64Array(m * m), ss: new Float64Array(m * m),
    wt: new Float64Array(m * m), theta: 1, col: 0, head: 0,
  };
  const wn = new Float64Array(4 * m * m);
  const snd = new Float64Array(4 * m * m);
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  const d = new Float64Array(n);
  const t = new Float64Array(n);
  const xp = new Float64Array(n);
  const wa = new Float64Array(8 * m);
  const work: CauchyWork = { p: wa.subarray(0, 2 * m), c: wa.subarray(2 * m, 4 * m), wbp: wa.subarray(4 * m, 6 * m), v: wa.subarray(6 * m, 8 * m) };
  const iwhere = new Int32Array(n);
  const fs: FreeSets = { nfree: n, nenter: 0, ileave: 0, index: new Int32Array(n), indx2: new Int32Array(n) };

  const tol = factr * EPSMACH;
  let iter = 0;
  let iupdat = 0;
  let updatd = false;
  let itail = 0;
  let nIterations = 0;
  let task = 'START';
  let taskMsg = '';
  const { cnstnd, boxed } = active(n, l, u, nbd, x, iwhere);
  let [f, g] = evaluate();
  let sbgnrm = projgr(n, l, u, nbd, x, g);
  const refresh = (): void => {
    mem.col = 0;
    mem.head = 0;
    mem.theta = 1;
    iupdat = 0;
    updatd = false;
  };

  if (sbgnrm <= pgtol) {
    task = 'CONVERGENCE';
    taskMsg = 'NORM OF PROJECTED GRADIENT <= PGTOL';
  } else {
    for (;;) {
      let wrk: boolean;
      if (cnstnd || mem.col === 0) {
        // 1. The generalized Cauchy point.
        const c = cauchy(mem, x, l, u, nbd, g, fs.indx2, iwhere, t, d, z, work, sbgnrm);
        if (c.info !== 0) {
          refresh(); // singular triangular system: refresh the memory and restart
          continue;
        }
        wrk = freev(n, fs, iwhere, updatd, cnstnd, iter);
      } else {
        z.set(x);
        wrk = updatd;
      }
      // 2. Subspace minimisation over the free variables.
      if (fs.nfree !== 0 && mem.col !== 0) {
        let info = wrk ? formk(mem, fs, iupdat, updatd, wn, snd) : 0;
        if (info === 0) info = cmprlb(mem, x, g, z, r, wa, fs, cnstnd);
        if (info === 0) info = subsm(mem, fs, l, u, nbd, z, r, xp, x, g, wa, wn).info;
        if (info !== 0) {
          refresh();
          continue;
        }
      }
      // 3. Line search along d = z - x.
      for (let i = 0; i < n; i++) d[i] = z[i] - x[i];
      const ls = lineSearch(n, l, u, nbd, x, f, g, d, z, t, r, iter, cnstnd, boxed, maxls, () => evaluate());
      if (ls.failed) {
        x.set(t);
        g.set(r);
        f = ls.fold;
        if (mem.col === 0) {
          task = 'ABNORMAL';
          taskMsg = '';
          iter++;
          break;
        }
        refresh();
        continue;
      }
      f = ls.f;
      g = ls.g;
      iter++;
      sbgnrm = projgr(n, l, u, nbd, x, g);
      // NEW_X: the driver's checks (iteration count, callback, evaluations).
      nIterations++;
      if (stopRequested(a.callback, x, f, nIterations)) {
        task = 'STOP';
        taskMsg = 'CALLBACK REQUESTED HALT';
        break;
      }
      if (nIterations >= maxiter) {
        task = 'STOP';
        taskMsg = 'TOTAL NO. OF ITERATIONS REACHED LIMIT';
        break;
      }
      if (sf.nfev > maxfun) {
        task = 'STOP';
        taskMsg = 'TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT';
        break;
      }
      // Convergence tests.
      if (sbgnrm <= pgtol) {
        task = 'CONVERGENCE';
        taskMsg = 'NORM OF PROJECTED GRADIENT <= PGTOL';
        break;
      }
      if (ls.fold - f <= tol * Math.max(Math.abs(ls.fold), Math.abs(f), 1)) {
        task = 'CONVERGENCE';
        taskMsg = 'RELATIVE REDUCTION OF F <= FACTR*EPSMCH';
        break;
      }
      // 4. Update the limited-memory matrix with s = stp·d, y = g - g_old.
      for (let i = 0; i < n; i++) r[i] = g[i] - r[i];
      const rr = nrm2(r) ** 2;
      let dr: number;
      let ddum: number;
      if (ls.stp === 1) {
        dr = ls.gd - ls.gdold;
        ddum = -ls.gdold;
      } else {
        dr = (ls.gd - ls.gdold) * ls.stp;
        for (let i = 0; i < n; i++) d[i] *= ls.stp;
        ddum = -ls.gdold * ls.stp;
      }
      if (dr <= EPSMACH * ddum) {
        updatd = false; // skip the update: the curvature condition fails
        continue;
      }
      updatd = true;
      iupdat++;
      itail = matupd(mem, d, r, itail, iupdat, rr, dr, ls.stp, ls.dtd);
      if (formt(mem) !== 0) refresh();
    }
  }
  const warnflag = task === 'CONVERGENCE' ? 0 : taskMsg === 'CALLBACK REQUESTED HALT' ? 99 : sf.nfev > maxfun || nIterations >= maxiter ? 1 : 2;
  return result({
    x: vec(x), fun: f, jac: vec(g), nit: nIterations, nfev: sf.nfev, njev: sf.ngev, status: warnflag, success: warnflag === 0,
    message: `${task}: ${taskMsg}` + (task === 'ABNORMAL' && (!Number.isFinite(f) || !g.every(Number.isFinite)) ? 'NaN or infinite function value or gradient' : ''),
  });
}

/** Outcome of {@link lineSearch}. */
interface LineSearchOutcome {
  failed: boolean;
  f: number;
  g: Float64Array;
  fold: number;
  stp: number;
  gd: number;
  gdold: number;
  dtd: number;
}

/**
 * lnsrlb: the Moré–Thuente search along d from x (x, f, g updated in place
 * on success; t and r keep the old x and g). The step is capped so that
 * x + stp·d stays in the box, and the first iteration of an unboxed problem
 * starts from stp = 1/‖d‖.
 */
function lineSearch(
  n: number, l: Float64Array, u: Float64Array, nbd: Int32Array, x: Float64Array, f: number, g: Float64Array, d: Float64Array, z: Float64Array,
  t: Float64Array, r: Float64Array, iter: number, cnstnd: boolean, boxed: boolean, maxls: number, evaluate: () => [number, Float64Array],
): LineSearchOutcome {
  const dnorm = nrm2(d);
  const dtd = dnorm * dnorm;
  let stpmx = 1e10;
  if (cnstnd) {
    if (iter === 0) stpmx = 1;
    else {
      for (let i = 0; i < n; i++) {
        const a1 = d[i];
        if (nbd[i] === 0) continue;
        if (a1 < 0 && nbd[i] <= 2) {
          const a2 = l[i] - x[i];
          if (a2 >= 0) stpmx = 0;
          else if (a1 * stpmx < a2) stpmx = a2 / a1;
        } else if (a1 > 0 && nbd[i] >= 2) {
          const a2 = u[i] - x[i];
          if (a2 <= 0) stpmx = 0;
          else if (a1 * stpmx > a2) stpmx = a2 / a1;
        }
      }
    }
  }
  let stp = iter === 0 && !boxed ? Math.min(1 / dnorm, stpmx) : 1;
  t.set(x);
  r.set(g);
  const fold = f;
  let gd = dot(g, d);
  const gdold = gd;
  const fail = (): LineSearchOutcome => ({ failed: true, f, g, fold, stp, gd, gdold, dtd });
  if (gd >= 0) return fail(); // not a descent direction (info = -4)
  const search = new Dcsrch(1e-3, 0.9, 0.1, 0, stpmx, true);
  let task = search.start(stp, f, gd);
  if (task.startsWith('ERROR')) return fail();
  for (let ifun = 0; ; ) {
    // Trial point x = t + stp·d, projected onto the box (z itself when stp = 1).
    if (stp === 1) x.set(z);
    else {
      for (let i = 0; i < n; i++) {
        let xi = stp * d[i] + t[i];
        if (nbd[i] === 1 || nbd[i] === 2) xi = Math.max(xi, l[i]);
        if (nbd[i] === 2 || nbd[i] === 3) xi = Math.min(xi, u[i]);
        x[i] = xi;
      }
    }
    ifun++;
    [f, g] = evaluate();
    gd = dot(g, d);
    const res = search.iterate(stp, f, gd);
    if (res.task === 'CONVERGENCE' || res.task.startsWith('WARNING')) return { failed: false, f, g, fold, stp, gd, gdold, dtd };
    stp = res.stp;
    // iback = ifun - 1 trial steps went back: give up after maxls.
    if (ifun >= maxls) return fail();
  }
}
