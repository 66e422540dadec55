/**
 * PCG64 (O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically
 * Good Algorithms for Random Number Generation", HMC-CS-2014-0905): a 128-bit
 * LCG `s ← s·M + inc (mod 2^128)` with the XSL-RR output (xor the halves,
 * rotate right by the top 6 bits). This is NumPy's default bit generator
 * (numpy/random/src/pcg64/pcg64.h); seeding goes through {@link SeedSequence}
 * exactly as `np.random.PCG64(seed)`.
 *
 * JavaScript has no 128-bit (or 64-bit) integer arithmetic that is fast, so
 * the state lives in six 24-bit limbs held as doubles: a limb product is below
 * 2^48 and a column of the schoolbook product sums at most six of them, so
 * every partial sum stays below 2^53 and is exact. BigInt is used only for
 * seeding, `advance` and the `state` property, never per draw.
 */
import { ValueError } from '../../core';
import { TWO_M53, type BitGenerator } from './bitGenerator';
import { SeedSequence, type SeedLike } from './seedSequence';

const B24 = 16777216;
const INV24 = 1 / B24;
const MASK128 = (1n << 128n) - 1n;
/** PCG_DEFAULT_MULTIPLIER_128. */
const MULT = (2549297995355413924n << 64n) + 4865540595714422341n;

function toLimbs(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push(Number((v >> BigInt(24 * i)) & 0xffffffn));
  out[5] &= 0xff;
  return out;
}

const [M0, M1, M2, M3, M4, M5] = toLimbs(MULT);
/** Words generated per refill. */
const BLOCK = 256;

/**
 * The LCG state after `delta` steps (mod 2^128, so a negative step is
 * 2^128 - n): Brown, "Random number generation with arbitrary strides",
 * Trans. Am. Nucl. Soc. 1994, as NumPy's `pcg_advance_lcg_128`.
 */
function lcgAdvance(state: bigint, inc: bigint, delta: bigint): bigint {
  let d = delta & MASK128;
  let accMult = 1n;
  let accPlus = 0n;
  let curMult = MULT;
  let curPlus = inc;
  while (d > 0n) {
    if (d & 1n) {
      accMult = (accMult * curMult) & MASK128;
      accPlus = (accPlus * curMult + curPlus) & MASK128;
    }
    curPlus = ((curMult + 1n) * curPlus) & MASK128;
    curMult = (curMult * curMult) & MASK128;
    d >>= 1n;
  }
  return (accMult * state + accPlus) & MASK128;
}

/** The state NumPy reports for PCG64. */
export interface PCG64State {
  bit_generator: 'PCG64';
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

/**
 * PCG64 bit generator.
 * @example
 * const bg = new PCG64(42);
 * bg.nextDouble();   // 0.7739560485559633 (np.random.default_rng(42).random())
 */
export class PCG64 implements BitGenerator {
  readonly name = 'PCG64';
  /**
   * Limbs, least significant first: [0..5] the state (limb 5 holds the top 8
   * bits), [6..11] the increment. A typed array keeps them unboxed (class fields
   * holding doubles make V8 allocate a heap number per store).
   */
  private readonly limbs = new Float64Array(12);
  /**
   * Words are generated BLOCK at a time in a tight loop (state in locals) and
   * handed out from these buffers; `limbs` is the state after the last
   * buffered word, and `state`/`advance` account for the unconsumed ones.
   */
  private readonly bufLo = new Int32Array(BLOCK);
  private readonly bufHi = new Int32Array(BLOCK);
  private pos = BLOCK;
  hi = 0;
  private hasUint32 = false;
  private uinteger = 0;
  readonly seedSeq: SeedSequence | null;

  /** @param seed integer, list of integers or SeedSequence; omitted → OS entropy. */
  constructor(seed?: SeedLike | SeedSequence | null) {
    this.seedSeq = seed instanceof SeedSequence ? seed : new SeedSequence(seed ?? null);
    const w = this.seedSeq.generateState(4, 'uint64');
    const u64 = (k: number): bigint => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    const initState = (u64(0) << 64n) | u64(1);
    const initSeq = (u64(2) << 64n) | u64(3);
    // pcg_setseq_128_srandom_r
    const inc = ((initSeq << 1n) | 1n) & MASK128;
    let s = (0n * MULT + inc) & MASK128;
    s = (s + initState) & MASK128;
    s = (s * MULT + inc) & MASK128;
    this.setRaw(s, inc);
  }

  /** Sets the LCG state (as of the last consumed word) and empties the buffer. */
  private setRaw(state: bigint, inc: bigint): void {
    this.limbs.set(toLimbs(state), 0);
    this.limbs.set(toLimbs(inc), 6);
    this.pos = BLOCK;
  }

  /** The LCG state as of the last consumed word (the buffer runs ahead by BLOCK - pos steps). */
  private rawState(): bigint {
    const ahead = [...this.limbs.subarray(0, 6)].reduceRight((acc, x) => (acc << 24n) | BigInt(x), 0n);
    const unconsumed = BLOCK - this.pos;
    return unconsumed === 0 ? ahead : lcgAdvance(ahead, this.rawInc(), (1n << 128n) - BigInt(unconsumed));
  }

