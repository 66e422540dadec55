/**
 * Inner loops of the four arithmetic ufuncs, with contiguous fast paths for
 * array∘array, array∘scalar and scalar∘array runs.
 *
 * Why they are unrolled by hand: V8 (Node 20) re-checks a typed array's map,
 * length and data pointer at the top of every loop iteration once the loop
 * body stores into a typed array, so a one-element loop pays ~10 instructions
 * of checks per element. Eight elements per iteration share one set of
 * checks, and touching element 7 first lets V8 drop the bounds checks of the
 * seven before it. Measured on the (1000,1000)+(1000,1) add: 1.3 ms → 0.65 ms.
 * Results are bit-identical to the plain loop (each element is one IEEE
 * operation; order within a run does not matter because outputs never
 * partially overlap inputs, see ufunc.ts `aliasesInput`).
 */
import type { BinaryLoop, TypedArray } from '../core';

type T = TypedArray;

function addVV(n: number, o: T, oi: number, a: T, ai: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i, r = bi + i;
    o[p + 7] = a[q + 7] + b[r + 7];
    o[p] = a[q] + b[r]; o[p + 1] = a[q + 1] + b[r + 1]; o[p + 2] = a[q + 2] + b[r + 2]; o[p + 3] = a[q + 3] + b[r + 3];
    o[p + 4] = a[q + 4] + b[r + 4]; o[p + 5] = a[q + 5] + b[r + 5]; o[p + 6] = a[q + 6] + b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] + b[bi + i];
}
function addVS(n: number, o: T, oi: number, a: T, ai: number, v: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i;
    o[p + 7] = a[q + 7] + v;
    o[p] = a[q] + v; o[p + 1] = a[q + 1] + v; o[p + 2] = a[q + 2] + v; o[p + 3] = a[q + 3] + v;
    o[p + 4] = a[q + 4] + v; o[p + 5] = a[q + 5] + v; o[p + 6] = a[q + 6] + v;
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] + v;
}

function subVV(n: number, o: T, oi: number, a: T, ai: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i, r = bi + i;
    o[p + 7] = a[q + 7] - b[r + 7];
    o[p] = a[q] - b[r]; o[p + 1] = a[q + 1] - b[r + 1]; o[p + 2] = a[q + 2] - b[r + 2]; o[p + 3] = a[q + 3] - b[r + 3];
    o[p + 4] = a[q + 4] - b[r + 4]; o[p + 5] = a[q + 5] - b[r + 5]; o[p + 6] = a[q + 6] - b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] - b[bi + i];
}
function subVS(n: number, o: T, oi: number, a: T, ai: number, v: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i;
    o[p + 7] = a[q + 7] - v;
    o[p] = a[q] - v; o[p + 1] = a[q + 1] - v; o[p + 2] = a[q + 2] - v; o[p + 3] = a[q + 3] - v;
    o[p + 4] = a[q + 4] - v; o[p + 5] = a[q + 5] - v; o[p + 6] = a[q + 6] - v;
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] - v;
}
function subSV(n: number, o: T, oi: number, v: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, r = bi + i;
    o[p + 7] = v - b[r + 7];
    o[p] = v - b[r]; o[p + 1] = v - b[r + 1]; o[p + 2] = v - b[r + 2]; o[p + 3] = v - b[r + 3];
    o[p + 4] = v - b[r + 4]; o[p + 5] = v - b[r + 5]; o[p + 6] = v - b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = v - b[bi + i];
}

function mulVV(n: number, o: T, oi: number, a: T, ai: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i, r = bi + i;
    o[p + 7] = a[q + 7] * b[r + 7];
    o[p] = a[q] * b[r]; o[p + 1] = a[q + 1] * b[r + 1]; o[p + 2] = a[q + 2] * b[r + 2]; o[p + 3] = a[q + 3] * b[r + 3];
    o[p + 4] = a[q + 4] * b[r + 4]; o[p + 5] = a[q + 5] * b[r + 5]; o[p + 6] = a[q + 6] * b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] * b[bi + i];
}
function mulVS(n: number, o: T, oi: number, a: T, ai: number, v: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i;
    o[p + 7] = a[q + 7] * v;
    o[p] = a[q] * v; o[p + 1] = a[q + 1] * v; o[p + 2] = a[q + 2] * v; o[p + 3] = a[q + 3] * v;
    o[p + 4] = a[q + 4] * v; o[p + 5] = a[q + 5] * v; o[p + 6] = a[q + 6] * v;
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] * v;
}

