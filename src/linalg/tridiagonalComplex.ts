/**
 * Hermitian eigenproblems: reduction of a complex Hermitian matrix to a real
 * symmetric tridiagonal T = Qᴴ A Q (LAPACK's zhetd2 'L' with zlarfg, whose β is
 * real, and zung2r for Q), then the real QL iteration of `steqr.ts` rotating
 * the complex rows of Qᵀ. Interleaved storage: element (i, j) of the n×n
 * matrix at complex offset `off` is `a[2(off + i n + j)]` (+1 for the
 * imaginary part).
 */
import { cdiv } from './luComplex';
import { tridiagonalQL } from './steqr';

/** sqrt(Σ |x_i|²) over `n` complex elements at complex stride `stride`, with scaling when needed. */
function cnorm2(a: Float64Array, p0: number, n: number, stride: number): number {
  let s = 0;
  for (let i = 0, p = 2 * p0; i < n; i++, p += 2 * stride) s += a[p] * a[p] + a[p + 1] * a[p + 1];
  if (s < 1e292 && s > 1e-292) return Math.sqrt(s);
  let big = 0;
  for (let i = 0, p = 2 * p0; i < n; i++, p += 2 * stride) big = Math.max(big, Math.abs(a[p]), Math.abs(a[p + 1]));
  if (big === 0 || !Number.isFinite(big)) return big;
  let t = 0;
  for (let i = 0, p = 2 * p0; i < n; i++, p += 2 * stride) t += (a[p] / big) ** 2 + (a[p + 1] / big) ** 2;
  return big * Math.sqrt(t);
}

/**
 * zlarfg: reflector H = I − τ v vᴴ with Hᴴ (α, x) = (β, 0), β real. α at complex
 * index `ia` (receives β), x (n−1 elements, complex stride `stride`) receives
 * v[1…]. Writes τ to `tau[0], tau[1]`.
 */
function complexReflector(a: Float64Array, ia: number, ix: number, n: number, stride: number, tau: Float64Array): void {
  tau[0] = 0;
  tau[1] = 0;
  if (n <= 0) return;
  const xnorm = n > 1 ? cnorm2(a, ix, n - 1, stride) : 0;
  const ar = a[2 * ia], ai = a[2 * ia + 1];
  if (xnorm === 0 && ai === 0) return;
  const mag = Math.hypot(ar, ai, xnorm);
  const beta = ar < 0 ? mag : -mag;
  tau[0] = (beta - ar) / beta;
  tau[1] = -ai / beta;
  const [sr, si] = cdiv(1, 0, ar - beta, ai);
  for (let i = 0, p = 2 * ix; i < n - 1; i++, p += 2 * stride) {
    const xr = a[p], xi = a[p + 1];
    a[p] = xr * sr - xi * si;
    a[p + 1] = xr * si + xi * sr;
  }
  a[2 * ia] = beta;
  a[2 * ia + 1] = 0;
}

/**
 * Eigenvalues (ascending, into `w`) and, when `v` is given, eigenvectors (n×n
 * complex row-major at complex offset `voff`, columns = vectors) of the
 * Hermitian matrix at complex offset `off` (lower triangle read, overwritten).
 * @returns false when the QL iteration did not converge.
 */
