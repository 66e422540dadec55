/**
 * The No-U-Turn sampler, the multinomial variant Stan uses (stan/mcmc/hmc/
 * nuts/base_nuts.hpp): Hoffman & Gelman (2014), "The No-U-Turn Sampler",
 * with multinomial sampling of the trajectory and the generalised no-U-turn
 * criterion on ρ = Σ p and p♯ = M⁻¹p, checked across merged subtrees too
 * (Betancourt 2017, "A Conceptual Introduction to Hamiltonian Monte Carlo",
 * Appendix A). The trajectory doubles in a random direction until it turns
 * back, diverges (energy error above 1000) or reaches the maximum depth.
 *
 * The recursion allocates nothing: each tree level owns its scratch vectors.
 */
import { ValueError } from '../core';
import type { Generator } from '../random';
import { prepareChains, runChains, type Init, type StatSpec } from './driver';
import { PhasePoint } from './hamiltonian';
import { hamiltonianResult, hamiltonianSettings, HamiltonianKernel, type HamiltonianOptions, type HamiltonianSettings } from './hmcCommon';
import type { NutsResult } from './result';
import { flatTarget, type FlatTarget, type LogDensityFn, type PositionOf } from './target';

/** Options of {@link nuts}. */
export interface NutsOptions extends HamiltonianOptions {
  /** Maximum tree depth: at most 2^depth − 1 leapfrog steps per transition (default 10). */
  maxTreeDepth?: number;
}

const NUTS_STATS: StatSpec[] = [
  { name: 'acceptProb', dtype: 'float64' },
  { name: 'divergent', dtype: 'bool' },
  { name: 'energy', dtype: 'float64' },
  { name: 'nSteps', dtype: 'int32' },
  { name: 'stepSize', dtype: 'float64' },
  { name: 'treeDepth', dtype: 'int32' },
];

/** log(e^a + e^b). */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Scratch vectors of one level of the recursion. */
class Level {
  readonly pInitEnd: Float64Array;
  readonly pSharpInitEnd: Float64Array;
  readonly rhoInit: Float64Array;
  readonly pFinalBeg: Float64Array;
  readonly pSharpFinalBeg: Float64Array;
  readonly rhoFinal: Float64Array;
  readonly proposeFinal: PhasePoint;

  constructor(d: number) {
    this.pInitEnd = new Float64Array(d);
    this.pSharpInitEnd = new Float64Array(d);
    this.rhoInit = new Float64Array(d);
    this.pFinalBeg = new Float64Array(d);
    this.pSharpFinalBeg = new Float64Array(d);
    this.rhoFinal = new Float64Array(d);
    this.proposeFinal = new PhasePoint(d);
  }
}

/** Whether p♯₋·ρ > 0 and p♯₊·ρ > 0, with ρ = a + b (b may be null). */
function noUturn(pSharpMinus: Float64Array, pSharpPlus: Float64Array, a: Float64Array, b: Float64Array | null): boolean {
  let dm = 0;
  let dp = 0;
  for (let i = 0; i < a.length; i++) {
    const r = b === null ? a[i] : a[i] + b[i];
    dm += pSharpMinus[i] * r;
    dp += pSharpPlus[i] * r;
  }
  return dp > 0 && dm > 0;
}

class NutsKernel extends HamiltonianKernel {
  readonly stats = new Float64Array(NUTS_STATS.length);
  private readonly z: PhasePoint;
  private readonly fwd: PhasePoint;
  private readonly bck: PhasePoint;
  private readonly sample: PhasePoint;
  private readonly propose: PhasePoint;
  private readonly v: Record<'pFF' | 'psFF' | 'pFB' | 'psFB' | 'pBF' | 'psBF' | 'pBB' | 'psBB' | 'rho' | 'rhoFwd' | 'rhoBck', Float64Array>;
  private readonly levels: Level[];
  // Per-transition accumulators of the recursion.
  private eps = 0;
  private h0 = 0;
  private nLeapfrog = 0;
  private sumMetroProb = 0;
  private divergent = false;
  /** log Σ e^{H₀−H} of the subtree the last buildTree call built. */
  private subtreeWeight = -Infinity;

