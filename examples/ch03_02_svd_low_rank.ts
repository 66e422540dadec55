// Chapter 3 · Eigenvalues, Eigenvectors & SVD — low-rank approximation with the SVD.
import * as np from 'numts';

const A = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
]);

const [U, sigma, Vt] = np.linalg.svd(A);
console.log('Singular values:', sigma.round(3));

// Low-rank approximation: keep only the top-k singular values
// (how image compression and recommendation engines work)
const k = 2;
const AApprox = U.get(`:, :${k}`).matmul(np.diag(sigma.get(`:${k}`))).matmul(Vt.get(`:${k}, :`));
console.log('Rank-2 approximation:\n', AApprox.round(2));
