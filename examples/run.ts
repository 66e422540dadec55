/**
 * `npm run examples` runs every example of the book in chapter order, each in
 * its own Node process (as a user would run it); `npm run examples -- 3 10`
 * runs chapters 3 and 10 only. Exits non-zero if any example fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { CHAPTERS, chapterFiles, EXAMPLES_DIR } from './chapters';

const wanted = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n));
const chapters = (wanted.length ? wanted : Object.keys(CHAPTERS).map(Number)).filter((c) => c in CHAPTERS);

let failures = 0;
for (const ch of chapters) {
  console.log(`\n${'═'.repeat(72)}\nChapter ${ch} · ${CHAPTERS[ch]}\n${'═'.repeat(72)}`);
  for (const file of chapterFiles(ch)) {
    console.log(`\n── ${file.replace(/\.ts$/, '')} ${'─'.repeat(Math.max(0, 66 - file.length))}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(EXAMPLES_DIR, file)], { stdio: 'inherit', cwd: resolve(EXAMPLES_DIR, '..') });
    if (r.status !== 0) {
      failures++;
      console.log(`!! ${file} exited with ${r.status ?? r.signal}`);
    }
  }
}
console.log(`\n${failures === 0 ? 'All examples ran.' : `${failures} example(s) failed.`} Figures are in examples/out/.`);
process.exit(failures === 0 ? 0 : 1);
