// Chapter 13 · Lagrangians & Saddle Points — a constrained minimum with minimize (SLSQP).
import * as np from 'numts';
import { minimize } from 'numts/optimize';

// Minimise f(x, y) = x² + y² subject to x + y = 4.
// Lagrangian L = x² + y² + λ(x + y − 4): 2x + λ = 0, 2y + λ = 0, x + y = 4 → λ = −4, x = y = 2, f = 8.
const result = minimize((xy: np.NDArray) => np.sum(np.square(xy)), [0, 0], {
  constraints: { type: 'eq', fun: (xy: np.NDArray) => np.subtract(np.sum(xy), 4) },
});
console.log(`Optimal: x=${np.format(result.x.get(0), '.2f')}, y=${np.format(result.x.get(1), '.2f')}`);
console.log(`Minimum value: ${np.format(result.fun, '.2f')}`);
