/**
 * `einsum` and `einsumPath`. Execution follows NumPy 2's `bmm_einsum`: each
 * pairwise contraction is lowered to views plus one batched matrix product,
 *   A → (batch…, M, K) by transpose + reshape, B → (batch…, K, N), then
 *   matmul → (batch…, M, N) → reshape + transpose to the result's labels,
 * or to one broadcast multiply when nothing is summed (Hadamard and outer
 * products). Repeated labels in one operand become diagonal views, labels
 * needed nowhere else are summed first. Every step is a differentiable
 * primitive (transpose, reshape, diagonal, sum, matmul, multiply), so
 * einsum needs no derivative rule of its own.
 */
import { asarray, bind, canCastSameKind, Complex, DTypeError, isTypedArray, NDArray, promoteTypes, ShapeError, shapesEqual, shapeText, toDType, ValueError, type ArrayLike, type DType } from '../../core';
import { astype, multiply, reshape, transpose } from '../../ops';
import { scalarOrArray, sumP } from '../../ops/internal';
import { assignInto } from '../../ops/ufunc';
import { diagonalP } from '../diagonal';
import { matmul } from '../matmul';
import { parseEinsum, sublistToSubscripts, type ParsedEinsum } from './parse';
import { pathReport, planContractions, type ContractionStep, type EinsumOptimize, type EinsumPath } from './path';

/** Options of {@link einsum}. */
export interface EinsumOptions {
  /** Write the result here (exactly the result's shape). */
  out?: NDArray;
  /** Cast the operands to this dtype first. */
  dtype?: DType | string;
  /**
   * Contraction order: `'greedy'` (default, also `true`), `'optimal'`,
   * `false` (left to right), an explicit `['einsum_path', [0, 1], …]`, or
   * `['greedy' | 'optimal', maxIntermediateElements]`. NumPy's default is
   * `false`; the pairwise plan gives the same values up to rounding.
   */
  optimize?: EinsumOptimize;
}

/** One operand with a label per axis. */
interface Labelled {
  readonly x: NDArray;
  readonly term: string;
}

/** Collapses repeated labels into diagonal views: `ii → i` (axes i, i become one strided axis). */
function takeDiagonals({ x, term }: Labelled): Labelled {
  for (let p = 0; p < term.length; p++) {
    const q = term.indexOf(term[p], p + 1);
    if (q < 0) continue;
    // diagonal removes axes p and q and appends the diagonal last.
    const y = bind(diagonalP, [x], { offset: 0, axis1: p, axis2: q });
    return takeDiagonals({ x: y, term: term.slice(0, p) + term.slice(p + 1, q) + term.slice(q + 1) + term[p] });
  }
  return { x, term };
}

/** Sums away the labels `keep` rejects (always an array, never a number). */
function sumAway({ x, term }: Labelled, keep: (c: string) => boolean): Labelled {
  const axes: number[] = [];
  for (let d = 0; d < term.length; d++) if (!keep(term[d])) axes.push(d);
  if (axes.length === 0) return { x, term };
  return { x: bind(sumP, [x], { axes, keepdims: false }), term: [...term].filter((c) => keep(c)).join('') };
}

/** Permutes axes so the labels read `order` (every label of `term` must be in `order`). */
function permute({ x, term }: Labelled, order: string): NDArray {
  const perm = [...order].map((c) => term.indexOf(c));
  return perm.every((p, i) => p === i) ? x : transpose(x, perm);
}

const sizeIn = ({ x, term }: Labelled, c: string): number => x.shape[term.indexOf(c)];

/** `reshape`, skipping the call (and the new view object) when the shape is already right. */
function shaped(x: NDArray, shape: readonly number[]): NDArray {
  return shapesEqual(x.shape, shape) ? x : reshape(x, shape);
}
const prod = (xs: readonly number[]): number => xs.reduce((p, d) => p * d, 1);

/** One operand reduced to the labels of `result` (diagonals, sums, transpose). */
function single(op: Labelled, result: string): NDArray {
  const r = sumAway(takeDiagonals(op), (c) => result.includes(c));
  return permute(r, result);
}

