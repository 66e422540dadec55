// Chapter 13 exercises with numeric answers.
import * as np from 'numts';
import { grad, hessian } from 'numts/autodiff';
import { minimize } from 'numts/optimize';
import { exercise } from './exercise';

exercise('13.1', 'maximise f(x,y) = xy subject to x + y = 10 (Lagrange multipliers)', () => {
  const result = minimize((v: np.NDArray) => np.negative(np.multiply(v.get(0), v.get(1))), [1, 1], {
    method: 'SLSQP',
    constraints: [{ type: 'eq', fun: (v: np.NDArray) => np.subtract(np.sum(v), 10) }],
  });
  const [x, y] = result.x.toArray();
  // With L = xy + λ(x + y − 10): ∂L/∂x = y + λ = 0, so λ = −y.
  const grid = np.linspace(0, 10, 1001);
  return { x, y, lambda: -y, max_f: np.max(grid.mul(np.subtract(10, grid))) };
});

exercise('13.2', 'the critical point of f(x,y) = x³ − 3xy² at (0,0)', () => {
  const f = (v: np.NDArray) => {
    const [x, y] = [v.get(0), v.get(1)];
    return np.subtract(np.power(x, 3), np.multiply(3, np.multiply(x, np.square(y))));
  };
  const origin = np.array([0, 0], 'float64');
  const H = hessian(f)(origin);
  return {
    gradient_at_0: grad(f)(origin).tolist(),
    H_at_0: H.tolist(),
    eigvalsh: np.linalg.eigvalsh(H).tolist(),
    'f(t,0)': 't³ changes sign -> not an extremum',
  };
});
