/**
 * SLSQP's quadratic subproblem, solved exactly as a constrained linear
 * least-squares problem (SciPy's scipy/optimize/src/slsqp.c, a translation
 * of D. Kraft's Fortran; Lawson & Hanson, "Solving Least Squares Problems",
 * SIAM 1995, ch. 20–23):
 *
 *   LSQ   min ½ dᵀBd + gᵀd s.t. C d + c (= 0 | ≥ 0), l ≤ x + d ≤ u, with
 *         B = L D Lᵀ, is written min ‖A d - b‖ (A = √D Lᵀ, b = -(L√D)⁻¹ g);
 *   LSEI  equality constraints eliminated by an RQ factorisation of E;
 *   LSI   QR of A turns the rest into a least-distance problem;
 *   LDP   min ‖x‖ s.t. G x ≥ h, via the dual NNLS problem.
 *
 * Matrices are column-major; `mode` follows Kraft's codes (1 ok, 2 bad sizes,
 * 3 NNLS iteration limit, 4 incompatible inequalities, 5 singular A,
 * 6 singular E, 7 rank-deficient equality subproblem).
 */
import { nrm2 } from '../../dense';
import { dgeqr2, dgerq2, dorm2rLT, dormr2, dtrsmRUN, dtrsvU, pivotedLeastSquares } from './lapack';
import { nnls } from './nnls';

const EPSMACH = 2.220446049250313e-16;

interface Solved {
  xnorm: number;
  mode: number;
}

/** LDP: min ½‖x‖² s.t. G x ≥ h (G is m×n, ld m); x and the multipliers (m) are written. */
function ldp(m: number, n: number, g: Float64Array, h: Float64Array, x: Float64Array, mults: Float64Array): Solved {
  if (n <= 0) return { xnorm: 0, mode: 2 };
  x.fill(0, 0, n);
  if (m === 0) return { xnorm: 0, mode: 1 };
  // The dual problem [Gᵀ; hᵀ] y = [0; 1], y ≥ 0.
  const n1 = n + 1;
  const a = new Float64Array(n1 * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) a[i + j * n1] = g[j + i * m];
    a[n + j * n1] = h[j];
  }
  const b = new Float64Array(n1);
  b[n] = 1;
  const y = new Float64Array(m);
  const r = nnls(n1, m, a, b, y, new Float64Array(m), new Float64Array(n1), new Int32Array(m), 3 * m);
  if (r.mode !== 1) return { xnorm: 0, mode: r.mode };
  if (r.rnorm <= 0) return { xnorm: 0, mode: 4 };
  let fac = 1;
  for (let j = 0; j < m; j++) fac -= h[j] * y[j];
  if (!(1 + fac - 1 > 0)) return { xnorm: 0, mode: 4 };
  fac = 1 / fac;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += g[j + i * m] * y[j];
    x[i] = fac * s;
  }
  for (let j = 0; j < m; j++) mults[j] = fac * y[j];
  return { xnorm: nrm2(x, n), mode: 1 };
}

/** LSI: min ‖A x - b‖ s.t. G x ≥ h (A ma×n with ma ≥ n, G mg×n); A, b, G, h are overwritten. */
function lsi(ma: number, mg: number, n: number, a: Float64Array, b: Float64Array, g: Float64Array, h: Float64Array, x: Float64Array, mults: Float64Array): Solved {
  const k = Math.min(ma, n);
  const tau = new Float64Array(Math.max(k, 1));
  dgeqr2(ma, n, a, 0, ma, tau, 0);
  dorm2rLT(ma, 1, k, a, 0, ma, tau, 0, b, 0, ma);
  for (let i = 0; i < k; i++) if (!(Math.abs(a[i + i * ma]) >= EPSMACH)) return { xnorm: 0, mode: 5 };
  // G R⁻¹ and h - G R⁻¹ (Qᵀb) give the least-distance problem in z = R x - Qᵀb.
  dtrsmRUN(mg, n, a, 0, ma, g, 0, mg);
  for (let i = 0; i < mg; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += g[i + j * mg] * b[j];
    h[i] -= s;
  }
  const r = ldp(mg, n, g, h, x, mults);
  if (r.mode !== 1) return r;
  for (let i = 0; i < n; i++) x[i] += b[i];
  dtrsvU(false, n, a, 0, ma, x, 0);
  const tail = ma > n ? nrm2(b, ma - n, n) : 0;
  return { xnorm: Math.hypot(r.xnorm, tail), mode: 1 };
}

