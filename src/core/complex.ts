/**
 * A complex scalar, what a complex128 array yields for one element and what a
 * full reduction of a complex array returns. Immutable.
 */
export class Complex {
  constructor(
    readonly re: number,
    readonly im: number = 0,
  ) {}

  /** Python's `str(complex)`: `(1+2j)`, `2j`, `(-0-1j)`. */
  toString(): string {
    const fmt = (x: number): string => (Number.isNaN(x) ? 'nan' : !Number.isFinite(x) ? (x > 0 ? 'inf' : '-inf') : pyRepr(x));
    const imPart = `${fmt(this.im)}j`;
    if (this.re === 0 && !Object.is(this.re, -0)) return imPart;
    const sign = this.im < 0 || Object.is(this.im, -0) || (Number.isNaN(this.im) && false) ? '' : '+';
    return `(${fmt(this.re)}${sign}${imPart})`;
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

/** Python's `repr(float)` for a finite number: shortest round-trip digits, `.0` for integers. */
function pyRepr(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return Object.is(x, -0) ? '-0' : String(x);
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}
