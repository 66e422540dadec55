/**
 * docs/porting-from-numpy.md is generated (scripts/docs/porting.ts) from the
 * public exports and docs/numpy-names.json: it must be up to date, and every
 * name in the JSON must be a real numts export, so neither can drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicExports } from '../../scripts/docs/exports';
import { exportKeyOf, inGuide, PORTING_FILE, readNameMap, renderPortingGuide, snakeCase } from '../../scripts/docs/porting';

const map = readNameMap();
const exports = publicExports();
const keys = new Set(exports.map((x) => x.key));

describe('porting guide', () => {
  it('is up to date (run `npm run docs` after changing exports or docs/numpy-names.json)', () => {
    expect(readFileSync(PORTING_FILE, 'utf8') === renderPortingGuide(), 'docs/porting-from-numpy.md is stale: run npm run docs').toBe(true);
  });

  it('names only real exports in docs/numpy-names.json', () => {
    const named = [...Object.values(map.names).map(exportKeyOf), ...Object.keys(map.noCounterpart), ...map.internal];
    expect(named.filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(map.modules).sort()).toEqual([...new Set(exports.map((x) => x.entry.specifier))].sort());
  });

  it('lists every function and class of every public module', () => {
    const text = readFileSync(PORTING_FILE, 'utf8');
    const missing = exports
      .filter((x) => inGuide(x, map) && (x.callable || x.kind === 'class'))
      .filter((x) => !text.includes(x.entry.specifier === 'numts' ? `\`np.${x.name}\`` : `\`${x.name}\``))
      .map((x) => x.key);
    expect(missing).toEqual([]);
  });

  it('spells NumPy names in snake_case mechanically', () => {
    expect(snakeCase('matrixRank')).toBe('matrix_rank');
    expect(snakeCase('nanToNum')).toBe('nan_to_num');
    expect(snakeCase('deg2rad')).toBe('deg2rad');
    expect(snakeCase('log1p')).toBe('log1p');
    expect(snakeCase('SeedSequence')).toBe('SeedSequence');
  });
});
