/**
 * numts: NumPy, the parts of SciPy you need, and JAX-style autodiff in pure
 * TypeScript. `import * as np from 'numts'` gives the NumPy namespace:
 * array creation, elementwise math, reductions, shape and indexing (ops),
 * products and einsum (tensor), `np.linalg`, `np.random`, and the statistics
 * NumPy keeps at top level. SciPy-like modules are subpaths: `numts/stats`,
 * `numts/optimize`, `numts/autodiff`, `numts/mcmc`, `numts/ml`.
 */
export * from './core/public';
export * from './ops';
export * from './tensor';
export * as linalg from './linalg';
export * as random from './random';
// NumPy's top-level statistics (they live in the stats layer with the rest of scipy.stats).
export {
  average, median, percentile, quantile, cov, corrcoef, histogram, histogramBinEdges, bincount,
} from './stats';
