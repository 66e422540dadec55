/**
 * Complex elementary functions on one value, writing the result's real and
 * imaginary parts to `o[k]`, `o[k + 1]` (no allocation per element). The
 * complex ufunc loops call these.
 *
 * Sources: the inverse functions use Kahan's branch-cut-correct formulas
 * ("Branch Cuts for Complex Elementary Functions, or Much Ado About Nothing's
 * Sign Bit", 1987), built on the principal square root; `log` evaluates
 * log|z| through log1p(|z|² − 1) near the unit circle (with exact products) so
 * it stays accurate where |z| ≈ 1, as glibc's clog does; the forward functions
 * use the textbook identities with the overflow-safe forms C99 libraries use.
 * NumPy calls the C library for these, so agreement is to rounding (a few ulp),
 * not bit for bit.
 */
import type { TypedArray } from '../core';

type Out = TypedArray;

/** Exact product a*b = p + e (Dekker's two-product via Veltkamp splitting). */
function productError(a: number, b: number, p: number): number {
  const SPLIT = 134217729; // 2^27 + 1
  const ca = SPLIT * a, a1 = ca - (ca - a), a2 = a - a1;
  const cb = SPLIT * b, b1 = cb - (cb - b), b2 = b - b1;
  return a2 * b2 - (((p - a1 * b1) - a2 * b1) - a1 * b2);
}

/** x² + y² − 1 to nearly full precision when it is small (|z| ≈ 1). */
function x2y2m1(x: number, y: number): number {
  const xx = x * x, yy = y * y;
  const xe = productError(x, x, xx), ye = productError(y, y, yy);
  // xx - 1 is exact when xx is in [0.5, 2] (Sterbenz); sum the rest from small to large.
  return ((xe + ye) + yy) + (xx - 1);
}

/** log|x + iy|, accurate near the unit circle. */
export function logAbs(x: number, y: number): number {
  const h = Math.hypot(x, y);
  if (h > 0.7 && h < 1.4) return 0.5 * Math.log1p(x2y2m1(x, y));
  return Math.log(h);
}

/**
 * Complex division by Smith's algorithm with NumPy's exact arithmetic
 * (a reciprocal scale, then products), so results agree bit for bit;
 * division by 0 gives complex inf/nan as NumPy's.
 */
export function cdivInto(o: Out, k: number, ar: number, aim: number, br: number, bim: number): void {
  const brAbs = Math.abs(br), biAbs = Math.abs(bim);
  if (brAbs >= biAbs) {
    if (brAbs === 0 && biAbs === 0) {
      o[k] = ar / brAbs;
      o[k + 1] = aim / brAbs;
    } else {
      const rat = bim / br, scl = 1 / (br + bim * rat);
      o[k] = (ar + aim * rat) * scl;
      o[k + 1] = (aim - ar * rat) * scl;
    }
  } else {
    const rat = br / bim, scl = 1 / (bim + br * rat);
    o[k] = (ar * rat + aim) * scl;
    o[k + 1] = (aim * rat - ar) * scl;
  }
}
/** e^z. */
export function cexpInto(o: Out, k: number, x: number, y: number): void {
  if (y === 0) {
    o[k] = Math.exp(x);
    o[k + 1] = y;
    return;
  }
  if (x === -Infinity && !Number.isFinite(y)) {
    o[k] = 0;
    o[k + 1] = 0;
    return;
  }
  const m = Math.exp(x);
  o[k] = m * Math.cos(y);
  o[k + 1] = m * Math.sin(y);
}

/** Principal logarithm: log|z| + i arg z. */
export function clogInto(o: Out, k: number, x: number, y: number): void {
  o[k] = logAbs(x, y);
  o[k + 1] = Math.atan2(y, x);
}

/** Principal square root (Kahan's algorithm, signed zeros kept: √(−4 − 0i) = 0 − 2i). */
export function csqrtInto(o: Out, k: number, x: number, y: number): void {
  if (y === Infinity || y === -Infinity) {
    o[k] = Infinity;
    o[k + 1] = y;
    return;
  }
  if (x === -Infinity) {
    o[k] = y !== y ? NaN : 0;
    o[k + 1] = y !== y ? Infinity : y < 0 || Object.is(y, -0) ? -Infinity : Infinity;
    return;
  }
  if (x === Infinity) {
    o[k] = Infinity;
    o[k + 1] = y !== y ? NaN : y < 0 || Object.is(y, -0) ? -0 : 0;
    return;
  }
  if (x === 0 && y === 0) {
    o[k] = 0;
    o[k + 1] = y;
    return;
  }
  const t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) / 2);
  if (x >= 0) {
    o[k] = t;
    o[k + 1] = y / (2 * t);
  } else {
    o[k] = Math.abs(y) / (2 * t);
    o[k + 1] = y < 0 || Object.is(y, -0) ? -t : t;
  }
}

/** sin z = sin x cosh y + i cos x sinh y. */
export function csinInto(o: Out, k: number, x: number, y: number): void {
  o[k] = Math.sin(x) * Math.cosh(y);
  o[k + 1] = Math.cos(x) * Math.sinh(y);
}

