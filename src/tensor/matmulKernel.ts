/**
 * Stacked matrix products over broadcast batch dimensions, for every dtype,
 * on top of the float64 {@link gemm}: real dtypes accumulate in float64 and
 * are rounded once into the result dtype (float32 gets a more accurate
 * product than single-precision BLAS, integers are exact below 2^53), and a
 * complex product is four real GEMMs over the stride-2 real and imaginary
 * planes of the interleaved storage (no copies: packing reads the strides).
 */
import { allocate, castCopy, NDArray, sizeOf, type DType, type TypedArray } from '../core';
import { gemm } from './gemm';

/** Strides of `x`'s leading (batch) axes broadcast to `batch` (0 where `x` has size 1 or lacks the axis). */
function batchStrides(x: NDArray, batch: readonly number[]): number[] {
  const lead = batch.length - (x.ndim - 2);
  const out = new Array<number>(batch.length).fill(0);
  for (let d = lead; d < batch.length; d++) {
    const xd = d - lead;
    out[d] = x.shape[xd] === 1 ? 0 : x.strides[xd];
  }
  return out;
}

/**
 * When every batch stride of `b` is 0 (one matrix for the whole stack) and the
 * batch axes of `a` together with its row axis step uniformly, the stack is a
 * single tall product `(batch·m, k) @ (k, n)`: B is packed once, not per batch.
 * Returns the uniform row stride of `a`, or null.
 */
function foldedRowStride(a: NDArray, aBatch: readonly number[], bBatch: readonly number[], batch: readonly number[]): number | null {
  if (batch.length === 0 || bBatch.some((s) => s !== 0)) return null;
  const m = a.shape[a.ndim - 2];
  let stride = a.strides[a.ndim - 2];
  let span = m;
  if (m === 1) stride = NaN; // any stride fits a single row; fixed by the first real batch axis
  for (let d = batch.length - 1; d >= 0; d--) {
    if (batch[d] === 1) continue;
    if (Number.isNaN(stride)) stride = aBatch[d];
    else if (aBatch[d] !== stride * span) return null;
    span *= batch[d];
  }
  return Number.isNaN(stride) ? 0 : stride;
}

/**
 * Adds `alpha · a @ b` into the float64 storage `C` from `cStart` (C-contiguous,
 * shape `[...batch, m, n]`), with `a` and `b` read from float64 storage `A`
 * and `B` through their strides. `scale` is 2 for the planes of complex
 * storage (`aPart`, `bPart` and the parity of `cStart` select real 0 / imaginary 1).
 */
function stackedGemm(
  a: NDArray, A: Float64Array, aPart: number,
  b: NDArray, B: Float64Array, bPart: number,
  batch: readonly number[], C: Float64Array, cStart: number, scale: number, alpha: number,
): void {
  const m = a.shape[a.ndim - 2], k = a.shape[a.ndim - 1], n = b.shape[b.ndim - 1];
  const ars = a.strides[a.ndim - 2] * scale, acs = a.strides[a.ndim - 1] * scale;
  const brs = b.strides[b.ndim - 2] * scale, bcs = b.strides[b.ndim - 1] * scale;
  const crs = n * scale, ccs = scale;
  const aBatch = batchStrides(a, batch), bBatch = batchStrides(b, batch);
  const count = sizeOf(batch);
  const folded = m > 0 ? foldedRowStride(a, aBatch, bBatch, batch) : null;
  if (folded !== null) {
    gemm(count * m, n, k, alpha, A, a.offset * scale + aPart, folded * scale, acs, B, b.offset * scale + bPart, brs, bcs, C, cStart, crs, ccs);
    return;
  }
  const idx = new Array<number>(batch.length).fill(0);
  let ao = a.offset * scale + aPart;
  let bo = b.offset * scale + bPart;
  const cStep = m * n * scale;
  for (let t = 0; t < count; t++) {
    gemm(m, n, k, alpha, A, ao, ars, acs, B, bo, brs, bcs, C, cStart + t * cStep, crs, ccs);
    for (let d = batch.length - 1; d >= 0; d--) {
      ao += aBatch[d] * scale;
      bo += bBatch[d] * scale;
      if (++idx[d] < batch[d]) break;
      ao -= aBatch[d] * scale * batch[d];
      bo -= bBatch[d] * scale * batch[d];
      idx[d] = 0;
    }
  }
}

/** Float64 storage of `x`: its own buffer for float64 (any strides), else a converted contiguous copy. */
function asFloat64(x: NDArray): NDArray {
  return x.dtype === 'float64' ? x : castCopy(x, 'float64');
}

/** Converts float64 results into the storage of `dtype` (NumPy's cast: ints wrap, bools test non-zero). */
function narrow(acc: Float64Array, dtype: DType): TypedArray {
  if (dtype === 'float64' || dtype === 'complex128') return acc;
  const out = allocate(dtype, acc.length);
  if (dtype === 'bool') for (let i = 0; i < acc.length; i++) out[i] = acc[i] !== 0 ? 1 : 0;
  else out.set(acc); // Float32Array rounds, Int32Array/Uint8Array wrap modulo 2^32 / 2^8
  return out;
}

/**
 * `a @ b` for `a` of shape `(..., m, k)` and `b` of shape `(..., k, n)` (both
 * at least 2-D, core dimensions already checked), batch dimensions broadcast:
 * an array of shape `(...batch, m, n)` and dtype `dtype`. It is new, or
 * `into` when given (which must then be C-contiguous, of that shape and of
 * dtype float64 or complex128 equal to `dtype`, sharing no buffer with `a`, `b`).
 */
export function matmulKernel(a: NDArray, b: NDArray, batch: readonly number[], dtype: DType, into?: NDArray): NDArray {
  const m = a.shape[a.ndim - 2], n = b.shape[b.ndim - 1];
  const shape = [...batch, m, n];
  const size = sizeOf(shape);
  if (dtype === 'complex128') {
    const ac = a.dtype === 'complex128' ? a : castCopy(a, 'complex128');
    const bc = b.dtype === 'complex128' ? b : castCopy(b, 'complex128');
    const A = ac.data as Float64Array, B = bc.data as Float64Array;
    const C = into ? (into.data as Float64Array) : new Float64Array(2 * size);
    const co = into ? 2 * into.offset : 0;
    if (into) C.fill(0, co, co + 2 * size);
    // (Ar + i Ai)(Br + i Bi) = (Ar Br − Ai Bi) + i (Ar Bi + Ai Br)
    stackedGemm(ac, A, 0, bc, B, 0, batch, C, co, 2, 1);
    stackedGemm(ac, A, 1, bc, B, 1, batch, C, co, 2, -1);
    stackedGemm(ac, A, 0, bc, B, 1, batch, C, co + 1, 2, 1);
    stackedGemm(ac, A, 1, bc, B, 0, batch, C, co + 1, 2, 1);
    return into ?? new NDArray(C, shape, 'complex128');
  }
  const a64 = asFloat64(a), b64 = asFloat64(b);
  const C = into ? (into.data as Float64Array) : new Float64Array(size);
  const co = into ? into.offset : 0;
  if (into) C.fill(0, co, co + size);
  stackedGemm(a64, a64.data as Float64Array, 0, b64, b64.data as Float64Array, 0, batch, C, co, 1, 1);
  return into ?? new NDArray(narrow(C, dtype), shape, dtype);
}
