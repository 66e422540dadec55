// Chapter 8 · Probability — sampling distributions and Xavier initialisation.
import * as np from 'numts';
import { histogram, saveFigure } from './figures';

np.random.seed(0);

// Samples from different distributions
const normalData = np.random.normal(0, 1, 10000);
const uniformData = np.random.uniform(-3, 3, 10000);

// Xavier/Glorot initialisation: Normal with std = √(2 / (fan_in + fan_out))
const [fanIn, fanOut] = [256, 128];
const weights = np.random.normal(0, Math.sqrt(2.0 / (fanIn + fanOut)), [fanIn, fanOut]);
console.log(`Weight mean: ${np.format(weights.mean(), '.4f')}, std: ${np.format(weights.std(), '.4f')}`);

// The samples as densities, with the Normal(0, 1) density drawn over them: examples/out/ch08_distributions.svg
const grid = np.linspace(-4, 4, 161);
const normalPdf = grid.toArray().map((x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
saveFigure(
  'ch08_distributions',
  histogram({
    title: '10,000 draws: Normal(0, 1) and Uniform(−3, 3)',
    samples: { 'normal(0, 1)': normalData.toArray(), 'uniform(−3, 3)': uniformData.toArray() },
    curves: { 'N(0,1) density': [grid.toArray(), normalPdf] },
    density: true,
  }),
);
saveFigure(
  'ch08_xavier_weights',
  histogram({ title: 'Xavier/Glorot initial weights, 256×128 layer (σ ≈ 0.072)', samples: { weights: weights.ravel().toArray() }, density: true }),
);
