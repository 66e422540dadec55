/**
 * numts/linalg — NumPy's `np.linalg`: decompositions (LU-based det/inv/solve,
 * Cholesky, QR, symmetric and general eigenproblems, SVD) and what is built on
 * them, for stacked `(..., M, N)` input, with LinAlgError on failure and
 * derivative rules for the differentiable ones.
 */
import '../ops';
import '../tensor';
export { LinAlgError } from '../core';
export { det, slogdet, detP, slogdetP, type SlogdetResult } from './det';
export { inv, invP } from './inv';
export { solve, solveP } from './solve';
export { cholesky, choleskyP, type CholeskyOptions } from './cholesky';
export { qr, qrP, type QRResult, type QROptions } from './qr';
export { eigh, eigvalsh, eighP, type EighResult, type EighOptions } from './eigh';
export { eig, eigvals, type EigResult } from './eig';
export { svd, svdP, type SVDResult, type SvdOptions } from './svd';
export { lstsq, type LstsqResult, type LstsqOptions } from './lstsq';
export { pinv, type PinvOptions } from './pinv';
export { matrixRank, type MatrixRankOptions } from './matrixRank';
export { norm, type NormOptions, type NormOrder } from './norm';
export { cond } from './cond';
export { matrixPower, multiDot, type MultiDotOptions } from './matrixPower';
