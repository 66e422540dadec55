import * as np from 'numts';

const A = np.array([[4, 1], [2, 3]]);
console.log(np.linalg.det(A));                               // 10
console.log(String(np.linalg.solve(A, [1, 2])));             // [0.1 0.6]
const { eigenvalues } = np.linalg.eig(A);
console.log(String(eigenvalues));                            // [5. 2.]
const [U, S, Vh] = np.linalg.svd(A);
console.log(String(S));
console.log(np.allclose(U.mul(S).matmul(Vh), A));           // true
