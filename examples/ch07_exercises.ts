// Chapter 7 exercises with numeric answers.
import * as np from 'numts';
import { hessian } from 'numts/autodiff';
import { exercise } from './exercise';

exercise('7.1', 'the Hessian of f(x,y) = x² + 4y² − 2xy and the point (0,0)', () => {
  const f = (v: np.NDArray) => {
    const [x, y] = [v.get(0), v.get(1)];
    return np.subtract(np.add(np.square(x), np.multiply(4, np.square(y))), np.multiply(2, np.multiply(x, y)));
  };
  const H = hessian(f)(np.array([0, 0], 'float64'));
  const eig = np.linalg.eigvalsh(H);
  const [lo, hi] = eig.toArray();
  return {
    H: H.tolist(),
    eigvalsh: eig.tolist(),
    '5-sqrt(13)': 5 - Math.sqrt(13),
    '5+sqrt(13)': 5 + Math.sqrt(13),
    classification: lo > 0 && hi > 0 ? 'local (global) minimum' : 'not a minimum',
  };
});

exercise('7.2', "Newton's method needs the Hessian: entries for 1e8 parameters", () => {
  return { hessian_entries_for_1e8_params: 1e8 * 1e8 };
});
