/**
 * `minimize`: scipy.optimize.minimize for numts. Checks the arguments,
 * chooses the default method as SciPy does (SLSQP with constraints, L-BFGS-B
 * with bounds, else BFGS), applies `tol`, and dispatches.
 */
import { asarray, TypeError_, ValueError, type ArrayLike } from '../../core';
import { ConstraintSet, normalizeBounds, normalizeConstraints } from './bounds';
import { result, STATUS, vec, type SolverArgs } from './common';
import { floatEvaluator, scalarResult } from './objective';
import type { Constraint, MinimizeArgs, MinimizeOptions, Objective, OptimizeResult } from './types';
import { minimizeBfgs } from './bfgs';
import { minimizeCg } from './cg';
import { minimizeNewtonCg } from './newtonCg';
import { minimizeNelderMead } from './nelderMead';
import { minimizeTrustExact } from './trustExact';
import { minimizeLbfgsb } from './lbfgsb/driver';
import { minimizeSlsqp } from './slsqp/driver';

type Solver = (fun: Objective, x0: Float64Array, a: SolverArgs) => OptimizeResult;

const SOLVERS: Record<string, Solver> = {
  bfgs: minimizeBfgs,
  cg: minimizeCg,
  'newton-cg': minimizeNewtonCg,
  'nelder-mead': minimizeNelderMead,
  'trust-exact': minimizeTrustExact,
  'l-bfgs-b': minimizeLbfgsb,
  slsqp: minimizeSlsqp,
};

const HANDLES_BOUNDS = new Set(['nelder-mead', 'l-bfgs-b', 'slsqp']);

/** Where SciPy's `tol` goes for each method. */
function applyTol(meth: string, tol: number, options: MinimizeOptions): MinimizeOptions {
  const o = { ...options };
  if (meth === 'nelder-mead') {
    o.xatol ??= tol;
    o.fatol ??= tol;
  }
  if (meth === 'newton-cg') o.xtol ??= tol;
  if (meth === 'l-bfgs-b' || meth === 'slsqp') o.ftol ??= tol;
  if (meth === 'bfgs' || meth === 'cg' || meth === 'l-bfgs-b' || meth === 'trust-exact') o.gtol ??= tol;
  return o;
}

/** x0 as a private 1-D float64 vector. */
function startingPoint(x0: ArrayLike): Float64Array {
  const a = asarray(x0);
  if (a.dtype === 'complex128') throw new TypeError_('x0 must be real; minimize works over real vectors');
  if (a.ndim > 1) throw new ValueError("'x0' must only have one dimension.");
  if (a.size === 0) throw new ValueError("'x0' must have at least one element.");
  const x = Float64Array.from(a.astype('float64').reshape(-1).tolist() as number[]);
  x.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new ValueError(`'x0' must be finite, but x0[${i}] = ${v}`);
  });
  return x;
}

/**
 * Minimises a scalar function of one or more variables (scipy.optimize.minimize).
 *
 * `fun` receives the point as a 1-D float64 NDArray and returns a number or
 * a 0-d array; write it with numts functions (`np.sum(np.square(x))`) so that
 * gradients, Hessians and Hessian-vector products come from autodiff
 * (`jac: '2-point' | '3-point'` for finite differences, or a function).
 *
 * Methods (case-insensitive): 'BFGS' (default), 'L-BFGS-B' (default with
 * bounds; Byrd–Lu–Nocedal–Zhu, ported from L-BFGS-B 3.0 as SciPy), 'SLSQP'
 * (default with constraints; Kraft's SQP), 'Nelder-Mead', 'CG' (Polak–Ribière+),
 * 'Newton-CG', 'trust-exact'. Options are SciPy's in camelCase.
 *
 * @param fun `(x: NDArray (n,)) => number | 0-d NDArray`.
 * @param x0 initial guess, shape (n,) (a number is taken as shape (1,)).
 * @returns SciPy's OptimizeResult: `x` (n,), `fun`, `jac`, `nit`, `nfev`,
 *   `njev`, `nhev`, `success`, `status`, `message`, and per method `hessInv`,
 *   `hess`, `multipliers` (SLSQP), `finalSimplex` (Nelder-Mead). Failure to
 *   converge is `success: false` with SciPy's message, never an exception.
 * @throws {ValueError} for an unknown method, x0 not 1-D, empty or not finite,
 *   bad bounds or constraints, unknown options, or bounds/constraints given to
 *   a method that cannot handle them.
 * @example
 * const r = minimize((v: NDArray) => np.add(np.square(v.get(0)), np.square(v.get(1))), [0, 0],
 *   { constraints: { type: 'eq', fun: (v: NDArray) => np.subtract(np.add(v.get(0), v.get(1)), 4) } });
 * r.x;            // [2. 2.]
 * r.fun;          // 7.9999999999999964 (SLSQP, nit 3, as SciPy)
 * r.multipliers;  // [4.]  (SciPy's sign: ∇f = Σ λᵢ ∇cᵢ)
 */
