import * as np from 'numts';
import { nuts, summary } from 'numts/mcmc';

// a correlated 2-D Gaussian
const P = np.linalg.inv([[1, 0.8], [0.8, 1]]);
const logp = (x: np.NDArray) => np.multiply(-0.5, x.matmul(P).dot(x));
const res = nuts(logp, np.zeros([2]), { rng: 42, chains: 4, draws: 1000 });
console.log(String(summary(res)));
