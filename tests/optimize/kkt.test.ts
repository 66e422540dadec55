/**
 * KKT checks at SLSQP solutions (SciPy's multipliers) and the second-
 * derivative test of chapter 13 (listing 13.2, exercise 13.2).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { checkKKT, classifyCriticalPoint, classifyHessian, minimize } from '../../src/optimize';
import { ValueError } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';
import { PROBLEMS } from './problems';

type A = np.NDArray;
const fx = loadFixture('optimize/problems.json');

describe('checkKKT', () => {
  it('holds at the SLSQP solutions of the constrained problems (tight tolerance)', () => {
    for (const name of ['hs014', 'hs035', 'hs043', 'hs071', 'hs076', 'hs100', 'book_ch13_01']) {
      const p = PROBLEMS[name];
      const r = minimize(p.f as never, fx.problems[name].x0, { method: 'SLSQP', constraints: p.constraints, bounds: p.bounds, options: { ftol: 1e-12 } });
      // HS100 ends on 'positive directional derivative' at this ftol; its last QP multipliers are good to ~2e-5.
      const k = checkKKT(p.f as never, r.x, p.constraints, r.multipliers, { bounds: p.bounds, tol: name === 'hs100' ? 1e-4 : 1e-5 });
      expect(k.satisfied, `${name}: ${JSON.stringify({ ...k, gradLagrangian: undefined })}`).toBe(true);
    }
  });

  it('reports each violated condition', () => {
    const f = (x: A) => np.add(np.square(x.get(0)), np.square(x.get(1)));
    const eq = { type: 'eq' as const, fun: (x: A) => np.subtract(np.add(x.get(0), x.get(1)), 4) };
    const ok = checkKKT(f, [2, 2], eq, [4]);
    expect(ok.satisfied).toBe(true);
    expect(ok.stationarity).toBe(0);
    expect(checkKKT(f, [2, 2], eq, [-4]).stationarity).toBe(8); // the book's sign of λ is the other convention
    expect(checkKKT(f, [1, 2], eq, [2]).primalFeasibility).toBe(1);
    const ineq = { type: 'ineq' as const, fun: (x: A) => np.subtract(x.get(0), 1) }; // x ≥ 1
    const g = (x: A) => np.sum(np.square(x));
    const bad = checkKKT(g, [1, 0], ineq, [-2]);
    expect(bad.dualFeasibility).toBe(2);
    expect(checkKKT(g, [2, 0], ineq, [4]).complementarySlackness).toBe(4);
    // A bound in place of the constraint: its multiplier is inferred.
    const b = checkKKT(g, [1, 0], [], [], { bounds: [[1, null], [null, null]] });
    expect(b.satisfied).toBe(true);
    expectAllClose(b.boundMultipliers, [2, 0]);
  });

  it('rejects multipliers of the wrong length and bad tolerances', () => {
    const eq = { type: 'eq' as const, fun: (x: A) => x.get(0) };
    expect(() => checkKKT((x: A) => np.sum(x), [1, 2], eq, [1, 2])).toThrow(ValueError);
    expect(() => checkKKT((x: A) => np.sum(x), [1, 2], eq, [1], { tol: -1 })).toThrow(ValueError);
  });
});

describe('classifyCriticalPoint (chapter 13)', () => {
  it("listing 13.2: x² - y² has a saddle at the origin, eigenvalues [-2, 2]", () => {
    const r = classifyCriticalPoint((v: A) => np.subtract(np.square(v.get(0)), np.square(v.get(1))), [0, 0]);
    expect(r.kind).toBe('saddle');
    expectAllClose(r.eigenvalues, [-2, 2], { rtol: 0, atol: 1e-15 });
    expect(classifyHessian([[2, 0], [0, -2]]).kind).toBe('saddle');
  });

  it('exercise 13.2: x³ - 3xy² at the origin is inconclusive (zero Hessian)', () => {
    const r = classifyCriticalPoint((v: A) => np.subtract(np.power(v.get(0), 3), np.multiply(3, np.multiply(v.get(0), np.square(v.get(1))))), [0, 0]);
    expect(r.kind).toBe('inconclusive');
    expectAllClose(r.eigenvalues, [0, 0]);
  });

  it('minimum, maximum, and not a critical point', () => {
    const bowl = (v: A) => np.sum(np.square(np.subtract(v, 1)));
    expect(classifyCriticalPoint(bowl, [1, 1, 1]).kind).toBe('minimum');
    expect(classifyCriticalPoint((v: A) => np.negative(bowl(v)), [1, 1, 1]).kind).toBe('maximum');
    const r = classifyCriticalPoint(bowl, [0, 0, 0]);
    expect(r.kind).toBe('not-critical');
    expect(r.gradNorm).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(classifyCriticalPoint(PROBLEMS.rosen2.f as never, [1, 1]).kind).toBe('minimum');
    // A semidefinite Hessian with a zero eigenvalue and no sign change: inconclusive (x⁴ + y² at 0).
    expect(classifyCriticalPoint((v: A) => np.add(np.power(v.get(0), 4), np.square(v.get(1))), [0, 0]).kind).toBe('inconclusive');
  });

  it('rejects a non-square Hessian or a bad tolerance', () => {
    expect(() => classifyHessian([[1, 2, 3]])).toThrow(ValueError);
    expect(() => classifyHessian([[1]], { tol: -1 })).toThrow(ValueError);
    expect(() => classifyHessian([[NaN]])).toThrow(ValueError);
  });
});
