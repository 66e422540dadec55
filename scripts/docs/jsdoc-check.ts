/**
 * The JSDoc rule for the public API (tests/docs/jsdoc.test.ts enforces it):
 * every exported function and class has a summary and an `@example` that
 * shows its output (a `// …` comment), and every public method of an
 * exported class has a summary.
 *
 * `npx tsx scripts/docs/jsdoc-check.ts` prints the violations grouped by
 * source folder; `--write-pending` rewrites tests/docs/jsdoc-pending.json
 * (the allow-list the test reads) to exactly the current violations.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './entries';
import { publicExports, type PublicExport } from './exports';

export const PENDING_FILE = resolve(ROOT, 'tests/docs/jsdoc-pending.json');

export interface Violation {
  /** `numts.sum`, or `numts.NDArray#add` for a class member. */
  readonly key: string;
  readonly file: string;
  readonly problems: string[];
}

/** What the rule checks: callables and classes; primitives, markers and namespaces are not functions. */
export function isChecked(x: PublicExport): boolean {
  return x.callable || x.kind === 'class';
}

/** The problems of one export's own JSDoc (empty when it passes). */
export function problemsOf(x: PublicExport): string[] {
  const p: string[] = [];
  if (x.summary.length < 8) p.push(x.summary ? `summary too short (${JSON.stringify(x.summary)})` : 'no summary');
  const examples = x.examples.filter((e) => e.length > 0);
  if (examples.length === 0) p.push('no @example');
  else if (!examples.some((e) => e.includes('//'))) p.push('@example shows no output (no `// …`)');
  return p;
}

/** Every violation of the rule, one per declaration (a re-export is reported under its first public name). */
export function jsdocViolations(): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const x of publicExports()) {
    if (!isChecked(x) || seen.has(x.declarationId)) continue;
    seen.add(x.declarationId);
    const problems = problemsOf(x);
    if (problems.length) out.push({ key: x.key, file: x.file, problems });
    for (const m of x.undocumentedMembers) out.push({ key: `${x.key}#${m.name}`, file: m.file, problems: ['method has no summary'] });
  }
  return out;
}

/** Markdown list of violations grouped by source folder (src/ops/trig.ts → src/ops). */
export function violationsMarkdown(vs: readonly Violation[]): string {
  const byArea = new Map<string, Violation[]>();
  for (const v of vs) {
    const area = v.file.split('/').slice(0, 2).join('/');
    byArea.set(area, [...(byArea.get(area) ?? []), v]);
  }
  const lines = [`# JSDoc violations (${vs.length})`, ''];
  for (const [area, list] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${area} (${list.length})`, '');
    for (const v of list.sort((a, b) => a.file.localeCompare(b.file) || a.key.localeCompare(b.key))) {
      lines.push(`- \`${v.key}\` (${v.file}): ${v.problems.join('; ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vs = jsdocViolations();
  if (process.argv.includes('--write-pending')) {
    writeFileSync(PENDING_FILE, `${JSON.stringify(vs.map((v) => v.key).sort(), null, 2)}\n`);
    console.log(`wrote ${vs.length} names to ${PENDING_FILE}`);
  }
  console.log(violationsMarkdown(vs));
}
