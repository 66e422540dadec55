// Chapter 9 · Statistics — mean, variance, covariance and correlation.
import * as np from 'numts';

const data = np.array([72, 85, 90, 78, 95, 88, 76, 92]);

console.log(`Mean (E[X]):     ${np.format(np.mean(data), '.2f')}`);
console.log(`Variance:        ${np.format(np.var(data), '.2f')}`);
console.log(`Std deviation:   ${np.format(np.std(data), '.2f')}`);

// Covariance — how two variables move together
const height = np.array([165, 170, 175, 180, 185]);
const weight = np.array([55, 62, 70, 78, 85]);
const covMatrix = np.cov(height, weight);
console.log(`\nCovariance matrix:\n${covMatrix}`);
console.log(`Correlation: ${np.format(np.corrcoef(height, weight).get(0, 1), '.4f')}`);
