/**
 * The Dragon4 port against NumPy's format_float_positional /
 * format_float_scientific (fixtures from scripts/fixtures/print_floats.py),
 * exact text, float64 and float32, and the fast paths against the BigInt
 * reference digit generator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatDigits } from '../../src/core/print/digits';
import { dragon4Reference, type DigitRequest } from '../../src/core/print/dragon4';
import { formatPositional, formatScientific, type FloatTextOptions } from '../../src/core/print/floatText';
import { loadFixture } from '../helpers';

interface Case {
  kind: 'positional' | 'scientific';
  float32: boolean;
  options: Record<string, unknown>;
  expected: (string | null)[];
}
const fixture = loadFixture<{ values64: number[]; values32: number[]; cases: Case[] }>('print/floats.json');

function toOptions(o: Record<string, unknown>, float32: boolean): FloatTextOptions {
  return {
    precision: o.precision as number | undefined,
    minDigits: o.min_digits as number | undefined,
    unique: o.unique as boolean | undefined,
    trim: o.trim as FloatTextOptions['trim'],
    sign: o.sign as boolean | undefined,
    padLeft: o.pad_left as number | undefined,
    padRight: o.pad_right as number | undefined,
    expDigits: o.exp_digits as number | undefined,
    fractional: o.fractional as boolean | undefined,
    float32,
  };
}

describe('Dragon4 text matches NumPy', () => {
  for (const c of fixture.cases) {
    it(`${c.kind} ${c.float32 ? 'float32' : 'float64'} ${JSON.stringify(c.options)}`, () => {
      const values = c.float32 ? fixture.values32 : fixture.values64;
      const opts = toOptions(c.options, c.float32);
      const fmt = c.kind === 'positional' ? formatPositional : formatScientific;
      const bad: string[] = [];
      values.forEach((v, i) => {
        if (c.expected[i] === null || !Number.isFinite(v)) return; // non-finite text is FloatingFormat's business
        const got = fmt(v, opts);
        if (got !== c.expected[i] && bad.length < 8) bad.push(`${v}: got '${got}', expected '${c.expected[i]}'`);
      });
      expect(bad).toEqual([]);
    });
  }
});

describe('fast digit paths agree with the BigInt Dragon4 reference', () => {
  const double = fc.oneof(
    fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
    fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
    fc.integer({ min: 0, max: 2 ** 31 }).map((n) => n / 1024),
    fc.integer({ min: 1, max: 99999 }).chain((n) => fc.integer({ min: -12, max: 12 }).map((e) => Number(`${n}e${e}`))),
  );
  const request = fc.record<DigitRequest>({
    unique: fc.boolean(),
    cutoffMode: fc.constantFrom('fraction', 'total'),
    cutoffMax: fc.integer({ min: -1, max: 30 }),
    cutoffMin: fc.integer({ min: -1, max: 30 }),
    float32: fc.constant(false),
  });
  it('for random doubles and requests', () => {
    fc.assert(
      fc.property(double, request, (x, req) => {
        if (req.cutoffMode === 'total' && req.cutoffMax === 0) return;
        if (req.cutoffMin > req.cutoffMax && req.cutoffMax >= 0) req = { ...req, cutoffMin: req.cutoffMax };
        const fast = floatDigits(x, req);
        const ref = dragon4Reference(x, req);
        expect(fast).toEqual(ref);
      }),
      { numRuns: 20000 },
    );
  });
});
