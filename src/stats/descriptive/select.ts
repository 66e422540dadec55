/**
 * Selection of order statistics without sorting: Hoare's quickselect
 * (Hoare 1961, "Algorithm 65: FIND") with a median-of-three pivot, the O(n)
 * partition NumPy's `np.partition` uses for median and quantile (introselect
 * in numpy/_core/src/npysort/selection.cpp). V8's typed-array sort is
 * ~10× slower than a select on a million values.
 */

/**
 * Reorders a[lo..hi] so that a[k] is the value it would have if sorted, with
 * a[lo..k-1] ≤ a[k] ≤ a[k+1..hi]. The values must not contain NaN.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // median of three as the pivot: sorted and reversed input stay O(n)
    const mid = (lo + hi) >> 1;
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The order statistics `ks` (sorted ascending, distinct) of one lane
 * a[base..base+n-1], which is reordered in place: each selection narrows the
 * range of the next. NaN anywhere gives NaN for all (NumPy's rule).
 */
export function orderStatistics(a: Float64Array, base: number, n: number, ks: readonly number[]): Float64Array {
  const out = new Float64Array(ks.length);
  for (let i = base; i < base + n; i++) {
    if (a[i] !== a[i]) return out.fill(NaN);
  }
  let lo = base;
  ks.forEach((k, j) => {
    selectInPlace(a, lo, base + n - 1, base + k);
    out[j] = a[base + k];
    lo = base + k;
  });
  return out;
}
