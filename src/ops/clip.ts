/**
 * `clip` (limit values to an interval) and `nanToNum` (replace NaN and
 * infinities). `clip` follows NumPy 2's loops exactly: either bound may be
 * null, NaN in the input or in a bound propagates, and with lo > hi every
 * element becomes hi.
 */
import {
  allocate, asarray, bind, broadcastOperand, broadcastShapes, castCopy, definePrimitive, NDArray, rebind, resultType, runsOf,
  ValueError, type ArrayLike, type TypedArray, type UfuncOptions,
} from '../core';
import { assignInto, ensureDType, operandType, prepareOut, toOperand, ufuncParams, type UfuncParams } from './ufunc';
import { maximum, minimum } from './extrema';
import { greater, less, logicalNot, logicalOr } from './compare';
import { isfinite, positive } from './unary';
import { sumTo } from './reduce';
import { where } from './where';

/**
 * One run of NumPy's float clip (numpy/_core/src/umath/clip.cpp). With bounds
 * constant over the run: x < lo → lo, then x > hi → hi (so -0 stays -0, NaN
 * stays NaN), and a NaN bound makes every element NaN. Otherwise
 * `_NPY_CLIP`: t = isnan(x) ? x : max(x, lo); isnan(t) ? t : min(t, hi).
 */
function clipRun(
  n: number, o: TypedArray, oi: number, os: number, x: TypedArray, xi: number, xs: number,
  l: TypedArray, li: number, ls: number, h: TypedArray, hi: number, hs: number,
): void {
  if (ls === 0 && hs === 0) {
    const lo = l[li], up = h[hi];
    if (lo !== lo || up !== up) {
      const fill = lo !== lo ? lo : up;
      for (let i = 0; i < n; i++, oi += os) o[oi] = fill;
      return;
    }
    for (let i = 0; i < n; i++, oi += os, xi += xs) {
      let v = x[xi];
      if (v < lo) v = lo;
      if (v > up) v = up;
      o[oi] = v;
    }
    return;
  }
  for (let i = 0; i < n; i++, oi += os, xi += xs, li += ls, hi += hs) {
    const v = x[xi];
    const t = v !== v ? v : v > l[li] ? v : l[li];
    o[oi] = t !== t ? t : t < h[hi] ? t : h[hi];
  }
}

export const clipP = definePrimitive<UfuncParams>({
  name: 'clip',
  impl: ([x, lo, hi], { out, dtype }) => {
    const resDType = dtype ?? resultType(x.dtype, lo.dtype, hi.dtype);
    const shape = broadcastShapes(x.shape, lo.shape, hi.shape);
    const res = prepareOut(shape, resDType, out, 'clip');
    const tmp = new NDArray(allocate('float64', res.size), shape, 'float64');
    const ops = [tmp, ensureDType(x, 'float64'), ensureDType(lo, 'float64'), ensureDType(hi, 'float64')].map((a) => broadcastOperand(a, shape));
    const c = runsOf(shape, ops);
    if (c !== null) {
      const [od, xd, ld, hd] = ops.map((op) => op.data);
      const o = c.offsets, s = c.steps;
      do clipRun(c.n, od, o[0], s[0], xd, o[1], s[1], ld, o[2], s[2], hd, o[3], s[3]);
      while (c.next());
    }
    assignInto(res, tmp);
    return res;
  },
  // The cotangent goes to hi where max(x, lo) > hi, else to lo where x < lo, else to x.
  vjp: (g, _out, [x, lo, hi]) => {
    const toHi = greater(maximum(x, lo), hi);
    const toLo = logicalNot(logicalOr(toHi, logicalNot(less(x, lo))));
    const toX = logicalNot(logicalOr(toHi, toLo));
    return [sumTo(where(toX, g, 0), x.shape), sumTo(where(toLo, g, 0), lo.shape), sumTo(where(toHi, g, 0), hi.shape)];
  },
});

/**
 * Limits the values of `a` to `[min, max]` elementwise (NumPy's `np.clip`).
 * Either bound may be `null` (no limit on that side); bounds broadcast
 * against `a`. NaN in `a` or in a bound gives NaN; if `min > max` the result is `max`.
 * @param a `(...)` input.
 * @param min lower bound (array-like or null).
 * @param max upper bound (array-like or null).
 * @param opts `out`, `dtype`.
 * @throws {ShapeError} when the bounds do not broadcast against `a`.
 * @example np.clip([-2, 0.5, 3], 0, 1)  // [0.  0.5 1. ]
 */
