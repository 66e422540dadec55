/**
 * What the `minimize` methods share: SciPy's status messages, option
 * checking, the callback protocol and result assembly.
 */
import { asarray, NDArray, ValueError } from '../../core';
import type { Constraint, HessOption, HesspOption, IntermediateResult, JacOption, MinimizeOptions, OptimizeResult } from './types';

/** SciPy's `_status_message` table. */
export const STATUS = {
  success: 'Optimization terminated successfully.',
  maxfev: 'Maximum number of function evaluations has been exceeded.',
  maxiter: 'Maximum number of iterations has been exceeded.',
  prLoss: 'Desired error not necessarily achieved due to precision loss.',
  nan: 'NaN result encountered.',
  callback: '`callback` requested a stop.',
} as const;

/** The callback as the solvers call it: returns true when the user asked to stop. */
export type Callback = ((r: IntermediateResult) => boolean | void) | undefined;

/** Calls the user's callback with a copy of x; true means stop (SciPy's StopIteration, status 99). */
export function stopRequested(cb: Callback, x: Float64Array, fun: number, nit: number): boolean {
  if (cb === undefined) return false;
  return cb({ x: asarray(Float64Array.from(x)), fun, nit }) === true;
}

/** A Float64Array as a 1-D NDArray (copied). */
export function vec(x: Float64Array): NDArray {
  return asarray(Float64Array.from(x));
}

/** A row-major (r, c) Float64Array as an NDArray (copied). */
export function mat(a: Float64Array, r: number, c: number): NDArray {
  return asarray(Float64Array.from(a)).reshape(r, c);
}

/**
 * Rejects options the method does not know, as SciPy's `_check_unknown_options`
 * warns about them (a typo must not silently change nothing).
 * @throws {ValueError} naming the unknown options.
 */
export function checkOptions(method: string, options: MinimizeOptions, known: readonly string[]): void {
  // `disp` is accepted everywhere and ignored: numts does not print; the result says everything.
  const unknown = Object.keys(options).filter((k) => (options as Record<string, unknown>)[k] !== undefined && k !== 'disp' && !known.includes(k));
  if (unknown.length > 0) throw new ValueError(`Unknown solver options for ${method}: ${unknown.join(', ')} (it accepts ${known.join(', ')})`);
}

/** A positive integer option (maxiter …), or the default. */
export function intOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value >= 0) || (value !== Infinity && !Number.isInteger(value))) throw new ValueError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** A non-negative finite number option (tolerances), or the default. */
export function tolOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value >= 0)) throw new ValueError(`${name} must be a non-negative number, got ${value}`);
  return value;
}

/** Assembles an OptimizeResult with the counters always present. */
export function result(fields: Omit<OptimizeResult, 'nfev' | 'njev' | 'nhev'> & Partial<Pick<OptimizeResult, 'nfev' | 'njev' | 'nhev'>>): OptimizeResult {
  return { nfev: 0, njev: 0, nhev: 0, ...fields };
}

/** True when any element is NaN. */
export function hasNaN(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

/** What `minimize` hands a method after validating the user's arguments. */
export interface SolverArgs {
  jac: JacOption;
  hess: HessOption;
  hessp: HesspOption | undefined;
  /** Bounds as arrays (±Infinity for none), or null when none were given. */
  lb: Float64Array | null;
  ub: Float64Array | null;
  constraints: readonly Constraint[];
  options: MinimizeOptions;
  callback: Callback;
}
