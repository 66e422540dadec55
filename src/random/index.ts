/**
 * numts/random — NumPy's `np.random`: bit generators (MT19937, PCG64,
 * SeedSequence), the modern `Generator` (`defaultRng`), the legacy
 * `RandomState`, and the module-level legacy functions (`seed`, `rand`,
 * `randn`, …). Same seed, same numbers as NumPy.
 */
import '../ops/methods';
import '../tensor';

export { SeedSequence } from './bitgen/seedSequence';
export type { SeedLike, SeedInt, SeedSequenceOptions } from './bitgen/seedSequence';
export type { BitGenerator } from './bitgen/bitGenerator';
export { MT19937 } from './bitgen/mt19937';
export type { MT19937State } from './bitgen/mt19937';
export { PCG64 } from './bitgen/pcg64';
export type { PCG64State } from './bitgen/pcg64';
export { Generator, defaultRng } from './generator';
export type { RngSeed, FloatDrawOptions } from './generator';
export { RandomState } from './legacy';
export type { LegacySeed, LegacyStateTuple, LegacyStateDict, LegacyChoiceOptions } from './legacy';
export type { Size } from './params';
export type { IntegersOptions } from './integers';
export type { ChoiceOptions } from './choice';
export type { MultivariateNormalOptions } from './multivariateNormal';
export {
  seed,
  getState,
  setState,
  random,
  randomSample,
  rand,
  randn,
  randint,
  normal,
  uniform,
  standardNormal,
  standardExponential,
  exponential,
  gamma,
  beta,
  binomial,
  poisson,
  choice,
  permutation,
  shuffle,
  dirichlet,
  multivariateNormal,
  globalRandomState,
} from './module';
