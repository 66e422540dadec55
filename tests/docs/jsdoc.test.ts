/**
 * Every function and class exported by a public entry (package.json
 * `exports` → src/index.ts, src/<module>/index.ts) has JSDoc with a summary
 * and an `@example` showing its output, and every public method of an
 * exported class has a summary (the rule is scripts/docs/jsdoc-check.ts).
 *
 * Names still violating it are listed in tests/docs/jsdoc-pending.json; the
 * list may only shrink: a listed name that is now documented (or no longer
 * exported) fails the test until it is removed from the list.
 * `npx tsx scripts/docs/jsdoc-check.ts` prints the current violations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicExports } from '../../scripts/docs/exports';
import { jsdocViolations, PENDING_FILE } from '../../scripts/docs/jsdoc-check';

const pending = JSON.parse(readFileSync(PENDING_FILE, 'utf8')) as string[];
const violations = jsdocViolations();
const violating = new Map(violations.map((v) => [v.key, v]));

describe('JSDoc of the public API', () => {
  it('finds the public exports (the walker sees through re-exports)', () => {
    const keys = new Set(publicExports().map((x) => x.key));
    for (const k of ['numts.zeros', 'numts.NDArray', 'numts.einsum', 'numts/linalg.svd', 'numts/random.defaultRng', 'numts/autodiff.grad', 'numts/ml.PCA']) {
      expect(keys.has(k), k).toBe(true);
    }
    expect(keys.size).toBeGreaterThan(300);
  });

  it('every exported function and class has a summary and an @example with its output', () => {
    const unexpected = violations.filter((v) => !pending.includes(v.key)).map((v) => `${v.key} (${v.file}): ${v.problems.join('; ')}`);
    expect(unexpected, 'document these (or, only for unfinished areas, list them in tests/docs/jsdoc-pending.json)').toEqual([]);
  });

  it('the pending list only names current violations (remove names once documented)', () => {
    const fixed = pending.filter((k) => !violating.has(k));
    expect(fixed, 'documented now or no longer exported: remove from tests/docs/jsdoc-pending.json').toEqual([]);
    expect(new Set(pending).size, 'duplicates in jsdoc-pending.json').toBe(pending.length);
  });
});
