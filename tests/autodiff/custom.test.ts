/**
 * stopGradient and customVjp: values, first and second derivatives, forward
 * mode through a custom rule, residual reuse, and bad rules.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray, ValueError } from '../../src/index';
import { checkGrads, customVjp, grad, jvp, stopGradient } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

describe('stopGradient', () => {
  it('treats its argument as a constant at every level', () => {
    expect(grad((x: NDArray) => np.multiply(x, stopGradient(x)))(3)).toBe(3);
    expect(jvp((x: NDArray) => np.multiply(x, stopGradient(x)), [3], [1])[1]).toBe(3);
    expect(grad(grad((x: NDArray) => np.multiply(np.square(x), stopGradient(x))))(2)).toBe(4);
  });

  it('maps over trees and leaves other values alone', () => {
    const t = stopGradient({ a: np.array([1, 2]), b: [3, 'label'] });
    expectAllClose(t.a, [1, 2], { rtol: 0 });
    expect(t.b).toEqual([3, 'label']);
  });
});

describe('customVjp', () => {
  const softplus = customVjp((x: NDArray) => np.log1p(np.exp(x)), {
    fwd: (x) => {
      const y = np.log1p(np.exp(x));
      return [y, x];
    },
    bwd: (x, g) => [np.multiply(g, np.divide(1, np.add(1, np.exp(np.negative(x)))))],
  });

  it('computes the value with f and the gradient with the rule', () => {
    expect(softplus(0).toArray()).toEqual([Math.log(2)]);
    expect(grad((x: NDArray) => softplus(x))(0)).toBe(0.5);
    checkGrads((x: NDArray) => softplus(x), [np.array([-1.5, 0.2, 2])], { order: 2 });
  });

  it('is used by forward mode too (tangent derived from bwd)', () => {
    const [y, t] = jvp((x: NDArray) => softplus(x), [1], [2]);
    expect(y).toBeCloseTo(Math.log1p(Math.E), 15);
    expect(t).toBeCloseTo(2 / (1 + Math.exp(-1)), 15);
  });

  it('overrides the derivative (a straight-through estimator)', () => {
    const roundSte = customVjp((x: NDArray) => np.round(x), { fwd: (x) => [np.round(x), null], bwd: (_r, g) => [g] });
    expectAllClose(grad((x: NDArray) => np.sum(np.multiply(roundSte(x), x)))(np.array([0.4, 1.6])), [0.4 + 0, 1.6 + 2], { rtol: 1e-15 });
  });

  it('takes several arguments, and null for a constant one', () => {
    let fwdCalls = 0;
    const scaled = customVjp((x: NDArray, s: NDArray) => np.multiply(x, s), {
      fwd: (x, s) => {
        fwdCalls++;
        return [np.multiply(x, s), s];
      },
      bwd: (s, g) => [np.multiply(g, s), null],
    });
    const [gx, gs] = grad((x: NDArray, s: NDArray) => np.sum(scaled(x, s)), { argnums: [0, 1], allowUnused: true })(np.array([1, 2]), 3);
    expectAllClose(gx, [3, 3], { rtol: 0 });
    expect(gs).toBe(0);
    expect(fwdCalls).toBe(1);
  });

  it('reports a bad rule', () => {
    const bad = customVjp((x: NDArray) => np.sin(x), { fwd: (x) => [np.sin(x), x], bwd: (_x, g) => [g, g] });
    expect(() => grad((x: NDArray) => np.sum(bad(x)))(np.array([1, 2]))).toThrow(/one cotangent per argument/);
    const badShape = customVjp((x: NDArray) => np.sin(x), { fwd: (x) => [np.sin(x), x], bwd: (_x, g) => [np.sum(g)] });
    expect(() => grad((x: NDArray) => np.sum(badShape(x)))(np.array([1, 2]))).toThrow(ValueError);
  });
});
