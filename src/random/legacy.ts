/**
 * NumPy's legacy `RandomState` (numpy/random/mtrand.pyx): MT19937 seeded the
 * old way, Box–Muller normals with a cached deviate, masked-rejection
 * integers. Its streams are frozen in NumPy, so `new RandomState(0)` (or
 * `np.random.seed(0)` and the module functions) reproduce seeded NumPy
 * scripts number for number.
 */
import { NDArray, TypeError_, ValueError, type ArrayLike } from '../core';
import { MT19937 } from './bitgen/mt19937';
import { SeedSequence, type SeedInt } from './bitgen/seedSequence';
import { choose, type ChoiceHost } from './choice';
import { dirichletLegacy } from './dirichlet';
import { BinomialCache, binomial, poisson } from './distributions/discrete';
import { BoundedInt64 } from './distributions/bounded';
import { fillLegacyGauss, legacyBeta, legacyGauss, legacyStandardExponential, legacyStandardGamma, type GaussState } from './distributions/legacyContinuous';
import { uniformDraws } from './generator';
import { boundedIntegers, type IntegersOptions } from './integers';
import { multivariateNormal, type MultivariateNormalOptions } from './multivariateNormal';
import { Cons, intParam, prod, sizeShape, type Size } from './params';
import { permutationOf, shuffleInPlace } from './permute';
import { cont0, cont1, cont2, disc1, disc2, scaledFill } from './sampling';

/** Options of `RandomState.choice`. */
export interface LegacyChoiceOptions {
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries of `a`. */
  p?: ArrayLike | null;
}

/** A legacy seed: an integer in [0, 2^32) or a 1-d list of them. */
export type LegacySeed = SeedInt | readonly SeedInt[];

/** NumPy's `get_state()` tuple: ('MT19937', key, pos, has_gauss, cached_gaussian). */
export type LegacyStateTuple = ['MT19937', Uint32Array, number, number, number];

/** NumPy's `get_state(legacy=False)` dict. */
export interface LegacyStateDict {
  bit_generator: 'MT19937';
  state: { key: Uint32Array; pos: number };
  has_gauss: number;
  gauss: number;
}

/**
 * The legacy NumPy random generator.
 * @example
 * const rs = new np.random.RandomState(0);
 * rs.randn(3);   // [1.76405235 0.40015721 0.97873798]
 */
export class RandomState {
  readonly bitGenerator: MT19937;
  private readonly gaussState: GaussState;
  private readonly binomialCache = new BinomialCache();

  /** @param seed integer in [0, 2^32) or list of them; omitted → fresh OS entropy. */
  constructor(seed?: LegacySeed | null) {
    this.bitGenerator = new MT19937(seed === undefined || seed === null ? undefined : 0);
    if (seed !== undefined && seed !== null) this.bitGenerator.legacySeed(seed);
    this.gaussState = { bg: this.bitGenerator, hasGauss: false, gauss: 0 };
  }

  /**
   * Reseeds (NumPy's `RandomState.seed`): an integer through `init_genrand`, a
   * list through `init_by_array`, nothing through fresh OS entropy.
   * @throws {ValueError} "Seed must be between 0 and 2**32 - 1"
   */
  seed(seed?: LegacySeed | null): void {
    if (seed === undefined || seed === null) {
      const val = new SeedSequence().generateState(624);
      this.bitGenerator.key.set(val);
      this.bitGenerator.key[0] = 0x80000000;
    } else {
      this.bitGenerator.legacySeed(seed);
    }
    this.gaussState.hasGauss = false;
    this.gaussState.gauss = 0;
  }

  /** The state: NumPy's legacy tuple, or with `{ legacy: false }` its dict. */
  getState(opts: { legacy?: boolean } = {}): LegacyStateTuple | LegacyStateDict {
    const { key, pos } = this.bitGenerator.state.state;
    const g = this.gaussState;
    if (opts.legacy ?? true) return ['MT19937', key, pos, g.hasGauss ? 1 : 0, g.gauss];
    return { bit_generator: 'MT19937', state: { key, pos }, has_gauss: g.hasGauss ? 1 : 0, gauss: g.gauss };
  }

