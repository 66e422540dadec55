/**
 * Forward-mode transform: `jvp`, the Jacobian-vector product, computed in one
 * run of `f` with a tangent carried beside every value ({@link JvpTrace}).
 */
import { isInexactDType, NDArray, shapeRepr, traceDepth, ValueError, withTrace, zeros } from '../core';
import { checkEscape, diffInputs, substitute, type Argnums, type DiffInputs } from './args';
import { JvpTrace } from './forward';
import { flatten, flattenAs, unflatten, type Flat } from './tree';

/** `f` run once in forward mode: its outputs and their tangents (leaves). */
export interface ForwardRun {
  readonly out: Flat;
  /** Tangent of each output leaf (zeros where it does not depend on the inputs). */
  readonly tangents: NDArray[];
}

/**
 * Runs `f(...args)` with tangents on the leaves of the arguments `inputs`
 * (`null` = zero tangent: that leaf is passed untraced).
 */
export function traceForward(
  f: (...args: any[]) => unknown,
  args: readonly unknown[],
  inputs: DiffInputs,
  tangents: readonly (NDArray | null)[],
  fname: string,
): ForwardRun {
  const trace = new JvpTrace(traceDepth());
  const ins = inputs.leaves.map((x, j) => {
    const t = tangents[j];
    return t === null ? x : trace.input(x, t);
  });
  const result = withTrace(trace, () => f(...substitute(args, inputs, ins)));
  const flat = flatten(result, `${fname}: the output of f`);
  const out: NDArray[] = [];
  const outT: NDArray[] = [];
  for (const y of flat.leaves) {
    checkEscape(y, trace, fname);
    const [p, t] = trace.split(y);
    out.push(p);
    outT.push(t ?? zeros(p.shape, isInexactDType(p.dtype) ? p.dtype : 'float64'));
  }
  return { out: { spec: flat.spec, leaves: out }, tangents: outT };
}

/**
 * The Jacobian-vector product (forward mode), as JAX's `jvp`: evaluates
 * `f(...primals)` and its directional derivative along `tangents` in one
 * pass, returning `[out, tangentOut]` (both shaped like `f`'s output).
 * `primals` and `tangents` are lists with one entry per argument of `f`, of
 * matching structures and shapes.
 * @throws {ValueError} when the tangents do not match the primals.
 * @throws {DTypeError} for bool primals.
 * @example
 * jvp((x: NDArray) => np.sin(x), [0.5], [1]);   // [0.479425538604203, 0.8775825618903728]
 */
export function jvp(f: (...args: any[]) => unknown, primals: readonly unknown[], tangents: readonly unknown[]): [out: any, tangentOut: any] {
  if (!Array.isArray(primals) || !Array.isArray(tangents)) throw new ValueError('jvp: primals and tangents must be arrays (one entry per argument of f)');
  if (primals.length !== tangents.length) {
    throw new ValueError(`jvp: got ${primals.length} primals and ${tangents.length} tangents; they must match`);
  }
  const argnums: Argnums = primals.map((_, i) => i);
  if (primals.length === 0) throw new ValueError('jvp needs at least one primal argument');
  const inputs = diffInputs(primals, argnums, 'jvp');
  const tl: NDArray[] = [];
  tangents.forEach((tangent, i) => {
    const p = inputs.flats[i];
    const t = flattenAs(tangent, p.spec, `jvp: tangent ${i}`);
    t.forEach((x, j) => {
      const y = p.leaves[j];
      if (x.shape.length !== y.shape.length || x.shape.some((d, k) => d !== y.shape[k])) {
        throw new ValueError(`jvp: tangent of shape ${shapeRepr(x.shape)} for a primal of shape ${shapeRepr(y.shape)} (argument ${i})`);
      }
      tl.push(x);
    });
  });
  const run = traceForward(f, primals, inputs, tl, 'jvp');
  return [unflatten(run.out.spec, run.out.leaves, true), unflatten(run.out.spec, run.tangents, true)];
}
