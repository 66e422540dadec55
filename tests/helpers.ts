/**
 * Shared test helpers: closeness checks with stated tolerances (NumPy's
 * `allclose` rule, |a - b| <= atol + rtol |b|, NaN equal to NaN), fixture loading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { Complex, NDArray } from '../src/core';

export interface Tolerance {
  rtol?: number;
  atol?: number;
}

type Nested = number | boolean | null | string | Complex | { re: number; im: number } | Nested[];

/** Reads `tests/fixtures/<name>` (JSON). NaN/Infinity are encoded as the strings "nan", "inf", "-inf". */
export function loadFixture<T = any>(name: string): T {
  const text = readFileSync(resolve(__dirname, 'fixtures', name), 'utf8');
  return JSON.parse(text, (_k, v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v)) as T;
}

function flatten(x: unknown): { values: (number | Complex)[]; shape: number[] } {
  if (x instanceof NDArray) {
    const list = x.tolist();
    return flatten(list);
  }
  const shape: number[] = [];
  let probe: unknown = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const values: (number | Complex)[] = [];
  const rec = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(rec);
    else if (v instanceof Complex) values.push(v);
    else if (typeof v === 'object' && v !== null && 're' in v) values.push(new Complex((v as unknown as { re: number }).re, (v as unknown as { im: number }).im));
    else if (typeof v === 'boolean') values.push(v ? 1 : 0);
    else values.push(v as number);
  };
  rec(x);
  return { values, shape };
}

function close(a: number, b: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

/**
 * Asserts `actual` (NDArray, number, nested list) equals `expected` in shape
 * and elementwise within `atol + rtol * |expected|` (defaults rtol 1e-12, atol 0).
 */
export function expectAllClose(actual: unknown, expected: Nested | NDArray, tol: Tolerance = {}): void {
  const rtol = tol.rtol ?? 1e-12;
  const atol = tol.atol ?? 0;
  const a = flatten(actual);
  const e = flatten(expected);
  expect(a.shape, 'shape').toEqual(e.shape);
  const bad: string[] = [];
  for (let i = 0; i < e.values.length; i++) {
    const x = a.values[i];
    const y = e.values[i];
    const ok =
      x instanceof Complex || y instanceof Complex
        ? close(x instanceof Complex ? x.re : (x as number), y instanceof Complex ? y.re : (y as number), rtol, atol) &&
          close(x instanceof Complex ? x.im : 0, y instanceof Complex ? y.im : 0, rtol, atol)
        : close(x as number, y as number, rtol, atol);
    if (!ok && bad.length < 5) bad.push(`[${i}] got ${String(x)}, expected ${String(y)}`);
  }
  expect(bad, `elements differ beyond rtol=${rtol}, atol=${atol}`).toEqual([]);
}

/** Asserts exact equality of values and shape (NaN equals NaN, -0 equals 0 unless `signedZero`). */
export function expectArrayEqual(actual: unknown, expected: Nested | NDArray): void {
  expectAllClose(actual, expected, { rtol: 0, atol: 0 });
}
