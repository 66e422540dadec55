/**
 * The strong-Wolfe line searches against SciPy (scipy.optimize.line_search
 * = the Nocedal–Wright zoom search, and line_search_wolfe1 = MINPACK-2's
 * DCSRCH), plus the Wolfe conditions as a property on random quadratics.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as np from '../../src/index';
import { lineSearch } from '../../src/optimize';
import { scalarSearchWolfe1 } from '../../src/optimize/lineSearch/wolfe';
import { dcstep } from '../../src/optimize/lineSearch/dcsrch';
import { ValueError } from '../../src/core';
import { loadFixture } from '../helpers';
import { rosen } from './problems';

type A = np.NDArray;
interface Case {
  fun: 'rosen' | 'quartic' | 'illquad';
  x: number[];
  p: number[];
  c2: number;
  wolfe2: { alpha: number | null; fc: number; gc: number; fval: number | null };
  wolfe1: { alpha: number | null; fc: number; gc: number; fval: number | null };
}
const cases = loadFixture<Case[]>('optimize/linesearch.json');
const D = np.array([1, 100, 10000]);
const FUNS: Record<Case['fun'], (x: A) => A | number> = {
  rosen: rosen as (x: A) => A,
  quartic: (x) => np.add(np.sum(np.power(x, 4)), np.multiply(0.5, np.sum(np.square(x)))) as A,
  illquad: (x) => np.multiply(0.5, np.sum(np.multiply(D.get(`:${x.size}`), np.square(x)))) as A,
};

describe('lineSearch (SciPy line_search / Nocedal–Wright zoom)', () => {
  cases.forEach((c, k) => {
    it(`${k}: ${c.fun} from [${c.x.join(', ')}], c2 = ${c.c2}`, () => {
      const r = lineSearch(FUNS[c.fun], null, c.x, c.p, { c2: c.c2 });
      if (c.wolfe2.alpha === null) {
        expect(r.alpha).toBeNull();
        return;
      }
      expect(r.alpha).toBeCloseTo(c.wolfe2.alpha, 10);
      expect(r.fc).toBe(c.wolfe2.fc);
      expect(r.gc).toBe(c.wolfe2.gc);
      expect(r.newFval!).toBeCloseTo(c.wolfe2.fval!, 8);
    });
  });
});

describe('scalarSearchWolfe1 (Moré–Thuente DCSRCH)', () => {
  cases.forEach((c, k) => {
    it(`${k}: ${c.fun} from [${c.x.join(', ')}], c2 = ${c.c2}`, () => {
      const f = FUNS[c.fun];
      // float64 explicitly: a JSON list of integer-valued numbers would become an int32 array.
      const at = (a: number): A => np.add(np.asarray(c.x, 'float64'), np.multiply(a, np.asarray(c.p, 'float64'))) as A;
      let fcount = 0;
      let gcount = 0;
      const phi = (a: number): number => (fcount++, Number(f(at(a))));
      const exactGrad = (y: A): number[] => {
        const v = y.tolist() as number[];
        if (c.fun === 'quartic') return v.map((t) => 4 * t ** 3 + t);
        if (c.fun === 'illquad') return v.map((t, i) => [1, 100, 10000][i] * t);
        return v.map((t, i) => (i > 0 ? 200 * (t - v[i - 1] ** 2) : 0) + (i < v.length - 1 ? -400 * t * (v[i + 1] - t * t) - 2 * (1 - t) : 0));
      };
      const derphi = (a: number): number => {
        gcount++;
        const gr = exactGrad(at(a));
        return gr.reduce((s, v, i) => s + v * c.p[i], 0);
      };
      const phi0 = phi(0);
      const d0 = exactGrad(np.array(c.x)).reduce((s, v, i) => s + v * c.p[i], 0);
      const r = scalarSearchWolfe1(phi, derphi, phi0, null, d0, { c2: c.c2, amax: 50, amin: 1e-8 });
      if (c.wolfe1.alpha === null) {
        expect(r.alpha).toBeNull();
        return;
      }
      expect(r.alpha!).toBeCloseTo(c.wolfe1.alpha, 10);
      expect(fcount).toBe(c.wolfe1.fc);
      expect(gcount).toBe(c.wolfe1.gc);
    });
  });
});

describe('Wolfe conditions (property)', () => {
  it('the step satisfies the strong Wolfe conditions on random convex quadratics', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (diag, start) => {
          const n = diag.length;
          const d = np.array(diag);
          const x0 = np.array(start.slice(0, n));
          const f = (x: A) => np.multiply(0.5, np.sum(np.multiply(d, np.square(x)))) as A;
          const g0 = np.multiply(d, x0) as A;
          if ((np.sum(np.square(g0)) as number) < 1e-12) return;
          const p = np.negative(g0);
          const r = lineSearch(f, (x: A) => np.multiply(d, x), x0, p, { c1: 1e-4, c2: 0.9 });
          expect(r.alpha).not.toBeNull();
          const x1 = np.add(x0, np.multiply(r.alpha!, p)) as A;
          const slope0 = np.sum(np.multiply(g0, p)) as number;
          const slope1 = np.sum(np.multiply(np.multiply(d, x1), p)) as number;
          expect(Number(f(x1))).toBeLessThanOrEqual(Number(f(x0)) + 1e-4 * r.alpha! * slope0 + 1e-12);
          expect(Math.abs(slope1)).toBeLessThanOrEqual(0.9 * Math.abs(slope0) + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('dcstep brackets a minimiser after a higher function value', () => {
    const r = dcstep(0, 1, -1, 0, 1, -1, 2, 3, 1, false, 0, 10);
    expect(r.brackt).toBe(true);
    expect(r.stp).toBeGreaterThan(0);
    expect(r.stp).toBeLessThan(2);
  });

  it('rejects bad constants and shapes', () => {
    const f = (x: A) => np.sum(np.square(x)) as unknown as A;
    expect(() => lineSearch(f, null, [1, 1], [-1, -1], { c1: 0.9, c2: 0.1 })).toThrow(/'c1' and 'c2' do not satisfy '0 < c1 < c2 < 1'/);
    expect(() => lineSearch(f, null, [1, 1], [-1])).toThrow(ValueError);
  });
});
