/**
 * Decoding and checking the arrays of the core_* / shape_* fixtures
 * (scripts/fixtures/core_common.py): {shape, dtype, data} with NaN/inf as
 * strings, -0 as "-0", complex as {re, im}; errors as {error, message}.
 */
import { expect } from 'vitest';
import * as np from '../../src/index';
import { Complex, NDArray, type DType } from '../../src/core';

export interface EncArray {
  shape: number[];
  dtype: DType;
  data: (number | boolean | string | { re: number | string; im: number | string })[];
}
export interface EncError {
  error: string;
  /** NumPy's message; null where numts deliberately raises and NumPy does not (only the class is checked). */
  message: string | null;
}
export type Enc = EncArray | EncError | { list: EncArray[] };

/** A fixture number (loadFixture already turned "nan"/"inf" into numbers). */
export function num(v: unknown): number {
  if (v === '-0') return -0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v as number;
}

/** The NDArray an encoded fixture array describes. */
export function decode(e: EncArray): NDArray {
  const n = e.data.length;
  if (e.dtype === 'complex128') {
    const d = new Float64Array(2 * n);
    e.data.forEach((v, i) => {
      const c = v as { re: unknown; im: unknown };
      d[2 * i] = num(c.re);
      d[2 * i + 1] = num(c.im);
    });
    return new NDArray(d, e.shape, 'complex128');
  }
  const flat = np.zeros([n], e.dtype);
  e.data.forEach((v, i) => {
    flat.data[i] = num(v);
  });
  return flat.reshape(e.shape);
}

function flatList(x: unknown): unknown[] {
  return Array.isArray(x) ? x.flatMap(flatList) : [x];
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** Asserts `actual` has exactly the fixture's dtype, shape and elements (NaN = NaN, -0 ≠ +0 for floats). */
export function expectEncoded(actual: unknown, e: EncArray, label = ''): void {
  expect(actual, label).toBeInstanceOf(NDArray);
  const a = actual as NDArray;
  expect(a.dtype, `${label} dtype`).toBe(e.dtype);
  expect([...a.shape], `${label} shape`).toEqual(e.shape);
  const values: unknown[] = a.dtype === 'complex128' ? flatList(a.tolist()) : a.toArray();
  const bad: string[] = [];
  e.data.forEach((v, i) => {
    const got = values[i];
    if (a.dtype === 'complex128') {
      const c = v as { re: unknown; im: unknown };
      const g = got as Complex;
      if (!same(g.re, num(c.re)) || !same(g.im, num(c.im))) bad.push(`[${i}] ${String(g)} vs ${JSON.stringify(c)}`);
    } else if (!same(got as number, num(v))) bad.push(`[${i}] ${String(got)} vs ${String(v)}`);
  });
  expect(bad.slice(0, 5), `${label} elements`).toEqual([]);
}

/** NumPy's exception class → the numts class that must be thrown. */
const CLASSES: Record<string, (e: unknown) => boolean> = {
  ValueError: (e) => e instanceof np.ValueError,
  AxisError: (e) => e instanceof np.AxisError,
  IndexError: (e) => e instanceof np.IndexError,
  TypeError: (e) => e instanceof Error && e.name === 'TypeError' && e instanceof np.NumtsError,
  ZeroDivisionError: (e) => e instanceof np.ValueError,
  OverflowError: (e) => e instanceof np.ValueError,
};

/** Asserts `fn` throws the numts counterpart of NumPy's error, with NumPy's message. */
export function expectNumpyError(fn: () => unknown, e: EncError, label = ''): void {
  let thrown: unknown = undefined;
  try {
    fn();
  } catch (x) {
    thrown = x;
  }
  expect(thrown, `${label}: expected ${e.error}: ${e.message}`).toBeDefined();
  const check = CLASSES[e.error];
  expect(check, `${label}: unmapped NumPy error class ${e.error}`).toBeDefined();
  expect(check(thrown), `${label}: got ${String(thrown)}, expected ${e.error}`).toBe(true);
  if (e.message !== null) expect((thrown as Error).message, label).toBe(e.message);
}

/** Runs `fn` and checks it against an encoded result or error. */
export function expectFixture(fn: () => unknown, e: Enc, label = ''): void {
  if ('error' in e) {
    expectNumpyError(fn, e, label);
    return;
  }
  const r = fn();
  if ('list' in e) {
    expect(Array.isArray(r), label).toBe(true);
    const list = r as NDArray[];
    expect(list.length, `${label} length`).toBe(e.list.length);
    e.list.forEach((x, i) => expectEncoded(list[i], x, `${label}[${i}]`));
    return;
  }
  expectEncoded(typeof r === 'number' || typeof r === 'boolean' || r instanceof Complex ? np.array(r as never, e.dtype) : r, e, label);
}
