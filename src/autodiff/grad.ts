/**
 * Reverse-mode transforms: `grad`, `valueAndGrad` and `vjp`. Each runs `f`
 * once under a fresh {@link ReverseTrace} (so `f` is ordinary numts code),
 * then pulls cotangents back through the tape. The tape belongs to the call
 * (or to the `vjp` pullback), so nothing needs disposing.
 */
import { DTypeError, isInexactDType, NDArray, ones, shapeRepr, traceDepth, TracerError, ValueError, withTrace } from '../core';
import {
  checkEscape, diffInputs, finishCotangent, perArgument, substitute,
  type Argnums, type Cotangent, type CotangentsAt, type DiffInputs, type Primals,
} from './args';
import { ReverseTrace } from './reverse';
import { flatten, flattenAs, mapArrays, toScalar, unflatten, type Flat } from './tree';

/** `f` traced once in reverse mode: its outputs (lowered) and a pullback. */
export interface ReverseRun {
  readonly inputs: DiffInputs;
  /** The outputs of `f`, flattened; leaves are concrete (or tracers of enclosing transforms). */
  readonly out: Flat;
  /** Whether each output leaf depends on the inputs. */
  readonly tracked: boolean[];
  readonly aux: unknown;
  /** Cotangents of the input leaves given cotangents of the output leaves (null = zero). */
  pullback(cts: readonly (NDArray | null)[]): NDArray[];
}

/** Runs `f(...args)` recording a tape for the arguments `argnums`. */
export function traceReverse(f: (...args: any[]) => unknown, args: readonly unknown[], argnums: Argnums, fname: string, hasAux = false): ReverseRun {
  const inputs = diffInputs(args, argnums, fname);
  const trace = new ReverseTrace(traceDepth());
  const ins = inputs.leaves.map((x) => trace.input(x));
  // Read now: f may rebind an input tracer to a new node (x.set inside f).
  const inNodes = ins.map((t) => t.node);
  let result = withTrace(trace, () => f(...substitute(args, inputs, ins)));
  let aux: unknown;
  if (hasAux) {
    if (!Array.isArray(result) || result.length !== 2) throw new ValueError(`${fname} with hasAux: f must return [output, aux]`);
    [result, aux] = result;
    aux = mapArrays(aux, (x) => {
      checkEscape(x, trace, fname);
      return trace.lower(x);
    });
  }
  const flat = flatten(result, `${fname}: the output of f`);
  const nodes = flat.leaves.map((x) => {
    checkEscape(x, trace, fname);
    return trace.nodeOf(x);
  });
  const out: Flat = { spec: flat.spec, leaves: flat.leaves.map((x) => trace.lower(x)) };
  return {
    inputs,
    out,
    tracked: nodes.map((n) => n >= 0),
    aux,
    pullback(cts) {
      const seeds: [number, NDArray][] = [];
      cts.forEach((c, k) => {
        if (c !== null && nodes[k] >= 0) seeds.push([nodes[k], c]);
      });
      const ct = seeds.length > 0 ? trace.backward(seeds) : [];
      return inputs.leaves.map((x, j) => finishCotangent(ct[inNodes[j]], x));
    },
  };
}

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions<N extends Argnums = Argnums> {
  /** Which positional argument(s) to differentiate; an array gives a tuple of gradients. Default 0. */
  argnums?: N;
  /** `f` returns `[output, aux]`; aux is passed through (with tracers replaced by their values). */
  hasAux?: boolean;
  /**
   * Return zeros instead of raising when the output does not depend on the
   * inputs (e.g. the inner gradient of a linear function under `grad(grad(f))`).
   */
  allowUnused?: boolean;
}

/** The scalar output of a `grad`ed function, checked. */
function scalarOutput(run: ReverseRun, fname: string, allowUnused: boolean): NDArray {
  const leaves = run.out.leaves;
  if (leaves.length !== 1 || (run.out.spec.kind !== 'number' && run.out.spec.kind !== 'array')) {
    throw new ValueError(`${fname} requires f to return one scalar, but it returned a tree of ${leaves.length} values; use vjp or jacobian`);
  }
  const y = leaves[0];
  if (y.ndim !== 0) {
    throw new ValueError(
      `${fname} requires a scalar (0-d) output, but f returned an array of shape ${shapeRepr(y.shape)}; ` +
        'reduce it (e.g. np.sum) or use jacobian / vjp for non-scalar outputs',
    );
  }
  if (y.dtype === 'complex128') throw new DTypeError(`${fname} requires a real-valued output, but f returned complex128; take np.real or np.abs first`);
  if (!isInexactDType(y.dtype)) {
    throw new DTypeError(
      `${fname} requires a float output, but f returned dtype ${y.dtype}: integer ops, comparisons and argmax have no derivative`,
    );
  }
  if (!run.tracked[0] && !allowUnused) {
    throw new TracerError(
      `${fname}: the output of f does not depend on the differentiated argument(s) in a differentiable way ` +
        '(it was computed from comparisons, integer ops, argmax, stopGradient or values read out as numbers); ' +
        'pass { allowUnused: true } if a zero gradient is intended',
    );
  }
  return y;
}

function gradientsOf(run: ReverseRun, y: NDArray, argnums: Argnums): any {
  const cts = run.pullback([ones([], y.dtype)]);
  const trees = perArgument(run.inputs, cts);
  return typeof argnums === 'number' ? trees[0] : trees;
}

