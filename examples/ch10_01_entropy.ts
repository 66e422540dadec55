// Chapter 10 · Information Theory & MCMC — Shannon entropy in bits.
import * as np from 'numts';

function entropy(probs: np.ArrayLike): number {
  let p = np.array(probs);
  p = p.get(p.gt(0)); // avoid log(0)
  return -np.sum(p.mul(np.log2(p)));
}

console.log(`Fair coin:   ${np.format(entropy([0.5, 0.5]), '.3f')} bits`); // 1.000
console.log(`Biased coin: ${np.format(entropy([0.99, 0.01]), '.3f')} bits`); // 0.081
console.log(`Fair die:    ${np.format(entropy(new Array(6).fill(1 / 6)), '.3f')} bits`); // 2.585
console.log(`Certain:     ${np.format(entropy([1.0, 0.0]), '.3f')} bits`); // 0.000
