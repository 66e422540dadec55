/**
 * Dirichlet sampling for `Generator.dirichlet` and `RandomState.dirichlet`
 * (numpy/random/_generator.pyx, mtrand.pyx): normalised gamma variates, and for
 * the Generator with every alpha < 0.1 the stick-breaking construction with
 * beta variates (it cannot produce 0/0).
 */
import { asarray, NDArray, ValueError, type ArrayLike } from '../core';
import type { BitGenerator } from './bitgen/bitGenerator';
import { beta, standardGamma } from './distributions/continuous';
import { legacyStandardGamma, type GaussState } from './distributions/legacyContinuous';
import { prod, sizeShape, type Size } from './params';

/** alpha as a 1-d float64 vector (NumPy's `PyArray_FROMANY(alpha, NPY_DOUBLE, 1, 1)`). */
function alphaVector(alpha: ArrayLike): Float64Array {
  const a = asarray(alpha);
  if (a.ndim === 0) throw new ValueError('object of too small depth for desired array');
  if (a.ndim > 1) throw new ValueError('object too deep for desired array');
  return Float64Array.from(a.toArray());
}

function outShape(size: Size, k: number): number[] {
  const s = sizeShape(size);
  return s === null ? [k] : [...s, k];
}

/** Generator.dirichlet. @throws {ValueError} "alpha < 0" */
export function dirichletGenerator(bg: BitGenerator, alpha: ArrayLike, size: Size): NDArray {
  const a = alphaVector(alpha);
  const k = a.length;
  if (a.some((v) => v < 0)) throw new ValueError('alpha < 0');
  const shape = outShape(size, k);
  const out = new Float64Array(prod(shape));
  let max = -Infinity;
  for (const v of a) max = Math.max(max, v);
  if (k > 0 && max < 0.1) {
    // stick breaking: alphaCsum[j] = alpha[j] + … + alpha[k-1]
    const csum = new Float64Array(k);
    let c = 0;
    for (let j = k - 1; j >= 0; j--) csum[j] = c += a[j];
    if (c > 0) {
      for (let i = 0; i < out.length; i += k) {
        let acc = 1;
        for (let j = 0; j < k - 1; j++) {
          const v = beta(bg, a[j], csum[j + 1]);
          out[i + j] = acc * v;
          acc *= 1 - v;
          if (csum[j + 1] === 0) break;
        }
        out[i + k - 1] = acc;
      }
    }
  } else {
    for (let i = 0; i < out.length; i += k) {
      let acc = 0;
      for (let j = 0; j < k; j++) acc += out[i + j] = standardGamma(bg, a[j]);
      const inv = 1 / acc;
      for (let j = 0; j < k; j++) out[i + j] = out[i + j] * inv;
    }
  }
  return new NDArray(out, shape, 'float64');
}

/** RandomState.dirichlet. @throws {ValueError} "alpha <= 0" */
export function dirichletLegacy(state: GaussState, alpha: ArrayLike, size: Size): NDArray {
  const a = alphaVector(alpha);
  const k = a.length;
  if (a.some((v) => v <= 0)) throw new ValueError('alpha <= 0');
  const shape = outShape(size, k);
  const out = new Float64Array(prod(shape));
  for (let i = 0; i < out.length; i += k) {
    let acc = 0;
    for (let j = 0; j < k; j++) acc += out[i + j] = legacyStandardGamma(state, a[j]);
    const inv = 1 / acc;
    for (let j = 0; j < k; j++) out[i + j] = out[i + j] * inv;
  }
  return new NDArray(out, shape, 'float64');
}
