/**
 * `loadIris()`: Fisher's Iris data set as scikit-learn's `load_iris()` returns it.
 */
import { NDArray } from '../../core';
import { IRIS_CSV } from './irisData';

/** What `datasets.loadIris()` returns (scikit-learn's Bunch fields, camelCased). */
export interface IrisDataset {
  /** `(150, 4)` float64 measurements in cm. */
  readonly data: NDArray;
  /** `(150,)` class index 0, 1, 2. */
  readonly target: NDArray;
  readonly featureNames: readonly string[];
  readonly targetNames: readonly string[];
}

/**
 * Fisher's Iris data (150 samples, 4 features, 3 classes), shipped inside the
 * package: the same numbers as `sklearn.datasets.load_iris()`.
 * @example
 * const iris = datasets.loadIris();
 * iris.data.shape;        // [150, 4]
 * iris.targetNames;       // ['setosa', 'versicolor', 'virginica']
 */
export function loadIris(): IrisDataset {
  const rows = IRIS_CSV.trim().split('\n');
  const data = new Float64Array(rows.length * 4);
  const target = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const cells = row.split(',');
    for (let j = 0; j < 4; j++) data[i * 4 + j] = Number(cells[j]);
    target[i] = Number(cells[4]);
  });
  return {
    data: new NDArray(data, [rows.length, 4], 'float64'),
    target: new NDArray(target, [rows.length], 'int32'),
    featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
    targetNames: ['setosa', 'versicolor', 'virginica'],
  };
}
