/**
 * Array primitives behind the gamma and beta distributions: their standard
 * log-densities (Temme's scaling, so that a = 1000 does not cancel two
 * numbers near 6000) and log-cdfs/log-sfs that stay finite where the
 * probability underflows. Each has its closed-form VJP written with ops.
 */
import { add, exp, log, log1p, multiply, negative, subtract, divide } from '../../ops';
import { digamma } from '../special/gammaFunctions';
import { realResult, specialBinary, specialTernary } from '../special/define';
import { logGammaincPair, logGammaPrefactor } from '../special/kernels/incgamma';
import { lgamma } from '../special/kernels/gamma';
import { logBetaincPair, logBetaPrefactor } from '../special/kernels/beta';

/** log of the standard gamma density z^(a-1) e^(-z)/Γ(a); ±∞ at z = 0 as the density, -∞ below 0. */
export function gammaLogpdfScalar(a: number, z: number): number {
  if (a !== a || z !== z) return NaN;
  if (z < 0 || z === Infinity) return -Infinity;
  if (z === 0) return a < 1 ? Infinity : a === 1 ? 0 : -Infinity;
  // small a: the direct sum, which keeps -z exact for a = 1; large a: Temme's scaled form
  if (a < 10) return (a === 1 ? 0 : (a - 1) * Math.log(z)) - z - lgamma(a);
  return logGammaPrefactor(a, z) - Math.log(z);
}

/** log of the standard beta density on [0, 1]; the density's limits at the ends, -∞ outside. */
export function betaLogpdfScalar(a: number, b: number, z: number): number {
  if (a !== a || b !== b || z !== z) return NaN;
  if (z < 0 || z > 1) return -Infinity;
  if (z === 0) return a < 1 ? Infinity : a === 1 ? Math.log(b) : -Infinity;
  if (z === 1) return b < 1 ? Infinity : b === 1 ? Math.log(a) : -Infinity;
  return logBetaPrefactor(a, b, z, 1 - z) - Math.log(z) - Math.log1p(-z);
}

/** log f(z; a) of the standard gamma distribution. ∂/∂a = log z - ψ(a), ∂/∂z = (a-1)/z - 1. */
export const gammaLogpdf = specialBinary({
  name: 'gamma_logpdf',
  resultDType: realResult('gamma_logpdf'),
  real: (n, o, oi, os, a, ai, as, z, zi, zs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, zi += zs) o[oi] = gammaLogpdfScalar(a[ai], z[zi]);
  },
  vjp: (g, _out, a, z) => [multiply(g, subtract(log(z), digamma(a))), multiply(g, subtract(divide(subtract(a, 1), z), 1))],
});

/**
 * log f(z; a, b) of the standard beta distribution.
 * ∂/∂a = log z - ψ(a) + ψ(a+b), ∂/∂b = log(1-z) - ψ(b) + ψ(a+b), ∂/∂z = (a-1)/z - (b-1)/(1-z).
 */
export const betaLogpdf = specialTernary(
  'beta_logpdf',
  (n, o, oi, os, a, ai, as, b, bi, bs, z, zi, zs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, zi += zs) o[oi] = betaLogpdfScalar(a[ai], b[bi], z[zi]);
  },
  (g, _out, a, b, z) => {
    const dab = digamma(add(a, b));
    return [
      multiply(g, add(subtract(log(z), digamma(a)), dab)),
      multiply(g, add(subtract(log1p(negative(z)), digamma(b)), dab)),
      multiply(g, subtract(divide(subtract(a, 1), z), divide(subtract(b, 1), subtract(1, z)))),
    ];
  },
);

/** log P(a, x), finite in the far lower tail. d/dx = f(x)/P. */
export const gammaincLogP = specialBinary({
  name: 'gammainc_log',
  resultDType: realResult('gammainc_log'),
  real: (n, o, oi, os, a, ai, as, x, xi, xs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, xi += xs) o[oi] = logGammaincPair(a[ai], x[xi])[0];
  },
  vjp: (g, out, a, x) => [null, multiply(g, exp(subtract(gammaLogpdf(a, x), out)))],
}, { args: [0], what: 'the shape a' });

/** log Q(a, x), finite in the far upper tail. d/dx = -f(x)/Q. */
export const gammaincLogQ = specialBinary({
  name: 'gammaincc_log',
  resultDType: realResult('gammaincc_log'),
  real: (n, o, oi, os, a, ai, as, x, xi, xs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, xi += xs) o[oi] = logGammaincPair(a[ai], x[xi])[1];
  },
  vjp: (g, out, a, x) => [null, negative(multiply(g, exp(subtract(gammaLogpdf(a, x), out))))],
}, { args: [0], what: 'the shape a' });

/** log I_x(a, b), finite in the far lower tail. d/dx = f(x)/I. */
export const betaincLogI = specialTernary(
  'betainc_log',
  (n, o, oi, os, a, ai, as, b, bi, bs, x, xi, xs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, xi += xs) o[oi] = logBetaincPair(a[ai], b[bi], x[xi])[0];
  },
  (g, out, a, b, x) => [null, null, multiply(g, exp(subtract(betaLogpdf(a, b, x), out)))],
  { args: [0, 1], what: 'the shapes a and b' },
);

/** log(1 - I_x(a, b)), finite in the far upper tail. d/dx = -f(x)/(1 - I). */
export const betaincLogIc = specialTernary(
  'betaincc_log',
  (n, o, oi, os, a, ai, as, b, bi, bs, x, xi, xs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs, xi += xs) o[oi] = logBetaincPair(a[ai], b[bi], x[xi])[1];
  },
  (g, out, a, b, x) => [null, null, negative(multiply(g, exp(subtract(betaLogpdf(a, b, x), out))))],
  { args: [0, 1], what: 'the shapes a and b' },
);
