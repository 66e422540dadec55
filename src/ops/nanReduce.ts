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
  asarray, bind, NDArray, TypeError_, type ArrayLike, type FullReduceOptions, type FullVarOptions, type ReduceOptions,
  type VarOptions,
} from '../core';
import { add, divide, multiply, subtract } from './binary';
import { lessEqual, logicalNot } from './compare';
import { isnan, sqrt, square } from './unary';
import { imag, real } from './complexParts';
import { where } from './where';
import { writeOut } from './ufunc';
import { astype } from './movement';
import { inMemoryOrder } from './layout';
import { fmaxReduceP, fminReduceP, maxP, minP, prodP, reduceParams, runReduce, scalarOrArray, sumP } from './reduce';
import { mean, std, var as variance } from './moments';

const hasNaN = (x: NDArray): boolean => x.dtype === 'float64' || x.dtype === 'float32' || x.dtype === 'complex128';

/** A reduction of the NaN-replaced input, in the input's memory order (NumPy's temporaries are laid out so). */
function reduceReplaced(p: typeof sumP, x: NDArray, fill: number, opts: ReduceOptions | undefined, name: string): number | NDArray {
  const params = reduceParams(x, opts);
  if (!hasNaN(x)) return scalarOrArray(bind(p, [x], params));
  const r = inMemoryOrder(x, params.axes, params.keepdims, (xp, axes) =>
    bind(p, [where(isnan(xp), fill, xp)], { axes, keepdims: params.keepdims, dtype: params.dtype }),
  );
  return scalarOrArray(writeOut(r, params.out, name));
}

/**
 * Sum over `axis` treating NaN as zero (all-NaN slices sum to 0).
 * @param opts `axis`, `keepdims`, `dtype`, `out`.
 * @throws {AxisError} for an axis out of range.
 * @example np.nansum([1, NaN, 2])  // 3
 */
export function nansum(a: ArrayLike, opts?: FullReduceOptions): number;
export function nansum(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nansum(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return reduceReplaced(sumP, asarray(a), 0, opts, 'nansum');
}

/**
 * Product over `axis` treating NaN as one.
 * @throws {AxisError} for an axis out of range.
 * @example np.nanprod([2, NaN, 3])  // 6
 */
export function nanprod(a: ArrayLike, opts?: FullReduceOptions): number;
export function nanprod(a: ArrayLike, opts: ReduceOptions): NDArray;
export function nanprod(a: ArrayLike, opts?: ReduceOptions): number | NDArray {
  return reduceReplaced(prodP, asarray(a), 1, opts, 'nanprod');
}

/** The count of non-NaN values per output element, as integers (NumPy's intp count). */
function countValid(mask: NDArray, axes: readonly number[], keepdims: boolean): NDArray {
  return bind(sumP, [logicalNot(mask)], { axes, keepdims, dtype: 'int32' });
}

/** NumPy's `_divide_by_count`: a / count, cast back to a's dtype (float32 stays float32). */
function divideByCount(a: NDArray, count: ArrayLike): NDArray {
  const q = divide(a, count);
  return q.dtype === a.dtype ? q : astype(q, a.dtype);
}

/**
 * Mean over `axis` ignoring NaN: the sum of the non-NaN values over their
 * count (NaN for an all-NaN slice), as NumPy's `_nanmean`.
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
  const r = inMemoryOrder(x, p.axes, p.keepdims, (xp, axes) => {
    const mask = isnan(xp);
    const tot = bind(sumP, [where(mask, 0, xp)], { axes, keepdims: p.keepdims, dtype: p.dtype });
    return divideByCount(tot, countValid(mask, axes, p.keepdims));
  });
  return scalarOrArray(writeOut(r, p.out, 'nanmean'));
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
  const ddof = opts.ddof ?? 0;
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError_(`ddof must be a number, got ${String(ddof)}`);
  const r = inMemoryOrder(x, p.axes, p.keepdims, (xp, axes) => {
    const mask = isnan(xp);
    const filled = where(mask, 0, xp);
    const cnt = countValid(mask, axes, true);
    const avg = divideByCount(bind(sumP, [filled], { axes, keepdims: true, dtype: p.dtype }), cnt);
    const dev = where(mask, 0, subtract(filled, avg));
    const sqr = dev.dtype === 'complex128' ? add(square(real(dev)), square(imag(dev))) : multiply(dev, dev);
    const total = bind(sumP, [sqr], { axes, keepdims: p.keepdims, dtype: p.dtype === 'complex128' ? undefined : p.dtype });
    const dof = subtract(p.keepdims ? cnt : countValid(mask, axes, false), ddof);
    return where(lessEqual(dof, 0), NaN, divideByCount(total, dof));
  });
  return scalarOrArray(writeOut(r, p.out, 'nanvar'));
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
