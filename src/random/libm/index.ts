/**
 * The elementary functions NumPy's samplers call, computed exactly as the C
 * library NumPy runs on (glibc 2.36, x86-64, FMA variants), so that samples
 * agree to the last bit; JavaScript's Math.log/exp/pow differ from glibc in
 * about 5-10% of arguments by one ulp.
 */
export { log } from './log';
export { exp } from './exp';
export { log1p } from './log1p';
export { pow } from './pow';
