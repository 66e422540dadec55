/**
 * Bit generators against NumPy's raw outputs (tests/fixtures/random/streams.json):
 * PCG64 and MT19937 words for integer, big-integer and list seeds, legacy
 * MT19937 seeding (init_genrand / init_by_array), SeedSequence state words
 * and spawning, PCG64 advance/jumped, state round trips. All exact.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers';
import { MT19937, PCG64, SeedSequence, defaultRng, RandomState } from '../../src/random';
import { TypeError_, ValueError } from '../../src/core';
import { seedOf } from './replay';

const raw = loadFixture<any>('random/streams.json').raw;

/** The next 64-bit word of a bit generator as a bigint. */
function word64(bg: { next64(): number; hi: number }): bigint {
  const lo = bg.next64() >>> 0;
  return (BigInt(bg.hi >>> 0) << 32n) | BigInt(lo);
}

describe('PCG64', () => {
  for (const c of raw.pcg64) {
    it(`seed ${JSON.stringify(c.seed)} gives NumPy's random_raw`, () => {
      const bg = new PCG64(seedOf(c.seed));
      expect(c.raw.map(() => word64(bg).toString())).toEqual(c.raw);
    });
  }

  it('advance(10**20) and jumped(2) match NumPy', () => {
    const a = new PCG64(raw.pcg64_advance.seed).advance(BigInt(raw.pcg64_advance.delta));
    expect([0, 1, 2].map(() => word64(a).toString())).toEqual(raw.pcg64_advance.raw);
    const j = new PCG64(raw.pcg64_jumped.seed).jumped(raw.pcg64_jumped.jumps);
    expect([0, 1, 2].map(() => word64(j).toString())).toEqual(raw.pcg64_jumped.raw);
  });

  it('state round-trips, including the buffered 32-bit half', () => {
    const bg = new PCG64(5);
    bg.next32();
    const saved = bg.state;
    const a = [bg.next32(), bg.next32(), bg.nextDouble()];
    bg.state = saved;
    expect([bg.next32(), bg.next32(), bg.nextDouble()]).toEqual(a);
    expect(saved.bit_generator).toBe('PCG64');
    expect(() => (bg.state = { ...saved, bit_generator: 'MT19937' as 'PCG64' })).toThrow(ValueError);
  });
});

describe('MT19937', () => {
  for (const c of raw.mt19937) {
    it(`SeedSequence seeding ${JSON.stringify(c.seed)}`, () => {
      const bg = new MT19937(seedOf(c.seed));
      expect(c.raw.map(() => bg.next32() >>> 0)).toEqual(c.raw);
    });
  }
  for (const c of raw.mt19937_legacy) {
    it(`legacy seeding ${JSON.stringify(c.seed).slice(0, 40)}`, () => {
      const bg = new MT19937(0);
      bg.legacySeed(seedOf(c.seed));
      expect(c.raw.map(() => bg.next32() >>> 0)).toEqual(c.raw);
    });
  }

  it('rejects out-of-range legacy seeds with NumPy messages', () => {
    const bg = new MT19937(0);
    expect(() => bg.legacySeed(-1)).toThrow('Seed must be between 0 and 2**32 - 1');
    expect(() => bg.legacySeed(2 ** 32)).toThrow('Seed must be between 0 and 2**32 - 1');
    expect(() => bg.legacySeed(1.5)).toThrow(ValueError);
    expect(() => bg.legacySeed([])).toThrow('Seed must be non-empty');
    expect(() => bg.legacySeed([[1]] as never)).toThrow('Seed array must be 1-d');
    expect(() => bg.legacySeed([2 ** 32])).toThrow('Seed must be between 0 and 2**32 - 1');
  });

  it('state round-trips', () => {
    const bg = new MT19937(3);
    for (let i = 0; i < 700; i++) bg.next32();
    const s = bg.state;
    const a = [bg.next32(), bg.nextDouble()];
    bg.state = s;
    expect([bg.next32(), bg.nextDouble()]).toEqual(a);
  });
});

describe('SeedSequence', () => {
  for (const c of raw.seedseq) {
    it(`entropy ${JSON.stringify(c.seed)}: generate_state and spawn`, () => {
      const ss = new SeedSequence(seedOf(c.seed));
      expect([...ss.generateState(8)]).toEqual(c.u32);
      const w = ss.generateState(3, 'uint64');
      const u64 = [0, 1, 2].map((k) => ((BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k])).toString());
      expect(u64).toEqual(c.u64);
      expect(ss.spawn(3).map((k) => [...k.generateState(4)])).toEqual(c.spawn);
      expect(ss.nChildrenSpawned).toBe(3);
    });
  }

  it('spawned Generators match NumPy', () => {
    const kids = defaultRng(new SeedSequence(raw.spawned_generators.seed)).spawn(2);
    expect(kids.map((k) => (k.random(3) as any).toArray())).toEqual(raw.spawned_generators.random);
  });

  it('rejects bad entropy', () => {
    expect(() => new SeedSequence(-1)).toThrow('expected non-negative integer');
    expect(() => new SeedSequence(1.5)).toThrow(TypeError_);
    expect(() => new SeedSequence([[1, 2]] as never)).toThrow('SeedSequence does not accept nested sequences.');
    expect(() => new SeedSequence(1, { poolSize: 2 })).toThrow('The size of the entropy pool should be at least 4');
    expect(() => new SeedSequence(1).generateState(2, 'uint16' as never)).toThrow('only support uint32 or uint64');
    expect(() => new SeedSequence(1).spawn(-1)).toThrow('n_children must be non-negative');
  });

  it('unseeded generators draw fresh OS entropy', () => {
    expect(defaultRng().random()).not.toBe(defaultRng().random());
    expect(new RandomState().randomSample()).not.toBe(new RandomState().randomSample());
  });
});
