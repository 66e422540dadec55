/**
 * The test problems of scripts/fixtures/optimize_problems.py written as a
 * numts user would (np functions on the 1-D array x, so autodiff supplies
 * the derivatives). Names match the fixture's.
 */
import * as np from '../../src/index';
import type { BoundsLike, Constraint } from '../../src/optimize';

type A = np.NDArray;
type V = A | number;

export interface Problem {
  f: (x: A) => V;
  constraints?: Constraint[];
  bounds?: BoundsLike;
}

const add = (...v: V[]): V => v.reduce((a, b) => np.add(a, b) as V);
const mul = (...v: V[]): V => v.reduce((a, b) => np.multiply(a, b) as V);
const sub = (a: V, b: V): V => np.subtract(a, b) as V;
const sq = (a: V): V => np.square(a) as V;
const pw = (a: V, p: number): V => np.power(a, p) as V;
const at = (x: A, i: number): V => x.get(i) as V;
/** Several constraint components as one 1-D array. */
const vec = (...v: V[]): A => np.stack(v as A[]);

/** SciPy's chained Rosenbrock function Σ 100(x_{i+1} - x_i²)² + (1 - x_i)². */
export const rosen = (x: A): V => {
  const a = x.get('1:');
  const b = x.get(':-1');
  return np.sum(np.add(np.multiply(100, np.square(np.subtract(a, np.square(b)))), np.square(np.subtract(1, b)))) as V;
};

const wood = (x: A): V => {
  const [x0, x1, x2, x3] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
  return add(
    mul(100, sq(sub(x1, sq(x0)))), sq(sub(1, x0)), mul(90, sq(sub(x3, sq(x2)))), sq(sub(1, x2)),
    mul(10.1, add(sq(sub(x1, 1)), sq(sub(x3, 1)))), mul(19.8, sub(x1, 1), sub(x3, 1)),
  );
};

const eq = (fun: (x: A) => V): Constraint => ({ type: 'eq', fun: fun as Constraint['fun'] });
const ineq = (fun: (x: A) => V): Constraint => ({ type: 'ineq', fun: fun as Constraint['fun'] });

