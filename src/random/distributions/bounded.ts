/**
 * Uniform integers on a closed range [off, off + rng], exactly as NumPy draws
 * them (numpy/random/src/distributions/distributions.c): Lemire's
 * multiply-and-reject method ("Fast Random Integer Generation in an Interval",
 * ACM TOMACS 29(1), 2019) for `Generator.integers`, masked rejection for the
 * legacy `randint` and for shuffles, 32-bit draws when the range fits in 32
 * bits, and 8-bit/1-bit values cut from a buffered 32-bit word for uint8 and
 * bool. Ranges are limited to 2^53 (what a double holds exactly).
 */
import { ValueError } from '../../core';
import type { BitGenerator } from '../bitgen/bitGenerator';

const TWO_32 = 4294967296;
const INV_32 = 1 / TWO_32;
/** The largest range we can draw: values must stay exact doubles. */
export const MAX_RANGE = 2 ** 53 - 1;

/** High 32 bits of the 64-bit product of two uint32s (the low half is `Math.imul(a, b) >>> 0`). */
export function mulHigh32(a: number, b: number, lo: number): number {
  // a·b is within 2^11 of its double; subtracting the exact low half leaves a multiple of 2^32 plus < 2^12.
  return Math.round((a * b - lo) * INV_32);
}

/** Smallest all-ones mask ≥ max (NumPy's `gen_mask`), for max < 2^53. */
export function genMask(max: number): number {
  if (max <= 0xffffffff) {
    let m = max >>> 0;
    m |= m >>> 1;
    m |= m >>> 2;
    m |= m >>> 4;
    m |= m >>> 8;
    m |= m >>> 16;
    return m >>> 0;
  }
  let mask = TWO_32 - 1;
  while (mask < max) mask = mask * 2 + 1;
  return mask;
}

/** A uniform integer in [0, max] by masked rejection (NumPy's `random_interval`, used by shuffles). */
export function randomInterval(bg: BitGenerator, max: number): number {
  if (max === 0) return 0;
  const mask = genMask(max);
  if (max <= 0xffffffff) {
    let v: number;
    while ((v = (bg.next32() & mask) >>> 0) > max);
    return v;
  }
  const mh = Math.floor(mask * INV_32);
  for (;;) {
    const lo = bg.next64();
    const v = (bg.hi & mh) * TWO_32 + (lo >>> 0);
    if (v <= max) return v;
  }
}

/**
 * Draws int64-dtype values (NumPy's `random_bounded_uint64` / `_fill`): each call
 * returns `off + U[0, rng]`. One sampler serves one `integers` call, so the
 * 32-bit Lemire/masked paths and their per-call mask match NumPy's loops.
 */
export class BoundedInt64 {
  private lastRng = -1;
  private mask = 0;
  private threshold = 0;
  private thHi = 0;
  private thLo = 0;
  constructor(
    private readonly bg: BitGenerator,
    private readonly masked: boolean,
  ) {}

