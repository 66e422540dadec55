/** The tensor layer: GEMM, matmul, dot, tensordot, einsum. */
import { installTensorMethods, NotImplementedYet } from '../core';
import { matmul } from './matmul';
export { matmul } from './matmul';

installTensorMethods({
  matmul,
  dot: matmul,
  diagonal: NotImplementedYet('diagonal'),
  trace: NotImplementedYet('trace'),
});

/** Marker export: importing it guarantees the tensor methods are installed. */
export const tensorMethodsInstalled = true;
