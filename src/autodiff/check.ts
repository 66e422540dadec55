/**
 * `checkGrads`: autodiff against finite differences along random directions,
 * after JAX's `check_grads` (jax/_src/public_test_util.py). Forward mode is
 * checked directly (`jvp` vs the central difference along a random tangent
 * `v`); reverse mode through the adjoint identity `⟨u, J v⟩ = ⟨Jᵀ u, v⟩` for a
 * random cotangent `u`. Higher orders recurse on the transformed functions
 * (`(x, t) ↦ jvp(f, x, t)` and `x ↦ vjp(f, x)(f(x))`).
 */
import { Complex, isInexactDType, NDArray, NumtsError, shapeRepr, ValueError } from '../core';
import { add, multiply, real, subtract, sum, conj } from '../ops';
import { vjp } from './grad';
import { jvp } from './jvp';
import { flatten, numbersToArrays, unflatten, type Flat } from './tree';

/**
 * Raised by {@link checkGrads} when autodiff and finite differences disagree.
 * @example
 * // a custom rule with a wrong derivative (cos x is right; 1 is not):
 * const bad = customVjp((x: NDArray) => np.sin(x), { fwd: (x) => [np.sin(x), x], bwd: (x, g) => [g] });
 * checkGrads(bad, [0.5]);
 * // throws GradCheckError: JVP tangent: element 0 of output leaf 0 differs: autodiff 1.6264323079191505,
 * // finite differences 1.427328625232538 (|diff| 1.99e-1 > atol 0.00001 + rtol 0.00001 * |expected|)
 */
export class GradCheckError extends NumtsError {}

/** Options of {@link checkGrads}. */
export interface CheckGradsOptions {
  /** Highest derivative order to check (1 = first derivatives). Default 1. */
  order?: number;
  /** Which modes: forward (`'fwd'`, jvp) and/or reverse (`'rev'`, vjp). Default both. */
  modes?: readonly ('fwd' | 'rev')[];
  /** Finite-difference step. Default 1e-4 (JAX's). */
  eps?: number;
  /** Absolute tolerance. Default 1e-5 for float64, 2e-3 for float32 (JAX's). */
  atol?: number;
  /** Relative tolerance. Default as `atol`. */
  rtol?: number;
  /** Seed of the random directions. Default 0. */
  seed?: number;
}

type Fn = (...args: any[]) => unknown;

/** A small seeded normal generator (mulberry32 + Box-Muller): checkGrads must not depend on the random layer. */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Random leaves shaped like `leaves` (complex leaves get a random imaginary part too). */
function randomLike(leaves: readonly NDArray[], rand: () => number): NDArray[] {
  return leaves.map((x) => {
    const w = x.dtype === 'complex128' ? 2 : 1;
    const data = new Float64Array(x.size * w);
    for (let i = 0; i < data.length; i++) data[i] = rand();
    return new NDArray(data, x.shape, x.dtype === 'complex128' ? 'complex128' : 'float64');
  });
}

/** The flat argument list: every positional argument is one tree. */
function flatArgs(args: readonly unknown[]): Flat[] {
  return args.map((a, i) => flatten(a, `checkGrads: argument ${i}`));
}

function rebuild(flats: readonly Flat[], leaves: readonly NDArray[]): unknown[] {
  let k = 0;
  return flats.map((f) => {
    const n = f.leaves.length;
    const t = unflatten(f.spec, leaves.slice(k, k + n));
    k += n;
    return t;
  });
}

/** Leaves of a result tree, as arrays. */
function outLeaves(v: unknown, what: string): NDArray[] {
  return flatten(numbersToArrays(v), `checkGrads: ${what}`).leaves;
}

/** (f(x + eps v) - f(x - eps v)) / 2 eps, leaf by leaf. */
function numericalJvp(f: Fn, flats: readonly Flat[], x: readonly NDArray[], v: readonly NDArray[], eps: number): NDArray[] {
  const shifted = (s: number): NDArray[] => outLeaves(f(...rebuild(flats, x.map((xi, i) => add(xi, multiply(v[i], s * eps))))), 'output of f');
  const up = shifted(1);
  const down = shifted(-1);
  return up.map((u, k) => multiply(subtract(u, down[k]), 0.5 / eps));
}

