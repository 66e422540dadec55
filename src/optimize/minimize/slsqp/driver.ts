/**
 * SLSQP, Sequential Least SQuares Programming: D. Kraft, "A software package
 * for sequential quadratic programming", DFVLR-FB 88-28 (1988), as SciPy 1.16+
 * runs it (scipy/optimize/src/slsqp.c and _slsqp_py.py), here as a direct
 * loop rather than reverse communication.
 *
 * Each iteration solves the QP subproblem exactly ({@link lsq}: a
 * least-squares problem with the BFGS matrix kept as an LDLᵀ factorisation),
 * relaxing an inconsistent linearisation with one extra variable; then a line
 * search on the L1 merit function f + Σ μᵢ|violationᵢ| (Han–Powell weights
 * μ = max(|λ|, (μ + |λ|)/2)) backtracks by quadratic interpolation (α ≥ 0.1,
 * at most 10 steps); then Powell's damped BFGS update of L D Lᵀ (Fletcher &
 * Powell's composite-t rank-one updates, Math. Comp. 28 (1974) 1067–1087).
 */
import type { Objective, OptimizeResult } from '../types';
import { checkOptions, intOption, result, stopRequested, tolOption, vec, type SolverArgs } from '../common';
import { dot, nrm2 } from '../../dense';
import { ConstraintSet } from '../bounds';
import { ScalarFunction } from '../objective';
import { lsq, type LsqProblem } from './lsq';
import { ldlUpdate, packedLDLtTimes } from './ldl';

const OPTIONS = ['maxiter', 'ftol', 'finiteDiffRelStep'];

/** SciPy's exit modes of SLSQP. */
export const SLSQP_MESSAGES: Record<number, string> = {
  [-1]: 'Gradient evaluation required (g & a)',
  0: 'Optimization terminated successfully',
  1: 'Function evaluation required (f & c)',
  2: 'More equality constraints than independent variables',
  3: 'More than 3*n iterations in LSQ subproblem',
  4: 'Inequality constraints incompatible',
  5: 'Singular matrix E in LSQ subproblem',
  6: 'Singular matrix C in LSQ subproblem',
  7: 'Rank-deficient equality constraint subproblem HFTI',
  8: 'Positive directional derivative for linesearch',
  9: 'Iteration limit reached',
  10: 'NaN result encountered (in the objective, the constraints or their derivatives).',
  99: '`callback` requested a stop.',
};

