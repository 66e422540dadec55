/**
 * NumPy's module-level legacy functions (`np.random.seed`, `np.random.rand`,
 * …): methods of one global {@link RandomState}, as in numpy/random/mtrand.pyx.
 * `seed(0)` followed by these calls reproduces NumPy's seeded scripts.
 */
import type { ArrayLike, NDArray } from '../core';
import type { Size } from './params';
import { RandomState, type LegacyChoiceOptions, type LegacySeed, type LegacyStateDict, type LegacyStateTuple } from './legacy';
import type { IntegersOptions } from './integers';
import type { MultivariateNormalOptions } from './multivariateNormal';

const global = new RandomState();

/** The global RandomState behind the module functions (NumPy's `np.random.mtrand._rand`). @example np.random.seed(0); np.random.globalRandomState().randn()  // 1.764052345967664 */
export function globalRandomState(): RandomState {
  return global;
}

/**
 * Seeds the global generator (NumPy's `np.random.seed`).
 * @throws {ValueError} "Seed must be between 0 and 2**32 - 1"
 * @example np.random.seed(0); np.random.rand()  // 0.5488135039273248
 */
export function seed(s?: LegacySeed | null): void {
  global.seed(s);
}

/** The global state (NumPy's `np.random.get_state`): `['MT19937', key, pos, hasGauss, gauss]`. @example const s = np.random.getState(); np.random.rand(); np.random.setState(s)  // rewinds */
export function getState(opts: { legacy?: boolean } = {}): LegacyStateTuple | LegacyStateDict {
  return global.getState(opts);
}

/**
 * Restores the global state (NumPy's `np.random.set_state`).
 * @throws {ValueError} for a state of another generator.
 * @example
 * np.random.seed(0);
 * const s = np.random.getState();
 * np.random.rand();     // 0.5488135039273248
 * np.random.setState(s);
 * np.random.rand();     // 0.5488135039273248 again
 */
export function setState(state: LegacyStateTuple | LegacyStateDict): void {
  global.setState(state);
}

/** Uniform doubles in [0, 1) (NumPy's `np.random.random`). @example np.random.seed(0); np.random.random(3)  // [0.5488135  0.71518937 0.60276338] */
export function random(): number;
export function random(size: number | readonly number[]): NDArray;
export function random(size: Size): number | NDArray;
export function random(size?: Size): number | NDArray {
  return global.randomSample(size);
}

/** Same as {@link random} (NumPy's `random_sample`). @example np.random.seed(0); np.random.randomSample(2)  // [0.5488135  0.71518937] */
export function randomSample(): number;
export function randomSample(size: number | readonly number[]): NDArray;
export function randomSample(size: Size): number | NDArray;
export function randomSample(size?: Size): number | NDArray {
  return global.randomSample(size);
}

/** Uniform doubles of shape `dims` (NumPy's `np.random.rand`). @example np.random.seed(0); np.random.rand(3)  // [0.5488135  0.71518937 0.60276338] */
export function rand(): number;
export function rand(...dims: number[]): NDArray;
export function rand(...dims: number[]): number | NDArray {
  return dims.length === 0 ? global.rand() : global.rand(...dims);
}

/** Standard normals of shape `dims` (NumPy's `np.random.randn`). @example np.random.seed(0); np.random.randn(3)  // [1.76405235 0.40015721 0.97873798] */
export function randn(): number;
export function randn(...dims: number[]): NDArray;
export function randn(...dims: number[]): number | NDArray {
  return dims.length === 0 ? global.randn() : global.randn(...dims);
}

/** Uniform integers in [low, high) (NumPy's `np.random.randint`). @example np.random.seed(0); np.random.randint(0, 10, 5)  // [5 0 3 3 7] */
export function randint(low: number, high?: number | null): number;
export function randint(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], opts?: Pick<IntegersOptions, 'dtype'>): NDArray;
export function randint(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts?: Pick<IntegersOptions, 'dtype'>): number | NDArray;
export function randint(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts: Pick<IntegersOptions, 'dtype'> = {}): number | NDArray {
  return global.randint(low, high, size, opts);
}

/** Normal(loc, scale) draws (NumPy's `np.random.normal`). @example np.random.seed(0); np.random.normal(5, 2, 2)  // [8.52810469 5.80031442] */
export function normal(loc?: number, scale?: number, size?: null): number;
export function normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
export function normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
  return global.normal(loc, scale, size);
}

/** Uniform draws on [low, high) (NumPy's `np.random.uniform`). @example np.random.seed(0); np.random.uniform(-1, 1, 3)  // [0.09762701 0.43037873 0.20552675] */
export function uniform(low?: number, high?: number, size?: null): number;
export function uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
export function uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
  return global.uniform(low, high, size);
}

/** Standard normals (NumPy's `np.random.standard_normal`). @example np.random.seed(0); np.random.standardNormal(2)  // [1.76405235 0.40015721] */
export function standardNormal(): number;
export function standardNormal(size: number | readonly number[]): NDArray;
export function standardNormal(size: Size): number | NDArray;
export function standardNormal(size?: Size): number | NDArray {
  return global.standardNormal(size);
}

