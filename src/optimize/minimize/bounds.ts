/**
 * Bounds and constraints in the forms SciPy accepts, turned into arrays and
 * evaluators for the solvers.
 */
import { asarray, NDArray, shapeRepr, TypeError_, ValueError } from '../../core';
import { broadcastTo } from '../../ops';
import { jacobian } from '../../autodiff';
import { approxDerivative } from './finiteDiff';
import { floatEvaluator, toArray, vectorResult } from './objective';
import type { BoundsLike, Constraint } from './types';

/**
 * `bounds` as lower/upper arrays of length n (±Infinity where unbounded).
 * @throws {ValueError} for a length mismatch, NaN bounds or lb > ub.
 */
export function normalizeBounds(bounds: BoundsLike, n: number): { lb: Float64Array; ub: Float64Array } {
  const lb = new Float64Array(n).fill(-Infinity);
  const ub = new Float64Array(n).fill(Infinity);
  if (Array.isArray(bounds)) {
    if (bounds.length !== n) throw new ValueError(`length of x0 != length of bounds (${n} != ${bounds.length})`);
    bounds.forEach((pair, i) => {
      if (pair === null || pair === undefined) return;
      if (!Array.isArray(pair) || pair.length !== 2) throw new ValueError(`bounds[${i}] must be a [min, max] pair (null for no bound)`);
      const [lo, hi] = pair;
      if (lo !== null && lo !== undefined) lb[i] = Number(lo);
      if (hi !== null && hi !== undefined) ub[i] = Number(hi);
    });
  } else if (typeof bounds === 'object' && bounds !== null) {
    const side = (v: unknown, fill: number, name: string): Float64Array => {
      if (v === null || v === undefined) return new Float64Array(n).fill(fill);
      const a = asarray(v as number).astype('float64');
      if (a.ndim > 1 || (a.ndim === 1 && a.size !== 1 && a.size !== n)) {
        throw new ValueError(`bounds.${name} of shape ${shapeRepr(a.shape)} does not fit x0 of length ${n}`);
      }
      return Float64Array.from(broadcastTo(a.reshape(-1), [n]).tolist() as number[]);
    };
    lb.set(side((bounds as { lb?: unknown }).lb, -Infinity, 'lb'));
    ub.set(side((bounds as { ub?: unknown }).ub, Infinity, 'ub'));
  } else {
    throw new TypeError_('bounds must be a sequence of [min, max] pairs or an object { lb, ub }');
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lb[i]) || Number.isNaN(ub[i])) throw new ValueError(`bounds[${i}] is NaN`);
    if (lb[i] > ub[i]) throw new ValueError(`An upper bound is less than the corresponding lower bound: bounds[${i}] = [${lb[i]}, ${ub[i]}]`);
  }
  return { lb, ub };
}

/** Checks a constraint list in SciPy's dictionary form. */
export function normalizeConstraints(constraints: Constraint | readonly Constraint[] | undefined | null): Constraint[] {
  if (constraints === undefined || constraints === null) return [];
  const list = Array.isArray(constraints) ? [...constraints] : [constraints as Constraint];
  list.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) throw new TypeError_('Constraints must be defined using a dictionary.');
    if (c.type === undefined) throw new ValueError(`Constraint ${i} has no type defined.`);
    if (typeof c.type !== 'string') throw new TypeError_("Constraint's type must be a string.");
    if (c.type !== 'eq' && c.type !== 'ineq') throw new ValueError(`Unknown constraint type '${c.type}'.`);
    if (typeof c.fun !== 'function') throw new ValueError(`Constraint ${i} has no function defined.`);
    if (c.jac !== undefined && typeof c.jac !== 'function' && c.jac !== '2-point' && c.jac !== '3-point') {
      throw new ValueError(`Constraint ${i}: jac must be a function, '2-point' or '3-point'`);
    }
  });
  return list;
}

const evaluators = new WeakMap<Constraint, (x: Float64Array) => number | NDArray>();

/**
 * A constraint's values at x as a Float64Array, computed on float64 values
 * (see {@link floatEvaluator}: `x.get(i)` must not become an int32 scalar).
 */
function constraintValues(c: Constraint, x: Float64Array, i: number): Float64Array {
  let ev = evaluators.get(c);
  if (ev === undefined) evaluators.set(c, (ev = floatEvaluator(c.fun)));
  const v = ev(x);
  const a = v instanceof NDArray ? v : asarray(v);
  if (a.ndim > 1) throw new ValueError(`Constraint ${i} returned an array of shape ${shapeRepr(a.shape)}; expected a number or a 1-D array`);
  return vectorResult(a, a.size, `Constraint ${i}`);
}

/**
 * The constraints of one problem as vectors: values c(x) (equalities first,
 * then inequalities ≥ 0, SciPy's order) and the (m, n) Jacobian.
 */
export class ConstraintSet {
  readonly meq: number;
  readonly mineq: number;
  private readonly eq: { c: Constraint; i: number; size: number }[];
  private readonly ineq: { c: Constraint; i: number; size: number }[];
  nfev = 0;
  njev = 0;

  constructor(list: readonly Constraint[], x0: Float64Array, readonly n: number) {
    const sized = list.map((c, i) => ({ c, i, size: constraintValues(c, x0, i).length }));
    this.eq = sized.filter((s) => s.c.type === 'eq');
    this.ineq = sized.filter((s) => s.c.type === 'ineq');
    this.meq = this.eq.reduce((s, e) => s + e.size, 0);
    this.mineq = this.ineq.reduce((s, e) => s + e.size, 0);
  }

  get m(): number {
    return this.meq + this.mineq;
  }

  /** c(x), length m. */
  values(x: Float64Array): Float64Array {
    const out = new Float64Array(this.m);
    let row = 0;
    for (const { c, i, size } of [...this.eq, ...this.ineq]) {
      const v = constraintValues(c, x, i);
      if (v.length !== size) throw new ValueError(`Constraint ${i} returned ${v.length} values, but ${size} at x0`);
      out.set(v, row);
      row += size;
    }
    this.nfev++;
    return out;
  }

  /** The Jacobian of c at x, row-major (m, n). */
  jacobian(x: Float64Array): Float64Array {
    const out = new Float64Array(this.m * this.n);
    let row = 0;
    for (const { c, i, size } of [...this.eq, ...this.ineq]) {
      let J: Float64Array;
      if (typeof c.jac === 'function') {
        J = vectorResult(c.jac(toArray(x)), size * this.n, `The jac of constraint ${i}`);
      } else if (c.jac === '2-point' || c.jac === '3-point') {
        J = approxDerivative((y) => constraintValues(c, y, i), x, c.jac).J;
      } else {
        const r = jacobian((y: NDArray) => {
          const v = c.fun(y);
          return v instanceof NDArray ? v : asarray(v);
        })(toArray(x)) as NDArray | number;
        J = vectorResult(r, size * this.n, `The Jacobian of constraint ${i}`);
      }
      out.set(J, row * this.n);
      row += size;
    }
    this.njev++;
    return out;
  }
}
