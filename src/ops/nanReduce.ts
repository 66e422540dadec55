/**
 * NaN-ignoring reductions, computed as NumPy's `nanfunctions.py` does:
 * `nansum`/`nanprod` replace NaN by 0/1 then reduce; `nanmean` and
 * `nanvar`/`nanstd` divide by the count of non-NaN values (NaN for an
 * all-NaN slice, or when count - ddof ≤ 0); `nanmin`/`nanmax` are the
 * fmin/fmax folds (NaN for an all-NaN slice). Integer and bool input has no
 * NaN and behaves as the plain reduction. All are differentiable: the
 * composites through `where`, nanmin/nanmax through their primitive's rule.
 */
import {
  asarray, bind, NDArray, type ArrayLike, type FullReduceOptions, type FullVarOptions, type ReduceOptions, type VarOptions,
} from '../core';
import { add, divide, multiply, subtract } from './binary';
import { lessEqual, logicalNot } from './compare';
import { isnan, sqrt, square } from './unary';
import { imag, real } from './complexParts';
import { where } from './where';
import { assignInto, prepareOut } from './ufunc';
import { fmaxReduceP, fminReduceP, maxP, minP, prodP, reduceParams, runReduce, scalarOrArray, sumP } from './reduce';
import { mean, std, var as variance } from './moments';

const hasNaN = (x: NDArray): boolean => x.dtype === 'float64' || x.dtype === 'float32' || x.dtype === 'complex128';

/**
 * Sum over `axis` treating NaN as zero (all-NaN slices sum to 0).
 * @param opts `axis`, `keepdims`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.nansum([1, NaN, 2])  // 3
 */
export function nansum(a: ArrayLike, opts?: FullReduceOptions): number;
export function nansum(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nansum(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  const x = asarray(a);
  return runReduce(sumP, hasNaN(x) ? where(isnan(x), 0, x) : x, opts);
}

/**
 * Product over `axis` treating NaN as one.
 * @throws {AxisError} for an axis out of range.
 * @example np.nanprod([2, NaN, 3])  // 6
 */
export function nanprod(a: ArrayLike, opts?: FullReduceOptions): number;
export function nanprod(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nanprod(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  const x = asarray(a);
  return runReduce(prodP, hasNaN(x) ? where(isnan(x), 1, x) : x, opts);
}

/** The count of non-NaN values per output element, as float64 (keepdims as asked). */
function countValid(x: NDArray, axes: readonly number[], keepdims: boolean): NDArray {
  return bind(sumP, [logicalNot(isnan(x))], { axes, keepdims, dtype: 'float64' });
}

/**
 * Mean over `axis` ignoring NaN: the sum of the non-NaN values over their
 * count (NaN for an all-NaN slice).
 * @param opts `axis`, `keepdims`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.nanmean([1, NaN, 3])  // 2
 */
export function nanmean(a: ArrayLike, opts?: FullReduceOptions): number;
export function nanmean(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nanmean(a: ArrayLike, opts: ReduceOptions = {}): number | NDArray {
  const x = asarray(a);
  if (!hasNaN(x)) return mean(x, opts);
  const p = reduceParams(x, opts);
  const tot = bind(sumP, [where(isnan(x), 0, x)], { ...p, out: undefined });
  return scalarOrArray(divide(tot, countValid(x, p.axes, p.keepdims), { out: p.out }));
}

/**
 * Variance over `axis` ignoring NaN, with `ddof`: NumPy's `_nanvar`
 * (deviations from the NaN-ignoring mean, summed over the valid values,
 * divided by count - ddof; NaN where that is ≤ 0).
 * @param opts `axis`, `keepdims`, `ddof`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.nanvar([1, NaN, 3])  // 1
 */
export function nanvar(a: ArrayLike, opts?: FullVarOptions): number;
export function nanvar(a: ArrayLike, opts: VarOptions): NDArray;
export function nanvar(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const x = asarray(a);
  if (!hasNaN(x)) return variance(x, opts);
  const p = reduceParams(x, opts);
  const mask = isnan(x);
  const filled = where(mask, 0, x);
  const cnt = countValid(x, p.axes, true);
  const avg = divide(bind(sumP, [filled], { axes: p.axes, keepdims: true, dtype: p.dtype }), cnt);
  const dev = where(mask, 0, subtract(filled, avg));
  const sqr = dev.dtype === 'complex128' ? add(square(real(dev)), square(imag(dev))) : multiply(dev, dev);
  const total = bind(sumP, [sqr], { axes: p.axes, keepdims: p.keepdims, dtype: p.dtype === 'complex128' ? undefined : p.dtype });
  const dof = subtract(p.keepdims ? cnt : countValid(x, p.axes, false), opts.ddof ?? 0);
  return scalarOrArray(withOut(where(lessEqual(dof, 0), NaN, divide(total, dof)), p.out, 'nanvar'));
}

/** Writes `r` into the caller's `out` when there is one. */
function withOut(r: NDArray, out: NDArray | undefined, name: string): NDArray {
  if (out === undefined) return r;
  const o = prepareOut(r.shape, r.dtype, out, name);
  assignInto(o, r);
  return o;
}

/**
 * Standard deviation over `axis` ignoring NaN: `sqrt(nanvar)`.
 * @throws {AxisError} for an axis out of range.
 * @example np.nanstd([1, NaN, 3])  // 1
 */
export function nanstd(a: ArrayLike, opts?: FullVarOptions): number;
export function nanstd(a: ArrayLike, opts: VarOptions): NDArray;
export function nanstd(a: ArrayLike, opts: VarOptions = {}): number | NDArray {
  const x = asarray(a);
  if (!hasNaN(x)) return std(x, opts);
  const v = nanvar(x, { ...opts, out: undefined } as VarOptions);
  return scalarOrArray(sqrt(v, { out: opts.out }));
}

/**
 * Maximum over `axis` ignoring NaN (NaN only for an all-NaN slice).
 * @throws {ValueError} for an empty reduction. {@link AxisError} for an axis out of range.
 * @example np.nanmax([1, NaN, 3])  // 3
 */
export function nanmax(a: ArrayLike, opts?: FullReduceOptions): number;
export function nanmax(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nanmax(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  const x = asarray(a);
  return runReduce(hasNaN(x) ? fmaxReduceP : maxP, x, opts);
}

/**
 * Minimum over `axis` ignoring NaN (NaN only for an all-NaN slice).
 * @throws {ValueError} for an empty reduction. {@link AxisError} for an axis out of range.
 * @example np.nanmin([1, NaN, 3])  // 1
 */
export function nanmin(a: ArrayLike, opts?: FullReduceOptions): number;
export function nanmin(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nanmin(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  const x = asarray(a);
  return runReduce(hasNaN(x) ? fminReduceP : minP, x, opts);
}
