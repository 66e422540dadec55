/**
 * What every sampler shares: chains with independent random streams
 * (spawned from one Generator, so the same seed gives the same draws),
 * initial points, warm-up then `draws × thin` iterations keeping every
 * `thin`-th, progress reports, and the (chains, draws, ...) result arrays.
 */
import { NDArray, ValueError } from '../core';
import { defaultRng, type Generator, type RngSeed } from '../random';
import type { FlatTarget } from './target';

/** Progress of a run, passed to {@link RunOptions.progress}. */
export interface ProgressInfo {
  readonly sampler: string;
  /** Chain index (0-based) and number of chains; chains run one after another. */
  readonly chain: number;
  readonly chains: number;
  /** Iterations done in this chain (1-based) of `iterations` (warm-up included). */
  readonly iteration: number;
  readonly iterations: number;
  readonly phase: 'warmup' | 'sampling';
  /** Mean acceptance statistic over this phase so far. */
  readonly acceptRate: number;
  /** Divergent transitions in this chain so far (post-warm-up). */
  readonly divergences: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
}

/** Options every sampler takes. */
export interface RunOptions {
  /** Number of chains (default 4). */
  chains?: number;
  /** Draws kept per chain after warm-up (default 1000). */
  draws?: number;
  /** Warm-up (burn-in) iterations per chain, discarded; adaptation happens here (default 1000). */
  warmup?: number;
  /** Keep every `thin`-th iteration after warm-up: `draws × thin` iterations run (default 1). */
  thin?: number;
  /** A Generator or a seed for `defaultRng`; each chain gets a spawned child stream. */
  rng?: RngSeed;
  /** Add U(−j, j) to every coordinate of each chain's initial point, so chains start apart (default 0). */
  initJitter?: number;
  /** Called every `progressEvery` iterations and at the end of each chain. */
  progress?: (info: ProgressInfo) => void;
  /** Default: 1% of a chain's iterations. */
  progressEvery?: number;
}

/** One chain's transition kernel, as a sampler builds it. */
export interface ChainKernel {
  /** Current position (read after each transition). */
  readonly position: Float64Array;
  /** log p at the current position. */
  readonly logp: number;
  /** Statistics of the last transition, in the order of the sampler's stat list. */
  readonly stats: Float64Array;
  /** One iteration; `adapt` during warm-up. */
  transition(adapt: boolean): void;
  /** Called once after warm-up (fixes adapted parameters). */
  endWarmup(): void;
}

/** A per-draw statistic: its name and how it is stored. */
export interface StatSpec {
  readonly name: string;
  readonly dtype: 'float64' | 'int32' | 'bool';
}

/** The raw output of {@link runChains}. */
export interface RunOutput<K extends ChainKernel> {
  readonly chains: number;
  readonly draws: number;
  readonly warmup: number;
  readonly thin: number;
  /** Per-leaf draw arrays shaped like init with leading (chains, draws). */
  readonly positions: unknown;
  readonly logp: NDArray;
  readonly stats: Record<string, NDArray>;
  /** Divergent transitions after warm-up, all chains, thinned-out iterations included. */
  readonly divergences: number;
  readonly kernels: K[];
  readonly timeMs: { readonly warmup: number; readonly sampling: number };
}

