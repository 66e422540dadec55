/**
 * Where the benchmark sources live, whether this code runs from them (tsx) or
 * from the bundle in benchmarks/.build/ (`npm run bench` bundles first: code
 * run under tsx's loader pays a detached-buffer check in every typed-array
 * loop, ~20%, which a user of the built package does not).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findBenchDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(resolve(dir, 'numpy_bench.py'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('benchmarks/: numpy_bench.py not found above this file');
}

/** benchmarks/ (holding numpy_bench.py, suites/, REPORT.md). */
export const BENCH_DIR = findBenchDir();