export function clip(a: ArrayLike, min: ArrayLike | null, max: ArrayLike | null, opts?: UfuncOptions): NDArray {
  if (min === undefined || max === undefined) throw new ValueError('clip() needs both min and max (use null for no bound)');
  const x = asarray(a);
  if (min === null && max === null) return positive(x, opts);
  if (min === null) return minimum(x, max as ArrayLike, opts);
  if (max === null) return maximum(x, min, opts);
  const params = ufuncParams(opts);
  const dtype = params.dtype ?? resultType(x.dtype, operandType(min), operandType(max));
  // Complex values clip lexicographically, NumPy's maximum then minimum.
  if (dtype === 'complex128') return minimum(maximum(x, min, { dtype }), max, opts);
  return bind(clipP, [x, toOperand(min, dtype, true), toOperand(max, dtype, true)], params);
}

/** Options of {@link nanToNum}. */
export interface NanToNumOptions {
  /** Write into the input instead of a copy (NumPy's `copy=False`). Default true. */
  copy?: boolean;
  /** Value for NaN; default 0. */
  nan?: number;
  /** Value for +inf; default the largest finite value of the dtype. */
  posinf?: number | null;
  /** Value for -inf; default the most negative finite value of the dtype. */
  neginf?: number | null;
}

interface NanToNumParams {
  readonly nan: number;
  readonly posinf: number;
  readonly neginf: number;
  readonly inPlace: boolean;
}

function replaceRun(n: number, d: TypedArray, i: number, s: number, p: NanToNumParams): void {
  for (let k = 0; k < n; k++, i += s) {
    const v = d[i];
    if (v !== v) d[i] = p.nan;
    else if (v === Infinity) d[i] = p.posinf;
    else if (v === -Infinity) d[i] = p.neginf;
  }
}

export const nanToNumP = definePrimitive<NanToNumParams>({
  name: 'nan_to_num',
  impl: ([x], p) => {
    const res = p.inPlace ? x : castCopy(x, x.dtype);
    if (res.dtype !== 'float64' && res.dtype !== 'float32' && res.dtype !== 'complex128') return res;
    // Complex: both parts, walked as a float64 view with doubled strides.
    const view = res.dtype === 'complex128' ? new NDArray(res.data, [...res.shape, 2], 'float64', [...res.strides.map((s) => 2 * s), 1], 2 * res.offset) : res;
    const c = runsOf(view.shape, [view]);
    if (c !== null) {
      do replaceRun(c.n, view.data, c.offsets[0], c.steps[0], p);
      while (c.next());
    }
    return res;
  },
  vjp: (g, _out, [x]) => [where(isfinite(x), g, 0)],
});

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Replaces NaN with `nan` (default 0), +inf with `posinf` and -inf with `neginf`
 * (default: the largest / most negative finite value of the dtype), as
 * `np.nan_to_num`. Complex input is treated part by part; integer and bool
 * input is returned unchanged (copied unless `copy: false`).
 * @param x `(...)` input.
 * @throws {ValueError} when `copy: false` is asked for a non-array input.
 * @example np.nanToNum([NaN, Infinity, -1])  // [ 0.00000000e+000  1.79769313e+308 -1.00000000e+000]
 */
export function nanToNum(x: ArrayLike, opts: NanToNumOptions = {}): NDArray {
  const a = asarray(x);
  const inPlace = opts.copy === false;
  if (inPlace && !(x instanceof NDArray)) throw new ValueError('nanToNum: copy=false needs an NDArray to write into');
  const big = a.dtype === 'float32' ? FLOAT32_MAX : Number.MAX_VALUE;
  const round = (v: number): number => (a.dtype === 'float32' ? Math.fround(v) : v);
  const params: NanToNumParams = {
    nan: round(opts.nan ?? 0),
    posinf: round(opts.posinf ?? big),
    neginf: round(opts.neginf ?? -big),
    inPlace,
  };
  if (inPlace && a.isTraced()) {
    // Inside a transform the write becomes a rebinding of the traced array (see core's rebind).
    const r = bind(nanToNumP, [a], { ...params, inPlace: false });
    rebind(a, r);
    return a;
  }
  return bind(nanToNumP, [a], params);
}
