/**
 * Bad input: invalid distribution parameters raise ValueError (SciPy would
 * return NaN; numts refuses loudly), methods reject complex input, and the
 * scalar/array result conventions hold for batched parameters.
 */
import { describe, expect, it } from 'vitest';
import { Complex, DTypeError, NDArray, ValueError } from '../../src/core';
import * as st from '../../src/stats';
import { expectAllClose } from '../helpers';

describe('invalid parameters raise ValueError', () => {
  const bad: [string, () => unknown][] = [
    ['Normal scale 0', () => new st.Normal(0, 0)],
    ['Normal scale -1', () => new st.Normal(0, -1)],
    ['Normal loc NaN', () => new st.Normal(NaN, 1)],
    ['Normal scale ∞', () => new st.Normal(0, Infinity)],
    ['Normal one bad element', () => new st.Normal([0, 1], [1, -2])],
    ['Uniform scale 0', () => new st.Uniform(0, 0)],
    ['Exponential scale -1', () => new st.Exponential(0, -1)],
    ['Exponential rate 0', () => st.Exponential.fromRate(0)],
    ['Gamma a 0', () => new st.Gamma(0)],
    ['Gamma a -1', () => new st.Gamma(-1)],
    ['Gamma scale 0', () => new st.Gamma(2, 0, 0)],
    ['Beta a 0', () => new st.Beta(0, 1)],
    ['Beta b NaN', () => new st.Beta(1, NaN)],
    ['Bernoulli p 1.5', () => new st.Bernoulli(1.5)],
    ['Bernoulli p -0.1', () => new st.Bernoulli(-0.1)],
    ['Binomial n 2.5', () => new st.Binomial(2.5, 0.5)],
    ['Binomial n -1', () => new st.Binomial(-1, 0.5)],
    ['Binomial p 2', () => new st.Binomial(10, 2)],
    ['Poisson mu -1', () => new st.Poisson(-1)],
    ['Poisson mu ∞', () => new st.Poisson(Infinity)],
    ['Categorical sum 0.9', () => new st.Categorical([0.5, 0.4])],
    ['Categorical negative', () => new st.Categorical([1.5, -0.5])],
    ['Categorical 2-d', () => new st.Categorical([[0.5, 0.5]])],
    ['Categorical empty', () => new st.Categorical([])],
    ['MultivariateNormal indefinite', () => new st.MultivariateNormal([0, 0], [[1, 3], [3, 1]])],
    ['MultivariateNormal 2-d mean', () => new st.MultivariateNormal([[0, 0]], [[1, 0], [0, 1]])],
  ];
  it.each(bad)('%s', (_name, f) => {
    expect(f).toThrow(ValueError);
  });

  it('messages name the distribution, the parameter and the value', () => {
    expect(() => new st.Normal(0, -1)).toThrow('Normal: scale must be positive and finite (got -1)');
    expect(() => new st.Binomial(10, 2)).toThrow('Binomial: p must be in [0, 1] (got 2)');
  });
});

describe('methods vectorise and follow the number/array convention', () => {
  it('scalars give numbers, arrays give arrays broadcast with the parameters', () => {
    const n = new st.Normal(0, 1);
    expect(typeof n.pdf(0)).toBe('number');
    expect((n.pdf([0, 1]) as NDArray).shape).toEqual([2]);
    const batch = new st.Normal([0, 1, 2], [[1], [2]]);
    expect(batch.batchShape).toEqual([2, 3]);
    expect((batch.logpdf(0.5) as NDArray).shape).toEqual([2, 3]);
    expect((batch.mean() as NDArray).shape).toEqual([2, 3]);
    expectAllClose(batch.cdf([[0], [1]]), [[0.5, 0.15865525393145707, 0.022750131948179195], [0.6914624612740131, 0.5, 0.3085375387259869]], { rtol: 1e-15 });
  });

  it('complex input is refused', () => {
    expect(() => new st.Normal(0, 1).pdf(new Complex(1, 1))).toThrow(DTypeError);
    expect(() => new st.Normal(new Complex(1, 1), 1)).toThrow(DTypeError);
    expect(() => st.erf(new Complex(1, 1))).toThrow(DTypeError);
  });

  it('values outside the support: pdf 0, logpdf -∞, cdf 0/1; q outside [0, 1]: NaN', () => {
    const g = new st.Gamma(2);
    expect(g.pdf(-1)).toBe(0);
    expect(g.logpdf(-1)).toBe(-Infinity);
    expect(g.cdf(-1)).toBe(0);
    expect(g.sf(-1)).toBe(1);
    expect(g.ppf(1.5)).toBeNaN();
    expect(new st.Poisson(2).pmf(1.5)).toBe(0);
    expect(new st.Binomial(5, 0.5).logpmf(6)).toBe(-Infinity);
    expect(new st.Categorical([0.5, 0.5]).pmf(2)).toBe(0);
  });

  it('the tails are exact where naive formulas underflow', () => {
    expect(new st.Normal().logpdf(40)).toBeCloseTo(-800.9189385332047, 12);
    expect(new st.Normal().logcdf(-40)).toBeCloseTo(-804.6084420137538, 12);
    expect(new st.Normal().logsf(40)).toBeCloseTo(-804.6084420137538, 12);
    expect(new st.Exponential().logsf(1e4)).toBe(-1e4);
    expect(new st.Gamma(2.5, 0, 3).logcdf(3e-300)).toBeCloseTo(-1728.1397933478813, 11);
    expect(new st.Poisson(1000).logpmf(0)).toBe(-1000);
  });
});
