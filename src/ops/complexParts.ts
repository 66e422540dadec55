/**
 * Complex parts: `real` and `imag` (float64 views into a complex buffer, as
 * NumPy's `.real`/`.imag` are), `conj`, `angle`, and `complex` to build
 * complex arrays from parts.
 */
import { allocate, asarray, bind, Complex, definePrimitive, NDArray, type ArrayLike, type Primitive } from '../core';
import { multiply } from './binary';
import { defineUnary, realPartP } from './ufunc';

function partView(x: NDArray, part: 0 | 1): NDArray {
  return new NDArray(x.data, x.shape, 'float64', x.strides.map((s) => 2 * s), 2 * x.offset + part, x.base ?? x);
}

/** The `real` primitive (defined beside the ufunc machinery, which projects complex cotangents with it). */
export const realP: Primitive<undefined> = realPartP;

export const imagP: Primitive<undefined> = definePrimitive<undefined>({
  name: 'imag',
  // Real input: zeros of its dtype (a new array, as NumPy's imag of a real array is read-only zeros).
  impl: ([x]) => (x.dtype === 'complex128' ? partView(x, 1) : new NDArray(allocate(x.dtype, x.size), x.shape, x.dtype)),
  // Cotangent -i g (JAX's imag_p transpose: ∂L/∂x - i ∂L/∂y); zero for real input.
  vjp: (g, _out, [x]) => [x.dtype === 'complex128' ? multiply(g, new Complex(0, -1)) : multiply(g, 0)],
  jvp: ([t]) => (t === null ? null : bind(imagP, [t], undefined)),
});

/**
 * The real part: a float64 view into a complex array's buffer (writes go
 * through), or the array itself for real input.
 * @example np.real(np.array([new np.Complex(1, 2)]))  // [1.]
 */
export function real(a: ArrayLike): NDArray {
  return bind(realP, [asarray(a)], undefined);
}

/**
 * The imaginary part: a float64 view into a complex array's buffer (writes go
 * through), or zeros of the input's dtype for real input.
 * @example
 * np.imag(np.array([new np.Complex(1, 2), 3]))  // [2. 0.]
 * np.imag([1, 2])                               // [0 0]
 */
export function imag(a: ArrayLike): NDArray {
  return bind(imagP, [asarray(a)], undefined);
}

/** Complex conjugate (the identity for real input). @example np.conj(np.array([new np.Complex(1, 2)]))  // [1.-2.j] */
export const conj = defineUnary({
  name: 'conjugate',
  resultDType: (d) => (d === 'bool' ? 'int32' : d), // NumPy: int8 for bool
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai];
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) {
      o[2 * oi] = a[2 * ai];
      o[2 * oi + 1] = -a[2 * ai + 1];
    }
  },
  vjp: (g) => conj(g),
});

/** The argument (phase) in radians: `atan2(imag, real)`. @example np.angle(np.array([new np.Complex(0, 1)]))  // [1.57079633] */
export const angle = defineUnary({
  name: 'angle',
  resultDType: (d) => (d === 'float32' ? 'float32' : 'float64'),
  real: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = a[ai] < 0 || Object.is(a[ai], -0) ? Math.PI : a[ai] === a[ai] ? 0 : NaN;
  },
  complex: (n, o, oi, os, a, ai, as) => {
    for (let i = 0; i < n; i++, oi += os, ai += as) o[oi] = Math.atan2(a[2 * ai + 1], a[2 * ai]);
  },
  vjp: 'none',
});
