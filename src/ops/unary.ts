/**
 * Unary math ufuncs: one table row per function, holding its inner loops
 * (real and, where defined, complex) and its derivative written with public
 * ops (so that second derivatives work).
 */
import { DTypeError, inexactOf, type DType, type UnaryLoop } from '../core';
import { defineUnary } from './ufunc';
import { add, divide, multiply, subtract } from './binary';

const same = (d: DType): DType => d;
const noBool = (name: string, hint: string) => (d: DType): DType => {
  if (d === 'bool') throw new DTypeError(`The numpy boolean ${name}, the \`${hint}\` operator, is not supported, use the \`~\` operator or the logical_not function instead.`);
  return d;
};
const realOnly = (name: string, rule: (d: DType) => DType) => (d: DType): DType => {
  if (d === 'complex128') throw new DTypeError(`ufunc '${name}' not supported for the input types (complex128)`);
  return rule(d);
};
const toBool = (): DType => 'bool';

// ---- sign and magnitude -------------------------------------------------------------------

export const negative = defineUnary({
  name: 'negative',
  resultDType: noBool('negative', '-'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = -a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      o[2 * oi] = -a[2 * ai];
      o[2 * oi + 1] = -a[2 * ai + 1];
    }
  },
  vjp: (g) => negative(g),
});

export const positive = defineUnary({
  name: 'positive',
  resultDType: noBool('positive', '+'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      o[2 * oi] = a[2 * ai];
      o[2 * oi + 1] = a[2 * ai + 1];
    }
  },
  vjp: (g) => g,
});

export const abs = defineUnary({
  name: 'absolute',
  resultDType: (d) => (d === 'complex128' ? 'float64' : d),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.abs(a[ai]);
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.hypot(a[2 * ai], a[2 * ai + 1]);
  },
  // d|x| = sign(x) dx (0 at 0, as JAX)
  vjp: (g, _out, x) => multiply(g, sign(x)),
});

export const sign = defineUnary({
  name: 'sign',
  resultDType: realOnly('sign', (d) => {
    if (d === 'bool') throw new DTypeError("ufunc 'sign' did not contain a loop with signature matching types (bool)");
    return d;
  }),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[ai];
      o[oi] = x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
    }
  },
  vjp: (g) => multiply(g, 0),
});

export const square = defineUnary({
  name: 'square',
  resultDType: same,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] * a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const r = a[2 * ai], m = a[2 * ai + 1];
      o[2 * oi] = r * r - m * m;
      o[2 * oi + 1] = 2 * r * m;
    }
  },
  vjp: (g, _out, x) => multiply(g, multiply(x, 2)),
});

export const sqrt = defineUnary({
  name: 'sqrt',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.sqrt(a[ai]);
  },
  // principal branch: sqrt(r e^{iθ}) = sqrt(r) e^{iθ/2}, computed stably (Kahan's csqrt)
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[2 * ai], y = a[2 * ai + 1];
      if (x === 0 && y === 0) {
        o[2 * oi] = 0;
        o[2 * oi + 1] = y;
        continue;
      }
      const t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) / 2);
      if (x >= 0) {
        o[2 * oi] = t;
        o[2 * oi + 1] = y / (2 * t);
      } else {
        o[2 * oi] = Math.abs(y) / (2 * t);
        o[2 * oi + 1] = y < 0 || Object.is(y, -0) ? -t : t;
      }
    }
  },
  vjp: (g, out) => divide(g, multiply(out, 2)),
});

// ---- exponentials and logarithms ----------------------------------------------------------

export const exp = defineUnary({
  name: 'exp',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.exp(a[ai]);
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const m = Math.exp(a[2 * ai]), y = a[2 * ai + 1];
      o[2 * oi] = y === 0 ? m : m * Math.cos(y);
      o[2 * oi + 1] = y === 0 ? y : m * Math.sin(y);
    }
  },
  vjp: (g, out) => multiply(g, out),
});

export const log = defineUnary({
  name: 'log',
  resultDType: inexactOf,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log(a[ai]);
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      const x = a[2 * ai], y = a[2 * ai + 1];
      o[2 * oi] = Math.log(Math.hypot(x, y));
      o[2 * oi + 1] = Math.atan2(y, x);
    }
  },
  vjp: (g, _out, x) => divide(g, x),
});

export const log2 = defineUnary({
  name: 'log2',
  resultDType: realOnly('log2', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log2(a[ai]);
  },
  vjp: (g, _out, x) => divide(g, multiply(x, Math.LN2)),
});

export const log10 = defineUnary({
  name: 'log10',
  resultDType: realOnly('log10', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log10(a[ai]);
  },
  vjp: (g, _out, x) => divide(g, multiply(x, Math.LN10)),
});

export const log1p = defineUnary({
  name: 'log1p',
  resultDType: realOnly('log1p', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.log1p(a[ai]);
  },
  vjp: (g, _out, x) => divide(g, add(x, 1)),
});

export const expm1 = defineUnary({
  name: 'expm1',
  resultDType: realOnly('expm1', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.expm1(a[ai]);
  },
  vjp: (g, out) => multiply(g, add(out, 1)),
});

// ---- trigonometric and hyperbolic ---------------------------------------------------------

export const sin = defineUnary({
  name: 'sin',
  resultDType: realOnly('sin', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.sin(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, cos(x)),
});

export const cos = defineUnary({
  name: 'cos',
  resultDType: realOnly('cos', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.cos(a[ai]);
  },
  vjp: (g, _out, x) => negative(multiply(g, sin(x))),
});

export const tanh = defineUnary({
  name: 'tanh',
  resultDType: realOnly('tanh', inexactOf),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.tanh(a[ai]);
  },
  // d tanh = 1 - tanh²
  vjp: (g, out) => multiply(g, subtract(1, multiply(out, out))),
});

// ---- rounding -----------------------------------------------------------------------------

export const floor = defineUnary({
  name: 'floor',
  resultDType: realOnly('floor', same),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.floor(a[ai]);
  },
  vjp: (g) => multiply(g, 0),
});

export const ceil = defineUnary({
  name: 'ceil',
  resultDType: realOnly('ceil', same),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.ceil(a[ai]);
  },
  vjp: (g) => multiply(g, 0),
});

// ---- classification (bool results, no derivative) -----------------------------------------

const isnanLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] !== a[ai] ? 1 : 0;
};
export const isnan = defineUnary({
  name: 'isnan',
  resultDType: toBool,
  real: isnanLoop,
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] !== a[2 * ai] || a[2 * ai + 1] !== a[2 * ai + 1] ? 1 : 0;
  },
  vjp: 'none',
});

export const isinf = defineUnary({
  name: 'isinf',
  resultDType: toBool,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] === Infinity || a[ai] === -Infinity ? 1 : 0;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.abs(a[2 * ai]) === Infinity || Math.abs(a[2 * ai + 1]) === Infinity ? 1 : 0;
  },
  vjp: 'none',
});

export const isfinite = defineUnary({
  name: 'isfinite',
  resultDType: toBool,
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Number.isFinite(a[ai]) ? 1 : 0;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Number.isFinite(a[2 * ai]) && Number.isFinite(a[2 * ai + 1]) ? 1 : 0;
  },
  vjp: 'none',
});
