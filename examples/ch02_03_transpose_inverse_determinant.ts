// Chapter 2 · Matrices — transpose, determinant, inverse.
import * as np from 'numts';

const A = np.array([
  [2, 1],
  [5, 3],
]);

// Transpose: flip rows and columns
console.log('Aᵀ =\n', A.T);

// Determinant: how A scales area/volume
const det = np.linalg.det(A);
console.log(`det(A) = ${np.format(det, '.1f')}`); // 2*3 - 1*5 = 1

// Inverse: A⁻¹ such that A·A⁻¹ = I (only if det ≠ 0)
const AInv = np.linalg.inv(A);
console.log('A⁻¹ =\n', AInv);
console.log('A·A⁻¹ =\n', A.matmul(AInv).round(2)); // the identity matrix
