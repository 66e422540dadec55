/**
 * numts/linalg — NumPy's `np.linalg`: decompositions (LU-based det/inv/solve,
 * Cholesky, QR, symmetric and general eigenproblems, SVD) and what is built on
 * them, for stacked `(..., M, N)` input, with LinAlgError on failure and
 * derivative rules for the differentiable ones.
 */
import '../ops/methods';
import '../tensor';
export { LinAlgError } from '../core';
export { det, slogdet, detP, slogdetP } from './det';
export type { SlogdetResult } from './det';
export { inv, invP } from './inv';
export { solve, solveP } from './solve';
export { cholesky, choleskyP } from './cholesky';
export type { CholeskyOptions } from './cholesky';
export { qr, qrP } from './qr';
export type { QRResult, QROptions } from './qr';
export { eigh, eigvalsh, eighP } from './eigh';
export type { EighResult, EighOptions } from './eigh';
export { eig, eigvals } from './eig';
export type { EigResult } from './eig';
export { svd, svdP } from './svd';
export type { SVDResult, SvdOptions } from './svd';
export { lstsq } from './lstsq';
export type { LstsqResult, LstsqOptions } from './lstsq';
export { pinv } from './pinv';
export type { PinvOptions } from './pinv';
export { matrixRank } from './matrixRank';
export type { MatrixRankOptions } from './matrixRank';
export { norm } from './norm';
export type { NormOptions, NormOrder } from './norm';
export { cond } from './cond';
export { matrixPower, multiDot } from './matrixPower';
export type { MultiDotOptions } from './matrixPower';
