/**
 * Gradient-check cases for the elementwise primitives (ufuncs): one row per
 * primitive, keyed by its export name. Domains keep the inputs where the
 * function is smooth (positive for log, away from kinks and jumps).
 */
import * as np from '../../../src/index';
import type { NDArray } from '../../../src/index';
import { vjp } from '../../../src/autodiff';
import type { GradCase } from '../harness';

type R = readonly [number, number];

/** Shapes for unary cases: a 0-d, a vector, a stacked matrix. */
const UNARY_SHAPES = [[[]], [[5]], [[2, 3, 2]]] as const;
/** Shapes for binary cases, with broadcasting (size-1 axes, missing leading axes, 0-d). */
const BINARY_SHAPES = [
  [[3, 4], [3, 4]],
  [[3, 1], [4]],
  [[], [2, 3]],
  [[2, 1, 3], [4, 1]],
] as const;

/** The distance of each element to the nearest point of `kinks(x)`, a grid of period `period` offset by `at`. */
function nearGrid(x: NDArray, period: number, at = 0, margin = 0.02): boolean {
  return x.toArray().some((v) => {
    const r = (((v - at) % period) + period) % period;
    return r < margin || period - r < margin;
  });
}

const unary = (f: (x: NDArray) => unknown, range: R = [-2, 2], extra: Partial<GradCase> = {}): GradCase => ({
  f: (x) => f(x),
  shapes: UNARY_SHAPES,
  range,
  ...extra,
});

const binary = (f: (a: NDArray, b: NDArray) => unknown, range: R | readonly R[] = [-2, 2], extra: Partial<GradCase> = {}): GradCase => ({
  f: (a, b) => f(a, b),
  shapes: BINARY_SHAPES,
  range,
  ...extra,
});

/** Broadcast-aware pairwise test of `a` against `b`. */
function pairs(a: NDArray, b: NDArray, bad: (x: number, y: number) => boolean): boolean {
  const [x, y] = [np.broadcastTo(a, np.broadcastShapes(a.shape, b.shape)), np.broadcastTo(b, np.broadcastShapes(a.shape, b.shape))];
  const xs = x.toArray();
  const ys = y.toArray();
  return xs.some((v, i) => bad(v, ys[i]));
}

const nearQuotientJump = (a: NDArray, b: NDArray) =>
  pairs(a, b, (x, y) => {
    const q = x / y;
    return Math.abs(q - Math.round(q)) < 0.02 || Math.abs(y) < 0.3;
  });

