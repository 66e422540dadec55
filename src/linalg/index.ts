/**
 * numts/linalg — NumPy's `np.linalg`: decompositions (LU-based det/inv/solve,
 * Cholesky, QR, symmetric and general eigenproblems, SVD) and what is built on
 * them, for stacked `(..., M, N)` input, with LinAlgError on failure and
 * derivative rules for the differentiable ones.
 */
import '../ops';
import '../tensor';
export { det, slogdet, detP, slogdetP, type SlogdetResult } from './det';
export { inv, invP } from './inv';
export { solve, solveP } from './solve';
export { cholesky, choleskyP, type CholeskyOptions } from './cholesky';
export { qr, qrP, type QRResult, type QROptions } from './qr';
export { eigh, eigvalsh, eighP, type EighResult, type EighOptions } from './eigh';
export { svd, svdP, type SVDResult, type SvdOptions } from './svd';
export { eig, eigvals, type EigResult } from './eig';
