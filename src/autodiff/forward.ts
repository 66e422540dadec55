/**
 * Forward mode: a {@link JvpTrace} carries a tangent beside each primal value
 * (dual numbers, generalised to arrays). A primitive's output tangent comes
 * from its `jvp` rule when it declares one; otherwise it is derived from the
 * VJP rule by the linear-transpose trick: `g ↦ vjp(g)` is the linear map `Jᵀ`,
 * so pulling the tangents back through a recorded run of it gives `J t`
 * (Autodidax §"linearize and transpose", used in reverse). Every primitive thus
 * has forward mode without a second rule, at the cost of about two VJP
 * evaluations.
 */
import { bind, concrete, isInexactDType, NDArray, traceDepth, withTrace, zeros, type Primitive, type Trace } from '../core';
import { DiffTracer } from './inplace';
import { ReverseTrace } from './reverse';

/** A value with a tangent, tracked by a {@link JvpTrace}. */
export class JvpTracer extends DiffTracer {
  constructor(
    owner: JvpTrace,
    primal: NDArray,
    /** The tangent (same shape as the primal); never a symbolic zero here. */
    readonly tangent: NDArray,
  ) {
    super(owner, primal);
  }
}

/** The trace of forward-mode differentiation. */
export class JvpTrace implements Trace {
  constructor(readonly level: number) {}

  /** A tracked input with value `x` and tangent `t`. */
  input(x: NDArray, t: NDArray): JvpTracer {
    return new JvpTracer(this, x, t);
  }

  /** The primal and tangent (null = zero) of `x` at this level. */
  split(x: NDArray): [NDArray, NDArray | null] {
    return x instanceof JvpTracer && x.owner === this ? [x.primal, x.tangent] : [x, null];
  }

  process<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray {
    const primals = new Array<NDArray>(args.length);
    const tangents = new Array<NDArray | null>(args.length);
    let any = false;
    for (let i = 0; i < args.length; i++) {
      const [x, t] = this.split(args[i]);
      primals[i] = x;
      tangents[i] = t;
      if (t !== null) any = true;
    }
    const out = bind(p, primals, params);
    if (!any || !isInexactDType(out.dtype)) return out;
    const t = p.jvp ? p.jvp(tangents, out, primals, params) : transposedVjp(p, tangents, out, primals, params);
    // A zero tangent needs no tracer: a value this trace does not track has tangent zero.
    return t === null ? out : new JvpTracer(this, out, t);
  }
}

/**
 * `J t` from the VJP rule alone. `u ↦ vjp(u, out, args)` is linear in `u`
 * (it is `Jᵀ u`); record it on a fresh tape with `u` as the input, then pull
 * the tangents back through the tape: the cotangent of `u` is `Σᵢ Jᵢ tᵢ`.
 * `u`'s value does not matter (the map is linear), so it is zero.
 */
export function transposedVjp<P>(
  p: Primitive<P>,
  tangents: readonly (NDArray | null)[],
  out: NDArray,
  args: NDArray[],
  params: P,
): NDArray | null {
  const trace = new ReverseTrace(traceDepth());
  const u0 = zeros(out.shape, concrete(out).dtype);
  const wanted = tangents.map((t) => t !== null);
  const u = trace.input(u0);
  const uNode = u.node;
  const cts = withTrace(trace, () => p.vjp(u, out, args, params, wanted));
  const seeds: [number, NDArray][] = [];
  for (let i = 0; i < tangents.length; i++) {
    const t = tangents[i];
    const c = cts[i];
    if (t === null || c === null || c === undefined) continue;
    const node = trace.nodeOf(c);
    if (node >= 0) seeds.push([node, t]);
  }
  if (seeds.length === 0) return null;
  return trace.backward(seeds)[uNode] ?? null;
}
