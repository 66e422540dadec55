/**
 * The gradient-check harness for primitives: a case names a function of
 * arrays that applies the primitive, the argument shapes (broadcasting
 * variants), and the input domain; `runCase` draws random inputs (fast-check
 * picks the seed, the shape variant and each argument's memory layout:
 * contiguous, strided, negative strides, transposed) and runs `checkGrads`
 * to second order in both modes. `primitivesUsed` records which primitives a
 * function applies to traced arguments, so a case provably exercises its
 * primitive.
 */
import fc from 'fast-check';
import { bind, NDArray, Tracer, traceDepth, withTrace, zeros, type Primitive, type Trace } from '../../src/core';
import '../../src/ops';
import '../../src/tensor';
import { checkGrads } from '../../src/autodiff';

/** One row of the gradient-check table. */
export interface GradCase {
  /** Applies the primitive (through the public API) to its array arguments. */
  readonly f: (...args: NDArray[]) => unknown;
  /** Argument shapes; several variants (e.g. broadcasting ones). */
  readonly shapes: readonly (readonly (readonly number[])[])[];
  /** Uniform range of the random inputs (per argument or for all). Default [-2, 2]. */
  readonly range?: readonly [number, number] | readonly (readonly [number, number])[];
  /** Builds the arguments instead (e.g. well-conditioned or SPD matrices); `u()` is uniform in [0, 1). */
  readonly make?: (u: () => number, shapes: readonly (readonly number[])[]) => NDArray[];
  /** Rejects a drawn point (e.g. too close to a kink). */
  readonly avoid?: (...args: NDArray[]) => boolean;
  /** Complex arguments (real and imaginary parts drawn from the range). */
  readonly complex?: boolean;
  /** Highest order to check. Default 2. */
  readonly order?: number;
  readonly modes?: readonly ('fwd' | 'rev')[];
  readonly atol?: number;
  readonly rtol?: number;
  readonly eps?: number;
  /** Random fast-check runs after the four fixed ones (one per layout). Default 2. */
  readonly runs?: number;
  /** Arguments that are held fixed (not differentiated), by index: e.g. integer indices. */
  readonly constants?: readonly number[];
}

/** mulberry32: a tiny seeded uniform generator for test inputs. */
export function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random float64 (or complex) array of `shape` with entries in [lo, hi). */
export function randomArray(u: () => number, shape: readonly number[], [lo, hi]: readonly [number, number], complex = false): NDArray {
  const n = shape.reduce((p, d) => p * d, 1) * (complex ? 2 : 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = lo + (hi - lo) * u();
  return new NDArray(data, shape, complex ? 'complex128' : 'float64');
}

export type Layout = 'contiguous' | 'strided' | 'reversed' | 'transposed';
export const LAYOUTS: readonly Layout[] = ['contiguous', 'strided', 'reversed', 'transposed'];

/** The same values as `x` in another memory layout (a view with other strides). */
export function relayout(x: NDArray, layout: Layout): NDArray {
  if (x.ndim === 0 || x.size === 0 || layout === 'contiguous') return x;
  const all = (s: string) => x.shape.map(() => s).join(', ');
  if (layout === 'strided') {
    const big = zeros([...x.shape.slice(0, -1), 2 * x.shape[x.ndim - 1]], x.dtype);
    big.set(`..., ::2`, x);
    return big.get('..., ::2');
  }
  if (layout === 'reversed') {
    const flipped = x.get(all('::-1')).copy();
    return flipped.get(all('::-1'));
  }
  return x.T.copy().T;
}

class SpyTracer extends Tracer {}

/** Records the primitives applied to its tracers. */
class SpyTrace implements Trace {
  readonly used = new Set<Primitive<any>>();
  constructor(readonly level: number) {}
  process<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray {
    this.used.add(p as Primitive<any>);
    const lowered = args.map((a) => (a instanceof SpyTracer && a.owner === this ? a.primal : a));
    return new SpyTracer(this, bind(p, lowered, params));
  }
}

/** The primitives `f` applies to (values derived from) its arguments. */
export function primitivesUsed(f: (...args: NDArray[]) => unknown, args: readonly NDArray[]): Set<Primitive<any>> {
  const trace = new SpyTrace(traceDepth());
  withTrace(trace, () => f(...args.map((a) => new SpyTracer(trace, a))));
  return trace.used;
}

/** A stable seed from a case name, so failures reproduce. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Draws the arguments of a case for a seed and shape variant (contiguous). */
export function drawArgs(c: GradCase, seed: number, variant: number): NDArray[] {
  const shapes = c.shapes[variant];
  const u = uniform(seed);
  for (let attempt = 0; attempt < 50; attempt++) {
    const args = c.make
      ? c.make(u, shapes)
      : shapes.map((s, i) => {
          const r = c.range === undefined ? ([-2, 2] as const) : Array.isArray(c.range[0]) ? (c.range as readonly (readonly [number, number])[])[i] : (c.range as readonly [number, number]);
          return randomArray(u, s, r, c.complex);
        });
    if (!c.avoid || !c.avoid(...args)) return args;
  }
  throw new Error('could not draw arguments away from the excluded region');
}

/** Runs `checkGrads` on random inputs of a case, to its order, in all layouts fast-check picks. */
export function runCase(name: string, c: GradCase): void {
  const nargs = c.shapes[0].length;
  fc.assert(
    fc.property(
      fc.nat(),
      fc.nat({ max: c.shapes.length - 1 }),
      fc.array(fc.constantFrom(...LAYOUTS), { minLength: nargs, maxLength: nargs }),
      (seed, variant, layouts) => {
        const args = drawArgs(c, seed, variant).map((a, i) => relayout(a, layouts[i]));
        const constants = new Set(c.constants ?? []);
        const free = args.map((_, i) => i).filter((i) => !constants.has(i));
        const g = (...xs: NDArray[]) => {
          const full = [...args];
          free.forEach((i, k) => (full[i] = xs[k]));
          return c.f(...full);
        };
        checkGrads(g, free.map((i) => args[i]), { order: c.order ?? 2, modes: c.modes, atol: c.atol, rtol: c.rtol, eps: c.eps });
      },
    ),
    {
      numRuns: c.runs ?? 2,
      seed: seedOf(name),
      // Every layout for every argument at least once (and every shape variant), then random draws.
      examples: LAYOUTS.map((l, i): [number, number, Layout[]] => [i, i % c.shapes.length, new Array<Layout>(nargs).fill(l)]),
    },
  );
}
