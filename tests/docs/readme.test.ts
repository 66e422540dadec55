/**
 * The README's tour stays true: each snippet (tests/docs/readme-tour/*.ts, the
 * same code as the README shows) runs, and every line it prints appears in
 * README.md, where the tour shows it as output.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TOUR = resolve(__dirname, 'readme-tour');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

describe('README tour', () => {
  for (const file of readdirSync(TOUR).filter((f) => f.endsWith('.ts')).sort()) {
    it(`${file} prints what the README shows`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(TOUR, file)], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const missing = r.stdout.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '' && !readme.includes(l.trim()));
      expect(missing, 'printed lines not in README.md').toEqual([]);
    });
  }
});
