// Chapter 10 · Information Theory & MCMC — KL divergence (it is asymmetric).
import * as np from 'numts';

function klDivergence(pIn: np.ArrayLike, qIn: np.ArrayLike): number {
  const [p, q] = [np.array(pIn), np.array(qIn)];
  const mask = p.gt(0);
  return np.sum(p.get(mask).mul(np.log(p.get(mask).div(q.get(mask)))));
}

const P = [0.4, 0.3, 0.3]; // true distribution
const Q = [0.33, 0.33, 0.34]; // approximation

console.log(`KL(P||Q) = ${np.format(klDivergence(P, Q), '.4f')}`);
console.log(`KL(Q||P) = ${np.format(klDivergence(Q, P), '.4f')}`); // different: KL is asymmetric
