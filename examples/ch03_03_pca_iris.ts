// Chapter 3 · Eigenvalues, Eigenvectors & SVD — PCA on the Iris data (scikit-learn's PCA, in numts/ml).
import * as np from 'numts';
import { PCA, datasets } from 'numts/ml';
import { saveFigure, scatter } from './figures';

const iris = datasets.loadIris();
const X = iris.data; // 150 samples, 4 features

// Reduce 4-D → 2-D with PCA
const pca = new PCA({ nComponents: 2 });
const X2d = pca.fitTransform(X);

console.log(`Original: ${np.format(X.shape)}`); // (150, 4)
console.log(`Reduced: ${np.format(X2d.shape)}`); // (150, 2)
console.log(`Variance retained: ${np.format(pca.explainedVarianceRatio.sum(), '.2%')}`);

// Under the hood, PCA finds the eigenvectors of the covariance matrix
const covMatrix = np.cov(X.T);
const [eigenvalues] = np.linalg.eig(covMatrix);
const top2 = [...eigenvalues.toArray()].sort((a, b) => b - a).slice(0, 2);
console.log(`Top 2 eigenvalues: [${top2.map((v) => np.repr(v)).join(', ')}]`);

// The 2-D projection, coloured by species: examples/out/ch03_pca_iris.svg
const species = iris.target.toArray().map((t) => iris.targetNames[t]);
saveFigure(
  'ch03_pca_iris',
  scatter({
    title: 'Iris projected on its first two principal components',
    points: species.map((group, i) => ({ x: X2d.get(i, 0), y: X2d.get(i, 1), group })),
    xTitle: 'PC 1',
    yTitle: 'PC 2',
  }),
);
