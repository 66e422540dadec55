// Chapter 7 · Jacobian & Hessian — a numerical Jacobian.
import * as np from 'numts';

// f(x, y) = [x² + y, xy + y²];  J(1, 2) = [[2x, 1], [y, x + 2y]] = [[2, 1], [2, 5]]
function jacobianNumerical(f: (x: np.NDArray) => np.NDArray, x: np.NDArray, h = 1e-7): np.NDArray {
  const n = x.size;
  const f0 = f(x);
  const m = f0.size;
  const J = np.zeros([m, n]);
  for (let j = 0; j < n; j++) {
    const xPlus = x.copy();
    xPlus.set(j, xPlus.get(j) + h);
    const xMinus = x.copy();
    xMinus.set(j, xMinus.get(j) - h);
    J.set(':', j, f(xPlus).sub(f(xMinus)).div(2 * h));
  }
  return J;
}

const f = (x: np.NDArray): np.NDArray => np.array([x.get(0) ** 2 + x.get(1), x.get(0) * x.get(1) + x.get(1) ** 2]);
const J = jacobianNumerical(f, np.array([1.0, 2.0], 'float64'));
console.log('Jacobian:\n', J.round(4));