  /** Restores a state from {@link getState}. @throws {ValueError} for a state of another generator. */
  setState(state: LegacyStateTuple | LegacyStateDict): void {
    if (Array.isArray(state)) {
      if (state[0] !== 'MT19937') throw new ValueError('set_state can only be used with legacy MT19937 state instances.');
      this.bitGenerator.state = { bit_generator: 'MT19937', state: { key: state[1], pos: state[2] } };
      this.gaussState.hasGauss = !!state[3];
      this.gaussState.gauss = state[4] ?? 0;
      return;
    }
    const d = state as LegacyStateDict;
    this.bitGenerator.state = { bit_generator: d.bit_generator, state: d.state };
    this.gaussState.hasGauss = !!d.has_gauss;
    this.gaussState.gauss = d.gauss ?? 0;
  }

  /** Uniform doubles in [0, 1). @example new RandomState(0).randomSample(3)  // [0.5488135  0.71518937 0.60276338] */
  randomSample(): number;
  randomSample(size: number | readonly number[]): NDArray;
  randomSample(size: Size): number | NDArray;
  randomSample(size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const shape = sizeShape(size);
    if (shape === null) return bg.nextDouble();
    const out = new Float64Array(prod(shape));
    for (let i = 0; i < out.length; i++) out[i] = bg.nextDouble();
    return new NDArray(out, shape, 'float64');
  }

  /** Alias of {@link randomSample} (NumPy's `random`). */
  random(): number;
  random(size: number | readonly number[]): NDArray;
  random(size: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    return this.randomSample(size);
  }

  /** Uniform doubles of shape `dims` (no dims → a number). @example new RandomState(0).rand(2, 2)  // [[0.5488135  0.71518937] [0.60276338 0.54488318]] */
  rand(): number;
  rand(...dims: number[]): NDArray;
  rand(...dims: number[]): number | NDArray {
    return dims.length === 0 ? this.randomSample() : this.randomSample(dims);
  }

  /** Standard normals of shape `dims` (no dims → a number). @example new RandomState(0).randn(3)  // [1.76405235 0.40015721 0.97873798] */
  randn(): number;
  randn(...dims: number[]): NDArray;
  randn(...dims: number[]): number | NDArray {
    return dims.length === 0 ? this.standardNormal() : this.standardNormal(dims);
  }