export function hermitianEigen(a: Float64Array, off: number, n: number, w: Float64Array, v: Float64Array | null, voff: number): boolean {
  if (n === 0) return true;
  const d = w;
  const e = new Float64Array(Math.max(n - 1, 1));
  const taus = new Float64Array(2 * Math.max(n - 1, 1));
  const vr = new Float64Array(2 * n), y = new Float64Array(2 * n), t = new Float64Array(2);
  const at = (i: number, j: number): number => 2 * (off + i * n + j);
  for (let i = 0; i < n - 1; i++) {
    const L = n - i - 1;
    complexReflector(a, off + (i + 1) * n + i, off + (i + 2) * n + i, L, n, t);
    e[i] = a[at(i + 1, i)];
    const tr = t[0], ti = t[1];
    if (tr !== 0 || ti !== 0) {
      // v = (1, x…), y = τ A22 v (Hermitian, lower triangle), α = −½ τ (yᴴ v), y += α v,
      // A22 −= v yᴴ + y vᴴ (zhemv, zdotc, zaxpy, zher2).
      vr[0] = 1;
      vr[1] = 0;
      for (let r = 1; r < L; r++) {
        vr[2 * r] = a[at(i + 1 + r, i)];
        vr[2 * r + 1] = a[at(i + 1 + r, i) + 1];
      }
      y.fill(0, 0, 2 * L);
      for (let r = 0; r < L; r++) {
        const row = at(i + 1 + r, i + 1);
        const xr = vr[2 * r], xi = vr[2 * r + 1];
        let sr = 0, si = 0;
        for (let c = 0; c < r; c++) {
          const pr = a[row + 2 * c], pi = a[row + 2 * c + 1];
          sr += pr * vr[2 * c] - pi * vr[2 * c + 1];
          si += pr * vr[2 * c + 1] + pi * vr[2 * c];
          y[2 * c] += pr * xr + pi * xi; // conj(A[r][c]) v_r
          y[2 * c + 1] += pr * xi - pi * xr;
        }
        const dr = a[row + 2 * r];
        y[2 * r] += sr + dr * xr;
        y[2 * r + 1] += si + dr * xi;
      }
      let dotr = 0, doti = 0;
      for (let r = 0; r < L; r++) {
        const yr = y[2 * r], yi = y[2 * r + 1];
        y[2 * r] = tr * yr - ti * yi;
        y[2 * r + 1] = tr * yi + ti * yr;
        // conj(y_r) v_r
        dotr += y[2 * r] * vr[2 * r] + y[2 * r + 1] * vr[2 * r + 1];
        doti += y[2 * r] * vr[2 * r + 1] - y[2 * r + 1] * vr[2 * r];
      }
      const alr = -0.5 * (tr * dotr - ti * doti), ali = -0.5 * (tr * doti + ti * dotr);
      for (let r = 0; r < L; r++) {
        const xr = vr[2 * r], xi = vr[2 * r + 1];
        y[2 * r] += alr * xr - ali * xi;
        y[2 * r + 1] += alr * xi + ali * xr;
      }
      for (let r = 0; r < L; r++) {
        const row = at(i + 1 + r, i + 1);
        const xr = vr[2 * r], xi = vr[2 * r + 1], yr = y[2 * r], yi = y[2 * r + 1];
        for (let c = 0; c <= r; c++) {
          const vcr = vr[2 * c], vci = vr[2 * c + 1], ycr = y[2 * c], yci = y[2 * c + 1];
          // v_r conj(y_c) + y_r conj(v_c)
          a[row + 2 * c] -= xr * ycr + xi * yci + yr * vcr + yi * vci;
          a[row + 2 * c + 1] -= xi * ycr - xr * yci + yi * vcr - yr * vci;
        }
        a[row + 2 * r + 1] = 0;
      }
    } else a[at(i + 1, i + 1) + 1] = 0;
    a[at(i + 1, i)] = e[i];
    a[at(i + 1, i) + 1] = 0;
    d[i] = a[at(i, i)];
    taus[2 * i] = tr;
    taus[2 * i + 1] = ti;
  }
  d[n - 1] = a[at(n - 1, n - 1)];
  if (!v) return tridiagonalQL(d, e, n, null, n) === 0;
  // Q = diag(1, Q′), Q′ from zung2r; kept transposed (Zᵀ) for the rotations.
  const zt = new Float64Array(2 * n * n);
  formQTransposed(a, off, n, taus, zt);
  if (tridiagonalQL(d, e, n, zt, 2 * n) !== 0) return false;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    v[2 * (voff + i * n + j)] = zt[2 * (j * n + i)];
    v[2 * (voff + i * n + j) + 1] = zt[2 * (j * n + i) + 1];
  }
  return true;
}

/**
 * zung2r on the reflectors in A[1:, 0:n−1]: Q = diag(1, H₁ ⋯ H_{n−1}) built
 * backwards in a temporary, then written transposed into `zt`.
 */
function formQTransposed(a: Float64Array, off: number, n: number, taus: Float64Array, zt: Float64Array): void {
  const m = n - 1;
  const q = new Float64Array(2 * n * n); // Q′ (m×m) at (1, 1) of an n×n array
  const Q = (i: number, j: number): number => 2 * ((i + 1) * n + (j + 1));
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) {
    q[Q(i, j)] = a[2 * (off + (i + 1) * n + j)];
    q[Q(i, j) + 1] = a[2 * (off + (i + 1) * n + j) + 1];
  }
  const u = new Float64Array(2 * n);
  for (let i = m - 1; i >= 0; i--) {
    const tr = taus[2 * i], ti = taus[2 * i + 1];
    if (i < m - 1) {
      q[Q(i, i)] = 1;
      q[Q(i, i) + 1] = 0;
      // C = Q′[i:, i+1:] −= τ v (vᴴ C)
      u.fill(0);
      for (let r = i; r < m; r++) {
        const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
        for (let c = i + 1; c < m; c++) {
          const cr = q[Q(r, c)], ci = q[Q(r, c) + 1];
          u[2 * c] += vr * cr + vi * ci;
          u[2 * c + 1] += vr * ci - vi * cr;
        }
      }
      for (let r = i; r < m; r++) {
        const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
        const kr = tr * vr - ti * vi, ki = tr * vi + ti * vr;
        for (let c = i + 1; c < m; c++) {
          q[Q(r, c)] -= kr * u[2 * c] - ki * u[2 * c + 1];
          q[Q(r, c) + 1] -= kr * u[2 * c + 1] + ki * u[2 * c];
        }
      }
    }
    for (let r = i + 1; r < m; r++) {
      const vr = q[Q(r, i)], vi = q[Q(r, i) + 1];
      q[Q(r, i)] = -(tr * vr - ti * vi);
      q[Q(r, i) + 1] = -(tr * vi + ti * vr);
    }
    q[Q(i, i)] = 1 - tr;
    q[Q(i, i) + 1] = -ti;
    for (let r = 0; r < i; r++) {
      q[Q(r, i)] = 0;
      q[Q(r, i) + 1] = 0;
    }
  }
  q[0] = 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    zt[2 * (j * n + i)] = q[2 * (i * n + j)];
    zt[2 * (j * n + i) + 1] = q[2 * (i * n + j) + 1];
  }
}
