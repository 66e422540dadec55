/**
 * The order of NumPy's reduction additions, reproduced so that `sum` (and
 * with it mean, var, std, nansum …) agrees with NumPy bit for bit on any view.
 *
 * NumPy's reduction iterator (numpy/_core/src/multiarray/nditer_constr.c,
 * `npyiter_find_buffering_setup`) decides how many innermost dimensions one
 * call of the add loop covers, and that call sums its elements pairwise. When
 * the input is a single strided run it is summed in one call however long it
 * is; when it is not (a reversed or sliced view, a dtype cast), NumPy copies it
 * into a buffer of at most 8192 elements (np.getbufsize()) and each buffer is
 * one call. {@link planSum} ports that decision for a reduction's two operands
 * (the accumulator, with zero strides on reduced axes, and the input);
 * {@link sumByPlan} then walks the array in that order.
 */
import type { TypedArray } from '../core';
import { complexPairwiseSum, complexSum, pairwiseSum, pairwiseSum32, pairwiseSumContiguous } from './pairwise';

/** NumPy's default ufunc buffer size (NPY_BUFSIZE). */
const BUFSIZE = 8192;

/** How one reduction is cut into inner-loop calls. Dimensions are listed innermost first. */
export interface SumPlan {
  /** Number of innermost dimensions one call covers. */
  readonly block: number;
  /** Elements per call (the block is cut into pieces of this size). */
  readonly chunk: number;
  /** Whether the input is read with one stride over the block (else NumPy copies it to a buffer). */
  readonly singleStride: boolean;
}

/**
 * Port of `npyiter_find_buffering_setup` for a reduction: operand 0 is the
 * accumulator (a reduce operand, never cast), operand 1 the input (`cast`
 * when NumPy must convert its dtype, which forces buffering). `dims`,
 * `inStrides`, `outStrides` describe the coalesced iteration, innermost first.
 */
export function planSum(dims: readonly number[], inStrides: readonly number[], outStrides: readonly number[], cast: boolean): SumPlan {
  const nd = dims.length;
  let cost = cast ? 2 : 1; // 1 + the number of buffered operands
  let inSingle = 1, outSingle = 1, reduceOuter = 0;
  let size = nd > 0 ? dims[0] : 1;
  let bestDim = 0, bestCost = cost, bestSize = size, bestCore = 1;
  for (let d = 1; d < nd; d++) {
    if (reduceOuter !== 0) break; // cannot grow beyond the reduce dimension
    if (size >= BUFSIZE && cost > 1) break; // GROWINNER only helps unbuffered iteration
    // The accumulator: still one stride? Otherwise its 0/non-0 flip marks the outer reduce dimension.
    if (outSingle === d && outStrides[d - 1] * dims[d - 1] === outStrides[d]) outSingle++;
    else {
      if (outSingle === d) cost++;
      if (outStrides[d] === 0 || outStrides[d - 1] === 0) reduceOuter = d;
    }
    // The input: once it needs two strides it must be buffered.
    if (inSingle === d) {
      if (inStrides[d - 1] * dims[d - 1] === inStrides[d]) inSingle++;
      else if (!cast) cost++;
    }
    const core = size;
    size *= dims[d];
    if (size === 0) break;
    const bufsize = size > BUFSIZE && cost > 1 ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestCore = core;
      bestSize = size;
      bestDim = d;
    }
  }
  const usingReduce = reduceOuter !== 0 && bestDim === reduceOuter;
  const inReduce = usingReduce && ((inSingle === bestDim && !cast) || (inStrides[reduceOuter] === 0 && inSingle <= bestDim));
  const inBuffered = cast || inSingle + (inReduce ? 1 : 0) <= bestDim;
  let bufferSize = bestSize;
  if (inBuffered && BUFSIZE < bestSize) bufferSize = bestCore * Math.floor(BUFSIZE / bestCore);
  // In reduce mode each call is one core (the dimensions below the reduce one); otherwise one buffer.
  return usingReduce
    ? { block: bestDim, chunk: bestCore, singleStride: !inBuffered }
    : { block: bestDim + 1, chunk: bufferSize, singleStride: !inBuffered };
}

/** What is summed: float64 values, float32 values (float32 arithmetic), or interleaved complex values. */
export type SumKind = 'f64' | 'f32' | 'complex';

let scratch = new Float64Array(BUFSIZE * 2);

/**
 * Adds the input into `acc` (kept shape, C order) following `plan`.
 * `dims`/`inStrides`/`outStrides` are innermost first; `inOffset` is the
 * input's start (in elements; complex elements for complex).
 */
