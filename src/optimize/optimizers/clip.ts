/**
 * Gradient clipping: elementwise by value, and by global norm (the L2 norm
 * of all leaves together, as optax.clip_by_global_norm and PyTorch's
 * clip_grad_norm_; Pascanu, Mikolov & Bengio, "On the difficulty of training
 * recurrent neural networks", ICML 2013).
 */
import { asarray, ValueError } from '../../core';
import { flattenTree, leafData, type Leaf } from './tree';

/** Clips copies of the gradient arrays: by value (if given), then by global norm (if given). */
export function clipGradientData(g: Float64Array[], clipValue: number | undefined, clipNorm: number | undefined): Float64Array[] {
  let out = g;
  if (clipValue !== undefined) {
    out = out.map((a) => a.map((v) => (v > clipValue ? clipValue : v < -clipValue ? -clipValue : v)));
  }
  if (clipNorm !== undefined) {
    const norm = globalNormOf(out);
    // g·c/max(‖g‖, c): unchanged when ‖g‖ ≤ c (optax's rule, no epsilon).
    if (norm > clipNorm) {
      const scale = clipNorm / norm;
      out = out.map((a) => a.map((v) => v * scale));
    }
  }
  return out;
}

function globalNormOf(arrays: Float64Array[]): number {
  let scale = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i] / scale;
      s += v * v;
    }
  }
  return scale * Math.sqrt(s);
}

function mapTree(tree: unknown, fn: (a: Float64Array[]) => Float64Array[]): unknown {
  const f = flattenTree(tree, 'grads');
  const data = fn(f.leaves.map((l) => Float64Array.from(leafData(l))));
  return f.rebuild(f.leaves.map((l: Leaf, i) => (typeof l === 'number' ? data[i][0] : asarray(data[i]).reshape(l.shape))));
}

/**
 * The L2 norm of all the leaves of a gradient tree taken together.
 * @example globalNorm({ w: np.array([3, 0]), b: 4 })   // 5
 */
export function globalNorm(tree: unknown): number {
  const f = flattenTree(tree, 'tree');
  return globalNormOf(f.leaves.map(leafData));
}

/**
 * Each gradient element clipped to [-maxValue, maxValue] (a new tree).
 * @throws {ValueError} for a non-positive maxValue.
 * @example clipByValue(np.array([-3, 0.5, 2]), 1)   // [-1.   0.5  1. ]
 */
export function clipByValue<T>(tree: T, maxValue: number): T {
  if (!(maxValue > 0)) throw new ValueError(`maxValue must be positive, got ${maxValue}`);
  return mapTree(tree, (a) => clipGradientData(a, maxValue, undefined)) as T;
}

/**
 * The gradient tree rescaled so that its global L2 norm is at most maxNorm:
 * g·maxNorm/‖g‖ when ‖g‖ > maxNorm, else unchanged (a new tree).
 * @throws {ValueError} for a non-positive maxNorm.
 * @example clipByGlobalNorm({ w: np.array([3, 0]), b: 4 }, 1)   // { w: [0.6 0. ], b: 0.8 }
 */
export function clipByGlobalNorm<T>(tree: T, maxNorm: number): T {
  if (!(maxNorm > 0)) throw new ValueError(`maxNorm must be positive, got ${maxNorm}`);
  return mapTree(tree, (a) => clipGradientData(a, undefined, maxNorm)) as T;
}
