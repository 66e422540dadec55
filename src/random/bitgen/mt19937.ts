/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura, ACM TOMACS 8(1), 1998),
 * as NumPy's `MT19937` bit generator and legacy `RandomState` use it
 * (numpy/random/src/mt19937/mt19937.c): 624 32-bit words of state, tempered
 * output. Seeding follows NumPy: `new MT19937(seed)` goes through
 * {@link SeedSequence}; {@link MT19937.legacySeed} is `np.random.seed`
 * (`init_genrand` for an integer, `init_by_array` for a list).
 */
import { ValueError } from '../../core';
import { TWO_M53, type BitGenerator } from './bitGenerator';
import { SeedSequence, type SeedInt, type SeedLike } from './seedSequence';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** The state NumPy reports: `{ bit_generator: 'MT19937', state: { key, pos } }`. */
export interface MT19937State {
  bit_generator: 'MT19937';
  state: { key: Uint32Array; pos: number };
}

/**
 * MT19937 bit generator.
 * @example
 * const bg = new MT19937(0);
 * bg.next32();   // 2058676884 (np.random.MT19937(0).random_raw())
 */
export class MT19937 implements BitGenerator {
  readonly name = 'MT19937';
  readonly key = new Uint32Array(N);
  pos = N;
  hi = 0;
  seedSeq: SeedSequence | null;

  /** @param seed integer, list of integers or SeedSequence; omitted → OS entropy. */
  constructor(seed?: SeedLike | SeedSequence | null) {
    this.seedSeq = seed instanceof SeedSequence ? seed : new SeedSequence(seed ?? null);
    const val = this.seedSeq.generateState(N, 'uint32');
    this.key.set(val);
    // MSB is 1, assuring a non-zero state; NumPy leaves pos at 623 (the loop variable's last value).
    this.key[0] = 0x80000000;
    this.pos = N - 1;
  }

  /**
   * NumPy's legacy seeding (`RandomState.seed` / `np.random.seed`): an integer
   * in [0, 2^32) goes through Knuth's `init_genrand`; a 1-d list of such integers
   * through `init_by_array`.
   * @throws {ValueError} "Seed must be between 0 and 2**32 - 1", "Seed must be non-empty", "Seed array must be 1-d".
   */
  legacySeed(seed: SeedInt | readonly SeedInt[]): void {
    if (typeof seed === 'number' || typeof seed === 'bigint') {
      if (typeof seed === 'number' && !Number.isInteger(seed)) throw new ValueError('Seed must be between 0 and 2**32 - 1');
      const s = BigInt(seed);
      if (s < 0n || s > 0xffffffffn) throw new ValueError('Seed must be between 0 and 2**32 - 1');
      this.initGenrand(Number(s));
    } else {
      if (seed.length === 0) throw new ValueError('Seed must be non-empty');
      const words = new Uint32Array(seed.length);
      for (let i = 0; i < seed.length; i++) {
        const v = seed[i] as unknown;
        if (Array.isArray(v)) throw new ValueError('Seed array must be 1-d');
        if (typeof v !== 'number' && typeof v !== 'bigint') throw new ValueError('Seed must be between 0 and 2**32 - 1');
        if (typeof v === 'number' && !Number.isInteger(v)) throw new ValueError('Seed must be between 0 and 2**32 - 1');
        const b = BigInt(v);
        if (b < 0n || b > 0xffffffffn) throw new ValueError('Seed must be between 0 and 2**32 - 1');
        words[i] = Number(b);
      }
      this.initByArray(words);
    }
    this.seedSeq = null;
  }

  /** Knuth TAOCP vol. 2, 3rd ed., p. 106 multiplier, as in the MT reference `init_genrand`. */
  private initGenrand(s: number): void {
    const mt = this.key;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = N;
  }

  /** The MT reference `init_by_array` (2002/01/09 version). */
  private initByArray(initKey: Uint32Array): void {
    const mt = this.key;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = initKey.length;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + initKey[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** Regenerates the 624 words (the twist). */
  private twist(): void {
    const mt = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  next32(): number {
    if (this.pos >= N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y; // an int32 after the xors
  }

  /** NumPy's `mt19937_next64`: the first word is the high half (words as int32). */
  next64(): number {
    this.hi = this.next32();
    return this.next32();
  }

  /** NumPy's `mt19937_next_double`: 27 + 26 bits from two words. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) * TWO_M53;
  }

  /**
   * Child generators seeded from spawned seed sequences.
   * @throws {ValueError} when this generator was seeded the legacy way (no SeedSequence).
   */
  spawn(nChildren: number): MT19937[] {
    if (this.seedSeq === null) throw new ValueError('The underlying SeedSequence does not implement spawning. You must seed the bit generator with a SeedSequence to use spawn.');
    return this.seedSeq.spawn(nChildren).map((s) => new MT19937(s));
  }

  /** A copy of the state, as NumPy's `MT19937.state`. */
  get state(): MT19937State {
    return { bit_generator: 'MT19937', state: { key: this.key.slice(), pos: this.pos } };
  }

  /** @throws {ValueError} for a state of another generator or a malformed key. */
  set state(value: MT19937State) {
    if (value.bit_generator !== 'MT19937') throw new ValueError('state must be for a MT19937 PRNG');
    const { key, pos } = value.state;
    if (key.length !== N || !(pos >= 0 && pos <= N)) throw new ValueError('state is not a valid MT19937 state');
    this.key.set(key);
    this.pos = pos;
  }
}
