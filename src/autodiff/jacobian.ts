/**
 * Full Jacobians and Hessians, built from the two modes: `jacrev` pulls back
 * one basis cotangent per output element through one recorded tape (best
 * when outputs are few), `jacfwd` pushes one basis tangent per input element
 * (best when inputs are few), and `hessian` is forward-over-reverse,
 * `jacfwd(jacrev(f))`, as JAX.
 *
 * The Jacobian of an output leaf of shape `S` with respect to an input leaf of
 * shape `T` has shape `[...S, ...T]`; trees nest output-first (each output
 * leaf holds the input structure; a tuple of them for several argnums).
 */
import { allocate, concrete, NDArray, type DType } from '../core';
import { reshape, stack } from '../ops';
import { diffInputs, type Argnums, type DiffInputs, type Primals } from './args';
import { traceReverse } from './grad';
import { traceForward } from './jvp';
import { unflatten, type Spec } from './tree';

/** Options of the Jacobian transforms. */
export interface JacobianOptions<N extends Argnums = Argnums> {
  /** Which positional argument(s) to differentiate (default 0); an array gives a tuple per output leaf. */
  argnums?: N;
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** A one-hot array of `shape` and `dtype` with a 1 at flat position `e`. */
function basis(shape: readonly number[], dtype: DType, e: number): NDArray {
  const data = allocate(dtype, sizeOf(shape));
  data[dtype === 'complex128' ? 2 * e : e] = 1;
  return new NDArray(data, shape, dtype);
}

/**
 * Assembles a Jacobian block of shape `[...S, ...T]` from `parts`, which are
 * its rows (`along = 'out'`: part e has shape T, for output element e) or its
 * columns (`along = 'in'`: part e has shape S, for input element e). Concrete
 * parts are copied straight into a buffer; traced parts (inside an enclosing
 * transform) are stacked with the differentiable `np.stack`.
 */
function assemble(parts: readonly NDArray[], outShape: readonly number[], inShape: readonly number[], along: 'out' | 'in'): NDArray {
  const shape = [...outShape, ...inShape];
  const dtype: DType = parts.some((p) => p.dtype === 'complex128') ? 'complex128' : parts.some((p) => p.dtype === 'float64') ? 'float64' : (parts[0]?.dtype ?? 'float64');
  if (parts.length === 0 || parts.every((p) => !p.isTraced())) {
    const m = sizeOf(outShape);
    const n = sizeOf(inShape);
    const data = allocate(dtype, m * n);
    const w = dtype === 'complex128' ? 2 : 1;
    parts.forEach((part, e) => {
      const src = contiguousData(part, dtype);
      if (along === 'out') data.set(src, e * n * w);
      else for (let o = 0; o < m; o++) for (let c = 0; c < w; c++) data[(o * n + e) * w + c] = src[o * w + c];
    });
    return new NDArray(data, shape, dtype);
  }
  // Traced parts: stack them (a differentiable primitive) along the first or the last axis.
  return reshape(stack(parts as NDArray[], { axis: along === 'out' ? 0 : -1 }), shape);
}

/** The elements of `x` in C order as `dtype` storage. */
function contiguousData(x: NDArray, dtype: DType): ArrayLike<number> {
  const c = concrete(x);
  if (c.dtype === dtype && c.isContiguous) {
    const w = dtype === 'complex128' ? 2 : 1;
    return c.data.subarray(c.offset * w, (c.offset + c.size) * w);
  }
  return reshape(c.astype(dtype), [c.size]).data;
}

/** Rebuilds the result tree: output structure outside, input structure (per argnum) inside. */
function nestBlocks(outSpec: Spec, inputs: DiffInputs, blocks: NDArray[][], single: boolean): any {
  const perOut = blocks.map((row) => {
    let k = 0;
    const trees = inputs.flats.map((f) => {
      const n = f.leaves.length;
      const t = unflatten(f.spec, row.slice(k, k + n), true);
      k += n;
      return t;
    });
    return single ? trees[0] : trees;
  });
  return unflattenAny(outSpec, perOut);
}

/** {@link unflatten} with arbitrary values as leaves. */
function unflattenAny(spec: Spec, leaves: readonly unknown[]): any {
  let k = 0;
  const build = (s: Spec): unknown => {
    switch (s.kind) {
      case 'number':
      case 'array':
        return leaves[k++];
      case 'empty':
        return s.value;
      case 'list':
        return s.items.map(build);
      case 'dict': {
        const out: Record<string, unknown> = {};
        s.keys.forEach((key, i) => (out[key] = build(s.items[i])));
        return out;
      }
    }
  };
  return build(spec);
}

/**
 * The Jacobian by reverse mode: one pullback of a basis cotangent per output
 * element, through a tape recorded once.
 * @returns for `f: (x: T-shaped) => S-shaped`, an array of shape `[...S, ...T]`
 *   (a number when both are scalars); trees nest output-first.
 * @throws {DTypeError} for bool inputs.
 * @example
 * const f = (v: NDArray) => np.stack([np.add(np.square(v.get(0)), v.get(1)), np.add(np.multiply(v.get(0), v.get(1)), np.square(v.get(1)))]);
 * jacrev(f)(np.array([1, 2]));   // [[2. 1.] [2. 5.]]  (the book's listing 7.1)
 */
export function jacrev<A extends unknown[], const N extends Argnums = 0>(
  f: (...args: A) => unknown,
  opts: JacobianOptions<N> = {},
): (...args: Primals<A>) => any {
  const argnums = opts.argnums ?? 0;
  return (...args: unknown[]) => {
    const run = traceReverse(f as (...a: unknown[]) => unknown, args, argnums, 'jacrev');
    const outs = run.out.leaves;
    const blocks = outs.map((y, k) => {
      const m = y.size;
      const rows: NDArray[][] = run.inputs.leaves.map(() => []);
      for (let e = 0; e < m; e++) {
        const cts = outs.map((o, i) => (i === k && run.tracked[k] ? basis(o.shape, concrete(o).dtype, e) : null));
        const g = run.pullback(cts);
        g.forEach((c, j) => rows[j].push(c));
      }
      return run.inputs.leaves.map((x, j) => assemble(rows[j], y.shape, x.shape, 'out'));
    });
    return nestBlocks(run.out.spec, run.inputs, blocks, typeof argnums === 'number');
  };
}

/**
 * The Jacobian by forward mode: one run of `f` per input element, each
 * pushing a basis tangent. Same result layout as {@link jacrev}; cheaper
 * than it when there are fewer inputs than outputs.
 * @throws {DTypeError} for bool inputs.
 * @example
 * const f = (v: NDArray) => np.stack([np.add(np.square(v.get(0)), v.get(1)), np.add(np.multiply(v.get(0), v.get(1)), np.square(v.get(1)))]);
 * jacfwd(f)(np.array([1, 2]));   // [[2. 1.] [2. 5.]]
 */
export function jacfwd<A extends unknown[], const N extends Argnums = 0>(
  f: (...args: A) => unknown,
  opts: JacobianOptions<N> = {},
): (...args: Primals<A>) => any {
  const argnums = opts.argnums ?? 0;
  return (...args: unknown[]) => {
    const inputs = diffInputs(args, argnums, 'jacfwd');
    const leaves = inputs.leaves;
    let outSpec: Spec | null = null;
    let outShapes: (readonly number[])[] = [];
    const cols: NDArray[][][] = []; // [in leaf j][element e][out leaf k]
    leaves.forEach((x, j) => {
      cols.push([]);
      for (let e = 0; e < x.size; e++) {
        const tangents = leaves.map((l, i) => (i === j ? basis(l.shape, concrete(l).dtype, e) : null));
        const run = traceForward(f as (...a: unknown[]) => unknown, args, inputs, tangents, 'jacfwd');
        outSpec = run.out.spec;
        outShapes = run.out.leaves.map((y) => y.shape);
        cols[j].push(run.tangents);
      }
    });
    if (outSpec === null) {
      // Every input is empty: evaluate once for the output structure.
      const run = traceForward(f as (...a: unknown[]) => unknown, args, inputs, leaves.map(() => null), 'jacfwd');
      outSpec = run.out.spec;
      outShapes = run.out.leaves.map((y) => y.shape);
    }
    const blocks = outShapes.map((s, k) => leaves.map((x, j) => assemble(cols[j].map((c) => c[k]), s, x.shape, 'in')));
    return nestBlocks(outSpec, inputs, blocks, typeof argnums === 'number');
  };
}

/**
 * The Jacobian of `f` (reverse mode; see {@link jacrev} and {@link jacfwd}).
 * @example
 * jacobian((x: NDArray) => np.multiply(x, x))(np.array([1, 2]));   // [[2. 0.] [0. 4.]]
 */
export const jacobian = jacrev;

/**
 * The Hessian of a scalar function, forward-over-reverse (`jacfwd(jacrev(f))`,
 * as JAX): for an argument of shape `T`, an array of shape `[...T, ...T]`
 * (a number for a number argument). For a non-scalar `f` the result has the
 * output's shape in front, `[...S, ...T, ...T]`.
 * @example
 * const f = (v: NDArray) => {
 *   const [x, y] = [v.get(0), v.get(1)];
 *   return np.subtract(np.add(np.square(x), np.multiply(4, np.square(y))), np.multiply(2, np.multiply(x, y)));
 * };
 * hessian(f)(np.array([0, 0]));   // [[ 2. -2.] [-2.  8.]]  (exercise 7.1; eigenvalues 5 ± √13)
 */
export function hessian<A extends unknown[], const N extends Argnums = 0>(
  f: (...args: A) => unknown,
  opts: JacobianOptions<N> = {},
): (...args: Primals<A>) => any {
  return jacfwd(jacrev(f, opts) as (...args: A) => unknown, opts);
}
