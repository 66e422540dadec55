// Chapter 13 · Lagrangians & Saddle Points — a saddle point from the Hessian's eigenvalues.
import * as np from 'numts';

// f(x, y) = x² − y²: ∇f = [2x, −2y] = 0 at the origin; Hessian [[2, 0], [0, −2]]
// eigenvalues 2 and −2: mixed signs → a saddle point
// (a minimum along the x-axis, a maximum along the y-axis)
const HSaddle = np.array([
  [2, 0],
  [0, -2],
]);
const eigenvalues = np.linalg.eigvalsh(HSaddle);
console.log(`Eigenvalues: ${eigenvalues}`);
console.log('Mixed signs → Saddle point!');
