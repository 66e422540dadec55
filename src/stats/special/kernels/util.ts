/** Small numeric helpers shared by the special-function kernels. */

/** log(1 + t) - t, accurate for small t (via u = t/(2+t): log(1+t) = 2 atanh u). */
export function log1pmx(t: number): number {
  if (Math.abs(t) > 0.5) return Math.log1p(t) - t;
  const u = t / (2 + t);
  const u2 = u * u;
  // log(1+t) - t = -u·t + 2(u³/3 + u⁵/5 + …), since t - 2u = u·t exactly in real arithmetic
  let p = u * u2;
  let s = 0;
  for (let k = 3; Math.abs(p) > 1e-18 * Math.abs(s) || s === 0; k += 2) {
    s += p / k;
    p *= u2;
    if (p === 0) break;
  }
  return 2 * s - u * t;
}

/** A point strictly inside the bracket (lo, hi) when Newton leaves it; `x` is the last iterate. */
export function bisect(lo: number, hi: number, x: number): number {
  if (hi === Infinity) return Math.max(4 * x, 1);
  if (lo === 0) return hi / 16;
  return hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
}

/**
 * The root of an increasing function g on (lo, hi) by Newton's method,
 * safeguarded by the bracket that every evaluation narrows (a step leaving
 * it is replaced by a bisection). `evaluate(x)` returns [g(x), g'(x)]. The
 * inverses use g = log F(x) - log p, which is nearly linear in the tails,
 * so Newton converges in a few steps even when F spans hundreds of decades.
 */
export function newtonBracketed(evaluate: (x: number) => [number, number], x0: number, lo: number, hi: number): number {
  let x = x0;
  for (let iter = 0; iter < 400; iter++) {
    const [g, dg] = evaluate(x);
    if (g === 0) return x;
    if (g > 0) hi = x;
    else if (g < 0) lo = x;
    let next = x - g / dg;
    if (Math.abs(next - x) <= 2e-16 * Math.abs(x)) return next;
    if (!(next > lo && next < hi)) next = bisect(lo, hi, x);
    if (hi < Infinity && hi - lo <= 4e-16 * hi) return next;
    x = next;
  }
  return x;
}
