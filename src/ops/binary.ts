/**
 * Binary arithmetic ufuncs with broadcasting: one table row per op (real and
 * complex inner loops, result dtype, derivative). The wrapper un-broadcasts
 * each cotangent back to its operand's shape (sum over broadcast axes).
 */
import { DTypeError, inexactOf, ValueError, type BinaryLoop, type DType, type NDArray } from '../core';
import { defineBinary } from './ufunc';
import { sumTo } from './reduce';
import { equal, greater, less } from './compare';
import { log, negative } from './unary';
import { where } from './where';

const same = (d: DType): DType => d;

/** add(bool, bool) is logical or in NumPy; other dtypes add. */
const addLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1 && as === 1 && bs === 1) {
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] + b[bi + i];
  } else if (os === 1 && as === 1 && bs === 0) {
    const v = b[bi];
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] + v;
  } else {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] + b[bi];
  }
};
const orLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const andLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const subLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1 && as === 1 && bs === 1) {
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] - b[bi + i];
  } else if (os === 1 && as === 1 && bs === 0) {
    const v = b[bi];
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] - v;
  } else {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] - b[bi];
  }
};
const mulLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1 && as === 1 && bs === 1) {
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] * b[bi + i];
  } else if (os === 1 && as === 1 && bs === 0) {
    const v = b[bi];
    for (let i = 0; i < n; i++) o[oi + i] = a[ai + i] * v;
  } else {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] * b[bi];
  }
};
const divLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] / b[bi];
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
/** Complex division by Smith's algorithm (scaled, avoids overflow), as NumPy does. */
const cDiv: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const ar = a[2 * ai], aim = a[2 * ai + 1], br = b[2 * bi], bim = b[2 * bi + 1];
    if (Math.abs(br) >= Math.abs(bim)) {
      if (br === 0 && bim === 0) {
        o[2 * oi] = ar / Math.abs(br);
        o[2 * oi + 1] = aim / Math.abs(bim);
      } else {
        const r = bim / br, d = br + bim * r;
        o[2 * oi] = (ar + aim * r) / d;
        o[2 * oi + 1] = (aim - ar * r) / d;
      }
    } else {
      const r = br / bim, d = bim + br * r;
      o[2 * oi] = (ar * r + aim) / d;
      o[2 * oi + 1] = (aim * r - ar) / d;
    }
  }
};

const boolNotSupported = (name: string, hint: string) => (d: DType): DType => {
  if (d === 'bool') throw new DTypeError(`numpy boolean ${name}, the \`${hint}\` operator, is not supported, use the bitwise_xor, the \`^\` operator, or the logical_xor function instead.`);
  return d;
};

export const add = defineBinary(
  {
    name: 'add',
    resultDType: same,
    real: addLoop,
    bool: orLoop,
    complex: cAdd,
    vjp: (g) => [g, g],
  },
  (g, s) => sumTo(g, s),
);

export const subtract = defineBinary(
  { name: 'subtract', resultDType: boolNotSupported('subtract', '-'), real: subLoop, complex: cSub, vjp: (g) => [g, negative(g)] },
  (g, s) => sumTo(g, s),
);

export const multiply = defineBinary(
  {
    name: 'multiply',
    resultDType: same,
    real: mulLoop,
    bool: andLoop,
    complex: cMul,
    vjp: (g, _out, a, b) => [multiply(g, b), multiply(g, a)],
  },
  (g, s) => sumTo(g, s),
);

export const divide = defineBinary(
  {
    name: 'divide',
    resultDType: inexactOf,
    real: divLoop,
    complex: cDiv,
    // d(a/b) = da/b - a db/b² = da/b - out db/b
    vjp: (g, out, _a, b) => {
      const gb = divide(g, b);
      return [gb, negative(multiply(gb, out))];
    },
  },
  (g, s) => sumTo(g, s),
);

// Python's floor division and modulo: the remainder takes the divisor's sign.
const floorDivLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = y === 0 ? (Number.isInteger(x) && Number.isInteger(y) ? 0 : x / y) : Math.floor(x / y);
  }
};
const modLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    if (y === 0) {
      o[oi] = Number.isInteger(x) ? 0 : NaN;
      continue;
    }
    let r = x % y;
    if (r !== 0 && r < 0 !== y < 0) r += y;
    o[oi] = r === 0 ? (y < 0 ? -0 : 0) : r;
  }
};
const noComplex = (name: string) => (d: DType): DType => {
  if (d === 'complex128') throw new DTypeError(`ufunc '${name}' not supported for the input types (complex128)`);
  return d === 'bool' ? 'int32' : d;
};