/** Σ Re(conj(a)·b) over all leaves. */
function innerProduct(a: readonly NDArray[], b: readonly NDArray[]): number {
  let s = 0;
  a.forEach((x, k) => {
    const v = sum(real(multiply(conj(x), b[k])));
    s += typeof v === 'number' ? v : Number((v as NDArray).item());
  });
  return s;
}

function tolerances(leaves: readonly NDArray[], opts: CheckGradsOptions): { atol: number; rtol: number } {
  const single = leaves.some((x) => x.dtype === 'float32');
  const dflt = single ? 2e-3 : 1e-5;
  return { atol: opts.atol ?? dflt, rtol: opts.rtol ?? opts.atol ?? dflt };
}

/** Asserts leafwise closeness, |a - b| <= atol + rtol |b|, naming the worst element. */
function assertClose(actual: readonly NDArray[], expected: readonly NDArray[], atol: number, rtol: number, what: string): void {
  if (actual.length !== expected.length) throw new GradCheckError(`${what}: ${actual.length} output leaves, expected ${expected.length}`);
  actual.forEach((a, k) => {
    const e = expected[k];
    if (a.shape.length !== e.shape.length || a.shape.some((d, i) => d !== e.shape[i])) {
      throw new GradCheckError(`${what}: shape ${shapeRepr(a.shape)}, expected ${shapeRepr(e.shape)}`);
    }
    const av = a.tolist();
    const ev = e.tolist();
    const flatA = ([] as unknown[]).concat(av as never).flat(Infinity) as (number | Complex | boolean)[];
    const flatE = ([] as unknown[]).concat(ev as never).flat(Infinity) as (number | Complex | boolean)[];
    for (let i = 0; i < flatE.length; i++) {
      const [ar, ai] = parts(flatA[i]);
      const [er, ei] = parts(flatE[i]);
      const err = Math.hypot(ar - er, ai - ei);
      const ok = err <= atol + rtol * Math.hypot(er, ei) || (Number.isNaN(ar) && Number.isNaN(er));
      if (!ok) {
        throw new GradCheckError(
          `${what}: element ${i} of output leaf ${k} differs: autodiff ${fmt(flatA[i])}, finite differences ${fmt(flatE[i])} ` +
            `(|diff| ${err.toExponential(2)} > atol ${atol} + rtol ${rtol} * |expected|)`,
        );
      }
    }
  });
}

function parts(v: number | Complex | boolean): [number, number] {
  if (v instanceof Complex) return [v.re, v.im];
  return [Number(v), 0];
}

function fmt(v: number | Complex | boolean): string {
  return v instanceof Complex ? `${v.re}${v.im >= 0 ? '+' : ''}${v.im}j` : String(v);
}

function checkJvp(f: Fn, args: readonly unknown[], opts: Required<Pick<CheckGradsOptions, 'eps' | 'seed'>> & CheckGradsOptions, what: string): void {
  const flats = flatArgs(args);
  const x = flats.flatMap((fl) => fl.leaves);
  const { atol, rtol } = tolerances(x, opts);
  const v = randomLike(x, normals(opts.seed));
  const [out, tOut] = jvp(f, args, rebuild(flats, v));
  const expected = outLeaves(f(...args), 'output of f');
  if (expected.length === 0) throw new ValueError('checkGrads: f returned no arrays (undefined, null or an empty tree): nothing to check');
  assertClose(outLeaves(out, 'jvp output'), expected, atol, rtol, `${what} primal`);
  assertClose(outLeaves(tOut, 'jvp tangent'), numericalJvp(f, flats, x, v, opts.eps), atol, rtol, `${what} tangent`);
}