/** Standard exponentials (NumPy's `np.random.standard_exponential`). @example np.random.seed(0); np.random.standardExponential(2)  // [0.79587451 1.25593076] */
export function standardExponential(): number;
export function standardExponential(size: number | readonly number[]): NDArray;
export function standardExponential(size: Size): number | NDArray;
export function standardExponential(size?: Size): number | NDArray {
  return global.standardExponential(size);
}

/** Exponential(scale) draws (NumPy's `np.random.exponential`). @throws {ValueError} "scale < 0" @example np.random.seed(0); np.random.exponential(2, 2)  // [1.59174902 2.51186153] */
export function exponential(scale?: number, size?: null): number;
export function exponential(scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function exponential(scale?: ArrayLike, size?: Size): number | NDArray;
export function exponential(scale: ArrayLike = 1, size?: Size): number | NDArray {
  return global.exponential(scale, size);
}

/** Gamma(shape, scale) draws (NumPy's `np.random.gamma`). @throws {ValueError} "shape < 0" @example np.random.seed(0); np.random.gamma(2, 1, 2)  // [5.13882958 2.23848091] */
export function gamma(shape: number, scale?: number, size?: null): number;
export function gamma(shape: ArrayLike, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function gamma(shape: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
export function gamma(shape: ArrayLike, scale: ArrayLike = 1, size?: Size): number | NDArray {
  return global.gamma(shape, scale, size);
}

/** Beta(a, b) draws (NumPy's `np.random.beta`). @throws {ValueError} "a <= 0" @example np.random.seed(0); np.random.beta(2, 3, 2)  // [0.60358975 0.79868334] */
export function beta(a: number, b: number, size?: null): number;
export function beta(a: ArrayLike, b: ArrayLike, size: number | readonly number[]): NDArray;
export function beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray;
export function beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray {
  return global.beta(a, b, size);
}

/** Binomial(n, p) counts (NumPy's `np.random.binomial`). @throws {ValueError} "n < 0" @example np.random.seed(0); np.random.binomial(10, 0.5, 3)  // [5 6 5] */
export function binomial(n: number, p: number, size?: null): number;
export function binomial(n: ArrayLike, p: ArrayLike, size: number | readonly number[]): NDArray;
export function binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray;
export function binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray {
  return global.binomial(n, p, size);
}

/** Poisson(λ) counts (NumPy's `np.random.poisson`). @throws {ValueError} "lam < 0 or lam is NaN" @example np.random.seed(0); np.random.poisson(3, 3)  // [5 6 2] */
export function poisson(lam?: number, size?: null): number;
export function poisson(lam: ArrayLike | undefined, size: number | readonly number[]): NDArray;
export function poisson(lam?: ArrayLike, size?: Size): number | NDArray;
export function poisson(lam: ArrayLike = 1, size?: Size): number | NDArray {
  return global.poisson(lam, size);
}

/**
 * A random sample from a 1-d array or `arange(a)` (NumPy's `np.random.choice`).
 * @throws {ValueError} "probabilities do not sum to 1", "Cannot take a larger sample than population when 'replace=False'"
 * @example np.random.seed(0); np.random.choice([10, 20, 30], 2)  // [10 20]
 */
export function choice(a: ArrayLike, size?: Size, opts?: LegacyChoiceOptions): number | NDArray;
export function choice<T>(a: readonly T[], size?: null, opts?: LegacyChoiceOptions): T;
export function choice<T>(a: readonly T[], size: number | readonly number[], opts?: LegacyChoiceOptions): T[];
export function choice(a: ArrayLike | readonly unknown[], size?: Size, opts: LegacyChoiceOptions = {}): unknown {
  return global.choice(a as ArrayLike, size, opts);
}

/** A shuffled copy, or a shuffled `arange(x)` (NumPy's `np.random.permutation`). @example np.random.seed(0); np.random.permutation(10)  // [2 8 4 9 1 6 7 3 0 5] */
export function permutation(x: ArrayLike): NDArray {
  return global.permutation(x);
}

/** Shuffles along the first axis in place (NumPy's `np.random.shuffle`). @example const a = np.arange(5); np.random.seed(0); np.random.shuffle(a)  // a is [2 0 1 3 4] */
export function shuffle(x: NDArray | unknown[]): void {
  global.shuffle(x);
}

/** Dirichlet(alpha) draws, shape `[...size, k]` (NumPy's `np.random.dirichlet`). @throws {ValueError} "alpha <= 0" @example np.random.seed(0); np.random.dirichlet([1, 1], 1)  // [[0.38788988 0.61211012]] */
export function dirichlet(alpha: ArrayLike, size?: Size): NDArray {
  return global.dirichlet(alpha, size);
}

/**
 * Multivariate normal draws, shape `[...size, N]` (NumPy's `np.random.multivariate_normal`, SVD factor).
 * @throws {ValueError} "mean and cov must have same length", "cov must be 2 dimensional and square"
 * @example np.random.seed(0); np.random.multivariateNormal([0, 0], [[1, 0], [0, 1]], 1)  // [[1.76405235 0.40015721]]
 */
export function multivariateNormal(mean: ArrayLike, cov: ArrayLike, size?: Size, opts: Omit<MultivariateNormalOptions, 'method'> = {}): NDArray {
  return global.multivariateNormal(mean, cov, size, opts);
}
