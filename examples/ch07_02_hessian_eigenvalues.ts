// Chapter 7 · Jacobian & Hessian — classifying a critical point by the Hessian's eigenvalues.
import * as np from 'numts';

// Hessian of f(x,y) = x⁴ + y⁴ - 2x²y² at (1,1):
// ∂²f/∂x² = 12x² - 4y² = 8, ∂²f/∂y² = 12y² - 4x² = 8, ∂²f/∂x∂y = -4xy = -4
const H = np.array([
  [8, -4],
  [-4, 8],
]);
const eigenvalues = np.linalg.eigvalsh(H);
console.log('Eigenvalues:', eigenvalues); // [4, 12] — both positive → minimum
