// Chapter 2 · Matrices — a neural-network layer's forward pass, y = Wx + b.
import * as np from 'numts';

np.random.seed(0); // the same stream as NumPy's np.random.seed(0)
const W = np.random.randn(64, 128); // 64 neurons, 128 inputs
const x = np.random.randn(128, 1); // input vector
const b = np.random.randn(64, 1); // bias vector

const y = W.matmul(x).add(b); // (64×128) @ (128×1) = (64×1)
console.log(`Output shape: ${np.format(y.shape)}`); // (64, 1) — 64 neuron outputs
