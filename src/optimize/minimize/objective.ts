/**
 * The solvers' view of the objective (SciPy's ScalarFunction): f, ∇f, ∇²f
 * and ∇²f·p on Float64Array points, cached at the current point and counted
 * as SciPy counts them (nfev: objective values requested, including finite-
 * difference evaluations; njev: gradients; nhev: Hessians or products).
 *
 * Derivatives come from autodiff unless the user gives `jac`/`hess`: one
 * reverse pass (`valueAndGrad`) yields f and ∇f together, and with autodiff
 * every value is computed that way (the gradient is cached for a later
 * request; the counters still report requests, as SciPy's do). Besides
 * saving a pass when the gradient follows, this runs `fun` on a traced x, on
 * which `x.get(i)` is a 0-d float64 array: on a plain array it is a JS
 * number, and an integer-valued one (x0 = [-3, -1] gives integer iterates)
 * would be typed int32 by np functions (NEP 50 weak scalars), so
 * `np.square(x.get(0))` could overflow at 2³¹.
 */
import { asarray, Complex, NDArray, shapeRepr, TracerError, ValueError, type ArrayLike } from '../../core';
import { grad as gradOf, hessian as hessianOf, jvp, valueAndGrad, vjp } from '../../autodiff';
import { approxDerivative } from './finiteDiff';
import type { HessOption, HesspOption, JacOption, Objective } from './types';

/** A Float64Array as a fresh 1-D NDArray (a copy: the user's function may keep or modify it). */
export function toArray(x: Float64Array): NDArray {
  return asarray(Float64Array.from(x));
}

/** A user result (number, 0-d or size-1 array) as a number. */
export function scalarResult(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof NDArray) {
    if (v.size !== 1) throw new ValueError(`${what} must return a scalar value, but returned an array of shape ${shapeRepr(v.shape)}`);
    const r = v.item();
    if (r instanceof Complex) throw new ValueError(`${what} must return a real value, got a complex number`);
    return Number(r);
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new ValueError(`${what} must return a number or a 0-d array, got ${v === null ? 'null' : typeof v}`);
}

/** A user vector result as a Float64Array of length n. */
export function vectorResult(v: unknown, n: number, what: string): Float64Array {
  const a = asarray(v as ArrayLike);
  if (a.size !== n) throw new ValueError(`${what} returned ${a.size} values (shape ${shapeRepr(a.shape)}); expected ${n}, the length of x0`);
  // The common case (a fresh contiguous float64 gradient) is one copy.
  if (a.dtype === 'float64' && a.isContiguous && !a.isTraced()) return (a.data as Float64Array).slice(a.offset, a.offset + n);
  const out = new Float64Array(n);
  const flat = a.flatten().astype('float64');
  out.set(flat.data.subarray(flat.offset, flat.offset + n) as Float64Array);
  return out;
}

/**
 * `fun` evaluated on float64 values: on a traced copy of x (a `vjp` whose
 * pullback is never used), where `x.get(i)` is a 0-d float64 array rather
 * than a JS number, which np functions would type as int32 when it is
 * integer-valued (NEP 50 weak scalars: `np.square(x.get(0))` at x = 1e5
 * would overflow, `np.power(x.get(0), -1)` would raise). A function that
 * cannot run traced (it applies Math.* to elements) is evaluated on the plain
 * array from its first failure on.
 */
export function floatEvaluator<R>(fun: (x: NDArray) => R): (x: Float64Array) => R {
  let traced = true;
  return (x) => {
    if (traced) {
      try {
        return vjp(fun as (y: NDArray) => R, toArray(x))[0] as R;
      } catch (e) {
        if (!(e instanceof TracerError)) throw e;
        traced = false;
      }
    }
    return fun(toArray(x));
  };
}

/** Rethrows an autodiff failure with advice on what to do instead. */
function explainTracer(e: unknown): never {
  if (e instanceof TracerError) {
    throw new TracerError(
      `${e.message}\n(minimize differentiates fun with autodiff; write it with numts functions on the NDArray it receives, ` +
        "or pass jac: '2-point' / '3-point' for finite differences, or your own jac function)",
    );
  }
  throw e;
}

