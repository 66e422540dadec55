/**
 * Hands the ops-layer implementations of NDArray's methods to core (see
 * core/methods.ts): `a.add(b)` is `add(a, b)`. The object is typed against the
 * method interface, so a declared method cannot be left without an implementation.
 */
import { installOpsMethods, type NDArray, type OpsMethodTable } from '../core';
import * as b from './binary';
import * as dv from './division';
import * as ex from './extrema';
import * as ee from './exponential';
import * as tr from './trig';
import * as hy from './hyperbolic';
import * as rd from './rounding';
import * as cl from './clip';
import * as mo from './moments';
import * as ar from './argReduce';
import * as cu from './cumulative';
import * as ip from './inplace';
import * as c from './compare';
import * as u from './unary';
import * as r from './reduce';
import * as m from './movement';
import * as ix from './indexing';
import * as cp from './complexParts';
import * as ra from './rearrange';
import * as so from './sort';

const table: OpsMethodTable = {
  add: b.add, subtract: b.subtract, multiply: b.multiply, divide: b.divide, power: b.power,
  sub: b.subtract, mul: b.multiply, div: b.divide, pow: b.power,
  floorDivide: dv.floorDivide, mod: dv.mod, maximum: ex.maximum, minimum: ex.minimum,
  iadd: ip.iadd, isub: ip.isub, imul: ip.imul, idiv: ip.idiv,
  equal: c.equal, notEqual: c.notEqual, less: c.less, lessEqual: c.lessEqual, greater: c.greater, greaterEqual: c.greaterEqual,
  eq: c.equal, ne: c.notEqual, lt: c.less, le: c.lessEqual, gt: c.greater, ge: c.greaterEqual,
  logicalAnd: c.logicalAnd, logicalOr: c.logicalOr, logicalXor: c.logicalXor, logicalNot: c.logicalNot,
  negative: u.negative, neg: u.negative, abs: u.abs, sign: u.sign, sqrt: u.sqrt, square: u.square, exp: ee.exp, log: ee.log,
  sin: tr.sin, cos: tr.cos, tanh: hy.tanh, floor: rd.floor, ceil: rd.ceil,
  round: rd.round, clip: cl.clip,
  trunc: rd.trunc, rint: rd.rint, cbrt: u.cbrt, reciprocal: u.reciprocal, exp2: ee.exp2, expm1: ee.expm1, log1p: ee.log1p,
  log2: ee.log2, log10: ee.log10, tan: tr.tan, arcsin: tr.arcsin, arccos: tr.arccos, arctan: tr.arctan, sinh: hy.sinh,
  cosh: hy.cosh, arcsinh: hy.arcsinh, arccosh: hy.arccosh, arctanh: hy.arctanh, deg2rad: tr.deg2rad, rad2deg: tr.rad2deg,
  angle: cp.angle, fmax: ex.fmax, fmin: ex.fmin, fmod: dv.fmod, arctan2: tr.arctan2, hypot: tr.hypot,
  conj: cp.conj, isnan: u.isnan, isinf: u.isinf, isfinite: u.isfinite,
  sum: r.sum, prod: r.prod, mean: mo.mean, var: mo.var, std: mo.std, min: r.min, max: r.max,
  argmin: ar.argmin, argmax: ar.argmax, all: r.all, any: r.any,
  cumsum: cu.cumsum, cumprod: cu.cumprod,
  reshape: (self: NDArray, shape: number | readonly number[], ...more: number[]) => m.reshape(self, shape, ...more),
  transpose: (self: NDArray, ...axes: (number | readonly number[])[]) =>
    axes.length === 0 ? m.transpose(self) : typeof axes[0] === 'number' ? m.transpose(self, axes as number[]) : m.transpose(self, axes[0]),
  swapaxes: m.swapaxes, squeeze: m.squeeze, expandDims: m.expandDims, broadcastTo: m.broadcastTo,
  ravel: m.ravel, flatten: m.flatten, copy: m.copy, astype: m.astype,
  flip: ra.flip, repeat: ra.repeat,
  take: ix.take, nonzero: ix.nonzero, sort: so.sortInPlaceMethod, argsort: so.argsort,
  fill: (self: NDArray, v) => {
    ix.setIndex(self, [], v);
    return self;
  },
  getIndex: ix.getIndex,
  setIndex: ix.setIndex,
  realPart: cp.real,
  imagPart: cp.imag,
};

installOpsMethods(table);

/** Marker export: importing it guarantees the methods are installed. */
export const opsMethodsInstalled = true;
