/**
 * Known targets for the sampler tests, each with its exact means and
 * variances, a log density written with numts ops (differentiated by
 * autodiff) and the same density with its gradient in plain JavaScript
 * (`fast`, for long runs: the statistics then test the sampler, not the ops).
 */
import * as np from '../../src/index';
import type { NDArray } from '../../src/index';

export interface Target {
  readonly name: string;
  readonly dim: number;
  readonly init: number | number[];
  /** Exact E[x_i] and Var[x_i]. */
  readonly mean: number[];
  readonly variance: number[];
  readonly logp: (x: NDArray) => NDArray | number;
  readonly fast: (x: Float64Array, grad: Float64Array) => number;
}

/** log p(x) for Metropolis from the fast form (no gradient needed). */
export function valueOnly(t: Target): (x: NDArray) => number {
  const g = new Float64Array(t.dim);
  return (x) => t.fast(x.data as Float64Array, g);
}

const normal = (dim: number): Target => ({
  name: `standard normal ${dim}-D`,
  dim,
  init: dim === 1 ? 0 : new Array(dim).fill(0),
  mean: new Array(dim).fill(0),
  variance: new Array(dim).fill(1),
  logp: (x) => np.multiply(-0.5, np.sum(np.square(x))),
  fast: (x, g) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      g[i] = -x[i];
    }
    return -0.5 * s;
  },
});

// Correlated Gaussian: sd 1 and 2, correlation 0.8.
const COV = [[1, 1.6], [1.6, 4]];
const DET = COV[0][0] * COV[1][1] - COV[0][1] * COV[1][0];
const PREC = [[COV[1][1] / DET, -COV[0][1] / DET], [-COV[1][0] / DET, COV[0][0] / DET]];
const correlated: Target = {
  name: 'correlated 2-D Gaussian',
  dim: 2,
  init: [0, 0],
  mean: [0, 0],
  variance: [1, 4],
  logp: (x) => np.multiply(-0.5, np.sum(np.multiply(x, np.matmul(np.array(PREC), x)))),
  fast: (x, g) => {
    g[0] = -(PREC[0][0] * x[0] + PREC[0][1] * x[1]);
    g[1] = -(PREC[1][0] * x[0] + PREC[1][1] * x[1]);
    return 0.5 * (x[0] * g[0] + x[1] * g[1]);
  },
};

// The book's mixture 0.3·N(−2, 1) + 0.7·N(3, 1) (listing ch10_04): mean 1.5, variance 1 + 0.21·25 = 6.25.
const mixture: Target = {
  name: "the book's mixture",
  dim: 1,
  init: 0,
  mean: [1.5],
  variance: [6.25],
  logp: (x) =>
    np.log(np.add(np.multiply(0.3, np.exp(np.multiply(-0.5, np.square(np.add(x, 2))))), np.multiply(0.7, np.exp(np.multiply(-0.5, np.square(np.subtract(x, 3))))))),
  fast: (x, g) => {
    const a = 0.3 * Math.exp(-0.5 * (x[0] + 2) ** 2);
    const b = 0.7 * Math.exp(-0.5 * (x[0] - 3) ** 2);
    g[0] = (-(x[0] + 2) * a - (x[0] - 3) * b) / (a + b);
    return Math.log(a + b);
  },
};

// Banana: x1 ~ N(0, 2²), x2 | x1 ~ N(B(x1² − 4), 1). E = (0, 0), Var = (4, 1 + 2B²·16).
const B = 0.25;
const banana: Target = {
  name: 'banana',
  dim: 2,
  init: [0, 0],
  mean: [0, 0],
  variance: [4, 1 + 32 * B * B],
  logp: (x) => {
    const x1 = x.get(0) as unknown as NDArray;
    const r = np.subtract(x.get(1) as unknown as NDArray, np.multiply(B, np.subtract(np.square(x1), 4)));
    return np.subtract(np.multiply(-0.125, np.square(x1)), np.multiply(0.5, np.square(r)));
  },
  fast: (x, g) => {
    const r = x[1] - B * (x[0] * x[0] - 4);
    g[0] = -0.25 * x[0] + r * 2 * B * x[0];
    g[1] = -r;
    return -0.125 * x[0] * x[0] - 0.5 * r * r;
  },
};

export const TARGETS = { normal1: normal(1), normal10: normal(10), correlated, mixture, banana };