/** Options of {@link ScalarFunction}. */
export interface ScalarFunctionOptions {
  jac?: JacOption;
  hess?: HessOption;
  hessp?: HesspOption;
  /** Relative finite-difference step (SciPy's finite_diff_rel_step). */
  relStep?: number;
  lb?: Float64Array;
  ub?: Float64Array;
}

/** Cached, counted evaluation of f, ∇f, ∇²f at Float64Array points. */
export class ScalarFunction {
  readonly n: number;
  nfev = 0;
  ngev = 0;
  nhev = 0;
  private x: Float64Array;
  private f = NaN;
  private g: Float64Array | null = null;
  private H: Float64Array | null = null;
  private fCounted = false;
  private gCounted = false;
  private readonly useAutodiff: boolean;
  private readonly vg: ((x: NDArray) => [number, NDArray]) | null;
  private readonly plain: (x: Float64Array) => unknown;

  constructor(
    private readonly fun: Objective,
    x0: Float64Array,
    private readonly opts: ScalarFunctionOptions = {},
  ) {
    this.n = x0.length;
    this.x = Float64Array.from(x0);
    this.useAutodiff = opts.jac === undefined;
    this.vg = this.useAutodiff ? (valueAndGrad(fun as (x: NDArray) => NDArray, { allowUnused: true }) as any) : null;
    this.plain = floatEvaluator(fun as (x: NDArray) => unknown);
  }

  /** Moves to x (invalidating the cache) unless it is the current point. */
  private moveTo(x: Float64Array): void {
    for (let i = 0; i < this.n; i++) {
      if (x[i] !== this.x[i]) {
        this.x = Float64Array.from(x);
        this.g = null;
        this.H = null;
        this.fCounted = false;
        this.gCounted = false;
        return;
      }
    }
  }

  /** f at the current point, evaluating it on first request. */
  private evalValue(): number {
    if (this.fCounted) return this.f;
    if (this.g === null) {
      if (this.opts.jac === true) {
        const [v, g] = this.pair(this.x);
        this.f = v;
        this.g = g;
      } else if (this.useAutodiff) {
        this.autodiffPass();
      } else {
        this.f = scalarResult(this.plain(this.x), 'The objective function');
      }
    }
    this.nfev++;
    this.fCounted = true;
    return this.f;
  }

  private autodiffPass(): void {
    let r: [number, NDArray];
    try {
      r = this.vg!(toArray(this.x));
    } catch (e) {
      explainTracer(e);
    }
    this.f = scalarResult(r[0], 'The objective function');
    this.g = vectorResult(r[1], this.n, 'The gradient of the objective');
  }

  /** fun(x) for `jac: true`: [value, gradient]. */
  private pair(x: Float64Array): [number, Float64Array] {
    const out = this.plain(x);
    if (!Array.isArray(out) || out.length !== 2) throw new ValueError('With jac: true, fun must return [value, gradient]');
    return [scalarResult(out[0], 'The objective function'), vectorResult(out[1], this.n, 'The gradient of the objective')];
  }

  /** f(x). */
  value(x: Float64Array): number {
    this.moveTo(x);
    return this.evalValue();
  }

  /** ∇f(x) (a cached array: do not modify). */
  grad(x: Float64Array): Float64Array {
    this.moveTo(x);
    if (!this.gCounted) {
      if (this.g === null) this.computeGrad();
      this.ngev++;
      this.gCounted = true;
    }
    return this.g!;
  }

  private computeGrad(): void {
    const jac = this.opts.jac;
    if (jac === undefined) {
      const counted = this.fCounted;
      const f = this.f;
      this.autodiffPass();
      if (counted) this.f = f;
    } else if (jac === true) {
      this.g = this.pair(this.x)[1];
    } else if (jac === '2-point' || jac === '3-point') {
      const f0 = this.evalValue();
      const r = approxDerivative((x) => Float64Array.of(scalarResult(this.plain(x), 'The objective function')), this.x, jac, {
        f0: Float64Array.of(f0), relStep: this.opts.relStep, lb: this.opts.lb, ub: this.opts.ub,
      });
      this.nfev += r.nfev;
      this.g = r.J;
    } else if (typeof jac === 'function') {
      this.g = vectorResult(jac(toArray(this.x)), this.n, 'jac');
    } else {
      throw new ValueError(`jac must be a function, true, '2-point' or '3-point', got ${String(jac)}`);
    }
  }

