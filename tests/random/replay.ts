/**
 * Replays the NumPy calls recorded by scripts/fixtures/random_streams.py on
 * numts objects and compares results bit for bit (floats by value or by the
 * SHA-256 of their float64 bytes, integers exactly).
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { asarray, NDArray } from '../../src/core';
import type { Generator, RandomState } from '../../src/random';

export interface RecordedCall {
  m: string;
  a: unknown[];
  k: Record<string, unknown>;
  r?: unknown;
}

interface ArrayRecord {
  shape: number[];
  dtype: string;
  values?: number[];
  sha256?: string;
  head?: number[];
}

/** A seed from the fixture: numbers, decimal strings for integers above 2^53, lists of them. */
export function seedOf(s: unknown): any {
  if (typeof s === 'string') return BigInt(s);
  if (Array.isArray(s)) return s.map(seedOf);
  return s;
}

const camel = (m: string): string => m.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const camelKeys = (k: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(k).map(([key, v]) => [camel(key), v]));

/** Calls NumPy method `m` with NumPy's positional args and keywords on a numts object. */
export function invoke(obj: Generator | RandomState | Record<string, any>, m: string, a: unknown[], k: Record<string, unknown>): unknown {
  const o = obj as any;
  const opts = camelKeys(k);
  switch (m) {
    case 'integers':
    case 'randint':
      return o[m](a[0], a[1] ?? null, a[2], opts);
    case 'choice':
      return o.choice(a[0], a[1], opts);
    case 'permutation':
      return Object.keys(opts).length ? o.permutation(a[0], opts) : o.permutation(a[0]);
    case 'shuffle': {
      const x = asarray(a[0] as any).copy();
      if (Object.keys(opts).length) o.shuffle(x, opts);
      else o.shuffle(x);
      return x;
    }
    case 'multivariate_normal':
      return o.multivariateNormal(a[0], a[1], a[2], opts);
    case 'rand':
    case 'randn':
    case 'seed':
      return o[m](...a);
    default: {
      const f = o[camel(m)];
      if (typeof f !== 'function') throw new Error(`no method ${camel(m)} for ${m}`);
      return f.apply(o, a);
    }
  }
}

function floatValues(x: NDArray): Float64Array {
  return Float64Array.from(x.toArray());
}

const DTYPES: Record<string, string[]> = {
  float64: ['float64'],
  int64: ['int32', 'float64'],
  uint8: ['uint8'],
  bool: ['bool'],
};

/** Asserts that numts' `actual` equals NumPy's recorded result exactly. */
export function expectSameResult(actual: unknown, expected: unknown, what: string): void {
  if (typeof expected === 'number' || typeof expected === 'boolean') {
    const want = typeof expected === 'boolean' ? Number(expected) : expected;
    expect(typeof actual, what).toBe('number');
    expect(Object.is(actual, want) || actual === want, `${what}: got ${String(actual)}, NumPy ${want}`).toBe(true);
    return;
  }
  const rec = expected as ArrayRecord;
  expect(actual, what).toBeInstanceOf(NDArray);
  const arr = actual as NDArray;
  expect([...arr.shape], `${what} shape`).toEqual(rec.shape);
  expect(DTYPES[rec.dtype] ?? [rec.dtype], `${what} dtype`).toContain(arr.dtype);
  const vals = floatValues(arr);
  if (rec.values) {
    const bad: string[] = [];
    rec.values.forEach((v, i) => {
      const w = typeof v === 'boolean' ? Number(v) : v;
      if (!Object.is(vals[i], w) && vals[i] !== w && bad.length < 4) bad.push(`[${i}] ${vals[i]} vs ${w}`);
    });
    expect(bad, `${what} values`).toEqual([]);
  } else {
    const head = Array.from(vals.subarray(0, 5));
    expect(head, `${what} head`).toEqual(rec.head);
    const digest = createHash('sha256').update(new Uint8Array(vals.buffer)).digest('hex');
    if (digest !== rec.sha256) {
      expect.fail(`${what}: SHA-256 of the ${vals.length} values differs from NumPy's`);
    }
  }
}
