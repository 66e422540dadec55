/**
 * Statistics built from reduction primitives, as NumPy's `_methods.py`
 * computes them (so they are differentiable without rules of their own and
 * agree with NumPy to the last bit on the common paths): `mean` (sum, then
 * divide; integer input sums in float64), `var`/`std` (two passes:
 * `sum(|x - mean|²) / max(N - ddof, 0)`), and `ptp` (max - min).
 */
import {
  asarray, bind, NDArray, runsOf, TypeError_, type ArrayLike, type FullReduceOptions, type FullVarOptions, type ReduceOptions,
  type TypedArray, type VarOptions,
} from '../core';
import { add, divide, multiply, subtract } from './binary';
import { sqrt, square } from './unary';
import { real, imag } from './complexParts';
import { isPlainFloat64, maxP, minP, reduceParams, scalarOrArray, sumP } from './reduce';
import { plainSum } from './reduceEngine';
import { inMemoryOrder } from './layout';
import { writeOut } from './ufunc';

/** How many elements each output element reduces. */
export function reducedCount(x: NDArray, axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= x.shape[a];
  return n;
}

/**
 * Arithmetic mean over `axis` (NumPy: sum — in float64 for integer and bool
 * input — then divide). The mean of an empty array is NaN, as NumPy (without
 * its warning).
 * @param a `(...)` input.
 * @param opts `axis`, `keepdims`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.mean([1, 2, 3, 4])  // 2.5
 */
export function mean(a: ArrayLike, opts?: FullReduceOptions): number;
export function mean(a: ArrayLike, opts: ReduceOptions): NDArray;
export function mean(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  // sum / count, as the general path's float64 divide of the 0-d sum.
  if (opts === undefined && isPlainFloat64(a)) return plainSum(a) / a.size;
  const x = asarray(a);
  const p = reduceParams(x, opts ?? {}, false);
  const dtype = p.dtype ?? (x.dtype === 'complex128' || x.dtype === 'float32' ? x.dtype : 'float64');
  const s = bind(sumP, [x], { ...p, dtype, out: undefined });
  return scalarOrArray(divide(s, reducedCount(x, p.axes), { out: p.out }));
}

let scratch = new Float64Array(0);

/** A C-contiguous float64 array of `shape` on a buffer reused between calls (contents undefined). */
function scratchArray(shape: readonly number[]): NDArray {
  let n = 1;
  for (const d of shape) n *= d;
  if (scratch.length < n) scratch = new Float64Array(n);
  return new NDArray(scratch.length === n ? scratch : scratch.subarray(0, n), shape, 'float64');
}

/**
 * out = (x - m)² in one pass (`out` C-contiguous): the same two IEEE
 * operations as NumPy's `x - mean` then `x * x`. The mean is an argument, not
 * a captured variable, and contiguous runs are unrolled, as in arithLoops.ts.
 */
function squaredDeviations(x: NDArray, m: number, out: NDArray): void {
  const c = runsOf(x.shape, [out, x]);
  if (c === null) return;
  const o = out.data, a = x.data;
  do sqDevRun(c.n, o, c.offsets[0], a, c.offsets[1], c.steps[1], m);
  while (c.next());
}

function sqDevRun(n: number, o: TypedArray, oi: number, a: TypedArray, ai: number, as: number, m: number): void {
  let i = 0;
  if (as === 1) {
    for (; i + 4 <= n; i += 4) {
      const p = oi + i, q = ai + i;
      const d3 = a[q + 3] - m, d0 = a[q] - m, d1 = a[q + 1] - m, d2 = a[q + 2] - m;
      o[p + 3] = d3 * d3;
      o[p] = d0 * d0;
      o[p + 1] = d1 * d1;
      o[p + 2] = d2 * d2;
    }
  }
  for (; i < n; i++) {
    const d = a[ai + i * as] - m;
    o[oi + i] = d * d;
  }
}

function checkDdof(ddof: unknown): number {
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError_(`ddof must be a number, got ${String(ddof)}`);
  return ddof;
}

/**
 * Variance over `axis` with `ddof` (NumPy's two-pass algorithm:
 * `sum(|x - mean|²) / max(N - ddof, 0)`; NaN when N - ddof ≤ 0).
 * @param a `(...)` input.
 * @param opts `axis`, `keepdims`, `ddof` (default 0), `dtype`, `out`.
 * @throws {AxisError} for an axis out of range; {@link TypeError} for a non-numeric ddof.
 * @example np.var([1, 2, 3, 4])  // 1.25
 */
function variance(a: ArrayLike, opts?: FullVarOptions): number;
function variance(a: ArrayLike, opts: VarOptions): NDArray;
function variance(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const x = asarray(a);
  const p = reduceParams(x, opts, false);
  const ddof = checkDdof(opts.ddof ?? 0);
  const r = inMemoryOrder(x, p.axes, p.keepdims, (xp, axes) => {
    const n = reducedCount(xp, axes);
    const m = mean(xp, { axis: axes, keepdims: true, dtype: p.dtype });
    let sq: NDArray;
    const plainMean = typeof m === 'number' || (!m.isTraced() && m.dtype === 'float64');
    if (!xp.isTraced() && plainMean && xp.dtype !== 'complex128' && xp.dtype !== 'float32') {
      // Plain float64 data: the squared deviations go to a reused scratch buffer (a fresh 8 MB array
      // costs more in page faults than the arithmetic); the values and their order are NumPy's.
      sq = scratchArray(xp.shape);
      const m0 = typeof m === 'number' ? m : m.size === 1 ? (m.item() as number) : null;
      if (m0 !== null && xp.dtype === 'float64') squaredDeviations(xp, m0, sq);
      else {
        subtract(xp, m, { out: sq });
        multiply(sq, sq, { out: sq });
      }
    } else {
      const d = subtract(xp, m);
      sq = d.dtype === 'complex128' ? add(square(real(d)), square(imag(d))) : multiply(d, d);
    }
    const s = bind(sumP, [sq], { axes, keepdims: p.keepdims, dtype: p.dtype === 'complex128' ? undefined : p.dtype });
    return divide(s, Math.max(n - ddof, 0));
  });
  return scalarOrArray(writeOut(r, p.out, 'var'));
}
export { variance as var };

/**
 * Standard deviation over `axis`: `sqrt(var)`.
 * @param opts as {@link var}.
 * @throws {AxisError} for an axis out of range.
 * @example np.std([1, 2, 3, 4])  // 1.118033988749895
 */
export function std(a: ArrayLike, opts?: FullVarOptions): number;
export function std(a: ArrayLike, opts: VarOptions): NDArray;
export function std(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const v = variance(a, { ...opts, out: undefined } as VarOptions);
  return scalarOrArray(sqrt(v, { out: opts.out }));
}

/**
 * Range of values (maximum - minimum) over `axis` (NumPy's `np.ptp`).
 * @throws {ValueError} for an empty reduction. {@link AxisError} for an axis out of range.
 * @example np.ptp([[4, 9], [1, 2]], { axis: 1 })  // [5 1]
 */
export function ptp(a: ArrayLike, opts?: FullReduceOptions): number;
export function ptp(a: ArrayLike, opts: ReduceOptions): NDArray;
export function ptp(a: ArrayLike, opts: ReduceOptions = {}): number | NDArray {
  const x = asarray(a);
  const p = { ...reduceParams(x, opts), out: undefined };
  return scalarOrArray(subtract(bind(maxP, [x], p), bind(minP, [x], p), { out: opts.out }));
}
