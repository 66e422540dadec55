/**
 * Gradient-check cases for reductions, shape movement, indexing, joining and
 * sorting. Adjoint-only primitives (scatter_add, slice_scatter) are reached
 * through the pullback of their forward primitive, applied to a traced
 * cotangent.
 */
import * as np from '../../../src/index';
import type { NDArray } from '../../../src/index';
import { vjp } from '../../../src/autodiff';
import { randomArray, type GradCase } from '../harness';

/** True when two elements of `x` are within `margin` (ties make max/min/sort non-differentiable). */
function nearTie(x: NDArray, margin = 0.02): boolean {
  const v = x.toArray().filter((a) => !Number.isNaN(a)).sort((a, b) => a - b);
  return v.some((a, i) => i > 0 && a - v[i - 1] < margin);
}

const INDEX = np.array([2, 0, 2, 1]);
/** Distinct indices: with repeated ones the last write wins, which indexUpdate's VJP does not model (see primitives.test.ts). */
const DISTINCT = np.array([2, 0, 3]);
const MASK = np.array([[true, false, true, true], [false, true, false, true], [true, true, false, false]]);

/** `x` with its element 1 set to NaN. */
function withNaN(x: NDArray): NDArray {
  const c = x.copy();
  c.data[1] = NaN;
  return c;
}

export const STRUCTURAL_CASES: Record<string, GradCase> = {
  // ---- reductions (with keepdims, several and negative axes, full) ----
  sumP: {
    f: (x) => [np.sum(x, { axis: 1, keepdims: true }), np.sum(x, { axis: [0, -1] }), np.sum(x)],
    shapes: [[[2, 3, 4]], [[3, 1, 2]]],
  },
  prodP: {
    f: (x) => [np.prod(x, { axis: -1 }), np.prod(x, { axis: 0, keepdims: true })],
    shapes: [[[2, 3, 4]], [[4, 2, 1]]],
    range: [0.5, 1.5],
  },
  maxP: {
    f: (x) => [np.max(x, { axis: 1 }), np.max(x, { axis: [0, 2], keepdims: true })],
    shapes: [[[2, 3, 4]], [[3, 2, 2]]],
    avoid: (x) => nearTie(x),
  },
  minP: {
    f: (x) => [np.min(x, { axis: -1, keepdims: true }), np.min(x)],
    shapes: [[[2, 3, 4]], [[5]]],
    avoid: (x) => nearTie(x),
  },

  fmaxReduceP: {
    // nanmax/nanmin skip NaN (the fmax reductions); the NaN's cotangent is zero
    f: (x) => [np.nanmax(x, { axis: 1 }), np.nanmax(x)],
    shapes: [[[3, 4]]],
    make: (u, [s]) => [withNaN(randomArray(u, s, [-2, 2]))],
    avoid: (x) => nearTie(x),
  },
  fminReduceP: {
    f: (x) => [np.nanmin(x, { axis: 0, keepdims: true }), np.nanmin(x)],
    shapes: [[[3, 4]]],
    make: (u, [s]) => [withNaN(randomArray(u, s, [-2, 2]))],
    avoid: (x) => nearTie(x),
  },
  cumP: {
    f: (x) => [np.cumsum(x, { axis: 1 }), np.cumprod(x, { axis: 0 }), np.cumsum(x)],
    shapes: [[[3, 4]], [[5, 1]]],
    range: [0.5, 1.5],
  },
  reverseAxisP: {
    // reached through cumsum's pullback (a reversed cumulative sum of the traced cotangent)
    f: (g) => vjp((x: NDArray) => np.cumsum(x, { axis: 0 }), np.ones([3, 2]))[1](g)[0],
    shapes: [[[3, 2]]],
  },

  // ---- movement (views; reshape copies for non-contiguous input) ----
  reshapeP: { f: (x) => [x.reshape(6, -1), np.ravel(x), np.expandDims(x, 1)], shapes: [[[2, 3, 4]], [[4, 3, 2]]] },
  transposeP: { f: (x) => [np.transpose(x, [1, 2, 0]), x.T, np.swapaxes(x, 0, -1)], shapes: [[[2, 3, 4]]] },
  broadcastToP: { f: (x) => np.broadcastTo(x, [4, 2, 3]), shapes: [[[2, 1]], [[3]], [[]]] },
  copyP: { f: (x) => np.copy(x), shapes: [[[2, 3]], [[]]] },
  astypeP: { f: (x) => [x.astype('complex128'), np.multiply(x.astype('float32'), 1)], shapes: [[[2, 3]]], atol: 3e-3 },

  // ---- indexing ----
  sliceP: { f: (x) => [x.get('1:, ::-2'), x.get(0), x.get('..., 1, None')], shapes: [[[3, 4]], [[4, 5]]] },
  gatherP: {
    f: (x) => [x.get(INDEX), x.get(':', INDEX), x.get(MASK), np.take(x, INDEX, { axis: 1 })],
    shapes: [[[3, 4]]],
  },
  indexUpdateP: {
    f: (x, v) => [np.indexUpdate(x, [DISTINCT], v), np.indexUpdate(x, [1, '1:3'], np.ravel(v).get('-2:'))],
    shapes: [[[4, 3], [3, 3]], [[4, 3], [3]], [[4, 3], [1, 3]]],
  },
  scatterAddP: {
    // the pullback of a gather with repeated indices is scatter_add (of the traced cotangent)
    f: (g) => vjp((x: NDArray) => x.get(':', INDEX), np.ones([3, 4]))[1](g)[0],
    shapes: [[[3, 4]]],
  },
  sliceScatterP: {
    f: (g) => vjp((x: NDArray) => x.get('1:, ::-2'), np.ones([3, 4]))[1](g)[0],
    shapes: [[[2, 2]]],
  },

  // ---- joining, sorting ----
  concatenateP: {
    f: (a, b) => [np.concatenate([a, b], { axis: 1 }), np.stack([a, np.multiply(b, a)]), np.concatenate([a, b], { axis: null })],
    shapes: [[[2, 3], [2, 3]], [[1, 2], [1, 2]]],
  },
  sortP: {
    f: (x) => [np.sort(x), np.sort(x, { axis: 0 })],
    shapes: [[[3, 4]], [[6, 1]]],
    avoid: (x) => nearTie(x),
  },
};