function checkVjp(f: Fn, args: readonly unknown[], opts: Required<Pick<CheckGradsOptions, 'eps' | 'seed'>> & CheckGradsOptions, what: string): void {
  const flats = flatArgs(args);
  const x = flats.flatMap((fl) => fl.leaves);
  const { atol, rtol } = tolerances(x, opts);
  const rand = normals(opts.seed + 1);
  const [out, pullback] = vjp(f, ...args);
  const outFlat = flatten(numbersToArrays(out), 'checkGrads: output of f');
  if (outFlat.leaves.length === 0) throw new ValueError('checkGrads: f returned no arrays (undefined, null or an empty tree): nothing to check');
  assertClose(outFlat.leaves, outLeaves(f(...args), 'output of f'), atol, rtol, `${what} primal`);
  const v = randomLike(x, rand);
  const tOut = numericalJvp(f, flats, x, v, opts.eps);
  const u = randomLike(outFlat.leaves, rand);
  // JAX's convention for complex values: compare ⟨conj(vjp(conj u)), v⟩ with ⟨u, Jv⟩.
  const uc = u.map((x) => (x.dtype === 'complex128' ? conj(x) : x));
  const ctIn = (pullback(unflatten(outFlat.spec, uc)) as unknown[])
    .flatMap((t, i) => outLeaves(t, `cotangent of argument ${i}`))
    .map((x) => (x.dtype === 'complex128' ? conj(x) : x));
  const ip = innerProduct(v, ctIn);
  const ipExpected = innerProduct(tOut, u);
  const err = Math.abs(ip - ipExpected);
  if (!(err <= atol + rtol * Math.abs(ipExpected))) {
    throw new GradCheckError(
      `${what} cotangent projection: ⟨Jᵀu, v⟩ = ${ip} from autodiff, ⟨u, Jv⟩ = ${ipExpected} from finite differences ` +
        `(|diff| ${err.toExponential(2)} > atol ${atol} + rtol ${rtol} * |expected|)`,
    );
  }
}

/**
 * Checks the derivatives of `f` at `args` against finite differences along
 * random directions, as JAX's `check_grads`: forward mode compares `jvp` with
 * `(f(x+εv) - f(x-εv))/2ε`; reverse mode checks `⟨vjp(u), v⟩ = ⟨u, Jv⟩`. With
 * `order` k > 1 the same checks run on the jvp and vjp functions, up to
 * k-th derivatives. Directions are seeded (`seed`), so failures reproduce.
 * @param f a function of `args` (numbers, arrays, trees) returning arrays or trees.
 * @param args the point: one entry per positional argument of `f`.
 * @throws {GradCheckError} naming the mode, order and element that differ.
 * @throws {ValueError} for an order below 1 or an unknown mode.
 * @example
 * checkGrads((x: NDArray) => np.sin(np.square(x)), [np.array([0.5, 1.5])], { order: 2 });   // returns undefined: it agrees
 */
export function checkGrads(f: Fn, args: readonly unknown[], opts: CheckGradsOptions = {}): void {
  const order = opts.order ?? 1;
  if (!Number.isInteger(order) || order < 1) throw new ValueError(`checkGrads: order must be a positive integer, got ${order}`);
  const modes = opts.modes ?? ['fwd', 'rev'];
  for (const m of modes) if (m !== 'fwd' && m !== 'rev') throw new ValueError(`checkGrads: unknown mode '${m}' (use 'fwd' and/or 'rev')`);
  if (!Array.isArray(args)) throw new ValueError('checkGrads: args must be an array with one entry per argument of f');
  for (const leaf of flatArgs(args).flatMap((fl) => fl.leaves)) {
    if (!isInexactDType(leaf.dtype)) throw new ValueError(`checkGrads: arguments must be float or complex, got ${leaf.dtype}`);
  }
  const o = { ...opts, eps: opts.eps ?? 1e-4, seed: opts.seed ?? 0 };
  const run = (g: Fn, a: readonly unknown[], k: number, label: string): void => {
    if (modes.includes('fwd')) {
      const what = label ? `JVP of ${label}` : 'JVP';
      checkJvp(g, a, o, what);
      if (k > 1) {
        // (x…, t…) ↦ jvp(g, x, t), with the tangents as extra positional arguments.
        const n = a.length;
        const gJvp = (...xt: unknown[]): unknown => numbersToArrays(jvp(g, xt.slice(0, n), xt.slice(n)));
        run(gJvp, [...a, ...a], k - 1, what);
      }
    }
    if (modes.includes('rev')) {
      const what = label ? `VJP of ${label}` : 'VJP';
      checkVjp(g, a, o, what);
      if (k > 1) {
        // x ↦ vjp(g, x)(g(x)): the pullback of the output itself, a nonlinear function of x.
        const gVjp = (...xs: unknown[]): unknown => {
          const [y, pullback] = vjp(g, ...xs);
          return numbersToArrays(pullback(y));
        };
        run(gVjp, a, k - 1, what);
      }
    }
  };
  run(f, args, order, '');
}

