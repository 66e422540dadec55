/**
 * `lineSearch`: scipy.optimize.line_search (the strong-Wolfe bracketing and
 * zoom search of Nocedal & Wright, Algorithms 3.5–3.6) on numts functions.
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../../core';
import { valueAndGrad } from '../../autodiff';
import { dot } from '../dense';
import { scalarResult, toArray, vectorResult } from '../minimize/objective';
import { scalarSearchWolfe2, stepTo } from './wolfe';

/** Options of {@link lineSearch} (SciPy's keywords). */
export interface LineSearchOptions {
  /** ∇f(xk), if known. */
  gfk?: ArrayLike;
  /** f(xk), if known. */
  oldFval?: number;
  /** f at the previous point (sets the first trial step). */
  oldOldFval?: number;
  /** Sufficient-decrease constant, default 1e-4. */
  c1?: number;
  /** Curvature constant, default 0.9 (0 < c1 < c2 < 1). */
  c2?: number;
  /** Largest step. */
  amax?: number;
  /** Bracketing iterations, default 10. */
  maxiter?: number;
}

/** Result of {@link lineSearch}: SciPy's tuple (alpha, fc, gc, new_fval, old_fval, new_slope) as fields. */
export interface LineSearchResult {
  /** The step, or null when no step satisfying the strong Wolfe conditions was found. */
  alpha: number | null;
  fc: number;
  gc: number;
  newFval: number | null;
  oldFval: number;
  /** ∇f(xk + α pk), or null. */
  newSlope: NDArray | null;
}

/**
 * Finds α satisfying the strong Wolfe conditions along the descent direction
 * pk from xk: f(xk + α pk) ≤ f(xk) + c1 α ∇fᵀpk and |∇f(xk + α pk)ᵀpk| ≤ c2 |∇fᵀpk|.
 * @param f scalar function of a 1-D array (numts code).
 * @param fprime its gradient; autodiff of f when null/undefined.
 * @param xk start, shape (n,). @param pk direction, shape (n,).
 * @throws {ValueError} for mismatched shapes or constants outside 0 < c1 < c2 < 1.
 * @example
 * lineSearch((x) => np.sum(np.square(x)), null, [1.8, 1.7], [-1, -1]).alpha;   // 1
 */
export function lineSearch(
  f: (x: NDArray) => number | NDArray,
  fprime: ((x: NDArray) => ArrayLike) | null | undefined,
  xk: ArrayLike,
  pk: ArrayLike,
  opts: LineSearchOptions = {},
): LineSearchResult {
  const x = Float64Array.from(asarray(xk).astype('float64').reshape(-1).tolist() as number[]);
  const p = Float64Array.from(asarray(pk).astype('float64').reshape(-1).tolist() as number[]);
  const n = x.length;
  if (p.length !== n) throw new ValueError(`xk has ${n} elements but pk has ${p.length}`);
  const vg = fprime ? null : valueAndGrad(f as (x: NDArray) => NDArray, { allowUnused: true });
  const gradAt = (y: Float64Array): Float64Array => (fprime ? vectorResult(fprime(toArray(y)), n, 'fprime') : vectorResult(vg!(toArray(y))[1], n, 'the gradient of f'));
  let fc = 0;
  let gc = 0;
  let gval: Float64Array | null = null;
  const phi = (a: number): number => {
    fc++;
    return scalarResult(f(toArray(stepTo(x, a, p))), 'f');
  };
  const derphi = (a: number): number => {
    gc++;
    gval = gradAt(stepTo(x, a, p));
    return dot(gval, p);
  };
  const gfk = opts.gfk === undefined ? gradAt(x) : vectorResult(asarray(opts.gfk), n, 'gfk');
  const phi0 = opts.oldFval ?? phi(0);
  const r = scalarSearchWolfe2(phi, derphi, phi0, opts.oldOldFval ?? null, dot(gfk, p), {
    c1: opts.c1, c2: opts.c2, amax: opts.amax ?? null, maxiter: opts.maxiter,
  });
  return {
    alpha: r.alpha, fc, gc, newFval: r.alpha === null ? null : r.phi, oldFval: r.phi0,
    newSlope: r.derphi === null || gval === null ? null : asarray(Float64Array.from(gval)),
  };
}
