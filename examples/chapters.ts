/** The book's chapters, and which example files belong to each (in run order). */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = dirname(fileURLToPath(import.meta.url));

export const CHAPTERS: Record<number, string> = {
  1: 'Vectors & Vector Spaces',
  2: 'Matrices & Matrix Operations',
  3: 'Eigenvalues, Eigenvectors & SVD',
  4: 'Tensors',
  5: 'Derivatives',
  6: 'Gradients & Backpropagation',
  7: 'Jacobian & Hessian',
  8: 'Probability & Distributions',
  9: 'Statistics & Maximum Likelihood',
  10: 'Information Theory & MCMC',
  11: 'Convex Optimization',
  12: 'Optimizers & Loss Functions',
  13: 'Lagrangians & Saddle Points',
};

/** Example files of one chapter: its listings in order, then its exercises. */
export function chapterFiles(chapter: number): string[] {
  const prefix = `ch${String(chapter).padStart(2, '0')}_`;
  const files = readdirSync(EXAMPLES_DIR).filter((f) => f.startsWith(prefix) && f.endsWith('.ts'));
  const listings = files.filter((f) => /^ch\d\d_\d\d_/.test(f)).sort();
  const exercises = files.filter((f) => f.endsWith('_exercises.ts'));
  return [...listings, ...exercises];
}