export const PROBLEMS: Record<string, Problem> = {
  rosen2: { f: rosen },
  rosen5: { f: rosen },
  rosen10: { f: rosen },
  beale: {
    f: (x) => {
      const [a, b] = [at(x, 0), at(x, 1)];
      return add(sq(add(sub(1.5, a), mul(a, b))), sq(add(sub(2.25, a), mul(a, sq(b)))), sq(add(sub(2.625, a), mul(a, pw(b, 3)))));
    },
  },
  booth: { f: (x) => add(sq(sub(add(at(x, 0), mul(2, at(x, 1))), 7)), sq(sub(add(mul(2, at(x, 0)), at(x, 1)), 5))) },
  himmelblau: {
    f: (x) => {
      const [a, b] = [at(x, 0), at(x, 1)];
      return add(sq(sub(add(sq(a), b), 11)), sq(sub(add(a, sq(b)), 7)));
    },
  },
  powell: {
    f: (x) => {
      const [a, b, c, d] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
      return add(sq(add(a, mul(10, b))), mul(5, sq(sub(c, d))), pw(sub(b, mul(2, c)), 4), mul(10, pw(sub(a, d), 4)));
    },
  },
  wood: { f: wood },
  hs001: { f: (x) => add(mul(100, sq(sub(at(x, 1), sq(at(x, 0))))), sq(sub(1, at(x, 0)))), bounds: [[null, null], [-1.5, null]] },
  hs004: { f: (x) => add(mul(1 / 3, pw(add(at(x, 0), 1), 3)), at(x, 1)), bounds: [[1, null], [0, null]] },
  hs005: {
    f: (x) => {
      const [a, b] = [at(x, 0), at(x, 1)];
      return add(np.sin(add(a, b)) as V, sq(sub(a, b)), mul(-1.5, a), mul(2.5, b), 1);
    },
    bounds: [[-1.5, 4], [-3, 3]],
  },
  hs006: { f: (x) => sq(sub(1, at(x, 0))), constraints: [eq((x) => mul(10, sub(at(x, 1), sq(at(x, 0)))))] },
  hs007: {
    f: (x) => sub(np.log(add(1, sq(at(x, 0)))) as V, at(x, 1)),
    constraints: [eq((x) => add(sq(add(1, sq(at(x, 0)))), sq(at(x, 1)), -4))],
  },
  hs009: {
    f: (x) => mul(np.sin(mul(Math.PI / 12, at(x, 0))) as V, np.cos(mul(Math.PI / 16, at(x, 1))) as V),
    constraints: [eq((x) => sub(mul(4, at(x, 0)), mul(3, at(x, 1))))],
  },
  hs014: {
    f: (x) => add(sq(sub(at(x, 0), 2)), sq(sub(at(x, 1), 1))),
    constraints: [eq((x) => add(sub(at(x, 0), mul(2, at(x, 1))), 1)), ineq((x) => add(mul(-0.25, sq(at(x, 0))), mul(-1, sq(at(x, 1))), 1))],
  },
  hs021: {
    f: (x) => add(mul(0.01, sq(at(x, 0))), sq(at(x, 1)), -100),
    constraints: [ineq((x) => add(mul(10, at(x, 0)), mul(-1, at(x, 1)), -10))],
    bounds: [[2, 50], [-50, 50]],
  },
  hs028: {
    f: (x) => add(sq(add(at(x, 0), at(x, 1))), sq(add(at(x, 1), at(x, 2)))),
    constraints: [eq((x) => add(at(x, 0), mul(2, at(x, 1)), mul(3, at(x, 2)), -1))],
  },
  hs035: {
    f: (x) => {
      const [a, b, c] = [at(x, 0), at(x, 1), at(x, 2)];
      return add(9, mul(-8, a), mul(-6, b), mul(-4, c), mul(2, sq(a)), mul(2, sq(b)), sq(c), mul(2, a, b), mul(2, a, c));
    },
    constraints: [ineq((x) => add(3, mul(-1, at(x, 0)), mul(-1, at(x, 1)), mul(-2, at(x, 2))))],
    bounds: [[0, null], [0, null], [0, null]],
  },
  hs038: { f: wood, bounds: [[-10, 10], [-10, 10], [-10, 10], [-10, 10]] },
  hs040: {
    f: (x) => mul(-1, at(x, 0), at(x, 1), at(x, 2), at(x, 3)),
    constraints: [
      eq((x) => vec(add(pw(at(x, 0), 3), sq(at(x, 1)), -1), sub(mul(sq(at(x, 0)), at(x, 3)), at(x, 2)), sub(sq(at(x, 3)), at(x, 1)))),
    ],
  },
  hs043: {
    f: (x) => {
      const [a, b, c, d] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
      return add(sq(a), sq(b), mul(2, sq(c)), sq(d), mul(-5, a), mul(-5, b), mul(-21, c), mul(7, d));
    },
    constraints: [
      ineq((x) => {
        const [a, b, c, d] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
        return vec(
          add(8, mul(-1, sq(a)), mul(-1, sq(b)), mul(-1, sq(c)), mul(-1, sq(d)), mul(-1, a), b, mul(-1, c), d),
          add(10, mul(-1, sq(a)), mul(-2, sq(b)), mul(-1, sq(c)), mul(-2, sq(d)), a, d),
          add(5, mul(-2, sq(a)), mul(-1, sq(b)), mul(-1, sq(c)), mul(-2, a), b, d),
        );
      }),
    ],
  },
  hs071: {
    f: (x) => add(mul(at(x, 0), at(x, 3), add(at(x, 0), at(x, 1), at(x, 2))), at(x, 2)),
    constraints: [ineq((x) => sub(mul(at(x, 0), at(x, 1), at(x, 2), at(x, 3)), 25)), eq((x) => sub(np.sum(np.square(x)) as V, 40))],
    bounds: [[1, 5], [1, 5], [1, 5], [1, 5]],
  },
  hs076: {
    f: (x) => {
      const [a, b, c, d] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
      return add(sq(a), mul(0.5, sq(b)), sq(c), mul(0.5, sq(d)), mul(-1, a, c), mul(c, d), mul(-1, a), mul(-3, b), c, mul(-1, d));
    },
    constraints: [
      ineq((x) => {
        const [a, b, c, d] = [at(x, 0), at(x, 1), at(x, 2), at(x, 3)];
        return vec(add(5, mul(-1, a), mul(-2, b), mul(-1, c), mul(-1, d)), add(4, mul(-3, a), mul(-1, b), mul(-2, c), d), add(b, mul(4, c), -1.5));
      }),
    ],
    bounds: { lb: 0 },
  },
  hs065: {
    f: (x) => add(sq(sub(at(x, 0), at(x, 1))), mul(1 / 9, sq(add(at(x, 0), at(x, 1), -10))), sq(sub(at(x, 2), 5))),
    constraints: [ineq((x) => sub(48, np.sum(np.square(x)) as V))],
    bounds: [[-4.5, 4.5], [-4.5, 4.5], [-5, 5]],
  },
  hs048: {
    f: (x) => add(sq(sub(at(x, 0), 1)), sq(sub(at(x, 1), at(x, 2))), sq(sub(at(x, 3), at(x, 4)))),
    constraints: [eq((x) => vec(sub(np.sum(x) as V, 5), add(at(x, 2), mul(-2, add(at(x, 3), at(x, 4))), 3)))],
  },
  hs100: {
    f: (x) => {
      const v = [0, 1, 2, 3, 4, 5, 6].map((i) => at(x, i));
      return add(
        sq(sub(v[0], 10)), mul(5, sq(sub(v[1], 12))), pw(v[2], 4), mul(3, sq(sub(v[3], 11))), mul(10, pw(v[4], 6)), mul(7, sq(v[5])), pw(v[6], 4),
        mul(-4, v[5], v[6]), mul(-10, v[5]), mul(-8, v[6]),
      );
    },
    constraints: [
      ineq((x) => {
        const v = [0, 1, 2, 3, 4, 5, 6].map((i) => at(x, i));
        return vec(
          add(127, mul(-2, sq(v[0])), mul(-3, pw(v[1], 4)), mul(-1, v[2]), mul(-4, sq(v[3])), mul(-5, v[4])),
          add(282, mul(-7, v[0]), mul(-3, v[1]), mul(-10, sq(v[2])), mul(-1, v[3]), v[4]),
          add(196, mul(-23, v[0]), mul(-1, sq(v[1])), mul(-6, sq(v[5])), mul(8, v[6])),
          add(mul(-4, sq(v[0])), mul(-1, sq(v[1])), mul(3, v[0], v[1]), mul(-2, sq(v[2])), mul(-5, v[5]), mul(11, v[6])),
        );
      }),
    ],
  },
  rosen10_box: { f: rosen, bounds: { lb: -0.5, ub: 0.5 } },
  beale_box: {
    f: (x) => {
      const [a, b] = [at(x, 0), at(x, 1)];
      return add(sq(add(sub(1.5, a), mul(a, b))), sq(add(sub(2.25, a), mul(a, sq(b)))), sq(add(sub(2.625, a), mul(a, pw(b, 3)))));
    },
    bounds: [[1, 2], [0, 0.3]],
  },
  wood_box: { f: wood, bounds: [[-2, 0.8], [-2, 2], [-2, 2], [-2, 2]] },
  book_ch13_01: { f: (x) => add(sq(at(x, 0)), sq(at(x, 1))), constraints: [eq((x) => sub(add(at(x, 0), at(x, 1)), 4))] },
  book_ex13_1: { f: (x) => mul(-1, at(x, 0), at(x, 1)), constraints: [eq((x) => sub(add(at(x, 0), at(x, 1)), 10))] },
};
