/**
 * Plane (Givens) rotations: their construction (LAPACK 3.10's dlartg) and
 * their application to rows of row-major matrices, singly or as a whole
 * sweep (dlasr), as the QL/QR iterations of `steqr.ts` and `bdsqr.ts` and
 * dgeev's normalisation use them.
 */

const SAFMIN = 2.2250738585072014e-308;
const SAFMAX = 1 / SAFMIN;

/** A plane rotation [c s; −s c] with c f + s g = r (dlartg, LAPACK 3.10): writes c, s, r. */
export function givens(f: number, g: number, out: Float64Array): void {
  if (g === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = f;
  } else if (f === 0) {
    out[0] = 0;
    out[1] = Math.sign(g);
    out[2] = Math.abs(g);
  } else {
    const f1 = Math.abs(f), g1 = Math.abs(g);
    if (f1 > 1.4916681462400413e-154 && f1 < 4.7403759540545887e153 && g1 > 1.4916681462400413e-154 && g1 < 4.7403759540545887e153) {
      const d = Math.sqrt(f * f + g * g);
      const r = f < 0 ? -d : d;
      out[0] = f1 / d;
      out[1] = g / r;
      out[2] = r;
    } else {
      const u = Math.min(SAFMAX, Math.max(SAFMIN, f1, g1));
      const fs = f / u, gs = g / u;
      const d = Math.sqrt(fs * fs + gs * gs);
      const r = fs < 0 ? -d : d;
      out[0] = Math.abs(fs) / d;
      out[1] = gs / r;
      out[2] = r * u;
    }
  }
}

/**
 * Rotation r of a sequence acts on rows r and r+1 of `zt` (Z's columns r, r+1):
 * z_{r+1} ← c z_{r+1} − s z_r, z_r ← s z_{r+1} + c z_r (dlasr's 'R', 'V' step).
 * A sweep's rotations are applied four at a time: one pass over five rows
 * carries the shared row in a register (about 2x faster than one rotation per
 * pass over two rows).
 */
export function rotateRows(zt: Float64Array, ld: number, r: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  const p = r * ld, q = p + ld;
  for (let k = 0; k < ld; k++) {
    const t = zt[q + k], u = zt[p + k];
    zt[q + k] = c * t - s * u;
    zt[p + k] = s * t + c * u;
  }
}

/** Rotations r = hi−1, hi−2, …, lo in that order (dlasr 'R', 'V', 'B'). */
export function rotateBackward(zt: Float64Array, ld: number, lo: number, hi: number, cs: Float64Array, sn: Float64Array): void {
  let j = hi - 1;
  for (; j - 3 >= lo; j -= 4) {
    const c3 = cs[j], s3 = sn[j], c2 = cs[j - 1], s2 = sn[j - 1], c1 = cs[j - 2], s1 = sn[j - 2], c0 = cs[j - 3], s0 = sn[j - 3];
    const r0 = (j - 3) * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld, r4 = r3 + ld;
    for (let k = 0; k < ld; k++) {
      let t = zt[r4 + k];
      let u = zt[r3 + k];
      zt[r4 + k] = c3 * t - s3 * u;
      t = s3 * t + c3 * u;
      u = zt[r2 + k];
      zt[r3 + k] = c2 * t - s2 * u;
      t = s2 * t + c2 * u;
      u = zt[r1 + k];
      zt[r2 + k] = c1 * t - s1 * u;
      t = s1 * t + c1 * u;
      u = zt[r0 + k];
      zt[r1 + k] = c0 * t - s0 * u;
      zt[r0 + k] = s0 * t + c0 * u;
    }
  }
  for (; j >= lo; j--) rotateRows(zt, ld, j, cs[j], sn[j]);
}

/** Rotations r = lo, lo+1, …, hi−1 in that order (dlasr 'R', 'V', 'F'). */
export function rotateForward(zt: Float64Array, ld: number, lo: number, hi: number, cs: Float64Array, sn: Float64Array): void {
  let j = lo;
  for (; j + 3 < hi; j += 4) {
    const c0 = cs[j], s0 = sn[j], c1 = cs[j + 1], s1 = sn[j + 1], c2 = cs[j + 2], s2 = sn[j + 2], c3 = cs[j + 3], s3 = sn[j + 3];
    const r0 = j * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld, r4 = r3 + ld;
    for (let k = 0; k < ld; k++) {
      let u = zt[r0 + k];
      let t = zt[r1 + k];
      zt[r0 + k] = s0 * t + c0 * u;
      u = c0 * t - s0 * u;
      t = zt[r2 + k];
      zt[r1 + k] = s1 * t + c1 * u;
      u = c1 * t - s1 * u;
      t = zt[r3 + k];
      zt[r2 + k] = s2 * t + c2 * u;
      u = c2 * t - s2 * u;
      t = zt[r4 + k];
      zt[r3 + k] = s3 * t + c3 * u;
      zt[r4 + k] = c3 * t - s3 * u;
    }
  }
  for (; j < hi; j++) rotateRows(zt, ld, j, cs[j], sn[j]);
}
