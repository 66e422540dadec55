/**
 * Non-negative least squares, min ‖A x - b‖ s.t. x ≥ 0, by the active-set
 * algorithm of Lawson & Hanson, "Solving Least Squares Problems" (SIAM 1995),
 * chapter 23, as SciPy's C translation (scipy/optimize/src/nnls.c) that
 * SLSQP's least-distance subproblem calls.
 */
import { dot, nrm2 } from '../../dense';
import { dlarf, dlarfgp, dlartgp } from './lapack';

/** The distance from x to the next larger double (C's nextafter(x, 2x) - x for x > 0). */
function spacing(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
  return buf.getFloat64(0) - x;
}

/** Result of {@link nnls}: residual norm and SciPy's mode (1 ok, 2 bad sizes, 3 iteration limit). */
export interface NnlsResult {
  rnorm: number;
  mode: number;
}

/**
 * Solves NNLS for the m×n column-major `a` (overwritten) and `b` (length m,
 * overwritten); the solution goes to `x` (n), the dual vector to `w` (n).
 * `zz` (m) and `indices` (n) are workspace; at most `maxiter` inner steps.
 */
export function nnls(
  m: number, n: number, a: Float64Array, b: Float64Array, x: Float64Array, w: Float64Array, zz: Float64Array, indices: Int32Array, maxiter: number,
): NnlsResult {
  if (m <= 0 || n <= 0) return { rnorm: 0, mode: 2 };
  let mode = 1;
  for (let i = 0; i < n; i++) {
    indices[i] = i;
    x[i] = 0;
  }
  let indz = 0;
  let iteration = 0;
  let iz = 0;
  let jj = 0;
  let tau = 0;
  let pivot = 1;
  const solveTriangular = (): void => {
    // Back substitution on the permuted triangular system, result in zz[0:indz].
    for (let k = 0; k < indz; k++) {
      const ip = indz - 1 - k;
      if (k !== 0) for (let i = 0; i <= ip; i++) zz[i] -= a[i + jj * m] * zz[ip + 1];
      jj = indices[ip];
      zz[ip] /= a[ip + jj * m];
    }
  };
  outer: while (indz < Math.min(m, n)) {
    // Dual vector w = Aᵀ(b - A x) over the inactive set (b is kept transformed).
    for (let i = indz; i < n; i++) {
      const j = indices[i];
      w[j] = dot(a, b, m - indz, indz + j * m, indz);
    }
    let j = 0;
    for (;;) {
      let wmax = 0;
      let izmax = 0;
      for (let k = indz; k < n; k++) {
        const jk = indices[k];
        if (w[jk] > wmax) {
          wmax = w[jk];
          izmax = k;
        }
      }
      if (wmax <= 0) break outer; // KKT conditions hold
      iz = izmax;
      j = indices[iz];
      // Householder transform of column j; test the new diagonal for near linear dependence.
      pivot = a[indz + j * m];
      const h = dlarfgp(m - indz, pivot, a, indz + 1 + j * m, 1);
      pivot = h.beta;
      tau = h.tau;
      const unorm = indz > 0 ? nrm2(a, indz, j * m) : 0;
      if (Math.abs(pivot) > 100 * spacing(unorm)) {
        for (let i = 0; i < m; i++) zz[i] = b[i];
        const pivot2 = a[indz + j * m];
        a[indz + j * m] = 1;
        dlarf('L', m - indz, 1, a, indz + j * m, 1, tau, zz, indz, m - indz);
        const ztest = zz[indz] / pivot;
        if (ztest > 0) break;
        a[indz + j * m] = pivot2;
      }
      w[j] = 0; // reject j and look at the next dual coefficient
    }
    // Move j from the zero set Z to the positive set P.
    for (let i = 0; i < m; i++) b[i] = zz[i];
    indices[iz] = indices[indz];
    indices[indz] = j;
    indz++;
    if (indz < n) {
      for (let k = indz; k < n; k++) {
        const jk = indices[k];
        dlarf('L', m - indz + 1, 1, a, indz - 1 + j * m, 1, tau, a, indz - 1 + jk * m, m - indz + 1);
      }
    }
    a[indz - 1 + j * m] = pivot;
    for (let i = indz; i < m; i++) a[j * m + i] = 0;
    w[j] = 0;
    solveTriangular();
    // Inner loop: step back towards the old x while a coefficient of P would turn non-positive.
    for (;;) {
      iteration++;
      if (iteration >= maxiter) {
        mode = 3;
        break outer;
      }
      let alpha = 2;
      for (let ip = 0; ip < indz; ip++) {
        const k = indices[ip];
        if (zz[ip] <= 0) {
          const t = -x[k] / (zz[ip] - x[k]);
          if (alpha > t) {
            alpha = t;
            jj = ip;
          }
        }
      }
      if (alpha === 2) break;
      for (let ip = 0; ip < indz; ip++) {
        const k = indices[ip];
        x[k] += alpha * (zz[ip] - x[k]);
      }
      let i = indices[jj];
      for (;;) {
        x[i] = 0;
        if (jj !== indz - 1) {
          jj++;
          for (let jr = jj; jr < indz; jr++) {
            const ii = indices[jr];
            indices[jr - 1] = ii;
            const g = dlartgp(a[jr - 1 + ii * m], a[jr + ii * m]);
            a[jr - 1 + ii * m] = g.r;
            a[jr + ii * m] = 0;
            for (let k = 0; k < n; k++) {
              if (k !== ii) {
                const t = a[jr - 1 + k * m];
                a[jr - 1 + k * m] = g.c * t + g.s * a[jr + k * m];
                a[jr + k * m] = -g.s * t + g.c * a[jr + k * m];
              }
            }
            const t = b[jr - 1];
            b[jr - 1] = g.c * t + g.s * b[jr];
            b[jr] = -g.s * t + g.c * b[jr];
          }
        }
        indz--;
        indices[indz] = i;
        // Any remaining non-positive coefficients in P are rounding noise: move them to Z too.
        // (An empty P counts as feasible, as in Lawson & Hanson's Fortran.)
        let allPositive = true;
        for (jj = 0; jj < indz; jj++) {
          i = indices[jj];
          if (x[i] <= 0) {
            allPositive = false;
            break;
          }
        }
        if (allPositive) break;
      }
      for (let r = 0; r < m; r++) zz[r] = b[r];
      solveTriangular();
    }
    for (let k = 0; k < indz; k++) x[indices[k]] = zz[k];
  }
  let rnorm: number;
  if (indz < m) rnorm = nrm2(b, m - indz, indz);
  else {
    for (let i = 0; i < n; i++) w[i] = 0;
    rnorm = 0;
  }
  return { rnorm, mode };
}