function count(v: number | undefined, dflt: number, name: string, min: number): number {
  const n = v ?? dflt;
  if (!Number.isInteger(n) || n < min) throw new ValueError(`${name} must be an integer >= ${min}, got ${n}`);
  return n;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** An initial point for every chain, or a function giving chain `c`'s from its random stream. */
export type Init<T> = T | ((chain: number, rng: Generator) => T);

/** The checked run lengths, each chain's random stream (spawned from `opts.rng`) and initial point. */
export interface Prepared {
  readonly draws: number;
  readonly warmup: number;
  readonly thin: number;
  readonly jitter: number;
  readonly rngs: Generator[];
  readonly points: unknown[];
}

/** Checks the run options, spawns the chains' streams and evaluates `init` for each. @throws {ValueError} for bad counts. */
export function prepareChains(init: unknown, opts: RunOptions): Prepared {
  const chains = count(opts.chains, 4, 'chains', 1);
  const draws = count(opts.draws, 1000, 'draws', 1);
  const warmup = count(opts.warmup, 1000, 'warmup', 0);
  const thin = count(opts.thin, 1, 'thin', 1);
  const jitter = opts.initJitter ?? 0;
  if (!(jitter >= 0 && Number.isFinite(jitter))) throw new ValueError(`initJitter must be a finite number >= 0, got ${jitter}`);
  const rngs = defaultRng(opts.rng).spawn(chains);
  const points = rngs.map((rng, c) => (typeof init === 'function' ? (init as (c: number, r: Generator) => unknown)(c, rng) : init));
  return { draws, warmup, thin, jitter, rngs, points };
}

/**
 * Starts each chain: initial point (jittered), a kernel from `make`, then
 * warm-up and sampling, collecting draws and statistics.
 * @throws {ValueError} for bad counts, or when no initial point has a finite log density (and gradient).
 */
export function runChains<K extends ChainKernel>(
  sampler: string,
  target: FlatTarget,
  prepared: Prepared,
  opts: RunOptions,
  statSpecs: readonly StatSpec[],
  needsGrad: boolean,
  make: (chain: number, rng: Generator, q0: Float64Array) => K,
): RunOutput<K> {
  const { rngs, points, draws, warmup, thin, jitter } = prepared;
  const chains = rngs.length;
  const every = count(opts.progressEvery, Math.max(1, Math.floor((warmup + draws * thin) / 100)), 'progressEvery', 1);
  const d = target.dim;
  const positions = new Float64Array(chains * draws * d);
  const logp = new Float64Array(chains * draws);
  const stats = statSpecs.map(() => new Float64Array(chains * draws));
  const kernels: K[] = [];
  const t0 = now();
  let warmupMs = 0;
  let samplingMs = 0;
  const divIndex = statSpecs.findIndex((s) => s.name === 'divergent');
  const accIndex = statSpecs.findIndex((s) => s.name === 'acceptProb');
  const iterations = warmup + draws * thin;
  let totalDivergences = 0;

  for (let c = 0; c < chains; c++) {
    const rng = rngs[c];
    const q0 = initialPoint(target, points[c], c, rng, jitter, needsGrad);
    const kernel = make(c, rng, q0);
    kernels.push(kernel);
    let accSum = 0;
    let divergences = 0;
    let phaseStart = 0;
    const report = (it: number, phase: 'warmup' | 'sampling'): void => {
      if (opts.progress === undefined) return;
      if (it % every !== 0 && it !== iterations) return;
      opts.progress({
        sampler, chain: c, chains, iteration: it, iterations, phase,
        acceptRate: accSum / (it - phaseStart), divergences, elapsedMs: now() - t0,
      });
    };
    let ts = now();
    for (let it = 0; it < warmup; it++) {
      kernel.transition(true);
      if (accIndex >= 0) accSum += kernel.stats[accIndex];
      report(it + 1, 'warmup');
    }
    kernel.endWarmup();
    warmupMs += now() - ts;
    ts = now();
    accSum = 0;
    phaseStart = warmup;
    for (let it = 0; it < draws * thin; it++) {
      kernel.transition(false);
      const st = kernel.stats;
      if (accIndex >= 0) accSum += st[accIndex];
      if (divIndex >= 0 && st[divIndex]) divergences++;
      if (it % thin === 0) {
        const k = c * draws + it / thin;
        positions.set(kernel.position, k * d);
        logp[k] = kernel.logp;
        for (let s = 0; s < stats.length; s++) stats[s][k] = st[s];
      }
      report(warmup + it + 1, 'sampling');
    }
    samplingMs += now() - ts;
    totalDivergences += divergences;
  }

  const statArrays: Record<string, NDArray> = {};
  statSpecs.forEach((spec, s) => {
    const src = stats[s];
    const data = spec.dtype === 'float64' ? src : spec.dtype === 'int32' ? Int32Array.from(src) : Uint8Array.from(src, (v) => (v ? 1 : 0));
    statArrays[spec.name] = new NDArray(data, [chains, draws], spec.dtype);
  });
  return {
    chains,
    draws,
    warmup,
    thin,
    positions: positionArrays(target, positions, chains, draws),
    logp: new NDArray(logp, [chains, draws], 'float64'),
    stats: statArrays,
    divergences: totalDivergences,
    kernels,
    timeMs: { warmup: warmupMs, sampling: samplingMs },
  };
}

/** Draws per leaf, shaped (chains, draws, ...leaf shape), in init's structure. */
function positionArrays(target: FlatTarget, flat: Float64Array, chains: number, draws: number): unknown {
  const d = target.dim;
  const n = chains * draws;
  let off = 0;
  const leaves = target.shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const out = new Float64Array(n * size);
    for (let k = 0; k < n; k++) out.set(flat.subarray(k * d + off, k * d + off + size), k * size);
    off += size;
    return new NDArray(out, [chains, draws, ...shape], 'float64');
  });
  const probe = target.toPosition(new Float64Array(d));
  if (probe instanceof NDArray) return leaves[0];
  return rebuild(probe, leaves);
}

/** `leaves` placed in the structure of `probe` (a tree of NDArrays), in order. */
function rebuild(probe: unknown, leaves: NDArray[]): unknown {
  let k = 0;
  const walk = (x: unknown): unknown => {
    if (x instanceof NDArray) return leaves[k++];
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const key of Object.keys(x)) o[key] = walk((x as Record<string, unknown>)[key]);
      return o;
    }
    return x;
  };
  return walk(probe);
}

/** Whether log p (and, when needed, its gradient) is finite at q. */
function finiteAt(target: FlatTarget, q: Float64Array, needsGrad: boolean): { ok: boolean; value: number } {
  if (!needsGrad) {
    const v = target.logp(q);
    return { ok: Number.isFinite(v), value: v };
  }
  const g = new Float64Array(q.length);
  const v = target.logpGrad(q, g);
  return { ok: Number.isFinite(v) && g.every(Number.isFinite), value: v };
}

/**
 * A chain's starting point plus U(−j, j) jitter. With jitter, up to 100 draws
 * are tried until log p is finite (as Stan retries random inits).
 */
function initialPoint(target: FlatTarget, point: unknown, chain: number, rng: Generator, jitter: number, needsGrad: boolean): Float64Array {
  const base = target.toFlat(point);
  const tries = jitter > 0 ? 100 : 1;
  let last = NaN;
  for (let t = 0; t < tries; t++) {
    const q = Float64Array.from(base);
    if (jitter > 0) for (let i = 0; i < q.length; i++) q[i] += jitter * (2 * rng.random() - 1);
    const { ok, value } = finiteAt(target, q, needsGrad);
    if (ok) return q;
    last = value;
  }
  const what = needsGrad ? 'log density and gradient' : 'log density';
  throw new ValueError(
    `chain ${chain}: the ${what} must be finite at the initial point (log p = ${last}${jitter > 0 ? ', after 100 jittered tries' : ''}); choose another init`,
  );
}

/** Row means of a (chains, draws) array. */
export function chainMeans(a: NDArray): NDArray {
  const [c, n] = a.shape;
  const out = new Float64Array(c);
  const data = a.data;
  for (let i = 0; i < c; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Number(data[i * n + j]);
    out[i] = s / n;
  }
  return new NDArray(out, [c], 'float64');
}
