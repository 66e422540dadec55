/**
 * The kernels and primitives of advanced indexing. An {@link IndexPlan}
 * (core/indexing.ts) selects, from the basic view V of x, the elements
 * `V[pre…, arrays[0][b], …, arrays[k][b], post…]`; the result has shape
 * `pre + B + post`. Three walks share one loop: gather (`r = x[index]`),
 * assign (`x[index] = r`) and add (`x[index] += r`, accumulating repeated
 * indices, which makes it the adjoint of gather).
 *
 * Primitives: `gatherP` (VJP: scatter-add), `scatterAddP` (VJP: gather), and
 * `indexUpdateP`, the functional `x[index] = v` (a copy; VJP: the cotangent
 * with the region zeroed for x, the cotangent's region, un-broadcast, for v).
 */
import {
  basicView, bind, castCopy, castInto, coalesce, definePrimitive, isInexactDType, NDArray, NumtsError, sizeOf, zeros,
  type BasicIndexItem, type IndexPlan, type Primitive, type TypedArray,
} from '../core';
import { sumTo } from './reduce';
import { astype, broadcastTo } from './movement';

/** Gather (r ← x), assign (x ← r), add (x += r). */
const enum Mode {
  Gather,
  Assign,
  Add,
}

/** `x` seen through the basic part of the plan (a view sharing x's buffer). */
export function basicPart(x: NDArray, plan: IndexPlan): NDArray {
  const v = basicView(x.shape, x.strides, x.offset, plan.basic);
  return new NDArray(x.data, v.shape, x.dtype, v.strides, v.offset, x.base ?? x);
}

type Run = (n: number, d: TypedArray, di: number, ds: number, s: TypedArray, si: number, ss: number) => void;
const copyRun: Run = (n, d, di, ds, s, si, ss) => {
  for (let i = 0; i < n; i++, di += ds, si += ss) d[di] = s[si];
};
const addRun: Run = (n, d, di, ds, s, si, ss) => {
  for (let i = 0; i < n; i++, di += ds, si += ss) d[di] += s[si];
};

/**
 * Walks `v` (the basic view of x) and `r` (an array of the plan's result
 * shape, any strides, same storage dtype) together, in `mode`.
 */
