/**
 * Bundles the benchmark runner and every suite into benchmarks/.build/ with
 * esbuild (numts from src/, peers external), so `npm run bench` times the code
 * as a user of the built package runs it.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
rmSync(`${dir}.build`, { recursive: true, force: true });
const suites = readdirSync(`${dir}suites`).filter((f) => f.endsWith('.bench.ts'));
await build({
  entryPoints: [`${dir}run.ts`, ...suites.map((f) => `${dir}suites/${f}`)],
  outdir: `${dir}.build`,
  outbase: dir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: `${dir}../tsconfig.json`,
  outExtension: { '.js': '.js' },
  logLevel: 'warning',
});
