/**
 * The published entry points: every subpath of package.json's `exports` map
 * loads from the built dist/ through Node's own resolution (the package
 * imports itself by name), from ESM and from CommonJS, and they share one
 * NDArray class. `npm test` builds first; run alone, this test builds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; sideEffects: unknown };
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');

beforeAll(() => {
  if (!existsSync(resolve(ROOT, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

function node(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('package exports', () => {
  it('declares the main entry and one subpath per module folder', () => {
    expect(subpaths.sort()).toEqual(['.', './autodiff', './linalg', './mcmc', './ml', './optimize', './random', './stats'].sort());
    // Only the two modules that install NDArray's methods (and the shared chunks they land in) have side
    // effects; everything else is tree-shakeable. With `false`, esbuild drops `import './methods'` and
    // `a.add(b)` fails in the built package.
    expect(pkg.sideEffects).toEqual(['./src/ops/methods.ts', './src/tensor/index.ts', './dist/chunk-*.js', './dist/chunk-*.cjs']);
  });

  for (const sub of subpaths) {
    const name = sub === '.' ? 'numts' : `numts/${sub.slice(2)}`;
    it(`${name} loads from ESM and CJS`, () => {
      const esm = node(['--input-type=module', '-e', `const m = await import('${name}'); console.log(Object.keys(m).length > 0 ? 'ok' : 'empty');`]);
      expect(esm.out.trim(), esm.out).toBe('ok');
      const cjs = node(['-e', `const m = require('${name}'); console.log(Object.keys(m).length > 0 ? 'ok' : 'empty');`]);
      expect(cjs.out.trim(), cjs.out).toBe('ok');
    });
  }

  it('arrays made through one subpath work with another (one NDArray class)', () => {
    const r = node([
      '--input-type=module',
      '-e',
      `import * as np from 'numts'; import * as la from 'numts/linalg';
       const a = np.array([[2, 0], [0, 3]]);
       console.log(a instanceof np.NDArray, String(a.add(1)), typeof la);`,
    ]);
    expect(r.out.trim()).toBe('true [[3 1]\n [1 4]] object');
  });

  it('NDArray methods work when only a subpath is imported (the method tables are installed)', () => {
    const snippets: Record<string, string> = {
      'numts/linalg': "import { inv } from 'numts/linalg'; const x = inv([[2, 0], [0, 4]]); console.log(String(x.add(1).matmul(x).sum()));",
      'numts/random': "import { defaultRng } from 'numts/random'; console.log(String(defaultRng(0).random([3]).mul(0).add(2).sum()));",
      'numts/ml': "import { datasets } from 'numts/ml'; console.log(String(datasets.loadIris().data.T.matmul(datasets.loadIris().data).shape));",
    };
    const expected: Record<string, string> = { 'numts/linalg': '1.8125', 'numts/random': '6', 'numts/ml': '4,4' };
    for (const [sub, code] of Object.entries(snippets)) {
      const r = node(['--input-type=module', '-e', code]);
      expect(r.out.trim(), sub).toBe(expected[sub]);
    }
  });
});