/** Result of {@link lsei}: norm, mode and the multipliers of G x ≥ h and E x = f. */
interface LseiResult extends Solved {
  gmults: Float64Array;
  emults: Float64Array;
}

/**
 * LSEI: min ‖A x - b‖ s.t. E x = f, G x ≥ h (A ma×n, E me×n, G mg×n;
 * every argument is overwritten). x (n) receives the solution.
 */
export function lsei(
  ma: number, me: number, mg: number, n: number,
  a: Float64Array, b: Float64Array, e: Float64Array, f: Float64Array, g: Float64Array, h: Float64Array, x: Float64Array,
): LseiResult {
  x.fill(0, 0, n);
  const gmults = new Float64Array(mg);
  const emults = new Float64Array(me);
  const out = (xnorm: number, mode: number): LseiResult => ({ xnorm, mode, gmults, emults });
  if (me > n) return out(0, 2);
  const nvars = n - me;
  const lde = Math.max(me, 1);
  const ldg = Math.max(mg, 1);
  const tau = new Float64Array(Math.max(me, 1));
  // [E; A; G] Qᵀ = [0 R; A2 A1; G2 G1] (RQ of E applied to A and G from the right).
  dgerq2(me, n, e, 0, lde, tau, 0);
  dormr2('R', 'T', ma, n, me, e, 0, lde, tau, 0, a, 0, ma);
  dormr2('R', 'T', mg, n, me, e, 0, lde, tau, 0, g, 0, ldg);
  for (let i = 0; i < me; i++) if (!(Math.abs(e[i + (nvars + i) * me]) >= EPSMACH)) return out(0, 6);
  for (let i = 0; i < me; i++) x[nvars + i] = f[i];
  dtrsvU(false, me, e, nvars * me, lde, x, nvars);
  let xnorm = 0;
  let mode = 1;
  if (me < n) {
    const wb = Float64Array.from(b.subarray(0, ma));
    for (let j = 0; j < me; j++) {
      const xj = x[nvars + j];
      for (let i = 0; i < ma; i++) wb[i] -= a[i + (nvars + j) * ma] * xj;
    }
    const a2 = a.slice(0, ma * nvars);
    const g2 = g.slice(0, mg * nvars);
    if (mg === 0) {
      // Only equalities: an unconstrained least-squares problem in the remaining variables.
      const wbOrig = Float64Array.from(wb);
      const rank = pivotedLeastSquares(ma, nvars, a2, ma, wb, Math.sqrt(EPSMACH));
      for (let i = 0; i < nvars; i++) x[i] = wb[i];
      for (let i = 0; i < ma; i++) {
        let s = -wbOrig[i];
        for (let j = 0; j < nvars; j++) s += a[i + j * ma] * x[j];
        wbOrig[i] = s;
      }
      xnorm = nrm2(wbOrig, ma);
      if (rank < nvars) return out(xnorm, 7);
    } else {
      for (let i = 0; i < mg; i++) {
        let s = 0;
        for (let j = 0; j < me; j++) s += g[i + (nvars + j) * mg] * x[nvars + j];
        h[i] -= s;
      }
      const xs = new Float64Array(nvars);
      const r = lsi(ma, mg, nvars, a2, wb, g2, h, xs, gmults);
      x.set(xs.subarray(0, nvars), 0);
      if (me === 0) return out(r.xnorm, r.mode);
      xnorm = Math.hypot(r.xnorm, nrm2(x, me, nvars));
      mode = r.mode;
      if (mode !== 1) return out(xnorm, mode);
    }
  }
  // Back to the original basis: residuals, multipliers of E, x = Qᵀ y.
  for (let i = 0; i < ma; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i + j * ma] * x[j];
    b[i] = s - b[i];
  }
  for (let j = 0; j < me; j++) {
    let s = 0;
    for (let i = 0; i < ma; i++) s += a[i + (nvars + j) * ma] * b[i];
    for (let i = 0; i < mg; i++) s -= g[i + (nvars + j) * mg] * gmults[i];
    f[j] = s;
  }
  dormr2('L', 'T', n, 1, me, e, 0, lde, tau, 0, x, 0, n);
  for (let i = 0; i < me; i++) emults[i] = f[i];
  dtrsvU(true, me, e, (n - me) * me, lde, emults, 0);
  return out(xnorm, mode);
}

