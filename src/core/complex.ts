/** The complex scalar type. */
import { pyComplexRepr } from './print/scalar';

/**
 * A complex scalar, what a complex128 array yields for one element and what a
 * full reduction of a complex array returns. Immutable.
 * @example
 * const z = new np.Complex(1, 2);
 * String(z);                                  // (1+2j)
 * z.abs();                                    // 2.23606797749979
 * String(np.array([z, 3]));                   // [1.+2.j 3.+0.j]
 * String(np.sum(np.array([z, z])));           // (2+4j)
 */
export class Complex {
  constructor(
    readonly re: number,
    readonly im: number = 0,
  ) {}

  /**
   * Python's `str(complex)` (the same as its `repr`): `(1+2j)`, `2j` when the
   * real part is +0, `(-0-1j)`, `(nan+infj)`, `(1e+16+1e-05j)`.
   * @example
   * String(new Complex(1, 2)); // '(1+2j)'
   * String(new Complex(0, -0)); // '-0j'
   */
  toString(): string {
    return pyComplexRepr(this.re, this.im);
  }

  /** What `console.log(z)` shows in Node: Python's `print(z)` text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Equality of both parts (NaN is never equal). */
  equals(other: Complex | number): boolean {
    return other instanceof Complex ? this.re === other.re && this.im === other.im : this.re === other && this.im === 0;
  }

  /** |z|, computed with `Math.hypot` to avoid overflow. */
  abs(): number {
    return Math.hypot(this.re, this.im);
  }
}
