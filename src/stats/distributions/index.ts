/**
 * Probability distributions as objects in the scipy.stats style: parameters
 * validated on construction (ValueError), every method vectorised over its
 * argument and the parameters, log-densities computed in log space, sampling
 * from numts' NumPy-identical Generator, and closed-form MLE `fit`s.
 */
export { Normal } from './normal';
export { Uniform } from './uniform';
export { Exponential } from './exponential';
export { Gamma } from './gamma';
export { Beta } from './beta';
export { Bernoulli } from './bernoulli';
export { Binomial } from './binomial';
export { Poisson } from './poisson';
export { Categorical } from './categorical';
export { MultivariateNormal } from './multivariateNormal';
export type { SampleShape, Value } from './base';
