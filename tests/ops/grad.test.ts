/**
 * Derivative rules of the elementwise and reduction primitives against central
 * differences (autodiff's checkGrads: first and second order, forward and
 * reverse, JAX's tolerances 1e-5 unless stated), including the primitives
 * this layer adds beyond the systematic registry cases: cumsum/cumprod (and
 * the reversal their rules use), nanmax/nanmin folds, imag, and the
 * real ↔ complex projection of cotangents. Plus hand-derived values for the
 * cases finite differences cannot see (prod and cumprod at zeros, ties in max).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { checkGrads, grad } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

const x23 = np.array([[0.3, -1.2, 0.7], [1.5, 0.4, -0.8]]);
const pos23 = np.array([[0.3, 1.2, 0.7], [1.5, 0.4, 0.8]]);

describe('gradients match central differences (order 2, fwd and rev)', () => {
  const cases: [string, (...a: np.NDArray[]) => unknown, np.NDArray[]][] = [
    ['sin * exp', (x) => np.multiply(np.sin(x), np.exp(x)), [x23]],
    ['log, sqrt, cbrt', (x) => np.add(np.log(x), np.add(np.sqrt(x), np.cbrt(x))), [pos23]],
    ['tan, arctan, tanh, arcsinh', (x) => np.add(np.add(np.tan(x), np.arctan(x)), np.add(np.tanh(x), np.arcsinh(x))), [x23]],
    ['arcsin, arccos, arctanh on (-1, 1)', (x) => np.add(np.arcsin(np.multiply(x, 0.5)), np.add(np.arccos(np.multiply(x, 0.4)), np.arctanh(np.multiply(x, 0.5)))), [x23]],
    ['arccosh on (1, ∞), exp2, expm1, log1p, log2, log10', (x) => np.add(np.arccosh(np.add(x, 2)), np.add(np.exp2(x), np.add(np.expm1(x), np.add(np.log1p(x), np.add(np.log2(x), np.log10(x)))))), [pos23]],
    ['power with broadcasting', (a, b) => np.power(a, b), [pos23, np.array([1.5, 2, 0.5])]],
    ['divide and reciprocal', (a, b) => np.add(np.divide(a, b), np.reciprocal(b)), [x23, np.array([[1.3], [-2.1]])]],
    ['arctan2 and hypot', (a, b) => np.add(np.arctan2(a, b), np.hypot(a, b)), [x23, pos23]],
    ['maximum, fmin (no ties)', (a, b) => np.add(np.maximum(a, b), np.fmin(a, b)), [x23, np.multiply(pos23, 0.9)]],
    ['clip with array bounds', (x, lo, hi) => np.clip(x, lo, hi), [x23, np.array([-1, 0, 0.5]), np.array([[0.5], [1.4]])]],
    ['mod and fmod in the smooth region', (a, b) => np.add(np.mod(a, b), np.fmod(a, b)), [x23, np.array([2.5, 2.5, 2.5])]],
    ['sum over axes, mean, var, std', (x) => np.add(np.sum(np.square(np.sum(x, { axis: 0 }))), np.add(np.mean(x), np.add(np.var(x, { axis: 1 }).sum(), np.std(x)))), [x23]],
    ['prod over an axis', (x) => np.prod(x, { axis: 1 }), [x23]],
    ['max and min over axes (no ties)', (x) => np.add(np.max(x, { axis: 0 }), np.min(x, { axis: [0, 1], keepdims: true })), [x23]],
    ['nanmax / nanmin (fmax/fmin folds)', (x) => np.add(np.nanmax(x, { axis: 1 }), np.nanmin(x, { axis: 0 }).sum()), [x23]],
    ['nansum, nanmean, nanvar', (x) => np.add(np.nansum(x), np.add(np.nanmean(x, { axis: 0 }).sum(), np.nanvar(x))), [x23]],
    ['cumsum along an axis and flattened', (x) => np.add(np.cumsum(x, { axis: 1 }).sum(), np.square(np.cumsum(x)).sum()), [x23]],
    ['cumprod (no zeros)', (x) => np.cumprod(x, { axis: 0 }), [x23]],
    ['ptp', (x) => np.ptp(x, { axis: 1 }), [x23]],
    ['where through a mask', (x) => np.where(np.greater(x, 0), np.square(x), np.negative(x)), [x23]],
  ];
  for (const [name, f, args] of cases) {
    it(name, () => checkGrads(f, args, { order: 2 }));
  }
  it('complex: exp, sin, multiply, and real/imag parts of a complex function of a real input', () => {
    const z = np.array([new np.Complex(0.3, -0.4), new np.Complex(-0.7, 0.2)]);
    checkGrads((w: np.NDArray) => np.multiply(np.exp(w), np.sin(w)), [z], { order: 2 });
    // real input, complex intermediate: the cotangent is projected back onto the reals
    checkGrads((x: np.NDArray) => np.add(np.real(np.exp(np.multiply(x, new np.Complex(0, 1)))), np.imag(np.multiply(x, new np.Complex(1, 2)))), [np.array([0.3, -1.1])], { order: 2 });
  });
});

describe('derivatives finite differences cannot see', () => {
  it('prod: the derivative at a zero is the product of the others (one zero), 0 with two zeros', () => {
    const g = grad((x: np.NDArray) => np.prod(x))(np.array([2, 0, 3])) as np.NDArray;
    expect(g.toArray()).toEqual([0, 6, 0]);
    const g2 = grad((x: np.NDArray) => np.prod(x))(np.array([0, 5, 0])) as np.NDArray;
    expect(g2.toArray()).toEqual([0, 0, 0]);
  });
  it('cumprod: exact cotangent at zeros (the reverse recurrence)', () => {
    // out = [2, 0, 0]; d sum(out) / dx = [1 + x1 + x1 x2, x0 + x0 x2, x0 x1] = [1, 2 + 2*3, 0]
    const g = grad((x: np.NDArray) => np.cumprod(x).sum())(np.array([2, 0, 3])) as np.NDArray;
    expect(g.toArray()).toEqual([1, 8, 0]);
  });
  it('max/min split the cotangent evenly between tied maxima', () => {
    const g = grad((x: np.NDArray) => np.max(x))(np.array([1, 3, 3])) as np.NDArray;
    expect(g.toArray()).toEqual([0, 0.5, 0.5]);
    const gm = grad((x: np.NDArray) => np.maximum(x, 1).sum())(np.array([1, 2])) as np.NDArray;
    expect(gm.toArray()).toEqual([0.5, 1]);
  });
  it('floor, ceil, round, sign and clip outside the interval have zero gradient', () => {
    const x = np.array([0.3, 1.7, -2.2]);
    for (const f of [np.floor, np.ceil, np.sign, np.rint, (v: np.NDArray) => np.round(v, 1)]) {
      expect((grad((v: np.NDArray) => f(v).sum())(x) as np.NDArray).toArray()).toEqual([0, 0, 0]);
    }
    expectAllClose(grad((v: np.NDArray) => np.clip(v, 0, 1).sum())(x) as np.NDArray, [1, 0, 0]);
  });
  it('abs uses sign (0 at 0), nanToNum passes the gradient only at finite values', () => {
    expect((grad((v: np.NDArray) => np.abs(v).sum())(np.array([-2, 0, 3])) as np.NDArray).toArray()).toEqual([-1, 0, 1]);
    expect((grad((v: np.NDArray) => np.nanToNum(v).sum())(np.array([1, NaN, Infinity])) as np.NDArray).toArray()).toEqual([1, 0, 0]);
  });
});
