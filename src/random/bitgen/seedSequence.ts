/**
 * NumPy's `SeedSequence` (numpy/random/bit_generator.pyx): turns a seed (an
 * integer or a list of integers) plus a spawn key into well-mixed 32-bit words
 * for a bit generator's initial state. Its hash is Melissa O'Neill's
 * "randutils" seed_seq_fe design (2015): every input word is hashed into a
 * pool of 4 words with a multiplier that changes at each use, the pool words
 * are mixed with each other, and `generateState` hashes the pool out again.
 * The same seed gives the same words as NumPy, so `defaultRng(42)` streams
 * match `np.random.default_rng(42)`.
 */
import { TypeError_, ValueError } from '../../core';

const DEFAULT_POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** An integer seed: a JS integer (exact up to 2^53) or a bigint of any size. */
export type SeedInt = number | bigint;
/** What a seed may be: one non-negative integer or a flat list of them. */
export type SeedLike = SeedInt | readonly SeedInt[];

/**
 * Splits a non-negative integer into little-endian 32-bit words (`0` → `[0]`),
 * NumPy's `_int_to_uint32_array`.
 * @throws {ValueError} "expected non-negative integer"
 * @throws {TypeError} "seed must be integer" for a fractional number.
 */
export function intToUint32Words(n: SeedInt): number[] {
  if (typeof n === 'number') {
    if (!Number.isInteger(n)) throw new TypeError_('seed must be integer');
    if (!Number.isSafeInteger(n) && n > 0) throw new ValueError(`seed ${n} is above 2**53 and not exact; pass it as a bigint`);
  }
  let v = BigInt(n);
  if (v < 0n) throw new ValueError('expected non-negative integer');
  if (v === 0n) return [0];
  const out: number[] = [];
  while (v > 0n) {
    out.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  return out;
}

/** NumPy's `_coerce_to_uint32_array`: an integer or a flat list of integers, word by word. */
export function coerceToUint32Words(x: SeedLike): number[] {
  if (typeof x === 'number' || typeof x === 'bigint') return intToUint32Words(x);
  if (!Array.isArray(x)) throw new TypeError_(`SeedSequence expects int or sequence of ints for entropy not ${String(x)}`);
  const out: number[] = [];
  for (const v of x) {
    if (Array.isArray(v)) throw new TypeError_('SeedSequence does not accept nested sequences.');
    out.push(...intToUint32Words(v as SeedInt));
  }
  return out;
}

/** `hashmix` of bit_generator.pyx; `hc` holds the running multiplier and is updated. */
function hashmix(value: number, hc: { c: number }): number {
  value = (value ^ hc.c) >>> 0;
  hc.c = Math.imul(hc.c, MULT_A) >>> 0;
  value = Math.imul(value, hc.c) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

function mix(x: number, y: number): number {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

/** Fresh entropy from the platform (`crypto.getRandomValues` where present). */
function osEntropy(words: number): bigint {
  const buf = new Uint32Array(words);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(buf);
  else for (let i = 0; i < words; i++) buf[i] = Math.floor(Math.random() * 4294967296);
  let v = 0n;
  for (let i = words - 1; i >= 0; i--) v = (v << 32n) | BigInt(buf[i]);
  return v;
}

/** Options of {@link SeedSequence} (NumPy's keyword arguments). */
export interface SeedSequenceOptions {
  /** Path of child indices from the root sequence (set by `spawn`). */
  spawnKey?: readonly SeedInt[];
  /** Words in the entropy pool (at least 4). */
  poolSize?: number;
  /** Children already spawned (so new spawns get fresh keys). */
  nChildrenSpawned?: number;
}

/**
 * Mixes a seed into a pool of entropy and hands out state words, exactly as
 * NumPy's `SeedSequence`.
 * @example
 * new SeedSequence(42).generateState(4);   // Uint32Array [ 3444837047, 2669555309, 2046530742, 3581440988 ]
 */
export class SeedSequence {
  /** The seed given (or drawn from the OS when omitted). */
  readonly entropy: SeedLike;
  readonly spawnKey: readonly SeedInt[];
  readonly poolSize: number;
  nChildrenSpawned: number;
  /** The mixed pool (`poolSize` 32-bit words). */
  readonly pool: Uint32Array;

  /**
   * @param entropy a non-negative integer or a list of them; omitted → fresh OS entropy.
   * @throws {ValueError} for a pool smaller than 4 or a negative seed.
   * @throws {TypeError} for a fractional or nested seed.
   */
  constructor(entropy?: SeedLike | null, opts: SeedSequenceOptions = {}) {
    const poolSize = opts.poolSize ?? DEFAULT_POOL_SIZE;
    if (poolSize < DEFAULT_POOL_SIZE) throw new ValueError(`The size of the entropy pool should be at least ${DEFAULT_POOL_SIZE}`);
    this.entropy = entropy ?? osEntropy(poolSize);
    this.spawnKey = Object.freeze([...(opts.spawnKey ?? [])]);
    this.poolSize = poolSize;
    this.nChildrenSpawned = opts.nChildrenSpawned ?? 0;
    this.pool = new Uint32Array(poolSize);
    this.mixEntropy(this.assembledEntropy());
  }

  /** Run entropy followed by the spawn key, zero-padded to the pool size when a spawn key is present (NumPy ≥ 1.19). */
  private assembledEntropy(): number[] {
    const run = coerceToUint32Words(this.entropy);
    const spawn = coerceToUint32Words(this.spawnKey as SeedInt[]);
    if (spawn.length > 0 && run.length < this.poolSize) while (run.length < this.poolSize) run.push(0);
    return run.concat(spawn);
  }

  private mixEntropy(entropy: readonly number[]): void {
    const pool = this.pool;
    const n = pool.length;
    const hc = { c: INIT_A };
    for (let i = 0; i < n; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hc);
    // Mix all bits together so late bits can affect earlier bits.
    for (let src = 0; src < n; src++) {
      for (let dst = 0; dst < n; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hc));
    }
    // Remaining entropy: mix each extra word into every pool word.
    for (let src = n; src < entropy.length; src++) {
      for (let dst = 0; dst < n; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src], hc));
    }
  }

  /**
   * `nWords` words of state: 32-bit words, or for `'uint64'` 2·nWords 32-bit
   * words in little-endian pairs (low word first), as NumPy's
   * `generate_state(n, np.uint64).view(np.uint32)`.
   * @throws {ValueError} "only support uint32 or uint64"
   */
  generateState(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array {
    if (dtype !== 'uint32' && dtype !== 'uint64') throw new ValueError('only support uint32 or uint64');
    const n = dtype === 'uint64' ? 2 * nWords : nWords;
    const out = new Uint32Array(n);
    let hc = INIT_B;
    for (let i = 0; i < n; i++) {
      let v = (this.pool[i % this.pool.length] ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }

  /**
   * `n` independent child sequences (NumPy's `spawn`): same entropy, spawn key extended by the child index.
   * @throws {ValueError} "n_children must be non-negative"
   */
  spawn(nChildren: number): SeedSequence[] {
    if (nChildren < 0) throw new ValueError('n_children must be non-negative');
    const out: SeedSequence[] = [];
    for (let i = this.nChildrenSpawned; i < this.nChildrenSpawned + nChildren; i++) {
      out.push(new SeedSequence(this.entropy, { spawnKey: [...this.spawnKey, i], poolSize: this.poolSize }));
    }
    this.nChildrenSpawned += nChildren;
    return out;
  }
}
