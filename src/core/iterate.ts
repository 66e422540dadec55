/**
 * The one strided loop engine. Every elementwise kernel and reduction walks
 * its operands through {@link forEachRun}: it drops size-1 axes, merges axes
 * that are contiguous in every operand (so a C-contiguous array is one run),
 * and calls the kernel once per innermost run with a start offset and a stride
 * per operand. Kernels then loop over plain typed arrays: no closure call and
 * no allocation per element (NumPy's ufunc inner-loop design).
 */
import type { TypedArray } from './dtype';
import type { NDArray } from './ndarray';
import { broadcastStrides, type Shape } from './shape';

/** An operand as the engine sees it: a buffer read with `strides` from `offset`. */
export interface Operand {
  readonly data: TypedArray;
  readonly strides: readonly number[];
  readonly offset: number;
}

/** An array viewed with the strides that broadcast it to `shape` (no copy). */
export function broadcastOperand(a: NDArray, shape: Shape): Operand {
  return { data: a.data, strides: broadcastStrides(a.shape, a.strides, shape), offset: a.offset };
}

/**
 * Drops size-1 axes and merges adjacent axes that are contiguous for every
 * operand. Returns the reduced shape and per-operand strides.
 */
export function coalesce(shape: Shape, strides: (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const k = strides.length;
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    // axis `last` (outer) and `d` (inner) merge when outer stride = inner stride * inner size.
    for (let j = 0; merge && j < k; j++) if (outStrides[j][last] !== strides[j][d] * shape[d]) merge = false;
    if (merge) {
      outShape[last] *= shape[d];
      for (let j = 0; j < k; j++) outStrides[j][last] = strides[j][d];
    } else {
      outShape.push(shape[d]);
      for (let j = 0; j < k; j++) outStrides[j].push(strides[j][d]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `run(n, offsets, innerStrides)` once per innermost run of the
 * iteration over `shape`, in C order. `offsets[j]` is operand j's buffer
 * index at the start of the run; `innerStrides[j]` its step. The `offsets`
 * array is reused between calls: read it, do not keep it.
 */
export function forEachRun(
  shape: Shape,
  operands: readonly Operand[],
  run: (n: number, offsets: number[], innerStrides: number[]) => void,
): void {
  for (const d of shape) if (d === 0) return;
  const k = operands.length;
  const { shape: cs, strides: cst } = coalesce(
    shape,
    operands.map((o) => o.strides),
  );
  const offsets = operands.map((o) => o.offset);
  const nd = cs.length;
  if (nd === 0) {
    run(1, offsets, new Array<number>(k).fill(0));
    return;
  }
  const inner = cs[nd - 1];
  const innerStrides = cst.map((s) => s[nd - 1]);
  if (nd === 1) {
    run(inner, offsets, innerStrides);
    return;
  }
  const idx = new Array<number>(nd - 1).fill(0);
  let outer = 1;
  for (let d = 0; d < nd - 1; d++) outer *= cs[d];
  const start = offsets.slice();
  for (let r = 0; r < outer; r++) {
    // `run` may not modify offsets, but copy defensively into the shared array.
    for (let j = 0; j < k; j++) offsets[j] = start[j];
    run(inner, offsets, innerStrides);
    for (let d = nd - 2; d >= 0; d--) {
      for (let j = 0; j < k; j++) start[j] += cst[j][d];
      if (++idx[d] < cs[d]) break;
      for (let j = 0; j < k; j++) start[j] -= cst[j][d] * cs[d];
      idx[d] = 0;
    }
  }
}

/** A unary inner loop: `out[oi + i*os] = f(a[ai + i*as])` for i < n. */
export type UnaryLoop = (n: number, out: TypedArray, oi: number, os: number, a: TypedArray, ai: number, as: number) => void;
/** A binary inner loop. */
export type BinaryLoop = (
  n: number, out: TypedArray, oi: number, os: number,
  a: TypedArray, ai: number, as: number,
  b: TypedArray, bi: number, bs: number,
) => void;

/** Runs a unary loop over `shape` for output and input operands. */
export function loopUnary(shape: Shape, out: Operand, a: Operand, loop: UnaryLoop): void {
  const od = out.data;
  const ad = a.data;
  forEachRun(shape, [out, a], (n, o, s) => loop(n, od, o[0], s[0], ad, o[1], s[1]));
}

/** Runs a binary loop over `shape` for output and two input operands. */
export function loopBinary(shape: Shape, out: Operand, a: Operand, b: Operand, loop: BinaryLoop): void {
  const od = out.data;
  const ad = a.data;
  const bd = b.data;
  forEachRun(shape, [out, a, b], (n, o, s) => loop(n, od, o[0], s[0], ad, o[1], s[1], bd, o[2], s[2]));
}
