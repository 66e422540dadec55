// Chapter 1 · Vectors & Vector Spaces — linear independence via the rank.
import * as np from 'numts';

const vectors = np.array([
  [1, 0, 0],
  [0, 1, 0],
  [1, 1, 0], // = vec1 + vec2 → dependent!
]);
console.log('Rank:', np.linalg.matrixRank(vectors)); // 2, not 3 → dependent