/** SciPy's method='SLSQP'. Options: maxiter (100), ftol (1e-6, the accuracy goal). */
export function minimizeSlsqp(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('SLSQP', o, OPTIONS);
  const maxiter = intOption(o.maxiter, 100, 'maxiter');
  const acc = tolOption(o.ftol, 1e-6, 'ftol');
  const n = x0.length;
  const lb = a.lb ?? new Float64Array(n).fill(-Infinity);
  const ub = a.ub ?? new Float64Array(n).fill(Infinity);
  const x = x0.map((v, i) => Math.min(Math.max(v, lb[i]), ub[i]));
  // Kraft's code marks missing bounds by NaN.
  const xl = lb.map((v) => (Number.isFinite(v) ? v : NaN));
  const xu = ub.map((v) => (Number.isFinite(v) ? v : NaN));
  const cons = new ConstraintSet(a.constraints, x, n);
  const { m, meq } = cons;
  const sf = new ScalarFunction(fun, x, { jac: a.jac, relStep: o.finiteDiffRelStep, lb, ub });
  if (meq > n) {
    return result({ x: vec(x), fun: sf.value(x), nit: 0, nfev: sf.nfev, status: 2, success: false, message: SLSQP_MESSAGES[2] });
  }
  const clipped = (y: Float64Array): Float64Array => y.map((v, i) => Math.min(Math.max(v, lb[i]), ub[i]));
  let fx = sf.value(x);
  let g = Float64Array.from(sf.grad(x));
  const lda = Math.max(m, 1);
  const C = new Float64Array(lda * n);
  let d: Float64Array = new Float64Array(Math.max(m, 1));
  const evalNormals = (): void => {
    if (m === 0) return;
    const J = cons.jacobian(clipped(x));
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) C[i + j * lda] = J[i * n + j];
  };
  const evalConstraints = (): void => {
    if (m > 0) d = cons.values(clipped(x));
  };
  evalNormals();
  evalConstraints();

  const n1 = n + 1;
  const n2 = (n1 * n) / 2;
  const bfgs = new Float64Array(n2);
  const x0s = new Float64Array(n);
  const mu = new Float64Array(Math.max(m, 1));
  const s = new Float64Array(n1);
  const u = new Float64Array(n1);
  const v = new Float64Array(n1);
  const mult = new Float64Array(Math.max(1, m + 2 * n + 2));
  const problem: LsqProblem = { m, meq, n, Lf: bfgs, gradx: g, C, d, xl: u, xu: v };
  const tol = 10 * acc;
  let iter = 0;
  let reset = 0;
  let mode = 0;
  let f0 = 0;
  let badlin = false;
  let stopped = false;
  const violation = (): number => {
    let h = 0;
    for (let j = 0; j < m; j++) h += Math.max(-d[j], j < meq ? d[j] : 0);
    return h;
  };
  const resetBfgs = (): boolean => {
    reset++;
    if (reset > 5) return false;
    bfgs.fill(0);
    for (let i = 0, j = 0; i < n; i++) {
      bfgs[j] = 1;
      j += n - i;
    }
    return true;
  };

  let running = resetBfgs();
  main: while (running) {
    // Search direction from the QP subproblem.
    // numts' addition: a NaN or infinity in the QP data would be turned into a misleading LSQ failure.
    if (!Number.isFinite(fx) || !g.every(Number.isFinite) || !d.subarray(0, m).every(Number.isFinite) || !C.every(Number.isFinite)) {
      mode = 10;
      break;
    }
    mode = 9;
    if (iter >= maxiter) break;
    iter++;
    for (let i = 0; i < n; i++) {
      u[i] = -x[i] + xl[i];
      v[i] = -x[i] + xu[i];
    }
    problem.gradx = g;
    problem.d = d;
    let h4 = 1;
    mode = lsq(problem, false, 0, s, mult);
    badlin = false;
    if (mode === 6 && n === meq) mode = 4;
    if (mode === 4) {
      // Inconsistent linearisation: augment with a relaxation variable and retry with growing weight.
      badlin = true;
      s.fill(0);
      let rho = 100;
      let inconsistent = 0;
      for (;;) {
        mode = lsq(problem, true, rho, s, mult);
        h4 = 1 - s[n];
        if (mode === 4) {
          rho *= 10;
          if (++inconsistent > 5) break main;
          continue;
        }
        if (mode !== 1) break main;
        break;
      }
    } else if (mode !== 1) break;
    // Multipliers for the L1 test: v = ∇f - Cᵀλ (kept for the BFGS update).
    for (let i = 0; i < n; i++) {
      let t = g[i];
      for (let j = 0; j < m; j++) t -= C[j + i * lda] * mult[j];
      v[i] = t;
    }
    f0 = fx;
    x0s.set(x.subarray(0, n));
    const gs = dot(g, s, n);
    let h1 = Math.abs(gs);
    let h2 = 0;
    for (let j = 0; j < m; j++) {
      h2 += Math.max(-d[j], j < meq ? d[j] : 0);
      const h3 = Math.abs(mult[j]);
      mu[j] = Math.max(h3, (mu[j] + h3) / 2);
      h1 += h3 * Math.abs(d[j]);
    }
    mode = 0;
    if (h1 < acc && h2 < acc && !badlin && fx === fx) break;
    h1 = 0;
    for (let j = 0; j < m; j++) h1 += mu[j] * Math.max(-d[j], j < meq ? d[j] : 0);
    const t0 = fx + h1;
    let h3 = gs - h1 * h4;
    mode = 8;
    if (h3 >= 0) {
      // Not a descent direction for the merit function: restart from B = I.
      running = resetBfgs();
      continue;
    }
    // Backtracking line search on the L1 merit function.
    let alpha = 1;
    for (let line = 1; ; line++) {
      h3 *= alpha;
      for (let i = 0; i < n; i++) {
        s[i] *= alpha;
        x[i] = x0s[i] + s[i];
      }
      fx = sf.value(clipped(x));
      evalConstraints();
      let t = fx;
      for (let j = 0; j < m; j++) t += mu[j] * Math.max(-d[j], j < meq ? d[j] : 0);
      const dh = t - t0;
      if (dh <= h3 / 10 || line > 10) break;
      alpha = Math.max(h3 / (2 * (h3 - dh)), 0.1);
    }
    if (stopRequested(a.callback, x, fx, iter)) {
      stopped = true;
      break;
    }
    // SciPy re-enters its C routine here with badlin reset to 0, so the test ignores it.
    if ((Math.abs(fx - f0) < acc || nrm2(s, n) < acc) && violation() < acc && fx === fx) {
      mode = 0;
      break;
    }
    mode = -1;
    g = Float64Array.from(sf.grad(clipped(x)));
    evalNormals();
    // Powell-damped BFGS update of L D Lᵀ with the change of the Lagrangian's gradient.
    for (let i = 0; i < n; i++) {
      let t = g[i];
      for (let j = 0; j < m; j++) t -= C[j + i * lda] * mult[j];
      u[i] = t - v[i];
    }
    packedLDLtTimes(n, bfgs, s, v);
    let hh1 = dot(s, u, n);
    const hh2 = dot(s, v, n);
    const hh3 = 0.2 * hh2;
    if (hh1 < hh3) {
      const h4d = (hh2 - hh3) / (hh2 - hh1);
      hh1 = hh3;
      for (let i = 0; i < n; i++) u[i] = h4d * u[i] + (1 - h4d) * v[i];
    }
    if (hh1 === 0 || hh2 === 0) {
      running = resetBfgs();
      continue;
    }
    ldlUpdate(n, bfgs, u, 1 / hh1, new Float64Array(n));
    ldlUpdate(n, bfgs, v, -1 / hh2, u);
  }
  if (!running) {
    // Five resets in a row: accept if the relaxed (10×) tolerances hold.
    mode = (Math.abs(fx - f0) < tol || nrm2(s, n) < tol) && violation() < tol && !badlin && fx === fx ? 0 : 8;
  }
  if (stopped) mode = 99;
  let message = SLSQP_MESSAGES[mode];
  const viol = m > 0 ? maxViolation(d, meq, m) : 0;
  if (mode !== 0 && viol > Math.sqrt(acc)) message += ` (the constraints are violated by ${viol.toPrecision(3)} at x; they may be infeasible)`;
  return result({
    x: vec(x), fun: fx, jac: vec(g), nit: iter, nfev: sf.nfev, njev: sf.ngev, status: mode, success: mode === 0,
    message, multipliers: vec(mult.subarray(0, m)),
  });
}

/** The largest violation among c_eq = 0 and c_ineq ≥ 0. */
function maxViolation(d: Float64Array, meq: number, m: number): number {
  let v = 0;
  for (let j = 0; j < m; j++) v = Math.max(v, j < meq ? Math.abs(d[j]) : -d[j]);
  return v;
}
