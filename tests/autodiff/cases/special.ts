/**
 * Gradient-check cases for the special functions of numts/stats (array
 * primitives with their own derivative rules). Shape parameters that have no
 * derivative (the a of gammainc, the order n of polygamma) are held constant.
 */
import * as st from '../../../src/stats';
import type { NDArray } from '../../../src/index';
import { randomArray, type GradCase } from '../harness';

type R = readonly [number, number];

const UNARY_SHAPES = [[[]], [[5]], [[2, 3]]] as const;
const unary = (f: (x: NDArray) => unknown, range: R): GradCase => ({ f: (x) => f(x), shapes: UNARY_SHAPES, range });

const BINARY_SHAPES = [
  [[4], [4]],
  [[3, 1], [4]],
  [[], [2, 3]],
] as const;
const binary = (f: (a: NDArray, b: NDArray) => unknown, range: readonly R[], extra: Partial<GradCase> = {}): GradCase => ({
  f: (a, b) => f(a, b),
  shapes: BINARY_SHAPES,
  range,
  ...extra,
});

/** Ternary cases with the first two (shape) arguments constant. */
const ternaryInX = (f: (a: NDArray, b: NDArray, x: NDArray) => unknown, x: R): GradCase => ({
  f: (a, b, t) => f(a, b, t),
  shapes: [[[3], [3], [3]], [[], [], [2, 3]]],
  range: [[0.8, 3], [0.8, 3], x],
  constants: [0, 1],
});

export const SPECIAL_CASES: Record<string, GradCase> = {
  erf: unary(st.erf, [-2, 2]),
  erfc: unary(st.erfc, [-2, 2]),
  erfcx: unary(st.erfcx, [-1, 3]),
  erfinv: unary(st.erfinv, [-0.8, 0.8]),
  erfcinv: unary(st.erfcinv, [0.2, 1.8]),
  ndtr: unary(st.ndtr, [-3, 3]),
  logNdtr: unary(st.logNdtr, [-3, 3]),
  ndtri: unary(st.ndtri, [0.1, 0.9]),
  gammaln: unary(st.gammaln, [0.5, 4]),
  gamma: unary(st.gamma, [0.5, 3]),
  digamma: unary(st.digamma, [0.5, 4]),
  expit: unary(st.expit, [-3, 3]),
  logit: unary(st.logit, [0.1, 0.9]),
  logExpit: unary(st.logExpit, [-3, 3]),
  polygamma: {
    f: (n, x) => st.polygamma(n, x),
    shapes: [[[3], [3]], [[], [2, 2]]],
    make: (u, [s, t]) => [randomArray(() => 0.99 * u(), s, [0, 3]).astype('int32'), randomArray(u, t, [0.5, 3])],
    constants: [0],
  },
  betaln: binary(st.betaln, [[0.5, 3], [0.5, 3]]),
  xlogy: binary(st.xlogy, [[-2, 2], [0.5, 3]]),
  xlog1py: binary(st.xlog1py, [[-2, 2], [-0.5, 2]]),
  gammainc: binary(st.gammainc, [[0.5, 3], [0.2, 3]], { constants: [0] }),
  gammaincc: binary(st.gammaincc, [[0.5, 3], [0.2, 3]], { constants: [0] }),
  gammaincinv: binary(st.gammaincinv, [[0.5, 3], [0.1, 0.9]], { constants: [0] }),
  gammainccinv: binary(st.gammainccinv, [[0.5, 3], [0.1, 0.9]], { constants: [0] }),
  betainc: ternaryInX(st.betainc, [0.1, 0.9]),
  betaincc: ternaryInX(st.betaincc, [0.1, 0.9]),
  betaincinv: ternaryInX(st.betaincinv, [0.1, 0.9]),
};
