/**
 * The nearly exact trust-region method, a port of SciPy's trust-exact
 * (`_trustregion.py` driver and `IterativeSubproblem`). Each subproblem
 * min gᵀp + ½pᵀHp s.t. ‖p‖ ≤ Δ is solved by the Moré–Sorensen iteration on
 * the damping λ (Cholesky of H + λI, Newton steps on 1/‖p(λ)‖, the hard case
 * via the smallest singular vector):
 *
 * - J. J. Moré and D. C. Sorensen, "Computing a trust region step", SIAM J.
 *   Sci. Stat. Comput. 4 (1983) 553–572.
 * - A. R. Conn, N. I. M. Gould and P. L. Toint, "Trust Region Methods", SIAM
 *   2000, §7.3 (initial λ bounds from Gershgorin discs, p. 192).
 * - Nocedal & Wright, 2nd ed., Algorithm 4.3 and eq. 4.44.
 * - Cline, Moler, Stewart and Wilkinson, "An estimate for the condition number
 *   of a matrix", SIAM J. Numer. Anal. 16 (1979) 368–375 (smallest singular value).
 *
 * The Hessian is exact: autodiff (forward-over-reverse) or the user's `hess`.
 */
import { ValueError } from '../../core';
import type { Objective, OptimizeResult } from './types';
import { checkOptions, intOption, mat, result, STATUS, stopRequested, tolOption, vec, type SolverArgs } from './common';
import { dot, nrm2, potrfUpper, trsvUpper } from '../dense';
import { ScalarFunction } from './objective';

const OPTIONS = ['initialTrustRadius', 'maxTrustRadius', 'eta', 'gtol', 'maxiter', 'subproblemMaxiter', 'returnAll', 'finiteDiffRelStep'];
const EPS = 2.220446049250313e-16;

/** Cline–Moler–Stewart–Wilkinson estimate of the smallest singular value of upper-triangular U and its right singular vector. */
export function estimateSmallestSingularValue(U: Float64Array, n: number): { sMin: number; zMin: Float64Array } {
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ukk = U[k + k * n];
    const wp = (1 - p[k]) / ukk;
    const wm = (-1 - p[k]) / ukk;
    let np1 = 0;
    let nm1 = 0;
    for (let i = k + 1; i < n; i++) {
      np1 += Math.abs(p[i] + U[k + i * n] * wp);
      nm1 += Math.abs(p[i] + U[k + i * n] * wm);
    }
    const choice = Math.abs(wp) + np1 >= Math.abs(wm) + nm1 ? wp : wm;
    w[k] = choice;
    for (let i = k + 1; i < n; i++) p[i] += U[k + i * n] * choice;
  }
  const v = Float64Array.from(w);
  trsvUpper(false, n, U, 0, n, v, 0);
  const vNorm = nrm2(v);
  return { sMin: nrm2(w) / vNorm, zMin: v.map((x) => x / vNorm) };
}

/** The iterative (Moré–Sorensen) subproblem at one point. */
class IterativeSubproblem {
  private previousRadius = -1;
  private lambdaLb = 0;
  readonly jacMag: number;
  private readonly gershLb: number;
  private readonly gershUb: number;
  private readonly hessInf: number;
  private readonly hessFro: number;
  private readonly closeToZero: number;

  constructor(readonly n: number, readonly f: number, readonly g: Float64Array, readonly H: Float64Array, private readonly maxiter: number) {
    this.jacMag = nrm2(g);
    let lb = Infinity;
    let ub = -Infinity;
    let inf = 0;
    let fro = 0;
    for (let i = 0; i < n; i++) {
      let rowAbs = 0;
      for (let j = 0; j < n; j++) {
        rowAbs += Math.abs(H[i * n + j]);
        fro += H[i * n + j] ** 2;
      }
      const d = H[i * n + i];
      lb = Math.min(lb, d + Math.abs(d) - rowAbs);
      ub = Math.max(ub, d - Math.abs(d) + rowAbs);
      inf = Math.max(inf, rowAbs);
    }
    this.gershLb = lb;
    this.gershUb = ub;
    this.hessInf = inf;
    this.hessFro = Math.sqrt(fro);
    this.closeToZero = n * EPS * this.hessInf;
  }

