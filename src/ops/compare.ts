/**
 * Comparisons and logical ufuncs. Their results are bool arrays and carry no
 * derivative: they are non-differentiable primitives, which `bind` always runs
 * on concrete values, so `np.where(x > 0, x, 0)` differentiates through `where`.
 * Complex values order lexicographically (real part, then imaginary), as NumPy.
 */
import { type BinaryLoop, type DType, type UnaryLoop } from '../core';
import { defineBinary, defineUnary } from './ufunc';

const toBool = (): DType => 'bool';

const eqLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] === b[bi] ? 1 : 0;
};
const neLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== b[bi] ? 1 : 0;
};
const ltLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] < b[bi] ? 1 : 0;
};
const leLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] <= b[bi] ? 1 : 0;
};
const gtLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] > b[bi] ? 1 : 0;
};
const geLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] >= b[bi] ? 1 : 0;
};
const cEqLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[2 * ai] === b[2 * bi] && a[2 * ai + 1] === b[2 * bi + 1] ? 1 : 0;
};
const cNeLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[2 * ai] !== b[2 * bi] || a[2 * ai + 1] !== b[2 * bi + 1] ? 1 : 0;
};

/** NumPy's complex order (CLT/CLE/CGT/CGE in loops.c.src): by real part, then imaginary; NaN compares false. */
function cOrder(test: 'lt' | 'le' | 'gt' | 'ge'): BinaryLoop {
  return (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const ar = a[2 * ai], br = b[2 * bi], aim = a[2 * ai + 1], bim = b[2 * bi + 1];
      let r: boolean;
      if (test === 'lt') r = ar < br ? aim === aim && bim === bim : ar === br && aim < bim;
      else if (test === 'le') r = ar < br ? aim === aim && bim === bim : ar === br && aim <= bim;
      else if (test === 'gt') r = ar > br ? aim === aim && bim === bim : ar === br && aim > bim;
      else r = ar > br ? aim === aim && bim === bim : ar === br && aim >= bim;
      o[oi] = r ? 1 : 0;
    }
  };
}

const none = (): null => null;
const compare = (name: string, real: BinaryLoop, complex: BinaryLoop) =>
  defineBinary({ name, resultDType: toBool, real, complex, exactScalars: true, vjp: 'none' }, none);

/**
 * `a == b` elementwise with broadcasting (bool result; NaN is never equal).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.equal([1, 2], 2)  // [False  True]
 */
export const equal = compare('equal', eqLoop, cEqLoop);
/**
 * `a != b` elementwise (NaN is unequal to everything).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.notEqual([1, 2], 2)  // [ True False]
 */
export const notEqual = compare('not_equal', neLoop, cNeLoop);
/**
 * `a < b` elementwise.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.less([1, 2], 2)  // [ True False]
 */
export const less = compare('less', ltLoop, cOrder('lt'));
/**
 * `a <= b` elementwise.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.lessEqual([1, 3], 2)  // [ True False]
 */
export const lessEqual = compare('less_equal', leLoop, cOrder('le'));
/**
 * `a > b` elementwise.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.greater([1, 3], 2)  // [False  True]
 */
export const greater = compare('greater', gtLoop, cOrder('gt'));
/**
 * `a >= b` elementwise.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.greaterEqual([1, 2], 2)  // [False  True]
 */
export const greaterEqual = compare('greater_equal', geLoop, cOrder('ge'));

const andLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const orLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const xorLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = (a[ai] !== 0) !== (b[bi] !== 0) ? 1 : 0;
};
function cTruth(op: 'and' | 'or' | 'xor'): BinaryLoop {
  return (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const x = a[2 * ai] !== 0 || a[2 * ai + 1] !== 0, y = b[2 * bi] !== 0 || b[2 * bi + 1] !== 0;
      o[oi] = (op === 'and' ? x && y : op === 'or' ? x || y : x !== y) ? 1 : 0;
    }
  };
}

/**
 * Logical and of the truth values (non-zero, NaN included, is true).
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.logicalAnd([true, true], [true, false])  // [ True False]
 */
export const logicalAnd = defineBinary({ name: 'logical_and', resultDType: toBool, real: andLoop, bool: andLoop, complex: cTruth('and'), vjp: 'none' }, none);
/**
 * Logical or of the truth values.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.logicalOr([true, false], false)  // [ True False]
 */
export const logicalOr = defineBinary({ name: 'logical_or', resultDType: toBool, real: orLoop, bool: orLoop, complex: cTruth('or'), vjp: 'none' }, none);
/**
 * Logical exclusive or of the truth values.
 * @throws {ShapeError} when the shapes do not broadcast.
 * @example np.logicalXor([true, false], true)  // [False  True]
 */
export const logicalXor = defineBinary({ name: 'logical_xor', resultDType: toBool, real: xorLoop, bool: xorLoop, complex: cTruth('xor'), vjp: 'none' }, none);

const notLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] === 0 ? 1 : 0;
};
const cNotLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] === 0 && a[2 * ai + 1] === 0 ? 1 : 0;
};

/**
 * Logical not: true where the element is zero.
 * @example np.logicalNot([0, 2])  // [ True False]
 */
export const logicalNot = defineUnary({ name: 'logical_not', resultDType: toBool, real: notLoop, complex: cNotLoop, vjp: 'none' });
