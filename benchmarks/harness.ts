/**
 * The benchmark model: a suite is a list of cases; each case times numts and,
 * where they have the operation, ml-matrix, mathjs and NumPy on the same
 * input. `run.ts` collects the suites, runs them in one process and prints
 * ratios (peer time / numts time: above 1 means numts is faster).
 */

/** One competitor's implementation of a case: setup once, then a function to time. */
export type Impl = () => () => unknown;

export interface BenchCase {
  /** Short name, e.g. `add (1000,1000)+(1000,1)`. */
  readonly name: string;
  /** Suite group for the report (e.g. `core`, `linalg`). */
  readonly group: string;
  readonly numts: Impl;
  readonly mlMatrix?: Impl;
  readonly mathjs?: Impl;
  /**
   * NumPy: Python source run by benchmarks/numpy_bench.py. `setup` builds the
   * inputs (numpy is `np`), `stmt` is timed.
   */
  readonly numpy?: { readonly setup: string; readonly stmt: string };
  /** Optional work per call (e.g. FLOPs) to print a rate beside the time. */
  readonly work?: { readonly amount: number; readonly unit: string };
}

/** Median time in ms of `fn`, after warm-up, over enough repetitions to fill ~`budgetMs`. */
export function timeIt(fn: () => unknown, budgetMs = 400): number {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  fn();
  const once = Math.max(performance.now() - t0, 1e-3);
  const reps = Math.max(5, Math.min(1000, Math.round(budgetMs / once)));
  const batch = once < 1 ? Math.ceil(1 / once) : 1;
  const samples: number[] = [];
  for (let r = 0; r < Math.max(5, Math.round(reps / batch)); r++) {
    const s = performance.now();
    for (let b = 0; b < batch; b++) fn();
    samples.push((performance.now() - s) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
