/**
 * Derivatives of the indexing, shape, joining, rearranging and sorting primitives: exact values for
 * the cases where the rule is the point (gather's adjoint accumulates repeated indices, indexUpdate
 * zeroes the overwritten region, sort un-permutes), and checkGrads (finite differences, forward and
 * reverse, second order; default tolerances atol = rtol = 1e-5) for every differentiable function.
 * The linear primitives are also checked directly through the adjoint identity ⟨g, A x⟩ = ⟨Aᵀ g, x⟩.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { checkGrads, grad } from '../../src/autodiff';
import { NDArray, planIndex } from '../../src/core';
import { gatherP, scatterAddP, indexUpdateP, sliceP, concatenateP, sortP } from '../../src/ops/internal';
import { expectAllClose } from '../helpers';

type F = (x: NDArray) => NDArray;
const x4 = np.array([3.0, -1.0, 2.5, 0.5]);
const m34 = np.array([[0.5, -1, 2, 3], [1.5, 2, -0.25, 4], [-3, 0.75, 1, 2]]);
const check = (f: F, x: NDArray): void => checkGrads(f, [x], { order: 2 });

describe('exact gradients', () => {
  it('gather with repeated indices accumulates (scatter-add)', () => {
    const g = grad((x: NDArray) => np.sum(x.get([0, 0, 2, 0]).mul(np.array([1, 2, 3, 4]))))(x4);
    expect(g.tolist()).toEqual([7, 0, 3, 0]);
  });
  it('mask reads and basic slices route the cotangent back', () => {
    const g = grad((x: NDArray) => np.add(np.sum(x.get(x.gt(1)).mul(10)), np.sum(x.get('::-2'))))(x4);
    expect(g.tolist()).toEqual([10, 1, 10, 1]);
  });
  it('indexUpdate: zero on the overwritten region for x, the region (un-broadcast) for the value', () => {
    const f = (x: NDArray, v: NDArray): number => np.sum(np.indexUpdate(x, [[1, 3]], v).mul(np.array([1, 2, 3, 4]))) as never;
    const gx = grad((x: NDArray) => f(x, np.array(5.0)) as never)(x4);
    expect(gx.tolist()).toEqual([1, 0, 3, 0]);
    const gv = grad((v: NDArray) => f(x4, v) as never)(np.array(5.0));
    expect(gv).toBeCloseTo(6, 14);
  });
  it('sort un-permutes the cotangent; np.array stacks traced elements (the book pattern)', () => {
    expect(grad((x: NDArray) => np.sum(np.sort(x).mul(np.arange(4))))(x4).tolist()).toEqual([3, 0, 2, 1]);
    const f = (xy: NDArray): number => np.sum(np.square(np.array([xy.get(0).mul(2), xy.get(1), 3])));
    expect(grad(f)(np.array([1.0, 2.0])).tolist()).toEqual([8, 4]);
  });
  it('writes on traced arrays are functional updates (or a TracerError from a.set outside the wrapper)', () => {
    const g = grad((x: NDArray) => {
      const y = x.mul(1);
      y.set(0, 0);
      return np.sum(y.mul(y));
    })(x4);
    expect(g.tolist()).toEqual([0, -2, 5, 1]);
    expect(() =>
      grad((x: NDArray) => {
        const out = np.zeros(4);
        out.set(':', x);
        return np.sum(out);
      })(x4),
    ).toThrow(np.TracerError);
  });
});

describe('checkGrads (order 2, forward and reverse)', () => {
  const cases: [string, F, NDArray][] = [
    ['basic slice', (x) => x.get('1:, ::-2'), m34],
    ['newaxis/ellipsis', (x) => x.get('..., None, 1'), m34],
    ['fancy rows', (x) => x.get([2, 0, 2]), m34],
    ['mixed advanced', (x) => x.get([[0], [2]], [1, 1, 3]).mul(x.get(':2', 0, null)), m34],
    ['mask', (x) => x.get(np.array([[true, false, true, false], [false, true, true, true], [true, false, false, false]])), m34],
    ['take', (x) => np.take(x, [3, 0, 3], { axis: 1 }) as NDArray, m34],
    ['takeAlongAxis', (x) => np.takeAlongAxis(x, np.argsort(x, 1), 1), m34],
    ['indexUpdate', (x) => np.indexUpdate(x.mul(x), [':', 1], x.get(':', 2).mul(3)), m34],
    ['reshape/transpose', (x) => np.transpose(np.reshape(x, [2, 6]).mul(x.reshape(2, 6))), m34],
    ['moveaxis/swapaxes', (x) => np.swapaxes(np.moveaxis(x.reshape(3, 2, 2), 0, -1), 0, 1).mul(2), m34],
    ['broadcastTo', (x) => np.broadcastTo(x.get(0), [2, 4]).mul(x.get('1:')), m34],
    ['squeeze/expandDims/ravel', (x) => np.ravel(np.squeeze(np.expandDims(x, [0, 2]))).mul(x.ravel()), m34],
    ['concatenate', (x) => np.concatenate([x, x.mul(x), x.get(':1')], { axis: 0 }), m34],
    ['concatenate axis=None', (x) => np.concatenate([x, x.get(0)], { axis: null }), m34],
    ['stack', (x) => np.stack([x, np.square(x)], { axis: 1 }), m34],
    ['vstack/hstack/dstack/columnStack', (x) => np.vstack([np.hstack([x, x]), np.columnStack([x, x])]).add(np.dstack([x, x]).sum({ axis: 2 }).get(0).sum()), m34],
    ['split', (x) => np.split(x, [1, 3], { axis: 1 })[1].mul(np.arraySplit(x, 2, { axis: 1 })[0]), m34],
    ['tile', (x) => np.tile(x.get(0), [2, 2]), m34],
    ['repeat counts', (x) => np.repeat(x, [2, 0, 3], 0), m34],
    ['repeat flat', (x) => np.repeat(x, 2), m34],
    ['flip/rot90', (x) => np.rot90(np.flip(x, 1).mul(x)), m34],
    ['roll', (x) => np.roll(x, [1, -2], [0, 1]).mul(x), m34],
    ['pad constant', (x) => np.pad(x, [[1, 0], [2, 1]], { constantValues: 3 }), m34],
    ['pad reflect', (x) => np.pad(x, 2, { mode: 'reflect' }), m34],
    ['pad symmetric/wrap/edge', (x) => np.pad(np.pad(np.pad(x, 1, { mode: 'symmetric' }), 1, { mode: 'wrap' }), 1, { mode: 'edge' }), m34],
    // distinct values: sort is not differentiable at ties
    ['sort', (x) => np.sort(x, 0).mul(np.sort(x, null).reshape(3, 4)), m34.add(np.arange(12).reshape(3, 4).mul(0.01))],
    ['diag both ways', (x) => np.diag(np.diag(x, 1)).add(np.diag(x.get(0), -1).sum()), m34],
    ['diagflat', (x) => np.diagflat(x.get(':2', ':2')), m34],
    ['tril/triu', (x) => np.tril(x, -1).mul(np.triu(x, 1).add(1)), m34],
    ['meshgrid', (x) => { const [a, b] = np.meshgrid(x.get(0), x.get(1, ':3')); return a.mul(b); }, m34],
    // checkGrads also calls f on plain arrays, where x.get(i, j) is a number: combine with np.* functions
    ['array of traced', (x) => np.array([[x.get(0, 0), 1], [np.multiply(x.get(1, 1), x.get(2, 2)), x.get(0, 3)]]), m34],
    ['copy/flatten', (x) => np.flatten(np.copy(x).mul(x)), m34],
  ];
  for (const [name, f, x] of cases) it(name, () => check(f, x));
  it('astype float32 round trip (float32 finite differences: atol 1e-3)', () => {
    checkGrads((x: NDArray) => np.astype(np.astype(x, 'float32'), 'float64'), [m34], { order: 2, atol: 1e-3, rtol: 1e-3 });
  });
});

/** ⟨g, A x⟩ = ⟨Aᵀ g, x⟩ for a linear primitive A and its VJP. */
function adjointIdentity(apply: (x: NDArray) => NDArray, vjp: (g: NDArray) => NDArray, x: NDArray): void {
  const y = apply(x);
  const g = np.sin(np.arange(y.size).astype('float64').add(0.3)).reshape(y.shape);
  const lhs = np.sum(np.multiply(g, y));
  const rhs = np.sum(np.multiply(vjp(g), x));
  expectAllClose(lhs, rhs, { rtol: 1e-13, atol: 1e-13 });
}

