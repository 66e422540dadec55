/**
 * Optimize: whole `minimize` solves on the 10-D Rosenbrock function from
 * x0 = 0 (BFGS, L-BFGS-B and SLSQP; numts differentiates the objective with
 * autodiff, SciPy is given its hand-written vectorised `rosen_der`), and 1000
 * Adam steps on 1e5 parameters (numts' in-place `update` against the book's
 * NumPy Adam class). Iteration counts are in the case names (SciPy's from
 * tests/fixtures/optimize/problems.json, the same problem).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_DIR } from '../paths';
import * as np from '../../src/index';
import { Adam, minimize, type Method } from '../../src/optimize';
import type { BenchCase } from '../harness';

type A = np.NDArray;
const here = resolve(BENCH_DIR, 'suites');
const fixture = JSON.parse(readFileSync(resolve(here, '../../tests/fixtures/optimize/problems.json'), 'utf8')) as {
  runs: { problem: string; method: string; nit: number; nfev: number }[];
};

/** SciPy's chained Rosenbrock function, written as a numts user would. */
const rosen = (x: A): A => {
  const a = x.get('1:');
  const b = x.get(':-1');
  return np.sum(np.add(np.multiply(100, np.square(np.subtract(a, np.square(b)))), np.square(np.subtract(1, b)))) as unknown as A;
};

function solveCase(method: Method): BenchCase {
  const ours = minimize(rosen, np.zeros([10]), { method });
  const scipy = fixture.runs.find((r) => r.problem === 'rosen10' && r.method === method)!;
  return {
    name: `${method} rosen 10-D (nit ${ours.nit}/${scipy.nit}, nfev ${ours.nfev}/${scipy.nfev})`,
    group: 'optimize',
    numts: () => () => minimize(rosen, np.zeros([10]), { method }),
    numpy: {
      setup: 'from scipy.optimize import minimize, rosen, rosen_der\nx0 = np.zeros(10)',
      stmt: `minimize(rosen, x0, method='${method}', jac=rosen_der)`,
    },
  };
}

const N = 100_000;
const STEPS = 1000;

export const cases: BenchCase[] = [
  solveCase('BFGS'),
  solveCase('L-BFGS-B'),
  solveCase('SLSQP'),
  {
    name: `Adam ${STEPS} steps, ${N} params`,
    group: 'optimize',
    numts: () => {
      const g = np.multiply(np.linspace(-1, 1, N), 0.5) as A;
      return () => {
        const w = np.ones([N]);
        const adam = new Adam({ lr: 0.001 });
        for (let k = 0; k < STEPS; k++) adam.update(w, g);
        return w;
      };
    },
    numpy: {
      setup: [
        'class Adam:',
        '    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):',
        '        self.lr = lr; self.beta1, self.beta2, self.eps = beta1, beta2, eps; self.m = None; self.v = None; self.t = 0',
        '    def step(self, w, grad):',
        '        self.t += 1',
        '        if self.m is None:',
        '            self.m = np.zeros_like(w); self.v = np.zeros_like(w)',
        '        self.m = self.beta1 * self.m + (1 - self.beta1) * grad',
        '        self.v = self.beta2 * self.v + (1 - self.beta2) * grad**2',
        '        m_hat = self.m / (1 - self.beta1**self.t)',
        '        v_hat = self.v / (1 - self.beta2**self.t)',
        '        w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)',
        '        return w',
        `g = np.linspace(-1, 1, ${N}) * 0.5`,
        'def run():',
        `    w = np.ones(${N}); opt = Adam(lr=0.001)`,
        `    for _ in range(${STEPS}): opt.step(w, g)`,
        '    return w',
      ].join('\n'),
      stmt: 'run()',
    },
  },
];
