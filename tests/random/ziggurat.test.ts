/**
 * The ziggurat tables copied from NumPy are the published construction
 * (Marsaglia & Tsang 2000): layer boundaries x_i = wi[i]·2^52 (normal) /
 * we[i]·2^53 (exponential), densities fi = f(x_i), every layer of equal area
 * v, and acceptance thresholds k_i = 2^52·x_{i-1}/x_i. Checked to 1e-13
 * relative (the tables were computed offline in higher precision; the stream
 * fixtures check them bit for bit).
 */
import { describe, expect, it } from 'vitest';
import { FE, FI, KE, KI, WE, WI, ZIGGURAT_EXP_R, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from '../../src/random/zigguratTables';

/** erfc by its continued fraction (Lentz), enough for x ≈ 2.6 to 1e-16. */
function erfc(x: number): number {
  // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
  let f = 0;
  for (let k = 200; k >= 1; k--) f = (k / 2) / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

describe('normal ziggurat (256 layers)', () => {
  const r = ZIGGURAT_NOR_R;
  const f = (t: number): number => Math.exp(-0.5 * t * t);
  const x = Array.from(WI, (w) => w * 2 ** 52);
  const v = r * f(r) + Math.sqrt(Math.PI / 2) * erfc(r / Math.SQRT2);

  it('tail start and its inverse', () => {
    expect(x[255]).toBeCloseTo(r, 14);
    expect(ZIGGURAT_NOR_INV_R * r).toBeCloseTo(1, 15);
  });
  it('densities at the boundaries and equal layer areas', () => {
    for (let i = 1; i < 256; i++) expect(Math.abs(FI[i] - f(x[i])) / FI[i]).toBeLessThan(1e-15);
    for (let i = 2; i < 256; i++) expect(Math.abs(x[i] * (FI[i - 1] - FI[i]) - v) / v).toBeLessThan(1e-13);
    expect(Math.abs(WI[0] * 2 ** 52 - v / f(r)) / (v / f(r))).toBeLessThan(1e-13);
  });
  it('acceptance thresholds', () => {
    expect(KI[1]).toBe(0);
    for (let i = 2; i < 256; i++) expect(Math.abs(KI[i] - 2 ** 52 * (x[i - 1] / x[i])) / KI[i]).toBeLessThan(1e-14);
    expect(Math.abs(KI[0] - (2 ** 52 * r * f(r)) / v) / KI[0]).toBeLessThan(1e-14);
  });
});

describe('exponential ziggurat (256 layers)', () => {
  const r = ZIGGURAT_EXP_R;
  const x = Array.from(WE, (w) => w * 2 ** 53);
  const v = r * Math.exp(-r) + Math.exp(-r);
  it('densities, areas, thresholds', () => {
    expect(x[255]).toBeCloseTo(r, 13);
    for (let i = 1; i < 256; i++) expect(Math.abs(FE[i] - Math.exp(-x[i])) / FE[i]).toBeLessThan(1e-15);
    for (let i = 2; i < 256; i++) expect(Math.abs(x[i] * (FE[i - 1] - FE[i]) - v) / v).toBeLessThan(1e-13);
    for (let i = 2; i < 256; i++) expect(Math.abs(KE[i] - 2 ** 53 * (x[i - 1] / x[i])) / KE[i]).toBeLessThan(1e-14);
    expect(KE[1]).toBe(0);
  });
});
