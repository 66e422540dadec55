/**
 * NumPy's `order='K'`: the temporaries of a composite reduction (var's
 * `x - mean`, nansum's NaN-replaced copy) are laid out in the memory order of
 * the input, and the sums over them run in that order. numts allocates C-order
 * results, so composites run their body on a transposed view whose C order is
 * the input's memory order; their sums then add in NumPy's order, and the
 * result is permuted back.
 */
import { memoryOrder, type NDArray } from '../core';
import { transpose } from './movement';

/**
 * Runs `body(xp, axesP)` on a view `xp` of `x` whose C order is x's memory
 * order (`axesP`: the reduced axes renumbered for `xp`) and returns its result
 * with the axes back in x's order. The identity (no view) for C-ordered input.
 * @param keepdims whether `body` keeps the reduced axes (as size 1).
 */
export function inMemoryOrder(x: NDArray, axes: readonly number[], keepdims: boolean, body: (xp: NDArray, axesP: number[]) => NDArray): NDArray {
  const perm = memoryOrder(x.ndim, [x.strides.map((s, d) => (x.shape[d] === 1 ? 0 : s))]);
  if (perm.every((p, i) => p === i)) return body(x, [...axes]);
  const axesP = axes.map((a) => perm.indexOf(a)).sort((a, b) => a - b);
  const r = body(transpose(x, perm), axesP);
  if (keepdims) return transpose(r, x.shape.map((_, d) => perm.indexOf(d)));
  const kept = perm.filter((a) => !axes.includes(a));
  const order = [...kept].sort((a, b) => a - b).map((a) => kept.indexOf(a));
  return order.every((o, i) => o === i) ? r : transpose(r, order);
}