  constructor(target: FlatTarget, rng: Generator, q0: Float64Array, settings: HamiltonianSettings, private readonly maxDepth: number) {
    super(target, rng, q0, settings);
    const d = target.dim;
    this.z = this.scratch;
    this.fwd = new PhasePoint(d);
    this.bck = new PhasePoint(d);
    this.sample = new PhasePoint(d);
    this.propose = new PhasePoint(d);
    const vec = (): Float64Array => new Float64Array(d);
    this.v = {
      pFF: vec(), psFF: vec(), pFB: vec(), psFB: vec(), pBF: vec(), psBF: vec(), pBB: vec(), psBB: vec(),
      rho: vec(), rhoFwd: vec(), rhoBck: vec(),
    };
    this.levels = Array.from({ length: maxDepth + 1 }, () => new Level(d));
  }

  /** p♯ = M⁻¹p of the working point, into `out`. */
  private pSharp(out: Float64Array): void {
    const m = this.ham.invMetric;
    const p = this.z.p;
    for (let i = 0; i < p.length; i++) out[i] = m[i] * p[i];
  }

  transition(adapt: boolean): void {
    const ham = this.ham;
    const { z, fwd, bck, sample, propose, v } = this;
    this.eps = this.jitteredStep();
    z.copyFrom(this.current);
    ham.sampleMomentum(z);
    fwd.copyFrom(z);
    bck.copyFrom(z);
    sample.copyFrom(z);
    propose.copyFrom(z);
    v.pFF.set(z.p);
    this.pSharp(v.psFF);
    v.pFB.set(z.p);
    v.psFB.set(v.psFF);
    v.pBF.set(z.p);
    v.psBF.set(v.psFF);
    v.pBB.set(z.p);
    v.psBB.set(v.psFF);
    v.rho.set(z.p);
    let logSumWeight = 0;
    this.h0 = ham.energy(z);
    this.nLeapfrog = 0;
    this.sumMetroProb = 0;
    this.divergent = false;
    let depth = 0;

    while (depth < this.maxDepth) {
      v.rhoFwd.fill(0);
      v.rhoBck.fill(0);
      let valid: boolean;
      if (this.rng.random() > 0.5) {
        // Extend forward from the forward end.
        z.copyFrom(fwd);
        v.rhoBck.set(v.rho);
        v.pBF.set(v.pFB);
        v.psBF.set(v.psFB);
        valid = this.buildTree(depth, propose, v.psFB, v.psFF, v.rhoFwd, v.pFB, v.pFF, 1);
        fwd.copyFrom(z);
      } else {
        z.copyFrom(bck);
        v.rhoFwd.set(v.rho);
        v.pFB.set(v.pBF);
        v.psFB.set(v.psBF);
        valid = this.buildTree(depth, propose, v.psBF, v.psBB, v.rhoBck, v.pBF, v.pBB, -1);
        bck.copyFrom(z);
      }
      if (!valid) break;
      depth++;
      // Biased progressive sampling: prefer the new subtree in proportion to its weight.
      const w = this.subtreeWeight;
      if (w > logSumWeight) sample.copyFrom(propose);
      else if (this.rng.random() < Math.exp(w - logSumWeight)) sample.copyFrom(propose);
      logSumWeight = logAddExp(logSumWeight, w);
      for (let i = 0; i < v.rho.length; i++) v.rho[i] = v.rhoBck[i] + v.rhoFwd[i];
      // No U-turn over the whole trajectory, nor across the join of its two halves.
      let persist = noUturn(v.psBB, v.psFF, v.rho, null);
      persist = persist && noUturn(v.psBB, v.psFB, v.rhoBck, v.pFB);
      persist = persist && noUturn(v.psBF, v.psFF, v.rhoFwd, v.pBF);
      if (!persist) break;
    }

    const acceptProb = this.sumMetroProb / this.nLeapfrog;
    this.current.copyFrom(sample);
    const st = this.stats;
    st[0] = acceptProb;
    st[1] = this.divergent ? 1 : 0;
    st[2] = ham.energy(sample);
    st[3] = this.nLeapfrog;
    st[4] = this.eps;
    st[5] = depth;
    if (adapt) this.adapt(acceptProb);
  }

