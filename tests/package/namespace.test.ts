/**
 * The `np` namespace shows NumPy's API and nothing of the machinery: no
 * primitives (`sumP`), no layer helpers (`sumTo`, `scalarOrArray`), no
 * installation markers. Those live in `src/ops/internal.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import * as internal from '../../src/ops/internal';

describe('the np namespace', () => {
  const names = Object.keys(np);

  it('exports no primitives or internal helpers', () => {
    expect(names.filter((n) => /^[a-z][A-Za-z0-9]*P$/.test(n))).toEqual([]);
    expect(names.filter((n) => n in internal)).toEqual([]);
    expect(names.filter((n) => /Installed$/.test(n))).toEqual([]);
  });

  it('has the NumPy names the book uses', () => {
    for (const n of ['array', 'zeros', 'linspace', 'arange', 'dot', 'cross', 'einsum', 'mean', 'var', 'std', 'cov', 'corrcoef', 'clip', 'log2', 'diag', 'format', 'repr']) {
      expect(names, n).toContain(n);
    }
    for (const n of ['norm', 'matrixRank', 'det', 'inv', 'eig', 'eigvalsh', 'svd', 'solve']) expect(Object.keys(np.linalg), n).toContain(n);
    for (const n of ['seed', 'randn', 'normal', 'uniform', 'random', 'permutation', 'defaultRng']) expect(Object.keys(np.random), n).toContain(n);
  });
});
