/**
 * Every primitive differentiates correctly. The registry test collects every
 * exported primitive object of src/ops, src/tensor, src/linalg and
 * src/stats/special (an object
 * with `impl` and `vjp`, exported as `…P` or as a ufunc's `.p`) and requires a
 * gradient-check case for each differentiable one, and an explicit entry in
 * NON_DIFFERENTIABLE for the others, so a new primitive without a case fails
 * here. Each case runs checkGrads (first and second order, forward and
 * reverse; JAX's tolerances, 1e-5 absolute and relative unless the case says
 * otherwise) on random inputs in random memory layouts, after checking that
 * its function really applies the primitive to traced values.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { nonDifferentiable, TracerError, type NDArray, type Primitive } from '../../src/core';
import { grad } from '../../src/autodiff';
import { drawArgs, primitivesUsed, runCase, type GradCase } from './harness';
import { ELEMENTWISE_CASES } from './cases/elementwise';
import { STRUCTURAL_CASES } from './cases/structural';
import { MATRIX_CASES } from './cases/matrices';
import { SPECIAL_CASES } from './cases/special';

const CASES: Record<string, GradCase> = { ...ELEMENTWISE_CASES, ...STRUCTURAL_CASES, ...MATRIX_CASES, ...SPECIAL_CASES };

/** Where primitives live (src/stats/distributions is left to the stats tests while it is being written). */
const SCOPES = ['ops', 'tensor', 'linalg', 'stats/special'];

/** Primitives that have no derivative (bool or integer results), by export name. */
const NON_DIFFERENTIABLE = new Set([
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
  'logicalAnd', 'logicalOr', 'logicalXor', 'logicalNot',
  'isnan', 'isinf', 'isfinite', 'allP', 'anyP', 'argExtremumP', 'gammasgn',
  // Differentiable in principle for complex input (JAX differentiates it); marked non-differentiable by ops.
  'angle',
]);

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function isPrimitive(x: unknown): x is Primitive<any> {
  return typeof x === 'object' && x !== null && typeof (x as Primitive<any>).impl === 'function' && typeof (x as Primitive<any>).vjp === 'function';
}

/** Every exported primitive, with the export names it goes by (a ufunc's primitive by its function's name). */
async function collectPrimitives(): Promise<Map<Primitive<any>, { names: Set<string>; file: string }>> {
  const found = new Map<Primitive<any>, { names: Set<string>; file: string }>();
  for (const layer of SCOPES) {
    for (const file of files(join(SRC, layer))) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const candidates: [string, unknown][] = [[name, value]];
        if (typeof value === 'function' && 'p' in value) candidates.push([name, (value as { p: unknown }).p]);
        for (const [n, p] of candidates) {
          if (!isPrimitive(p)) continue;
          const entry = found.get(p) ?? { names: new Set<string>(), file: relative(SRC, file) };
          entry.names.add(n);
          found.set(p, entry);
        }
      }
    }
  }
  return found;
}

const registry = await collectPrimitives();

describe('the primitive registry', () => {
  it('finds the primitives', () => {
    expect(registry.size).toBeGreaterThan(40);
  });

  it('has a gradient-check case for every differentiable primitive', () => {
    const missing: string[] = [];
    for (const [p, { names, file }] of registry) {
      if (p.vjp === nonDifferentiable) continue;
      if (![...names].some((n) => n in CASES)) missing.push(`${[...names].join('/')} (${p.name}, ${file})`);
    }
    expect(missing, 'primitives without a case in tests/autodiff/cases').toEqual([]);
  });

  it('lists every non-differentiable primitive explicitly', () => {
    const unlisted: string[] = [];
    for (const [p, { names, file }] of registry) {
      if (p.vjp !== nonDifferentiable) continue;
      if (![...names].some((n) => NON_DIFFERENTIABLE.has(n))) unlisted.push(`${[...names].join('/')} (${file})`);
    }
    expect(unlisted, 'non-differentiable primitives missing from NON_DIFFERENTIABLE').toEqual([]);
  });

  it('has no stale cases', () => {
    const known = new Set([...registry.values()].flatMap((e) => [...e.names]));
    expect(Object.keys(CASES).filter((n) => !known.has(n))).toEqual([]);
  });
});

describe('gradient checks (order 2, fwd and rev, random layouts)', () => {
  for (const [name, c] of Object.entries(CASES)) {
    const p = [...registry].find(([, e]) => e.names.has(name))?.[0];
    it.skipIf(p === undefined)(name, () => {
      const used = primitivesUsed(c.f, drawArgs(c, 1, 0));
      expect(used.has(p as Primitive<any>), `the case's function does not apply '${p?.name}' to traced values`).toBe(true);
      runCase(name, c);
    });
  }
});

describe('known VJP defects (these tests document a bug; they start failing when it is fixed)', () => {
  it.fails('indexUpdate with repeated indices: the overwritten values get a gradient (last write wins in the kernel)', () => {
    const x = np.zeros([3, 2]);
    const v = np.array([[1, 2], [3, 4]]).astype('float64');
    // x[[1, 1]] = v: row 1 becomes v[1]; v[0] is overwritten and has no effect, so its gradient is 0
    const g = grad((vv: NDArray) => np.sum(np.indexUpdate(x, [np.array([1, 1])], vv)))(v);
    expect(g.toArray()).toEqual([0, 0, 1, 1]);
  });

  // Functions that compute from a traced array's values without a primitive: under grad their result is a
  // constant, so a derivative through them is silently dropped. They should differentiate or raise TracerError.
  const differentiatesOrRaises = (f: (x: NDArray) => unknown, x: NDArray, expected: number[]) => {
    let g: NDArray;
    try {
      g = grad((a: NDArray) => np.add(np.sum(np.real(np.asarray(f(a) as NDArray))), np.sum(a)))(x);
    } catch (e) {
      expect(e).toBeInstanceOf(TracerError);
      return;
    }
    expect(g.toArray()).toEqual(expected);
  };

  it.fails('np.linalg.eigvals of a traced array is a constant (the trace of A has gradient I)', () => {
    differentiatesOrRaises((a) => np.linalg.eigvals(a), np.array([[2, 1], [0.5, 3]]), [2, 1, 1, 2]);
  });

  it.fails('np.linalg.eig of a traced array is a constant', () => {
    differentiatesOrRaises((a) => np.linalg.eig(a).eigenvalues, np.array([[2, 1], [0.5, 3]]), [2, 1, 1, 2]);
  });

  it.fails('np.unique of a traced array is a constant (its values are a gather of the input)', () => {
    differentiatesOrRaises((a) => np.unique(a), np.array([3, 1, 2]), [2, 2, 2]);
  });

  it.fails('np.angle of a complex traced array is a constant (JAX differentiates atan2(imag, real))', () => {
    const g = grad((z: NDArray) => np.angle(z))(new np.Complex(0, 1)) as unknown as np.Complex;
    // angle moves when z moves off its ray, so the gradient is not zero
    expect(g.re !== 0 || g.im !== 0).toBe(true);
  });
});

