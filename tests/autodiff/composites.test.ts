/**
 * Composite functions (no rule of their own) differentiate through the
 * primitives they are built from: checkGrads to second order (JAX's
 * tolerances, 1e-5) on einsum, tensordot/outer/kron, var/std/mean with
 * keepdims, norms, softmax/logsumexp written by hand, lstsq/pinv/matrixPower,
 * and shape rearrangements (flip, roll, tile, repeat, pad) on strided views.
 */
import { describe, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray } from '../../src/index';
import { checkGrads } from '../../src/autodiff';
import { randomArray, uniform } from './harness';

const u = uniform(7);
const A = randomArray(u, [3, 4], [-1, 1]);
const B = randomArray(u, [4, 2], [-1, 1]);
const C = randomArray(u, [2, 3, 4], [-1, 1]);
const v = randomArray(u, [4], [-1, 1]);
const S = np.add(randomArray(u, [3, 3], [-0.5, 0.5]), np.multiply(np.eye(3), 3));

const check = (f: (...xs: NDArray[]) => unknown, args: NDArray[], order = 2) => checkGrads(f, args, { order });

describe('composites differentiate through their primitives', () => {
  it('einsum: contractions, traces, diagonals, broadcasting ellipsis, outer products', () => {
    check((a, b) => np.einsum('ij,jk->ik', a, b), [A, B]);
    check((c) => np.einsum('bij->bji', c), [C]);
    check((c, a) => np.einsum('bij,ij->b', c, a), [C, A]);
    check((s) => np.einsum('ii->', s), [S]);
    check((s) => np.einsum('ii->i', s), [S]);
    check((c, x) => np.einsum('...j,j->...', c, x), [C, v]);
    check((x, y) => np.einsum('i,j->ij', x, y), [v, np.array([0.3, -0.2])]);
    check((a, b, x) => np.einsum('ij,jk,j->ik', a, b, x), [A, B, v]);
  });

  it('tensordot, outer, kron, dot, inner, trace', () => {
    check((c, a) => np.tensordot(c, a, [[1, 2], [0, 1]]), [C, A]);
    check((x, y) => np.outer(x, y), [v, np.array([1.5, -0.5])]);
    check((x, y) => np.kron(x, y), [np.array([[1, 2], [3, 4]]).astype('float64'), np.array([[0.5, -1]])]);
    check((a, x) => np.dot(a, x), [A, v]);
    check((x, y) => np.inner(x, y), [v, np.multiply(v, 2)]);
    check((s) => np.trace(s), [S]);
  });

  it('mean, var, std with axes, keepdims and ddof', () => {
    check((c) => np.mean(c, { axis: [0, 2], keepdims: true }), [C]);
    check((c) => np.var(c, { axis: 1, ddof: 1 }), [C]);
    check((c) => np.std(c, { axis: -1, keepdims: true }), [C]);
  });

  it('norms', () => {
    check((x) => np.linalg.norm(x), [v]);
    check((a) => np.linalg.norm(a, { ord: 'fro' }), [A]);
    check((a) => np.linalg.norm(a, { axis: 1 }), [A]);
  });

  it('softmax and logsumexp written with numts functions', () => {
    const logsumexp = (z: NDArray) => {
      const m = np.max(z, { axis: -1, keepdims: true });
      return np.add(np.log(np.sum(np.exp(np.subtract(z, m)), { axis: -1, keepdims: true })), m);
    };
    const softmax = (z: NDArray) => np.exp(np.subtract(z, logsumexp(z)));
    check(logsumexp, [A]);
    check(softmax, [A]);
  });

  it('least squares, pseudo-inverse, matrix powers', () => {
    const tall = np.add(randomArray(u, [5, 3], [-1, 1]), np.eye(5, 3).mul(2));
    check((a, b) => np.linalg.lstsq(a, b)[0], [tall, randomArray(u, [5], [-1, 1])]);
    check((a) => np.linalg.pinv(a), [tall]);
    check((s) => np.linalg.matrixPower(s, 3), [S]);
    check((s) => np.linalg.matrixPower(s, -2), [S]);
  });

  it('rearrangements on strided and reversed views', () => {
    const view = C.get(':, ::-1, ::2');
    check((x) => np.flip(x, 1), [view]);
    check((x) => np.roll(x, 1, 2), [view]);
    check((x) => np.tile(x, [2, 1]), [A.T]);
    check((x) => np.repeat(x, 2, 0), [A.get('::-1')]);
    check((x) => np.pad(x, 1), [A]);
    check((x) => np.squeeze(np.expandDims(x, 0)), [view]);
  });
});