/** The contraction of two operands into the labels `result` (see the file comment). */
function pairwise(left: Labelled, right: Labelled, result: string): NDArray {
  let a = takeDiagonals(left), b = takeDiagonals(right);
  // A summed label of size 1 on one side is a broadcast: drop it there, it is then summed on the other side alone.
  for (const c of a.term) {
    if (!b.term.includes(c) || result.includes(c)) continue;
    const na = sizeIn(a, c), nb = sizeIn(b, c);
    if (na === nb) continue;
    if (na === 1) a = sumAway(a, (l) => l !== c);
    else b = sumAway(b, (l) => l !== c);
  }
  const inA = a.term, inB = b.term;
  a = sumAway(a, (c) => inB.includes(c) || result.includes(c));
  b = sumAway(b, (c) => inA.includes(c) || result.includes(c));
  const bat: string[] = [], con: string[] = [], aKeep: string[] = [], bKeep: string[] = [];
  for (const c of a.term) {
    if (b.term.includes(c)) (result.includes(c) ? bat : con).push(c);
    else aKeep.push(c);
  }
  for (const c of b.term) if (!a.term.includes(c)) bKeep.push(c);

  if (con.length === 0) {
    // Nothing summed: a broadcast multiply with both operands laid out in result order.
    const lay = (op: Labelled): NDArray => {
      const order = [...result].filter((c) => op.term.includes(c)).join('');
      return shaped(permute(op, order), [...result].map((c) => (op.term.includes(c) ? sizeIn(op, c) : 1)));
    };
    return multiply(lay(a), lay(b));
  }
  const K = prod(con.map((c) => sizeIn(a, c)));
  const M = prod(aKeep.map((c) => sizeIn(a, c)));
  const N = prod(bKeep.map((c) => sizeIn(b, c)));
  const a3 = shaped(permute(a, [...bat, ...aKeep, ...con].join('')), [...bat.map((c) => sizeIn(a, c)), M, K]);
  const b3 = shaped(permute(b, [...bat, ...con, ...bKeep].join('')), [...bat.map((c) => sizeIn(b, c)), K, N]);
  const ab = matmul(a3, b3);
  const batSizes = ab.shape.slice(0, bat.length);
  const produced = [...bat, ...aKeep, ...bKeep].join('');
  const full = shaped(ab, [...batSizes, ...aKeep.map((c) => sizeIn(a, c)), ...bKeep.map((c) => sizeIn(b, c))]);
  return permute({ x: full, term: produced }, result);
}

/** One planned step: one operand, two, or more (contracted left to right, pairwise). */
function contractStep(ops: Labelled[], result: string): NDArray {
  if (ops.length === 1) return single(ops[0], result);
  let acc = ops[0];
  for (let i = 1; i < ops.length; i++) {
    const last = i === ops.length - 1;
    let term = result;
    if (!last) {
      const later = ops.slice(i + 1).map((o) => o.term).join('') + result;
      term = [...new Set(acc.term + ops[i].term)].filter((c) => later.includes(c)).sort().join('');
    }
    acc = { x: pairwise(acc, ops[i], term), term };
  }
  return acc.x;
}

/** Splits einsum's arguments: subscripts (or sublists), operands, options. */
function splitArgs(args: readonly unknown[]): { subscripts: string; operands: ArrayLike[]; opts: EinsumOptions } {
  let list = [...args];
  let opts: EinsumOptions = {};
  const last = list[list.length - 1];
  const isOptions = (v: unknown): v is EinsumOptions =>
    typeof v === 'object' && v !== null && !(v instanceof NDArray) && !(v instanceof Complex) && !Array.isArray(v) && !isTypedArray(v);
  if (list.length > 1 && isOptions(last)) {
    opts = last;
    list = list.slice(0, -1);
  }
  if (list.length === 0) throw new ValueError('No input operands');
  if (typeof list[0] === 'string') return { subscripts: list[0], operands: list.slice(1) as ArrayLike[], opts };
  // Sublist form: op0, sublist0, op1, sublist1, …, [sublistOut].
  const operands: ArrayLike[] = [];
  const lists: (readonly (number | string)[])[] = [];
  for (let i = 0; i + 1 < list.length; i += 2) {
    operands.push(list[i] as ArrayLike);
    lists.push(list[i + 1] as readonly (number | string)[]);
  }
  const output = list.length % 2 === 1 ? (list[list.length - 1] as readonly (number | string)[]) : null;
  return { subscripts: sublistToSubscripts(lists, output), operands, opts };
}

/** Parsed subscripts and plans of recent calls: training loops call einsum with the same spec and shapes again and again (NumPy caches its bmm parse the same way). */
const planCache = new Map<string, { parsed: ParsedEinsum; steps: ContractionStep[] }>();

/** The parse and contraction plan for these subscripts, shapes and `optimize`, cached. */
function planFor(subscripts: string, xs: readonly NDArray[], optimize: EinsumOptimize): { parsed: ParsedEinsum; steps: ContractionStep[] } {
  let key = subscripts;
  for (const x of xs) key += `|${x.shape.join(',')}`;
  key += `|${typeof optimize === 'object' ? JSON.stringify(optimize) : String(optimize)}`;
  let plan = planCache.get(key);
  if (plan === undefined) {
    const parsed = parseEinsum(subscripts, xs.map((x) => x.shape));
    plan = { parsed, steps: planContractions(parsed, optimize) };
    if (planCache.size >= 256) planCache.clear();
    planCache.set(key, plan);
  }
  return plan;
}

