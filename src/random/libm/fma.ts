/**
 * Fused multiply-add `round(a·b + c)` with one rounding, which JavaScript
 * lacks. glibc's x86-64 libm is built with `-mfma`, so its log/exp/pow
 * contract many `a*b + c` into FMA instructions; reproducing their results
 * bit for bit needs the same single rounding.
 *
 * Algorithm: Dekker's exact product a·b = p + e, Knuth's TwoSum c + p = s + t,
 * then z = RN(s + RO(t + e)) where RO rounds to odd (Boldo & Melquiond,
 * "Emulation of FMA and correctly rounded sums: proved algorithms using
 * rounding to odd", IEEE Trans. Computers 57(4), 2008, Algorithm 5.4). Exact
 * for finite arguments whose product neither overflows nor underflows.
 */

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp)
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** `a·b + c` rounded once to the nearest double (ties to even). */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!(Math.abs(p) < 1e300) || !(Math.abs(c) < 1e300)) return p + c; // inf/NaN/huge: not reached by the ports
  // exact product p + e (Dekker 1971)
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  // s + tl = c + p exactly (Knuth's TwoSum)
  const s = c + p;
  const bv = s - c;
  const tl = c - (s - bv) + (p - bv);
  // v = round-to-odd(tl + e)
  let v = tl + e;
  const bv2 = v - tl;
  const err = tl - (v - bv2) + (e - bv2);
  if (err !== 0) {
    f64[0] = v;
    if ((u32[0] & 1) === 0) {
      if (err > 0 === v > 0) u32[0] += 1; // away from zero: the odd neighbour above |v|
      else if (u32[0] !== 0) u32[0] -= 1; // toward zero
      else {
        u32[0] = 0xffffffff;
        u32[1] -= 1;
      }
      v = f64[0];
    }
  }
  return s + v;
}
