// Chapter 2 · Matrices — a dataset as a matrix.
import * as np from 'numts';

// Dataset: 4 samples, 3 features
const X = np.array([
  [5.1, 3.5, 1.4],
  [4.9, 3.0, 1.4],
  [7.0, 3.2, 4.7],
  [6.3, 3.3, 6.0],
]);
console.log(`Shape: ${np.format(X.shape)}`); // (4, 3) — a 4×3 matrix
