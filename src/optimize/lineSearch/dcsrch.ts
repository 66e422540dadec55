/**
 * The Moré–Thuente line search, MINPACK-2's DCSRCH and DCSTEP, as SciPy
 * carries them (scipy/optimize/_dcsrch.py, and the C copy inside L-BFGS-B).
 *
 * J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM Trans. Math. Software 20 (1994) 286–307.
 *
 * It finds a step satisfying the strong Wolfe conditions
 *   f(stp) ≤ f(0) + ftol·stp·f'(0)   and   |f'(stp)| ≤ gtol·|f'(0)|
 * by safeguarded cubic/quadratic interpolation inside an interval of
 * uncertainty that it keeps bracketing. It is written as a state machine
 * (reverse communication): the caller evaluates f and f' at the returned
 * step while the task is 'FG'.
 */

/** The task of a {@link Dcsrch} after a call: evaluate ('FG'), done, or why it stopped. */
export type DcsrchTask =
  | 'FG'
  | 'CONVERGENCE'
  | 'WARNING: ROUNDING ERRORS PREVENT PROGRESS'
  | 'WARNING: XTOL TEST SATISFIED'
  | 'WARNING: STP = STPMAX'
  | 'WARNING: STP = STPMIN'
  | `ERROR: ${string}`;

const XTRAPL = 1.1;
const XTRAPU = 4.0;

/** The Moré–Thuente search state. */
export class Dcsrch {
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;
  private width = 0;
  private width1 = 0;

  /**
   * @param ftol sufficient-decrease constant (c1).
   * @param gtol curvature constant (c2).
   * @param xtol relative tolerance on the width of the interval of uncertainty.
   * @param stpmin, stpmax bounds on the step.
   * @param strictCubic the comparison in DCSTEP's first case: `<` as the
   *   Fortran/C sources (L-BFGS-B), `<=` as SciPy's Python port (BFGS/CG).
   */
  constructor(
    readonly ftol: number,
    readonly gtol: number,
    readonly xtol: number,
    readonly stpmin: number,
    readonly stpmax: number,
    private readonly strictCubic = false,
  ) {}

  /** Starts a search at step `stp` with f(0) = f, f'(0) = g. Returns 'FG' or an error task. */
  start(stp: number, f: number, g: number): DcsrchTask {
    let task: DcsrchTask | null = null;
    if (stp < this.stpmin) task = 'ERROR: STP .LT. STPMIN';
    if (stp > this.stpmax) task = 'ERROR: STP .GT. STPMAX';
    if (g >= 0) task = 'ERROR: INITIAL G .GE. ZERO';
    if (this.ftol < 0) task = 'ERROR: FTOL .LT. ZERO';
    if (this.gtol < 0) task = 'ERROR: GTOL .LT. ZERO';
    if (this.xtol < 0) task = 'ERROR: XTOL .LT. ZERO';
    if (this.stpmin < 0) task = 'ERROR: STPMIN .LT. ZERO';
    if (this.stpmax < this.stpmin) task = 'ERROR: STPMAX .LT. STPMIN';
    if (task !== null) return task;
    this.brackt = false;
    this.stage = 1;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.ftol * this.ginit;
    this.width = this.stpmax - this.stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f;
    this.gx = g;
    this.sty = 0;
    this.fy = f;
    this.gy = g;
    this.stmin = 0;
    this.stmax = stp + XTRAPU * stp;
    return 'FG';
  }

