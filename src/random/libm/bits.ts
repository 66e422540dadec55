/** Access to the IEEE-754 words of a double (little-endian typed-array views). */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** High 32 bits (sign, exponent, top 20 mantissa bits) of `x`. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[1];
}

/** Low 32 bits of `x`. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[0];
}

/** The double whose words are `hi`, `lo`. */
export function fromWords(hi: number, lo: number): number {
  u32[1] = hi;
  u32[0] = lo;
  return f64[0];
}