export const floorDivide = defineBinary(
  { name: 'floor_divide', resultDType: noComplex('floor_divide'), real: floorDivLoop, vjp: (g) => [zerosOf(g), zerosOf(g)] },
  (g, s) => sumTo(g, s),
);
export const mod = defineBinary(
  {
    name: 'remainder',
    resultDType: noComplex('remainder'),
    real: modLoop,
    // a mod b = a - floor(a/b) b
    vjp: (g, _o, a, b) => [g, negative(multiply(g, floorDivide(a, b)))],
  },
  (g, s) => sumTo(g, s),
);

const powLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const y = b[bi];
    o[oi] = y === 2 ? a[ai] * a[ai] : Math.pow(a[ai], y);
  }
};
const intPowLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    if (b[bi] < 0) throw new ValueError('Integers to negative integer powers are not allowed.');
    o[oi] = Math.pow(a[ai], b[bi]);
  }
};
/** z^w = exp(w log z), with exact small integer powers by repeated multiplication. */
const cPow: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const ar = a[2 * ai], aim = a[2 * ai + 1], br = b[2 * bi], bim = b[2 * bi + 1];
    if (bim === 0 && Number.isInteger(br) && Math.abs(br) <= 100) {
      let rr = 1, ri = 0, pr = ar, pi = aim, k = Math.abs(br);
      while (k > 0) {
        if (k & 1) [rr, ri] = [rr * pr - ri * pi, rr * pi + ri * pr];
        [pr, pi] = [pr * pr - pi * pi, 2 * pr * pi];
        k >>= 1;
      }
      if (br < 0) {
        const d = rr * rr + ri * ri;
        [rr, ri] = [rr / d, -ri / d];
      }
      o[2 * oi] = rr;
      o[2 * oi + 1] = ri;
      continue;
    }
    if (ar === 0 && aim === 0) {
      o[2 * oi] = br === 0 && bim === 0 ? 1 : 0;
      o[2 * oi + 1] = 0;
      continue;
    }
    const lr = Math.log(Math.hypot(ar, aim)), li = Math.atan2(aim, ar);
    const er = br * lr - bim * li, ei = br * li + bim * lr;
    const m = Math.exp(er);
    o[2 * oi] = m * Math.cos(ei);
    o[2 * oi + 1] = m * Math.sin(ei);
  }
};

/**
 * `a ** b` elementwise with broadcasting (NumPy's `np.power`). Integer arrays
 * to negative integer powers raise, as in NumPy.
 */
export const power = defineBinary(
  {
    name: 'power',
    resultDType: (d) => (d === 'bool' ? 'int32' : d),
    real: powLoop,
    int: intPowLoop,
    complex: cPow,
    // d(a^b) = b a^(b-1) da + a^b log(a) db  (log taken as 0 where a = 0, where the term vanishes)
    vjp: (g, out, a, b) => [
      multiply(g, multiply(b, power(a, subtract(b, 1)))),
      multiply(g, multiply(out, log(where(equal(a, 0), 1, a)))),
    ],
  },
  (g, s) => sumTo(g, s),
);

const maxLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x >= y || x !== x ? x : y; // NaN propagates
  }
};
const minLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const x = a[ai], y = b[bi];
    o[oi] = x <= y || x !== x ? x : y;
  }
};

/** The cotangents of max/min: the winner takes g; ties split it evenly (as JAX does). */
function selectVjp(g: NDArray, a: NDArray, b: NDArray, pickA: NDArray): [NDArray, NDArray] {
  const tie = equal(a, b);
  const half = multiply(g, 0.5);
  return [where(tie, half, where(pickA, g, 0)), where(tie, half, where(pickA, 0, g))];
}

export const maximum = defineBinary(
  { name: 'maximum', resultDType: noComplex('maximum'), real: maxLoop, vjp: (g, _o, a, b) => selectVjp(g, a, b, greater(a, b)) },
  (g, s) => sumTo(g, s),
);
export const minimum = defineBinary(
  { name: 'minimum', resultDType: noComplex('minimum'), real: minLoop, vjp: (g, _o, a, b) => selectVjp(g, a, b, less(a, b)) },
  (g, s) => sumTo(g, s),
);

function zerosOf(g: NDArray): NDArray {
  return multiply(g, 0);
}
