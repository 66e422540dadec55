/**
 * Comparisons and logical ufuncs. Their results are bool arrays and carry no
 * derivative: they are non-differentiable primitives, which `bind` always runs
 * on concrete values, so `np.where(x > 0, x, 0)` differentiates through `where`.
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
/** NumPy orders complex numbers lexicographically (real part, then imaginary). */
function cOrder(test: (c: number) => boolean): BinaryLoop {
  return (n, o, oi, os, a, ai, as, b, bi, bs) => {
    for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) {
      const ar = a[2 * ai], br = b[2 * bi], aim = a[2 * ai + 1], bim = b[2 * bi + 1];
      const c = ar < br ? -1 : ar > br ? 1 : ar === br ? (aim < bim ? -1 : aim > bim ? 1 : aim === bim ? 0 : NaN) : NaN;
      o[oi] = test(c) ? 1 : 0;
    }
  };
}

const unbroadcastNone = (): null => null;

export const equal = defineBinary({ name: 'equal', resultDType: toBool, real: eqLoop, complex: cEqLoop, vjp: 'none' }, unbroadcastNone);
export const notEqual = defineBinary({ name: 'not_equal', resultDType: toBool, real: neLoop, complex: cNeLoop, vjp: 'none' }, unbroadcastNone);
export const less = defineBinary({ name: 'less', resultDType: toBool, real: ltLoop, complex: cOrder((c) => c < 0), vjp: 'none' }, unbroadcastNone);
export const lessEqual = defineBinary({ name: 'less_equal', resultDType: toBool, real: leLoop, complex: cOrder((c) => c <= 0), vjp: 'none' }, unbroadcastNone);
export const greater = defineBinary({ name: 'greater', resultDType: toBool, real: gtLoop, complex: cOrder((c) => c > 0), vjp: 'none' }, unbroadcastNone);
export const greaterEqual = defineBinary({ name: 'greater_equal', resultDType: toBool, real: geLoop, complex: cOrder((c) => c >= 0), vjp: 'none' }, unbroadcastNone);

const andLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const orLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const xorLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = (a[ai] !== 0) !== (b[bi] !== 0) ? 1 : 0;
};
const cTruth = (f: (x: boolean, y: boolean) => boolean): BinaryLoop => (n, o, oi, os, a, ai, as, b, bi, bs) => {
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = f(a[2 * ai] !== 0 || a[2 * ai + 1] !== 0, b[2 * bi] !== 0 || b[2 * bi + 1] !== 0) ? 1 : 0;
};

export const logicalAnd = defineBinary({ name: 'logical_and', resultDType: toBool, real: andLoop, complex: cTruth((x, y) => x && y), vjp: 'none' }, unbroadcastNone);
export const logicalOr = defineBinary({ name: 'logical_or', resultDType: toBool, real: orLoop, complex: cTruth((x, y) => x || y), vjp: 'none' }, unbroadcastNone);
export const logicalXor = defineBinary({ name: 'logical_xor', resultDType: toBool, real: xorLoop, complex: cTruth((x, y) => x !== y), vjp: 'none' }, unbroadcastNone);

const notLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] === 0 ? 1 : 0;
};
const cNotLoop: UnaryLoop = (n, o, oi, os, a, ai, as) => {
  for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[2 * ai] === 0 && a[2 * ai + 1] === 0 ? 1 : 0;
};
export const logicalNot = defineUnary({ name: 'logical_not', resultDType: toBool, real: notLoop, complex: cNotLoop, vjp: 'none' });

