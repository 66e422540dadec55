/**
 * Principal component analysis in scikit-learn's shape: an SVD of the
 * centred data (not an eigendecomposition of the covariance, which squares
 * the condition number), with scikit-learn 1.2's sign convention
 * (`svd_flip(U, Vt, u_based_decision=True)`: in each column of U the entry of
 * largest magnitude is positive), so projections match scikit-learn's.
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import { abs, argmax, divide, mean, multiply, sqrt, square, subtract, sum } from '../ops';
import { matmul } from '../tensor';
import { svd } from '../linalg';

/** Options of {@link PCA}. */
export interface PCAOptions {
  /**
   * Components to keep: an integer count, a fraction in (0, 1) of the variance
   * to retain (the fewest components that reach it), or omitted for all
   * `min(nSamples, nFeatures)`.
   */
  nComponents?: number;
  /** Scale projections to unit variance (divide by √explainedVariance). */
  whiten?: boolean;
}

/**
 * PCA (scikit-learn's `PCA` with the full SVD solver).
 *
 * Fitted attributes, with scikit-learn's meaning: `components` `(k, nFeatures)`,
 * `explainedVariance` `(k,)` (= the top eigenvalues of the sample covariance),
 * `explainedVarianceRatio`, `singularValues`, `mean` `(nFeatures,)`,
 * `noiseVariance`, `nComponents`.
 * @example
 * const pca = new PCA({ nComponents: 2 });
 * const X2 = pca.fitTransform(datasets.loadIris().data);   // (150, 2)
 * pca.explainedVarianceRatio;                              // [0.92461872 0.05306648]
 */
export class PCA {
  readonly whiten: boolean;
  private readonly requested: number | undefined;
  private fitted: {
    components: NDArray;
    explainedVariance: NDArray;
    explainedVarianceRatio: NDArray;
    singularValues: NDArray;
    mean: NDArray;
    noiseVariance: number;
    nComponents: number;
    u: NDArray;
  } | null = null;

  /** @throws {ValueError} for a non-positive or non-integer count (fractions must lie in (0, 1)). */
  constructor(opts: PCAOptions = {}) {
    const k = opts.nComponents;
    if (k !== undefined && !(k > 0 && (Number.isInteger(k) || k < 1))) {
      throw new ValueError(`nComponents must be a positive integer or a fraction in (0, 1), got ${k}`);
    }
    this.requested = k;
    this.whiten = opts.whiten ?? false;
  }

  /**
   * Fits the model to `X` `(nSamples, nFeatures)`; returns `this`.
   * @throws {ValueError} for input that is not 2-D, has fewer than 2 samples, contains NaN/Inf, or asks for more components than `min(nSamples, nFeatures)`.
   */
  fit(X: ArrayLike): this {
    const x = asarray(X, 'float64');
    if (x.ndim !== 2) throw new ValueError(`Expected 2D array, got ${x.ndim}D array instead`);
    const [n, p] = x.shape;
    if (n < 2) throw new ValueError(`PCA needs at least 2 samples, got ${n}`);
    for (let i = 0; i < x.size; i++) {
      if (!Number.isFinite(x.item(i) as number)) throw new ValueError('Input X contains NaN or infinity.');
    }
    const maxK = Math.min(n, p);
    if (this.requested !== undefined && this.requested >= 1 && this.requested > maxK) {
      throw new ValueError(`nComponents=${this.requested} must be between 0 and min(n_samples, n_features)=${maxK} with svd_solver='full'`);
    }
    const mu = mean(x, { axis: 0 });
    const centred = subtract(x, mu);
    const [U0, S, Vt0] = svd(centred, { fullMatrices: false });
    // svd_flip, u-based: make the largest-|u| entry of each column of U positive.
    const rows = argmax(abs(U0), { axis: 0 });
    const flips = new Float64Array(maxK);
    for (let j = 0; j < maxK; j++) flips[j] = Math.sign(U0.get(rows.get(j), j)) || 1;
    const signs = new NDArray(flips, [maxK], 'float64');
    const U = multiply(U0, signs);
    const Vt = multiply(Vt0, signs.reshape(maxK, 1));
    const variance = divide(square(S), n - 1);
    const total = sum(variance);
    const ratio = divide(variance, total);
    const k = this.chooseK(ratio, maxK);
    const kept = `:${k}`;
    const noise = k < maxK ? mean(variance.get(`${k}:`)) : 0;
    this.fitted = {
      components: Vt.get(kept, ':').copy(),
      explainedVariance: variance.get(kept).copy(),
      explainedVarianceRatio: ratio.get(kept).copy(),
      singularValues: S.get(kept).copy(),
      mean: mu,
      noiseVariance: noise,
      nComponents: k,
      u: U.get(':', kept),
    };
    return this;
  }

