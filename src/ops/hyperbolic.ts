/**
 * Hyperbolic functions and their inverses, real and complex (complex kernels
 * in complexMath.ts). Real input outside arccosh's or arctanh's domain gives
 * NaN, and arctanh(±1) gives ±inf, as NumPy.
 */
import { inexactOf } from '../core';
import { complexLoop, defineUnary } from './ufunc';
import { add, divide, multiply, subtract } from './binary';
import { sqrt, square } from './unary';
import { cacoshInto, casinhInto, catanhInto, ccoshInto, csinhInto, ctanhInto } from './complexMath';

/**
 * Hyperbolic sine.
 * @example np.sinh([0, 1])  // [0.         1.17520119]
 */
export const sinh = defineUnary({
  name: 'sinh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.sinh(a[ai]);
  },
  complex: complexLoop(csinhInto),
  vjp: (g, _out, x) => multiply(g, cosh(x)),
});

/**
 * Hyperbolic cosine.
 * @example np.cosh([0, 1])  // [1.         1.54308063]
 */
export const cosh = defineUnary({
  name: 'cosh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.cosh(a[ai]);
  },
  complex: complexLoop(ccoshInto),
  vjp: (g, _out, x) => multiply(g, sinh(x)),
});

/**
 * Hyperbolic tangent.
 * @example np.tanh([0, 1])  // [0.         0.76159416]
 */
export const tanh = defineUnary({
  name: 'tanh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.tanh(a[ai]);
  },
  complex: complexLoop(ctanhInto),
  // d tanh = 1 - tanh²
  vjp: (g, out) => multiply(g, subtract(1, multiply(out, out))),
});

/**
 * Inverse hyperbolic sine.
 * @example np.arcsinh([0, 1])  // [0.         0.88137359]
 */
export const arcsinh = defineUnary({
  name: 'arcsinh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.asinh(a[ai]);
  },
  complex: complexLoop(casinhInto),
  vjp: (g, _out, x) => divide(g, sqrt(add(square(x), 1))),
});

/**
 * Inverse hyperbolic cosine, ≥ 0; NaN below 1 for real input.
 * @example np.arccosh([1, 2])  // [0.         1.3169579 ]
 */
export const arccosh = defineUnary({
  name: 'arccosh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.acosh(a[ai]);
  },
  complex: complexLoop(cacoshInto),
  vjp: (g, _out, x) => divide(g, multiply(sqrt(subtract(x, 1)), sqrt(add(x, 1)))),
});

/**
 * Inverse hyperbolic tangent; ±inf at ±1, NaN outside [-1, 1] for real input.
 * @example np.arctanh([0, 0.5])  // [0.         0.54930614]
 */
export const arctanh = defineUnary({
  name: 'arctanh',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.atanh(a[ai]);
  },
  complex: complexLoop(catanhInto),
  vjp: (g, _out, x) => divide(g, subtract(1, square(x))),
});
