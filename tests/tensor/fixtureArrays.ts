/**
 * Decoding the arrays of the tensor fixtures (scripts/fixtures/tensor_common.py):
 * `{dtype, shape, data}` with flat C-order data (complex interleaved), and an
 * optional `view` ("T", or NumPy index text) applied after construction.
 */
import { NDArray, type DType } from '../../src/core';
import '../../src/index';

export interface EncodedArray {
  dtype: DType;
  shape: number[];
  data: number[];
  view?: string;
}

/** The NDArray an encoded fixture array stands for (a strided view when `view` is set). */
export function decode(e: EncodedArray): NDArray {
  const { dtype, shape, data } = e;
  const buf =
    dtype === 'float64' || dtype === 'complex128' ? Float64Array.from(data)
      : dtype === 'float32' ? Float32Array.from(data)
        : dtype === 'int32' ? Int32Array.from(data)
          : Uint8Array.from(data);
  const a = new NDArray(buf, shape, dtype);
  if (e.view === undefined) return a;
  return e.view === 'T' ? a.T : a.get(e.view);
}

/** Tolerances by result dtype: float32 results are rounded once from float64 sums here, but NumPy sums in float32. */
export function tolFor(dtype: DType): { rtol: number; atol: number } {
  return dtype === 'float32' ? { rtol: 2e-6, atol: 1e-6 } : { rtol: 1e-10, atol: 1e-12 };
}