function walk(v: NDArray, plan: IndexPlan, r: NDArray, mode: Mode): void {
  const w = v.dtype === 'complex128' ? 2 : 1; // complex: doubles, with a trailing axis of 2 in `post`
  const isAdv = new Array<boolean>(v.ndim).fill(false);
  for (const a of plan.advAxes) isAdv[a] = true;
  const restShape: number[] = [];
  const restX: number[] = [];
  for (let d = 0; d < v.ndim; d++) {
    if (!isAdv[d]) {
      restShape.push(v.shape[d]);
      restX.push(v.strides[d] * w);
    }
  }
  const ins = plan.insertAt;
  const nbd = plan.bshape.length;
  const preShape = restShape.slice(0, ins);
  const preX = restX.slice(0, ins);
  const preR = r.strides.slice(0, ins).map((s) => s * w);
  const bR = r.strides.slice(ins, ins + nbd).map((s) => s * w);
  const postShape = restShape.slice(ins);
  const postX = restX.slice(ins);
  const postR = r.strides.slice(ins + nbd).map((s) => s * w);
  if (w === 2) {
    postShape.push(2);
    postX.push(1);
    postR.push(1);
  }
  const nb = sizeOf(plan.bshape);
  if (nb === 0 || sizeOf(preShape) === 0 || sizeOf(postShape) === 0) return;

  // Offsets of each broadcast position b in x (through the arrays) and in r (through B's strides).
  const xOff = new Float64Array(nb);
  for (let k = 0; k < plan.arrays.length; k++) {
    const arr = plan.arrays[k];
    const s = v.strides[plan.advAxes[k]] * w;
    if (k === 0) for (let b = 0; b < nb; b++) xOff[b] = arr[b] * s;
    else for (let b = 0; b < nb; b++) xOff[b] += arr[b] * s;
  }
  const rOff = new Float64Array(nb);
  if (nbd === 1) {
    const st = bR[0];
    for (let b = 0; b < nb; b++) rOff[b] = b * st;
  } else if (nbd > 0) {
    const idx = new Array<number>(nbd).fill(0);
    let p = 0;
    for (let b = 0; b < nb; b++) {
      rOff[b] = p;
      for (let d = nbd - 1; d >= 0; d--) {
        p += bR[d];
        if (++idx[d] < plan.bshape[d]) break;
        p -= bR[d] * plan.bshape[d];
        idx[d] = 0;
      }
    }
  }

  const { shape: cs, strides: cst } = coalesce(postShape, [postX, postR]);
  const xd = v.data;
  const rd = r.data;
  const run = mode === Mode.Add ? addRun : copyRun;
  const npre = sizeOf(preShape);
  const preIdx = new Array<number>(preShape.length).fill(0);
  let xBase = v.offset * w;
  let rBase = r.offset * w;
  for (let q = 0; q < npre; q++) {
    if (cs.length === 0) {
      // One element per b: the common x[mask] / x[intArray] on the last axis. Tight loops, no calls.
      if (mode === Mode.Gather) for (let b = 0; b < nb; b++) rd[rBase + rOff[b]] = xd[xBase + xOff[b]];
      else if (mode === Mode.Assign) for (let b = 0; b < nb; b++) xd[xBase + xOff[b]] = rd[rBase + rOff[b]];
      else for (let b = 0; b < nb; b++) xd[xBase + xOff[b]] += rd[rBase + rOff[b]];
    } else if (cs.length === 1) {
      const n = cs[0], sx = cst[0][0], sr = cst[1][0];
      for (let b = 0; b < nb; b++) {
        if (mode === Mode.Gather) run(n, rd, rBase + rOff[b], sr, xd, xBase + xOff[b], sx);
        else run(n, xd, xBase + xOff[b], sx, rd, rBase + rOff[b], sr);
      }
    } else {
      for (let b = 0; b < nb; b++) walkBlock(cs, cst, xd, xBase + xOff[b], rd, rBase + rOff[b], mode, run);
    }
    for (let d = preShape.length - 1; d >= 0; d--) {
      xBase += preX[d];
      rBase += preR[d];
      if (++preIdx[d] < preShape[d]) break;
      xBase -= preX[d] * preShape[d];
      rBase -= preR[d] * preShape[d];
      preIdx[d] = 0;
    }
  }
}

/** A multi-axis post block: an odometer over the outer axes, `run` over the innermost. */
function walkBlock(cs: number[], cst: number[][], xd: TypedArray, x0: number, rd: TypedArray, r0: number, mode: Mode, run: Run): void {
  const nd = cs.length;
  const n = cs[nd - 1], sx = cst[0][nd - 1], sr = cst[1][nd - 1];
  const idx = new Array<number>(nd - 1).fill(0);
  let outer = 1;
  for (let d = 0; d < nd - 1; d++) outer *= cs[d];
  let px = x0, pr = r0;
  for (let o = 0; o < outer; o++) {
    if (mode === Mode.Gather) run(n, rd, pr, sr, xd, px, sx);
    else run(n, xd, px, sx, rd, pr, sr);
    for (let d = nd - 2; d >= 0; d--) {
      px += cst[0][d];
      pr += cst[1][d];
      if (++idx[d] < cs[d]) break;
      px -= cst[0][d] * cs[d];
      pr -= cst[1][d] * cs[d];
      idx[d] = 0;
    }
  }
}

/** `x[index]` for an advanced plan: a new C-contiguous array. */
export function gatherKernel(x: NDArray, plan: IndexPlan): NDArray {
  const out = zeros(plan.outShape, x.dtype);
  walk(basicPart(x, plan), plan, out, Mode.Gather);
  return out;
}

/**
 * `x[index] = value` in place (value cast to x's dtype and broadcast to the
 * indexed shape); with `add`, `x[index] += value` accumulating repeats.
 */
