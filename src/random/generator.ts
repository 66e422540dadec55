/**
 * NumPy's `Generator` (numpy/random/_generator.pyx) over a bit generator:
 * `defaultRng(seed)` gives the same streams as `np.random.default_rng(seed)`.
 * Every method takes NumPy's arguments in NumPy's order with `size` last
 * (omitted → a JS number when the parameters are scalars, an int or shape →
 * an NDArray); array parameters broadcast as in NumPy.
 */
import { broadcastShapes, DTypeError, NDArray, shapeText, TypeError_, ValueError, type ArrayLike } from '../core';
import type { BitGenerator } from './bitgen/bitGenerator';
import { PCG64 } from './bitgen/pcg64';
import { SeedSequence, type SeedLike } from './bitgen/seedSequence';
import { choose, generatorWithoutReplacement, type ChoiceOptions, type ChoiceHost } from './choice';
import { beta, fillStandardNormal, standardExponential, standardGamma, standardNormal } from './distributions/continuous';
import { BinomialCache, binomial, poisson } from './distributions/discrete';
import { BoundedInt64 } from './distributions/bounded';
import { dirichletGenerator } from './dirichlet';
import { log1p } from './libm';
import { boundedIntegers, type IntegersOptions } from './integers';
import { multivariateNormal, type MultivariateNormalOptions } from './multivariateNormal';
import { at, broadcastPlan, Cons, floatParam, intParam, prod, sizeShape, type Size } from './params';
import { permutationOf, shuffleInPlace } from './permute';
import { cont1, cont2, disc1, disc2, scaledFill } from './sampling';

/** Options of {@link Generator.random}, {@link Generator.standardNormal}, {@link Generator.standardExponential}. */
export interface FloatDrawOptions {
  /** `'float64'` (default) or, for `random`, `'float32'`. */
  dtype?: 'float64' | 'float32' | string;
  /** A C-contiguous array to fill (NumPy's `out`); its shape must equal `size` when both are given. */
  out?: NDArray | null;
}

/** The buffer to fill: `opts.out` (checked as NumPy checks it) or a new array of `size`; `null` for a scalar draw. */
function outputFor(size: Size, opts: FloatDrawOptions, dtype: 'float64' | 'float32'): NDArray | null {
  const out = opts.out ?? null;
  const shape = sizeShape(size);
  if (out === null) {
    if (shape === null) return null;
    return new NDArray(dtype === 'float32' ? new Float32Array(prod(shape)) : new Float64Array(prod(shape)), shape, dtype);
  }
  if (!out.isContiguous || out.offset !== 0 || out.data.length !== out.size) throw new ValueError('Supplied output array is not contiguous, writable or aligned.');
  if (out.dtype !== dtype) throw new TypeError_(`Supplied output array has the wrong type. Expected ${dtype}, got ${out.dtype}`);
  if (shape !== null && (shape.length !== out.ndim || shape.some((d, i) => d !== out.shape[i]))) throw new ValueError('size must match out.shape when used together');
  return out;
}

/**
 * The modern NumPy random generator.
 * @example
 * const rng = np.random.defaultRng(42);
 * rng.random();            // 0.7739560485559633
 * rng.normal(0, 1, 3);     // [-1.03998411  0.7504512   0.94056472]  (NumPy's numbers)
 */
export class Generator {
  private readonly binomialCache = new BinomialCache();

  /** @param bitGenerator the source of raw bits (`new PCG64(seed)`, `new MT19937(seed)`). */
  constructor(readonly bitGenerator: BitGenerator) {}

  /** Uniform doubles in [0, 1). @example defaultRng(42).random(3)  // [0.77395605 0.43887844 0.85859792] */
  random(): number;
  random(size: number | readonly number[], opts?: FloatDrawOptions): NDArray;
  random(size: Size, opts?: FloatDrawOptions): number | NDArray;
  random(size?: Size, opts: FloatDrawOptions = {}): number | NDArray {
    const bg = this.bitGenerator;
    const dtype = opts.dtype ?? 'float64';
    if (dtype !== 'float64' && dtype !== 'float32') throw new TypeError_(`Unsupported dtype '${dtype}' for random`);
    const out = outputFor(size, opts, dtype);
    if (dtype === 'float32') {
      // NumPy's next_float: the top 24 bits of a 32-bit word
      if (out === null) return (bg.next32() >>> 8) * (1 / 16777216);
      const d = out.data as Float32Array;
      for (let i = 0; i < d.length; i++) d[i] = (bg.next32() >>> 8) * (1 / 16777216);
      return out;
    }
    if (out === null) return bg.nextDouble();
    const d = out.data as Float64Array;
    for (let i = 0; i < d.length; i++) d[i] = bg.nextDouble();
    return out;
  }

