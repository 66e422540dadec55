/**
 * Autocovariance of a chain by FFT, as ArviZ's `autocov` computes it
 * (arviz/stats/stats_utils.py): centre, zero-pad to at least 2n so the
 * circular correlation equals the linear one, |FFT|², inverse FFT, divide by n.
 * A radix-2 transform on the next power of two ≥ 2n gives the same lags
 * (padding length does not change a linear correlation).
 */

/** Twiddle tables per power-of-two size: cos/sin of 2πk/m for k < m/2. */
const twiddles = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddleTable(m: number): { cos: Float64Array; sin: Float64Array } {
  let t = twiddles.get(m);
  if (t === undefined) {
    const cos = new Float64Array(m >> 1);
    const sin = new Float64Array(m >> 1);
    for (let k = 0; k < m >> 1; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / m);
      sin[k] = Math.sin((2 * Math.PI * k) / m);
    }
    t = { cos, sin };
    if (twiddles.size > 32) twiddles.clear();
    twiddles.set(m, t);
  }
  return t;
}

/**
 * In-place iterative radix-2 FFT (Cooley–Tukey, decimation in time) of
 * `re + i·im`, length a power of two; `inverse` uses e^{+2πi/m} and no scaling.
 */
export function fftInPlace(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const m = re.length;
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < m; i++) {
    let bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const { cos, sin } = twiddleTable(m);
  const sgn = inverse ? 1 : -1;
  for (let len = 2; len <= m; len <<= 1) {
    const half = len >> 1;
    const step = m / len;
    for (let start = 0; start < m; start += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step];
        const wi = sgn * sin[k * step];
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * Autocovariances γ_0 … γ_{n-1} of `x[offset .. offset+n)` (biased: divided
 * by n, about the sample mean), written into `out` (length ≥ n).
 */
export function autocovInto(x: ArrayLike<number>, offset: number, n: number, out: Float64Array): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[offset + i];
  mean /= n;
  let m = 1;
  while (m < 2 * n) m <<= 1;
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  for (let i = 0; i < n; i++) re[i] = x[offset + i] - mean;
  fftInPlace(re, im, false);
  for (let k = 0; k < m; k++) {
    re[k] = re[k] * re[k] + im[k] * im[k];
    im[k] = 0;
  }
  fftInPlace(re, im, true);
  const scale = 1 / (m * n);
  for (let k = 0; k < n; k++) out[k] = re[k] * scale;
}
