// Chapter 12 · Optimizers & Loss Functions — the Adam optimizer, written out.
// The listing only defines the class; as its checks ask, this example runs it on
// f(x, y) = x² + y² and prints the iterates.
import * as np from 'numts';
import { saveFigure, scatter } from './figures';

class Adam {
  m: np.NDArray | null = null; // 1st moment (mean of gradients)
  v: np.NDArray | null = null; // 2nd moment (mean of squared gradients)
  t = 0;

  constructor(
    readonly lr = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly eps = 1e-8,
  ) {}

  step(w: np.NDArray, grad: np.NDArray): np.NDArray {
    this.t += 1;
    if (this.m === null || this.v === null) {
      this.m = np.zerosLike(w);
      this.v = np.zerosLike(w);
    }
    this.m = this.m.mul(this.beta1).add(grad.mul(1 - this.beta1));
    this.v = this.v.mul(this.beta2).add(grad.pow(2).mul(1 - this.beta2));

    // Bias correction
    const mHat = this.m.div(1 - this.beta1 ** this.t);
    const vHat = this.v.div(1 - this.beta2 ** this.t);

    w.isub(mHat.mul(this.lr).div(np.sqrt(vHat).add(this.eps)));
    return w;
  }
}

// --- beyond the listing: the checks ---
const opt = new Adam(0.1);
const w = np.array([5, 3], 'float64');
const adamPath = [{ x: 5, y: 3, group: 'Adam, lr = 0.1' }];
opt.step(w, w.mul(2));
adamPath.push({ x: w.get(0), y: w.get(1), group: 'Adam, lr = 0.1' });
console.log('Adam(lr=0.1) on x²+y² from (5, 3), after 1 step:  ', w);
for (let i = 1; i < 100; i++) {
  opt.step(w, w.mul(2));
  adamPath.push({ x: w.get(0), y: w.get(1), group: 'Adam, lr = 0.1' });
}
console.log('Adam(lr=0.1) on x²+y² from (5, 3), after 100 steps:', w);
const w0 = np.array([1, -2, 0], 'float64');
const same = new Adam().step(w0, np.array([0.5, -3, 0]));
console.log('Adam() one step from [1, -2, 0] with grad [0.5, -3, 0]:', w0, same === w0 ? '(updated in place)' : '(a new array)');

// Adam's path against plain gradient descent (same lr) on the bowl: examples/out/ch12_adam_vs_gd.svg
let g = np.array([5, 3], 'float64');
const gdPath = [{ x: 5, y: 3, group: 'gradient descent, lr = 0.1' }];
for (let i = 0; i < 100; i++) {
  g = g.sub(g.mul(2 * 0.1));
  gdPath.push({ x: g.get(0), y: g.get(1), group: 'gradient descent, lr = 0.1' });
}
saveFigure('ch12_adam_vs_gd', scatter({ title: 'Adam vs gradient descent on x² + y², 100 steps from (5, 3)', points: [...adamPath, ...gdPath], path: true }));
