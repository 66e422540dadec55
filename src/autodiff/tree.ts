/**
 * Small pytrees: the inputs and outputs of transformed functions may be
 * numbers, NDArrays, or JavaScript arrays and plain objects of them (JAX's
 * pytrees), so `grad` of `f({ w, b })` returns `{ w, b }`.
 *
 * A leaf is a number, a `Complex`, an NDArray, a typed array, or a nested list
 * of numbers (an array literal, converted to one float64 NDArray leaf). A
 * JavaScript array that holds anything else (arrays, objects) is a container.
 * `null` and `undefined` are empty subtrees.
 */
import { asarray, castCopy, Complex, isInexactDType, isTypedArray, NDArray, TypeError_, ValueError } from '../core';

/** The structure of a tree with its leaves taken out. */
export type Spec =
  | { readonly kind: 'number' }
  | { readonly kind: 'array' }
  | { readonly kind: 'empty'; readonly value: null | undefined }
  | { readonly kind: 'list'; readonly items: readonly Spec[] }
  | { readonly kind: 'dict'; readonly keys: readonly string[]; readonly items: readonly Spec[] };

/** A flattened tree: its structure and its leaves as arrays, in order. */
export interface Flat {
  readonly spec: Spec;
  readonly leaves: NDArray[];
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A non-empty nested list whose leaves are all numbers, booleans or Complex (an array literal). */
function isNumberList(x: unknown): boolean {
  if (!Array.isArray(x) || x.length === 0) return false;
  return x.every((v) => typeof v === 'number' || typeof v === 'boolean' || v instanceof Complex || isNumberList(v));
}

function describe(x: unknown): string {
  if (typeof x === 'object' && x !== null) return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/**
 * Splits `tree` into its structure and leaves. Number leaves become 0-d
 * float64 arrays; number lists become float64 arrays (JavaScript has no
 * integer literals, so `[1, 2, 3]` means floats here).
 * @throws {TypeError} for a value that is neither a leaf nor a container (`where` names it).
 */
export function flatten(tree: unknown, where: string): Flat {
  const leaves: NDArray[] = [];
  // The position of the value being walked (list indices and object keys), formatted only for an error:
  // grad calls flatten on every call, and building the path text eagerly was a string per leaf.
  const at: (string | number)[] = [];
  const walk = (x: unknown): Spec => {
    if (x instanceof NDArray) {
      leaves.push(x);
      return { kind: 'array' };
    }
    if (typeof x === 'number') {
      leaves.push(asarray(x, 'float64'));
      return { kind: 'number' };
    }
    if (x instanceof Complex) {
      leaves.push(asarray(x));
      return { kind: 'number' };
    }
    if (isTypedArray(x) || isNumberList(x)) {
      const a = asarray(x as Float64Array);
      leaves.push(isInexactDType(a.dtype) ? a : castCopy(a, 'float64'));
      return { kind: 'array' };
    }
    if (x === null || x === undefined) return { kind: 'empty', value: x };
    if (Array.isArray(x)) {
      const items: Spec[] = [];
      for (let i = 0; i < x.length; i++) {
        at.push(i);
        items.push(walk(x[i]));
        at.pop();
      }
      return { kind: 'list', items };
    }
    if (isPlainObject(x)) {
      const keys = Object.keys(x);
      const items: Spec[] = [];
      for (const k of keys) {
        at.push(k);
        items.push(walk(x[k]));
        at.pop();
      }
      return { kind: 'dict', keys, items };
    }
    const path = at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    throw new TypeError_(
      `${where}${path}: expected a number, an NDArray, or an array or plain object of them, got ${describe(x)} (${String(x)})`,
    );
  };
  const spec = walk(tree);
  return { spec, leaves };
}

/**
 * Rebuilds a tree of `spec`'s structure from `leaves`. A leaf that was a number
 * comes back as a number when it is a concrete 0-d value (a traced one stays an
 * array); with `scalars`, every concrete 0-d leaf does (the convention for
 * results, as `np.sum` returns a number).
 */
export function unflatten(spec: Spec, leaves: readonly NDArray[], scalars = false): any {
  let k = 0;
  const build = (s: Spec): unknown => {
    switch (s.kind) {
      case 'number':
        return toScalar(leaves[k++]);
      case 'array':
        return scalars ? toScalar(leaves[k++]) : leaves[k++];
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

/** A concrete 0-d array as a number (or Complex); anything else unchanged. */
export function toScalar(x: NDArray): NDArray | number | Complex {
  if (x.ndim !== 0 || x.isTraced()) return x;
  return x.item();
}

/** Whether two specs describe the same structure. */
export function sameSpec(a: Spec, b: Spec): boolean {
  if (a.kind === 'number' || a.kind === 'array') return b.kind === 'number' || b.kind === 'array';
  if (a.kind !== b.kind) return false;
  if (a.kind === 'empty') return true;
  if (a.kind === 'list') return b.kind === 'list' && a.items.length === b.items.length && a.items.every((s, i) => sameSpec(s, b.items[i]));
  if (b.kind !== 'dict' || a.keys.length !== b.keys.length) return false;
  return a.keys.every((key, i) => b.keys[i] === key && sameSpec(a.items[i], b.items[i]));
}

/** Replaces every NDArray in `tree` (any depth of arrays and plain objects) by `fn(x)`; other values pass through. */
export function mapArrays(tree: unknown, fn: (x: NDArray) => unknown): unknown {
  if (tree instanceof NDArray) return fn(tree);
  if (Array.isArray(tree)) return tree.map((v) => mapArrays(v, fn));
  if (isPlainObject(tree)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(tree)) out[key] = mapArrays(tree[key], fn);
    return out;
  }
  return tree;
}

/**
 * `tree` with every number leaf as a 0-d float64 array, so that a list of
 * results (`[value, tangent]`) stays a container of leaves rather than being
 * read as one array literal.
 */
export function numbersToArrays(tree: unknown): unknown {
  if (typeof tree === 'number' || tree instanceof Complex) return asarray(tree, typeof tree === 'number' ? 'float64' : undefined);
  if (Array.isArray(tree)) return tree.map(numbersToArrays);
  if (isPlainObject(tree)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(tree)) out[key] = numbersToArrays(tree[key]);
    return out;
  }
  return tree;
}

/**
 * Flattens `tree` following a known structure `spec` (a cotangent shaped like
 * an output, a tangent shaped like a primal): where `spec` has a container,
 * `tree` is read as one, so `[1, 2]` matches a list of two scalars as well as
 * one array leaf.
 * @throws {ValueError} when `tree` does not have `spec`'s structure.
 */
export function flattenAs(tree: unknown, spec: Spec, where: string): NDArray[] {
  const leaves: NDArray[] = [];
  const mismatch = (path: string): never => {
    throw new ValueError(`${where}${path}: the structure does not match (expected ${describeSpec(spec)})`);
  };
  const walk = (x: unknown, s: Spec, path: string): void => {
    switch (s.kind) {
      case 'number':
      case 'array': {
        const f = flatten(x, `${where}${path}`);
        if (f.spec.kind !== 'number' && f.spec.kind !== 'array') mismatch(path);
        leaves.push(f.leaves[0]);
        return;
      }
      case 'empty':
        if (x !== null && x !== undefined) mismatch(path);
        return;
      case 'list':
        if (!Array.isArray(x) || x.length !== s.items.length) mismatch(path);
        s.items.forEach((item, i) => walk((x as unknown[])[i], item, `${path}[${i}]`));
        return;
      case 'dict':
        if (!isPlainObject(x)) mismatch(path);
        s.keys.forEach((key, i) => walk((x as Record<string, unknown>)[key], s.items[i], `${path}.${key}`));
        return;
    }
  };
  walk(tree, spec, '');
  return leaves;
}

function describeSpec(s: Spec): string {
  switch (s.kind) {
    case 'number':
    case 'array':
      return 'an array';
    case 'empty':
      return String(s.value);
    case 'list':
      return `[${s.items.map(describeSpec).join(', ')}]`;
    case 'dict':
      return `{ ${s.keys.map((k, i) => `${k}: ${describeSpec(s.items[i])}`).join(', ')} }`;
  }
}