/** The data of one LSQ subproblem (SLSQP's search direction). */
export interface LsqProblem {
  m: number;
  meq: number;
  n: number;
  /** The LDLᵀ factor of the quasi-Newton matrix, lower packed (D on the diagonal). */
  Lf: Float64Array;
  gradx: Float64Array;
  /** Constraint normals, column-major (m, n), leading dimension max(m, 1). */
  C: Float64Array;
  /** Constraint values (m). */
  d: Float64Array;
  /** Bounds on the step, length n + 1; NaN where unbounded. Entry n is used by the augmented problem. */
  xl: Float64Array;
  xu: Float64Array;
}

/**
 * LSQ: the SLSQP search direction into `x` (length n + 1) and its multipliers
 * into `y` (equalities, inequalities; bound multipliers NaN). With
 * `augment`, the inconsistent linearisation is relaxed by one extra variable
 * weighted by `augWeight` (Kraft 1988, §2.2.3). Returns Kraft's mode.
 */
export function lsq(p: LsqProblem, augment: boolean, augWeight: number, x: Float64Array, y: Float64Array): number {
  const { m, meq, Lf, gradx, C, d, xl, xu } = p;
  const orign = p.n;
  const mineq = m - meq;
  const lda = Math.max(m, 1);
  let n = orign;
  const ld = augment ? n + 1 : n;
  if (augment) {
    x[n] = 1;
    xl[n] = 0;
    xu[n] = 1;
  }
  // A = √D Lᵀ and b = -(L √D)⁻¹ g from the packed factor.
  const wA = new Float64Array(ld * ld);
  const wb = new Float64Array(ld);
  let cursor = 0;
  for (let j = 0; j < n; j++) {
    const diag = Math.sqrt(Lf[cursor++]);
    wA[j + j * ld] = diag;
    for (let i = j + 1; i < n; i++) wA[j + i * ld] = Lf[cursor++] * diag;
  }
  for (let i = 0; i < n; i++) wb[i] = gradx[i];
  // dtpsv('L', 'N', 'U'): L z = g with L unit lower packed.
  for (let j = 0, jj = 0; j < n; j++) {
    const t = wb[j];
    for (let i = j + 1; i < n; i++) wb[i] -= t * Lf[jj + i - j];
    jj += n - j;
  }
  cursor = 0;
  for (let i = 0; i < n; i++) {
    wb[i] /= -Math.sqrt(Lf[cursor]);
    cursor += n - i;
  }
  if (augment) {
    wA[ld * ld - 1] = augWeight;
    n++;
  }
  const E = new Float64Array(Math.max(meq * n, 1));
  const f = new Float64Array(Math.max(meq, 1));
  for (let j = 0; j < n - 1; j++) for (let i = 0; i < meq; i++) E[i + j * meq] = C[i + j * lda];
  for (let i = 0; i < meq; i++) {
    E[i + (n - 1) * meq] = augment ? -d[i] : C[i + (n - 1) * lda];
    f[i] = -d[i];
  }
  // Inequalities and the finite bounds as G x ≥ h.
  const hList: number[] = [];
  for (let i = 0; i < mineq; i++) hList.push(-d[meq + i]);
  for (let i = 0; i < n; i++) if (!Number.isNaN(xl[i])) hList.push(xl[i]);
  for (let i = 0; i < n; i++) if (!Number.isNaN(xu[i])) hList.push(-xu[i]);
  const rows = hList.length;
  const G = new Float64Array(Math.max(rows * n, 1));
  const h = Float64Array.from(hList);
  for (let j = 0; j < orign; j++) for (let i = 0; i < mineq; i++) G[i + j * rows] = C[meq + i + j * lda];
  if (augment) for (let i = 0; i < mineq; i++) G[i + orign * rows] = Math.max(-d[meq + i], 0);
  let row = mineq;
  for (let i = 0; i < n; i++) if (!Number.isNaN(xl[i])) G[row++ + i * rows] = 1;
  for (let i = 0; i < n; i++) if (!Number.isNaN(xu[i])) G[row++ + i * rows] = -1;

  const r = lsei(ld, meq, rows, n, wA, wb, E, f, G, h, x);
  if (r.mode === 1) {
    for (let i = 0; i < meq; i++) y[i] = r.emults[i];
    for (let i = 0; i < mineq; i++) y[meq + i] = r.gmults[i];
    for (let i = 0; i < 2 * n; i++) y[m + i] = NaN;
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(xl[i]) && x[i] < xl[i]) x[i] = xl[i];
    else if (!Number.isNaN(xu[i]) && x[i] > xu[i]) x[i] = xu[i];
  }
  return r.mode;
}
