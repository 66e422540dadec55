/**
 * `npm run bench [-- group…] [-- --report]`: runs every suite in
 * benchmarks/suites/ and prints numts beside ml-matrix, mathjs and NumPy
 * (when python3 with numpy is present) as times and ratios.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeIt, type BenchCase } from './harness';
import { BENCH_DIR } from './paths';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const here = BENCH_DIR;
// Bundled (benchmarks/.build/suites/*.bench.js) when run by `npm run bench`, sources under tsx.
const bundled = import.meta.url.includes('/.build/');
const suitesDir = bundled ? resolve(here, '.build', 'suites') : resolve(here, 'suites');
const suiteExt = bundled ? '.bench.js' : '.bench.ts';

async function loadCases(): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (const f of readdirSync(suitesDir).filter((f) => f.endsWith(suiteExt)).sort()) {
    const mod = (await import(pathToFileURL(resolve(suitesDir, f)).href)) as { cases: BenchCase[] };
    cases.push(...mod.cases);
  }
  return args.length ? cases.filter((c) => args.includes(c.group)) : cases;
}

function numpyTimes(cases: BenchCase[]): Record<string, number> | null {
  const specs = cases.filter((c) => c.numpy).map((c) => ({ name: c.name, ...c.numpy! }));
  if (specs.length === 0) return {};
  const r = spawnSync('python3', [resolve(here, 'numpy_bench.py')], { input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.warn(`(NumPy column skipped: ${r.error?.message ?? r.stderr.split('\n').slice(-2).join(' ')})`);
    return null;
  }
  return JSON.parse(r.stdout) as Record<string, number>;
}

const fmt = (ms: number | undefined): string => (ms === undefined ? '—' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const ratio = (peer: number | undefined, ours: number): string => (peer === undefined ? '—' : `${(peer / ours).toFixed(2)}x`);

export interface BenchRow {
  group: string;
  name: string;
  numts: number;
  mlMatrix?: number;
  mathjs?: number;
  numpy?: number;
  rate?: string;
}

async function main(): Promise<void> {
  const cases = await loadCases();
  const np = numpyTimes(cases) ?? {};
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const ours = timeIt(c.numts());
    const row: BenchRow = { group: c.group, name: c.name, numts: ours };
    if (c.mlMatrix) row.mlMatrix = timeIt(c.mlMatrix());
    if (c.mathjs) row.mathjs = timeIt(c.mathjs());
    if (np[c.name] !== undefined) row.numpy = np[c.name];
    if (c.work) row.rate = `${(c.work.amount / (ours * 1e6)).toFixed(2)} G${c.work.unit}/s`;
    rows.push(row);
    console.log(
      `${c.group.padEnd(9)} ${c.name.padEnd(44)} numts ${fmt(ours).padStart(10)}` +
        `  | ml-matrix ${fmt(row.mlMatrix).padStart(10)} (${ratio(row.mlMatrix, ours)})` +
        `  | mathjs ${fmt(row.mathjs).padStart(10)} (${ratio(row.mathjs, ours)})` +
        `  | NumPy ${fmt(row.numpy).padStart(10)} (${ratio(row.numpy, ours)})` +
        (row.rate ? `  | ${row.rate}` : ''),
    );
  }
  console.log('\nratio = peer time / numts time (above 1: numts is faster; NumPy single-threaded BLAS).');
  if (process.argv.includes('--report')) {
    const { writeReport } = await import('./report'); // vega is loaded only for the report
    for (const f of await writeReport(rows)) console.log(`wrote ${f}`);
  }
}

void main();
