/** Printing: NumPy-exact str/repr of arrays and Python-style number formatting. */
import * as math from 'mathjs';
import * as np from '../../src/index';
import type { BenchCase } from '../harness';

/** Deterministic pseudo-random normals (no dependency on the random module). */
function normals(n: number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = (s + 1) / 2147483649;
    s = (s * 1103515245 + 12345) % 2147483648;
    const v = (s + 1) / 2147483649;
    out[i] = scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    group: 'print',
    name: 'str of (1000,) float64 normals',
    numts: () => {
      const a = new np.NDArray(normals(1000), [1000], 'float64');
      return () => String(a);
    },
    mathjs: () => {
      const m = math.matrix(Array.from(normals(1000)));
      return () => math.format(m, { precision: 8 });
    },
    numpy: { setup: 'a=np.random.default_rng(0).standard_normal(1000)', stmt: 'str(a)' },
  },
  {
    group: 'print',
    name: 'repr of (100,100) float64 normals (summarised)',
    numts: () => {
      const a = new np.NDArray(normals(10000), [100, 100], 'float64');
      return () => np.repr(a);
    },
    numpy: { setup: 'a=np.random.default_rng(0).standard_normal((100,100))', stmt: 'repr(a)' },
  },
  {
    group: 'print',
    name: 'str of (30,30) mixed magnitudes (scientific)',
    numts: () => {
      const d = normals(900);
      for (let i = 0; i < d.length; i++) d[i] *= 10 ** ((i % 23) - 11);
      const a = new np.NDArray(d, [30, 30], 'float64');
      return () => String(a);
    },
    numpy: { setup: 'a=np.random.default_rng(0).standard_normal(900)*10.0**(np.arange(900)%23-11); a=a.reshape(30,30)', stmt: 'str(a)' },
  },
  {
    group: 'print',
    name: "format(x, '.4f') x1000",
    numts: () => {
      const xs = normals(1000);
      return () => {
        let n = 0;
        for (let i = 0; i < xs.length; i++) n += np.format(xs[i], '.4f').length;
        return n;
      };
    },
    numpy: { setup: 'import random; xs=[random.gauss(0,1) for _ in range(1000)]', stmt: "[format(x, '.4f') for x in xs]" },
  },
];