/** cos z = cos x cosh y − i sin x sinh y. */
export function ccosInto(o: Out, k: number, x: number, y: number): void {
  o[k] = Math.cos(x) * Math.cosh(y);
  o[k + 1] = -(Math.sin(x) * Math.sinh(y));
}

/**
 * tan z = (sin x cos x + i sinh y cosh y) / (cos² x + sinh² y) (glibc's
 * form, accurate near the poles); for |y| > 20 the imaginary part is ±1 to
 * double precision and the real part 4 sin x cos x e^{−2|y|}.
 */
export function ctanInto(o: Out, k: number, x: number, y: number): void {
  const s = Math.sin(x), c = Math.cos(x);
  if (Math.abs(y) > 20) {
    o[k] = 4 * s * c * Math.exp(-2 * Math.abs(y));
    o[k + 1] = y > 0 ? 1 : -1;
    return;
  }
  const sh = Math.sinh(y), ch = Math.cosh(y);
  const den = c * c + sh * sh;
  o[k] = (s * c) / den;
  o[k + 1] = (sh * ch) / den;
}

/** sinh z = sinh x cos y + i cosh x sin y. */
export function csinhInto(o: Out, k: number, x: number, y: number): void {
  o[k] = Math.sinh(x) * Math.cos(y);
  o[k + 1] = Math.cosh(x) * Math.sin(y);
}

/** cosh z = cosh x cos y + i sinh x sin y. */
export function ccoshInto(o: Out, k: number, x: number, y: number): void {
  o[k] = Math.cosh(x) * Math.cos(y);
  o[k + 1] = Math.sinh(x) * Math.sin(y);
}

/** tanh z = −i tan(iz). */
export function ctanhInto(o: Out, k: number, x: number, y: number): void {
  ctanInto(o, k, -y, x); // tan(iz) with iz = −y + ix
  const re = o[k], im = o[k + 1];
  o[k] = im;
  o[k + 1] = -re;
}

// Scratch for the square roots the inverse functions combine.
const S = new Float64Array(6);

/** arcsin z = atan2(x, Re(√(1−z)√(1+z))) + i asinh(Im(conj(√(1−z)) √(1+z))) (Kahan). */
export function casinInto(o: Out, k: number, x: number, y: number): void {
  csqrtInto(S, 0, 1 - x, -y); // √(1−z) = c + id
  csqrtInto(S, 2, 1 + x, y); // √(1+z) = a + ib
  const c = S[0], d = S[1], a = S[2], b = S[3];
  o[k] = Math.atan2(x, c * a - d * b);
  o[k + 1] = Math.asinh(c * b - d * a);
}

/** arccos z = 2 atan2(Re √(1−z), Re √(1+z)) + i asinh(Im(conj(√(1+z)) √(1−z))) (Kahan). */
export function cacosInto(o: Out, k: number, x: number, y: number): void {
  csqrtInto(S, 0, 1 - x, -y); // √(1−z) = c + id
  csqrtInto(S, 2, 1 + x, y); // √(1+z) = a + ib
  const c = S[0], d = S[1], a = S[2], b = S[3];
  o[k] = 2 * Math.atan2(c, a);
  o[k + 1] = Math.asinh(a * d - b * c);
}

/** arcsinh z = −i arcsin(iz). */
export function casinhInto(o: Out, k: number, x: number, y: number): void {
  casinInto(o, k, -y, x);
  const re = o[k], im = o[k + 1];
  o[k] = im;
  o[k + 1] = -re;
}

/** arccosh z = asinh(Re(conj(√(z−1)) √(z+1))) + 2i atan2(Im √(z−1), Re √(z+1)) (Kahan). */
export function cacoshInto(o: Out, k: number, x: number, y: number): void {
  csqrtInto(S, 0, x - 1, y); // √(z−1) = e + if
  csqrtInto(S, 2, x + 1, y); // √(z+1) = a + ib
  const e = S[0], f = S[1], a = S[2], b = S[3];
  o[k] = Math.asinh(e * a + f * b);
  o[k + 1] = 2 * Math.atan2(f, a);
}

/**
 * arctanh z = ¼ log1p(4x / ((1−x)² + y²)) + ½ i atan2(2y, (1−x)(1+x) − y²),
 * the real part in Kahan's cancellation-free form.
 */
export function catanhInto(o: Out, k: number, x: number, y: number): void {
  const oneMinus = 1 - x;
  o[k] = 0.25 * Math.log1p((4 * x) / (oneMinus * oneMinus + y * y));
  o[k + 1] = 0.5 * Math.atan2(2 * y, oneMinus * (1 + x) - y * y);
}

/** arctan z = −i arctanh(iz). */
export function catanInto(o: Out, k: number, x: number, y: number): void {
  catanhInto(o, k, -y, x);
  const re = o[k], im = o[k + 1];
  o[k] = im;
  o[k + 1] = -re;
}