function prepare(args: readonly unknown[]): { parsed: ParsedEinsum; steps: ContractionStep[]; xs: NDArray[]; opts: EinsumOptions } {
  const { subscripts, operands, opts } = splitArgs(args);
  if (typeof subscripts !== 'string') throw new ValueError('einsum: the subscripts must be a string');
  let xs = operands.map((o) => asarray(o));
  if (opts.dtype !== undefined) {
    const dt = toDType(opts.dtype);
    xs = xs.map((x, i) => {
      if (x.dtype === dt) return x;
      if (!canCastSameKind(x.dtype, dt)) {
        throw new DTypeError(`einsum: cannot cast operand ${i} from dtype('${x.dtype}') to dtype('${dt}') with casting rule 'same_kind'`);
      }
      return astype(x, dt);
    });
  }
  return { ...planFor(subscripts, xs, opts.optimize ?? 'greedy'), xs, opts };
}

/**
 * Einstein summation (NumPy's `einsum`): `subscripts` names each operand's
 * axes with letters, e.g. `'ij,jk->ik'` (matrix product), `'ii->'` (trace),
 * `'ii->i'` (diagonal), `'bij,bkj->bik'` (batched `A Bᵀ`), `'...ij->...ji'`.
 * Labels repeated across operands are multiplied together, labels missing
 * from the output are summed. Without `->` (implicit mode) the output is the
 * broadcast axes followed by the labels that appear once, alphabetically.
 * `...` stands for broadcast axes; size-1 axes broadcast. NumPy's sublist
 * form `einsum(a, [0, 1], b, [1, 2], [0, 2])` is accepted too. Operands are
 * contracted pairwise in the order `optimize` chooses, each contraction
 * one batched GEMM. A 0-d result of plain arrays is returned as a number.
 * @throws {ValueError} NumPy's messages for invalid subscripts ("invalid subscript '1' in einstein sum subscripts string,
 * subscripts must be letters") and for sizes that do not match.
 * @example
 * np.einsum('ij,jk->ik', [[1, 2], [3, 4]], [[5, 6], [7, 8]])  // [[19 22] [43 50]]
 * np.einsum('ii', [[1, 2], [3, 4]])                             // 5
 * np.einsum('i,j->ij', [1, 2], [3, 4, 5])                       // [[ 3  4  5] [ 6  8 10]]
 */
export function einsum(subscripts: string, ...operands: (ArrayLike | EinsumOptions)[]): any;
export function einsum(...args: unknown[]): any;
export function einsum(...args: unknown[]): any {
  const { parsed, steps, xs, opts } = prepare(args);
  const ops: Labelled[] = xs.map((x, i) => ({ x, term: parsed.inputs[i] }));
  for (const step of steps) {
    // NumPy pops the operands from the highest position down; contracting them in their
    // original order instead makes 'ij,jk->ik' compute A·B directly (a contiguous result, no transposes).
    const taken = step.positions.map((p) => ops.splice(p, 1)[0]).reverse();
    ops.push({ x: contractStep(taken, step.result), term: step.result });
  }
  let r = ops[0].x;
  const dtype = xs.reduce<DType>((d, x) => promoteTypes(d, x.dtype), xs.length > 0 ? xs[0].dtype : 'float64');
  if (r.dtype !== dtype) r = astype(r, dtype); // bool operands: sums counted in int32, NumPy's result is bool
  if (opts.out === undefined) return scalarOrArray(r);
  const out = opts.out;
  if (!(out instanceof NDArray) || !shapesEqual(out.shape, r.shape)) {
    throw new ShapeError(`einsum: output operand with shape ${out instanceof NDArray ? shapeText(out.shape) : String(out)} doesn't match the result shape ${shapeText(r.shape)}`);
  }
  if (out.isTraced() || r.isTraced()) throw new ValueError("einsum: 'out' cannot be used inside a transform (grad, jvp, …); use the returned value");
  // The result may be a view of an operand that `out` overlaps ('ij->ji' into the operand itself): copy it first.
  assignInto(out, r.data === out.data ? r.copy() : r);
  return out;
}

/**
 * The contraction order einsum would use, and NumPy's report of it (NumPy's
 * `einsum_path`): `[path, report]`, where `path` is
 * `['einsum_path', [i, j], …]` (positions in the shrinking operand list) and
 * the report lists naive and optimised FLOP counts, the largest intermediate
 * and each step. `optimize` is `'greedy'` (default), `'optimal'`, `true`,
 * `false`, a path, or `[kind, memoryLimit]`.
 * @throws {ValueError} as {@link einsum} does for invalid subscripts.
 * @example
 * const [path, report] = np.einsumPath('ij,jk,kl->il', a, b, c, { optimize: 'optimal' });
 * path  // ['einsum_path', [0, 1], [0, 1]]
 */
export function einsumPath(subscripts: string, ...operands: (ArrayLike | EinsumOptions)[]): [EinsumPath, string];
export function einsumPath(...args: unknown[]): [EinsumPath, string];
export function einsumPath(...args: unknown[]): [EinsumPath, string] {
  const { parsed, steps } = prepare(args);
  const path = ['einsum_path', ...steps.map((s) => [...s.positions].sort((a, b) => a - b))] as unknown as EinsumPath;
  return [path, pathReport(parsed, steps)];
}