export const ELEMENTWISE_CASES: Record<string, GradCase> = {
  // ---- arithmetic ----
  add: binary(np.add),
  subtract: binary(np.subtract),
  multiply: binary(np.multiply),
  divide: binary(np.divide, [[-2, 2], [0.5, 2]]),
  power: binary(np.power, [[0.5, 2], [-2, 2]]),
  floorDivide: binary(np.floorDivide, [[-3, 3], [0.5, 2]], { avoid: nearQuotientJump }),
  mod: binary(np.mod, [[-3, 3], [0.5, 2]], { avoid: nearQuotientJump }),
  fmod: binary(np.fmod, [[-3, 3], [0.5, 2]], { avoid: nearQuotientJump }),
  maximum: binary(np.maximum, [-2, 2], { avoid: (a, b) => pairs(a, b, (x, y) => Math.abs(x - y) < 0.02) }),
  minimum: binary(np.minimum, [-2, 2], { avoid: (a, b) => pairs(a, b, (x, y) => Math.abs(x - y) < 0.02) }),
  fmax: binary(np.fmax, [-2, 2], { avoid: (a, b) => pairs(a, b, (x, y) => Math.abs(x - y) < 0.02) }),
  fmin: binary(np.fmin, [-2, 2], { avoid: (a, b) => pairs(a, b, (x, y) => Math.abs(x - y) < 0.02) }),
  arctan2: binary(np.arctan2, [[-2, 2], [0.5, 2]]),
  hypot: binary(np.hypot, [[0.5, 2], [-2, -0.5]]),

  // ---- sign and magnitude ----
  negative: unary(np.negative),
  positive: unary(np.positive),
  abs: unary(np.abs, [-2, 2], { avoid: (x) => nearGrid(x, 1e9, 0, 0.02) }),
  sign: unary(np.sign, [-2, 2], { avoid: (x) => nearGrid(x, 1e9, 0, 0.02) }),
  square: unary(np.square),
  sqrt: unary(np.sqrt, [0.5, 3]),
  cbrt: unary(np.cbrt, [0.5, 3]),
  reciprocal: unary(np.reciprocal, [0.5, 2]),

  // ---- exponentials and logarithms ----
  exp: unary(np.exp),
  exp2: unary(np.exp2),
  expm1: unary(np.expm1),
  log: unary(np.log, [0.5, 3]),
  log2: unary(np.log2, [0.5, 3]),
  log10: unary(np.log10, [0.5, 3]),
  log1p: unary(np.log1p, [-0.5, 2]),

  // ---- trigonometric and hyperbolic ----
  sin: unary(np.sin),
  cos: unary(np.cos),
  tan: unary(np.tan, [-1.2, 1.2]),
  arcsin: unary(np.arcsin, [-0.8, 0.8]),
  arccos: unary(np.arccos, [-0.8, 0.8]),
  arctan: unary(np.arctan),
  sinh: unary(np.sinh),
  cosh: unary(np.cosh),
  tanh: unary(np.tanh),
  arcsinh: unary(np.arcsinh),
  arccosh: unary(np.arccosh, [1.2, 3]),
  arctanh: unary(np.arctanh, [-0.8, 0.8]),
  deg2rad: unary(np.deg2rad),
  rad2deg: unary(np.rad2deg),

  // ---- rounding: zero derivative away from the jumps ----
  floor: unary(np.floor, [-3, 3], { avoid: (x) => nearGrid(x, 1) }),
  ceil: unary(np.ceil, [-3, 3], { avoid: (x) => nearGrid(x, 1) }),
  trunc: unary(np.trunc, [-3, 3], { avoid: (x) => nearGrid(x, 1) }),
  fix: unary(np.fix, [-3, 3], { avoid: (x) => nearGrid(x, 1) }),
  rint: unary(np.rint, [-3, 3], { avoid: (x) => nearGrid(x, 1, 0.5) }),
  roundP: unary((x) => np.round(x, 1), [-3, 3], { avoid: (x) => nearGrid(x, 0.1, 0.05, 0.003) }),

  // ---- clipping ----
  clipP: {
    f: (x, lo, hi) => np.clip(x, lo, hi),
    shapes: [[[3, 4], [], []], [[2, 3], [3], [2, 1]]],
    range: [[-3, 3], [-1.5, -0.5], [0.5, 1.5]],
    avoid: (x, lo, hi) => pairs(x, lo, (a, b) => Math.abs(a - b) < 0.02) || pairs(x, hi, (a, b) => Math.abs(a - b) < 0.02),
  },
  nanToNumP: unary((x) => np.nanToNum(x)),

  // ---- complex parts ----
  conj: unary(np.conj, [-2, 2], { complex: true }),
  realP: unary((z) => np.real(z), [-2, 2], { complex: true }),
  imagP: unary((z) => [np.imag(z), np.multiply(np.imag(np.multiply(z, z)), 1)], [-2, 2], { complex: true }),
  toComplexP: {
    // the transpose of real: reached through the pullback of np.real, applied to a traced cotangent
    f: (g) => vjp((z: NDArray) => np.real(z), np.ones([2, 3]).astype('complex128'))[1](g)[0],
    shapes: [[[2, 3]]],
  },

  // ---- selection ----
  whereP: {
    f: (x, y) => np.where(np.greater(np.sin(np.multiply(np.arange(12).reshape(3, 4), 1.7)), 0), x, y),
    shapes: [[[3, 4], [3, 4]], [[3, 1], [4]], [[], [3, 4]]],
  },
};
