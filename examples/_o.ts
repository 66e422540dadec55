import * as np from 'numts';
const a = np.arange(10, undefined, 1, 'float64'), b = np.ones(10);
for (let i = 0; i < 20000; i++) { np.add(a, b); np.multiply(a, 2); a.reshape(2, 5); np.exp(a); }
let t = performance.now(); for (let i = 0; i < 100000; i++) np.add(a, b); console.log('add 10 elems', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'µs');
t = performance.now(); for (let i = 0; i < 100000; i++) np.multiply(a, 2); console.log('mul scalar', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'µs');
t = performance.now(); for (let i = 0; i < 100000; i++) a.reshape(2, 5); console.log('reshape', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'µs');
t = performance.now(); for (let i = 0; i < 100000; i++) np.exp(a); console.log('exp', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'µs');
t = performance.now(); for (let i = 0; i < 100000; i++) np.zeros(10); console.log('zeros(10)', ((performance.now() - t) / 100000 * 1000).toFixed(2), 'µs');
