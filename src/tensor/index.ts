/**
 * The tensor layer: the packed GEMM kernel and the products built on it —
 * matmul, dot, vdot, inner, outer, tensordot, kron, cross, diagonal, trace,
 * einsum and its contraction planner. (`multiDot` and `matrixPower` live in
 * `./chain` for `np.linalg` to re-export; the raw kernel is `./gemm`.)
 */
import { installTensorMethods, type NDArray } from '../core';
import { matmul } from './matmul';
import { dot } from './products';
import { diagonal, trace } from './diagonal';

export { matmul } from './matmul';
export type { MatmulOptions } from './matmul';
export { dot, vdot, inner, outer, tensordot, kron } from './products';
export type { DotOptions, OuterOptions, TensordotAxes } from './products';
export { cross } from './cross';
export type { CrossOptions } from './cross';
export { diagonal, trace } from './diagonal';
export type { DiagonalOptions, TraceOptions } from './diagonal';
export { einsum, einsumPath } from './einsum/einsum';
export type { EinsumOptions } from './einsum/einsum';
export type { EinsumPath, EinsumOptimize } from './einsum/path';

installTensorMethods({
  matmul: (self: NDArray, b) => matmul(self, b),
  dot: (self: NDArray, b, opts) => dot(self, b, opts),
  diagonal: (self: NDArray, offset?: number, axis1?: number, axis2?: number) => diagonal(self, { offset, axis1, axis2 }),
  trace: (self: NDArray, offset?: number, axis1?: number, axis2?: number) => trace(self, { offset, axis1, axis2 }),
});
