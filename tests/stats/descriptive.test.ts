/**
 * Descriptive statistics against NumPy 2.4 (fixture:
 * scripts/fixtures/stats_descriptive.py): average (weights, axes, returned),
 * median, all 13 quantile methods and weighted inverted_cdf, percentile, cov
 * (rowvar, bias, ddof, fweights, aweights, y), corrcoef, histogram (every bin
 * estimator, ranges, weights, density, explicit edges), histogram_bin_edges,
 * bincount; and NumPy's errors. Values: rtol 1e-15 (1e-14 for cov/corrcoef,
 * whose sums are ordered differently: matmul against NumPy's dot); counts and
 * edges exactly.
 *
 * Error classes: NumPy's ValueError/TypeError map to ours; its
 * ZeroDivisionError (average) and RuntimeError (cov weights) are ValueErrors here.
 */
import { describe, expect, it } from 'vitest';
import { NDArray, TypeError_, ValueError } from '../../src/core';
import * as st from '../../src/stats';
import { expectAllClose, loadFixture } from '../helpers';

type Case = Record<string, any> & { value?: any; dtype?: string; error?: string; message?: string };
const fx = loadFixture<Record<string, Case[]>>('stats/descriptive.json');

function errorClass(name: string): new (...a: any[]) => Error {
  return name === 'TypeError' ? TypeError_ : ValueError;
}

/** Runs `f`, then checks its value (or its error) against the NumPy case. */
function check(c: Case, f: () => unknown, rtol = 1e-15): void {
  if (c.error !== undefined) {
    expect(f).toThrow(errorClass(c.error));
    if (c.error === 'ValueError' || c.error === 'TypeError') {
      let msg = '';
      try {
        f();
      } catch (e) {
        msg = (e as Error).message;
      }
      // NumPy's own wording, except where it prints Python reprs (dict_keys, nested-list sizes)
      if (!/dict_keys|setting an array element/.test(c.message as string)) expect(msg).toBe(c.message);
    }
    return;
  }
  const got = f();
  if (Array.isArray(c.value) && Array.isArray(got) && !(got instanceof NDArray) && c.value.length === got.length && !(typeof c.value[0] === 'number')) {
    got.forEach((g, i) => expectAllClose(g, c.value[i], { rtol }));
    return;
  }
  expectAllClose(got, c.value, { rtol });
  if (got instanceof NDArray && c.dtype !== undefined) expect(got.dtype).toBe(c.dtype === 'int64' ? 'int32' : c.dtype);
}

const kwOf = (kw: Record<string, any>) => ({
  axis: kw.axis, keepdims: kw.keepdims, weights: kw.weights, returned: kw.returned, method: kw.method,
});

describe('average', () => {
  it.each(fx.average.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('case %i %s', (_i, _kw, c) => {
    check(c, () => st.average(c.a, kwOf(c.kw) as never));
  });
});

describe('median', () => {
  it.each(fx.median.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('case %i %s', (_i, _kw, c) => {
    check(c, () => st.median(c.a, kwOf(c.kw) as never));
  });
});

describe('quantile and percentile', () => {
  it.each(fx.quantile.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('quantile case %i %s', (_i, _kw, c) => {
    check(c, () => st.quantile(c.a, c.q, kwOf(c.kw) as never));
  });
  it.each(fx.percentile.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('percentile case %i %s', (_i, _kw, c) => {
    check(c, () => st.percentile(c.a, c.q, kwOf(c.kw) as never));
  });
  it('median and quantile differentiate (the gradient goes to the selected elements)', async () => {
    const { grad } = await import('../../src/autodiff');
    const g = grad((x: NDArray) => st.median(x) as NDArray)(new NDArray(Float64Array.from([3, 1, 4, 2]), [4], 'float64')) as NDArray;
    expect(g.toArray()).toEqual([0.5, 0, 0, 0.5]);
    const h = grad((x: NDArray) => st.quantile(x, 0.25) as NDArray)(new NDArray(Float64Array.from([3, 1, 4, 2]), [4], 'float64')) as NDArray;
    expectAllClose(h, [0, 0.25, 0, 0.75], { rtol: 1e-15 });
  });
});

describe('cov and corrcoef', () => {
  it.each(fx.cov.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('cov case %i %s', (_i, _kw, c) => {
    check(c, () => st.cov(c.m, c.y, { rowvar: c.kw.rowvar, bias: c.kw.bias, ddof: c.kw.ddof, fweights: c.kw.fweights, aweights: c.kw.aweights }), 1e-14);
  });
  it.each(fx.corrcoef.map((c, i) => [i, JSON.stringify(c.kw), c] as const))('corrcoef case %i %s', (_i, _kw, c) => {
    check(c, () => st.corrcoef(c.m, c.y, { rowvar: c.kw.rowvar }), 1e-14);
  });
  it('the book’s listing (ch. 9.1): cov and correlation of height and weight', () => {
    const height = [165, 170, 175, 180, 185];
    const weight = [55, 62, 70, 78, 85];
    expect(String(st.cov(height, weight))).toBe('[[ 62.5  95. ]\n [ 95.  144.5]]'); // ch09_01.out
    expect(((st.corrcoef(height, weight) as NDArray).get(0, 1) as number).toFixed(4)).toBe('0.9997');
  });
});

describe('histogram, histogramBinEdges, bincount', () => {
  it.each(fx.histogram.map((c, i) => [i, JSON.stringify(c.kw).slice(0, 60), c] as const))('histogram case %i %s', (_i, _kw, c) => {
    const kw = c.kw;
    check(c, () => {
      const [h, e] = st.histogram(c.a, { bins: kw.bins, range: kw.range, density: kw.density, weights: kw.weights });
      return [h, e];
    });
  });
  it.each(fx.histogram_bin_edges.map((c, i) => [i, c] as const))('histogramBinEdges case %i', (_i, c) => {
    check(c, () => st.histogramBinEdges(c.a, { bins: c.kw.bins, range: c.kw.range }));
  });
  it.each(fx.bincount.map((c, i) => [i, c] as const))('bincount case %i', (_i, c) => {
    check(c, () => st.bincount(c.x, { weights: c.kw.weights, minlength: c.kw.minlength }));
  });
  it('histogram returns NumPy’s field names too', () => {
    const r = st.histogram([1, 2, 2, 3], { bins: 2 });
    expect(r.hist).toBe(r[0]);
    expect(r.binEdges).toBe(r[1]);
    expect(r.hist.dtype).toBe('int32');
  });
});

describe('selection-based median and quantile equal the sort-based definitions', () => {
  it('on random data with ties, sorted and reversed runs (fast-check)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('none', 'sorted', 'reversed'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, order, q) => {
          const v = order === 'sorted' ? [...xs].sort((a, b) => a - b) : order === 'reversed' ? [...xs].sort((a, b) => b - a) : xs;
          const s = [...v].sort((a, b) => a - b);
          const n = s.length;
          const med = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) * 0.5;
          expect(st.median(v)).toBe(med);
          const pos = (n - 1) * q;
          const lo = Math.floor(pos);
          const hi = Math.min(lo + 1, n - 1);
          const t = pos - lo;
          const want = t >= 0.5 ? s[hi] - (s[hi] - s[lo]) * (1 - t) : s[lo] + (s[hi] - s[lo]) * t;
          expect(st.quantile(v, q)).toBe(want);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
