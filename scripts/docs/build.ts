/**
 * `npm run docs`: the porting guide (docs/porting-from-numpy.md) and the API
 * reference (docs/api/, typedoc with typedoc.json), both generated from the
 * public exports.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './entries';
import { writePortingGuide } from './porting';

console.log(`wrote ${writePortingGuide()}`);
const r = spawnSync('npx', ['typedoc', '--options', 'typedoc.json'], { cwd: ROOT, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log('wrote docs/api/');