function divVV(n: number, o: T, oi: number, a: T, ai: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i, r = bi + i;
    o[p + 7] = a[q + 7] / b[r + 7];
    o[p] = a[q] / b[r]; o[p + 1] = a[q + 1] / b[r + 1]; o[p + 2] = a[q + 2] / b[r + 2]; o[p + 3] = a[q + 3] / b[r + 3];
    o[p + 4] = a[q + 4] / b[r + 4]; o[p + 5] = a[q + 5] / b[r + 5]; o[p + 6] = a[q + 6] / b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] / b[bi + i];
}
/** a / v, element by element: not a * (1/v), which rounds differently. */
function divVS(n: number, o: T, oi: number, a: T, ai: number, v: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, q = ai + i;
    o[p + 7] = a[q + 7] / v;
    o[p] = a[q] / v; o[p + 1] = a[q + 1] / v; o[p + 2] = a[q + 2] / v; o[p + 3] = a[q + 3] / v;
    o[p + 4] = a[q + 4] / v; o[p + 5] = a[q + 5] / v; o[p + 6] = a[q + 6] / v;
  }
  for (; i < n; i++) o[oi + i] = a[ai + i] / v;
}
function divSV(n: number, o: T, oi: number, v: number, b: T, bi: number): void {
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = oi + i, r = bi + i;
    o[p + 7] = v / b[r + 7];
    o[p] = v / b[r]; o[p + 1] = v / b[r + 1]; o[p + 2] = v / b[r + 2]; o[p + 3] = v / b[r + 3];
    o[p + 4] = v / b[r + 4]; o[p + 5] = v / b[r + 5]; o[p + 6] = v / b[r + 6];
  }
  for (; i < n; i++) o[oi + i] = v / b[bi + i];
}

// IEEE addition and multiplication are commutative bit for bit (NaN payloads aside), so scalar∘array reuses array∘scalar.

/** `o = a + b` over one run. */
export const addLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1) {
    if (as === 1 && bs === 1) return addVV(n, o, oi, a, ai, b, bi);
    if (as === 1 && bs === 0) return addVS(n, o, oi, a, ai, b[bi]);
    if (as === 0 && bs === 1) return addVS(n, o, oi, b, bi, a[ai]);
  }
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] + b[bi];
};

/** `o = a - b` over one run. */
export const subtractLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1) {
    if (as === 1 && bs === 1) return subVV(n, o, oi, a, ai, b, bi);
    if (as === 1 && bs === 0) return subVS(n, o, oi, a, ai, b[bi]);
    if (as === 0 && bs === 1) return subSV(n, o, oi, a[ai], b, bi);
  }
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] - b[bi];
};

/** `o = a * b` over one run. */
export const multiplyLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1) {
    if (as === 1 && bs === 1) return mulVV(n, o, oi, a, ai, b, bi);
    if (as === 1 && bs === 0) return mulVS(n, o, oi, a, ai, b[bi]);
    if (as === 0 && bs === 1) return mulVS(n, o, oi, b, bi, a[ai]);
  }
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] * b[bi];
};

/** `o = a / b` over one run (IEEE: x/0 = ±inf, 0/0 = NaN, as NumPy without its warning). */
export const divideLoop: BinaryLoop = (n, o, oi, os, a, ai, as, b, bi, bs) => {
  if (os === 1) {
    if (as === 1 && bs === 1) return divVV(n, o, oi, a, ai, b, bi);
    if (as === 1 && bs === 0) return divVS(n, o, oi, a, ai, b[bi]);
    if (as === 0 && bs === 1) return divSV(n, o, oi, a[ai], b, bi);
  }
  for (let i = 0; i < n; i++, oi += os, ai += as, bi += bs) o[oi] = a[ai] / b[bi];
};
