// Chapter 1 exercises with numeric answers.
import * as np from 'numts';
import { exercise } from './exercise';

exercise('1.1', 'cosine similarity of u=[1,2,3] and v=[3,2,1]', () => {
  const u = np.array([1, 2, 3]);
  const v = np.array([3, 2, 1]);
  const dot = np.dot(u, v);
  const cosine = dot / (np.linalg.norm(u) * np.linalg.norm(v));
  return { dot, norm_u: np.linalg.norm(u), norm_v: np.linalg.norm(v), cosine, angle_deg: (Math.acos(cosine) * 180) / Math.PI };
});

exercise('1.3', 'is c=[5,5] a combination of a=[2,1] and b=[1,3]?', () => {
  // Solve [a b] [α β]ᵀ = c
  const coeffs = np.linalg.solve(np.array([[2, 1], [1, 3]]), np.array([5, 5]));
  const [alpha, beta] = coeffs.toArray();
  const back = np.array([2, 1]).mul(alpha).add(np.array([1, 3]).mul(beta));
  return { alpha, beta, is_combination: np.allclose(back, [5, 5]) };
});
