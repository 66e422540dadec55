// Chapter 5 exercises with numeric answers, by automatic and by numerical differentiation.
import * as np from 'numts';
import { derivative, grad } from 'numts/autodiff';
import { exercise } from './exercise';

exercise('5.1', '∂f/∂x and ∂f/∂y of f(x,y) = 3x²y³ − 2xy + 5 at (1,2)', () => {
  const f = (x: np.NDArray, y: np.NDArray) => np.add(np.subtract(np.multiply(3, np.multiply(np.square(x), np.power(y, 3))), np.multiply(2, np.multiply(x, y))), 5);
  const [dfdx, dfdy] = grad(f, { argnums: [0, 1] })(1.0, 2.0);
  const h = 1e-7;
  const fs = (x: number, y: number): number => 3 * x ** 2 * y ** 3 - 2 * x * y + 5;
  return {
    'df_dx(1,2)': dfdx,
    'df_dy(1,2)': dfdy,
    df_dx_central_difference: (fs(1 + h, 2) - fs(1 - h, 2)) / (2 * h),
    df_dy_central_difference: (fs(1, 2 + h) - fs(1, 2 - h)) / (2 * h),
  };
});

exercise('5.2', "the sigmoid's derivative σ'(x) = σ(x)(1 − σ(x))", () => {
  const sigmoid = (x: np.NDArray) => np.divide(1, np.add(1, np.exp(np.negative(x))));
  const dsigma = grad(sigmoid);
  const xs = np.linspace(-10, 10, 2001);
  const numeric = derivative((x: number) => 1 / (1 + Math.exp(-x)), 1);
  void numeric;
  return {
    'sigma_prime(0)': dsigma(0),
    'sigma_prime(1)': dsigma(1),
    'sigma_prime(-2)': dsigma(-2),
    max: np.max(xs.toArray().map((x) => dsigma(x))),
  };
});