export function minimize(fun: Objective, x0: ArrayLike, args: MinimizeArgs = {}): OptimizeResult {
  if (typeof fun !== 'function') throw new TypeError_('fun must be a function of x');
  const x = startingPoint(x0);
  const n = x.length;
  const constraints = normalizeConstraints(args.constraints);
  const hasBounds = args.bounds !== undefined && args.bounds !== null;
  let method: string = args.method ?? (constraints.length > 0 ? 'SLSQP' : hasBounds ? 'L-BFGS-B' : 'BFGS');
  if (typeof method !== 'string') throw new TypeError_('method must be a string');
  const meth = method.toLowerCase();
  const solver = SOLVERS[meth];
  if (solver === undefined) throw new ValueError(`Unknown solver ${method} (numts implements ${Object.keys(SOLVERS).join(', ')})`);
  if (constraints.length > 0 && meth !== 'slsqp') throw new ValueError(`Method ${method} cannot handle constraints; use SLSQP.`);
  if (hasBounds && !HANDLES_BOUNDS.has(meth)) throw new ValueError(`Method ${method} cannot handle bounds; use L-BFGS-B, SLSQP or Nelder-Mead.`);
  let options = args.options ?? {};
  if (args.tol !== undefined) {
    if (!(args.tol >= 0)) throw new ValueError(`tol must be a non-negative number, got ${args.tol}`);
    options = applyTol(meth, args.tol, options);
  }
  let lb: Float64Array | null = null;
  let ub: Float64Array | null = null;
  if (hasBounds) {
    ({ lb, ub } = normalizeBounds(args.bounds!, n));
    if ((meth === 'l-bfgs-b' || meth === 'slsqp') && lb.every((l, i) => l === ub![i])) {
      // Every variable is fixed: nothing to optimise (SciPy's _optimize_result_for_equal_bounds).
      return equalBoundsResult(fun, lb, constraints);
    }
  }
  const r = solver(fun, x, { jac: args.jac, hess: args.hess, hessp: args.hessp, lb, ub, constraints, options, callback: args.callback });
  // A NaN must never be reported as a success (a method's own tests can miss it: NaN ≥ gtol is false).
  if (r.success && (Number.isNaN(r.fun) || (r.x.tolist() as number[]).some(Number.isNaN))) {
    return { ...r, success: false, status: 3, message: STATUS.nan };
  }
  return r;
}

function equalBoundsResult(fun: Objective, x: Float64Array, constraints: readonly Constraint[]): OptimizeResult {
  const f = scalarResult(floatEvaluator(fun)(x), 'The objective function');
  let success = true;
  let message = 'All independent variables were fixed by bounds.';
  if (constraints.length > 0) {
    message = 'All independent variables were fixed by bounds at values that satisfy the constraints.';
    const set = new ConstraintSet(constraints, x, x.length);
    const c = set.values(x);
    let maxcv = 0;
    c.forEach((v, i) => (maxcv = Math.max(maxcv, i < set.meq ? Math.abs(v) : Math.max(0, -v))));
    if (maxcv > 0) {
      success = false;
      message = `All independent variables were fixed by bounds, but the independent variables do not satisfy the constraints exactly. (Maximum violation: ${maxcv}).`;
    }
  }
  return result({ x: vec(x), fun: f, nit: 0, nfev: 1, status: success ? 0 : 4, success, message });
}
