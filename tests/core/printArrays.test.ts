/**
 * String(a) and np.repr(a) against NumPy's str(a) and repr(a), exact text,
 * for the arrays of scripts/fixtures/print_arrays.py (every dtype, 0-d to 4-d,
 * empty, NaN/Inf/-0, magnitudes 1e-10..1e12, summarised, wrapped, print
 * options). Each array is also printed from a strided view (Fortran-order
 * buffer, or a reversed 1-d buffer) to check that printing follows strides.
 */
import { describe, expect, it } from 'vitest';
import { allocate, type DType } from '../../src/core/dtype';
import { NDArray } from '../../src/core/ndarray';
import { printoptions, repr, type PrintOptions } from '../../src/core/print';
import { contiguousStrides } from '../../src/core/shape';
import { loadFixture } from '../helpers';

interface Case {
  dtype: DType;
  shape: number[];
  values: (number | boolean | [number, number])[];
  options: Record<string, unknown>;
  str: string;
  repr: string;
}

const { cases } = loadFixture<{ cases: Case[] }>('print/arrays.json');

/** loadFixture decodes the strings "nan"/"inf"/"-inf" everywhere; expected texts want them back. */
function text(v: string | number): string {
  return typeof v === 'number' ? (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf') : v;
}

/** The fixture's C-order values written into a buffer at positions `pos(i)`. */
function build(c: Case, layout: 'C' | 'F' | 'reversed'): NDArray {
  const n = c.values.length;
  const data = allocate(c.dtype, n);
  const cStrides = contiguousStrides(c.shape);
  let strides = cStrides;
  let offset = 0;
  if (layout === 'F') {
    strides = [];
    let s = 1;
    for (let k = 0; k < c.shape.length; k++) {
      strides.push(s);
      s *= c.shape[k];
    }
  } else if (layout === 'reversed') {
    strides = [-1];
    offset = n - 1;
  }
  c.values.forEach((v, i) => {
    // Position of C-order element i in this layout.
    let rest = i;
    let p = offset;
    for (let k = 0; k < c.shape.length; k++) {
      const idx = Math.floor(rest / cStrides[k]);
      rest -= idx * cStrides[k];
      p += idx * strides[k];
    }
    if (Array.isArray(v)) {
      data[2 * p] = v[0];
      data[2 * p + 1] = v[1];
    } else data[p] = Number(v);
  });
  return new NDArray(data, c.shape, c.dtype, strides, offset);
}

function options(o: Record<string, unknown>): Partial<PrintOptions> {
  return o as Partial<PrintOptions>;
}

const label = (c: Case, i: number): string => `#${i} ${c.dtype} (${c.shape.join(',')}) ${JSON.stringify(c.options)}`;

describe('printing matches NumPy str/repr', () => {
  it(`has the fixture (${cases.length} arrays)`, () => expect(cases.length).toBeGreaterThan(500));
  cases.forEach((c, i) => {
    it(label(c, i), () => {
      printoptions(options(c.options), () => {
        const a = build(c, 'C');
        expect(String(a)).toBe(text(c.str));
        expect(repr(a)).toBe(text(c.repr));
        if (c.shape.length >= 2 && c.values.length > 0) expect(String(build(c, 'F'))).toBe(text(c.str));
        if (c.shape.length === 1 && c.values.length > 0) expect(repr(build(c, 'reversed'))).toBe(text(c.repr));
      });
    });
  });
});
