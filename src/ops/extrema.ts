/**
 * Elementwise extrema: `maximum`/`minimum` propagate NaN (either operand NaN
 * gives NaN), `fmax`/`fmin` ignore it (NaN only when both are NaN), as NumPy.
 * Complex operands compare lexicographically (real part, then imaginary), as
 * NumPy's complex loops do. Derivatives send the cotangent to the chosen
 * operand and split it evenly on ties (JAX's convention).
 */
import { type BinaryLoop, type DType, type NDArray } from '../core';
import { defineBinary } from './ufunc';
import { sumTo } from './reduce';
import { multiply } from './binary';
import { equal, greater, less, logicalOr } from './compare';
import { isnan } from './unary';
import { where } from './where';

// NumPy's loops (loops_minmax.dispatch.c.src): maximum keeps `a` only when a > b or a is NaN, so of two
// equal zeros it returns `b` (np.maximum(-0.0, 0.0) is 0.0, np.maximum(0.0, -0.0) is -0.0), as NumPy's SIMD loops do.
const maxLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x > y || x !== x ? x : y;
  }
};
const minLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x < y || x !== x ? x : y;
  }
};
// fmax keeps `a` when a > b or b is NaN.
const fmaxLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x > y || y !== y ? x : y;
  }
};
const fminLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x < y || y !== y ? x : y;
  }
};

/** NumPy's complex CGE/CLE (lexicographic, NaN-aware) in the maximum/minimum loops. */
function complexExtremum(isMax: boolean, ignoreNaN: boolean): BinaryLoop {
  return (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const xr = a[2 * ai], xi = a[2 * ai + 1], yr = b[2 * bi], yi = b[2 * bi + 1];
      const xNaN = xr !== xr || xi !== xi;
      const yNaN = yr !== yr || yi !== yi;
      const ordered = isMax
        ? (xr > yr && !xNaN && !yNaN) || (xr === yr && xi >= yi)
        : (xr < yr && !xNaN && !yNaN) || (xr === yr && xi <= yi);
      const keepA = ignoreNaN ? yNaN || (!xNaN && ordered) : xNaN || ordered;
      o[2 * oi] = keepA ? xr : yr;
      o[2 * oi + 1] = keepA ? xi : yi;
    }
  };
}

const same = (d: DType): DType => d;

/** The cotangents: the winner takes g; ties split it evenly (as JAX does). */
function selectVjp(g: NDArray, a: NDArray, b: NDArray, pickA: NDArray): [NDArray, NDArray] {
  const tie = equal(a, b);
  const half = multiply(g, 0.5);
  return [where(tie, half, where(pickA, g, 0)), where(tie, half, where(pickA, 0, g))];
}

/**
 * Elementwise maximum with broadcasting; NaN in either operand gives NaN
 * (use {@link fmax} to ignore NaN).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.maximum([1, 5, NaN], [4, 2, 0])  // [ 4.  5. nan]
 */
export const maximum = defineBinary(
  {
    name: 'maximum',
    resultDType: same,
    real: maxLoop,
    complex: complexExtremum(true, false),
    vjp: (g, _o, a, b) => selectVjp(g, a, b, logicalOr(greater(a, b), isnan(a))),
  },
  (g, s) => sumTo(g, s),
);

/**
 * Elementwise minimum with broadcasting; NaN in either operand gives NaN.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.minimum([1, 5], 3)  // [1 3]
 */
export const minimum = defineBinary(
  {
    name: 'minimum',
    resultDType: same,
    real: minLoop,
    complex: complexExtremum(false, false),
    vjp: (g, _o, a, b) => selectVjp(g, a, b, logicalOr(less(a, b), isnan(a))),
  },
  (g, s) => sumTo(g, s),
);

/**
 * Elementwise maximum ignoring NaN: NaN only where both operands are NaN.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.fmax([1, NaN, NaN], [NaN, 2, NaN])  // [ 1.  2. nan]
 */
export const fmax = defineBinary(
  {
    name: 'fmax',
    resultDType: same,
    real: fmaxLoop,
    complex: complexExtremum(true, true),
    vjp: (g, _o, a, b) => selectVjp(g, a, b, logicalOr(greater(a, b), isnan(b))),
  },
  (g, s) => sumTo(g, s),
);

/**
 * Elementwise minimum ignoring NaN: NaN only where both operands are NaN.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.fmin([1, NaN], [NaN, 2])  // [1. 2.]
 */
export const fmin = defineBinary(
  {
    name: 'fmin',
    resultDType: same,
    real: fminLoop,
    complex: complexExtremum(false, true),
    vjp: (g, _o, a, b) => selectVjp(g, a, b, logicalOr(less(a, b), isnan(b))),
  },
  (g, s) => sumTo(g, s),
);
