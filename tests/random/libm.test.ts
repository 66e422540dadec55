/**
 * The glibc ports (log, exp, log1p, pow) against glibc itself: 60,000
 * arguments each, regenerated here with numts' Generator (its stream is
 * NumPy's, and the transforms are exact IEEE arithmetic), compared through the
 * SHA-256 of the float64 results, plus explicit edge cases. Tolerance: none.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers';
import { defaultRng } from '../../src/random';
import { exp, log, log1p, pow } from '../../src/random/libm';
import { fma } from '../../src/random/libm/fma';
import type { NDArray } from '../../src/core';

const fx = loadFixture<any>('random/libm.json');
const N = 20000;
const rng = defaultRng(2024);
const u = (): Float64Array => (rng.random(N) as NDArray).data as Float64Array;
const map = (a: Float64Array, f: (v: number, i: number) => number): Float64Array => a.map(f);
const cat = (...xs: Float64Array[]): Float64Array => {
  const out = new Float64Array(xs.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of xs) {
    out.set(x, o);
    o += x.length;
  }
  return out;
};

// the same argument streams as scripts/fixtures/random_libm.py, in the same order
const logX = cat(u(), map(u(), (v) => 1 + (v - 0.5) / 8), (() => {
  const r = u();
  const k = (rng.integers(-1070, 1020, N) as NDArray).toArray();
  return map(r, (v, i) => v * 2 ** k[i]);
})());
const expX = cat(map(u(), (v) => (v - 0.5) * 1500), map(u(), (v) => (v - 0.5) * 2e-8));
const log1pX = cat(map(u(), (v) => -v), map(u(), (v) => v * 3), map(u(), (v) => (v - 0.5) * 1e-8));
const powX = cat(u(), map(u(), (v) => v * 4));
const powY = cat(map(u(), (v) => 1 / (v * 0.999 + 0.001)), map(u(), (v) => (v - 0.5) * 40));
const fmaA = cat(u(), map(u(), (v) => v * 1e5));
const fmaB = cat(u(), map(u(), (v) => v * 1e-5));
const fmaC = cat(map(fmaA.subarray(0, N), (v, i) => -(v * fmaB[i])), map(u(), (v) => (v - 0.5) * 4));

function sha(a: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

describe('glibc-exact elementary functions', () => {
  const cases: [string, () => Float64Array][] = [
    ['log', () => logX.map(log)],
    ['exp', () => expX.map(exp)],
    ['log1p', () => log1pX.map(log1p)],
    ['pow', () => powX.map((x, i) => pow(x, powY[i]))],
    ['fma', () => fmaA.map((a, i) => fma(a, fmaB[i], fmaC[i]))],
  ];
  for (const [name, run] of cases) {
    it(`${name}: ${fx[name].n} arguments, every result identical to glibc`, () => {
      const r = run();
      expect(Array.from(r.subarray(0, 4))).toEqual(fx[name].head);
      expect(sha(r)).toBe(fx[name].sha256);
    });
  }

  const fns: Record<string, (...a: number[]) => number> = { log, exp, log1p, pow };
  for (const [name, list] of Object.entries(fx.edges as Record<string, { x: number[]; r: number }[]>)) {
    it(`${name} edge cases`, () => {
      for (const { x, r } of list) expect(fns[name](...x), `${name}(${x.join(', ')})`).toBe(r);
    });
  }

  it('Math.log differs from glibc on some of these arguments (why the ports exist)', () => {
    let differs = 0;
    for (let i = 0; i < 20000; i++) if (Math.log(logX[i]) !== log(logX[i])) differs++;
    expect(differs).toBeGreaterThan(0);
  });
});

describe('fma emulation', () => {
  it('rounds once where a·b + c would round twice', () => {
    // (1 + 2^-30)(1 - 2^-30) = 1 - 2^-60 exactly; minus 1 gives -2^-60 only with one rounding
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).toBe(-(2 ** -60));
    expect((1 + 2 ** -30) * (1 - 2 ** -30) - 1).toBe(0);
    expect(fma(1 + 2 ** -52, 1 + 2 ** -52, 2 ** -105)).toBe(1 + 2 ** -51);
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(fma(Infinity, 1, 1)).toBe(Infinity);
  });
});
