/**
 * Parameter trees for the optimizers: a parameter set is an NDArray, a
 * number, or JavaScript arrays / plain objects of them (JAX's pytrees, the
 * shape `grad` returns for `{ w, b }`). Leaves are visited in a fixed order
 * so that state can be kept per leaf.
 */
import { asarray, isTypedArray, NDArray, TypeError_, ValueError } from '../../core';

/** One leaf: an NDArray (updated in place by `update`) or a number (always replaced). */
export type Leaf = NDArray | number;

/** A flattened tree: its leaves in order and a function that rebuilds the structure from new leaves. */
export interface FlatTree {
  leaves: Leaf[];
  /** Paths of the leaves (`.w`, `[0].b`), for messages. */
  paths: string[];
  /** For a number leaf inside a container: writes a new value into the container (null for the root). */
  setters: (((v: number) => void) | null)[];
  rebuild(leaves: readonly Leaf[]): unknown;
  /** A fingerprint of the structure and leaf shapes (state is only valid for the same one). */
  signature: string;
  /** The container structure alone (leaves as '*'), to match params with grads. */
  structure: string;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Flattens a parameter tree. A nested list of numbers counts as one array leaf.
 * @throws {TypeError} for a value that is neither a leaf nor a container.
 */
export function flattenTree(tree: unknown, what: string): FlatTree {
  const leaves: Leaf[] = [];
  const paths: string[] = [];
  const setters: (((v: number) => void) | null)[] = [];
  const sig: string[] = [];
  const struct: string[] = [];
  const walk = (x: unknown, path: string, parent: Record<string | number, unknown> | null, key: string | number): ((l: readonly Leaf[]) => unknown) => {
    if (x instanceof NDArray || typeof x === 'number' || isTypedArray(x) || isNumberList(x)) {
      const leaf: Leaf = x instanceof NDArray || typeof x === 'number' ? x : asarray(x as number[]);
      const k = leaves.length;
      leaves.push(leaf);
      paths.push(path || '(root)');
      setters.push(typeof x === 'number' && parent !== null ? (v: number) => (parent[key] = v) : null);
      sig.push(typeof leaf === 'number' ? 'n' : `[${leaf.shape.join(',')}]`);
      struct.push('*');
      return (l) => l[k];
    }
    if (Array.isArray(x)) {
      const parts = x.map((v, i) => walk(v, `${path}[${i}]`, x as unknown as Record<number, unknown>, i));
      sig.push(`L${x.length}`);
      struct.push(`L${x.length}`);
      return (l) => parts.map((p) => p(l));
    }
    if (isPlainObject(x)) {
      const keys = Object.keys(x);
      const parts = keys.map((key) => walk(x[key], `${path}.${key}`, x, key));
      sig.push(`D${keys.join('|')}`);
      struct.push(`D${keys.join('|')}`);
      return (l) => Object.fromEntries(keys.map((key, i) => [key, parts[i](l)]));
    }
    throw new TypeError_(`${what}${path}: expected an NDArray, a number, or an array or plain object of them, got ${x === null ? 'null' : typeof x}`);
  };
  const rebuild = walk(tree, '', null, '');
  return { leaves, paths, setters, rebuild, signature: sig.join(';'), structure: struct.join(';') };
}

function isNumberList(x: unknown): boolean {
  return Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'number' || isNumberList(v));
}

/** A leaf's values as a contiguous float64 copy or view (views are read-only to the caller). */
export function leafData(x: Leaf): Float64Array {
  if (typeof x === 'number') return Float64Array.of(x);
  if (x.dtype === 'complex128') throw new TypeError_('optimizers work on real parameters; got a complex128 array');
  if (x.isTraced()) throw new ValueError('optimizer steps take concrete arrays, not values traced inside grad');
  if (x.dtype === 'float64' && x.isContiguous) return (x.data as Float64Array).subarray(x.offset, x.offset + x.size);
  return Float64Array.from(x.astype('float64').reshape(-1).tolist() as number[]);
}

/** Checks that params and grads have the same structure and shapes. */
export function matchTrees(params: FlatTree, grads: FlatTree): void {
  if (params.structure !== grads.structure) {
    throw new ValueError('grads must have the same structure as params (the same keys and list lengths)');
  }
  if (params.leaves.length !== grads.leaves.length) {
    throw new ValueError(`grads has ${grads.leaves.length} leaves but params has ${params.leaves.length}; they must have the same structure`);
  }
  params.leaves.forEach((p, i) => {
    const g = grads.leaves[i];
    const ps = typeof p === 'number' ? 1 : p.size;
    const gs = typeof g === 'number' ? 1 : g.size;
    if (ps !== gs) throw new ValueError(`grads${grads.paths[i]} has ${gs} elements but params${params.paths[i]} has ${ps}`);
  });
}
