/**
 * The logistic sigmoid and its relatives (SciPy's expit, logit, log_expit)
 * as primitives: one fused loop each, derivatives written with ops.
 */
import { divide, multiply, negative, subtract } from '../../ops';
import { realResult, specialUnary } from './define';

/** σ(x) = 1/(1 + e^(-x)), evaluated on the side where e^(-|x|) cannot overflow. */
export function expitScalar(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(p/(1-p)); near p = 1/2 as log1p(s) - log1p(-s), s = 2p - 1, which is exact (SciPy's scheme). */
export function logitScalar(p: number): number {
  if (p < 0.3 || p > 0.65) return Math.log(p / (1 - p));
  const s = 2 * p - 1;
  return Math.log1p(s) - Math.log1p(-s);
}

/** log σ(x) without overflow or underflow: -log1p(e^(-x)) for x ≥ 0, x - log1p(e^x) below. */
export function logExpitScalar(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/**
 * The logistic sigmoid expit(x) = 1/(1 + e^(-x)) (SciPy's expit), never
 * overflowing. Derivative σ(x)(1 - σ(x)).
 * @param x `(...)` real input; a number gives a number.
 * @example expit(0)  // 0.5
 * @example expit(-800)  // 0 (and expit(800) = 1), no overflow warning
 */
export const expit = specialUnary({
  name: 'expit',
  resultDType: realResult('expit'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = expitScalar(a[ai]);
  },
  vjp: (g, out) => multiply(g, multiply(out, subtract(1, out))),
});

/**
 * The logit (log-odds) log(p/(1-p)), the inverse of expit: ±∞ at 1 and 0, NaN
 * outside [0, 1]. Derivative 1/(p(1-p)).
 * @example logit(0.75)  // 1.0986122886681096
 */
export const logit = specialUnary({
  name: 'logit',
  resultDType: realResult('logit'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = logitScalar(a[ai]);
  },
  vjp: (g, _out, p) => divide(g, multiply(p, subtract(1, p))),
});

/**
 * log σ(x) = -log(1 + e^(-x)) (SciPy's log_expit), accurate for large |x|
 * (logExpit(-800) = -800). Derivative σ(-x).
 * @example logExpit(-800)  // -800
 */
export const logExpit = specialUnary({
  name: 'log_expit',
  resultDType: realResult('log_expit'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = logExpitScalar(a[ai]);
  },
  vjp: (g, _out, x) => multiply(g, expit(negative(x))),
});
