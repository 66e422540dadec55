/**
 * Derivatives of the special functions, logsumexp/softmax and the
 * distributions' log-densities: autodiff against central differences
 * (checkGrads, forward and reverse mode, first and second order where the
 * rule is itself differentiable). Tolerances: checkGrads' defaults (atol =
 * rtol = 1e-5 with step 1e-4) unless stated.
 */
import { describe, expect, it } from 'vitest';
import { NDArray, TracerError } from '../../src/core';
import { checkGrads, grad } from '../../src/autodiff';
import * as st from '../../src/stats';
import { expectAllClose } from '../helpers';

const arr = (xs: number[]): NDArray => new NDArray(Float64Array.from(xs), [xs.length], 'float64');

describe('special functions differentiate (order 2)', () => {
  const cases: [string, (x: NDArray) => NDArray, number[]][] = [
    ['erf', (x) => st.erf(x), [-1.5, 0.2, 2]],
    ['erfc', (x) => st.erfc(x), [-1, 0.3, 1.7]],
    ['erfcx', (x) => st.erfcx(x), [-0.5, 0.5, 3]],
    ['erfinv', (x) => st.erfinv(x), [-0.7, 0.1, 0.9]],
    ['erfcinv', (x) => st.erfcinv(x), [0.1, 0.9, 1.6]],
    ['ndtr', (x) => st.ndtr(x), [-3, 0, 1.5]],
    ['logNdtr', (x) => st.logNdtr(x), [-8, -1, 2]],
    ['ndtri', (x) => st.ndtri(x), [0.2, 0.5, 0.8]],
    ['gammaln', (x) => st.gammaln(x), [0.3, 2.5, 7]],
    ['gamma', (x) => st.gamma(x), [0.7, 1.5, 4.2]],
    ['digamma', (x) => st.digamma(x), [0.4, 1.46, 6]],
    ['polygamma(2, x)', (x) => st.polygamma(2, x), [0.5, 2, 9]],
    ['expit', (x) => st.expit(x), [-4, 0, 3]],
    ['logit', (x) => st.logit(x), [0.1, 0.5, 0.8]],
    ['logExpit', (x) => st.logExpit(x), [-5, 0.5, 6]],
    ['gammainc(2.5, x)', (x) => st.gammainc(2.5, x), [0.5, 2, 6]],
    ['gammaincc(2.5, x)', (x) => st.gammaincc(2.5, x), [0.5, 2, 6]],
    ['gammaincinv(2.5, p)', (x) => st.gammaincinv(2.5, x), [0.1, 0.5, 0.9]],
    ['betainc(2, 3.5, x)', (x) => st.betainc(2, 3.5, x), [0.1, 0.4, 0.8]],
    ['betaincinv(2, 3.5, p)', (x) => st.betaincinv(2, 3.5, x), [0.1, 0.5, 0.9]],
  ];
  it.each(cases)('%s', (_name, f, xs) => {
    checkGrads(f, [arr(xs)], { order: 2, atol: 1e-5, rtol: 1e-5 });
  });

  it('binary functions in both arguments: betaln, xlogy, xlog1py', () => {
    checkGrads((a: NDArray, b: NDArray) => st.betaln(a, b), [arr([0.5, 2, 9]), arr([1.5, 0.7, 20])], { order: 2 });
    checkGrads((x: NDArray, y: NDArray) => st.xlogy(x, y), [arr([0.5, 2, 3]), arr([1.5, 0.7, 2])], { order: 2 });
    checkGrads((x: NDArray, y: NDArray) => st.xlog1py(x, y), [arr([0.5, 2, 3]), arr([1.5, -0.3, 2])], { order: 2 });
  });

  it('the analytic derivatives are the known closed forms', () => {
    expect(grad((x: NDArray) => st.gammaln(x))(3.5) as number).toBeCloseTo(st.digamma(3.5), 14);
    expect(grad((x: NDArray) => st.erf(x))(0.5) as number).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-0.25), 15);
    expect(grad((x: NDArray) => st.digamma(x))(2) as number).toBeCloseTo(Math.PI ** 2 / 6 - 1, 14);
  });

  it('xlogy has a finite gradient at x = 0 in y', () => {
    const g = grad((y: NDArray) => st.xlogy(0, y))(0.5) as number;
    expect(g).toBe(0);
  });

  it('asking for the derivative in a shape parameter raises instead of returning 0', () => {
    expect(() => grad((a: NDArray) => st.gammainc(a, 1))(2)).toThrow(TracerError);
    expect(() => grad((a: NDArray) => st.betainc(a, 2, 0.5))(2)).toThrow(TracerError);
    expect(() => grad((n: NDArray) => st.polygamma(n, 2))(1)).toThrow(TracerError);
  });
});

