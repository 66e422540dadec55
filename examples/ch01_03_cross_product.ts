// Chapter 1 · Vectors & Vector Spaces — cross product.
import * as np from 'numts';

const u = np.array([1, 0, 0]);
const v = np.array([0, 1, 0]);
const cross = np.cross(u, v);
console.log('Cross product:', cross); // [0 0 1] — perpendicular to both