  draw(off: number, rng: number): number {
    if (rng === 0) return off;
    if (rng > MAX_RANGE) throw new ValueError(`integer range ${rng} is larger than 2**53 - 1, which numts cannot represent exactly`);
    if (rng !== this.lastRng) this.setup(rng);
    const bg = this.bg;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return off + (bg.next32() >>> 0);
      if (this.masked) {
        const mask = this.mask;
        let v: number;
        while ((v = (bg.next32() & mask) >>> 0) > rng);
        return off + v;
      }
      // Lemire, 32-bit
      const excl = rng + 1;
      let x = bg.next32() >>> 0;
      let leftover = Math.imul(x, excl) >>> 0;
      if (leftover < excl) {
        const threshold = this.threshold;
        while (leftover < threshold) {
          x = bg.next32() >>> 0;
          leftover = Math.imul(x, excl) >>> 0;
        }
      }
      return off + mulHigh32(x, excl, leftover);
    }
    if (this.masked) {
      const mh = Math.floor(this.mask * INV_32);
      const ml = this.mask % TWO_32 >>> 0;
      for (;;) {
        const lo = bg.next64();
        const v = (bg.hi & mh) * TWO_32 + ((lo & ml) >>> 0);
        if (v <= rng) return off + v;
      }
    }
    return off + this.lemire64(rng + 1);
  }

  private setup(rng: number): void {
    this.lastRng = rng;
    this.mask = genMask(rng);
    if (rng < 0xffffffff) this.threshold = (0xffffffff - rng) % (rng + 1);
    else {
      const th = Number((1n << 64n) % BigInt(rng + 1));
      this.thHi = Math.floor(th * INV_32);
      this.thLo = th % TWO_32;
    }
  }

  /** Lemire's method on a 64-bit word for 2^32 < excl ≤ 2^53: the high word of the 128-bit product. */
  private lemire64(excl: number): number {
    const bg = this.bg;
    const rh = Math.floor(excl * INV_32);
    const rl = excl % TWO_32;
    for (let first = true; ; first = false) {
      const xl = bg.next64() >>> 0;
      const xh = bg.hi >>> 0;
      const p0l = Math.imul(xl, rl) >>> 0;
      const p0h = mulHigh32(xl, rl, p0l);
      const p1l = Math.imul(xl, rh) >>> 0;
      const p1h = mulHigh32(xl, rh, p1l);
      const p2l = Math.imul(xh, rl) >>> 0;
      const p2h = mulHigh32(xh, rl, p2l);
      const p3l = Math.imul(xh, rh) >>> 0;
      const p3h = mulHigh32(xh, rh, p3l);
      const t1 = p0h + p1l + p2l;
      const w1 = t1 % TWO_32;
      const t2 = p1h + p2h + p3l + Math.floor(t1 * INV_32);
      const w2 = t2 % TWO_32;
      const w3 = p3h + Math.floor(t2 * INV_32);
      // leftover = (w1, p0l); NumPy first compares it with excl, then loops while below the threshold
      if (first && !(w1 < rh || (w1 === rh && p0l < rl))) return w3 * TWO_32 + w2;
      if (!(w1 < this.thHi || (w1 === this.thHi && p0l < this.thLo))) return w3 * TWO_32 + w2;
    }
  }
}

/**
 * Draws uint8 values from a buffered 32-bit word, four per word (NumPy's
 * `random_buffered_bounded_uint8` with its buffer kept across one call).
 */
export class BoundedUint8 {
  private buf = 0;
  private bcnt = 0;
  constructor(
    private readonly bg: BitGenerator,
    private readonly masked: boolean,
  ) {}

  private next8(): number {
    if (this.bcnt === 0) {
      this.buf = this.bg.next32();
      this.bcnt = 3;
    } else {
      this.buf >>>= 8;
      this.bcnt -= 1;
    }
    return this.buf & 0xff;
  }

  draw(off: number, rng: number): number {
    if (rng === 0) return off;
    if (rng === 0xff) return (off + this.next8()) & 0xff;
    if (this.masked) {
      const mask = genMask(rng);
      let v: number;
      while ((v = this.next8() & mask) > rng);
      return (off + v) & 0xff;
    }
    const excl = rng + 1;
    let m = this.next8() * excl;
    let leftover = m & 0xff;
    if (leftover < excl) {
      const threshold = (0xff - rng) % excl;
      while (leftover < threshold) {
        m = this.next8() * excl;
        leftover = m & 0xff;
      }
    }
    return (off + (m >>> 8)) & 0xff;
  }
}

/** Draws bools, one bit of a buffered 32-bit word each (NumPy's `buffered_bounded_bool`). */
export class BoundedBool {
  private buf = 0;
  private bcnt = 0;
  constructor(private readonly bg: BitGenerator) {}

  draw(off: number, rng: number): number {
    if (rng === 0) return off;
    if (this.bcnt === 0) {
      this.buf = this.bg.next32();
      this.bcnt = 31;
    } else {
      this.buf >>>= 1;
      this.bcnt -= 1;
    }
    return this.buf & 1;
  }
}
