/**
 * Circular functions and their inverses (complex versions through
 * complexMath.ts), the two-argument `arctan2` and `hypot`, and degree/radian
 * conversion. Real input outside an inverse's domain gives NaN, as NumPy
 * (without its RuntimeWarning).
 */
import { inexactOf, type BinaryLoop } from '../core';
import { complexLoop, defineBinary, defineUnary, realOnly } from './ufunc';
import { add, divide, multiply, subtract } from './binary';
import { negative, sqrt, square } from './unary';
import { sumTo } from './reduce';
import { cacosInto, casinInto, catanInto, ccosInto, csinInto, ctanInto } from './complexMath';

/**
 * Sine, radians.
 * @example np.sin([0, Math.PI / 2])  // [0. 1.]
 */
export const sin = defineUnary({
  name: 'sin',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.sin(a[ai]);
  },
  complex: complexLoop(csinInto),
  vjp: (g, _out, x) => multiply(g, cos(x)),
});

/**
 * Cosine, radians.
 * @example np.cos([0, Math.PI])  // [ 1. -1.]
 */
export const cos = defineUnary({
  name: 'cos',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.cos(a[ai]);
  },
  complex: complexLoop(ccosInto),
  vjp: (g, _out, x) => negative(multiply(g, sin(x))),
});

/**
 * Tangent, radians.
 * @example np.tan([0, Math.PI / 4])  // [0. 1.]
 */
export const tan = defineUnary({
  name: 'tan',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.tan(a[ai]);
  },
  complex: complexLoop(ctanInto),
  // d tan = 1 + tan²
  vjp: (g, out) => multiply(g, add(square(out), 1)),
});

/**
 * Inverse sine in [-π/2, π/2]; NaN outside [-1, 1] for real input.
 * @example np.arcsin([0, 1])  // [0.         1.57079633]
 */
export const arcsin = defineUnary({
  name: 'arcsin',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.asin(a[ai]);
  },
  complex: complexLoop(casinInto),
  vjp: (g, _out, x) => divide(g, sqrt(subtract(1, square(x)))),
});

/**
 * Inverse cosine in [0, π]; NaN outside [-1, 1] for real input.
 * @example np.arccos([1, 0])  // [0.         1.57079633]
 */
export const arccos = defineUnary({
  name: 'arccos',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.acos(a[ai]);
  },
  complex: complexLoop(cacosInto),
  vjp: (g, _out, x) => negative(divide(g, sqrt(subtract(1, square(x))))),
});

/**
 * Inverse tangent in (-π/2, π/2).
 * @example np.arctan([0, 1])  // [0.         0.78539816]
 */
export const arctan = defineUnary({
  name: 'arctan',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.atan(a[ai]);
  },
  complex: complexLoop(catanInto),
  vjp: (g, _out, x) => divide(g, add(square(x), 1)),
});

const atan2Loop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = Math.atan2(a[ai], b[bi]);
};
const hypotLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = Math.hypot(a[ai], b[bi]);
};

/**
 * The angle of the point `(x2, x1)`: `arctan(x1/x2)` in the right quadrant,
 * in [-π, π], with IEEE's signed-zero conventions (NumPy's `np.arctan2(y, x)`).
 * @throws {DTypeError} for complex input. {@link ShapeError} when the shapes do not broadcast.
 * @example np.arctan2([1, -1], [-1, -1])  // [ 2.35619449 -2.35619449]
 */
export const arctan2 = defineBinary(
  {
    name: 'arctan2',
    resultDType: realOnly('arctan2', inexactOf),
    real: atan2Loop,
    // ∂/∂y = x/(x²+y²), ∂/∂x = -y/(x²+y²)
    vjp: (g, _out, y, x) => {
      const r2 = add(square(x), square(y));
      return [multiply(g, divide(x, r2)), negative(multiply(g, divide(y, r2)))];
    },
  },
  (g, s) => sumTo(g, s),
);

/**
 * `sqrt(x1² + x2²)` without intermediate overflow.
 * @throws {DTypeError} for complex input. {@link ShapeError} when the shapes do not broadcast.
 * @example np.hypot(3, [4, 0])  // [5. 3.]
 */
export const hypot = defineBinary(
  {
    name: 'hypot',
    resultDType: realOnly('hypot', inexactOf),
    real: hypotLoop,
    vjp: (g, out, a, b) => [multiply(g, divide(a, out)), multiply(g, divide(b, out))],
  },
  (g, s) => sumTo(g, s),
);

const DEG2RAD = Math.PI / 180;
const RAD2DEG = 180 / Math.PI;
// NumPy's float32 loops multiply by the constants computed in float32 (NPY_PIf/180.0f, 180.0f/NPY_PIf).
const DEG2RAD_F32 = Math.fround(Math.fround(Math.PI) / 180);
const RAD2DEG_F32 = Math.fround(180 / Math.fround(Math.PI));

/**
 * Degrees to radians: `x * (π/180)`, as NumPy computes it.
 * @throws {DTypeError} for complex input.
 * @example np.deg2rad([180, 90])  // [3.14159265 1.57079633]
 */
export const deg2rad = defineUnary({
  name: 'deg2rad',
  resultDType: realOnly('deg2rad', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * DEG2RAD;
  },
  float32: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * DEG2RAD_F32;
  },
  vjp: (g) => multiply(g, DEG2RAD),
});

/**
 * Radians to degrees: `x * (180/π)`.
 * @throws {DTypeError} for complex input.
 * @example np.rad2deg([Math.PI])  // [180.]
 */
export const rad2deg = defineUnary({
  name: 'rad2deg',
  resultDType: realOnly('rad2deg', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * RAD2DEG;
  },
  float32: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * RAD2DEG_F32;
  },
  vjp: (g) => multiply(g, RAD2DEG),
});

/** NumPy's `np.radians`, the same as {@link deg2rad}. @example np.radians([90])  // [1.57079633] */
export const radians = deg2rad;
/** NumPy's `np.degrees`, the same as {@link rad2deg}. @example np.degrees([Math.PI / 2])  // [90.] */
export const degrees = rad2deg;
