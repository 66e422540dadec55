/**
 * Laws checked with fast-check on random shapes and values:
 * - einsum agrees with a naive loop over all label assignments, for random
 *   specs of 1–3 operands (repeated labels, size-1 axes, implicit and explicit
 *   output), under every optimize setting;
 * - matmul is associative, (AB)ᵀ = BᵀAᵀ, and einsum('ij->ji') is the transpose;
 * - strided, transposed and negative-stride views give the same products as
 *   contiguous copies; batched matmul equals the per-batch products;
 * - tensordot equals einsum with the same contraction.
 * Tolerances: rtol 1e-10, atol 1e-10 on values in [-1, 1].
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as np from '../../src/index';
import { expectAllClose } from '../helpers';

const LETTERS = 'abcde';
const small = fc.integer({ min: 1, max: 4 });

/** A random array of `shape` with values in [-1, 1] (rounded so failures print readably). */
const arrayOf = (shape: number[]) =>
  fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: shape.reduce((p, d) => p * d, 1), maxLength: shape.reduce((p, d) => p * d, 1) })
    .map((v) => np.array(v.map((x) => x / 1000)).reshape(shape));

/** Naive einsum: loop over every assignment of the labels. */
function naive(inputs: string[], output: string, ops: np.NDArray[], sizes: Record<string, number>): np.NDArray {
  const labels = [...new Set(inputs.join('') + output)];
  const outShape = [...output].map((c) => sizes[c]);
  const out = np.zeros(outShape);
  const idx: Record<string, number> = {};
  const rec = (k: number): void => {
    if (k === labels.length) {
      let p = 1;
      inputs.forEach((t, i) => {
        p *= ops[i].get(...[...t].map((c) => (ops[i].shape[t.indexOf(c)] === 1 ? 0 : idx[c]))) as number;
      });
      const o = [...output].map((c) => idx[c]);
      out.set(...o, (out.get(...o) as number) + p);
      return;
    }
    for (let v = 0; v < sizes[labels[k]]; v++) {
      idx[labels[k]] = v;
      rec(k + 1);
    }
  };
  rec(0);
  return out;
}

/** A random einsum problem: terms over a few labels, sizes (some axes 1 to exercise broadcasting), output. */
const problem = fc
  .record({
    terms: fc.array(fc.array(fc.constantFrom(...LETTERS), { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    sizes: fc.array(small, { minLength: LETTERS.length, maxLength: LETTERS.length }),
    ones: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    implicit: fc.boolean(),
    keep: fc.array(fc.boolean(), { minLength: LETTERS.length, maxLength: LETTERS.length }),
  })
  .chain(({ terms, sizes, ones, implicit, keep }) => {
    const size: Record<string, number> = {};
    [...LETTERS].forEach((c, i) => (size[c] = sizes[i]));
    const inputs = terms.map((t) => t.join(''));
    const used = [...new Set(inputs.join(''))].sort();
    const counts = (c: string): number => inputs.join('').split(c).length - 1;
    const output = implicit ? used.filter((c) => counts(c) === 1).join('') : used.filter((_, i) => keep[i]).join('');
    let slot = 0;
    // Some axes of size 1 where the label is bigger: NumPy broadcasts them (never within one operand's repeats).
    const shapes = inputs.map((t) => [...t].map((c) => (t.split(c).length === 2 && ones[slot++ % 9] && size[c] > 1 ? 1 : size[c])));
    return fc.tuple(fc.constant(inputs), fc.constant(output), fc.constant(implicit), fc.constant(size), fc.tuple(...shapes.map(arrayOf)));
  });

describe('einsum equals the naive loop', () => {
  it('on random specs', () => {
    fc.assert(
      fc.property(problem, ([inputs, output, implicit, sizes, ops]) => {
        const subs = inputs.join(',') + (implicit ? '' : `->${output}`);
        // A label's size is its largest axis (size-1 axes broadcast); a label only ever seen with size 1 has size 1.
        const actual: Record<string, number> = {};
        for (const c of Object.keys(sizes)) actual[c] = 1;
        inputs.forEach((t, i) => [...t].forEach((c, d) => (actual[c] = Math.max(actual[c], ops[i].shape[d]))));
        const want = naive(inputs, output, ops, actual);
        for (const optimize of ['greedy', 'optimal', false] as const) {
          expectAllClose(np.einsum(subs, ...ops, { optimize }), want, { rtol: 1e-10, atol: 1e-10 });
        }
      }),
      { numRuns: 150 },
    );
  });
});

const dims = fc.integer({ min: 1, max: 9 });
const matrix = (r: number, c: number) => arrayOf([r, c]);

describe('matmul laws', () => {
  it('is associative', () => {
    fc.assert(
      fc.property(
        fc.tuple(dims, dims, dims, dims).chain(([m, k, l, n]) => fc.tuple(matrix(m, k), matrix(k, l), matrix(l, n))),
        ([a, b, c]) => expectAllClose(np.matmul(np.matmul(a, b), c), np.matmul(a, np.matmul(b, c)), { rtol: 1e-10, atol: 1e-10 }),
      ),
    );
  });
  it('(AB)ᵀ = BᵀAᵀ, and einsum ij->ji is the transpose', () => {
    fc.assert(
      fc.property(
        fc.tuple(dims, dims, dims).chain(([m, k, n]) => fc.tuple(matrix(m, k), matrix(k, n))),
        ([a, b]) => {
          expectAllClose(np.matmul(a, b).T, np.matmul(b.T, a.T), { rtol: 1e-10, atol: 1e-12 });
          expectAllClose(np.einsum('ij->ji', a), a.T, { rtol: 0, atol: 0 });
          expectAllClose(np.einsum('ij,jk->ki', a, b), np.matmul(a, b).T, { rtol: 1e-10, atol: 1e-12 });
        },
      ),
    );
  });
  it('gives the same product for strided, transposed and reversed views as for contiguous copies', () => {
    const big = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(
        fc.tuple(big, big, big).chain(([m, k, n]) => fc.tuple(arrayOf([2 * m, k]), arrayOf([n, 2 * k]))),
        ([a0, b0]) => {
          const a = a0.get('::-2, :'); // rows reversed, every second
          const b = b0.get(':, 1::2').T; // a transposed strided view
          expectAllClose(np.matmul(a, b), np.matmul(a.copy(), b.copy()), { rtol: 1e-12, atol: 1e-12 });
          expectAllClose(np.einsum('ij,jk->ik', a, b), np.matmul(a.copy(), b.copy()), { rtol: 1e-12, atol: 1e-12 });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('batched matmul equals the product of each batch', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 4 }), dims, dims, dims).chain(([s, m, k, n]) => fc.tuple(arrayOf([s, m, k]), arrayOf([s, k, n]))),
        ([a, b]) => {
          const r = np.matmul(a, b);
          for (let t = 0; t < a.shape[0]; t++) expectAllClose(r.get(t), np.matmul(a.get(t), b.get(t)), { rtol: 1e-12, atol: 1e-12 });
          expectAllClose(np.einsum('bij,bjk->bik', a, b), r, { rtol: 1e-12, atol: 1e-12 });
        },
      ),
    );
  });
  it('tensordot equals einsum', () => {
    fc.assert(
      fc.property(
        fc.tuple(small, small, small, small).chain(([p, q, r, s]) => fc.tuple(arrayOf([p, q, r]), arrayOf([r, q, s]))),
        ([a, b]) => {
          expectAllClose(np.tensordot(a, b, [[1, 2], [1, 0]]), np.einsum('pqr,rqs->ps', a, b), { rtol: 1e-10, atol: 1e-12 });
        },
      ),
    );
  });
});
