// Chapter 10 · Information Theory & MCMC — Metropolis–Hastings on a two-Gaussian mixture.
import * as np from 'numts';
import { histogram, saveFigure } from './figures';

np.random.seed(0);

// Target: a mixture of two Gaussians (unnormalised)
const targetPdf = (x: number): number => 0.3 * Math.exp(-0.5 * (x + 2) ** 2) + 0.7 * Math.exp(-0.5 * (x - 3) ** 2);

function metropolisHastings(target: (x: number) => number, nSamples = 10000, stepSize = 1.0): np.NDArray {
  const samples = new Float64Array(nSamples);
  let x = 0.0; // starting point
  for (let i = 0; i < nSamples; i++) {
    const xNew = x + np.random.normal(0, stepSize); // propose a new point
    const acceptance = target(xNew) / target(x); // accept/reject by the probability ratio
    if (np.random.random() < acceptance) x = xNew;
    samples[i] = x;
  }
  return np.array(samples);
}

const samples = metropolisHastings(targetPdf, 50000);
console.log(`Sample mean: ${np.format(samples.get('1000:').mean(), '.3f')}`); // discard burn-in
console.log(`Sample std:  ${np.format(samples.get('1000:').std(), '.3f')}`);

// The chain's histogram against the normalised target density: examples/out/ch10_metropolis_hastings.svg
const xs = np.linspace(-6, 8, 281).toArray();
const Z = Math.sqrt(2 * Math.PI); // each unnormalised component integrates to √(2π)
saveFigure(
  'ch10_metropolis_hastings',
  histogram({
    title: 'Metropolis–Hastings samples vs the target 0.3·N(−2,1) + 0.7·N(3,1)',
    samples: { 'MH samples (after burn-in)': samples.get('1000:').toArray() },
    curves: { 'target density': [xs, xs.map((x) => targetPdf(x) / Z)] },
    density: true,
    bins: 80,
  }),
);