  /**
   * Uniform integers in [low, high) by masked rejection; one argument means [0, low).
   * @throws {ValueError} "low >= high", "high <= 0"
   * @example new RandomState(0).randint(0, 10, 5)  // [5 0 3 3 7]
   */
  randint(low: number, high?: number | null): number;
  randint(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], opts?: Pick<IntegersOptions, 'dtype'>): NDArray;
  randint(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts?: Pick<IntegersOptions, 'dtype'>): number | NDArray;
  randint(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts: Pick<IntegersOptions, 'dtype'> = {}): number | NDArray {
    return boundedIntegers(this.bitGenerator, low, high, size, { dtype: opts.dtype }, true);
  }

  /** Standard normals (polar Box–Muller). @example new RandomState(0).standardNormal(2)  // [1.76405235 0.40015721] */
  standardNormal(): number;
  standardNormal(size: number | readonly number[]): NDArray;
  standardNormal(size: Size): number | NDArray;
  standardNormal(size?: Size): number | NDArray {
    const shape = sizeShape(size);
    if (shape === null) return legacyGauss(this.gaussState);
    const out = new Float64Array(prod(shape));
    fillLegacyGauss(this.gaussState, out);
    return new NDArray(out, shape, 'float64');
  }

  /** Normal(loc, scale). @throws {ValueError} "scale < 0" @example new RandomState(0).normal(5, 2, 2)  // [8.52810469 5.80031442] */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const g = this.gaussState;
    const fast = scaledFill(loc, scale, size, (out) => fillLegacyGauss(g, out));
    if (fast) return fast;
    return cont2(size, { value: loc, name: '', cons: Cons.None }, { value: scale, name: 'scale', cons: Cons.NonNegative }, (m, s) => m + s * legacyGauss(g));
  }

  /** Uniform on [low, high). @throws {ValueError} (NumPy: OverflowError) "Range exceeds valid bounds" @example new RandomState(0).uniform(-1, 1, 3)  // [0.09762701 0.43037873 0.20552675] */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
  uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
    return uniformDraws(this.bitGenerator, low, high, size, '', ['Range exceeds valid bounds', 'Range exceeds valid bounds']);
  }

  /** Standard exponentials `-log(1 - U)`. @example new RandomState(0).standardExponential(2)  // [0.79587451 1.25593076] */
  standardExponential(): number;
  standardExponential(size: number | readonly number[]): NDArray;
  standardExponential(size: Size): number | NDArray;
  standardExponential(size?: Size): number | NDArray {
    const g = this.gaussState;
    return cont0(size, () => legacyStandardExponential(g));
  }

  /** Exponential(scale). @throws {ValueError} "scale < 0" @example new RandomState(0).exponential(2, 2)  // [1.59174902 2.51186153] */
  exponential(scale?: number, size?: null): number;
  exponential(scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  exponential(scale?: ArrayLike, size?: Size): number | NDArray;
  exponential(scale: ArrayLike = 1, size?: Size): number | NDArray {
    const g = this.gaussState;
    return cont1(size, { value: scale, name: 'scale', cons: Cons.NonNegative }, (s) => s * legacyStandardExponential(g));
  }

  /** Standard gamma(shape). @throws {ValueError} "shape < 0" @example new RandomState(0).standardGamma(2, 2)  // [5.13882958 2.23848091] */
  standardGamma(shape: number, size?: null): number;
  standardGamma(shape: ArrayLike, size: number | readonly number[]): NDArray;
  standardGamma(shape: ArrayLike, size?: Size): number | NDArray;
  standardGamma(shape: ArrayLike, size?: Size): number | NDArray {
    const g = this.gaussState;
    return cont1(size, { value: shape, name: 'shape', cons: Cons.NonNegative }, (k) => legacyStandardGamma(g, k));
  }

  /** Gamma(shape, scale). @throws {ValueError} "shape < 0", "scale < 0" @example new RandomState(0).gamma(2, 1, 2)  // [5.13882958 2.23848091] */
  gamma(shape: number, scale?: number, size?: null): number;
  gamma(shape: ArrayLike, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  gamma(shape: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  gamma(shape: ArrayLike, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const g = this.gaussState;
    return cont2(size, { value: shape, name: 'shape', cons: Cons.NonNegative }, { value: scale, name: 'scale', cons: Cons.NonNegative }, (k, s) => s * legacyStandardGamma(g, k));
  }

  /** Beta(a, b). @throws {ValueError} "a <= 0", "b <= 0" @example new RandomState(0).beta(2, 3, 2)  // [0.60358975 0.79868334] */
  beta(a: number, b: number, size?: null): number;
  beta(a: ArrayLike, b: ArrayLike, size: number | readonly number[]): NDArray;
  beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray;
  beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray {
    const g = this.gaussState;
    return cont2(size, { value: a, name: 'a', cons: Cons.Positive }, { value: b, name: 'b', cons: Cons.Positive }, (x, y) => legacyBeta(g, x, y));
  }

  /** Binomial(n, p) counts (legacy inversion / BTPE). @throws {ValueError} "n < 0" @example new RandomState(0).binomial(10, 0.5, 5)  // [5 6 5 5 5] */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: ArrayLike, p: ArrayLike, size: number | readonly number[]): NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const cache = this.binomialCache;
    return disc2(
      size,
      { value: p, name: 'p', cons: Cons.Bounded01 },
      { value: n, name: 'n', cons: Cons.LegacyNonNegativeLong, converted: intParam(n) },
      (pp, nn) => binomial(bg, nn, pp, cache, true),
    );
  }

  /** Poisson(λ) counts. @throws {ValueError} "lam < 0 or lam is NaN" @example new RandomState(0).poisson(3, 5)  // [5 6 2 0 7] */
  poisson(lam?: number, size?: null): number;
  poisson(lam: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  poisson(lam?: ArrayLike, size?: Size): number | NDArray;
  poisson(lam: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return disc1(size, { value: lam, name: 'lam', cons: Cons.LegacyPoisson }, (l) => poisson(bg, l));
  }

  /**
   * A random sample from a 1-d array (or `arange(a)`), NumPy's legacy `choice`.
   * @throws {ValueError} "probabilities do not sum to 1", "Cannot take a larger sample than population when 'replace=False'", …
   * @example new RandomState(0).choice(5, 3)  // [4 0 3]
   */
  choice(a: ArrayLike, size?: Size, opts?: LegacyChoiceOptions): number | NDArray;
  choice<T>(a: readonly T[], size?: null, opts?: LegacyChoiceOptions): T;
  choice<T>(a: readonly T[], size: number | readonly number[], opts?: LegacyChoiceOptions): T[];
  choice(a: ArrayLike | readonly unknown[], size?: Size, opts: LegacyChoiceOptions = {}): unknown {
    const bg = this.bitGenerator;
    const host: ChoiceHost = {
      bg,
      legacy: true,
      uniforms: (n) => (this.randomSample([n]) as NDArray).data as Float64Array,
      indices: (pop, n) => {
        const s = new BoundedInt64(bg, true);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = s.draw(0, pop - 1);
        return out;
      },
      sampleWithoutReplacement: (pop, n) => Float64Array.from(this.permutation(pop).toArray().slice(0, n)),
    };
    return choose(host, a as ArrayLike, size, { replace: opts.replace, p: opts.p });
  }

  /** A shuffled copy (`arange(x)` for an integer), along the first axis. @example new RandomState(0).permutation(10)  // [2 8 4 9 1 6 7 3 0 5] */
  permutation(x: ArrayLike): NDArray {
    return permutationOf(this.bitGenerator, x, 0, true);
  }

  /** Shuffles an NDArray along its first axis, or a JS array, in place. @example const x = np.arange(5); new RandomState(0).shuffle(x)  // x is [2 0 1 3 4] */
  shuffle(x: NDArray | unknown[]): void {
    if (x instanceof NDArray && x.ndim === 0) throw new TypeError_('len() of unsized object');
    shuffleInPlace(this.bitGenerator, x, 0);
  }

  /** Dirichlet(alpha) draws, shape `[...size, k]`. @throws {ValueError} "alpha <= 0" @example new RandomState(0).dirichlet([1, 1, 1])  // [0.26751829 0.42215757 0.31032414] */
  dirichlet(alpha: ArrayLike, size?: Size): NDArray {
    return dirichletLegacy(this.gaussState, alpha, size);
  }

  /** Multivariate normal draws, shape `[...size, N]` (SVD factor, as NumPy). @throws {ValueError} "mean and cov must have same length" @example new RandomState(0).multivariateNormal([0, 0], [[1, 0.5], [0.5, 1]], 2)  // [[-1.72779275 -1.32763554] [-1.96805856  0.27283464]] */
  multivariateNormal(mean: ArrayLike, cov: ArrayLike, size?: Size, opts: Omit<MultivariateNormalOptions, 'method'> = {}): NDArray {
    return multivariateNormal(mean, cov, size, { ...opts, method: 'svd' }, (shape) => this.standardNormal(shape) as NDArray, true);
  }

  /** NumPy's `str(rs)`. */
  toString(): string {
    return 'RandomState(MT19937)';
  }
}
