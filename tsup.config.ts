import { defineConfig } from 'tsup';

/** One entry per public subpath; shared code goes into chunks so that every subpath sees the same NDArray class. */
export const entries = {
  index: 'src/index.ts',
  'linalg/index': 'src/linalg/index.ts',
  'random/index': 'src/random/index.ts',
  'autodiff/index': 'src/autodiff/index.ts',
  'stats/index': 'src/stats/index.ts',
  'optimize/index': 'src/optimize/index.ts',
  'mcmc/index': 'src/mcmc/index.ts',
  'ml/index': 'src/ml/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  outDir: 'dist',
});
