/**
 * Finite differences (derivative, numericalGradient/Jacobian/Hessian: values,
 * shapes, step handling, bad input) and checkGrads (passes on correct rules,
 * catches wrong ones in each mode and order, reports the element).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { DTypeError, NDArray, ValueError } from '../../src/index';
import { checkGrads, customVjp, derivative, GradCheckError, numericalGradient, numericalHessian, numericalJacobian } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

describe('finite differences', () => {
  it('derivative: central difference of a number function, and elementwise on arrays', () => {
    expect(derivative((x) => x ** 3 + 2 * x, 3)).toBeCloseTo(29, 8);
    // the O(h²) truncation error: (f(x+h) - f(x-h)) / 2h = f' + h² f'''/6 exactly for a cubic
    expect(derivative((x) => x ** 3, 1, { h: 0.1 })).toBeCloseTo(3 + 0.01, 12);
    const d = derivative((x: NDArray) => np.multiply(x, x), np.array([1, 2, 3]));
    expectAllClose(d, [2, 4, 6], { rtol: 1e-8 });
  });

  it('numericalGradient has the shape of x (a number for a number)', () => {
    const g = numericalGradient((v: NDArray) => np.sum(np.square(v)), np.array([[1, 2], [3, 4]]));
    expect(g.shape).toEqual([2, 2]);
    expectAllClose(g, [[2, 4], [6, 8]], { rtol: 1e-8 });
    expect(numericalGradient((x: number) => Math.sin(x), 0.3)).toBeCloseTo(Math.cos(0.3), 9);
  });

  it('does not change the caller’s array', () => {
    const x = np.array([1.0, 2.0]);
    numericalGradient((v: NDArray) => np.sum(v), x);
    numericalHessian((v: NDArray) => np.sum(np.square(v)), x);
    expectAllClose(x, [1, 2], { rtol: 0 });
  });

  it('numericalJacobian is [...out, ...in]', () => {
    const J = numericalJacobian((v: NDArray) => np.stack([np.square(v), np.multiply(v, 3)]), np.array([1, 2]));
    expect(J.shape).toEqual([2, 2, 2]);
    expectAllClose(J, [[[2, 0], [0, 4]], [[3, 0], [0, 3]]], { rtol: 1e-8, atol: 1e-9 });
  });

  it('numericalHessian by second differences', () => {
    const H = numericalHessian((v: NDArray) => np.sum(np.multiply(np.prod(v), v)), np.array([1, 2, 3]));
    expect(H.shape).toEqual([3, 3]);
    // f = (xyz)(x + y + z): H computed by hand at (1, 2, 3)
    expectAllClose(H, [[12, 27, 20], [27, 6, 11], [20, 11, 4]], { atol: 1e-6 });
    expect(numericalHessian((x: number) => x ** 4, 1)).toBeCloseTo(12, 5);
  });

  it('rejects a bad step, a non-scalar output, complex input', () => {
    expect(() => derivative((x) => x, 1, { h: 0 })).toThrow(ValueError);
    expect(() => numericalGradient((v: NDArray) => v, np.array([1, 2]))).toThrow(/must return a scalar.*\(2,\)/);
    expect(() => numericalGradient((v: NDArray) => np.sum(v), np.array([new np.Complex(1, 1)]))).toThrow(DTypeError);
  });
});

describe('checkGrads', () => {
  it('passes on correct derivatives up to third order', () => {
    checkGrads((x: NDArray) => np.sin(np.square(x)), [np.array([0.5, 1.5])], { order: 3 });
    checkGrads((a: NDArray, b: NDArray) => np.divide(np.multiply(a, b), np.add(b, 3)), [np.array([[0.1], [0.2]]), np.array([0.3, 0.4, 0.5])], { order: 2 });
    checkGrads((p: { w: NDArray; b: number }) => np.tanh(np.add(p.w, p.b)), [{ w: np.array([0.1, -0.4]), b: 0.3 }], { order: 2 });
  });

  const wrong = customVjp((x: NDArray) => np.sin(x), {
    fwd: (x) => [np.sin(x), x],
    bwd: (x, g) => [np.multiply(g, np.cos(np.multiply(x, 1.001)))], // slightly wrong
  });

  it('catches a wrong rule in reverse mode and in forward mode (derived from it)', () => {
    expect(() => checkGrads(wrong, [np.array([0.5, 1.5])], { modes: ['rev'] })).toThrow(GradCheckError);
    expect(() => checkGrads(wrong, [np.array([0.5, 1.5])], { modes: ['rev'] })).toThrow(/VJP cotangent projection/);
    expect(() => checkGrads(wrong, [np.array([0.5, 1.5])], { modes: ['fwd'] })).toThrow(/JVP tangent: element \d of output leaf 0 differs/);
  });

  it('catches an error that only shows at second order', () => {
    // first derivative right, second wrong: bwd uses cos of a detached x
    const f = customVjp((x: NDArray) => np.sin(x), {
      fwd: (x) => [np.sin(x), x],
      bwd: (x, g) => [np.multiply(g, np.cos(np.array(x.toArray())))],
    });
    checkGrads(f, [np.array([0.5, 1.5])], { order: 1 });
    expect(() => checkGrads(f, [np.array([0.5, 1.5])], { order: 2, modes: ['rev'] })).toThrow(/VJP of VJP/);
  });

  it('validates its options', () => {
    expect(() => checkGrads((x: NDArray) => x, [1], { order: 0 })).toThrow(ValueError);
    expect(() => checkGrads((x: NDArray) => x, [1], { modes: ['sideways' as 'fwd'] })).toThrow(ValueError);
    expect(() => checkGrads((x: NDArray) => x, [np.array([1, 2])])).toThrow(/float or complex/);
    expect(() => checkGrads((_x: NDArray) => undefined, [np.array([1.5])])).toThrow(/no arrays/);
  });
});
