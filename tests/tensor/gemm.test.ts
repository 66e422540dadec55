/**
 * The raw GEMM kernel against a naive triple loop, on sizes that cross every
 * block edge (MR=4, NR=3, MC=128, KC=256, NC=510) and every path (GEMV for
 * n=1 or m=1, the direct loop for tiny products, the packed kernel), with
 * row-major, column-major, negative and broadcast (0) strides, offsets,
 * alpha = -1, and accumulation into existing C. Tolerance: 1e-12 relative to
 * Σ|a||b| (the scale of the rounding error of any summation order).
 */
import { describe, expect, it } from 'vitest';
import { gemm } from '../../src/tensor/gemm';

function rand(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

interface Mat { data: Float64Array; off: number; rs: number; cs: number }
const at = (x: Mat, i: number, j: number): number => x.data[x.off + i * x.rs + j * x.cs];

/** An r×c matrix stored in one of several layouts. */
function layout(r: number, c: number, kind: string, seed: number): Mat {
  const pad = 3;
  const data = rand((r + pad) * (c + pad) * 2 + 8, seed);
  switch (kind) {
    case 'row': return { data, off: 5, rs: c, cs: 1 };
    case 'col': return { data, off: 2, rs: 1, cs: r };
    case 'strided': return { data, off: 1, rs: 2 * (c + pad), cs: 2 };
    case 'negative': return { data, off: (r - 1) * (c + 1) + (c - 1), rs: -(c + 1), cs: -1 };
    default: return { data, off: 7, rs: 0, cs: 1 }; // every row the same (a broadcast view)
  }
}

function check(m: number, n: number, k: number, ka: string, kb: string, alpha = 1, accumulate = false): void {
  const A = layout(m, k, ka, m * 31 + k), B = layout(k, n, kb, n * 17 + k + 1);
  const C = new Float64Array(m * n + 4);
  const c0 = accumulate ? rand(m * n + 4, 99) : new Float64Array(m * n + 4);
  C.set(c0);
  gemm(m, n, k, alpha, A.data, A.off, A.rs, A.cs, B.data, B.off, B.rs, B.cs, C, 2, n, 1);
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0, scale = 0;
      for (let p = 0; p < k; p++) {
        s += at(A, i, p) * at(B, p, j);
        scale += Math.abs(at(A, i, p) * at(B, p, j));
      }
      const want = c0[2 + i * n + j] + alpha * s;
      worst = Math.max(worst, Math.abs(C[2 + i * n + j] - want) / (scale + 1e-300));
    }
  }
  expect(worst, `${m}x${n}x${k} ${ka}/${kb}`).toBeLessThan(1e-12);
  // Nothing outside C's region is touched.
  expect(C[0]).toBe(c0[0]);
  expect(C[1]).toBe(c0[1]);
  expect(C[2 + m * n]).toBe(c0[2 + m * n]);
}

describe('gemm', () => {
  const sizes: [number, number, number][] = [
    [1, 1, 1], [1, 7, 5], [7, 1, 5], [2, 3, 4], [5, 5, 5], [12, 12, 12], [13, 11, 9], [4, 3, 300], [129, 7, 3],
    [131, 514, 7], [9, 520, 260], [257, 5, 513], [64, 64, 64], [3, 1, 600],
  ];
  for (const [m, n, k] of sizes) {
    it(`${m}x${n}x${k} in every layout`, () => {
      for (const ka of ['row', 'col', 'strided', 'negative']) for (const kb of ['row', 'col', 'negative']) check(m, n, k, ka, kb);
    });
  }
  it('broadcast (stride-0) rows, alpha = -1 and accumulation into C', () => {
    check(40, 30, 20, 'broadcast', 'row');
    check(40, 30, 20, 'row', 'col', -1, true);
    check(5, 1, 9, 'col', 'row', -1, true);
    check(1, 6, 9, 'row', 'col', -1, true);
  });
  it('GEMV over vectors longer than the packing buffer', () => {
    const len = 400_003;
    const x = rand(len, 5), y = rand(len, 6);
    const out = new Float64Array(1);
    gemm(1, 1, len, 1, x, 0, 1, 1, y, 0, 1, 1, out, 0, 1, 1);
    let s = 0;
    for (let i = 0; i < len; i++) s += x[i] * y[i];
    expect(Math.abs(out[0] - s)).toBeLessThan(1e-9);
    // Column-major 400003×2 matrix times a 2-vector: the accumulate-in-buffer branch, in blocks.
    const M = rand(2 * len, 7), v = Float64Array.from([0.5, -2]);
    const r = new Float64Array(len);
    gemm(len, 1, 2, 1, M, 0, 1, len, v, 0, 1, 1, r, 0, 1, 1);
    let worst = 0;
    for (let i = 0; i < len; i++) worst = Math.max(worst, Math.abs(r[i] - (0.5 * M[i] - 2 * M[len + i])));
    expect(worst).toBeLessThan(1e-15);
  });
  it('does nothing for empty dimensions', () => {
    const C = new Float64Array([1, 2, 3]);
    gemm(0, 3, 4, 1, new Float64Array(0), 0, 4, 1, new Float64Array(12), 0, 3, 1, C, 0, 3, 1);
    gemm(1, 3, 0, 1, new Float64Array(0), 0, 0, 1, new Float64Array(0), 0, 3, 1, C, 0, 3, 1);
    expect([...C]).toEqual([1, 2, 3]);
  });
  it('propagates NaN and Inf from inside the matrix but not from the zero padding', () => {
    const m = 5, n = 5, k = 13; // edge tiles in both directions
    const A = rand(m * k, 3), B = rand(k * n, 4);
    B[0] = Infinity;
    A[k * 2 + 3] = NaN;
    const C = new Float64Array(m * n);
    gemm(m, n, k, 1, A, 0, k, 1, B, 0, n, 1, C, 0, n, 1);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const v = C[i * n + j];
        if (i === 2) expect(Number.isNaN(v)).toBe(true);
        else if (j === 0) expect(Math.abs(v)).toBe(Infinity);
        else expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});
