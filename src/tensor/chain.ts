/**
 * Products of several matrices: `multiDot` (evaluation in the cheapest
 * parenthesisation) and `matrixPower` (repeated squaring).
 */
import { asarray, LinAlgError, NDArray, TypeError_, ValueError, type ArrayLike } from '../core';
import { broadcastTo, reshape } from '../ops';
import { scalarOrArray } from '../ops/internal';
import { eye } from '../core';
import { assignInto } from '../ops/ufunc';
import { matmul } from './matmul';

/**
 * The cheapest order of a matrix chain with dimensions `p[0]×p[1], p[1]×p[2], …`:
 * the O(n³) dynamic programme of Cormen et al., *Introduction to Algorithms*,
 * §15.2 (NumPy's `_multi_dot_matrix_chain_order`). `split[i][j]` is where the
 * product of matrices i..j is split last.
 */
export function chainOrder(p: readonly number[]): { cost: number; split: number[][] } {
  const n = p.length - 1;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const split = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let len = 1; len < n; len++) {
    for (let i = 0; i + len < n; i++) {
      const j = i + len;
      m[i][j] = Infinity;
      for (let k = i; k < j; k++) {
        const q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1];
        if (q < m[i][j]) {
          m[i][j] = q;
          split[i][j] = k;
        }
      }
    }
  }
  return { cost: n > 0 ? m[0][n - 1] : 0, split };
}

/** Options of {@link multiDot}. */
export interface MultiDotOptions {
  /** Write the result here (its shape and dtype must match). */
  out?: NDArray;
}

/**
 * The product of two or more matrices in the parenthesisation that needs the
 * fewest scalar multiplications (NumPy's `linalg.multi_dot`). The first array
 * may be 1-D (a row vector) and the last 1-D (a column vector); the others
 * must be 2-D. Two 1-D ends give a number.
 * @param arrays `(N,)|(M,N)`, `(N,K)`, …, `(K,)|(K,L)`.
 * @throws {ValueError} "Expecting at least two arrays." or not-aligned shapes.
 * @throws {LinAlgError} for an inner array that is not 2-D.
 * @example
 * // A (10×100) B (100×5) C (5×50): (AB)C costs 7500 multiplications, A(BC) 75000.
 * np.linalg.multiDot([A, B, C]).shape  // [10, 50]
 */
export function multiDot(arrays: readonly ArrayLike[], opts: MultiDotOptions = {}): any {
  const n = arrays.length;
  if (n < 2) throw new ValueError('Expecting at least two arrays.');
  const xs = arrays.map((a) => asarray(a));
  const first = xs[0], last = xs[n - 1];
  if (first.ndim === 1) xs[0] = reshape(first, [1, first.shape[0]]);
  if (last.ndim === 1) xs[n - 1] = reshape(last, [last.shape[0], 1]);
  for (const x of xs) if (x.ndim !== 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be two-dimensional`);
  for (let i = 0; i + 1 < n; i++) {
    if (xs[i].shape[1] !== xs[i + 1].shape[0]) {
      throw new ValueError(`shapes (${xs[i].shape.join(',')}) and (${xs[i + 1].shape.join(',')}) not aligned: ${xs[i].shape[1]} (dim 1) != ${xs[i + 1].shape[0]} (dim 0)`);
    }
  }
  const dims = [...xs.map((x) => x.shape[0]), xs[n - 1].shape[1]];
  const { split } = chainOrder(dims);
  const product = (i: number, j: number): NDArray => (i === j ? xs[i] : matmul(product(i, split[i][j]), product(split[i][j] + 1, j)));
  let r = product(0, n - 1);
  if (first.ndim === 1 && last.ndim === 1) r = reshape(r, []);
  else if (first.ndim === 1) r = reshape(r, [r.shape[1]]);
  else if (last.ndim === 1) r = reshape(r, [r.shape[0]]);
  if (opts.out !== undefined) {
    if (r.isTraced() || opts.out.isTraced()) throw new ValueError("multiDot: 'out' cannot be used inside a transform (grad, jvp, …); use the returned value");
    if (opts.out.ndim !== r.ndim || opts.out.shape.some((d, i) => d !== r.shape[i])) {
      throw new ValueError(`multiDot: out has shape (${opts.out.shape.join(',')}), the product has shape (${r.shape.join(',')})`);
    }
    assignInto(opts.out, r);
    return opts.out;
  }
  return scalarOrArray(r);
}

/** Options of {@link matrixPower}. */
export interface MatrixPowerOptions {
  /**
   * The matrix inverse, needed for negative powers. The tensor layer sits below
   * linear algebra, so `np.linalg.matrixPower` passes `np.linalg.inv` here.
   */
  inv?: (a: NDArray) => NDArray;
}

/**
 * Raises a square matrix (or a stack of them) to the integer power `n` by
 * repeated squaring: `n = 0` gives identity matrices, `n = 1` returns `a`
 * itself, a negative `n` raises the inverse to `-n` (NumPy's
 * `linalg.matrix_power`; the negative case needs `opts.inv`, which
 * `np.linalg.matrixPower` supplies).
 * @param a `(..., M, M)`.
 * @throws {TypeError} "exponent must be an integer".
 * @throws {LinAlgError} when `a` is not a stack of square matrices.
 * @throws {ValueError} for a negative power without an inverse.
 * @example np.linalg.matrixPower([[0, 1], [-1, 0]], 2)  // [[-1  0] [ 0 -1]]
 */
export function matrixPower(a: ArrayLike, n: number, opts: MatrixPowerOptions = {}): NDArray {
  let x = asarray(a);
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError_('exponent must be an integer');
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const m = x.shape[x.ndim - 1];
  if (x.shape[x.ndim - 2] !== m) throw new LinAlgError('Last 2 dimensions of the array must be square');
  if (n === 0) return broadcastTo(eye(m, undefined, undefined, x.dtype), x.shape).copy();
  if (n < 0) {
    if (opts.inv === undefined) throw new ValueError('matrixPower: a negative power needs the matrix inverse; use np.linalg.matrixPower');
    x = opts.inv(x);
    n = -n;
  }
  if (n === 1) return x;
  // Binary decomposition of n: square `z` at each bit, multiply it into the result where the bit is set.
  let result: NDArray | null = null;
  let z = x;
  for (;;) {
    if (n & 1) result = result === null ? z : matmul(result, z);
    n = Math.floor(n / 2);
    if (n === 0) break;
    z = matmul(z, z);
  }
  return result!;
}
