/**
 * The public types of `minimize`: the objective, derivative options, bounds,
 * SciPy's constraint dictionaries, options and `OptimizeResult`.
 */
import type { ArrayLike, NDArray } from '../../core';

/** An objective: numts code on a 1-D float64 array, returning a number or a 0-d (size-1) array. */
export type Objective = (x: NDArray) => number | NDArray;

/**
 * How the gradient is obtained: omitted → reverse-mode autodiff of `fun`;
 * `'2-point'` / `'3-point'` → finite differences with SciPy's relative step;
 * a function → the user's gradient; `true` → `fun` returns `[value, gradient]`.
 */
export type JacOption = undefined | '2-point' | '3-point' | true | ((x: NDArray) => ArrayLike);

/**
 * How the Hessian is obtained (Newton-CG, trust-exact): omitted → autodiff
 * (forward-over-reverse); `'2-point'` / `'3-point'` → finite differences of
 * the gradient; or a function returning the (n, n) matrix.
 */
export type HessOption = undefined | '2-point' | '3-point' | ((x: NDArray) => ArrayLike);

/** A Hessian-vector product `hessp(x, p)` = ∇²f(x)·p, shape (n,). */
export type HesspOption = (x: NDArray, p: NDArray) => ArrayLike;

/**
 * Bounds on the variables: SciPy's sequence of `[min, max]` pairs (one per
 * variable; `null`/`undefined`/±Infinity for none) or a `{ lb, ub }` object
 * (scalars broadcast, as `scipy.optimize.Bounds`).
 */
export type BoundsLike =
  | readonly (readonly [number | null | undefined, number | null | undefined] | null | undefined)[]
  | { lb?: ArrayLike | null; ub?: ArrayLike | null };

/**
 * A constraint in SciPy's dictionary form: `type: 'eq'` means fun(x) = 0,
 * `'ineq'` means fun(x) ≥ 0. `fun` may return a number or a 1-D array (several
 * constraints); `jac` defaults to autodiff.
 */
export interface Constraint {
  type: 'eq' | 'ineq';
  fun: (x: NDArray) => number | NDArray;
  jac?: ((x: NDArray) => ArrayLike) | '2-point' | '3-point';
}

/** The `minimize` methods (case-insensitive, as SciPy). */
export type Method = 'BFGS' | 'L-BFGS-B' | 'Nelder-Mead' | 'CG' | 'Newton-CG' | 'trust-exact' | 'SLSQP';

/** What a `callback` receives after each iteration. */
export interface IntermediateResult {
  x: NDArray;
  fun: number;
  nit: number;
}

/**
 * Method options (SciPy's names in camelCase). Each method reads the ones it
 * knows and rejects the others: `maxiter` every method; `gtol`, `norm`, `c1`,
 * `c2`, `xrtol` BFGS/CG; `xtol` Newton-CG; `maxcor`, `ftol`, `maxfun`, `maxls`
 * L-BFGS-B; `ftol` SLSQP; `xatol`, `fatol`, `maxfev`, `adaptive`,
 * `initialSimplex` Nelder-Mead; `initialTrustRadius`, `maxTrustRadius`, `eta`,
 * `subproblemMaxiter` trust-exact; `finiteDiffRelStep` wherever finite
 * differences are used.
 */
export interface MinimizeOptions {
  maxiter?: number;
  gtol?: number;
  norm?: number;
  c1?: number;
  c2?: number;
  xrtol?: number;
  xtol?: number;
  ftol?: number;
  maxcor?: number;
  maxfun?: number;
  maxls?: number;
  xatol?: number;
  fatol?: number;
  maxfev?: number;
  adaptive?: boolean;
  initialSimplex?: ArrayLike;
  initialTrustRadius?: number;
  maxTrustRadius?: number;
  eta?: number;
  subproblemMaxiter?: number;
  finiteDiffRelStep?: number;
  returnAll?: boolean;
  /** Accepted for SciPy compatibility and ignored (numts prints nothing; read the result). */
  disp?: boolean;
}

/** The arguments of `minimize` after `fun` and `x0`. */
export interface MinimizeArgs {
  method?: Method | Lowercase<Method>;
  jac?: JacOption;
  hess?: HessOption;
  hessp?: HesspOption;
  bounds?: BoundsLike | null;
  constraints?: Constraint | readonly Constraint[];
  tol?: number;
  options?: MinimizeOptions;
  /** Called after each iteration; return `true` to stop (SciPy's StopIteration). */
  callback?: (r: IntermediateResult) => boolean | void;
}

/**
 * SciPy's `OptimizeResult`, with camelCase names (`hessInv`, `finalSimplex`).
 * Fields a method does not produce are absent, except the counters, which
 * are always present (0 when unused).
 */
export interface OptimizeResult {
  /** The solution, shape (n,). */
  x: NDArray;
  /** f(x). */
  fun: number;
  /** ∇f(x), shape (n,) (gradient methods). */
  jac?: NDArray;
  /** ∇²f(x), shape (n, n) (trust-exact). */
  hess?: NDArray;
  /** The inverse-Hessian approximation, shape (n, n) (BFGS, L-BFGS-B). */
  hessInv?: NDArray;
  /** Iterations. */
  nit: number;
  /** Objective values requested (finite-difference evaluations included), as SciPy counts them. */
  nfev: number;
  /** Gradients requested. */
  njev: number;
  /** Hessians or Hessian-vector products requested. */
  nhev: number;
  success: boolean;
  /** SciPy's status code for the method (0 = success). */
  status: number;
  message: string;
  /** SLSQP: the KKT multipliers, equality constraints first, then inequalities (bounds excluded), SciPy's `multipliers`. */
  multipliers?: NDArray;
  /** Nelder-Mead: the final simplex (n+1, n) and its values (n+1,). */
  finalSimplex?: [NDArray, NDArray];
  /** The iterates, with `options.returnAll` (BFGS, CG, Newton-CG, Nelder-Mead, trust-exact). */
  allvecs?: NDArray[];
}
