// Chapter 12 · Optimizers & Loss Functions — mini-batch gradient descent for linear regression.
// The listing only defines the function; as its checks ask, this example runs it on a small
// fixed dataset and on noise-free synthetic data, and prints the fitted weights.
import * as np from 'numts';

np.random.seed(0);

function miniBatchGd(X: np.NDArray, y: np.NDArray, lr = 0.01, epochs = 100, batchSize = 32): [np.NDArray, number] {
  const [nSamples, nFeatures] = X.shape;
  const w = np.zeros(nFeatures);
  let b = 0;

  for (let epoch = 0; epoch < epochs; epoch++) {
    // Shuffle the data each epoch
    const indices = np.random.permutation(nSamples);
    const XShuffled = X.get(indices);
    const yShuffled = y.get(indices);

    for (let i = 0; i < nSamples; i += batchSize) {
      const XBatch = XShuffled.get(`${i}:${i + batchSize}`);
      const yBatch = yShuffled.get(`${i}:${i + batchSize}`);

      const yPred = XBatch.matmul(w).add(b);
      const error = yPred.sub(yBatch);

      // Gradients averaged over the batch
      const dw = XBatch.T.mul(2 / yBatch.shape[0]).matmul(error);
      const db = (2 / yBatch.shape[0]) * np.sum(error);

      w.isub(dw.mul(lr));
      b -= lr * db;
    }
  }
  return [w, b];
}

// --- beyond the listing: the checks ---
const X = np.array([[1.0, 2.0], [2.0, 0.5], [3.0, -1.0], [4.0, 1.5], [5.0, 0.0]]);
const y = np.array([3.0, 2.5, 1.0, 6.5, 4.0]);
const [w, b] = miniBatchGd(X, y, 0.01, 100, 5);
console.log('full batch: w =', w, ' b =', np.format(b, '.12f'));

const Xs = np.random.randn(200, 3);
const ys = Xs.matmul(np.array([2, -1, 0.5])).add(0.7);
const [w1, b1] = miniBatchGd(Xs, ys);
console.log('noise-free, defaults:     w =', w1, ' b =', np.format(b1, '.6f'));
const [w2, b2] = miniBatchGd(Xs, ys, 0.05, 200, 32);
console.log('noise-free, lr=0.05, 200: w =', w2, ' b =', np.format(b2, '.6f'));
