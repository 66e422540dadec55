/**
 * The Karush–Kuhn–Tucker conditions at a point (book chapter 13; Nocedal &
 * Wright, "Numerical Optimization", 2nd ed., Theorem 12.1), in SciPy's sign
 * convention for `minimize(..., { constraints })` with `type: 'eq'`
 * (c(x) = 0) and `'ineq'` (c(x) ≥ 0):
 *
 *   stationarity             ∇f(x) - Σ λᵢ ∇cᵢ(x) - μ = 0   (μ: bound multipliers)
 *   primal feasibility       c_eq(x) = 0, c_ineq(x) ≥ 0, lb ≤ x ≤ ub
 *   dual feasibility         λ_ineq ≥ 0, μ ≥ 0 at active lower bounds, ≤ 0 at upper
 *   complementary slackness  λᵢ cᵢ(x) = 0 for every inequality
 *
 * (The book writes L = f + λg, so its λ is the negative of SciPy's: for
 * min x² + y² s.t. x + y = 4 SciPy reports λ = 4, the book λ = -4.)
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import { grad } from '../autodiff';
import { ConstraintSet, normalizeBounds, normalizeConstraints } from './minimize/bounds';
import { toArray, vectorResult } from './minimize/objective';
import type { BoundsLike, Constraint, Objective } from './minimize/types';

/** Options of {@link checkKKT}. */
export interface CheckKKTOptions {
  /** Bounds on x (as for `minimize`); their multipliers are inferred from the residual. */
  bounds?: BoundsLike | null;
  /** Tolerance of every test (absolute, max-norm). Default 1e-6. */
  tol?: number;
  /** ∇f as a function; autodiff of `fun` when omitted. */
  jac?: (x: NDArray) => ArrayLike;
}

/** The KKT report of {@link checkKKT}: each residual (max-norm) and whether it is within `tol`. */
export interface KKTReport {
  /** ‖∇f - Σλᵢ∇cᵢ - μ‖∞. */
  stationarity: number;
  /** Largest constraint or bound violation. */
  primalFeasibility: number;
  /** Largest wrong-signed multiplier (inequalities and active bounds). */
  dualFeasibility: number;
  /** max |λᵢ cᵢ(x)| over the inequalities. */
  complementarySlackness: number;
  /** All four within tol. */
  satisfied: boolean;
  /** The gradient of the Lagrangian without bound terms, ∇f - Σλᵢ∇cᵢ, shape (n,). */
  gradLagrangian: NDArray;
  /** The inferred bound multipliers μ, shape (n,) (0 for variables off their bounds). */
  boundMultipliers: NDArray;
  /** The constraint values c(x), equalities first, shape (m,). */
  constraintValues: NDArray;
}

/**
 * Checks the KKT conditions of `min fun(x)` subject to `constraints` (SciPy's
 * dictionaries) and `bounds` at x with multipliers λ (equalities first, then
 * inequalities: the order of `minimize(...).multipliers`).
 * @param fun the objective (numts code, differentiated by autodiff unless `jac` is given).
 * @param x the point, shape (n,).
 * @param multipliers λ, shape (m,) with m the total number of constraint components.
 * @throws {ValueError} when λ's length does not match the constraints, or for bad bounds.
 * @example
 * const r = minimize(f, [0, 0], { constraints: [eq] });
 * checkKKT(f, r.x, [eq], r.multipliers).satisfied;   // true
 */
export function checkKKT(
  fun: Objective, x: ArrayLike, constraints: Constraint | readonly Constraint[] | null | undefined, multipliers: ArrayLike | null | undefined,
  opts: CheckKKTOptions = {},
): KKTReport {
  const xv = Float64Array.from(asarray(x).astype('float64').reshape(-1).tolist() as number[]);
  const n = xv.length;
  const tol = opts.tol ?? 1e-6;
  if (!(tol >= 0)) throw new ValueError(`tol must be non-negative, got ${tol}`);
  const cons = new ConstraintSet(normalizeConstraints(constraints), xv, n);
  const m = cons.m;
  const lam = multipliers === null || multipliers === undefined ? new Float64Array(m) : vectorResult(asarray(multipliers), m, 'multipliers');
  if (lam.length !== m) throw new ValueError(`multipliers has length ${lam.length}, but the constraints have ${m} components`);
  const g = opts.jac ? vectorResult(opts.jac(toArray(xv)), n, 'jac') : vectorResult(grad(fun as (x: NDArray) => NDArray, { allowUnused: true })(toArray(xv)), n, 'The gradient of fun');
  const c = m > 0 ? cons.values(xv) : new Float64Array(0);
  const J = m > 0 ? cons.jacobian(xv) : new Float64Array(0);
  const r = Float64Array.from(g);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) r[j] -= lam[i] * J[i * n + j];
  let primal = 0;
  let dual = 0;
  let slack = 0;
  for (let i = 0; i < m; i++) {
    if (i < cons.meq) primal = Math.max(primal, Math.abs(c[i]));
    else {
      primal = Math.max(primal, -c[i]);
      dual = Math.max(dual, -lam[i]);
      slack = Math.max(slack, Math.abs(lam[i] * c[i]));
    }
  }
  // Bounds: a variable at its bound may carry a multiplier of the right sign; elsewhere the residual must vanish.
  const mu = new Float64Array(n);
  const { lb, ub } = opts.bounds ? normalizeBounds(opts.bounds, n) : { lb: null, ub: null };
  let stat = 0;
  for (let j = 0; j < n; j++) {
    let rj = r[j];
    if (lb !== null && ub !== null) {
      primal = Math.max(primal, lb[j] - xv[j], xv[j] - ub[j]);
      const atLower = Math.abs(xv[j] - lb[j]) <= tol;
      const atUpper = Math.abs(xv[j] - ub[j]) <= tol;
      if ((atLower && rj > 0) || (atUpper && rj < 0)) {
        mu[j] = rj;
        rj = 0;
      } else if (atLower && atUpper) {
        mu[j] = rj; // a fixed variable: any multiplier
        rj = 0;
      }
    }
    stat = Math.max(stat, Math.abs(rj));
  }
  if (!Number.isFinite(stat) || !Number.isFinite(primal)) stat = Math.max(stat, Infinity);
  const satisfied = stat <= tol && primal <= tol && dual <= tol && slack <= tol;
  return {
    stationarity: stat, primalFeasibility: Math.max(primal, 0), dualFeasibility: Math.max(dual, 0), complementarySlackness: slack, satisfied,
    gradLagrangian: asarray(r), boundMultipliers: asarray(mu), constraintValues: asarray(c),
  };
}
