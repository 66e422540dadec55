import * as np from 'numts';
import { minimize } from 'numts/optimize';

// Rosenbrock, gradient by autodiff
const rosen = (v: np.NDArray) => {
  const [x, y] = [v.get(0), v.get(1)];
  return np.add(np.square(np.subtract(1, x)), np.multiply(100, np.square(np.subtract(y, np.square(x)))));
};
const r = minimize(rosen, [-1.2, 1], { method: 'BFGS' });
console.log(String(r.x), r.fun < 1e-10, r.nit);
