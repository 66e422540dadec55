/**
 * A rough doctest for JSDoc examples (a review aid, not a test): runs each
 * `@example` of the public exports and, for every line of the form
 * `expression  // expected`, compares String(value) with the expected text
 * (whitespace-insensitive; a trailing `(remark)` after two spaces is ignored;
 * `// throws Name: message` expects that error). Prints mismatches and
 * examples that could not run.
 *
 *   npx tsx scripts/docs/check-examples.ts [path-prefix…]   e.g. src/core src/ops/join.ts
 */
import ts from 'typescript';
import { publicExports } from './exports';
import { publicEntries } from './entries';

const prefixes = process.argv.slice(2);

const norm = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\[ /g, '[')
    .replace(/ \]/g, ']')
    .replace(/, /g, ',')
    .replace(/^'(.*)'$/, '$1')
    .trim();

/** The expected text, and variants without a trailing remark ("[1 2]  (int32)", "3 (not 6)", "0.5 — note", "x again"). */
function expectedOf(comment: string): string[] {
  const c = comment.trim();
  return [c, c.replace(/\s+\([^()]*\)\s*$/, ''), c.replace(/\s+—.*$/, ''), c.replace(/\s+again$/, '')];
}

async function main(): Promise<void> {
  const scope: Record<string, unknown> = {};
  const entries = publicEntries();
  const mods: Record<string, Record<string, unknown>> = {};
  for (const e of entries) mods[e.specifier] = (await import(e.file)) as Record<string, unknown>;
  const np = mods.numts;
  const NDArrayClass = (np as { NDArray: new () => unknown }).NDArray;
  const resetPrint = (np as { setPrintoptions: (o: object) => void }).setPrintoptions;
  let bad = 0;
  let checked = 0;
  const seen = new Set<string>();
  for (const x of publicExports()) {
    if (prefixes.length && !prefixes.some((p) => x.file.startsWith(p))) continue;
    if (seen.has(x.declarationId)) continue;
    seen.add(x.declarationId);
    for (const ex of x.examples) {
      resetPrint({ precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false });
      Object.assign(scope, ...entries.map((e) => mods[e.specifier]), mods[x.entry.specifier], { np, NDArray: (np as { NDArray: unknown }).NDArray });
      for (const k of ['var', 'default', 'delete', 'in', 'new']) delete scope[k];
      const lines = ex.split('\n');
      // Join continuation lines (expected output spread over several // lines) into the statement before.
      const stmts: { code: string; expected: string | null }[] = [];
      for (const raw of lines) {
        const m = /^(.*?);?\s*\/\/\s?(.*)$/.exec(raw);
        const code = m ? m[1] : raw;
        const comment = m ? m[2] : null;
        if (code.trim() === '' && comment !== null && stmts.length && stmts[stmts.length - 1].expected !== null) {
          stmts[stmts.length - 1].expected += ` ${comment}`;
          continue;
        }
        stmts.push({ code, expected: comment });
      }
      let prelude = '';
      for (const s of stmts) {
        if (/^\s*import\b/.test(s.code)) continue;
        if (s.expected === null || !s.code.trim() || /^(const|let|import|for|if)\b/.test(s.code.trim()) || s.code.trim().endsWith('{') || s.code.trim().endsWith(',')) {
          prelude += `${s.code}\n`;
          continue;
        }
        const exps = expectedOf(s.expected);
        const exp = exps[0];
        const code = s.code.trim().replace(/;$/, '');
        const last = code.lastIndexOf('; ');
        const [pre, expr] = last >= 0 && !code.includes('=>') ? [code.slice(0, last + 1), code.slice(last + 2)] : ['', code];
        const js = ts.transpileModule(`${prelude}\n${pre}\nreturn (${expr});`, {
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
        }).outputText;
        checked++;
        let got: string;
        try {
          const fn = new Function(...Object.keys(scope), js) as (...a: unknown[]) => unknown;
          const v = fn(...Object.values(scope));
          const show = (u: unknown): string => (Array.isArray(u) && !(u instanceof NDArrayClass) ? `[${u.map(show).join(', ')}]` : String(u));
          got = typeof v === 'string' ? `'${v}'` : show(v);
        } catch (e) {
          got = `throws ${(e as Error).name}: ${(e as Error).message}`;
        }
        const ok = exp.startsWith('throws')
          ? got.startsWith('throws') && norm(got).includes(norm(exp.replace(/^throws\s*/, '')).split(':')[0])
          : exps.some((e) => norm(got) === norm(e) || norm(got) === norm(e.replace(/\\n/g, ' ')));
        if (!ok) {
          bad++;
          console.log(`${x.key} (${x.file})\n    ${s.code.trim()}\n    expected: ${exp}\n    got:      ${norm(got).slice(0, 300)}`);
        }
        prelude += `${s.code}\n`;
      }
    }
  }
  console.log(`\n${checked} example lines checked, ${bad} differ`);
}

void main();
