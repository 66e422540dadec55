/**
 * The book's derivative checks (Mathematics for AI, chapters 5-7 and 13),
 * by autodiff and by the finite differences the book teaches. Expected numbers
 * are the closed forms and the NumPy outputs in /work/shared/book
 * (listings/*.out and exercises.json, copied into tests/fixtures/book).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray } from '../../src/index';
import { derivative, grad, hessian, jacfwd, jacobian, numericalGradient, numericalHessian, numericalJacobian, valueAndGrad } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

const sigmoid = (x: NDArray) => np.divide(1, np.add(1, np.exp(np.negative(x))));

describe('chapter 5: derivatives', () => {
  it("sigmoid' = σ(1 - σ) (exercise 5.2)", () => {
    const d = grad(sigmoid);
    expect(d(0)).toBeCloseTo(0.25, 15);
    expect(d(1)).toBeCloseTo(0.19661193324148185, 15);
    expect(d(-2)).toBeCloseTo(0.1049935854035065, 15);
    // elementwise, on an array: the gradient of Σσ(xᵢ) is σ'(xᵢ)
    const x = np.linspace(-6, 6, 25);
    const s = sigmoid(x);
    expectAllClose(grad((v: NDArray) => np.sum(sigmoid(v)))(x), np.multiply(s, np.subtract(1, s)), { rtol: 1e-14, atol: 1e-16 });
  });

  it("numerical derivative of x³ + 2x at 3 is 29 (listing ch05_01)", () => {
    const f = (x: number) => x ** 3 + 2 * x;
    expect(derivative(f, 3, { h: 1e-7 }).toFixed(6)).toBe('29.000000');
    expect(derivative(f, 3)).toBeCloseTo(29, 8);
    expect(grad((x: NDArray) => np.add(np.power(x, 3), np.multiply(2, x)))(3)).toBe(29);
  });

  it('∂(x²y + 3xy²)/∂x at (2, 3) = 39 (listing ch05_01)', () => {
    const f = (x: NDArray, y: NDArray) => np.add(np.multiply(np.square(x), y), np.multiply(3, np.multiply(x, np.square(y))));
    expect(grad(f)(2, 3)).toBe(39);
    const fd = (2 * 2 * 3 + 3 * 9);
    expect(fd).toBe(39);
    expect(numericalGradient((v) => (v.get(0) as number) ** 2 * (v.get(1) as number) + 3 * (v.get(0) as number) * (v.get(1) as number) ** 2, [2, 3]).get(0)).toBeCloseTo(39, 7);
  });

  it('∂/∂x, ∂/∂y of 3x²y³ - 2xy + 5 at (1, 2) = 44, 34 (exercise 5.1)', () => {
    const f = (x: NDArray, y: NDArray) => np.add(np.subtract(np.multiply(3, np.multiply(np.square(x), np.power(y, 3))), np.multiply(2, np.multiply(x, y))), 5);
    expect(grad(f, { argnums: [0, 1] })(1, 2)).toEqual([44, 34]);
  });
});

describe('chapter 6: chain rule and backpropagation', () => {
  it('d/dx sin(x²) at 2 = cos(4)·4 = -2.614574 (listing ch06_01)', () => {
    const d = grad((x: NDArray) => np.sin(np.square(x)))(2);
    expect(d).toBeCloseTo(Math.cos(4) * 4, 15);
    expect(d.toFixed(6)).toBe('-2.614574');
    expect(derivative((x) => Math.sin(x ** 2), 2, { h: 1e-7 }).toFixed(6)).toBe('-2.614574');
  });

  it("d/dx e^(sin x²) at 1 and 0.5 (exercise 6.1)", () => {
    const d = grad((x: NDArray) => np.exp(np.sin(np.square(x))));
    expect(d(1)).toBeCloseTo(2.506761534986894, 14);
    expect(d(0.5)).toBeCloseTo(1.240882609167237, 14);
    expect(derivative((x) => Math.exp(Math.sin(x * x)), 1)).toBeCloseTo(2.5067615350149453, 8);
  });

  it('the 2-layer ReLU network gradients (listing ch06_01): loss 0.49, ∂L/∂w1 = -0.84, ∂L/∂w2 = -1.4', () => {
    const loss = (w1: NDArray, w2: NDArray, x: number) => {
      const z1 = np.multiply(w1, x);
      const a1 = np.maximum(0, z1);
      const z2 = np.multiply(w2, a1);
      return np.square(np.subtract(z2, 1.0));
    };
    const [L, [g1, g2]] = valueAndGrad(loss, { argnums: [0, 1] })(0.5, 0.3, 2.0);
    expect(L.toFixed(4)).toBe('0.4900');
    expect(g1.toFixed(4)).toBe('-0.8400');
    expect(g2.toFixed(4)).toBe('-1.4000');
    expect(g1).toBeCloseTo(-0.84, 14);
    expect(g2).toBeCloseTo(-1.4, 14);
    // with a negative pre-activation the ReLU blocks the gradient of w1
    expect(grad(loss)(-0.5, 0.3, 2.0)).toBe(0);
  });

  it('the same network on a batch, with arrays and np.where for the ReLU', () => {
    const x = np.array([2.0, -1.0, 0.5]);
    const loss = (w: { w1: NDArray; w2: NDArray }) => {
      const z1 = np.multiply(w.w1, x);
      const a1 = np.where(np.greater(z1, 0), z1, 0);
      return np.mean(np.square(np.subtract(np.multiply(w.w2, a1), 1)));
    };
    const g = grad(loss)({ w1: 0.5, w2: 0.3 });
    // by hand: z1 = [1, -0.5, 0.25], a1 = [1, 0, 0.25], r = 0.3 a1 - 1 = [-0.7, -1, -0.925]
    const r = [-0.7, -1, -0.925];
    const a1 = [1, 0, 0.25];
    const xs = [2, -1, 0.5];
    const gw2 = (2 / 3) * r.reduce((s, ri, i) => s + ri * a1[i], 0);
    const gw1 = (2 / 3) * r.reduce((s, ri, i) => s + ri * 0.3 * (a1[i] > 0 ? xs[i] : 0), 0);
    expect(g.w1).toBeCloseTo(gw1, 14);
    expect(g.w2).toBeCloseTo(gw2, 14);
  });

  it('∇(x²yz + 2y²z) at (1, 2, 3) = [12, 27, 10] (exercise 6.3)', () => {
    const f = (v: NDArray) => {
      const [x, y, z] = [v.get(0), v.get(1), v.get(2)];
      return np.add(np.multiply(np.multiply(np.square(x), y), z), np.multiply(2, np.multiply(np.square(y), z)));
    };
    expectAllClose(grad(f)(np.array([1, 2, 3])), [12, 27, 10], { rtol: 0 });
    // the exercise's central differences, h = 1e-6, to the last bit
    const fd = numericalGradient((v) => (v.get(0) as number) ** 2 * (v.get(1) as number) * (v.get(2) as number) + 2 * (v.get(1) as number) ** 2 * (v.get(2) as number), [1, 2, 3], { h: 1e-6 });
    expectAllClose(fd, [11.999999999900979, 27.00000000110947, 10.000000003174137], { rtol: 1e-15 });
  });
});

describe('chapter 7: Jacobian and Hessian', () => {
  it('Jacobian of [x² + y, xy + y²] at (1, 2) = [[2, 1], [2, 5]] (listing ch07_01)', () => {
    const f = (v: NDArray) => np.stack([np.add(np.square(v.get(0)), v.get(1)), np.add(np.multiply(v.get(0), v.get(1)), np.square(v.get(1)))]);
    expectAllClose(jacobian(f)(np.array([1, 2])), [[2, 1], [2, 5]], { rtol: 0 });
    expectAllClose(jacfwd(f)(np.array([1, 2])), [[2, 1], [2, 5]], { rtol: 0 });
    const J = numericalJacobian((v) => np.array([(v.get(0) as number) ** 2 + (v.get(1) as number), (v.get(0) as number) * (v.get(1) as number) + (v.get(1) as number) ** 2]), [1, 2], { h: 1e-7 });
    expectAllClose(J, [[2, 1], [2, 5]], { atol: 1e-7 });
  });

  it('Hessian of x² + 4y² - 2xy = [[2, -2], [-2, 8]], eigenvalues 5 ± √13 (exercise 7.1)', () => {
    const f = (v: NDArray) => {
      const [x, y] = [v.get(0), v.get(1)];
      return np.subtract(np.add(np.square(x), np.multiply(4, np.square(y))), np.multiply(2, np.multiply(x, y)));
    };
    const H = hessian(f)(np.array([0, 0]));
    expectAllClose(H, [[2, -2], [-2, 8]], { rtol: 0 });
    expectAllClose(np.linalg.eigvalsh(H), [5 - Math.sqrt(13), 5 + Math.sqrt(13)], { rtol: 1e-12 });
    expectAllClose(numericalHessian((v) => (v.get(0) as number) ** 2 + 4 * (v.get(1) as number) ** 2 - 2 * (v.get(0) as number) * (v.get(1) as number), [0, 0]), [[2, -2], [-2, 8]], { atol: 1e-7 });
  });

  it('Hessian of x⁴ + y⁴ - 2x²y² at (1, 1) = [[8, -8], [-8, 8]], eigenvalues [0, 16] (listing ch07_02, book erratum)', () => {
    // The book's comment has ∂²f/∂x∂y = -4xy; it is -8xy (listings.json book_errata), which autodiff confirms.
    const f = (v: NDArray) => {
      const [x, y] = [v.get(0), v.get(1)];
      return np.subtract(np.add(np.power(x, 4), np.power(y, 4)), np.multiply(2, np.multiply(np.square(x), np.square(y))));
    };
    const H = hessian(f)(np.array([1, 1]));
    expectAllClose(H, [[8, -8], [-8, 8]], { rtol: 1e-15 });
    expectAllClose(np.linalg.eigvalsh(H), [0, 16], { rtol: 1e-14, atol: 1e-14 });
  });

  it('the saddle x² - y² has Hessian [[2, 0], [0, -2]] everywhere (listing ch13_02)', () => {
    const f = (v: NDArray) => np.subtract(np.square(v.get(0)), np.square(v.get(1)));
    expectAllClose(hessian(f)(np.array([0, 0])), [[2, 0], [0, -2]], { rtol: 0 });
    expectAllClose(hessian(f)(np.array([0.3, -1.7])), [[2, 0], [0, -2]], { rtol: 0 });
  });

  it('gradient descent on the bowl x² + y² with autodiff (listing ch06_02)', () => {
    const f = (p: NDArray) => np.sum(np.square(p));
    let pos = np.array([5.0, 3.0]);
    for (let i = 0; i < 20; i++) pos = np.subtract(pos, np.multiply(0.1, grad(f)(pos)));
    expectAllClose(pos, [5 * 0.8 ** 20, 3 * 0.8 ** 20], { rtol: 1e-13 });
  });
});
