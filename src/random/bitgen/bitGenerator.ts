/**
 * The interface every bit generator offers to the samplers, NumPy's
 * `bitgen_t`: raw 32- and 64-bit words and a uniform double. 64-bit words are
 * handed over as two 32-bit halves (JavaScript has no fast uint64): `next64()`
 * returns the low half and leaves the high half in `hi`, so hot loops allocate
 * nothing.
 */
import type { SeedSequence } from './seedSequence';

export interface BitGenerator {
  /**
   * A uniform 32-bit word (NumPy's `next_uint32`) as a *signed* int32: use
   * `>>> 0` for the unsigned value. Int32s are small integers to V8, so passing
   * them around never allocates (a uint32 above 2^31 would be a heap number).
   */
  next32(): number;
  /** A uniform uint64 (NumPy's `next_uint64`): returns the low 32 bits, the high 32 bits are left in {@link hi} (both as int32). */
  next64(): number;
  /** High 32 bits of the last {@link next64} word (int32). */
  hi: number;
  /** A uniform double in [0, 1) (NumPy's `next_double`; its construction differs per generator). */
  nextDouble(): number;
  /** The seed sequence that seeded this generator (`null` after legacy seeding). */
  readonly seedSeq: SeedSequence | null;
  /** Independent child generators of the same kind (NumPy's `BitGenerator.spawn`). */
  spawn(nChildren: number): BitGenerator[];
  /** Class name as NumPy prints it (`'PCG64'`, `'MT19937'`). */
  readonly name: string;
}

/** 2^-53: scales a 53-bit integer into [0, 1). */
export const TWO_M53 = 1.1102230246251565e-16;
/** 2^32. */
export const TWO_32 = 4294967296;