  /** scikit-learn's rule: a count as given, or the fewest components whose cumulative ratio exceeds the fraction. */
  private chooseK(ratio: NDArray, maxK: number): number {
    const r = this.requested;
    if (r === undefined) return maxK;
    if (r >= 1) return r;
    let cum = 0;
    for (let i = 0; i < maxK; i++) {
      cum += ratio.get(i) as number;
      if (cum > r) return i + 1;
    }
    return maxK;
  }

  private state(): NonNullable<PCA['fitted']> {
    if (this.fitted === null) throw new ValueError("This PCA instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");
    return this.fitted;
  }

  /** `(k, nFeatures)` principal axes (rows), scikit-learn's `components_`. */
  get components(): NDArray {
    return this.state().components;
  }
  /** `(k,)` variance along each axis: `S² / (n − 1)`. */
  get explainedVariance(): NDArray {
    return this.state().explainedVariance;
  }
  /** `(k,)` fraction of the total variance along each axis. */
  get explainedVarianceRatio(): NDArray {
    return this.state().explainedVarianceRatio;
  }
  /** `(k,)` singular values of the centred data. */
  get singularValues(): NDArray {
    return this.state().singularValues;
  }
  /** `(nFeatures,)` the per-feature mean removed before projecting. */
  get mean(): NDArray {
    return this.state().mean;
  }
  /** Mean variance of the discarded components (0 when all are kept). */
  get noiseVariance(): number {
    return this.state().noiseVariance;
  }
  /** The number of components kept. */
  get nComponents(): number {
    return this.state().nComponents;
  }

  /**
   * Projects `X` `(m, nFeatures)` onto the components: `(X − mean) · componentsᵀ`, `(m, k)`.
   * @throws {ValueError} when not fitted or when the feature count differs.
   */
  transform(X: ArrayLike): NDArray {
    const s = this.state();
    const x = asarray(X, 'float64');
    if (x.ndim !== 2 || x.shape[1] !== s.mean.shape[0]) {
      throw new ValueError(`X has ${x.shape[x.ndim - 1]} features, but PCA is expecting ${s.mean.shape[0]} features as input.`);
    }
    const projected = matmul(subtract(x, s.mean), s.components.T);
    return this.whiten ? divide(projected, sqrt(s.explainedVariance)) : projected;
  }

  /** Fits and projects the training data (`U · S`, as scikit-learn computes it). */
  fitTransform(X: ArrayLike): NDArray {
    this.fit(X);
    const s = this.state();
    const n = asarray(X).shape[0];
    return this.whiten ? multiply(s.u, Math.sqrt(n - 1)) : multiply(s.u, s.singularValues);
  }

  /**
   * Maps projections `(m, k)` back to feature space `(m, nFeatures)`.
   * @throws {ValueError} when not fitted or the component count differs.
   */
  inverseTransform(Xt: ArrayLike): NDArray {
    const s = this.state();
    const z = asarray(Xt, 'float64');
    if (z.ndim !== 2 || z.shape[1] !== s.nComponents) throw new ValueError(`expected (m, ${s.nComponents}) projections, got shape (${z.shape.join(', ')})`);
    const axes = this.whiten ? multiply(sqrt(s.explainedVariance).reshape(-1, 1), s.components) : s.components;
    return matmul(z, axes).add(s.mean);
  }
}
