/**
 * The n-d array: a typed buffer plus shape, strides and offset (the scijs
 * view model). Views (reshape, transpose, slicing, broadcastTo) share the
 * buffer; only `copy()` and friends allocate.
 *
 * The class holds the data model and element access. Its operator methods
 * (`a.add(b)`, `a.sum()`, `a.reshape(…)`) are the public functions of the
 * ops and tensor layers, reached through {@link arrayMethods} so that this
 * layer imports nothing above it.
 */
import { Complex } from './complex';
import type { DType, TypedArray } from './dtype';
import type { NestedArray } from './methods';
import { castScalar } from './dtype';
import { IndexError, TypeError_, ValueError } from './errors';
import { arrayMethods, METHOD_NAMES, type NDArrayMethods } from './methods';
import { formatArray } from './print';
import { contiguousStrides, isCContiguous, sizeOf, type Shape } from './shape';

/**
 * One item of an index (see {@link NDArray.get}): an integer, a {@link Slice},
 * `null` (newaxis), `'...'` or NumPy's bracket text (`'1:, ::-2'`), or an
 * integer / boolean array (NDArray, nested lists, typed array) for advanced indexing.
 */
export type IndexItem = number | boolean | string | null | Slice | NDArray | NestedArray | TypedArray;

/** A slice `start:stop:step`; omitted fields take NumPy's defaults. */
export interface Slice {
  readonly start?: number | null;
  readonly stop?: number | null;
  readonly step?: number | null;
}

/** Nested JavaScript arrays of numbers (what `tolist()` returns). */
export type NestedList = number | boolean | Complex | NestedList[];

/**
 * An n-dimensional array: a typed-array buffer read through `shape`,
 * `strides` (in elements, may be 0 or negative) and `offset`, as NumPy's
 * ndarray. Slicing, `reshape` and `transpose` return views sharing the
 * buffer (`base` is then the array viewed). Create arrays with `np.array`,
 * `np.zeros`, `np.arange`, …; every `np.<op>` with an array first argument
 * is also a method (`a.add(b)` is `np.add(a, b)`). `String(a)` prints as
 * NumPy's `print(a)`, `np.repr(a)` as its `repr`.
 * @example
 * const a = np.array([[1, 2, 3], [4, 5, 6]]);
 * a.shape;                    // [2, 3]   (np.format(a.shape) is '(2, 3)')
 * a.dtype;                    // 'int32'
 * String(a.T);                // [[1 4]
 *                             //  [2 5]
 *                             //  [3 6]]
 * String(a.get(':, 0'));      // [1 4]
 * a.get(1, 2);                // 6
 * String(a.add(1).mul(2));    // [[ 4  6  8]
 *                             //  [10 12 14]]
 * a.sum();                    // 21
 * String(a.sum({ axis: 0 })); // [5 7 9]
 */
export class NDArray {
  /**
   * The buffer this array reads; shared with its views. Arrays of up to 1 KB
   * are carved out of shared 8 KB slabs (see `allocate`), so `data.buffer`
   * may also hold other arrays: copy with `data.slice()` before transferring
   * or hashing the whole buffer.
   */
  readonly data: TypedArray;
  /** Dimensions, outermost first. */
  readonly shape: Shape;
  /** Steps between consecutive elements along each axis, in elements (may be 0 or negative). */
  readonly strides: readonly number[];
  /** Element index of `a[0, 0, …]` in {@link data} (complex: in complex elements). */
  readonly offset: number;
  /** Element type. */
  readonly dtype: DType;
  /** The array whose buffer this view reads, or `null` when this array owns its buffer. */
  readonly base: NDArray | null;

  /**
   * @internal Use `np.array`, `np.zeros`, … to create arrays. `shared`: the
   * caller hands over `shape` and `strides` (fresh, or another array's, which
   * are never mutated) instead of having them copied, as the small-array fast
   * paths do.
   */
  constructor(data: TypedArray, shape: Shape, dtype: DType, strides?: readonly number[], offset = 0, base: NDArray | null = null, shared = false) {
    this.data = data;
    // Plain arrays, not frozen and not a subclass: Object.freeze costs ~250 ns per array in
    // V8 and an Array subclass several times more, more than the rest of construction;
    // `readonly` types keep callers honest instead.
    this.shape = shared ? shape : shape.slice();
    this.strides = strides ? (shared ? strides : strides.slice()) : contiguousStrides(shape);
    this.offset = offset;
    this.dtype = dtype;
    this.base = base;
  }

