// Chapter 10 · Information Theory & MCMC — binary cross-entropy, the standard classification loss.
import * as np from 'numts';

function binaryCrossEntropy(yTrue: np.NDArray, yPredIn: np.NDArray): number {
  const epsilon = 1e-15;
  const yPred = np.clip(yPredIn, epsilon, 1 - epsilon);
  return -np.mean(yTrue.mul(np.log(yPred)).add(np.subtract(1, yTrue).mul(np.log(np.subtract(1, yPred)))));
}

const yTrue = np.array([1, 0, 1, 1, 0]);
const yGood = np.array([0.9, 0.1, 0.8, 0.95, 0.05]); // good predictions
const yBad = np.array([0.5, 0.5, 0.5, 0.5, 0.5]); // random predictions

console.log(`Good model loss: ${np.format(binaryCrossEntropy(yTrue, yGood), '.4f')}`);
console.log(`Bad model loss:  ${np.format(binaryCrossEntropy(yTrue, yBad), '.4f')}`);
