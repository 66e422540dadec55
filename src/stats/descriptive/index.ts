/** Descriptive statistics with NumPy's semantics (the lead re-exports these on `np`). */
export { average, type AverageOptions, type AverageResult } from './average';
export { median, quantile, percentile, type QuantileOptions, type QuantileMethod, type MedianOptions } from './quantile';
export { cov, corrcoef, type CovOptions, type CorrcoefOptions } from './cov';
export { histogram, histogramBinEdges, bincount, type HistogramOptions, type HistogramResult, type BinEstimator, type BincountOptions } from './histogram';
