/**
 * Reading the ops_* fixtures (scripts/fixtures/ops_*.py, encoded as
 * core_common.py does) and checking numts against them: dtype, shape and
 * values — exactly (NaN = NaN, -0 ≠ +0) or within a stated tolerance — or
 * NumPy's error class and message.
 */
import { expect } from 'vitest';
import * as np from '../../src/index';
import { Complex, NDArray } from '../../src/core';
import { decode, num, type EncArray, type EncError } from '../core/fixtureArrays';

export type { EncArray, EncError };
export type Expected = EncArray | EncError;

/** An operand of a fixture case: an encoded array (optionally a view of it) or a JS scalar. */
export interface EncOperand {
  base?: EncArray;
  view?: string | null;
  transpose?: boolean | number[] | null;
  scalar?: number | string;
}

/** The array (or scalar) a fixture operand describes. */
export function operand(o: EncOperand): NDArray | number {
  if (o.scalar !== undefined) return num(o.scalar);
  let x = decode(o.base!);
  if (o.view !== null && o.view !== undefined) x = x.get(o.view);
  if (o.transpose === true) x = x.T;
  else if (Array.isArray(o.transpose)) x = x.transpose(o.transpose);
  return x;
}

export interface Tol {
  /** Bitwise equality (signed zeros included). */
  exact?: boolean;
  rtol?: number;
  atol?: number;
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

function close(a: number, b: number, tol: Tol): boolean {
  if (tol.exact) return same(a, b);
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= (tol.atol ?? 0) + (tol.rtol ?? 0) * Math.abs(b);
}

/** Asserts an array result against an encoded one: dtype, shape, values within `tol`. */
export function expectArray(actual: unknown, e: EncArray, tol: Tol, label: string): void {
  const a = actual instanceof NDArray ? actual : np.array(actual as never, e.dtype);
  expect(a.dtype, `${label}: dtype`).toBe(e.dtype);
  expect([...a.shape], `${label}: shape`).toEqual(e.shape);
  const flat = a.dtype === 'complex128' ? (a.reshape([-1]).tolist() as Complex[]) : a.toArray();
  const bad: string[] = [];
  e.data.forEach((v, i) => {
    if (a.dtype === 'complex128') {
      const c = v as { re: unknown; im: unknown };
      const g = flat[i] as Complex;
      if (!close(g.re, num(c.re), tol) || !close(g.im, num(c.im), tol)) bad.push(`[${i}] got ${String(g)} expected ${num(c.re)}+${num(c.im)}j`);
    } else {
      const g = flat[i] as number;
      if (!close(g, num(v), tol)) bad.push(`[${i}] got ${Object.is(g, -0) ? '-0' : g} expected ${String(v)}`);
    }
  });
  expect(bad.slice(0, 4), `${label}: elements (${tol.exact ? 'exact' : `rtol ${tol.rtol}, atol ${tol.atol ?? 0}`})`).toEqual([]);
}

/** NumPy's error classes → the numts classes that stand for them. */
function matchesClass(thrown: unknown, numpyClass: string): boolean {
  if (!(thrown instanceof np.NumtsError)) return false;
  switch (numpyClass) {
    case 'AxisError':
      return thrown instanceof np.AxisError;
    case 'ValueError':
    case 'OverflowError':
      return thrown instanceof np.ValueError;
    case 'IndexError':
      return thrown instanceof np.IndexError;
    default:
      // TypeError and NumPy's UFuncTypeError family
      return thrown instanceof np.DTypeError || thrown.name === 'TypeError';
  }
}

/** Asserts `fn` throws numts' counterpart of NumPy's error (and its message unless `checkMessage` is false). */
export function expectError(fn: () => unknown, e: EncError, label: string, checkMessage = true): void {
  let thrown: unknown;
  try {
    fn();
  } catch (x) {
    thrown = x;
  }
  expect(thrown, `${label}: expected ${e.error}: ${e.message}`).toBeDefined();
  expect(matchesClass(thrown, e.error), `${label}: got ${String(thrown)}, expected ${e.error}`).toBe(true);
  if (checkMessage && e.message !== null) expect((thrown as Error).message, label).toBe(e.message);
}

/** Runs `fn` and checks it against a fixture's result or error. */
export function expectCase(fn: () => unknown, e: Expected, tol: Tol, label: string): void {
  if ('error' in e) expectError(fn, e, label);
  else expectArray(fn(), e, tol, label);
}