  /** The model value m(p) = f + gᵀp + ½pᵀHp. */
  model(p: Float64Array): number {
    const { n, H } = this;
    let quad = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j] * p[j];
      quad += p[i] * s;
    }
    return this.f + dot(this.g, p) + 0.5 * quad;
  }

  /** H + λI, and its upper Cholesky factor (column-major) with LAPACK's info. */
  private factor(lambda: number): { A: Float64Array; U: Float64Array; info: number } {
    const A = Float64Array.from(this.H);
    for (let i = 0; i < this.n; i++) A[i * this.n + i] += lambda;
    const U = Float64Array.from(A);
    const info = potrfUpper(U, 0, this.n, this.n);
    for (let j = 0; j < this.n; j++) for (let i = j + 1; i < this.n; i++) U[i + j * this.n] = 0;
    return { A, U, info };
  }

  /** Solves the subproblem for radius Δ: the step and whether it lies on the boundary. */
  solve(radius: number): { p: Float64Array; hitsBoundary: boolean } {
    const { n } = this;
    const minTerm = Math.min(this.hessFro, this.hessInf);
    const lambdaUb0 = Math.max(0, this.jacMag / radius + Math.min(-this.gershLb, minTerm));
    let lambdaLb = Math.max(0, -Math.min(...diag(this.H, n)), this.jacMag / radius - Math.min(this.gershUb, minTerm));
    if (radius < this.previousRadius) lambdaLb = Math.max(this.lambdaLb, lambdaLb);
    let lambdaUb = lambdaUb0;
    let lambda = lambdaLb === 0 ? 0 : Math.max(Math.sqrt(lambdaLb * lambdaUb), lambdaLb + 0.01 * (lambdaUb - lambdaLb));
    let hitsBoundary = true;
    let p = new Float64Array(n);
    let fac = this.factor(lambda);
    let alreadyFactorized = true;
    for (let it = 0; it < this.maxiter; it++) {
      if (!alreadyFactorized) fac = this.factor(lambda);
      alreadyFactorized = false;
      const { A, U, info } = fac;
      if (info === 0 && this.jacMag > this.closeToZero) {
        p = this.g.map((v) => -v);
        trsvUpper(true, n, U, 0, n, p, 0);
        trsvUpper(false, n, U, 0, n, p, 0);
        const pNorm = nrm2(p);
        if (pNorm <= radius && lambda === 0) {
          hitsBoundary = false;
          break;
        }
        const w = Float64Array.from(p);
        trsvUpper(true, n, U, 0, n, w, 0);
        const wNorm = nrm2(w);
        const lambdaNew = lambda + (pNorm / wNorm) ** 2 * ((pNorm - radius) / radius); // N&W eq. 4.44
        if (pNorm < radius) {
          const { sMin, zMin } = estimateSmallestSingularValue(U, n);
          const [ta, tb] = boundaryIntersections(p, zMin, radius);
          const stepLen = Math.abs(ta) <= Math.abs(tb) ? ta : tb;
          let quad = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += A[i * n + j] * p[j];
            quad += p[i] * s;
          }
          const relErr = (stepLen ** 2 * sMin ** 2) / (quad + lambda * radius ** 2);
          if (relErr <= 0.2) {
            for (let i = 0; i < n; i++) p[i] += stepLen * zMin[i];
            break;
          }
          lambdaUb = lambda;
          lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
          const next = this.factor(lambdaNew);
          if (next.info === 0) {
            lambda = lambdaNew;
            fac = next;
            alreadyFactorized = true;
          } else {
            lambdaLb = Math.max(lambdaLb, lambdaNew);
            lambda = Math.max(Math.sqrt(Math.abs(lambdaLb * lambdaUb)), lambdaLb + 0.01 * (lambdaUb - lambdaLb));
          }
        } else {
          if (Math.abs(pNorm - radius) / radius <= 0.1) break;
          lambdaLb = lambda;
          lambda = lambdaNew;
        }
      } else if (info === 0 && this.jacMag <= this.closeToZero) {
        if (lambda === 0) {
          p = new Float64Array(n);
          hitsBoundary = false;
          break;
        }
        const { sMin, zMin } = estimateSmallestSingularValue(U, n);
        p = zMin.map((v) => radius * v);
        if (radius ** 2 * sMin ** 2 <= 0.2 * lambda * radius ** 2) break;
        lambdaUb = lambda;
        lambdaLb = Math.max(lambdaLb, lambda - sMin ** 2);
        lambda = Math.max(Math.sqrt(lambdaLb * lambdaUb), lambdaLb + 0.01 * (lambdaUb - lambdaLb));
      } else {
        // H + λI is not positive definite: raise λ past the singular leading minor of order `info`.
        const k = info;
        let delta = -A[(k - 1) * n + (k - 1)];
        for (let i = 0; i < k - 1; i++) delta += U[i + (k - 1) * n] ** 2;
        const v = new Float64Array(n);
        v[k - 1] = 1;
        if (k !== 1) {
          for (let i = 0; i < k - 1; i++) v[i] = -U[i + (k - 1) * n];
          trsvUpper(false, k - 1, U, 0, n, v, 0);
        }
        const vNorm = nrm2(v);
        lambdaLb = Math.max(lambdaLb, lambda + delta / vNorm ** 2);
        lambda = Math.max(Math.sqrt(Math.abs(lambdaLb * lambdaUb)), lambdaLb + 0.01 * (lambdaUb - lambdaLb));
      }
    }
    this.lambdaLb = lambdaLb;
    this.previousRadius = radius;
    return { p, hitsBoundary };
  }
}

