/**
 * Numerical differentiation as the book teaches it (chapters 5-7): central
 * differences `(f(x+h) - f(x-h)) / 2h`, whose error is O(h²) (truncation)
 * plus O(ε/h) (rounding), smallest near h ≈ ε^(1/3) ≈ 6e-6 for float64; the
 * default h = 1e-6 sits there (the book's listings use 1e-7, its exercises
 * 1e-6; pass `{ h }` to reproduce either). Second differences for the Hessian
 * balance O(h²) against O(ε/h²), best near ε^(1/4) ≈ 1e-4.
 */
import { asarray, castCopy, Complex, DTypeError, NDArray, shapeRepr, ValueError, type ArrayLike } from '../core';
import { divide, subtract } from '../ops';

/** Options of the finite-difference functions. */
export interface DifferenceOptions {
  /** The step. Default 1e-6 (1e-4 for {@link numericalHessian}). */
  h?: number;
}

function step(opts: DifferenceOptions, fallback: number, fname: string): number {
  const h = opts.h ?? fallback;
  if (!(h > 0) || !Number.isFinite(h)) throw new ValueError(`${fname}: the step h must be a positive finite number, got ${h}`);
  return h;
}

/** `x` as a private contiguous float64 (or complex) array that the differencing loops may perturb. */
function workingCopy(x: ArrayLike, fname: string): NDArray {
  const a = asarray(x);
  if (a.dtype === 'complex128') throw new DTypeError(`${fname}: finite differences are taken along real directions; split a complex input into real and imaginary parts`);
  return castCopy(a, 'float64');
}

/** f's result as a number. */
function scalarOf(v: unknown, fname: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof NDArray) {
    if (v.size !== 1) throw new ValueError(`${fname}: f must return a scalar, but returned an array of shape ${shapeRepr(v.shape)}`);
    const r = v.item();
    if (r instanceof Complex) throw new ValueError(`${fname}: f must return a real scalar, got a complex value`);
    return r;
  }
  throw new ValueError(`${fname}: f must return a number, got ${typeof v}`);
}

/** f's result as a float64 array (any shape). */
function arrayOf(v: unknown): NDArray {
  const a = asarray(v as ArrayLike);
  return a.dtype === 'float64' || a.dtype === 'complex128' ? a : castCopy(a, 'float64');
}

/**
 * The central difference `(f(x+h) - f(x-h)) / 2h`. For an array `x` the step
 * is applied to every element at once, which gives the derivative of an
 * elementwise `f` at each point.
 * @param f a function of one number (or array, elementwise).
 * @throws {ValueError} for a non-positive step.
 * @example
 * derivative((x) => x ** 3 + 2 * x, 3);   // 29.00000000494174 (f'(x) = 3x² + 2 = 29)
 */
export function derivative(f: (x: number) => number, x: number, opts?: DifferenceOptions): number;
export function derivative(f: (x: NDArray) => ArrayLike, x: ArrayLike, opts?: DifferenceOptions): NDArray;
export function derivative(f: (x: any) => any, x: any, opts: DifferenceOptions = {}): number | NDArray {
  const h = step(opts, 1e-6, 'derivative');
  if (typeof x === 'number') {
    const up = f(x + h);
    const down = f(x - h);
    if (typeof up === 'number' && typeof down === 'number') return (up - down) / (2 * h);
    return divide(subtract(arrayOf(up), arrayOf(down)), 2 * h);
  }
  const a = workingCopy(x, 'derivative');
  const up = arrayOf(f(a.add(h)));
  const down = arrayOf(f(a.sub(h)));
  return divide(subtract(up, down), 2 * h);
}

/**
 * Calls `g()` after adding `delta` to element `i` of `w` (C order), restoring
 * it afterwards. `w` must be a contiguous working copy.
 */
function perturbed<T>(w: NDArray, i: number, delta: number, g: () => T): T {
  const d = w.data;
  const old = d[i];
  d[i] = old + delta;
  try {
    return g();
  } finally {
    d[i] = old;
  }
}

/** `x` as the kind of value the user passed (a number stays a number). */
function asUserValue(w: NDArray, original: unknown): any {
  return typeof original === 'number' ? w.item() : w;
}

/**
 * The gradient of a scalar function by central differences, one pair of
 * evaluations per element of `x` (the book's `numerical_gradient`). `f`
 * receives a working copy that is perturbed in place between calls, so it must
 * not keep a reference to its argument.
 * @returns an array shaped like `x` (a number for a number).
 * @throws {ValueError} when `f` does not return a scalar.
 * @example
 * numericalGradient((v) => v.get(0) ** 2 * v.get(1) * v.get(2) + 2 * v.get(1) ** 2 * v.get(2), [1, 2, 3]);
 * // [12. 27. 10.] (to about 1e-9)
 */
