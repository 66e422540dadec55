/**
 * Shared helpers of the linalg tests: fixture access, NumPy error records,
 * tolerance rules, and comparisons that do not depend on the sign (or phase)
 * of eigen- and singular vectors, which no algorithm fixes.
 */
import { expect } from 'vitest';
import * as np from '../../src/index';
import { Complex, NDArray } from '../../src/core';
import { loadFixture } from '../helpers';

export const EPS = 2.220446049250313e-16;

export type Fix = any;
export const square = (): Record<string, Fix> => loadFixture('linalg/square.json');
export const symmetric = (): Record<string, Fix> => loadFixture('linalg/symmetric.json');
export const rectangular = (): Record<string, Fix> => loadFixture('linalg/rectangular.json');
export const conventions = (): Record<string, Fix> => loadFixture('linalg/conventions.json');

/** True for a fixture entry recording a NumPy exception. */
export function isError(x: unknown): x is { error: string; message: string } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'error' in x;
}

/** A fixture value ({re, im} objects for complex) as an NDArray. */
export function arr(x: unknown): NDArray {
  const conv = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(conv) : typeof v === 'object' && v !== null && 're' in v ? new Complex((v as any).re, (v as any).im) : v;
  const c = conv(x) as any;
  const a = np.array(c);
  return a.dtype === 'int32' ? a.astype('float64') : a;
}

/** Flat values of an array or number as [re, im] pairs. */
export function flat(x: unknown): [number, number][] {
  if (x instanceof NDArray) return flat(x.tolist());
  if (Array.isArray(x)) return x.flatMap(flat);
  if (x instanceof Complex) return [[x.re, x.im]];
  if (typeof x === 'object' && x !== null && 're' in x) return [[(x as any).re, (x as any).im]];
  if (typeof x === 'boolean') return [[x ? 1 : 0, 0]];
  return [[x as number, 0]];
}

/** Largest |value| of an array or nested list. */
export function maxAbs(x: unknown): number {
  return flat(x).reduce((m, [r, i]) => Math.max(m, Math.hypot(r, i)), 0);
}

/** Largest elementwise |a − b| (shapes must match). */
export function maxDiff(a: unknown, b: unknown): number {
  const fa = flat(a), fb = flat(b);
  expect(fa.length, 'number of elements').toBe(fb.length);
  let m = 0;
  for (let i = 0; i < fa.length; i++) {
    const d = Math.hypot(fa[i][0] - fb[i][0], fa[i][1] - fb[i][1]);
    if (!(d <= m)) m = Number.isNaN(d) ? (Number.isNaN(fa[i][0]) && Number.isNaN(fb[i][0]) ? m : Infinity) : d;
  }
  return m;
}

/** Asserts max |a − b| ≤ tol with a readable message. */
export function expectNear(actual: unknown, expected: unknown, tol: number, what = ''): void {
  const d = maxDiff(actual, expected);
  expect(d, `${what}: max |diff| ${d} > ${tol}`).toBeLessThanOrEqual(tol);
}

/**
 * Eigenvalue lists compared as multisets: each expected value is matched to
 * the nearest unused computed one (order-free and robust to ties).
 */
export function expectSameEigenvalues(actual: unknown, expected: unknown, tol: number, what = ''): void {
  const a = flat(actual), e = flat(expected);
  expect(a.length).toBe(e.length);
  const used = new Array<boolean>(a.length).fill(false);
  let worst = 0;
  for (const [er, ei] of e) {
    let best = -1, bd = Infinity;
    for (let j = 0; j < a.length; j++) {
      if (used[j]) continue;
      const d = Math.hypot(a[j][0] - er, a[j][1] - ei);
      if (d < bd) {
        bd = d;
        best = j;
      }
    }
    used[best] = true;
    worst = Math.max(worst, bd);
  }
  expect(worst, `${what}: eigenvalues differ by ${worst} > ${tol}`).toBeLessThanOrEqual(tol);
}

/** Columns of a real 2-D array with the sign fixed so that the largest |component| is positive. */
export function fixColumnSigns(m: NDArray): number[][] {
  const rows = m.tolist() as number[][];
  const n = rows[0]?.length ?? 0;
  const out = rows.map((r) => r.slice());
  for (let j = 0; j < n; j++) {
    let k = 0;
    for (let i = 0; i < rows.length; i++) if (Math.abs(rows[i][j]) > Math.abs(rows[k][j]) + 1e-12) k = i;
    if (rows[k][j] < 0) for (let i = 0; i < rows.length; i++) out[i][j] = -rows[i][j];
  }
  return out;
}

/** ‖QᴴQ − I‖_max for the columns of Q (real or complex, 2-D). */
export function orthonormalityError(q: NDArray): number {
  const qh = q.dtype === 'complex128' ? np.conj(q.T) : q.T;
  return maxDiff(np.matmul(qh, q), np.eye(q.shape[1]));
}