  /** [f(x), ∇f(x)]. */
  valueAndGrad(x: Float64Array): [number, Float64Array] {
    const f = this.value(x);
    return [f, this.grad(x)];
  }

  /** ∇²f(x), row-major (n, n) (symmetric, so also column-major). */
  hess(x: Float64Array): Float64Array {
    this.moveTo(x);
    if (this.H !== null) return this.H;
    const hess = this.opts.hess;
    if (hess === '2-point' || hess === '3-point') {
      // Differences of the gradient (SciPy counts these as gradient evaluations).
      const g0 = Float64Array.from(this.grad(this.x));
      const r = approxDerivative((y) => Float64Array.from(this.gradientAt(y)), this.x, hess, { f0: g0, relStep: this.opts.relStep });
      this.ngev += r.nfev;
      const H = r.J;
      // Symmetrise: the difference quotient is only nearly symmetric.
      for (let i = 0; i < this.n; i++) {
        for (let j = 0; j < i; j++) {
          const s = 0.5 * (H[i * this.n + j] + H[j * this.n + i]);
          H[i * this.n + j] = s;
          H[j * this.n + i] = s;
        }
      }
      this.H = H;
    } else if (typeof hess === 'function') {
      const h = asarray(hess(toArray(this.x)));
      if (h.size !== this.n * this.n) throw new ValueError(`hess returned shape ${shapeRepr(h.shape)}; expected (${this.n}, ${this.n})`);
      this.H = vectorResult(h, this.n * this.n, 'hess');
      this.nhev++;
    } else if (hess === undefined) {
      let h: NDArray;
      try {
        h = hessianOf(this.fun as (x: NDArray) => NDArray)(toArray(this.x)) as NDArray;
      } catch (e) {
        explainTracer(e);
      }
      this.H = vectorResult(h, this.n * this.n, 'The Hessian of the objective');
      this.nhev++;
    } else {
      throw new ValueError(`hess must be a function, '2-point' or '3-point', got ${String(hess)}`);
    }
    return this.H;
  }

  /** ∇f at y without moving the cache (finite-difference Hessians). */
  private gradientAt(y: Float64Array): Float64Array {
    const jac = this.opts.jac;
    if (jac === undefined) return vectorResult(this.vg!(toArray(y))[1], this.n, 'The gradient of the objective');
    if (typeof jac === 'function') return vectorResult(jac(toArray(y)), this.n, 'jac');
    if (jac === true) return this.pair(y)[1];
    const r = approxDerivative((z) => Float64Array.of(scalarResult(this.plain(z), 'The objective function')), y, jac, { relStep: this.opts.relStep });
    this.nfev += r.nfev;
    return r.J;
  }

  /**
   * Whether {@link hessp} has a source: the user's hessp or hess (a function or
   * differences of gradients), or autodiff of fun. False when the gradient is
   * the user's or finite differences and no Hessian was given.
   */
  get hasHessp(): boolean {
    return this.opts.hessp !== undefined || this.opts.hess !== undefined || this.opts.jac === undefined;
  }

  /**
   * ∇²f(x)·p: the user's `hessp`, the user's `hess` times p, or autodiff
   * (forward-over-reverse: one jvp of the gradient). Each call counts in nhev.
   */
  hessp(x: Float64Array, p: Float64Array): Float64Array {
    const hp = this.opts.hessp;
    if (hp !== undefined) {
      this.nhev++;
      return vectorResult(hp(toArray(x), toArray(p)), this.n, 'hessp');
    }
    if (this.opts.hess !== undefined) {
      const H = this.hess(x);
      const out = new Float64Array(this.n);
      for (let i = 0; i < this.n; i++) {
        let s = 0;
        for (let j = 0; j < this.n; j++) s += H[i * this.n + j] * p[j];
        out[i] = s;
      }
      return out;
    }
    this.nhev++;
    let r: [unknown, unknown];
    try {
      r = jvp(gradOf(this.fun as (x: NDArray) => NDArray, { allowUnused: true }), [toArray(x)], [toArray(p)]) as [unknown, unknown];
    } catch (e) {
      explainTracer(e);
    }
    return vectorResult(r[1], this.n, 'The Hessian-vector product of the objective');
  }
}
