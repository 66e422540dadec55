/**
 * The book's printed output: every array, scalar and f-string line that a
 * listing of "Mathematics for AI" prints (book/listings/*.out, copied into
 * scripts/fixtures/print_book.py, which recomputes the values with NumPy).
 * Python's `print(label, a)` is `label + ' ' + str(a)`; f-string fields are
 * np.format / np.repr.
 */
import { describe, expect, it } from 'vitest';
import { allocate, type DType } from '../../src/core/dtype';
import { format, type Formattable } from '../../src/core/format';
import { NDArray } from '../../src/core/ndarray';
import { pyFloatRepr, repr } from '../../src/core/print';
import { loadFixture } from '../helpers';

interface ArrayLine {
  listing: string;
  label: string;
  sep: string;
  dtype: DType;
  shape: number[];
  values: number[];
  line: string;
  repr: string;
}
interface FormatLine {
  listing: string;
  template: string;
  values: number[];
  types: ('int' | 'float')[];
  line: string;
}
const book = loadFixture<{ arrays: ArrayLine[]; scalars: { listing: string; label: string; value: number; line: string }[]; formats: FormatLine[] }>(
  'print/book.json',
);

function build(c: ArrayLine): NDArray {
  const data = allocate(c.dtype, c.values.length);
  c.values.forEach((v, i) => (data[i] = v));
  return new NDArray(data, c.shape, c.dtype);
}

/** A Python float that JS would read as an int is passed as a 0-d float64 array. */
function pyValue(v: number, type: 'int' | 'float'): Formattable {
  return type === 'float' && Number.isSafeInteger(v) ? new NDArray(new Float64Array([v]), [], 'float64') : v;
}

/** Fills `{i}`, `{i:spec}` and `{i!r}` fields the way Python's str.format does. */
function fill(template: string, values: number[], types: ('int' | 'float')[]): string {
  return template.replace(/\{(\d+)(!r)?(?::([^}]*))?\}/g, (_m, i: string, r: string | undefined, spec: string | undefined) =>
    r ? pyFloatRepr(values[Number(i)]) : format(pyValue(values[Number(i)], types[Number(i)]), spec ?? ''),
  );
}

describe("the book's printed arrays", () => {
  for (const c of book.arrays) {
    it(`${c.listing}: ${JSON.stringify(c.line.split('\n')[0])}`, () => {
      const a = build(c);
      expect(`${c.label}${c.sep}${String(a)}`).toBe(c.line);
      expect(repr(a)).toBe(c.repr);
    });
  }
});

describe("the book's printed scalars and f-strings", () => {
  for (const s of book.scalars) {
    it(`${s.listing}: ${s.line}`, () => expect(`${s.label} ${pyFloatRepr(s.value)}`).toBe(s.line));
  }
  for (const f of book.formats) {
    it(`${f.listing}: ${f.line}`, () => expect(fill(f.template, f.values, f.types)).toBe(f.line));
  }
});
