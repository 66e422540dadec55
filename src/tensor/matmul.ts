/**
 * `matmul`: NumPy's matrix product gufunc, signature `(n?,k),(k,m?)->(n?,m?)`.
 * A 1-D operand is promoted to a matrix (a row on the left, a column on the
 * right) and the added axis is removed from the result; leading (batch)
 * dimensions broadcast. The primitive works on ≥2-D operands; promotion and
 * squeezing are reshape views around it, so everything is differentiable.
 */
import {
  asarray, bind, broadcastShapes, canCastSameKind, definePrimitive, DTypeError, NDArray, promoteTypes, shapesEqual, shapeText,
  ShapeError, toDType, ValueError, type ArrayLike, type DType,
} from '../core';
import { add, astype, reshape, swapaxes } from '../ops';
import { sumTo } from '../ops/internal';
import { assignInto } from '../ops/ufunc';
import { matmulKernel } from './matmulKernel';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Write the result into this array (exactly the result's shape; same-kind castable) and return it. */
  out?: NDArray;
  /** Compute in this dtype (the inputs are cast to it). */
  dtype?: DType | string;
}

const SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

/** The leading (batch) dimensions of a ≥2-D shape, as a plain array. */
function leading(shape: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length - 2; i++) out.push(shape[i]);
  return out;
}

/** The batch shape of two ≥2-D operands, with NumPy's gufunc error for a mismatch. */
export function matmulBatch(a: NDArray, b: NDArray, requested: readonly number[]): number[] {
  const ab = leading(a.shape), bb = leading(b.shape);
  if (bb.length === 0) return ab;
  if (ab.length === 0) return bb;
  try {
    return broadcastShapes(ab, bb);
  } catch {
    const remap = (x: NDArray, batch: readonly number[]): string =>
      `${shapeText(x.shape)}->(${[...batch, 'newaxis', 'newaxis'].join(',')})`;
    throw new ShapeError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a, ab)} ${remap(b, bb)}  and requested shape ${shapeText(requested)}`,
    );
  }
}

interface MatmulParams {
  /** Where to write (already validated: the result's shape); used only on concrete values. */
  readonly out?: NDArray;
}

/** Whether the kernel may write straight into `out`: same dtype, C-contiguous, no shared buffer with an input. */
function directTarget(out: NDArray | undefined, dtype: DType, a: NDArray, b: NDArray): out is NDArray {
  return out !== undefined && out.dtype === dtype && (dtype === 'float64' || dtype === 'complex128') && out.isContiguous &&
    out.data !== a.data && out.data !== b.data;
}

/** `a @ b` for ≥2-D operands whose core dimensions agree. */
export const matmulP = definePrimitive<MatmulParams>({
  name: 'matmul',
  impl: ([a, b], { out }) => {
    const m = a.shape[a.ndim - 2], n = b.shape[b.ndim - 1];
    const batch = matmulBatch(a, b, [m, n]);
    const dtype = promoteTypes(a.dtype, b.dtype);
    if (directTarget(out, dtype, a, b)) return matmulKernel(a, b, batch, dtype, out);
    const r = matmulKernel(a, b, batch, dtype);
    if (out === undefined) return r;
    assignInto(out, r);
    return out;
  },
  // d(A B) = dA B + A dB, so Ā = Ḡ Bᵀ and B̄ = Aᵀ Ḡ, summed over the batch axes each operand was broadcast along.
  vjp: (g, _out, [a, b], _p, wanted) => [
    wanted?.[0] === false ? null : sumTo(matmul(g, swapaxes(b, -1, -2)), a.shape),
    wanted?.[1] === false ? null : sumTo(matmul(swapaxes(a, -1, -2), g), b.shape),
  ],
  jvp: ([ta, tb], _out, [a, b]) => {
    const da = ta === null ? null : matmul(ta, b);
    const db = tb === null ? null : matmul(a, tb);
    return da === null ? db : db === null ? da : add(da, db);
  },
});

/**
 * Matrix product with NumPy's `matmul` (`@`) semantics. Operands of shape
 * `(..., n, k)` and `(..., k, m)` give `(..., n, m)`; batch dimensions
 * broadcast; a 1-D left operand `(k,)` acts as a row and a 1-D right operand
 * as a column, and that axis is dropped from the result (two vectors give a
 * 0-d array). Scalars are not allowed (use `multiply`). Real dtypes
 * accumulate in float64 (the packed GEMM kernel); complex uses four real GEMMs.
 * @param x1 `(..., n, k)` or `(k,)`.
 * @param x2 `(..., k, m)` or `(k,)`.
 * @throws {ValueError} for a 0-d operand, or mismatched core dimensions
 * ("matmul: Input operand 1 has a mismatch in its core dimension 0, …").
 * @throws {ShapeError} when the batch dimensions do not broadcast, or `out` has the wrong shape.
 * @throws {DTypeError} when the result cannot be cast to `out`'s dtype.
 * @example
 * np.matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])  // [[19 22] [43 50]]
 * np.matmul(np.ones([8, 2, 3]), np.ones([3, 4])).shape  // [8, 2, 4]
 */
export function matmul(x1: ArrayLike, x2: ArrayLike, opts: MatmulOptions = {}): NDArray {
  let a = asarray(x1);
  let b = asarray(x2);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ValueError(`matmul: Input operand ${a.ndim === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature ${SIGNATURE} requires 1)`);
  }
  if (opts.dtype !== undefined) {
    const dt = toDType(opts.dtype);
    a = castInput(a, dt, 0);
    b = castInput(b, dt, 1);
  }
  const k1 = a.shape[a.ndim - 1];
  const k2 = b.ndim === 1 ? b.shape[0] : b.shape[b.ndim - 2];
  if (k1 !== k2) {
    throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIGNATURE} (size ${k2} is different from ${k1})`);
  }
  const a2 = a.ndim === 1 ? promote(a, true) : a;
  const b2 = b.ndim === 1 ? promote(b, false) : b;
  const core = [...(a.ndim > 1 ? [a.shape[a.ndim - 2]] : []), ...(b.ndim > 1 ? [b.shape[b.ndim - 1]] : [])];
  const batch = matmulBatch(a2, b2, core);
  const shape = [...batch, ...core];
  const out = opts.out;
  if (out === undefined) {
    const r = bind(matmulP, [a2, b2], {});
    if (a.ndim > 1 && b.ndim > 1) return r;
    // The fresh C-contiguous result loses the promoted axis: a plain view unless traced.
    return r.isTraced() ? reshape(r, shape) : new NDArray(r.data, shape, r.dtype, undefined, r.offset, r.base ?? r);
  }
  checkOut(out, shape, core, promoteTypes(a.dtype, b.dtype), a.isTraced() || b.isTraced());
  const promoted = [...batch, a2.shape[a2.ndim - 2], b2.shape[b2.ndim - 1]];
  // The primitive writes into `out` seen with the promoted (≥2-D) shape: a reshape view when `out` is contiguous.
  if (out.isContiguous || shapesEqual(out.shape, promoted)) {
    const view = shapesEqual(out.shape, promoted) ? out : new NDArray(out.data, promoted, out.dtype, undefined, out.offset, out.base ?? out);
    bind(matmulP, [a2, b2], { out: view });
  } else {
    assignInto(out, reshape(bind(matmulP, [a2, b2], {}), shape));
  }
  return out;
}