describe('VJP rules of the linear primitives (adjoint identity, no autodiff involved)', () => {
  const plan = planIndex([3, 4], [[2, 0, 2, 2], ':', null]);
  it('gather / scatter-add', () => {
    const p = planIndex([3, 4], [np.array([[2], [0]]), [1, 1, 3]]);
    adjointIdentity((x) => gatherP.impl([x], { plan: p }), (g) => gatherP.vjp(g, g, [m34], { plan: p })[0]!, m34);
    const gshape = gatherP.impl([m34], { plan: p }).shape;
    const gin = np.ones(gshape);
    adjointIdentity((g) => scatterAddP.impl([g], { plan: p, shape: [3, 4] }), (h) => scatterAddP.vjp(h, h, [gin], { plan: p, shape: [3, 4] })[0]!, gin);
    void plan;
  });
  it('slice (negative steps, newaxis)', () => {
    const idx = planIndex([3, 4], ['::-2', null, '1::2']).basic;
    adjointIdentity((x) => sliceP.impl([x], { index: idx }), (g) => sliceP.vjp(g, g, [m34], { index: idx })[0]!, m34);
  });
  it('indexUpdate (in both arguments)', () => {
    const p = planIndex([3, 4], [':', [3, 1]]);
    const v = np.array([[1.5, -2]]);
    adjointIdentity((x) => indexUpdateP.impl([x, np.zeros([1, 2])], { plan: p }), (g) => indexUpdateP.vjp(g, g, [m34, v], { plan: p })[0]!, m34);
    adjointIdentity((w) => indexUpdateP.impl([np.zeros([3, 4]), w], { plan: p }), (g) => indexUpdateP.vjp(g, g, [m34, v], { plan: p })[1]!, v);
  });
  it('concatenate and sort (locally linear)', () => {
    const b = np.zeros([1, 4]); // the map x ↦ concatenate([x, b]) is linear only for b = 0
    adjointIdentity((x) => concatenateP.impl([x, b], { axis: 0, dtype: 'float64' }), (g) => concatenateP.vjp(g, g, [m34, b], { axis: 0, dtype: 'float64' })[0]!, m34);
    const perturbed = (x: NDArray): NDArray => {
      // the permutation of m34 applied to x: sorted positions fixed by m34
      const order = np.argsort(m34, 0);
      return np.takeAlongAxis(x, order, 0);
    };
    adjointIdentity(perturbed, (g) => sortP.vjp(g, g, [m34], { axis: 0 })[0]!, m34);
  });
});
