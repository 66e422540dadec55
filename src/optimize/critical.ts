/**
 * The second-derivative test for critical points (book chapter 13, listing
 * 13.2): at a point where ∇f = 0, the eigenvalues of the Hessian decide —
 * all positive: a local minimum; all negative: a maximum; both signs: a
 * saddle; a zero eigenvalue (within tolerance) and no sign change: the test
 * is inconclusive (x³ - 3xy² at the origin, exercise 13.2).
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import { grad, hessian } from '../autodiff';
import { eigvalsh } from '../linalg';
import { nrm2 } from './dense';
import { toArray, vectorResult } from './minimize/objective';

/** The verdict of the second-derivative test. */
export type CriticalPointKind = 'minimum' | 'maximum' | 'saddle' | 'inconclusive' | 'not-critical';

/** Result of {@link classifyCriticalPoint} / {@link classifyHessian}. */
export interface CriticalPointReport {
  kind: CriticalPointKind;
  /** Hessian eigenvalues, ascending, shape (n,). */
  eigenvalues: NDArray;
  /** ∇f at the point (zeros for {@link classifyHessian}). */
  gradient: NDArray;
  /** ‖∇f‖₂. */
  gradNorm: number;
}

/** Options of the classifiers. */
export interface ClassifyOptions {
  /** An eigenvalue with |λ| ≤ tol·max(1, max|λ|) counts as zero. Default 1e-8. */
  tol?: number;
  /** ‖∇f‖ above gtol means the point is not critical ('not-critical'). Default 1e-6. */
  gtol?: number;
}

/**
 * Classifies a symmetric Hessian by the signs of its eigenvalues
 * (np.linalg.eigvalsh).
 * @param H shape (n, n), symmetric.
 * @throws {ValueError} for a non-square H or a negative tolerance.
 * @example classifyHessian([[2, 0], [0, -2]]).kind   // 'saddle' (eigenvalues [-2. 2.])
 */
export function classifyHessian(H: ArrayLike, opts: ClassifyOptions = {}): CriticalPointReport {
  const h = asarray(H).astype('float64');
  if (h.ndim !== 2 || h.shape[0] !== h.shape[1]) throw new ValueError(`the Hessian must be a square (n, n) matrix, got shape (${h.shape.join(', ')})`);
  const tol = opts.tol ?? 1e-8;
  if (!(tol >= 0)) throw new ValueError(`tol must be non-negative, got ${tol}`);
  const w = eigvalsh(h);
  const vals = w.tolist() as number[];
  if (vals.some((v) => !Number.isFinite(v))) throw new ValueError('the Hessian has non-finite entries');
  const scale = Math.max(1, ...vals.map(Math.abs));
  const pos = vals.some((v) => v > tol * scale);
  const neg = vals.some((v) => v < -tol * scale);
  const zero = vals.some((v) => Math.abs(v) <= tol * scale);
  let kind: CriticalPointKind;
  if (pos && neg) kind = 'saddle';
  else if (zero) kind = 'inconclusive';
  else kind = pos ? 'minimum' : 'maximum';
  return { kind, eigenvalues: w, gradient: asarray(new Float64Array(h.shape[0])), gradNorm: 0 };
}

/**
 * Classifies the critical point x of f from the eigenvalues of its Hessian
 * (computed by autodiff): 'minimum', 'maximum', 'saddle', 'inconclusive'
 * (a zero eigenvalue without a sign change), or 'not-critical' when ‖∇f(x)‖
 * exceeds `gtol`.
 * @param f a scalar function of a 1-D array, written with numts functions.
 * @param x the point, shape (n,).
 * @throws {ValueError} for a non-finite Hessian.
 * @example
 * classifyCriticalPoint((v) => np.subtract(np.square(v.get(0)), np.square(v.get(1))), [0, 0]).kind;  // 'saddle'
 */
export function classifyCriticalPoint(f: (x: NDArray) => number | NDArray, x: ArrayLike, opts: ClassifyOptions = {}): CriticalPointReport {
  const xv = Float64Array.from(asarray(x).astype('float64').reshape(-1).tolist() as number[]);
  const n = xv.length;
  const g = vectorResult(grad(f as (x: NDArray) => NDArray, { allowUnused: true })(toArray(xv)), n, 'The gradient of f');
  const H = hessian(f as (x: NDArray) => NDArray)(toArray(xv)) as NDArray | number;
  const report = classifyHessian(asarray(H).reshape(n, n), opts);
  const gradNorm = nrm2(g);
  const gtol = opts.gtol ?? 1e-6;
  return { ...report, kind: gradNorm > gtol || !Number.isFinite(gradNorm) ? 'not-critical' : report.kind, gradient: asarray(g), gradNorm };
}
