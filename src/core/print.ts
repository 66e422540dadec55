/**
 * Printing arrays exactly as NumPy's `print(a)` (str) and `repr(a)` do.
 * (Interim version: the NumPy-exact formatter replaces it.)
 */
import type { NDArray } from './ndarray';

/** NumPy's `str(a)`. */
export function formatArray(a: NDArray): string {
  const rec = (axis: number, p: number): string => {
    if (axis === a.ndim) return a.dtype === 'complex128' ? `${a.data[2 * p]}+${a.data[2 * p + 1]}j` : String(a.data[p]);
    const parts: string[] = [];
    for (let i = 0; i < a.shape[axis]; i++) parts.push(rec(axis + 1, p + i * a.strides[axis]));
    return `[${parts.join(' ')}]`;
  };
  return rec(0, a.offset);
}