  /**
   * Given f(stp) and f'(stp), either reports termination or returns the next
   * trial step (task 'FG').
   */
  iterate(stp: number, f: number, g: number): { stp: number; task: DcsrchTask } {
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    let task: DcsrchTask | null = null;
    if (this.brackt && (stp <= this.stmin || stp >= this.stmax)) task = 'WARNING: ROUNDING ERRORS PREVENT PROGRESS';
    if (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax) task = 'WARNING: XTOL TEST SATISFIED';
    if (stp === this.stpmax && f <= ftest && g <= this.gtest) task = 'WARNING: STP = STPMAX';
    if (stp === this.stpmin && (f > ftest || g >= this.gtest)) task = 'WARNING: STP = STPMIN';
    if (f <= ftest && Math.abs(g) <= this.gtol * -this.ginit) task = 'CONVERGENCE';
    if (task !== null) return { stp, task };

    // Stage 1 with a lower but not sufficiently lower value: step on the
    // modified function ψ(s) = f(s) - f(0) - ftol·s·f'(0) (Moré–Thuente §2).
    if (this.stage === 1 && f <= this.fx && f > ftest) {
      const gt = this.gtest;
      const r = dcstep(this.stx, this.fx - this.stx * gt, this.gx - gt, this.sty, this.fy - this.sty * gt, this.gy - gt,
        stp, f - stp * gt, g - gt, this.brackt, this.stmin, this.stmax, this.strictCubic);
      this.stx = r.stx;
      this.sty = r.sty;
      this.fx = r.fx + r.stx * gt;
      this.fy = r.fy + r.sty * gt;
      this.gx = r.dx + gt;
      this.gy = r.dy + gt;
      this.brackt = r.brackt;
      stp = r.stp;
    } else {
      const r = dcstep(this.stx, this.fx, this.gx, this.sty, this.fy, this.gy, stp, f, g, this.brackt, this.stmin, this.stmax, this.strictCubic);
      this.stx = r.stx;
      this.fx = r.fx;
      this.gx = r.dx;
      this.sty = r.sty;
      this.fy = r.fy;
      this.gy = r.dy;
      this.brackt = r.brackt;
      stp = r.stp;
    }
    // Bisect when the interval does not shrink fast enough.
    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1) stp = this.stx + 0.5 * (this.sty - this.stx);
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
    }
    if (this.brackt) {
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = stp + XTRAPL * (stp - this.stx);
      this.stmax = stp + XTRAPU * (stp - this.stx);
    }
    stp = Math.min(Math.max(stp, this.stpmin), this.stpmax);
    // No further progress possible: fall back to the best step so far.
    if ((this.brackt && (stp <= this.stmin || stp >= this.stmax)) || (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax)) {
      stp = this.stx;
    }
    return { stp, task: 'FG' };
  }
}

interface StepResult {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  stp: number;
  brackt: boolean;
}

/**
 * DCSTEP: one safeguarded step of the Moré–Thuente search. (stx, fx, dx) is
 * the best step so far, (sty, fy, dy) the other end of the interval, and
 * (stp, fp, dp) the trial step; returns the updated interval and next step.
 */
export function dcstep(
  stx: number, fx: number, dx: number, sty: number, fy: number, dy: number,
  stp: number, fp: number, dp: number, brackt: boolean, stpmin: number, stpmax: number, strictCubic = false,
): StepResult {
  const sgnd = Math.sign(dp) * Math.sign(dx);
  let stpf: number;
  if (fp > fx) {
    // Case 1: a higher function value; the minimum is bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const r = p / q;
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    const closer = strictCubic ? Math.abs(stpc - stx) < Math.abs(stpq - stx) : Math.abs(stpc - stx) <= Math.abs(stpq - stx);
    stpf = closer ? stpc : stpc + (stpq - stpc) / 2;
    brackt = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign; bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const r = p / q;
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same sign, the derivative's magnitude decreases.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.min(Math.max(stpf, stpmin), stpmax);
    }
  } else {
    // Case 4: lower value, same sign, the derivative does not decrease.
    if (brackt) {
      const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
      if (stp > sty) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dy;
      stpf = stp + (p / q) * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
  }
  // Update the interval that contains a minimizer.
  if (fp > fx) {
    sty = stp;
    fy = fp;
    dy = dp;
  } else {
    if (sgnd < 0) {
      sty = stx;
      fy = fx;
      dy = dx;
    }
    stx = stp;
    fx = fp;
    dx = dp;
  }
  return { stx, fx, dx, sty, fy, dy, stp: stpf, brackt };
}
