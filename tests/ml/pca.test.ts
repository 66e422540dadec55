/**
 * PCA against scikit-learn 1.2's algorithm (fixtures computed with numpy,
 * scripts/fixtures/ml_pca.py) and the book's ch03_03 checks.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { PCA, datasets } from '../../src/ml';
import { ValueError } from '../../src/core';
import { expectAllClose, loadFixture } from '../helpers';

interface Case {
  name: string;
  X: number[][];
  n_components: number | null;
  whiten: boolean;
  k: number;
  components: number[][];
  explained_variance: number[];
  explained_variance_ratio: number[];
  singular_values: number[];
  mean: number[];
  noise_variance: number;
  fit_transform: number[][];
  transform: number[][];
  inverse_transform: number[][];
}

const cases = loadFixture<Case[]>('ml/pca.json');
const tol = { rtol: 1e-10, atol: 1e-12 };

describe('PCA matches scikit-learn', () => {
  for (const c of cases) {
    it(c.name, () => {
      const pca = new PCA({ nComponents: c.n_components ?? undefined, whiten: c.whiten });
      const Z = pca.fitTransform(c.X);
      expect(pca.nComponents).toBe(c.k);
      expectAllClose(pca.components, c.components, tol);
      expectAllClose(pca.explainedVariance, c.explained_variance, tol);
      expectAllClose(pca.explainedVarianceRatio, c.explained_variance_ratio, tol);
      expectAllClose(pca.singularValues, c.singular_values, tol);
      expectAllClose(pca.mean, c.mean, tol);
      expect(pca.noiseVariance).toBeCloseTo(c.noise_variance, 12);
      expectAllClose(Z, c.fit_transform, tol);
      expectAllClose(pca.transform(c.X), c.transform, tol);
      expectAllClose(pca.inverseTransform(pca.transform(c.X)), c.inverse_transform, tol);
    });
  }

  it('reproduces the book listing ch03_03 (Iris, 2 components)', () => {
    const iris = datasets.loadIris();
    expect([...iris.data.shape]).toEqual([150, 4]);
    expect(iris.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    const pca = new PCA({ nComponents: 2 });
    const X2 = pca.fitTransform(iris.data);
    expectAllClose(pca.explainedVarianceRatio, [0.9246187232017271, 0.05306648311706782], { rtol: 1e-12 });
    expect(np.format(np.sum(pca.explainedVarianceRatio), '.2%')).toBe('97.77%');
    expectAllClose(X2.get(':3'), [
      [-2.6841256259695383, 0.3193972465851019],
      [-2.7141416872943265, -0.17700122506478047],
      [-2.8889905690592976, -0.14494942608555741],
    ], { rtol: 1e-9 });
  });

  it('keeps all variance with every component and reconstructs exactly', () => {
    const X = datasets.loadIris().data;
    const pca = new PCA().fit(X);
    expect(pca.nComponents).toBe(4);
    expect(np.sum(pca.explainedVarianceRatio)).toBeCloseTo(1, 14);
    expectAllClose(pca.inverseTransform(pca.transform(X)), X, { rtol: 1e-12, atol: 1e-12 });
  });
});

describe('PCA rejects bad input', () => {
  it('invalid nComponents', () => {
    expect(() => new PCA({ nComponents: 0 })).toThrow(ValueError);
    expect(() => new PCA({ nComponents: 1.5 })).toThrow(ValueError);
    expect(() => new PCA({ nComponents: -1 })).toThrow(ValueError);
    expect(() => new PCA({ nComponents: 5 }).fit(datasets.loadIris().data)).toThrow(/between 0 and min/);
  });
  it('bad data and use before fit', () => {
    expect(() => new PCA().fit([1, 2, 3])).toThrow(/Expected 2D array/);
    expect(() => new PCA().fit([[1, 2]])).toThrow(ValueError);
    expect(() => new PCA().fit([[1, NaN], [2, 3]])).toThrow(/NaN or infinity/);
    expect(() => new PCA().transform([[1, 2]])).toThrow(/not fitted/);
    const pca = new PCA({ nComponents: 2 }).fit(datasets.loadIris().data);
    expect(() => pca.transform([[1, 2, 3]])).toThrow(/features/);
    expect(() => pca.inverseTransform([[1, 2, 3]])).toThrow(ValueError);
  });
});