  /**
   * Uniform integers in [low, high) (or [low, high] with `endpoint`), Lemire's method;
   * one argument means [0, low).
   * @throws {ValueError} "low >= high", "high <= 0", "high is out of bounds for int64".
   * @example defaultRng(42).integers(10, null, 5)  // [0 7 6 4 4]
   */
  integers(low: number, high?: number | null): number;
  integers(low: ArrayLike, high: ArrayLike | null | undefined, size: number | readonly number[], opts?: IntegersOptions): NDArray;
  integers(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts?: IntegersOptions): number | NDArray;
  integers(low: ArrayLike, high?: ArrayLike | null, size?: Size, opts: IntegersOptions = {}): number | NDArray {
    return boundedIntegers(this.bitGenerator, low, high, size, opts, false);
  }

  /** Standard normals by NumPy's ziggurat. @example defaultRng(42).standardNormal(3)  // [ 0.30471708 -1.03998411  0.7504512 ] */
  standardNormal(): number;
  standardNormal(size: number | readonly number[], opts?: FloatDrawOptions): NDArray;
  standardNormal(size: Size, opts?: FloatDrawOptions): number | NDArray;
  standardNormal(size?: Size, opts: FloatDrawOptions = {}): number | NDArray {
    if ((opts.dtype ?? 'float64') !== 'float64') throw new DTypeError(`numts draws standard normals in float64 only (got dtype '${opts.dtype}')`);
    const out = outputFor(size, opts, 'float64');
    if (out === null) return standardNormal(this.bitGenerator);
    fillStandardNormal(this.bitGenerator, out.data as Float64Array);
    return out;
  }

  /**
   * Normal(loc, scale) draws: `loc + scale·z`.
   * @throws {ValueError} "scale < 0"
   * @example defaultRng(42).normal(5, 2, 2)  // [5.60943416 2.92003179]
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayLike | undefined, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  normal(loc?: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  normal(loc: ArrayLike = 0, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const fast = scaledFill(loc, scale, size, (out) => fillStandardNormal(bg, out));
    if (fast) return fast;
    return cont2(size, { value: loc, name: '', cons: Cons.None }, { value: scale, name: 'scale', cons: Cons.NonNegative }, (m, s) => m + s * standardNormal(bg));
  }

  /**
   * Uniform draws on [low, high): `low + (high - low)·U`.
   * @throws {ValueError} "high - low < 0"; {@link ValueError} (NumPy: OverflowError) for an infinite range.
   * @example defaultRng(42).uniform(-1, 1, 3)  // [ 0.5479121  -0.12224312  0.71719584]
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayLike | undefined, high: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  uniform(low?: ArrayLike, high?: ArrayLike, size?: Size): number | NDArray;
  uniform(low: ArrayLike = 0, high: ArrayLike = 1, size?: Size): number | NDArray {
    return uniformDraws(this.bitGenerator, low, high, size, 'high - low', ['high - low range exceeds valid bounds', 'Range exceeds valid bounds']);
  }

  /**
   * Standard exponentials by NumPy's ziggurat, or with `method: 'inv'` by inversion `-log1p(-U)`.
   * @example defaultRng(42).standardExponential(2)  // [2.4042086  2.33618966]
   */
  standardExponential(): number;
  standardExponential(size: number | readonly number[], opts?: FloatDrawOptions & { method?: 'zig' | 'inv' }): NDArray;
  standardExponential(size: Size, opts?: FloatDrawOptions & { method?: 'zig' | 'inv' }): number | NDArray;
  standardExponential(size?: Size, opts: FloatDrawOptions & { method?: 'zig' | 'inv' } = {}): number | NDArray {
    if ((opts.dtype ?? 'float64') !== 'float64') throw new DTypeError(`numts draws standard exponentials in float64 only (got dtype '${opts.dtype}')`);
    const bg = this.bitGenerator;
    const draw = opts.method === 'inv' ? (): number => -log1p(-bg.nextDouble()) : (): number => standardExponential(bg);
    const out = outputFor(size, opts, 'float64');
    if (out === null) return draw();
    const d = out.data as Float64Array;
    for (let i = 0; i < d.length; i++) d[i] = draw();
    return out;
  }

