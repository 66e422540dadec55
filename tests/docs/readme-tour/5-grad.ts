import * as np from 'numts';
import { grad, hessian } from 'numts/autodiff';

const f = (x: np.NDArray) => np.sum(np.sin(x).mul(x));      // Σ x·sin x
const df = grad(f);
console.log(String(df(np.array([0, 1, 2]))));               // sin x + x cos x
const h = hessian((v: np.NDArray) => v.get(0).mul(v.get(0)).mul(v.get(1)));
console.log(String(h(np.array([1, 2]))));                   // [[4. 2.] [2. 0.]]
console.log(grad(grad((x: np.NDArray) => np.exp(x.mul(2))))(0));   // 4