function diag(H: Float64Array, n: number): number[] {
  return Array.from({ length: n }, (_, i) => H[i * n + i]);
}

/** The two t with ‖z + t d‖ = Δ, ascending (a stable quadratic formula). */
function boundaryIntersections(z: Float64Array, d: Float64Array, radius: number): [number, number] {
  const a = dot(d, d);
  const b = 2 * dot(z, d);
  const c = dot(z, z) - radius ** 2;
  const sq = Math.sqrt(b * b - 4 * a * c);
  const aux = b + (b >= 0 && !Object.is(b, -0) ? sq : -sq);
  const ta = -aux / (2 * a);
  const tb = (-2 * c) / aux;
  return ta <= tb ? [ta, tb] : [tb, ta];
}

/**
 * SciPy's method='trust-exact'. Options: initialTrustRadius (1),
 * maxTrustRadius (1000), eta (0.15), gtol (1e-4), maxiter (200n),
 * subproblemMaxiter (25).
 */
export function minimizeTrustExact(fun: Objective, x0: Float64Array, a: SolverArgs): OptimizeResult {
  const o = a.options;
  checkOptions('trust-exact', o, OPTIONS);
  const n = x0.length;
  const eta = o.eta ?? 0.15;
  const maxRadius = o.maxTrustRadius ?? 1000;
  let radius = o.initialTrustRadius ?? 1;
  const gtol = tolOption(o.gtol, 1e-4, 'gtol');
  if (!(eta >= 0 && eta < 0.25)) throw new ValueError('invalid acceptance stringency');
  if (!(maxRadius > 0)) throw new ValueError('the max trust radius must be positive');
  if (!(radius > 0)) throw new ValueError('the initial trust radius must be positive');
  if (radius >= maxRadius) throw new ValueError('the initial trust radius must be less than the max trust radius');
  const maxiter = intOption(o.maxiter, 200 * n, 'maxiter');
  const subMaxiter = intOption(o.subproblemMaxiter, 25, 'subproblemMaxiter');
  const sf = new ScalarFunction(fun, x0, { jac: a.jac, hess: a.hess, relStep: o.finiteDiffRelStep });
  // The subproblem at x: the Hessian first (as SciPy's constructor), f and g as needed.
  const at = (x: Float64Array): { sub: () => IterativeSubproblem; f: () => number } => {
    const H = Float64Array.from(sf.hess(x));
    let f: number | null = null;
    let sub: IterativeSubproblem | null = null;
    const value = (): number => (f ??= sf.value(x));
    return { f: value, sub: () => (sub ??= new IterativeSubproblem(n, value(), Float64Array.from(sf.grad(x)), H, subMaxiter)) };
  };
  let x = Float64Array.from(x0);
  const allvecs = o.returnAll ? [vec(x)] : undefined;
  let m = at(x);
  let k = 0;
  let warnflag = 0;
  for (;;) {
    const cur = m.sub();
    if (!Number.isFinite(cur.f) || !Number.isFinite(cur.jacMag) || !cur.H.every(Number.isFinite)) {
      warnflag = 4; // NaN or infinity in f, ∇f or ∇²f: no model to trust
      break;
    }
    if (cur.jacMag < gtol) break;
    const { p, hitsBoundary } = cur.solve(radius);
    const predicted = cur.model(p);
    const xProposed = x.map((v, i) => v + p[i]);
    const mProposed = at(xProposed);
    const actualReduction = cur.f - mProposed.f();
    const predictedReduction = cur.f - predicted;
    if (predictedReduction <= 0) {
      warnflag = 2;
      break;
    }
    const rho = actualReduction / predictedReduction;
    if (rho < 0.25) radius *= 0.25;
    else if (rho > 0.75 && hitsBoundary) radius = Math.min(2 * radius, maxRadius);
    if (rho > eta) {
      x = xProposed;
      m = mProposed;
    }
    allvecs?.push(vec(x));
    k++;
    if (stopRequested(a.callback, x, m.f(), k)) {
      warnflag = 99;
      break;
    }
    const next = m.sub();
    if (next.jacMag < gtol) break;
    if (k >= maxiter) {
      warnflag = next.jacMag === next.jacMag ? 1 : 4;
      break;
    }
  }
  const messages: Record<number, string> = {
    0: STATUS.success, 1: STATUS.maxiter, 2: 'A bad approximation caused failure to predict improvement.',
    3: 'A linalg error occurred, such as a non-psd Hessian.', 4: `${STATUS.nan} (f, its gradient or its Hessian is not finite)`, 99: STATUS.callback,
  };
  const last = m.sub();
  return result({
    x: vec(x), fun: last.f, jac: vec(last.g), hess: mat(last.H, n, n), nit: k, nfev: sf.nfev, njev: sf.ngev, nhev: sf.nhev,
    status: warnflag, success: warnflag === 0, message: messages[warnflag], ...(allvecs ? { allvecs } : {}),
  });
}
