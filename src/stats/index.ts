/**
 * numts/stats — statistics in the scipy.stats / scipy.special style:
 * descriptive statistics (NumPy's average, median, quantile, cov, corrcoef,
 * histogram, bincount; mean/var/std are the ops layer's), special functions,
 * probability distributions as objects, and information theory.
 */
import '../ops/methods';
import '../tensor';

export { mean, var, std } from '../ops';
export * from './descriptive';
export * from './special';
export * from './distributions';
export { entropy, klDivergence, crossEntropy, binaryCrossEntropy, mutualInformation } from './information';
export type { InformationOptions, EntropyOptions, BinaryCrossEntropyOptions } from './information';
