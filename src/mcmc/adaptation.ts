/**
 * Warm-up adaptation as Stan does it (stan/mcmc/stepsize_adaptation.hpp,
 * windowed_adaptation.hpp, var_adaptation.hpp, covar_adaptation.hpp):
 * dual averaging of the log step size, and a (co)variance of the position
 * estimated in doubling windows between a fast initial and final buffer.
 */

/**
 * Nesterov dual averaging of log ε toward a target acceptance statistic δ
 * (Hoffman & Gelman 2014, "The No-U-Turn Sampler", §3.2, Algorithm 5; Stan's
 * defaults γ = 0.05, t₀ = 10, κ = 0.75, μ = log(10 ε₀)).
 */
export class DualAveraging {
  private counter = 0;
  private sBar = 0;
  private xBar = 0;
  private mu: number;

  constructor(
    private readonly delta: number,
    stepSize: number,
    private readonly gamma = 0.05,
    private readonly t0 = 10,
    private readonly kappa = 0.75,
  ) {
    this.mu = Math.log(10 * stepSize);
  }

  /** Restarts around a new initial step size (after a metric update). */
  restart(stepSize: number): void {
    this.counter = 0;
    this.sBar = 0;
    this.xBar = 0;
    this.mu = Math.log(10 * stepSize);
  }

  /** One update with the iteration's acceptance statistic; returns the next step size exp(x). */
  learn(acceptStat: number): number {
    this.counter++;
    const a = acceptStat > 1 ? 1 : acceptStat === acceptStat ? acceptStat : 0;
    const eta = 1 / (this.counter + this.t0);
    this.sBar = (1 - eta) * this.sBar + eta * (this.delta - a);
    const x = this.mu - (this.sBar * Math.sqrt(this.counter)) / this.gamma;
    const xEta = Math.pow(this.counter, -this.kappa);
    this.xBar = (1 - xEta) * this.xBar + xEta * x;
    return Math.exp(x);
  }

  /** The final step size exp(x̄) (Stan's `complete_adaptation`); `fallback` when nothing was learnt. */
  final(fallback: number): number {
    return this.counter === 0 ? fallback : Math.exp(this.xBar);
  }
}

/** Stan's warm-up windows (`init_buffer`, `term_buffer`, `window`). */
export interface WindowOptions {
  /** Iterations before the first window (default 75). */
  initBuffer?: number;
  /** Iterations after the last window (default 50). */
  termBuffer?: number;
  /** Size of the first window; each next one doubles (default 25). */
  window?: number;
}

/**
 * Stan's `windowed_adaptation`: which warm-up iterations feed the estimator
 * and where each (doubling) window ends. With fewer than 20 warm-up
 * iterations nothing is estimated; when the buffers do not fit they become
 * 15% / 75% / 10% of the warm-up.
 */
export class WindowSchedule {
  private counter = 0;
  private readonly init: number;
  private readonly term: number;
  private size: number;
  private next: number;
  readonly active: boolean;

  constructor(private readonly warmup: number, opts: WindowOptions = {}) {
    let init = opts.initBuffer ?? 75;
    let term = opts.termBuffer ?? 50;
    let base = opts.window ?? 25;
    this.active = warmup >= 20;
    if (this.active && init + base + term > warmup) {
      init = Math.trunc(0.15 * warmup);
      term = Math.trunc(0.1 * warmup);
      base = warmup - (init + term);
    }
    this.init = init;
    this.term = term;
    this.size = base;
    this.next = init + base - 1;
  }

  /** Whether the current iteration's position goes into the estimator. */
  inWindow(): boolean {
    return this.active && this.counter >= this.init && this.counter < this.warmup - this.term && this.counter !== this.warmup;
  }

  /** Whether the current iteration closes a window (then the estimate is used and reset). */
  endOfWindow(): boolean {
    return this.active && this.counter === this.next && this.counter !== this.warmup;
  }

  /** Moves to the next iteration, first computing the next window when this one ended. */
  advance(ended: boolean): void {
    if (ended) this.computeNextWindow();
    this.counter++;
  }

  private computeNextWindow(): void {
    const last = this.warmup - this.term - 1;
    if (this.next === last) return;
    this.size *= 2;
    this.next = this.counter + this.size;
    // A window that would leave less than twice its size before the final buffer is stretched to it.
    if (this.next !== last && this.next + 2 * this.size >= this.warmup - this.term) this.next = last;
  }
}

/**
 * Welford's running mean and (co)variance of positions (Stan's
 * welford_var_estimator / welford_covar_estimator); `full` keeps the d×d matrix.
 */
export class Welford {
  n = 0;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private readonly delta: Float64Array;

  constructor(private readonly dim: number, private readonly full: boolean) {
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(full ? dim * dim : dim);
    this.delta = new Float64Array(dim);
  }

  add(q: Float64Array): void {
    this.n++;
    const d = this.dim;
    for (let i = 0; i < d; i++) {
      this.delta[i] = q[i] - this.mean[i];
      this.mean[i] += this.delta[i] / this.n;
    }
    if (this.full) {
      for (let i = 0; i < d; i++) {
        const ri = q[i] - this.mean[i];
        for (let j = 0; j < d; j++) this.m2[i * d + j] += ri * this.delta[j];
      }
    } else {
      for (let i = 0; i < d; i++) this.m2[i] += this.delta[i] * (q[i] - this.mean[i]);
    }
  }

  /**
   * The sample (co)variance shrunk toward 1e-3·I as Stan regularises it:
   * (n/(n+5))·S + 1e-3·(5/(n+5))·I. Written into `out` (d or d×d).
   */
  regularized(out: Float64Array): void {
    const n = this.n;
    const d = this.dim;
    const w = n / (n + 5);
    const ridge = 1e-3 * (5 / (n + 5));
    for (let k = 0; k < this.m2.length; k++) out[k] = w * (this.m2[k] / (n - 1));
    if (this.full) for (let i = 0; i < d; i++) out[i * d + i] += ridge;
    else for (let i = 0; i < d; i++) out[i] += ridge;
  }

  restart(): void {
    this.n = 0;
    this.mean.fill(0);
    this.m2.fill(0);
  }
}