export function sumByPlan(
  kind: SumKind, acc: Float64Array, a: TypedArray, inOffset: number,
  dims: readonly number[], inStrides: readonly number[], outStrides: readonly number[], plan: SumPlan,
): void {
  const nd = dims.length;
  const B = Math.min(plan.block, nd);
  let blockSize = 1;
  for (let d = 0; d < B; d++) blockSize *= dims[d];
  const idx = new Array<number>(nd).fill(0);
  let inOff = inOffset, outOff = 0;
  const w = kind === 'complex' ? 2 : 1;
  for (;;) {
    if (B === 0 || outStrides[0] === 0) {
      // All of the block folds into one accumulator element, one pairwise call per piece.
      for (let start = 0; start < blockSize; start += plan.chunk) {
        const n = Math.min(plan.chunk, blockSize - start);
        if (plan.singleStride || B <= 1) {
          const s = B === 0 ? 1 : inStrides[0];
          addPiece(kind, acc, outOff, a, inOff + start * s, n, s);
        } else {
          if (scratch.length < n * w) scratch = new Float64Array(n * w);
          gather(a, inOff, dims, inStrides, B, start, n, w, scratch);
          addPiece(kind, acc, outOff, scratch, 0, n, 1);
        }
      }
    } else accumulateBlock(kind, acc, outOff, a, inOff, dims, inStrides, outStrides, B);
    // Next outer position (dimensions B … nd-1, the innermost of them fastest).
    let d = B;
    for (; d < nd; d++) {
      inOff += inStrides[d];
      outOff += outStrides[d];
      if (++idx[d] < dims[d]) break;
      inOff -= inStrides[d] * dims[d];
      outOff -= outStrides[d] * dims[d];
      idx[d] = 0;
    }
    if (d >= nd) return;
  }
}

/** acc[o] += pairwise sum of n values from `i` with stride `s`, in the kind's arithmetic. */
function addPiece(kind: SumKind, acc: Float64Array, o: number, a: TypedArray, i: number, n: number, s: number): void {
  if (kind === 'f64') acc[o] += s === 1 ? pairwiseSumContiguous(a, i, n) : pairwiseSum(a, i, n, s);
  else if (kind === 'f32') acc[o] = Math.fround(acc[o] + pairwiseSum32(a, i, n, s));
  else {
    complexPairwiseSum(a, i, n, s);
    acc[2 * o] += complexSum[0];
    acc[2 * o + 1] += complexSum[1];
  }
}

/** Copies the block elements start … start+n-1 (block order, innermost fastest) into `dst`, as NumPy fills its buffer. */
function gather(a: TypedArray, base: number, dims: readonly number[], strides: readonly number[], B: number, start: number, n: number, w: number, dst: Float64Array): void {
  const idx = new Array<number>(B);
  let p = base;
  let rest = start;
  for (let d = 0; d < B; d++) {
    idx[d] = rest % dims[d];
    rest = Math.floor(rest / dims[d]);
    p += idx[d] * strides[d];
  }
  const d0 = dims[0], s0 = strides[0];
  for (let k = 0; k < n; ) {
    // One stretch of the innermost dimension, then carry into the outer ones.
    const run = Math.min(d0 - idx[0], n - k);
    if (w === 1) {
      for (let j = 0; j < run; j++, p += s0) dst[k + j] = a[p];
    } else {
      for (let j = 0; j < run; j++, p += s0) {
        dst[2 * (k + j)] = a[2 * p];
        dst[2 * (k + j) + 1] = a[2 * p + 1];
      }
    }
    k += run;
    idx[0] += run;
    if (idx[0] < d0) continue;
    p -= s0 * d0;
    idx[0] = 0;
    for (let d = 1; d < B; d++) {
      p += strides[d];
      if (++idx[d] < dims[d]) break;
      p -= strides[d] * dims[d];
      idx[d] = 0;
    }
  }
}

/** acc[o…o+n) += a[p…p+n), unrolled as arithLoops' kernels (one bounds check per eight reads). */
function addRow(acc: Float64Array, o: number, a: TypedArray, p: number, n: number): void {
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    const q = o + k, r = p + k;
    acc[q + 7] += a[r + 7];
    acc[q] += a[r]; acc[q + 1] += a[r + 1]; acc[q + 2] += a[r + 2]; acc[q + 3] += a[r + 3];
    acc[q + 4] += a[r + 4]; acc[q + 5] += a[r + 5]; acc[q + 6] += a[r + 6];
  }
  for (; k < n; k++) acc[o + k] += a[p + k];
}

/** Elementwise accumulation of one block whose accumulator stride is not zero (sequential, as NumPy's loop). */
function accumulateBlock(
  kind: SumKind, acc: Float64Array, outOff: number, a: TypedArray, inOff: number,
  dims: readonly number[], inStrides: readonly number[], outStrides: readonly number[], B: number,
): void {
  if (B === 1) {
    // The common case (a kept innermost axis): one strided pass.
    const n = dims[0], is = inStrides[0], os = outStrides[0];
    let p = inOff, o = outOff;
    if (kind === 'f64') {
      if (is === 1 && os === 1) addRow(acc, o, a, p, n);
      else for (let k = 0; k < n; k++, p += is, o += os) acc[o] += a[p];
    }
    else if (kind === 'f32') for (let k = 0; k < n; k++, p += is, o += os) acc[o] = Math.fround(acc[o] + a[p]);
    else {
      for (let k = 0; k < n; k++, p += is, o += os) {
        acc[2 * o] += a[2 * p];
        acc[2 * o + 1] += a[2 * p + 1];
      }
    }
    return;
  }
  const idx = new Array<number>(B).fill(0);
  let p = inOff, o = outOff;
  for (;;) {
    if (kind === 'f64') acc[o] += a[p];
    else if (kind === 'f32') acc[o] = Math.fround(acc[o] + a[p]);
    else {
      acc[2 * o] += a[2 * p];
      acc[2 * o + 1] += a[2 * p + 1];
    }
    let d = 0;
    for (; d < B; d++) {
      p += inStrides[d];
      o += outStrides[d];
      if (++idx[d] < dims[d]) break;
      p -= inStrides[d] * dims[d];
      o -= outStrides[d] * dims[d];
      idx[d] = 0;
    }
    if (d >= B) return;
  }
}
