/**
 * np.format against Python's format(value, spec) (fixtures from
 * scripts/fixtures/format_specs.py): ~11k value × spec pairs over floats
 * (rounding ties, huge precisions, NaN/Inf, -0, z), ints (bases, grouping,
 * zero padding), bools, complex and strings, with CPython's error messages.
 */
import { describe, expect, it } from 'vitest';
import { Complex } from '../../src/core/complex';
import { ValueError } from '../../src/core/errors';
import { format, type Formattable } from '../../src/core/format';
import { NDArray } from '../../src/core/ndarray';
import { loadFixture } from '../helpers';

type Encoded = { float: number } | { int: string } | { bool: boolean } | { complex: [number, number] } | { str: string };
interface Case {
  value: Encoded;
  spec: string | number;
  result: { ok: string | number } | { error: string; message: string };
}
const { cases } = loadFixture<{ cases: Case[] }>('format/specs.json');

/** loadFixture turns the strings "nan"/"inf"/"-inf" into numbers; texts want them back. */
function text(v: string | number): string {
  return typeof v === 'number' ? (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf') : v;
}

/** A Python float that a JS number would read as an int goes in as a 0-d float64 array (formatted as its float). */
function decode(v: Encoded): Formattable {
  if ('float' in v) return Number.isSafeInteger(v.float) && !Object.is(v.float, -0) ? new NDArray(new Float64Array([v.float]), [], 'float64') : v.float;
  if ('int' in v) {
    const n = Number(v.int);
    return Number.isSafeInteger(n) ? n : BigInt(v.int);
  }
  if ('bool' in v) return v.bool;
  if ('complex' in v) return new Complex(v.complex[0], v.complex[1]);
  return v.str;
}

describe('np.format matches Python format()', () => {
  it(`has the fixture (${cases.length} cases)`, () => expect(cases.length).toBeGreaterThan(5000));
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const kind = Object.keys(c.value)[0];
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind)!.push(c);
  }
  for (const [kind, list] of groups) {
    it(`${kind} values (${list.length} cases)`, () => {
      const bad: string[] = [];
      for (const c of list) {
        const value = decode(c.value);
        const spec = text(c.spec);
        let got: string;
        try {
          got = format(value, spec);
        } catch (e) {
          got = `${e instanceof ValueError ? 'ValueError' : (e as Error).name}: ${(e as Error).message}`;
        }
        const want = 'ok' in c.result ? text(c.result.ok) : `ValueError: ${c.result.message}`;
        if (got !== want && bad.length < 20) bad.push(`format(${value instanceof NDArray ? value.data[0] : String(value)}, '${spec}'): got '${got}', want '${want}'`);
      }
      expect(bad).toEqual([]);
    });
  }
});