/**
 * The gradient of a scalar function (reverse mode). `grad(f)` is a function
 * with `f`'s parameters that returns ∂f/∂(argument `argnums`), shaped like
 * that argument: a number for a number, an array for an array, `{ w, b }` for
 * `{ w, b }`; several argnums give a tuple. `f` is ordinary numts code. Nest
 * for higher derivatives: `grad(grad(f))`.
 * @param f `(...args) => scalar`, written with numts functions and methods.
 * @throws {ValueError} when f's output is not a scalar (use {@link jacobian}).
 * @throws {DTypeError} for integer/bool inputs, or an integer or complex output.
 * @throws {TracerError} when the output does not depend on the input differentiably.
 * @example
 * const f = (x: NDArray) => np.sum(np.square(x));
 * grad(f)(np.array([1, 2, 3]));                       // [2. 4. 6.]
 * grad((x: NDArray) => np.sin(np.square(x)))(2);      // -2.6145744834544478
 * const f2 = (x: NDArray, y: NDArray) => np.add(np.multiply(np.square(x), y), np.multiply(3, np.multiply(x, np.square(y))));
 * grad(f2, { argnums: [0, 1] })(2, 3);                 // [39, 40]
 * grad((p: { w: NDArray; b: NDArray }) => np.sum(np.square(np.add(p.w, p.b))))({ w: np.array([1, 2]), b: 1 });
 * // { w: [4. 6.], b: 10 }
 */
export function grad<A extends unknown[], Aux, const N extends Argnums = 0>(
  f: (...args: A) => readonly [unknown, Aux],
  opts: GradOptions<N> & { hasAux: true },
): <B extends Primals<A>>(...args: B) => [CotangentsAt<B, N>, Aux];
export function grad<A extends unknown[], const N extends Argnums = 0>(
  f: (...args: A) => unknown,
  opts?: GradOptions<N>,
): <B extends Primals<A>>(...args: B) => CotangentsAt<B, N>;
export function grad(f: (...args: any[]) => unknown, opts: GradOptions = {}): (...args: any[]) => any {
  const argnums = opts.argnums ?? 0;
  return (...args: unknown[]) => {
    const run = traceReverse(f, args, argnums, 'grad', opts.hasAux);
    const y = scalarOutput(run, 'grad', opts.allowUnused ?? false);
    const g = gradientsOf(run, y, argnums);
    return opts.hasAux ? [g, run.aux] : g;
  };
}

/**
 * `f`'s value and gradient in one pass: `[value, grad]` (with `hasAux`,
 * `[[value, aux], grad]`, as JAX). The value is a number (an array inside
 * an enclosing transform).
 * @throws as {@link grad}.
 * @example
 * const [loss, g] = valueAndGrad((w: NDArray) => np.sum(np.square(w)))(np.array([1, 2]));
 * // loss = 5, g = [2. 4.]
 */
export function valueAndGrad<A extends unknown[], Aux, const N extends Argnums = 0>(
  f: (...args: A) => readonly [unknown, Aux],
  opts: GradOptions<N> & { hasAux: true },
): <B extends Primals<A>>(...args: B) => [[number, Aux], CotangentsAt<B, N>];
export function valueAndGrad<A extends unknown[], const N extends Argnums = 0>(
  f: (...args: A) => unknown,
  opts?: GradOptions<N>,
): <B extends Primals<A>>(...args: B) => [number, CotangentsAt<B, N>];
export function valueAndGrad(f: (...args: any[]) => unknown, opts: GradOptions = {}): (...args: any[]) => any {
  const argnums = opts.argnums ?? 0;
  return (...args: unknown[]) => {
    const run = traceReverse(f, args, argnums, 'valueAndGrad', opts.hasAux);
    const y = scalarOutput(run, 'valueAndGrad', opts.allowUnused ?? false);
    const g = gradientsOf(run, y, argnums);
    const value = toScalar(y);
    return [opts.hasAux ? [value, run.aux] : value, g];
  };
}

/**
 * The vector-Jacobian product (reverse mode), as JAX's `vjp`: runs
 * `f(...primals)` once and returns `[out, pullback]`; `pullback(ct)` maps a
 * cotangent shaped like `out` to a tuple of cotangents, one per primal,
 * shaped like the primals. It may be called many times (each call walks the
 * recorded tape; the tape lives as long as `pullback`).
 * @throws {DTypeError} for integer/bool primals.
 * @throws {ValueError} when `ct` does not match `out`'s structure or shapes.
 * @example
 * const [y, pullback] = vjp((x: NDArray) => np.multiply(x, x), np.array([1, 2]));
 * pullback(np.array([1, 1]));   // [[2. 4.]]
 */
export function vjp<B extends unknown[], R>(
  f: (...args: any[]) => R,
  ...primals: B
): [out: R, pullback: (ct: unknown) => { -readonly [K in keyof B]: Cotangent<B[K]> }] {
  const argnums = primals.map((_, i) => i);
  if (argnums.length === 0) throw new ValueError('vjp needs at least one primal argument');
  const run = traceReverse(f as (...a: unknown[]) => unknown, primals, argnums, 'vjp');
  const out = unflatten(run.out.spec, run.out.leaves, true);
  const pullback = (ct: unknown): any => {
    const c = flattenAs(ct, run.out.spec, 'vjp pullback: cotangent');
    c.forEach((x, k) => {
      const y = run.out.leaves[k];
      if (x.shape.length !== y.shape.length || x.shape.some((d, i) => d !== y.shape[i])) {
        throw new ValueError(`vjp pullback: cotangent of shape ${shapeRepr(x.shape)} for an output of shape ${shapeRepr(y.shape)}`);
      }
    });
    return perArgument(run.inputs, run.pullback(c));
  };
  return [out, pullback];
}
