/**
 * The public entry points, read from package.json's `exports` map (what a
 * user can import), as (specifier, source file) pairs: `numts` →
 * src/index.ts, `numts/linalg` → src/linalg/index.ts, …
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface PublicEntry {
  /** Import specifier: `numts` or `numts/<module>`. */
  readonly specifier: string;
  /** Module folder (`''` for the root). */
  readonly module: string;
  /** Absolute path of the source file. */
  readonly file: string;
}

/** Every public entry, `numts` first, then the subpaths in package.json's order. */
export function publicEntries(): PublicEntry[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(pkg.exports)
    .filter((k) => k === '.' || /^\.\/[a-z]+$/.test(k))
    .map((k) => {
      const module = k === '.' ? '' : k.slice(2);
      return {
        specifier: module ? `numts/${module}` : 'numts',
        module,
        file: resolve(ROOT, module ? `src/${module}/index.ts` : 'src/index.ts'),
      };
    });
}
