/**
 * The packed LDLᵀ factor of SLSQP's quasi-Newton matrix: products with it and
 * rank-one updates (D. Kraft's `ldl`, the composite-t method of R. Fletcher
 * and M. J. D. Powell, "On the modification of LDLᵀ factorizations", Math.
 * Comp. 28 (1974) 1067–1087). Storage: lower triangle column by column,
 * n(n+1)/2 numbers, with D in place of L's unit diagonal.
 */

const EPSMACH = 2.220446049250313e-16;

/** out = L D Lᵀ s for the packed factor `a` (BLAS dtpmv 'L','T','U', scale by D, dtpmv 'L','N','U'). */
export function packedLDLtTimes(n: number, a: Float64Array, s: Float64Array, out: Float64Array): void {
  // Lᵀ s (unit upper in packed-lower storage).
  for (let j = 0, jj = 0; j < n; j++) {
    let t = s[j];
    for (let i = j + 1; i < n; i++) t += a[jj + i - j] * s[i];
    out[j] = t;
    jj += n - j;
  }
  for (let i = 0, j = 0; i < n; i++) {
    out[i] *= a[j];
    j += n - i;
  }
  // L (D Lᵀ s), from the last row up so each entry is read before it is overwritten.
  let jj = (n * (n + 1)) / 2;
  for (let j = n - 1; j >= 0; j--) {
    jj -= n - j;
    const t = out[j];
    for (let i = n - 1; i > j; i--) out[i] += t * a[jj + i - j];
  }
}

/**
 * A ← A + σ z zᵀ on the packed LDLᵀ factor `a` (z is overwritten; w is
 * workspace for σ < 0, where a near-indefinite update is regularised).
 */
export function ldlUpdate(n: number, a: Float64Array, z: Float64Array, sigma: number, w: Float64Array): void {
  if (sigma === 0) return;
  let ij = 0;
  let t = 1 / sigma;
  if (sigma <= 0) {
    // Negative update: solve L w = z and make t = 1/σ + Σ w²/d positive.
    for (let i = 0; i < n; i++) w[i] = z[i];
    for (let i = 0; i < n; i++) {
      const v = w[i];
      t += (v * v) / a[ij];
      for (let j = i + 1; j < n; j++) {
        ij++;
        w[j] -= v * a[ij];
      }
      ij++;
    }
    if (t >= 0) t = EPSMACH / sigma;
    for (let i = 0; i < n; i++) {
      const j = n - i - 1;
      ij -= i + 1;
      const u = w[j];
      w[j] = t;
      t -= (u * u) / a[ij];
    }
  }
  for (let i = 0; i < n; i++) {
    const v = z[i];
    const delta = v / a[ij];
    const tp = sigma < 0 ? w[i] : t + delta * v;
    const alpha = tp / t;
    a[ij] = alpha * a[ij];
    if (i === n - 1) return;
    const beta = delta / tp;
    if (alpha <= 4) {
      for (let j = i + 1; j < n; j++) {
        ij++;
        z[j] -= v * a[ij];
        a[ij] += beta * z[j];
      }
    } else {
      const gamma = t / tp;
      for (let j = i + 1; j < n; j++) {
        ij++;
        const u = a[ij];
        a[ij] = gamma * u + beta * z[j];
        z[j] -= v * u;
      }
    }
    ij++;
    t = tp;
  }
}