  private rawInc(): bigint {
    return [...this.limbs.subarray(6, 12)].reduceRight((acc, x) => (acc << 24n) | BigInt(x), 0n);
  }

  /** The next 64-bit output: returns the low word, leaves the high word in `hi`. */
  next64(): number {
    if (this.pos === BLOCK) this.refill();
    const p = this.pos++;
    this.hi = this.bufHi[p];
    return this.bufLo[p];
  }

  /** BLOCK LCG steps with the XSL-RR output into the buffers. */
  private refill(): void {
    const L = this.limbs;
    const bufLo = this.bufLo;
    const bufHi = this.bufHi;
    let a0 = L[0], a1 = L[1], a2 = L[2], a3 = L[3], a4 = L[4], a5 = L[5];
    const i0 = L[6], i1 = L[7], i2 = L[8], i3 = L[9], i4 = L[10], i5 = L[11];
    for (let k = 0; k < BLOCK; k++) {
      // s·M + inc, column by column (mod 2^128, so only columns 0..5), carries propagated upward
      let c = a0 * M0 + i0;
      let q = Math.floor(c * INV24);
      const n0 = c - q * B24;
      c = a0 * M1 + a1 * M0 + i1 + q;
      q = Math.floor(c * INV24);
      const n1 = c - q * B24;
      c = a0 * M2 + a1 * M1 + a2 * M0 + i2 + q;
      q = Math.floor(c * INV24);
      const n2 = c - q * B24;
      c = a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + i3 + q;
      q = Math.floor(c * INV24);
      const n3 = c - q * B24;
      c = a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + i4 + q;
      q = Math.floor(c * INV24);
      const n4 = c - q * B24;
      // the top limb keeps 8 bits (bits 120..127)
      c = a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + i5 + q;
      const n5 = c - Math.floor(c * 0.00390625) * 256;
      a0 = n0;
      a1 = n1;
      a2 = n2;
      a3 = n3;
      a4 = n4;
      a5 = n5;
      // XSL-RR: xor the 64-bit halves (words w3w2 ^ w1w0), rotate right by the top 6 bits
      const xlo = (n0 | (n1 << 24)) ^ ((n2 >>> 16) | (n3 << 8));
      const xhi = ((n1 >>> 8) | (n2 << 16)) ^ (n4 | (n5 << 24));
      const rot = n5 >>> 2;
      if (rot === 0) {
        bufLo[k] = xlo;
        bufHi[k] = xhi;
      } else if (rot < 32) {
        bufLo[k] = (xlo >>> rot) | (xhi << (32 - rot));
        bufHi[k] = (xhi >>> rot) | (xlo << (32 - rot));
      } else if (rot === 32) {
        bufLo[k] = xhi;
        bufHi[k] = xlo;
      } else {
        const r = rot - 32;
        bufLo[k] = (xhi >>> r) | (xlo << (32 - r));
        bufHi[k] = (xlo >>> r) | (xhi << (32 - r));
      }
    }
    L[0] = a0;
    L[1] = a1;
    L[2] = a2;
    L[3] = a3;
    L[4] = a4;
    L[5] = a5;
    this.pos = 0;
  }

  /** NumPy's `pcg64_next32`: the two halves of one 64-bit word, low half first. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    const lo = this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return lo;
  }

  /** `(next_uint64 >> 11) · 2^-53`. */
  nextDouble(): number {
    const lo = this.next64();
    return ((this.hi >>> 0) * 2097152 + (lo >>> 11)) * TWO_M53;
  }

  /**
   * Advances the state as if `delta` draws had been made (NumPy's `advance`,
   * Brown's "Random number generation with arbitrary strides", 1994).
   * Resets the buffered 32-bit half, as NumPy does.
   */
  advance(delta: number | bigint): this {
    this.setRaw(lcgAdvance(this.rawState(), this.rawInc(), BigInt(delta)), this.rawInc());
    this.hasUint32 = false;
    this.uinteger = 0;
    return this;
  }

  /** A copy whose state jumped ahead by `jumps · (φ-1)·2^128` draws (NumPy's `jumped`). */
  jumped(jumps = 1): PCG64 {
    const out = new PCG64(new SeedSequence(0));
    out.state = this.state;
    return out.advance(0x9e3779b97f4a7c15f39cc0605cedc835n * BigInt(jumps));
  }

  /** Child generators seeded from spawned seed sequences (NumPy's `spawn`). */
  spawn(nChildren: number): PCG64[] {
    if (this.seedSeq === null) throw new ValueError('The underlying SeedSequence does not implement spawning.');
    return this.seedSeq.spawn(nChildren).map((s) => new PCG64(s));
  }

  /** The state as NumPy reports it (128-bit integers as bigints). */
  get state(): PCG64State {
    return {
      bit_generator: 'PCG64',
      state: { state: this.rawState(), inc: this.rawInc() },
      has_uint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger >>> 0,
    };
  }

  /** @throws {ValueError} for a state of another generator. */
  set state(value: PCG64State) {
    if (value.bit_generator !== 'PCG64') throw new ValueError('state must be for a PCG64 PRNG');
    this.setRaw(BigInt(value.state.state) & MASK128, BigInt(value.state.inc) & MASK128);
    this.hasUint32 = !!value.has_uint32;
    this.uinteger = value.uinteger | 0;
  }
}
