/**
 * `minimize` beyond the reference runs: derivative options (finite
 * differences, user jac/hess/hessp, jac: true), callbacks, limits, result
 * fields, and bad input (clear errors or `success: false`, never a hang).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { minimize, type Method } from '../../src/optimize';
import { TracerError, TypeError_, ValueError } from '../../src/core';
import { expectAllClose } from '../helpers';
import { rosen } from './problems';

type A = np.NDArray;
const sphere = (x: A) => np.sum(np.square(np.subtract(x, 1)));
const rosenGrad = (x: A): number[] => {
  const v = x.tolist() as number[];
  return v.map((xi, i) => {
    let g = 0;
    if (i > 0) g += 200 * (xi - v[i - 1] ** 2);
    if (i < v.length - 1) g += -400 * xi * (v[i + 1] - xi ** 2) - 2 * (1 - xi);
    return g;
  });
};
const GRADIENT_METHODS: Method[] = ['BFGS', 'CG', 'L-BFGS-B', 'SLSQP', 'Newton-CG', 'trust-exact'];

describe('derivative sources', () => {
  it.each(['2-point', '3-point'] as const)('finite differences (%s) converge on Rosenbrock', (jac) => {
    for (const method of ['BFGS', 'L-BFGS-B', 'CG', 'SLSQP'] as Method[]) {
      const r = minimize(rosen, [-1.2, 1], { method, jac });
      expect(r.success, `${method}: ${r.message}`).toBe(true);
      expectAllClose(r.x, [1, 1], { atol: 2e-3 });
    }
  });

  it('a user gradient gives the same iterates as autodiff', () => {
    const a = minimize(rosen, [-1.2, 1], { method: 'BFGS' });
    const b = minimize(rosen, [-1.2, 1], { method: 'BFGS', jac: rosenGrad });
    expect(b.nit).toBe(a.nit);
    expectAllClose(b.x, a.x, { rtol: 1e-10 });
  });

  it('jac: true reads [value, gradient] from fun', () => {
    const r = minimize(((x: A) => [rosen(x), rosenGrad(x)]) as never, [-1.2, 1], { jac: true });
    expect(r.success).toBe(true);
    expectAllClose(r.x, [1, 1], { atol: 1e-5 });
  });

  it('user hess and hessp for Newton-CG and trust-exact; finite-difference Hessians', () => {
    const hess = (x: A) => {
      const [a, b] = x.tolist() as number[];
      return [[1200 * a * a - 400 * b + 2, -400 * a], [-400 * a, 200]];
    };
    const hessp = (x: A, p: A) => np.matmul(np.array(hess(x)), p);
    for (const opts of [{ method: 'Newton-CG' as const, hess }, { method: 'Newton-CG' as const, hessp }, { method: 'trust-exact' as const, hess },
      { method: 'trust-exact' as const, hess: '3-point' as const }, { method: 'Newton-CG' as const, jac: rosenGrad }]) {
      const r = minimize(rosen, [-1.2, 1], opts);
      expect(r.success, r.message).toBe(true);
      expectAllClose(r.x, [1, 1], { atol: 1e-4 });
    }
    // Exact Hessians: trust-exact's iterates match the autodiff run.
    const a = minimize(rosen, [-1.2, 1], { method: 'trust-exact' });
    const b = minimize(rosen, [-1.2, 1], { method: 'trust-exact', jac: rosenGrad, hess });
    expect(b.nit).toBe(a.nit);
    expect(a.nhev).toBeGreaterThan(0);
    expect(a.hess!.shape).toEqual([2, 2]);
  });

  it('a function autodiff cannot follow gets an explanation; finite differences still work', () => {
    const f = (x: A) => Math.sin(x.get(0) as number);
    expect(() => minimize(f, [1])).toThrow(TracerError);
    expect(() => minimize(f, [1])).toThrow(/jac: '2-point'/);
    const r = minimize(f, [1], { jac: '2-point' });
    expectAllClose(r.x, [-Math.PI / 2], { atol: 1e-4 });
    expect(minimize(f, [1], { method: 'Nelder-Mead' }).success).toBe(true);
  });
});

describe('results, limits, callbacks', () => {
  it('result fields and counters', () => {
    const r = minimize(sphere, [0, 0, 0]);
    expect(r.success).toBe(true);
    expect(r.status).toBe(0);
    expect(r.message).toBe('Optimization terminated successfully.');
    expect(r.x.shape).toEqual([3]);
    expect(r.jac!.shape).toEqual([3]);
    expect(r.hessInv!.shape).toEqual([3, 3]);
    expect(r.nfev).toBeGreaterThan(0);
    expect(r.njev).toBeGreaterThan(0);
    expect(r.nhev).toBe(0);
    const nm = minimize(sphere, [0, 0], { method: 'Nelder-Mead', options: { returnAll: true } });
    expect(nm.finalSimplex![0].shape).toEqual([3, 2]);
    expect(nm.finalSimplex![1].shape).toEqual([3]);
    expect(nm.allvecs!.length).toBe(nm.nit);
  });

  it('maxiter bounds every method', () => {
    for (const method of [...GRADIENT_METHODS, 'Nelder-Mead'] as Method[]) {
      const r = minimize(rosen, [-1.2, 1], { method, options: { maxiter: 3 } });
      expect(r.nit, method).toBeLessThanOrEqual(3);
      expect(r.success, method).toBe(false);
    }
  });

  it('a callback returning true stops the solve with status 99', () => {
    for (const method of [...GRADIENT_METHODS, 'Nelder-Mead'] as Method[]) {
      const seen: number[] = [];
      const r = minimize(rosen, [-1.2, 1], { method, callback: (it) => (seen.push(it.nit), it.nit >= 2) });
      expect(r.status, method).toBe(99);
      expect(r.success).toBe(false);
      // Nelder-Mead counts its setup as iteration 1, as SciPy does.
      expect(seen).toEqual(method === 'Nelder-Mead' ? [2] : [1, 2]);
    }
  });

  it('tol sets the method tolerance as SciPy does', () => {
    const loose = minimize(rosen, [-1.2, 1], { tol: 1e-2 });
    const tight = minimize(rosen, [-1.2, 1], { tol: 1e-10 });
    expect(loose.nit).toBeLessThan(tight.nit);
    expect(() => minimize(rosen, [0, 0], { tol: -1 })).toThrow(ValueError);
  });

  it('bounds: L-BFGS-B is the default and stops on an active bound; all-fixed bounds return at once', () => {
    const r = minimize(rosen, [-1.2, 1], { bounds: [[null, 0.5], [null, null]] });
    expect(r.message).toMatch(/^CONVERGENCE/);
    expectAllClose(r.x, [0.5, 0.25], { atol: 1e-5 });
    const nm = minimize(rosen, [-1.2, 1], { method: 'Nelder-Mead', bounds: { lb: [-2, -2], ub: [0.5, 2] }, options: { xatol: 1e-8, fatol: 1e-10 } });
    expectAllClose(nm.x, [0.5, 0.25], { atol: 1e-5 });
    const fixed = minimize(rosen, [0, 0], { bounds: [[2, 2], [3, 3]] });
    expect(fixed.message).toBe('All independent variables were fixed by bounds.');
    expectAllClose(fixed.x, [2, 3]);
    const bad = minimize(rosen, [0, 0], { method: 'SLSQP', bounds: [[2, 2], [3, 3]], constraints: { type: 'eq', fun: (x: A) => x.get(0) } });
    expect(bad.success).toBe(false);
  });

  it('Nelder-Mead options: adaptive and an initial simplex', () => {
    const r = minimize(rosen, [-1.2, 1], { method: 'Nelder-Mead', options: { adaptive: true } });
    expect(r.success).toBe(true);
    const s = minimize(rosen, [-1.2, 1], { method: 'Nelder-Mead', options: { initialSimplex: [[-1.2, 1], [-1, 1], [-1.2, 1.2]] } });
    expectAllClose(s.x, [1, 1], { atol: 1e-3 });
    expect(() => minimize(rosen, [0, 0], { method: 'Nelder-Mead', options: { initialSimplex: [[0, 0]] } })).toThrow(ValueError);
  });
});

describe('bad input', () => {
  it('rejects bad x0, fun, method, options, bounds and constraints', () => {
    expect(() => minimize(sphere, [[1, 2]])).toThrow("'x0' must only have one dimension.");
    expect(() => minimize(sphere, [])).toThrow(ValueError);
    expect(() => minimize(sphere, [1, NaN])).toThrow(/finite/);
    expect(() => minimize(sphere, [1, Infinity])).toThrow(ValueError);
    expect(() => minimize(42 as never, [1])).toThrow(TypeError_);
    expect(() => minimize(sphere, [1], { method: 'Powell' as never })).toThrow(/Unknown solver Powell/);
    expect(() => minimize(sphere, [1], { options: { xatol: 1 } })).toThrow(/Unknown solver options for BFGS: xatol/);
    expect(() => minimize(sphere, [1], { options: { maxiter: -1 } })).toThrow(ValueError);
    expect(() => minimize(sphere, [1, 2], { bounds: [[0, 1]] })).toThrow(/length of x0 != length of bounds/);
    expect(() => minimize(sphere, [1], { bounds: [[2, 1]] })).toThrow(/upper bound is less than/);
    expect(() => minimize(sphere, [1], { bounds: [[NaN, 1]] })).toThrow(ValueError);
    expect(() => minimize(sphere, [1], { method: 'BFGS', bounds: [[0, 1]] })).toThrow(/cannot handle bounds/);
    expect(() => minimize(sphere, [1], { method: 'BFGS', constraints: { type: 'eq', fun: (x: A) => x.get(0) } })).toThrow(/cannot handle constraints/);
    expect(() => minimize(sphere, [1], { constraints: { type: 'le', fun: (x: A) => x.get(0) } as never })).toThrow("Unknown constraint type 'le'.");
    expect(() => minimize(sphere, [1], { constraints: { type: 'eq' } as never })).toThrow('Constraint 0 has no function defined.');
    expect(() => minimize(sphere, [1], { method: 'trust-exact', options: { initialTrustRadius: 2000 } })).toThrow(ValueError);
  });

  it('rejects a non-scalar objective and a gradient of the wrong length (x0 of the wrong length for fun)', () => {
    expect(() => minimize((x: A) => np.square(x), [1, 2])).toThrow(/scalar/);
    expect(() => minimize(sphere, [1, 2], { jac: () => [1, 2, 3] })).toThrow(/expected 2, the length of x0/);
    expect(() => minimize((x: A) => np.add(x.get(0), x.get(2)), [1, 2])).toThrow();
  });

  it('a NaN objective gives success: false with an honest message, in every method', () => {
    const f = (x: A) => np.sum(np.sqrt(x)); // NaN for x < 0
    for (const method of [...GRADIENT_METHODS, 'Nelder-Mead'] as Method[]) {
      const r = minimize(f, [-1, 2], { method });
      expect(r.success, method).toBe(false);
      expect(r.message, method).toMatch(/NaN/);
    }
  });

  it('infeasible constraints end with success: false and say so', () => {
    const f = (x: A) => np.sum(np.square(x));
    const r = minimize(f, [0.5], { constraints: [{ type: 'ineq', fun: (x: A) => np.subtract(x.get(0), 1) }, { type: 'ineq', fun: (x: A) => np.negative(x.get(0)) }] });
    expect(r.success).toBe(false);
    expect(r.message).toMatch(/may be infeasible/);
    const eq = minimize(f, [0.5, 0.5], { constraints: [{ type: 'eq', fun: (x: A) => np.subtract(x.get(0), 1) }, { type: 'eq', fun: (x: A) => x.get(0) }] });
    expect(eq.success).toBe(false);
    expect(eq.status).toBe(9);
    const over = minimize(f, [0.5], { constraints: [{ type: 'eq', fun: (x: A) => np.stack([x.get(0), np.subtract(x.get(0), 1)]) }] });
    expect(over.status).toBe(2);
    expect(over.message).toBe('More equality constraints than independent variables');
  });

  it('integer-valued points stay float64 in every method (np.power(int, -2) would raise)', () => {
    const f = (x: A) => np.add(np.power(x.get(0), -2), np.square(np.subtract(x.get(0), 3)));
    for (const opts of [{ method: 'Nelder-Mead' as const }, { method: 'BFGS' as const }, { jac: '2-point' as const }, { method: 'SLSQP' as const }]) {
      const r = minimize(f, [2], opts);
      expect(r.success).toBe(true);
      expectAllClose(r.x, [3.0357433], { atol: 1e-3 });
    }
  });

  it('integer-valued iterates do not overflow (the objective runs on traced float64 values)', () => {
    // From x0 = [-3, -1, -3, -1] SLSQP's first trial point is integer-valued with entries ~1e4.
    const f = (x: A) => np.add(np.multiply(100, np.square(np.subtract(x.get(1), np.square(x.get(0))))), np.square(np.subtract(1, x.get(0))));
    const r = minimize(f, [-3, -1], { method: 'SLSQP' });
    expect(r.success).toBe(true);
    expectAllClose(r.x, [1, 1], { atol: 1e-3 });
  });
});
