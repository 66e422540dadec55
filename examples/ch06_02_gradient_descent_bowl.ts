// Chapter 6 · Gradients & Backpropagation — gradient descent on the bowl f(x, y) = x² + y².
import * as np from 'numts';
import { saveFigure, scatter } from './figures';

const f = (xy: np.NDArray): number => xy.get(0) ** 2 + xy.get(1) ** 2;
const gradient = (xy: np.NDArray): np.NDArray => np.array([2 * xy.get(0), 2 * xy.get(1)]);

// Start at (5, 3) and walk downhill
let pos = np.array([5.0, 3.0], 'float64');
const lr = 0.1;
const path = [{ x: pos.get(0), y: pos.get(1), group: 'gradient descent, lr = 0.1' }];

for (let i = 0; i < 20; i++) {
  const grad = gradient(pos);
  pos = pos.sub(grad.mul(lr)); // step against the gradient
  path.push({ x: pos.get(0), y: pos.get(1), group: 'gradient descent, lr = 0.1' });
  if (i % 5 === 0) {
    console.log(`Step ${np.format(i, '2d')}: pos=(${np.format(pos.get(0), '.3f')}, ${np.format(pos.get(1), '.3f')}), f=${np.format(f(pos), '.4f')}`);
  }
}
// Converges to (0, 0), the minimum

// The path from (5, 3) towards the minimum: examples/out/ch06_gradient_descent_path.svg
saveFigure('ch06_gradient_descent_path', scatter({ title: 'Gradient descent on f(x, y) = x² + y²', points: path, xTitle: 'x', yTitle: 'y', path: true }));
