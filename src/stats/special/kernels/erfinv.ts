/**
 * Scalar kernels of the inverse error functions and the normal quantile:
 * erfinv, erfcinv, ndtri.
 *
 * Both branches are Chebyshev series generated at 50 digits (`tables.ts`):
 * erfinv(y)/y as a function of y² for |y| ≤ 1/2, and erfcinv(q) as a
 * function of w = √(-log q) on four intervals covering q ∈ [5e-324, 1/2]
 * (the variable of Blair, Edwards & Johnson 1976, "Rational Chebyshev
 * approximations for the inverse of the error function", and of Boost's
 * erf_inv). Arguments are always passed in a form that is exact: 1 - y for
 * y ≥ 1/2 and 2 - q for q ≥ 1 are exact by Sterbenz's lemma, so the tails
 * keep full relative accuracy.
 */
import { clenshaw, ERFCINV_W1, ERFCINV_W2, ERFCINV_W3, ERFCINV_W4, ERFINV_SMALL, W_HALF } from './tables';

/** erfcinv(q) for 0 < q ≤ 1/2, from w = √(-log q). */
function erfcinvTail(q: number): number {
  const w = Math.sqrt(-Math.log(q));
  if (w <= 2) return clenshaw(ERFCINV_W1, (2 * w - W_HALF - 2) / (2 - W_HALF));
  if (w <= 4) return clenshaw(ERFCINV_W2, w - 3);
  if (w <= 8) return clenshaw(ERFCINV_W3, 0.5 * w - 3);
  return clenshaw(ERFCINV_W4, (2 * w - 35.3) / 19.3);
}

/** erfinv(y) for |y| ≤ 1/2. */
function erfinvCentral(y: number): number {
  return y * clenshaw(ERFINV_SMALL, 8 * y * y - 1);
}

/** The inverse of erf on (-1, 1); ±∞ at ±1, NaN outside [-1, 1]. */
export function erfinv(y: number): number {
  if (!(y >= -1 && y <= 1)) return NaN;
  if (y === 0) return y; // keeps the sign of zero
  if (Math.abs(y) <= 0.5) return erfinvCentral(y);
  if (y === 1) return Infinity;
  if (y === -1) return -Infinity;
  return y > 0 ? erfcinvTail(1 - y) : -erfcinvTail(1 + y);
}

/** The inverse of erfc on (0, 2); +∞ at 0, -∞ at 2, NaN outside [0, 2]. */
export function erfcinv(q: number): number {
  if (!(q >= 0 && q <= 2)) return NaN;
  if (q === 0) return Infinity;
  if (q === 2) return -Infinity;
  if (q <= 0.5) return erfcinvTail(q);
  if (q <= 1.5) return erfinvCentral(1 - q);
  return -erfcinvTail(2 - q);
}

/**
 * The standard normal quantile Φ⁻¹(p) = -√2 erfcinv(2p), arranged so that
 * each branch sees an exact argument: 2p - 1 on [1/4, 3/4], 2p below,
 * 2(1 - p) above.
 */
export function ndtri(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p >= 0.25 && p <= 0.75) return Math.SQRT2 * erfinvCentral(2 * p - 1);
  if (p < 0.25) return -Math.SQRT2 * erfcinvTail(2 * p);
  return Math.SQRT2 * erfcinvTail(2 * (1 - p));
}
