/**
 * numts/random — NumPy's `np.random`: bit generators (MT19937, PCG64,
 * SeedSequence), the modern `Generator` (`defaultRng`), the legacy
 * `RandomState`, and the module-level legacy functions (`seed`, `rand`,
 * `randn`, …). Same seed, same numbers as NumPy.
 */
import '../ops';
import '../tensor';

export { SeedSequence, type SeedLike, type SeedInt, type SeedSequenceOptions } from './bitgen/seedSequence';
export type { BitGenerator } from './bitgen/bitGenerator';
export { MT19937, type MT19937State } from './bitgen/mt19937';
export { PCG64, type PCG64State } from './bitgen/pcg64';
export { Generator, defaultRng, type RngSeed, type FloatDrawOptions } from './generator';
export { RandomState, type LegacySeed, type LegacyStateTuple, type LegacyStateDict, type LegacyChoiceOptions } from './legacy';
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
