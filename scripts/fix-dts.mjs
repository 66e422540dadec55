/**
 * Repairs a rollup-plugin-dts gap in tsup's declaration bundles: for a
 * namespace re-export (`export * as random from './random'` → `np.random`)
 * whose members come from another declaration chunk, it declares every member
 * as a value (`declare const index_Size: typeof Size;`), so type-only members
 * (`np.random.Size`) fail with TS2693 and classes lose their type side
 * (`np.random.Generator` is not usable as a type). This script looks up how
 * each such name is declared across dist/ and rewrites the line: a type alias
 * for interfaces and type aliases, value and type for classes.
 * Run after tsup (`npm run build`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = new URL('../dist/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.d\.c?ts$/.test(f) ? [p] : [];
  });
}

const all = files(DIST);
const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
const corpus = [...text.values()].join('\n');

/** 'class' | 'type' | 'value' for a declared name, by its declaration anywhere in dist/. */
function kindOf(name) {
  const n = name.replace(/[$]/g, '\\$');
  if (new RegExp(`declare (abstract )?class ${n}\\b`).test(corpus)) return 'class';
  if (new RegExp(`(interface ${n}\\b|type ${n}\\s*(<[^=]*>)?\\s*=)`).test(corpus)) return 'type';
  return 'value';
}

let fixed = 0;
for (const [file, src] of text) {
  const out = src.replace(/^declare const (\w+): typeof (\w+);$/gm, (line, alias, name) => {
    const kind = kindOf(name);
    if (kind === 'type') {
      fixed++;
      return `type ${alias} = ${name};`;
    }
    if (kind === 'class' && !new RegExp(`^type ${alias} = `, 'm').test(src)) {
      fixed++;
      return `${line}\ntype ${alias} = ${name};`;
    }
    return line;
  });
  if (out !== src) writeFileSync(file, out);
}
console.log(`fix-dts: repaired ${fixed} namespace member declaration(s)`);
