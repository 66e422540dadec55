/**
 * Binary arithmetic ufuncs with broadcasting: add, subtract, multiply, divide
 * and power. One table row per op (real and complex inner loops, result
 * dtype, derivative); the wrapper un-broadcasts each cotangent back to its
 * operand's shape (sum over broadcast axes). The real loops live in
 * arithLoops.ts; the complex ones follow NumPy's (numpy/_core/src/umath/loops.c.src).
 */
import { DTypeError, inexactOf, ValueError, type BinaryLoop, type DType } from '../core';
import { defineBinary } from './ufunc';
import { sumTo } from './reduce';
import { equal } from './compare';
import { negative } from './unary';
import { log } from './exponential';
import { where } from './where';
import { addLoop, divideLoop, multiplyLoop, subtractLoop } from './arithLoops';
import { cdivInto } from './complexMath';

const same = (d: DType): DType => d;

const orLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const andLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const cAdd: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    o[2 * oi] = a[2 * ai] + b[2 * bi];
    o[2 * oi + 1] = a[2 * ai + 1] + b[2 * bi + 1];
  }
};
const cSub: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    o[2 * oi] = a[2 * ai] - b[2 * bi];
    o[2 * oi + 1] = a[2 * ai + 1] - b[2 * bi + 1];
  }
};
const cMul: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const ar = a[2 * ai], aim = a[2 * ai + 1], br = b[2 * bi], bim = b[2 * bi + 1];
    o[2 * oi] = ar * br - aim * bim;
    o[2 * oi + 1] = ar * bim + aim * br;
  }
};

const cDiv: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) cdivInto(o, 2 * oi, a[2 * ai], a[2 * ai + 1], b[2 * bi], b[2 * bi + 1]);
};

const boolNotSupported = (name: string, hint: string) => (d: DType): DType => {
  if (d === 'bool') throw new DTypeError(`numpy boolean ${name}, the \`${hint}\` operator, is not supported, use the bitwise_xor, the \`^\` operator, or the logical_xor function instead.`);
  return d;
};

/**
 * `a + b` elementwise with broadcasting (NumPy's `np.add`); for two bool
 * arrays it is logical or, as in NumPy.
 * @param a, b `(...)` operands; JS numbers are weak scalars (they do not widen an array's dtype).
 * @param opts `out` (written and returned; same-kind casting) and `dtype` (compute in this dtype).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.add(np.array([[1, 2], [3, 4]]), [10, 20])  // [[11 22] [13 24]]
 */
export const add = defineBinary(
  { name: 'add', resultDType: same, real: addLoop, bool: orLoop, complex: cAdd, vjp: (g) => [g, g] },
  (g, s) => sumTo(g, s),
);

/**
 * `a - b` elementwise with broadcasting.
 * @throws {DTypeError} for two bool arrays, as NumPy. {@link ShapeError} when the shapes do not broadcast.
 * @example np.subtract([5, 7], 2)  // [3 5]
 */
export const subtract = defineBinary(
  {
    name: 'subtract',
    resultDType: boolNotSupported('subtract', '-'),
    real: subtractLoop,
    complex: cSub,
    vjp: (g, _out, _a, _b, wanted) => [g, wanted?.[1] === false ? null : negative(g)],
  },
  (g, s) => sumTo(g, s),
);

/**
 * `a * b` elementwise with broadcasting (logical and for two bool arrays).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.multiply([1, 2, 3], 2)  // [2 4 6]
 */
export const multiply = defineBinary(
  {
    name: 'multiply',
    resultDType: same,
    real: multiplyLoop,
    bool: andLoop,
    complex: cMul,
    vjp: (g, _out, a, b, wanted) => [wanted?.[0] === false ? null : multiply(g, b), wanted?.[1] === false ? null : multiply(g, a)],
  },
  (g, s) => sumTo(g, s),
);

/**
 * True division `a / b` (NumPy's `np.divide`): integer inputs give float64;
 * division by zero gives ±inf or nan, as NumPy (without its warning).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.divide([1, 2], 4)  // [0.25 0.5 ]
 */