  /** Exponential(scale) draws. @throws {ValueError} "scale < 0" @example defaultRng(42).exponential(2, 2)  // [4.80841721 4.67237931] */
  exponential(scale?: number, size?: null): number;
  exponential(scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  exponential(scale?: ArrayLike, size?: Size): number | NDArray;
  exponential(scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont1(size, { value: scale, name: 'scale', cons: Cons.NonNegative }, (s) => s * standardExponential(bg));
  }

  /** Standard gamma(shape) draws. @throws {ValueError} "shape < 0" @example defaultRng(42).standardGamma(0.5, 2)  // [0.80450015 1.28029297] */
  standardGamma(shape: number, size?: null): number;
  standardGamma(shape: ArrayLike, size: number | readonly number[]): NDArray;
  standardGamma(shape: ArrayLike, size?: Size): number | NDArray;
  standardGamma(shape: ArrayLike, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont1(size, { value: shape, name: 'shape', cons: Cons.NonNegative }, (k) => standardGamma(bg, k));
  }

  /** Gamma(shape, scale) draws. @throws {ValueError} "shape < 0", "scale < 0" @example defaultRng(42).gamma(2, 1, 2)  // [2.09181727 2.83534559] */
  gamma(shape: number, scale?: number, size?: null): number;
  gamma(shape: ArrayLike, scale: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  gamma(shape: ArrayLike, scale?: ArrayLike, size?: Size): number | NDArray;
  gamma(shape: ArrayLike, scale: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont2(size, { value: shape, name: 'shape', cons: Cons.NonNegative }, { value: scale, name: 'scale', cons: Cons.NonNegative }, (k, s) => s * standardGamma(bg, k));
  }

  /** Beta(a, b) draws. @throws {ValueError} "a <= 0", "b <= 0" @example defaultRng(42).beta(2, 3, 2)  // [0.33841184 0.41040973] */
  beta(a: number, b: number, size?: null): number;
  beta(a: ArrayLike, b: ArrayLike, size: number | readonly number[]): NDArray;
  beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray;
  beta(a: ArrayLike, b: ArrayLike, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return cont2(size, { value: a, name: 'a', cons: Cons.Positive }, { value: b, name: 'b', cons: Cons.Positive }, (x, y) => beta(bg, x, y));
  }

  /** Binomial(n, p) counts (inversion / BTPE). @throws {ValueError} "n < 0", "p < 0, p > 1 or p is NaN" @example defaultRng(42).binomial(10, 0.5, 5)  // [6 5 7 6 3] */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: ArrayLike, p: ArrayLike, size: number | readonly number[]): NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray;
  binomial(n: ArrayLike, p: ArrayLike, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    const cache = this.binomialCache;
    return disc2(
      size,
      { value: p, name: 'p', cons: Cons.Bounded01 },
      { value: n, name: 'n', cons: Cons.NonNegative, converted: intParam(n) },
      (pp, nn) => binomial(bg, nn, pp, cache),
    );
  }

  /** Poisson(λ) counts (multiplication / PTRS). @throws {ValueError} "lam < 0 or lam is NaN", "lam value too large" @example defaultRng(42).poisson(3, 5)  // [4 4 5 1 7] */
  poisson(lam?: number, size?: null): number;
  poisson(lam: ArrayLike | undefined, size: number | readonly number[]): NDArray;
  poisson(lam?: ArrayLike, size?: Size): number | NDArray;
  poisson(lam: ArrayLike = 1, size?: Size): number | NDArray {
    const bg = this.bitGenerator;
    return disc1(size, { value: lam, name: 'lam', cons: Cons.Poisson }, (l) => poisson(bg, l));
  }

  /**
   * A random sample from `a` (an array, or `arange(a)` for an integer), NumPy's `choice`.
   * @throws {ValueError} "Probabilities do not sum to 1. …", "Cannot take a larger sample than population when replace is False", …
   * A plain list of other values (strings, objects) gives its items: one item
   * without `size`, else a flat JS array in C order.
   * @example defaultRng(42).choice(5, 3, { replace: false })  // [4 0 3]
   */
  choice(a: ArrayLike, size?: Size, opts?: ChoiceOptions): number | NDArray;
  choice<T>(a: readonly T[], size?: null, opts?: ChoiceOptions): T;
  choice<T>(a: readonly T[], size: number | readonly number[], opts?: ChoiceOptions): T[];
  choice(a: ArrayLike | readonly unknown[], size?: Size, opts: ChoiceOptions = {}): unknown {
    return choose(this.choiceHost(), a as ArrayLike, size, opts);
  }

  private choiceHost(): ChoiceHost {
    const bg = this.bitGenerator;
    return {
      bg,
      legacy: false,
      uniforms: (n) => (this.random([n]) as NDArray).data as Float64Array,
      indices: (pop, n) => {
        const s = new BoundedInt64(bg, false);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = s.draw(0, pop - 1);
        return out;
      },
      sampleWithoutReplacement: (pop, n, shuffle) => generatorWithoutReplacement(bg, pop, n, shuffle),
    };
  }

  /** A shuffled copy (`arange(x)` for an integer), along `axis`. @example defaultRng(42).permutation(5)  // [4 2 3 1 0] */
  permutation(x: ArrayLike, opts: { axis?: number } = {}): NDArray {
    return permutationOf(this.bitGenerator, x, opts.axis ?? 0, false);
  }

  /** Shuffles an NDArray (along `axis`) or a JS array in place. @throws {AxisError} for a bad axis. @example const x = np.arange(5); defaultRng(42).shuffle(x)  // x is [4 2 3 1 0] */
  shuffle(x: NDArray | unknown[], opts: { axis?: number } = {}): void {
    shuffleInPlace(this.bitGenerator, x, opts.axis ?? 0);
  }

  /**
   * Multivariate normal draws, shape `[...size, N]` (NumPy's default `method: 'svd'`).
   * @throws {ValueError} "mean must be 1 dimensional", "cov must be 2 dimensional and square", "mean and cov must have same length".
   * @example defaultRng(42).multivariateNormal([0, 0], [[1, 0.5], [0.5, 1]], 2)  // [[ 0.25609932 -0.78388479] [-1.12019216 -0.17962744]]
   */
  multivariateNormal(mean: ArrayLike, cov: ArrayLike, size?: Size, opts: MultivariateNormalOptions = {}): NDArray {
    return multivariateNormal(mean, cov, size, opts, (shape) => this.standardNormal(shape) as NDArray, false);
  }

  /**
   * Dirichlet(alpha) draws, shape `[...size, k]`.
   * @throws {ValueError} "alpha < 0"
   * @example defaultRng(42).dirichlet([1, 1, 1])  // [0.33742524 0.32787894 0.33469582]
   */
  dirichlet(alpha: ArrayLike, size?: Size): NDArray {
    return dirichletGenerator(this.bitGenerator, alpha, size);
  }

  /** `n` independent generators (NumPy's `Generator.spawn`). @throws {ValueError} for a negative count. @example defaultRng(42).spawn(2).map((g) => g.random())  // [0.9167441575549085, 0.4674907799518424] */
  spawn(nChildren: number): Generator[] {
    if (nChildren < 0) throw new ValueError('n_children must be non-negative');
    return this.bitGenerator.spawn(nChildren).map((b) => new Generator(b));
  }

  /** NumPy's `str(rng)`. */
  toString(): string {
    return `Generator(${this.bitGenerator.name})`;
  }
}

/**
 * `low + (high - low)·U` with NumPy's checks, shared with RandomState (whose
 * range has no constraint, `rangeName` '', and other overflow wording).
 * @throws {ValueError} (NumPy's OverflowError) when high - low is not finite.
 */
export function uniformDraws(bg: BitGenerator, low: ArrayLike, high: ArrayLike, size: Size, rangeName: string, overflow: [string, string]): number | NDArray {
  const lo = floatParam(low);
  const hi = floatParam(high);
  const cons = rangeName ? Cons.NonNegative : Cons.None;
  const draw = (l: number, r: number): number => l + r * bg.nextDouble();
  if (lo.shape.length === 0 && hi.shape.length === 0) {
    const range = hi.data[0] - lo.data[0];
    if (!Number.isFinite(range)) throw new ValueError(overflow[0]);
    return cont2(size, { value: lo.data[0], name: '', cons: Cons.None }, { value: range, name: rangeName, cons }, draw);
  }
  // np.subtract(high, low), broadcast
  let shape: number[];
  try {
    shape = broadcastShapes(hi.shape, lo.shape);
  } catch {
    throw new ValueError(`operands could not be broadcast together with shapes ${shapeText(hi.shape)} ${shapeText(lo.shape)} `);
  }
  const plan = broadcastPlan(shape, [hi.shape, lo.shape]);
  const range = new Float64Array(plan.size);
  for (let i = 0; i < plan.size; i++) range[i] = at(hi, plan.offsets[0], i) - at(lo, plan.offsets[1], i);
  if (!range.every(Number.isFinite)) throw new ValueError(overflow[1]);
  const r = { data: range, shape };
  return cont2(size, { value: low, name: '', cons: Cons.None, converted: lo }, { value: 0, name: rangeName, cons, converted: r }, draw);
}

/** What `defaultRng` accepts: a seed, a SeedSequence, a bit generator or a Generator. */
export type RngSeed = SeedLike | SeedSequence | BitGenerator | Generator | null | undefined;

/**
 * A Generator over PCG64 seeded as NumPy's `np.random.default_rng(seed)`
 * (an existing Generator passes through; a bit generator is wrapped).
 * @example np.random.defaultRng(42).random()  // 0.7739560485559633
 */
export function defaultRng(seed?: RngSeed): Generator {
  if (seed instanceof Generator) return seed;
  if (seed !== null && typeof seed === 'object' && 'next64' in seed) return new Generator(seed);
  return new Generator(new PCG64(seed as SeedLike | SeedSequence | null | undefined));
}
