/**
 * `allocate` carves small arrays out of shared slabs (core/dtype.ts): every
 * array must come back zeroed, of the right type and length, 8-byte aligned,
 * and disjoint from every other live array, across slab boundaries and for
 * every dtype (a regression: a view taken on the slab being replaced
 * overlapped earlier arrays).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocFloat64, DTYPES, type DType, type TypedArray } from '../../src/core';

const CTOR: Record<DType, Function> = {
  bool: Uint8Array, uint8: Uint8Array, int32: Int32Array, float32: Float32Array, float64: Float64Array, complex128: Float64Array,
};

describe('allocate', () => {
  it('gives zeroed, disjoint, aligned storage of the right type for any sequence of sizes and dtypes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...DTYPES), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 200 }),
        (requests) => {
          const live: TypedArray[] = [];
          requests.forEach(([dtype, n], k) => {
            const a = allocate(dtype, n);
            expect(a).toBeInstanceOf(CTOR[dtype]);
            expect(a.length).toBe(dtype === 'complex128' ? 2 * n : n);
            expect(a.byteOffset % 8).toBe(0);
            for (let i = 0; i < a.length; i++) if (a[i] !== 0) expect(a[i]).toBe(0);
            a.fill((k % 250) + 1);
            live.push(a);
          });
          // Nothing written later landed in an earlier array.
          live.forEach((a, k) => {
            for (let i = 0; i < a.length; i++) if (a[i] !== (k % 250) + 1) expect(a[i]).toBe((k % 250) + 1);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fills many slabs with float64 arrays without overlap', () => {
    const live: Float64Array[] = [];
    for (let k = 0; k < 5000; k++) {
      const a = allocFloat64(1 + (k % 128));
      a.fill(k);
      live.push(a);
    }
    live.forEach((a, k) => expect(a.every((v) => v === k)).toBe(true));
  });
});
