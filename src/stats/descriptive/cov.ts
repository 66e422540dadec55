/**
 * numpy.cov and numpy.corrcoef, written with ops and matmul so that they
 * differentiate in the data (and the weights).
 */
import { asarray, Complex, NDArray, resultType, TypeError_, ValueError, type ArrayLike, type DType } from '../../core';
import {
  add, astype, concatenate, conj, divide, expandDims, imag, maximum, minimum, multiply, real, reshape, sqrt, squeeze, subtract, swapaxes,
} from '../../ops';
import { diagonal, matmul } from '../../tensor';
import { average } from './average';
import { valuesOf } from '../distributions/base';

/** Options of {@link cov}. */
export interface CovOptions {
  /** Rows are variables and columns observations (default true); false swaps the roles. */
  rowvar?: boolean;
  /** Normalise by N (true) instead of N - 1 (default false). Ignored when `ddof` is given. */
  bias?: boolean;
  /** Delta degrees of freedom: the divisor is N - ddof (an integer). */
  ddof?: number | null;
  /** Integer frequency weights, one per observation. */
  fweights?: ArrayLike | null;
  /** Observation (reliability) weights, one per observation. */
  aweights?: ArrayLike | null;
  /** The dtype of the computation (default: float64, or complex128 for complex input). */
  dtype?: DType;
}

/** A 1-d or 2-d input as a 2-d (variables, observations) array (NumPy's array(m, ndmin=2)). */
function atLeast2d(a: NDArray): NDArray {
  return a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
}

/** One weight vector: 1-d, one entry per observation, non-negative. */
function weightVector(w: ArrayLike, nobs: number, name: string, integer: boolean): NDArray {
  const v = astype(asarray(w), 'float64');
  const vals = valuesOf(v);
  if (integer && !vals.every((x) => x === Math.round(x))) throw new TypeError_('fweights must be integer');
  if (v.ndim > 1) throw new ValueError(`cannot handle multidimensional ${name}`);
  if (v.ndim === 0 || v.shape[0] !== nobs) throw new ValueError(`incompatible numbers of samples and ${name}`);
  if (vals.some((x) => x < 0)) throw new ValueError(`${name} cannot be negative`);
  return v;
}

/**
 * The covariance matrix of the variables in `m` (and `y`) (numpy.cov).
 * @param m `(N,)` one variable or `(M, N)` M variables × N observations (`rowvar: false`: `(N, M)`).
 * @param y another set of variables, stacked after those of `m`.
 * @returns `(M, M)` (M counting both inputs); a number for a single variable.
 * @throws {ValueError} for inputs with more than 2 dimensions, a non-integer ddof, or bad weights.
 * @throws {TypeError} for non-integer fweights.
 * @example cov([165, 170, 175, 180, 185])  // 62.5
 * @example cov([[0, 1, 2], [2, 1, 0]])  // [[ 1. -1.] [-1.  1.]]
 */
export function cov(m: ArrayLike, y: ArrayLike, opts?: CovOptions): NDArray;
export function cov(m: ArrayLike, y?: ArrayLike | null, opts?: CovOptions): NDArray | number;
export function cov(m: ArrayLike, y: ArrayLike | null = null, opts: CovOptions = {}): NDArray | number {
  const rowvar = opts.rowvar ?? true;
  if (opts.ddof !== undefined && opts.ddof !== null && opts.ddof !== Math.trunc(opts.ddof)) throw new ValueError('ddof must be integer');
  const mA = asarray(m);
  if (mA.ndim > 2) throw new ValueError('m has more than 2 dimensions');
  const yA = y === null ? null : asarray(y);
  if (yA !== null && yA.ndim > 2) throw new ValueError('y has more than 2 dimensions');
  const dtype = opts.dtype ?? (yA === null ? resultType(mA.dtype, 'float64') : resultType(mA.dtype, yA.dtype, 'float64'));
  let x = astype(atLeast2d(mA), dtype);
  if (!rowvar && mA.ndim !== 1) x = swapaxes(x, 0, 1);
  if (x.shape[0] === 0) return reshape(asarray([], dtype), [0, 0]);
  if (yA !== null) {
    let yy = astype(atLeast2d(yA), dtype);
    if (!rowvar && yy.shape[0] !== 1) yy = swapaxes(yy, 0, 1);
    x = concatenate([x, yy], { axis: 0 });
  }
  const ddof = opts.ddof ?? (opts.bias ? 0 : 1);
  const nobs = x.shape[1];
  let w: NDArray | null = null;
  let aw: NDArray | null = null;
  if (opts.fweights !== undefined && opts.fweights !== null) w = weightVector(opts.fweights, nobs, 'fweights', true);
  if (opts.aweights !== undefined && opts.aweights !== null) {
    aw = weightVector(opts.aweights, nobs, 'aweights', false);
    w = w === null ? aw : multiply(w, aw);
  }
  const [avg, wsum] = average(x, { axis: 1, weights: w, returned: true });
  const wSum = valuesOf(asarray(wsum))[0];
  let fact: number;
  if (w === null) fact = nobs - ddof;
  else if (ddof === 0) fact = wSum;
  else if (aw === null) fact = wSum - ddof;
  else fact = wSum - (ddof * valuesOf(multiply(w, aw)).reduce((s, v) => s + v, 0)) / wSum;
  if (fact <= 0) fact = 0; // NumPy warns "Degrees of freedom <= 0 for slice" and divides by 0
  const xc = subtract(x, expandDims(asarray(avg), 1));
  const xt = swapaxes(w === null ? xc : multiply(xc, w), 0, 1);
  const c = multiply(matmul(xc, dtype === 'complex128' ? conj(xt) : xt), 1 / fact);
  const r = squeeze(c);
  return r.ndim === 0 && !r.isTraced() ? (r.item() as number) : r;
}

/** Options of {@link corrcoef}. */
export interface CorrcoefOptions {
  /** Rows are variables (default true). */
  rowvar?: boolean;
  dtype?: DType;
}

/**
 * Pearson correlation coefficients (numpy.corrcoef): cov / √(diag ⊗ diag),
 * clipped to [-1, 1].
 * @returns `(M, M)`; a number (1, or NaN) for a single variable.
 * @throws {ValueError} as {@link cov}.
 * @example corrcoef([165, 170, 175, 180, 185], [55, 62, 70, 78, 85])  // [[1. 0.99965392] [0.99965392 1.]]
 */
export function corrcoef(x: ArrayLike, y: ArrayLike, opts?: CorrcoefOptions): NDArray;
export function corrcoef(x: ArrayLike, y?: ArrayLike | null, opts?: CorrcoefOptions): NDArray | number;
export function corrcoef(x: ArrayLike, y: ArrayLike | null = null, opts: CorrcoefOptions = {}): NDArray | number {
  const c = cov(x, y, { rowvar: opts.rowvar, dtype: opts.dtype });
  if (typeof c === 'number') return c / c;
  if (c.ndim < 2) return divide(c, c);
  const d = diagonal(c);
  const sd = sqrt(c.dtype === 'complex128' ? real(d) : d);
  let r = divide(divide(c, expandDims(sd, 1)), expandDims(sd, 0));
  if (r.dtype === 'complex128') {
    // NumPy clips the real and imaginary parts separately
    const re = minimum(maximum(real(r), -1), 1);
    const im = minimum(maximum(imag(r), -1), 1);
    r = add(re, multiply(im, new Complex(0, 1)));
  } else r = minimum(maximum(r, -1), 1);
  return r;
}