export const divide = defineBinary(
  {
    name: 'divide',
    resultDType: inexactOf,
    real: divideLoop,
    complex: cDiv,
    // d(a/b) = da/b - a db/b² = da/b - out db/b
    vjp: (g, out, _a, b, wanted) => {
      const gb = divide(g, b);
      return [gb, wanted?.[1] === false ? null : negative(multiply(gb, out))];
    },
  },
  (g, s) => sumTo(g, s),
);

/** C's pow, which differs from Math.pow in that 1^y = 1 for every y (NaN too) and (-1)^±inf = 1. */
const powLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = y === 2 ? x * x : x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : Math.pow(x, y);
  }
};
const intPowLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    if (b[bi] < 0) throw new ValueError('Integers to negative integer powers are not allowed.');
    o[oi] = Math.pow(a[ai], b[bi]);
  }
};

/**
 * NumPy's `npy_cpow` (npy_math_complex.c.src): z^0 = 1, 0^w = 0 for Re w > 0
 * (else nan), exact products for integer exponents |n| < 100 (repeated squaring,
 * then a reciprocal for n < 0), otherwise cexp(w·clog(z)) as C's cpow.
 */
const cPow: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const ar = a[2 * ai], aim = a[2 * ai + 1], br = b[2 * bi], bim = b[2 * bi + 1];
    const k = 2 * oi;
    let rr: number, ri: number;
    if (br === 0 && bim === 0) {
      rr = 1;
      ri = 0;
    } else if (ar === 0 && aim === 0) {
      const zero = br > 0; // NumPy 2: 0^w = 0 when Re w > 0, else nan
      rr = zero ? 0 : NaN;
      ri = zero ? 0 : NaN;
    } else if (bim === 0 && Number.isInteger(br) && br > -100 && br < 100) {
      if (br === 1) {
        rr = ar;
        ri = aim;
      } else if (br === 2) {
        rr = ar * ar - aim * aim;
        ri = ar * aim + aim * ar;
      } else if (br === 3) {
        const sr = ar * ar - aim * aim, si = ar * aim + aim * ar;
        rr = ar * sr - aim * si;
        ri = ar * si + aim * sr;
      } else {
        const m = Math.abs(br);
        let pr = ar, pi = aim;
        rr = 1;
        ri = 0;
        for (let mask = 1; ; mask <<= 1) {
          if (m & mask) [rr, ri] = [rr * pr - ri * pi, rr * pi + ri * pr];
          if (m < mask << 1) break;
          [pr, pi] = [pr * pr - pi * pi, pr * pi + pi * pr];
        }
        if (br < 0) {
          cdivInto(o, k, 1, 0, rr, ri);
          continue;
        }
      }
    } else {
      const lr = Math.log(Math.hypot(ar, aim)), li = Math.atan2(aim, ar);
      const er = br * lr - bim * li, ei = br * li + bim * lr;
      const mag = Math.exp(er);
      rr = mag * Math.cos(ei);
      ri = mag * Math.sin(ei);
    }
    o[k] = rr;
    o[k + 1] = ri;
  }
};

/**
 * `a ** b` elementwise with broadcasting (NumPy's `np.power`).
 * @throws {ValueError} for integer arrays to negative integer powers, as NumPy.
 * @example np.power([1, 2, 3], 2)  // [1 4 9]
 */
export const power = defineBinary(
  {
    name: 'power',
    resultDType: (d) => (d === 'bool' ? 'int32' : d),
    real: powLoop,
    int: intPowLoop,
    complex: cPow,
    // d(a^b) = b a^(b-1) da + a^b log(a) db  (log taken as 0 where a = 0, where the term vanishes)
    vjp: (g, out, a, b, wanted) => [
      wanted?.[0] === false ? null : multiply(g, multiply(b, power(a, subtract(b, 1)))),
      wanted?.[1] === false ? null : multiply(g, multiply(out, log(where(equal(a, 0), 1, a)))),
    ],
  },
  (g, s) => sumTo(g, s),
);