export function numericalGradient(f: (x: number) => unknown, x: number, opts?: DifferenceOptions): number;
export function numericalGradient(f: (x: NDArray) => unknown, x: Exclude<ArrayLike, number>, opts?: DifferenceOptions): NDArray;
export function numericalGradient(f: (x: any) => unknown, x: ArrayLike, opts: DifferenceOptions = {}): NDArray | number {
  const h = step(opts, 1e-6, 'numericalGradient');
  const w = workingCopy(x, 'numericalGradient');
  const out = new Float64Array(w.size);
  const call = (): number => scalarOf(f(asUserValue(w, x)), 'numericalGradient');
  for (let i = 0; i < w.size; i++) {
    out[i] = (perturbed(w, i, h, call) - perturbed(w, i, -h, call)) / (2 * h);
  }
  const g = new NDArray(out, w.shape, 'float64');
  return typeof x === 'number' ? out[0] : g;
}

/**
 * The Jacobian of `f` by central differences (the book's
 * `jacobian_numerical`): for `x` of shape `T` and `f(x)` of shape `S`, an
 * array of shape `[...S, ...T]`, column `j` being `(f(x + h eⱼ) - f(x - h eⱼ)) / 2h`.
 * @example
 * numericalJacobian((v) => np.array([v.get(0) ** 2 + v.get(1), v.get(0) * v.get(1) + v.get(1) ** 2]), [1, 2]);
 * // [[2. 1.] [2. 5.]]
 */
export function numericalJacobian(f: (x: any) => unknown, x: ArrayLike, opts: DifferenceOptions = {}): NDArray {
  const h = step(opts, 1e-6, 'numericalJacobian');
  const w = workingCopy(x, 'numericalJacobian');
  const n = w.size;
  const call = (): NDArray => arrayOf(f(asUserValue(w, x))).copy();
  let outShape: readonly number[] | null = null;
  let data: Float64Array | null = null;
  let cplx = false;
  for (let j = 0; j < n; j++) {
    const up = perturbed(w, j, h, call);
    const down = perturbed(w, j, -h, call);
    const col = divide(subtract(up, down), 2 * h);
    if (data === null) {
      outShape = col.shape;
      cplx = col.dtype === 'complex128';
      data = new Float64Array(col.size * n * (cplx ? 2 : 1));
    }
    const src = col.data;
    const m = col.size;
    for (let o = 0; o < m; o++) {
      if (cplx) {
        data[2 * (o * n + j)] = src[2 * o];
        data[2 * (o * n + j) + 1] = src[2 * o + 1];
      } else data[o * n + j] = src[o];
    }
  }
  if (data === null) {
    outShape = arrayOf(f(asUserValue(w, x))).shape;
    data = new Float64Array(0);
  }
  return new NDArray(data, [...(outShape as readonly number[]), ...w.shape], cplx ? 'complex128' : 'float64');
}

/**
 * The Hessian of a scalar function by central second differences:
 * `H[i][j] = (f(x+hᵢ+hⱼ) - f(x+hᵢ-hⱼ) - f(x-hᵢ+hⱼ) + f(x-hᵢ-hⱼ)) / 4h²`,
 * symmetric by construction. Default h = 1e-4.
 * @returns for `x` of shape `T`, an array of shape `[...T, ...T]` (a number for a number).
 * @example
 * numericalHessian((v) => v.get(0) ** 2 + 4 * v.get(1) ** 2 - 2 * v.get(0) * v.get(1), [0, 0]);
 * // [[ 2. -2.] [-2.  8.]] (to about 1e-7)
 */
export function numericalHessian(f: (x: number) => unknown, x: number, opts?: DifferenceOptions): number;
export function numericalHessian(f: (x: NDArray) => unknown, x: Exclude<ArrayLike, number>, opts?: DifferenceOptions): NDArray;
export function numericalHessian(f: (x: any) => unknown, x: ArrayLike, opts: DifferenceOptions = {}): NDArray | number {
  const h = step(opts, 1e-4, 'numericalHessian');
  const w = workingCopy(x, 'numericalHessian');
  const n = w.size;
  const call = (): number => scalarOf(f(asUserValue(w, x)), 'numericalHessian');
  const at = (i: number, si: number, j: number, sj: number): number =>
    perturbed(w, i, si * h, () => perturbed(w, j, sj * h, call));
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  if (typeof x === 'number') return H[0];
  return new NDArray(H, [...w.shape, ...w.shape], 'float64');
}
