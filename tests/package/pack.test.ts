/**
 * The package as a user installs it: `npm pack` the repository, install the
 * tarball into a fresh project (offline: numts has no runtime dependencies),
 * then from that project import every subpath from ESM and from CommonJS,
 * type-check a consumer (ESM and CJS) against the shipped .d.ts/.d.cts with
 * the repository's tsc, and bundle a file that imports only `numts/linalg`
 * with esbuild to check that no MCMC code comes along.
 *
 * Uses dist/ as it is (`npm test` builds first); run alone with no dist/, it builds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const specifiers = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));

let work = '';
let app = '';
let libCheck: { status: number | null; out: string } | null = null;

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

beforeAll(() => {
  if (!existsSync(resolve(ROOT, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  work = mkdtempSync(join(tmpdir(), 'numts-pack-'));
  const packed = run('npm', ['pack', '--pack-destination', work, '--json', '--ignore-scripts'], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.out}`);
  const tarball = join(work, (JSON.parse(packed.out.slice(packed.out.indexOf('['))) as { filename: string }[])[0].filename);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'numts-consumer', private: true, type: 'module' }));
  const installed = run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], app);
  if (installed.status !== 0) throw new Error(`npm install of the tarball failed:\n${installed.out}`);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships dist/ and README, not sources or tests', () => {
    const files = run('tar', ['-tzf', join(work, `${pkg.name}-${JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version}.tgz`)], work).out;
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.cts');
    expect(files).toContain('package/README.md');
    expect(files).not.toMatch(/package\/(src|tests|benchmarks|scripts)\//);
  });

  it('every subpath imports from ESM, and they share one NDArray class', () => {
    const script = [
      `import * as np from '${pkg.name}';`,
      ...specifiers.map((s, i) => `import * as m${i} from '${s}';`),
      `const mods = [${specifiers.map((_, i) => `m${i}`).join(', ')}];`,
      `if (mods.some((m) => Object.keys(m).length === 0)) throw new Error('empty module');`,
      `const inv = m${specifiers.indexOf(`${pkg.name}/linalg`)}.inv([[2, 0], [0, 4]]);`,
      `console.log(inv instanceof np.NDArray, String(inv), np.sum([1, 2, 3]));`,
    ].join('\n');
    writeFileSync(join(app, 'esm.mjs'), script);
    const r = run(process.execPath, ['esm.mjs'], app);
    expect(r.out.trim(), r.out).toBe('true [[0.5  0.  ]\n [0.   0.25]] 6');
  });

  it('every subpath requires from CommonJS', () => {
    const script = [
      `const np = require('${pkg.name}');`,
      `const mods = ${JSON.stringify(specifiers)}.map((s) => require(s));`,
      `if (mods.some((m) => Object.keys(m).length === 0)) throw new Error('empty module');`,
      `const la = require('${pkg.name}/linalg');`,
      `console.log(la.det([[1, 2], [3, 4]]), la.inv([[2]]) instanceof np.NDArray);`,
    ].join('\n');
    writeFileSync(join(app, 'cjs.cjs'), script);
    const r = run(process.execPath, ['cjs.cjs'], app);
    expect(r.out.trim(), r.out).toBe('-2 true');
  });

  it('type-checks a consumer against the shipped .d.ts (ESM) and .d.cts (CJS)', () => {
    writeFileSync(
      join(app, 'consumer.mts'),
      `import * as np from 'numts';
import { svd, det } from 'numts/linalg';
import { defaultRng } from 'numts/random';
import { grad } from 'numts/autodiff';
import { Normal } from 'numts/stats';
import { minimize } from 'numts/optimize';
import { rhat } from 'numts/mcmc';
import { PCA, datasets } from 'numts/ml';
// @ts-expect-error: not an export (so the types are real, not any)
import { noSuchExport } from 'numts/linalg';

const a: np.NDArray = np.array([[2, 1], [1, 3]]);
const total: number = np.sum(a);
const d: number = det([[2, 1], [1, 3]]);
const { S } = svd(a);
const x: np.NDArray = defaultRng(0).standardNormal([3]);
const gen: np.random.Generator = np.random.defaultRng(1);
const size: np.random.Size = [2, 2];
const g = grad((v: np.NDArray) => np.sum(np.square(v)))(np.array([1, 2]));
const p: number = new Normal(0, 1).cdf(0) as number;
const r = minimize((v: np.NDArray) => np.sum(np.square(v)), [1, 1]);
const fun: number = r.fun;
const rh = rhat(np.zeros([2, 10]));
const pca = new PCA({ nComponents: 2 }).fit(datasets.loadIris().data);
// @ts-expect-error: a full reduction is a number, not a string
const wrong: string = np.sum(a);
export { total, d, S, x, gen, size, g, p, fun, rh, pca, wrong, noSuchExport };
`,
    );
    writeFileSync(
      join(app, 'consumer.cts'),
      `import np = require('numts');
import linalg = require('numts/linalg');
const a: np.NDArray = np.eye(2);
const d: number = linalg.det([[1, 0], [0, 1]]);
// @ts-expect-error: not an export
linalg.noSuchExport;
export = { a, d };
`,
    );
    const tsc = (skipLibCheck: boolean) => {
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022'],
            types: [],
            strict: true,
            noEmit: true,
            skipLibCheck,
          },
          files: ['consumer.mts', 'consumer.cts'],
        }),
      );
      return run(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    };
    const r = tsc(true);
    expect(r.out.trim(), r.out).toBe('');
    expect(r.status).toBe(0);
    libCheck = tsc(false);
  }, 60_000);

  // rollup-plugin-dts declares namespace members imported from another .d.ts chunk as values
  // (`declare const X: typeof X`), which breaks `np.random.Size` (TS2693) and `np.random.Generator`
  // as types; scripts/fix-dts.mjs (part of `npm run build`) repairs them. With it, the shipped
  // declarations type-check on their own.
  it('the shipped .d.ts files type-check on their own (skipLibCheck: false)', () => {
    expect(libCheck, 'run after the consumer test').not.toBeNull();
    expect(libCheck!.out.split('\n').filter((l) => l.includes('error TS')), libCheck!.out).toEqual([]);
  });

  it('a bundle importing only numts/linalg contains no MCMC code (tree-shaking)', async () => {
    writeFileSync(join(app, 'only-linalg.mjs'), `import { det, svd } from 'numts/linalg';\nconsole.log(det([[1, 2], [3, 4]]), String(svd([[3, 0], [0, 4]], { computeUv: false })));\n`);
    writeFileSync(join(app, 'with-mcmc.mjs'), `import { nuts } from 'numts/mcmc';\nconsole.log(typeof nuts);\n`);
    const bundle = async (entry: string) =>
      (await build({ entryPoints: [join(app, entry)], bundle: true, write: false, format: 'esm', platform: 'node', absWorkingDir: app, logLevel: 'silent' }))
        .outputFiles[0].text;
    const linalgOnly = await bundle('only-linalg.mjs');
    const withMcmc = await bundle('with-mcmc.mjs');
    // Strings only the samplers hold (their option checks); the control bundle proves they survive bundling.
    const mcmcMarkers = ['maxTreeDepth must be', 'targetAccept must be in'];
    for (const m of mcmcMarkers) {
      expect(withMcmc, `control: ${m} in an mcmc bundle`).toContain(m);
      expect(linalgOnly, `${m} in a linalg-only bundle`).not.toContain(m);
    }
    writeFileSync(join(app, 'bundle.mjs'), linalgOnly);
    const r = run(process.execPath, ['bundle.mjs'], app);
    expect(r.out.trim(), r.out).toBe('-2 [4. 3.]');
  }, 60_000);
});
