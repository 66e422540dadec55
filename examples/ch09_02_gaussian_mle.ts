// Chapter 9 · Statistics — maximum-likelihood estimates of a Gaussian.
import * as np from 'numts';

// MLE for a Gaussian: the μ and σ that maximise P(data)
const data = np.array([2.1, 1.8, 2.5, 2.3, 1.9, 2.7, 2.0, 2.4]);

// The MLE solutions (derived analytically):
const muMle = np.mean(data); // the sample mean
const sigmaMle = np.std(data); // the (biased) sample standard deviation

console.log(`MLE μ = ${np.format(muMle, '.3f')}`);
console.log(`MLE σ = ${np.format(sigmaMle, '.3f')}`);
// Minimising cross-entropy loss = maximising the log-likelihood of the correct labels:
// training a classifier with cross-entropy IS doing MLE.
