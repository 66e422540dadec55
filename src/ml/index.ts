/** numts/ml: scikit-learn-style models and datasets. */
import '../ops/methods';
import '../tensor';
export { PCA } from './pca';
export type { PCAOptions } from './pca';
import { loadIris } from './datasets/iris';
export type { IrisDataset } from './datasets/iris';
/** Built-in datasets (`datasets.loadIris()`). */
export const datasets = { loadIris };
