/**
 * MCMC: effective samples per second, as time per fixed number of effective
 * samples (bulk ESS, Vehtari et al. 2021; for several parameters the smallest).
 * Each implementation runs as many iterations as its own pilot run (same seed,
 * same settings, so the timed chain is a prefix of the pilot) says it needs,
 * so the time ratio is the ratio of ESS per second.
 *
 * - The book's mixture 0.3·N(−2,1) + 0.7·N(3,1), one chain, per 1000 ESS,
 *   1000 burn-in iterations included: the book's plain-Python MH loop
 *   (listing ch10_04, step 1, pdf ratio) against numts `metropolis` with the
 *   book's settings (σ = 1, no adaptation), with its default adapted σ, and with
 *   a plain-JavaScript log density (the sampler without the ops' overhead).
 * - A 10-D correlated Gaussian (Σ_ij = 0.7^|i−j|), per 100 ESS, post-warm-up
 *   sampling (adapted step size and metric from a pilot): numts `nuts` with
 *   autodiff gradients and with a hand-written gradient, against the book's
 *   MH loop in 10-D (isotropic step 0.4, the best of 0.3–0.5).
 */
import { resolve } from 'node:path';
import { BENCH_DIR } from '../paths';
import * as np from '../../src/index';
import type { NDArray } from '../../src/index';
import { ess, metropolis, nuts } from '../../src/mcmc';
import type { BenchCase } from '../harness';

const fixtures = resolve(BENCH_DIR, '../scripts/fixtures');

// ---- The book's mixture ----------------------------------------------------

const mixtureOps = (x: NDArray) =>
  np.log(np.add(np.multiply(0.3, np.exp(np.multiply(-0.5, np.square(np.add(x, 2))))), np.multiply(0.7, np.exp(np.multiply(-0.5, np.square(np.subtract(x, 3)))))));
const mixtureJs = (x: NDArray) => {
  const v = x.data[0];
  return Math.log(0.3 * Math.exp(-0.5 * (v + 2) ** 2) + 0.7 * Math.exp(-0.5 * (v - 3) ** 2));
};

/** Smallest bulk ESS over parameters of a one-chain run. */
function minEss(draws: NDArray): number {
  const e = ess(draws);
  return typeof e === 'number' ? e : Math.min(...(e.toArray() as number[]));
}

/** Draws needed for `target` ESS, from a pilot of `pilot` draws with the same settings. */
function drawsFor(run: (draws: number) => NDArray, target: number, pilot: number): number {
  return Math.ceil((target * pilot) / minEss(run(pilot)));
}

function mhCase(name: string, logp: (x: NDArray) => NDArray | number, settings: object): BenchCase {
  return {
    group: 'mcmc',
    name,
    numts: () => {
      const run = (draws: number) => metropolis(logp, 0, { rng: 0, chains: 1, warmup: 1000, draws, ...settings }).draws as NDArray;
      const n = drawsFor(run, 1000, 50000);
      return () => run(n);
    },
    numpy: { setup: BOOK_MIXTURE, stmt: 'np.random.seed(0); metropolis_hastings(target_pdf, n_samples=N + 1000)' },
  };
}

/** The book's listing, then a pilot run sizing N for 1000 ESS after 1000 burn-in. */
const BOOK_MIXTURE = `
import sys, math
sys.path.insert(0, ${JSON.stringify(fixtures)})
from mcmc_diagnostics import ess_by
def target_pdf(x):
    return 0.3 * np.exp(-0.5 * (x + 2)**2) + 0.7 * np.exp(-0.5 * (x - 3)**2)
def metropolis_hastings(target, n_samples=10000, step_size=1.0):
    samples = []
    x = 0.0
    for _ in range(n_samples):
        x_new = x + np.random.normal(0, step_size)
        acceptance = target(x_new) / target(x)
        if np.random.random() < acceptance:
            x = x_new
        samples.append(x)
    return np.array(samples)
np.random.seed(0)
_pilot = metropolis_hastings(target_pdf, n_samples=51000)[1000:]
N = math.ceil(1000 * len(_pilot) / ess_by(_pilot[None, :], 'bulk'))
`;

// ---- 10-D correlated Gaussian -----------------------------------------------

const D = 10;
const RHO = 0.7;
const COV = np.array(Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => RHO ** Math.abs(i - j))));
const PREC = np.linalg.inv(COV);
const precision = PREC.data as Float64Array;
const gaussOps = (x: NDArray) => np.multiply(-0.5, np.sum(np.multiply(x, np.matmul(PREC, x))));
const gaussGrad = (x: Float64Array, g: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < D; i++) {
    let acc = 0;
    for (let j = 0; j < D; j++) acc += precision[i * D + j] * x[j];
    g[i] = -acc;
    s += x[i] * acc;
  }
  return -0.5 * s;
};

function nutsCase(name: string, fast: boolean): BenchCase {
  return {
    group: 'mcmc',
    name,
    numts: () => {
      const grad = fast ? { logpAndGrad: gaussGrad } : {};
      const pilot = nuts(gaussOps, np.zeros([D]), { rng: 0, chains: 1, warmup: 1000, draws: 200, ...grad });
      const adapted = {
        rng: 1, chains: 1, warmup: 0, adaptStepSize: false,
        stepSize: pilot.stepSize.item() as number, invMetric: pilot.invMetric.get(0) as unknown as NDArray, ...grad,
      };
      const start = (pilot.draws as NDArray).get(0, -1) as unknown as NDArray;
      const run = (draws: number) => nuts(gaussOps, start, { ...adapted, draws }).draws as NDArray;
      const n = drawsFor(run, 100, 2000);
      return () => run(n);
    },
    numpy: { setup: BOOK_GAUSS10, stmt: 'np.random.seed(0); mh10(target10, N, 0.4)' },
  };
}

/** The book's loop in 10-D (pdf ratio, isotropic normal steps), and a pilot sizing N for 100 ESS. */
const BOOK_GAUSS10 = `
import sys, math
sys.path.insert(0, ${JSON.stringify(fixtures)})
from mcmc_diagnostics import ess_by
d = ${D}
S = ${RHO} ** np.abs(np.subtract.outer(np.arange(d), np.arange(d)))
P = np.linalg.inv(S)
def target10(x):
    return np.exp(-0.5 * x @ P @ x)
def mh10(target, n_samples, step_size):
    samples = []
    x = np.zeros(d)
    for _ in range(n_samples):
        x_new = x + np.random.normal(0, step_size, size=d)
        acceptance = target(x_new) / target(x)
        if np.random.random() < acceptance:
            x = x_new
        samples.append(x)
    return np.array(samples)
np.random.seed(0)
_pilot = mh10(target10, 40000, 0.4)
N = math.ceil(100 * len(_pilot) / min(ess_by(_pilot[None, :, k], 'bulk') for k in range(d)))
`;

export const cases: BenchCase[] = [
  mhCase("MH book's mixture, book σ=1, per 1000 ESS", mixtureOps, { scale: 1, adaptScale: false }),
  mhCase("MH book's mixture, adapted σ, per 1000 ESS", mixtureOps, {}),
  mhCase("MH book's mixture, JS logp, adapted σ, /1000 ESS", mixtureJs, {}),
  nutsCase('NUTS 10-D corr. Gaussian, autodiff, per 100 ESS', false),
  nutsCase('NUTS 10-D corr. Gaussian, JS grad, per 100 ESS', true),
];
