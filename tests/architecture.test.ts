/**
 * The layer order of DESIGN.md: a file may import only from its own folder
 * and from the layers above it. This test reads every import in src/ and
 * fails on one that points downwards (or sideways into a later layer).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['core', 'ops', 'tensor', 'linalg', 'autodiff', 'random', 'stats', 'optimize', 'mcmc', 'ml'];
const SRC = resolve(__dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The layer of a file under src/ (`index` for src/index.ts). */
function layerOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/);
  return rel.length === 1 ? 'index' : rel[0];
}

function imports(source: string): string[] {
  const out: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const re = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of code.matchAll(re)) out.push(m[1] ?? m[2]);
  return out;
}

describe('architecture', () => {
  const all = files(SRC);

  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('imports only from the same or an earlier layer, and no runtime dependencies', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      for (const spec of imports(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) {
          if (!spec.startsWith('node:')) violations.push(`${relative(SRC, file)} imports package '${spec}' (numts has no runtime dependencies)`);
          else violations.push(`${relative(SRC, file)} imports '${spec}' (library code must run outside Node too)`);
          continue;
        }
        const target = resolve(dirname(file), spec);
        const isDir = (() => {
          try {
            return statSync(target).isDirectory();
          } catch {
            return false;
          }
        })();
        const to = layerOf(isDir ? join(target, 'index.ts') : target.endsWith('.ts') ? target : `${target}.ts`);
        if (from === 'index' || to === from) continue;
        if (to === 'index') {
          violations.push(`${relative(SRC, file)} imports the top-level index`);
          continue;
        }
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) violations.push(`${relative(SRC, file)} (${from}) imports ${spec} (${to}), a later layer`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('knows every folder under src/', () => {
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
    expect(folders.filter((f) => !LAYERS.includes(f))).toEqual([]);
  });
});