  /**
   * False for a broadcast view (a zero stride on an axis longer than 1): one
   * element stands for many, so NumPy makes such views read-only and writing
   * through them raises instead of changing every copy.
   */
  get writeable(): boolean {
    for (let i = 0; i < this.strides.length; i++) if (this.strides[i] === 0 && this.shape[i] > 1) return false;
    return true;
  }

  /**
   * @internal Throws NumPy's error when this array cannot be written.
   * @throws {ValueError} "assignment destination is read-only"
   */
  assertWriteable(): void {
    if (!this.writeable) throw new ValueError('assignment destination is read-only (a broadcast view; copy it first: a.copy())');
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Bytes per element, as NumPy's `itemsize` (int arrays report 8, standing in for int64). */
  get itemsize(): number {
    return { bool: 1, uint8: 1, int32: 8, float32: 4, float64: 8, complex128: 16 }[this.dtype];
  }

  /** Whether the elements lie in C order without gaps from {@link offset}. */
  get isContiguous(): boolean {
    return isCContiguous(this.shape, this.strides);
  }

  /** The transpose (a view): axes reversed. */
  get T(): NDArray {
    return arrayMethods().transpose(this);
  }

  /** Matrix transpose of the last two axes (a view), NumPy's `mT`. */
  get mT(): NDArray {
    return arrayMethods().swapaxes(this, -1, -2);
  }

  /** Real part (a view for complex input, the array itself otherwise). */
  get real(): NDArray {
    return arrayMethods().realPart(this);
  }

  /** Imaginary part. */
  get imag(): NDArray {
    return arrayMethods().imagPart(this);
  }

  /** Buffer position of a full integer index, with bounds and negative-index handling. */
  private flatIndex(idx: readonly number[]): number {
    let p = this.offset;
    for (let k = 0; k < idx.length; k++) {
      let i = idx[k];
      const n = this.shape[k];
      if (!Number.isInteger(i)) {
        throw new IndexError('only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
      }
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${k} with size ${n}`);
      if (i < 0) i += n;
      p += i * this.strides[k];
    }
    return p;
  }

  /** Reads the element at buffer position `p` as a JavaScript value. */
  private readAt(p: number): number | Complex {
    if (this.dtype === 'complex128') return new Complex(this.data[2 * p], this.data[2 * p + 1]);
    return this.data[p];
  }

  /**
   * NumPy's bracket indexing. With one integer per axis it returns the element
   * (a number, or `Complex`). Otherwise it returns an array: basic indices
   * (integers, slices, `null` for newaxis, `'...'`) give a view; an integer
   * array, a number list or a boolean mask gives a copy (fancy indexing).
   * A string is NumPy's bracket text: `'1:, ::-2'`, `':, 0'`, `'..., None'`.
   * @throws {IndexError} for an out-of-bounds index or too many indices.
   * @example
   * const a = np.arange(6).reshape(2, 3);
   * a.get(1, 2);        // 5
   * a.get(':, ::-1');   // [[2 1 0] [5 4 3]] (a view)
   * a.get(np.array([true, false])); // [[0 1 2]]
   */
  get(...index: number[]): any;
  get(...index: IndexItem[]): NDArray;
  get(...index: IndexItem[]): unknown {
    if (index.length === this.shape.length && !this.isTraced() && index.every((i) => typeof i === 'number')) {
      return this.readAt(this.flatIndex(index as number[]));
    }
    return arrayMethods().getIndex(this, index);
  }

  /**
   * Writes `value` (broadcast to the indexed region) in place: `a.set(0, 1, 5)`,
   * `a.set(':, 0', 0)`, `a.set(mask, 0)`. The last argument is the value.
   * @throws {IndexError} for a bad index; {@link ShapeError} when the value does not broadcast.
   */
  set(...args: [...IndexItem[], unknown]): this {
    if (args.length === 0) throw new TypeError_('set() needs a value');
    const value = args[args.length - 1];
    const index = args.slice(0, -1) as IndexItem[];
    if (index.length === this.shape.length && typeof value === 'number' && this.dtype !== 'complex128' && !this.isTraced() && index.every((i) => typeof i === 'number')) {
      this.assertWriteable();
      this.data[this.flatIndex(index as number[])] = castScalar(value, this.dtype);
      return this;
    }
    arrayMethods().setIndex(this, index, value);
    return this;
  }

  /**
   * The element of a size-1 array, or the element at a flat or full index, as a
   * JavaScript number (NumPy's `item`).
   * @throws {ValueError} "can only convert an array of size 1 to a Python scalar"
   */
  item(...index: number[]): number | Complex {
    if (index.length === 0) {
      if (this.size !== 1) throw new ValueError('can only convert an array of size 1 to a Python scalar');
      return this.readAt(this.flatIndex(new Array(this.ndim).fill(0)));
    }
    if (index.length === 1 && this.ndim !== 1) {
      let flat = index[0];
      const n = this.size;
      if (!Number.isInteger(flat) || flat < -n || flat >= n) throw new IndexError(`index ${flat} is out of bounds for size ${n}`);
      if (flat < 0) flat += n;
      const idx = new Array<number>(this.ndim);
      for (let k = this.ndim - 1; k >= 0; k--) {
        idx[k] = flat % this.shape[k];
        flat = Math.floor(flat / this.shape[k]);
      }
      return this.readAt(this.flatIndex(idx));
    }
    if (index.length !== this.ndim) throw new IndexError(`incorrect number of indices for array`);
    return this.readAt(this.flatIndex(index));
  }

  /** Nested JavaScript arrays of the elements (numbers, booleans for bool, `Complex`). */
  tolist(): NestedList {
    const rec = (axis: number, p: number): NestedList => {
      if (axis === this.ndim) {
        const v = this.readAt(p);
        return this.dtype === 'bool' ? v !== 0 : v;
      }
      const out: NestedList[] = [];
      for (let i = 0; i < this.shape[axis]; i++) out.push(rec(axis + 1, p + i * this.strides[axis]));
      return out;
    };
    return rec(0, this.offset);
  }

  /** The elements in C order as a plain number array (complex: not supported, use `tolist`). */
  toArray(): number[] {
    if (this.dtype === 'complex128') throw new TypeError_('toArray() is for real arrays; use tolist() for complex');
    const out: number[] = [];
    const rec = (axis: number, p: number): void => {
      if (axis === this.ndim) {
        out.push(this.data[p]);
        return;
      }
      for (let i = 0; i < this.shape[axis]; i++) rec(axis + 1, p + i * this.strides[axis]);
    };
    rec(0, this.offset);
    return out;
  }

  /** NumPy's `str(a)`, what `print(a)` shows. */
  toString(): string {
    return formatArray(this);
  }

  /** What `console.log(a)` shows in Node: the same text as `print(a)` in NumPy. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /**
   * A size-1 array converts to its number, like Python's `float(a)`; any other
   * size throws, so `a + b` on arrays fails loudly instead of concatenating strings.
   * @throws {TypeError} "only size-1 arrays can be converted to numbers"
   */
  valueOf(): number {
    if (this.size !== 1) throw new TypeError_('only size-1 arrays can be converted to numbers; for elementwise arithmetic use np.add(a, b) or a.add(b)');
    const v = this.item();
    if (v instanceof Complex) throw new TypeError_('cannot convert a complex array to a number');
    return v;
  }

  /** Iterates over the first axis, as `for row in a` does in Python. */
  *[Symbol.iterator](): Iterator<any> {
    if (this.ndim === 0) throw new TypeError_('iteration over a 0-d array');
    for (let i = 0; i < this.shape[0]; i++) yield this.get(i);
  }

  /** @internal True for values being traced by an autodiff transform. */
  isTraced(): boolean {
    return false;
  }
}

/**
 * The operator methods, declared in `methods.ts` and implemented by the ops and
 * tensor layers: `a.add(b)` is `np.add(a, b)`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NDArray extends NDArrayMethods {}

// Each listed method forwards to the installed implementation with this array as receiver.
for (const name of METHOD_NAMES) {
  Object.defineProperty(NDArray.prototype, name, {
    value: function (this: NDArray, ...args: unknown[]): unknown {
      return (arrayMethods()[name] as (self: NDArray, ...a: unknown[]) => unknown)(this, ...args);
    },
    writable: true,
    configurable: true,
  });
}
