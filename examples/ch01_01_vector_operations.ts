// Chapter 1 · Vectors & Vector Spaces — vector operations.
import * as np from 'numts';

const u = np.array([3, 4, 1]);
const v = np.array([1, -2, 5]);

console.log('Addition:', u.add(v)); // [4 2 6]
console.log('Scalar mult:', np.multiply(3, u)); // [ 9 12  3]
console.log('Magnitude:', np.linalg.norm(u)); // √26 ≈ 5.1
console.log('Unit vector:', u.div(np.linalg.norm(u))); // normalised to length 1