  /**
   * Builds a subtree of 2^depth leapfrog steps from the working point in
   * direction `sign`, leaving the end point in `z`, a multinomial draw from
   * it in `propose`, its log weight in `subtreeWeight`, and adding its Σp to
   * `rho`. Returns false on a divergence or a U-turn inside the subtree.
   */
  private buildTree(
    depth: number, propose: PhasePoint, pSharpBeg: Float64Array, pSharpEnd: Float64Array,
    rho: Float64Array, pBeg: Float64Array, pEnd: Float64Array, sign: number,
  ): boolean {
    const z = this.z;
    if (depth === 0) {
      this.ham.leapfrog(z, sign * this.eps);
      this.nLeapfrog++;
      const h = this.ham.energy(z);
      if (h - this.h0 > this.settings.maxEnergyError) this.divergent = true;
      const dh = this.h0 - h;
      this.subtreeWeight = dh;
      this.sumMetroProb += dh > 0 ? 1 : Math.exp(dh);
      propose.copyFrom(z);
      this.pSharp(pSharpBeg);
      pSharpEnd.set(pSharpBeg);
      for (let i = 0; i < rho.length; i++) rho[i] += z.p[i];
      pBeg.set(z.p);
      pEnd.set(z.p);
      return !this.divergent;
    }
    const L = this.levels[depth];
    L.rhoInit.fill(0);
    if (!this.buildTree(depth - 1, propose, pSharpBeg, L.pSharpInitEnd, L.rhoInit, pBeg, L.pInitEnd, sign)) return false;
    const wInit = this.subtreeWeight;
    L.proposeFinal.copyFrom(z);
    L.rhoFinal.fill(0);
    if (!this.buildTree(depth - 1, L.proposeFinal, L.pSharpFinalBeg, pSharpEnd, L.rhoFinal, L.pFinalBeg, pEnd, sign)) return false;
    const wFinal = this.subtreeWeight;
    const wSubtree = logAddExp(wInit, wFinal);
    this.subtreeWeight = wSubtree;
    // Uniform multinomial choice between the halves, by weight.
    if (wFinal > wSubtree) propose.copyFrom(L.proposeFinal);
    else if (this.rng.random() < Math.exp(wFinal - wSubtree)) propose.copyFrom(L.proposeFinal);
    let persist = noUturn(pSharpBeg, pSharpEnd, L.rhoInit, L.rhoFinal);
    persist = persist && noUturn(pSharpBeg, L.pSharpFinalBeg, L.rhoInit, L.pFinalBeg);
    persist = persist && noUturn(L.pSharpInitEnd, pSharpEnd, L.rhoFinal, L.pInitEnd);
    for (let i = 0; i < rho.length; i++) rho[i] += L.rhoInit[i] + L.rhoFinal[i];
    return persist;
  }
}

/**
 * The No-U-Turn sampler (multinomial, as Stan) with gradients by autodiff,
 * dual-averaged step size and a diagonal metric from windowed warm-up.
 * @param logp `(x) => log p(x)` up to a constant, written with numts ops (it is differentiated);
 *   `x` is shaped like `init` (an NDArray, or a tree such as `{ mu, tau }`).
 * @param init the initial point, or `(chain, rng) => point`.
 * @returns draws shaped `(chains, draws, ...)`, acceptance statistics, divergences, tree depths,
 *   leapfrog counts, energies, step sizes and the adapted inverse metric.
 * @throws {ValueError} for bad counts or options, or a non-finite log density or gradient at the initial point.
 * @example
 * const res = nuts((x: NDArray) => np.multiply(-0.5, np.sum(np.square(x))), np.zeros([10]), { rng: 42 });
 * res.draws.shape;     // [4, 1000, 10]
 * res.divergences;     // 0
 * console.log(String(summary(res)));
 */
export function nuts<T>(logp: LogDensityFn<T>, init: Init<T>, opts: NutsOptions = {}): NutsResult<PositionOf<T>> {
  const prepared = prepareChains(init, opts);
  const target = flatTarget(logp, prepared.points[0] as T, opts.logpAndGrad);
  const settings = hamiltonianSettings(opts, target.dim, prepared.warmup, 0.8, 0);
  const maxDepth = opts.maxTreeDepth ?? 10;
  if (!(Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 30)) throw new ValueError(`maxTreeDepth must be an integer in [1, 30], got ${maxDepth}`);
  const run = runChains('nuts', target, prepared, opts, NUTS_STATS, true, (_c, rng, q0) => new NutsKernel(target, rng, q0, settings, maxDepth));
  return {
    sampler: 'nuts',
    draws: run.positions as PositionOf<T>,
    treeDepth: run.stats.treeDepth,
    ...hamiltonianResult(run, target.dim),
  };
}
