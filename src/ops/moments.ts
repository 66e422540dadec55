/**
 * Statistics built from reduction primitives, as NumPy's `_methods.py`
 * computes them (so they are differentiable without rules of their own and
 * agree with NumPy to the last bit on the common paths): `mean` (sum, then
 * divide; integer input sums in float64), `var`/`std` (two passes:
 * `sum(|x - mean|²) / max(N - ddof, 0)`), and `ptp` (max - min).
 */
import {
  asarray, bind, NDArray, TypeError_, type ArrayLike, type FullReduceOptions, type FullVarOptions, type ReduceOptions,
  type VarOptions,
} from '../core';
import { add, divide, multiply, subtract } from './binary';
import { sqrt, square } from './unary';
import { real, imag } from './complexParts';
import { maxP, minP, reduceParams, scalarOrArray, sumP } from './reduce';
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
export function mean(a: ArrayLike, opts: ReduceOptions = {}): number | NDArray {
  const x = asarray(a);
  const p = reduceParams(x, opts, false);
  const dtype = p.dtype ?? (x.dtype === 'complex128' || x.dtype === 'float32' ? x.dtype : 'float64');
  const s = bind(sumP, [x], { ...p, dtype, out: undefined });
  return scalarOrArray(divide(s, reducedCount(x, p.axes), { out: p.out }));
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
    const d = subtract(xp, m);
    const sq = d.dtype === 'complex128' ? add(square(real(d)), square(imag(d))) : multiply(d, d);
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
