// Chapter 1 · Vectors & Vector Spaces — dot product and cosine similarity.
import * as np from 'numts';

const u = np.array([1, 2, 3]);
const v = np.array([4, 5, 6]);

const dot = np.dot(u, v); // 1*4 + 2*5 + 3*6 = 32
void dot;

// Cosine similarity — measures the angle between vectors
const cosSim = np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v));
console.log(`Cosine similarity: ${np.format(cosSim, '.4f')}`); // 0.9746 — very similar
