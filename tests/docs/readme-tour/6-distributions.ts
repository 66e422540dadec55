import * as np from 'numts';
import { Normal } from 'numts/stats';

const n = new Normal(0, 1);
console.log(n.pdf(0), n.cdf(1.96), n.ppf(0.975));
console.log(String(n.sample(np.random.defaultRng(0), 3)));   // same draws as SciPy/NumPy with seed 0
np.random.seed(0);
console.log(String(np.random.normal(0, 1, 3)));               // [1.76405235 0.40015721 0.97873798]
