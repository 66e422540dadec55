/**
 * xlogy and xlog1py (SciPy's names): x·log(y) and x·log1p(y) with the
 * convention 0·log(0) = 0 that entropies and log-likelihoods need.
 * Primitives with their VJPs written in ops (JAX's rules, with the y-cotangent
 * also zero where x = 0 so that 0·log 0 terms never produce NaN gradients).
 */
import { divide, equal, log, log1p, multiply, add, where } from '../../ops';
import { realResult, specialBinary } from './define';

/**
 * x·log(y), 0 where x = 0 (unless y is NaN), as SciPy's xlogy.
 * Derivatives: log(y) in x, x/y in y (0 where x = 0).
 * @param x `(...)`, broadcasts with `y`.
 * @example xlogy(0, 0)  // 0
 * @example xlogy(2, 3)  // 2.197224577336219
 */
export const xlogy = specialBinary({
  name: 'xlogy',
  resultDType: realResult('xlogy'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi] = x === 0 && y === y ? 0 : x * Math.log(y);
    }
  },
  vjp: (g, _out, x, y) => {
    const zero = equal(x, 0);
    return [multiply(g, log(y)), multiply(g, divide(x, where(zero, 1, y)))];
  },
});

/**
 * x·log1p(y), 0 where x = 0 (unless y is NaN), as SciPy's xlog1py.
 * Derivatives: log1p(y) in x, x/(1+y) in y (0 where x = 0).
 * @example xlog1py(3, -0.5)  // -2.0794415416798357
 */
export const xlog1py = specialBinary({
  name: 'xlog1py',
  resultDType: realResult('xlog1py'),
  real: (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const x = a[ai];
      const y = b[bi];
      o[oi] = x === 0 && y === y ? 0 : x * Math.log1p(y);
    }
  },
  vjp: (g, _out, x, y) => {
    const zero = equal(x, 0);
    return [multiply(g, log1p(y)), multiply(g, divide(x, where(zero, 1, add(y, 1))))];
  },
});