describe('logsumexp and softmax differentiate', () => {
  it('logsumexp (with weights and an axis), order 2', () => {
    checkGrads((x: NDArray) => st.logsumexp(x, { axis: 1 }) as NDArray, [new NDArray(Float64Array.from([1, 2, 3, -1, 0, 5]), [2, 3], 'float64')], { order: 2 });
    checkGrads((x: NDArray, b: NDArray) => st.logsumexp(x, { b }) as NDArray, [arr([1, 2, 3]), arr([0.5, 1, 2])], { order: 2 });
  });
  it('the gradient of logsumexp is softmax, even at 1000', () => {
    const g = grad((x: NDArray) => st.logsumexp(x) as NDArray)(arr([1000, 1001, 999])) as NDArray;
    expectAllClose(g, st.softmax([1000, 1001, 999]), { rtol: 1e-15 });
  });
  it('softmax and logSoftmax, order 2', () => {
    checkGrads((x: NDArray) => st.softmax(x, { axis: 0 }), [arr([0.1, -2, 3])], { order: 2 });
    checkGrads((x: NDArray) => st.logSoftmax(x, { axis: 0 }), [arr([0.1, -2, 3])], { order: 2 });
  });
});

describe('distribution log-densities differentiate in the data and the parameters', () => {
  it('Normal.logpdf in x, loc, scale', () => {
    checkGrads((x: NDArray, m: NDArray, s: NDArray) => new st.Normal(m, s).logpdf(x) as NDArray, [arr([0.3, -1, 2]), arr([0.1]), arr([1.5])], { order: 2 });
  });
  it('Gamma.logpdf and Beta.logpdf in the shapes', () => {
    checkGrads((a: NDArray) => new st.Gamma(a, 0, 2).logpdf([0.5, 3]) as NDArray, [arr([2.5])], { order: 2 });
    checkGrads((a: NDArray, b: NDArray) => new st.Beta(a, b).logpdf([0.2, 0.7]) as NDArray, [arr([2.5]), arr([1.3])], { order: 2 });
  });
  it('Binomial / Poisson / Bernoulli log-pmfs in p and μ', () => {
    checkGrads((p: NDArray) => new st.Binomial(20, p).logpmf([0, 3, 20]) as NDArray, [arr([0.3])], { order: 2 });
    checkGrads((m: NDArray) => new st.Poisson(m).logpmf([0, 4, 9]) as NDArray, [arr([3.5])], { order: 2 });
    checkGrads((p: NDArray) => new st.Bernoulli(p).logpmf([0, 1]) as NDArray, [arr([0.3])], { order: 2 });
  });
  it('Normal.cdf, Gamma.cdf and Beta.cdf in x', () => {
    checkGrads((x: NDArray) => new st.Normal(1, 2).cdf(x) as NDArray, [arr([-1, 0.5, 3])]);
    checkGrads((x: NDArray) => new st.Gamma(2.5).cdf(x) as NDArray, [arr([0.5, 2, 5])]);
    checkGrads((x: NDArray) => new st.Beta(2, 3).cdf(x) as NDArray, [arr([0.2, 0.5, 0.9])]);
  });
  it('MultivariateNormal.logpdf in x and the mean', () => {
    const cov = [[2, 0.3], [0.3, 1]];
    checkGrads((x: NDArray, m: NDArray) => new st.MultivariateNormal(m, cov).logpdf(x) as NDArray, [
      new NDArray(Float64Array.from([0.1, 0.2, 1, -1]), [2, 2], 'float64'), arr([0.5, -0.5])], { order: 2 });
  });
});

describe('information measures differentiate', () => {
  it('entropy, klDivergence, crossEntropy, binaryCrossEntropy', () => {
    checkGrads((p: NDArray) => st.entropy(p) as NDArray, [arr([0.2, 0.5, 0.3])], { order: 2 });
    checkGrads((p: NDArray, q: NDArray) => st.klDivergence(p, q) as NDArray, [arr([0.2, 0.5, 0.3]), arr([0.3, 0.3, 0.4])], { order: 2 });
    checkGrads((p: NDArray, q: NDArray) => st.crossEntropy(p, q) as NDArray, [arr([0.2, 0.5, 0.3]), arr([0.3, 0.3, 0.4])], { order: 2 });
    checkGrads((z: NDArray) => st.binaryCrossEntropy([1, 0, 1], z) as NDArray, [arr([0.7, 0.2, 0.6])], { order: 2 });
    checkGrads((z: NDArray) => st.binaryCrossEntropy([1, 0, 1], z, { fromLogits: true }) as NDArray, [arr([0.7, -2, 3])], { order: 2 });
  });
});
