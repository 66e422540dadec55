/**
 * The log density as the samplers see it: a function of a flat Float64Array
 * position. The user's `logp` takes the position shaped like `init` (an
 * NDArray, or a tree of them such as `{ mu, tau }`) and is written with numts
 * ops, so reverse-mode autodiff gives the gradient; value and gradient come
 * from one `valueAndGrad` pass per evaluation.
 */
import { NDArray, TypeError_, ValueError, type ArrayLike } from '../core';
import { valueAndGrad } from '../autodiff';
import { flatten, flattenAs, unflatten, type Spec } from '../autodiff/tree';

/** A position shaped like the initial point, with every leaf an NDArray (numbers become 0-d arrays). */
export type PositionOf<T> = T extends ArrayLike ? NDArray : { [K in keyof T]: PositionOf<T[K]> };

/** The user's log density: `(position) => log p(position)` up to a constant, a 0-d array or a number. */
export type LogDensityFn<T> = (x: PositionOf<T>) => NDArray | number;

/** A hand-written log density and gradient over the flat parameter vector (skips autodiff): writes ∇log p into `grad`, returns log p. */
export type FlatLogDensityGrad = (x: Float64Array, grad: Float64Array) => number;

/** The flat view the samplers use. */
export interface FlatTarget {
  /** Number of scalar parameters. */
  readonly dim: number;
  /** Leaf shapes of the position, in flattening order. */
  readonly shapes: readonly (readonly number[])[];
  /** log p(q); NaN becomes −∞ (a rejected proposal). */
  logp(q: Float64Array): number;
  /** log p(q), with ∇log p(q) written into `grad`. */
  logpGrad(q: Float64Array, grad: Float64Array): number;
  /** A position shaped like `init` from a flat vector (fresh arrays). */
  toPosition(q: Float64Array): unknown;
  /** The flat vector of a position shaped like `init`. @throws {ValueError} when its structure differs. */
  toFlat(x: unknown): Float64Array;
}

/** `spec` with every number leaf read as a 0-d array leaf. */
function arraysOnly(s: Spec): Spec {
  if (s.kind === 'number') return { kind: 'array' };
  if (s.kind === 'list') return { kind: 'list', items: s.items.map(arraysOnly) };
  if (s.kind === 'dict') return { kind: 'dict', keys: s.keys, items: s.items.map(arraysOnly) };
  return s;
}

/** The number a log density returned. @throws {ValueError} for a non-scalar result. */
function scalarResult(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof NDArray && v.size === 1 && v.ndim === 0) return Number(v.item());
  if (v instanceof NDArray) throw new ValueError(`logp must return a scalar (0-d array or number), got an array of shape (${v.shape.join(', ')})`);
  throw new TypeError_(`logp must return a number or a 0-d NDArray, got ${typeof v}`);
}

/** Copies `a` (any layout; a number for a 0-d leaf) into `out` at `offset` in C order. */
function copyInto(a: NDArray | number, out: Float64Array, offset: number): void {
  if (typeof a === 'number') {
    out[offset] = a;
    return;
  }
  if (a.dtype === 'complex128') throw new TypeError_('the gradient of logp is complex; parameters must be real');
  if (a.isContiguous && a.offset === 0 && a.data instanceof Float64Array && a.data.length === a.size) {
    out.set(a.data, offset);
    return;
  }
  const vals = a.toArray();
  for (let i = 0; i < vals.length; i++) out[offset + i] = vals[i];
}

/**
 * Builds the flat target of `logp` around the structure of `init`.
 * @throws {TypeError} for an init that is not a number, an array, or a tree of them; {@link ValueError} for complex or empty parameters.
 */
export function flatTarget<T>(logp: LogDensityFn<T>, init: T, fast?: FlatLogDensityGrad): FlatTarget {
  const flat = flatten(init, 'init');
  for (const leaf of flat.leaves) if (leaf.dtype === 'complex128') throw new ValueError('init: parameters must be real, got a complex array');
  const spec = arraysOnly(flat.spec);
  const shapes = flat.leaves.map((l) => l.shape.slice());
  const sizes = flat.leaves.map((l) => l.size);
  const dim = sizes.reduce((a, b) => a + b, 0);
  if (dim === 0) throw new ValueError('init has no parameters (an empty array or tree)');
  const single = spec.kind === 'array';
  const f = logp as (x: unknown) => NDArray | number;

  const toPosition = (q: Float64Array): unknown => {
    let off = 0;
    const leaves = shapes.map((shape, i) => {
      const leaf = new NDArray(q.slice(off, off + sizes[i]), shape, 'float64');
      off += sizes[i];
      return leaf;
    });
    return single ? leaves[0] : unflatten(spec, leaves);
  };
  const toFlat = (x: unknown): Float64Array => {
    const leaves = flattenAs(x, spec, 'position');
    const out = new Float64Array(dim);
    let off = 0;
    leaves.forEach((leaf, i) => {
      if (leaf.size !== sizes[i]) throw new ValueError(`position: a leaf of shape (${leaf.shape.join(', ')}) where init has shape (${shapes[i].join(', ')})`);
      copyInto(leaf, out, off);
      off += sizes[i];
    });
    return out;
  };
  const vg = valueAndGrad(f);
  const logpGrad = fast
    ? (q: Float64Array, grad: Float64Array): number => {
        const v = fast(q, grad);
        return v === v ? v : -Infinity;
      }
    : (q: Float64Array, grad: Float64Array): number => {
        const [v, g] = vg(toPosition(q));
        const value = scalarResult(v);
        if (single) copyInto(g as NDArray | number, grad, 0);
        else {
          let off = 0;
          flattenAs(g, spec, 'gradient').forEach((leaf, i) => {
            copyInto(leaf, grad, off);
            off += sizes[i];
          });
        }
        return value === value ? value : -Infinity;
      };
  const scratch = new Float64Array(dim);
  return {
    dim,
    shapes,
    logp: fast
      ? (q) => logpGrad(q, scratch)
      : (q) => {
          const v = scalarResult(f(toPosition(q)));
          return v === v ? v : -Infinity;
        },
    logpGrad,
    toPosition,
    toFlat,
  };
}
