// Chapter 3 exercises with numeric answers.
import * as np from 'numts';
import { exercise } from './exercise';

exercise('3.1', 'a 2×2 matrix with eigenvalues 5 and −1', () => {
  // Any matrix with these eigenvalues, e.g. the diagonal one; det and trace do not depend on the choice.
  const A = np.array([[2, 3], [3, 2]]);
  const eig = np.linalg.eigvalsh(A);
  const det = Math.round(np.linalg.det(A) * 1e12) / 1e12;
  return { eigenvalues: eig.tolist(), det, trace: np.trace(A), invertible: det !== 0 };
});

exercise('3.3', '1000 features, the first 50 components keep 95% of the variance', () => {
  return { components_kept: 50, reduction_factor: 1000 / 50, variance_retained: 0.95 };
});
