/**
 * Floor division and remainders with Python's sign conventions:
 * `floorDivide` (`//`), `mod` (NumPy's `remainder`, `%`: the result takes the
 * divisor's sign) and `fmod` (C's fmod: the dividend's sign). Float loops port
 * NumPy's `npy_divmod` (numpy/_core/src/npymath/npy_math_internal.h.src), so
 * `floorDivide(1, 0.1)` is 9 as in NumPy and Python, not `floor(1/0.1)` = 10.
 * Integer loops follow NumPy's: division by zero gives 0.
 */
import { type BinaryLoop, type DType } from '../core';
import { defineBinary, noLoopFor } from './ufunc';
import { sumTo } from './reduce';
import { divide, multiply, subtract } from './binary';
import { negative } from './unary';

/** NumPy's floor division of doubles (`npy_floor_divide` → `npy_divmod`). */
function floorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) div -= 1;
  }
  if (div !== 0) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  // a zero quotient takes the sign of a/b
  return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
}

/** NumPy's remainder of doubles (`npy_remainder`): fmod, moved into the divisor's sign. */
function pyRemainder(a: number, b: number): number {
  let mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

const floorDivLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = floorDiv(a[ai], b[bi]);
};
/** Integer operands held in doubles: floor(a/b) is exact for |a|, |b| < 2^31; x // 0 = 0. */
const intFloorDivLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const y = b[bi];
    o[oi] = y === 0 ? 0 : Math.floor(a[ai] / y);
  }
};
const remainderLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = pyRemainder(a[ai], b[bi]);
};
const intRemainderLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const y = b[bi];
    if (y === 0) {
      o[oi] = 0;
      continue;
    }
    let r = a[ai] % y;
    if (r !== 0 && r < 0 !== y < 0) r += y;
    o[oi] = r === 0 ? 0 : r;
  }
};
const fmodLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] % b[bi];
};
const intFmodLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
    const y = b[bi];
    const r = y === 0 ? 0 : a[ai] % y;
    o[oi] = r === 0 ? 0 : r;
  }
};

/** Real dtypes only; bool computes in the integer loop and gives int (NumPy gives int8). */
const realOnly = (name: string) => (d: DType): DType => {
  if (d === 'complex128') throw noLoopFor(name);
  return d === 'bool' ? 'int32' : d;
};

/**
 * Floor division `a // b` elementwise with broadcasting (NumPy's
 * `np.floor_divide`). Floats: `x // 0` is ±inf or nan; integers: `x // 0` is 0.
 * Its derivative is zero almost everywhere.
 * @throws {DTypeError} for complex input. {@link ShapeError} when the shapes do not broadcast.
 * @example np.floorDivide([7, -7], 2)  // [ 3 -4]
 */
export const floorDivide = defineBinary(
  {
    name: 'floor_divide',
    resultDType: realOnly('floor_divide'),
    real: floorDivLoop,
    int: intFloorDivLoop,
    vjp: (g) => [multiply(g, 0), multiply(g, 0)],
  },
  (g, s) => sumTo(g, s),
);

/**
 * Python's `a % b` (NumPy's `np.remainder` / `np.mod`): the result has the
 * sign of the divisor. Floats: `x % 0` is nan; integers: `x % 0` is 0.
 * @throws {DTypeError} for complex input. {@link ShapeError} when the shapes do not broadcast.
 * @example np.mod([7, -7], 3)  // [1 2]
 */
export const mod = defineBinary(
  {
    name: 'remainder',
    resultDType: realOnly('remainder'),
    real: remainderLoop,
    int: intRemainderLoop,
    // a mod b = a - floor(a/b) b
    vjp: (g, _o, a, b) => [g, negative(multiply(g, floorDivide(a, b)))],
  },
  (g, s) => sumTo(g, s),
);

/** NumPy's `np.remainder`, the same function as {@link mod}. @example np.remainder(-1, 3)  // 2 */
export const remainder = mod;

/**
 * C's `fmod(a, b)` elementwise (NumPy's `np.fmod`): the remainder of
 * truncated division, with the sign of the dividend.
 * @throws {DTypeError} for complex input. {@link ShapeError} when the shapes do not broadcast.
 * @example np.fmod([7, -7], 3)  // [ 1 -1]
 */
export const fmod = defineBinary(
  {
    name: 'fmod',
    resultDType: realOnly('fmod'),
    real: fmodLoop,
    int: intFmodLoop,
    // fmod(a, b) = a - trunc(a/b) b
    vjp: (g, _o, a, b) => [g, negative(multiply(g, divide(subtract(a, fmod(a, b)), b)))],
  },
  (g, s) => sumTo(g, s),
);
