// Chapter 3 · Eigenvalues, Eigenvectors & SVD — eigendecomposition.
import * as np from 'numts';

const A = np.array([
  [4, 2],
  [1, 3],
]);

const [eigenvalues, eigenvectors] = np.linalg.eig(A);
console.log('Eigenvalues:', eigenvalues); // [5. 2.]
console.log('Eigenvectors:\n', eigenvectors);

// Verify: A·v = λ·v
const v = eigenvectors.get(':, 0'); // first eigenvector
const lam = eigenvalues.get(0); // first eigenvalue
console.log('A·v =', A.matmul(v));
console.log('λ·v =', np.multiply(lam, v)); // the same ✓