export function scatterKernel(x: NDArray, plan: IndexPlan, value: NDArray, add = false): void {
  const val = value.dtype === x.dtype ? value : castCopy(value, x.dtype);
  const target = basicPart(x, plan);
  if (plan.advAxes.length === 0) {
    if (add) throw new NumtsError('internal: scatter-add needs an advanced plan');
    castInto(target, broadcastTo(val, target.shape));
    return;
  }
  walk(target, plan, broadcastTo(val, plan.outShape), add ? Mode.Add : Mode.Assign);
}

/** Params of the indexing primitives: the normalised index (its arrays are concrete). */
export interface GatherParams {
  readonly plan: IndexPlan;
}

/** `x[index]` for an advanced plan (a copy); VJP is the scatter-add of the cotangent. */
export const gatherP: Primitive<GatherParams> = definePrimitive<GatherParams>({
  name: 'gather',
  impl: ([x], { plan }) => gatherKernel(x, plan),
  vjp: (g, _out, [x], { plan }) => [bind(scatterAddP, [g], { plan, shape: x.shape })],
});

/** Zeros of `shape` with `g` added at the positions the plan selects: the adjoint of {@link gatherP}. */
export const scatterAddP: Primitive<GatherParams & { readonly shape: readonly number[] }> = definePrimitive<
  GatherParams & { readonly shape: readonly number[] }
>({
  name: 'scatter_add',
  impl: ([g], { plan, shape }) => {
    const out = zeros(shape, g.dtype);
    scatterKernel(out, plan, g, true);
    return out;
  },
  vjp: (g, _out, _args, { plan }) => [bind(gatherP, [g], { plan })],
});

/** Basic indexing (integers, slices, newaxis): a view of x. */
export const sliceP: Primitive<{ index: readonly BasicIndexItem[] }> = definePrimitive<{ index: readonly BasicIndexItem[] }>({
  name: 'slice',
  impl: ([x], { index }) => {
    const v = basicView(x.shape, x.strides, x.offset, index);
    return new NDArray(x.data, v.shape, x.dtype, v.strides, v.offset, x.base ?? x, true);
  },
  vjp: (g, _out, [x], { index }) => [bind(sliceScatterP, [g], { shape: x.shape, index })],
});

/** Zeros of `shape` with `g` written into the region that `index` selects: the adjoint of slicing. */
export const sliceScatterP: Primitive<{ shape: readonly number[]; index: readonly BasicIndexItem[] }> = definePrimitive<{
  shape: readonly number[];
  index: readonly BasicIndexItem[];
}>({
  name: 'slice_scatter',
  impl: ([g], { shape, index }) => {
    const out = zeros(shape, g.dtype);
    const v = basicView(out.shape, out.strides, out.offset, index);
    castInto(new NDArray(out.data, v.shape, out.dtype, v.strides, v.offset, out), g);
    return out;
  },
  vjp: (g, _out, _args, { index }) => [bind(sliceP, [g], { index })],
});

/** `x[index]` for any plan: a view (slice primitive) for basic plans, a gathered copy otherwise. */
export function readPlan(x: NDArray, plan: IndexPlan): NDArray {
  if (plan.advAxes.length > 0) return bind(gatherP, [x], { plan });
  return bind(sliceP, [x], { index: plan.basic });
}

/**
 * A copy of `x` with `x[index] = v` (v broadcast to the indexed shape, cast
 * to x's dtype): the functional update that makes writes differentiable.
 */
export const indexUpdateP: Primitive<GatherParams> = definePrimitive<GatherParams>({
  name: 'index_update',
  impl: ([x, v], { plan }) => {
    const out = castCopy(x, x.dtype);
    scatterKernel(out, plan, v);
    return out;
  },
  vjp: (g, _out, [, v], { plan }) => {
    const gx = bind(indexUpdateP, [g, zeros([], g.dtype)], { plan });
    let gv: NDArray | null = sumTo(readPlan(g, plan), v.shape);
    if (gv !== null && gv.dtype !== v.dtype) gv = isInexactDType(v.dtype) ? astype(gv, v.dtype) : null;
    return [gx, gv];
  },
});
