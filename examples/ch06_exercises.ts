// Chapter 6 exercises with numeric answers.
import * as np from 'numts';
import { derivative, grad, numericalGradient } from 'numts/autodiff';
import { exercise } from './exercise';

exercise('6.1', 'd/dx e^(sin(x²)) at x = 1 and 0.5', () => {
  const f = (x: np.NDArray) => np.exp(np.sin(np.square(x)));
  const df = grad(f);
  return {
    derivative_at_1: df(1.0),
    central_difference_at_1: derivative((x: number) => Math.exp(Math.sin(x * x)), 1.0, { h: 1e-7 }),
    'derivative_at_0.5': df(0.5),
  };
});

exercise('6.2', 'the vanishing gradient: ten sigmoid layers of slope 0.25 (book erratum: 9.54e-7, not 0.0000009)', () => {
  return { '0.25**10': 0.25 ** 10 };
});

exercise('6.3', '∇f for f(x,y,z) = x²yz + 2y²z at (1,2,3)', () => {
  const f = (v: np.NDArray) => {
    const [x, y, z] = [v.get(0), v.get(1), v.get(2)];
    return np.add(np.multiply(np.multiply(np.square(x), y), z), np.multiply(2, np.multiply(np.square(y), z)));
  };
  const at = np.array([1, 2, 3], 'float64');
  return { gradient: grad(f)(at).tolist(), central_difference: numericalGradient(f, at, { h: 1e-7 }).tolist() };
});