/** The `dtype=` option: an input cast under NumPy's default `same_kind` rule. */
function castInput(x: NDArray, dtype: DType, index: number): NDArray {
  if (x.dtype === dtype) return x;
  if (!canCastSameKind(x.dtype, dtype)) {
    throw new DTypeError(`Cannot cast ufunc 'matmul' input ${index} from dtype('${x.dtype}') to dtype('${dtype}') with casting rule 'same_kind'`);
  }
  return astype(x, dtype);
}

/**
 * A 1-D operand as a row `(1, k)` (left) or a column `(k, 1)` (right). A view
 * built directly for plain arrays (reshape's primitive machinery costs more
 * than a small product); the reshape primitive when traced, for its VJP.
 */
function promote(v: NDArray, row: boolean): NDArray {
  const k = v.shape[0];
  const shape = row ? [1, k] : [k, 1];
  if (v.isTraced()) return reshape(v, shape);
  const s = v.strides[0];
  return new NDArray(v.data, shape, v.dtype, row ? [k * s, s] : [s, s], v.offset, v.base ?? v);
}

/** Validates `out` as NumPy does for a gufunc output. */
function checkOut(out: NDArray, shape: readonly number[], core: readonly number[], dtype: DType, traced: boolean): void {
  if (!(out instanceof NDArray)) throw new DTypeError("matmul: 'out' must be an NDArray");
  if (out.isTraced() || traced) throw new DTypeError("matmul: 'out' cannot be used inside a transform (grad, jvp, …); use the returned value");
  if (out.ndim < core.length) {
    throw new ValueError(`matmul: Output operand 0 does not have enough dimensions (has ${out.ndim}, gufunc core with signature ${SIGNATURE} requires ${core.length})`);
  }
  for (let i = 0; i < core.length; i++) {
    const got = out.shape[out.ndim - core.length + i];
    if (got !== core[i]) {
      throw new ValueError(`matmul: Output operand 0 has a mismatch in its core dimension ${i}, with gufunc signature ${SIGNATURE} (size ${got} is different from ${core[i]})`);
    }
  }
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`non-broadcastable output operand with shape ${shapeText(out.shape)} doesn't match the broadcast shape ${shapeText(shape)}`);
  }
  if (!canCastSameKind(dtype, out.dtype)) {
    throw new DTypeError(`Cannot cast ufunc 'matmul' output from dtype('${dtype}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
}
