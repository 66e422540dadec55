/**
 * Contraction-order planning for einsum, ported from NumPy's
 * numpy/_core/einsumfunc.py (`_greedy_path`, `_optimal_path`,
 * `_find_contraction`, `_flop_count`, `einsum_path`) so that the same
 * subscripts give the same path, FLOP counts and report as NumPy. Labels are
 * single letters; a term is a string of them.
 */
import { TypeError_, ValueError } from '../../core';
import type { ParsedEinsum } from './parse';

type Sizes = ReadonlyMap<string, number>;
type LabelSet = ReadonlySet<string>;

/** A contraction order: `['einsum_path', [0, 1], [0, 1], …]`, each entry the positions (in the current operand list) contracted next. */
export type EinsumPath = readonly ['einsum_path', ...(readonly number[])[]];

/** NumPy's `optimize=` argument. */
export type EinsumOptimize = boolean | 'greedy' | 'optimal' | EinsumPath | readonly [('greedy' | 'optimal'), number];

/** The product of the sizes of `labels` (NumPy's `_compute_size_by_dict`). */
export function sizeOfLabels(labels: Iterable<string>, sizes: Sizes): number {
  let n = 1;
  for (const c of labels) n *= sizes.get(c)!;
  return n;
}

/**
 * NumPy's `_flop_count`: the size of the contraction's index space times
 * (terms − 1, at least 1), plus one when indices are summed away.
 */
export function flopCount(idx: LabelSet, inner: boolean, numTerms: number, sizes: Sizes): number {
  let factor = Math.max(1, numTerms - 1);
  if (inner) factor += 1;
  return sizeOfLabels(idx, sizes) * factor;
}

interface Contraction {
  /** Labels the contracted term keeps. */
  readonly newResult: Set<string>;
  /** The operand label sets after the contraction (the new term last). */
  readonly remaining: Set<string>[];
  /** Labels summed away. */
  readonly idxRemoved: Set<string>;
  /** All labels of the contracted operands. */
  readonly idxContract: Set<string>;
}

/** NumPy's `_find_contraction`: what contracting the operands at `positions` keeps and removes. */
export function findContraction(positions: readonly number[], inputSets: readonly LabelSet[], outputSet: LabelSet): Contraction {
  const idxContract = new Set<string>();
  const idxRemain = new Set(outputSet);
  const remaining: Set<string>[] = [];
  inputSets.forEach((value, ind) => {
    if (positions.includes(ind)) for (const c of value) idxContract.add(c);
    else {
      remaining.push(new Set(value));
      for (const c of value) idxRemain.add(c);
    }
  });
  const newResult = new Set([...idxContract].filter((c) => idxRemain.has(c)));
  const idxRemoved = new Set([...idxContract].filter((c) => !newResult.has(c)));
  remaining.push(newResult);
  return { newResult, remaining, idxRemoved, idxContract };
}

/** Pairs `(i, j)`, `i < j < n`, in itertools.combinations order. */
function pairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * NumPy's `_optimal_path`: every order of pairwise contractions (a
 * breadth-first search, factorial in the operand count), the cheapest kept;
 * intermediates larger than `memoryLimit` elements are not allowed.
 */
export function optimalPath(inputSets: readonly LabelSet[], outputSet: LabelSet, sizes: Sizes, memoryLimit: number): number[][] {
  let full: { cost: number; positions: number[][]; remaining: readonly LabelSet[] }[] = [{ cost: 0, positions: [], remaining: inputSets }];
  const cheapest = (): number[][] => full.reduce((best, r) => (r.cost < best.cost ? r : best)).positions;
  for (let iteration = 0; iteration < inputSets.length - 1; iteration++) {
    const iter: typeof full = [];
    for (const curr of full) {
      for (const con of pairs(inputSets.length - iteration)) {
        const { newResult, remaining, idxRemoved, idxContract } = findContraction(con, curr.remaining, outputSet);
        if (sizeOfLabels(newResult, sizes) > memoryLimit) continue;
        const total = curr.cost + flopCount(idxContract, idxRemoved.size > 0, con.length, sizes);
        iter.push({ cost: total, positions: [...curr.positions, con], remaining });
      }
    }
    if (iter.length > 0) full = iter;
    else return [...cheapest(), range(inputSets.length - iteration)];
  }
  if (full.length === 0) return [range(inputSets.length)];
  return cheapest();
}

interface Candidate {
  /** `[-removed size, cost]`, compared lexicographically. */
  readonly sort: readonly [number, number];
  readonly positions: readonly [number, number];
  readonly sets: Set<string>[];
}

/** NumPy's `_parse_possible_contraction`: a candidate pair, or null when too large or no cheaper than the naive sum. */
function possibleContraction(
  positions: readonly [number, number], inputSets: readonly LabelSet[], outputSet: LabelSet, sizes: Sizes,
  memoryLimit: number, pathCost: number, naiveCost: number,
): Candidate | null {
  const { newResult, remaining, idxRemoved, idxContract } = findContraction(positions, inputSets, outputSet);
  const newSize = sizeOfLabels(newResult, sizes);
  if (newSize > memoryLimit) return null;
  const removedSize = sizeOfLabels(inputSets[positions[0]], sizes) + sizeOfLabels(inputSets[positions[1]], sizes) - newSize;
  const cost = flopCount(idxContract, idxRemoved.size > 0, positions.length, sizes);
  if (pathCost + cost > naiveCost) return null;
  return { sort: [-removedSize, cost], positions, sets: remaining };
}

/** NumPy's `_update_other_results`: re-indexes the known candidates after `best` was contracted. */
function updateOtherResults(results: readonly Candidate[], best: Candidate): Candidate[] {
  const [bx, by] = best.positions;
  const out: Candidate[] = [];
  for (const { sort, positions: [x, y], sets } of results) {
    if (x === bx || x === by || y === bx || y === by) continue;
    const s = [...sets];
    s.splice(by - +(by > x) - +(by > y), 1);
    s.splice(bx - +(bx > x) - +(bx > y), 1);
    s.splice(s.length - 1, 0, best.sets[best.sets.length - 1]);
    out.push({ sort, positions: [x - +(x > bx) - +(x > by), y - +(y > bx) - +(y > by)], sets: s });
  }
  return out;
}

const lessSort = (p: Candidate, q: Candidate): boolean => p.sort[0] < q.sort[0] || (p.sort[0] === q.sort[0] && p.sort[1] < q.sort[1]);

/**
 * NumPy's `_greedy_path`: at each step, the pair whose contraction removes the
 * most elements (then the cheapest), among pairs sharing a label when there
 * are any; stops with one final contraction of everything left when no pair
 * fits `memoryLimit`. Cubic in the operand count.
 */
export function greedyPath(inputSets: readonly LabelSet[], outputSet: LabelSet, sizes: Sizes, memoryLimit: number): number[][] {
  if (inputSets.length === 1) return [[0]];
  if (inputSets.length === 2) return [[0, 1]];
  const all = findContraction(range(inputSets.length), inputSets, outputSet);
  const naiveCost = flopCount(all.idxContract, all.idxRemoved.size > 0, inputSets.length, sizes);
  let sets: readonly LabelSet[] = inputSets;
  let combos: [number, number][] = pairs(inputSets.length);
  let known: Candidate[] = [];
  let pathCost = 0;
  const path: number[][] = [];
  for (let iteration = 0; iteration < inputSets.length - 1; iteration++) {
    for (const positions of combos) {
      const [p, q] = positions;
      if (![...sets[p]].some((c) => sets[q].has(c))) continue;
      const r = possibleContraction(positions, sets, outputSet, sizes, memoryLimit, pathCost, naiveCost);
      if (r !== null) known.push(r);
    }
    if (known.length === 0) {
      for (const positions of pairs(sets.length)) {
        const r = possibleContraction(positions, sets, outputSet, sizes, memoryLimit, pathCost, naiveCost);
        if (r !== null) known.push(r);
      }
      if (known.length === 0) {
        path.push(range(sets.length));
        break;
      }
    }
    const best = known.reduce((b, r) => (lessSort(r, b) ? r : b));
    known = updateOtherResults(known, best);
    sets = best.sets;
    const newPos = sets.length - 1;
    combos = range(newPos).map((i) => [i, newPos] as [number, number]);
    path.push([...best.positions]);
    pathCost += best.sort[1];
  }
  return path;
}

/** One step of a planned einsum: the operands popped (positions, descending) and the einsum they compute. */
export interface ContractionStep {
  /** Positions in the current operand list, in the order they are removed (descending). */
  readonly positions: readonly number[];
  /** Terms of the removed operands, in `positions` order. */
  readonly inputs: readonly string[];
  /** Term of the result, appended to the operand list. */
  readonly result: string;
  /** Number of labels this step loops over (NumPy's "scaling"). */
  readonly scale: number;
  /** FLOP estimate (NumPy's `_flop_count`). */
  readonly cost: number;
  /** Elements of the result. */
  readonly size: number;
  /** The operand terms after this step. */
  readonly remaining: readonly string[];
}

/** Validates an explicit `['einsum_path', …]` path. */
function explicitPath(path: EinsumPath, n: number): number[][] {
  const steps = path.slice(1) as (readonly number[])[];
  let count = n;
  for (const step of steps) {
    if (!Array.isArray(step) || step.length === 0 || step.some((i) => !Number.isInteger(i) || i < 0 || i >= count) || new Set(step).size !== step.length) {
      throw new ValueError(`Invalid einsum_path step ${JSON.stringify(step)} for ${count} operands`);
    }
    count -= step.length - 1;
  }
  return steps.map((s) => [...s]);
}

/** Resolves `optimize` into a path (NumPy's `einsum_path` front half). */
function choosePath(parsed: ParsedEinsum, optimize: EinsumOptimize): number[][] {
  const { inputs, output, sizes } = parsed;
  const n = inputs.length;
  let kind: 'greedy' | 'optimal' | false;
  let memoryLimit: number | null = null;
  if (optimize === true) kind = 'greedy';
  else if (optimize === false) kind = false;
  else if (typeof optimize === 'string') {
    if (optimize !== 'greedy' && optimize !== 'optimal') throw new ValueError(`Path name ${optimize} not found`);
    kind = optimize;
  } else if (Array.isArray(optimize) && optimize[0] === 'einsum_path') return explicitPath(optimize as EinsumPath, n);
  else if (Array.isArray(optimize) && optimize.length === 2 && (optimize[0] === 'greedy' || optimize[0] === 'optimal') && typeof optimize[1] === 'number') {
    kind = optimize[0];
    memoryLimit = Math.trunc(optimize[1]);
  } else throw new TypeError_(`Did not understand the path: ${JSON.stringify(optimize)}`);
  const inputSets = inputs.map((t) => new Set(t));
  const outputSet = new Set(output);
  const indices = new Set(inputs.join(''));
  const maxSize = Math.max(...[...inputs, output].map((t) => sizeOfLabels(t, sizes)));
  const memory = memoryLimit ?? maxSize;
  if (kind === false || n === 1 || n === 2 || (indices.size === outputSet.size && [...indices].every((c) => outputSet.has(c)))) return [range(n)];
  return kind === 'greedy' ? greedyPath(inputSets, outputSet, sizes, memory) : optimalPath(inputSets, outputSet, sizes, memory);
}

/**
 * The contraction steps for `optimize` (NumPy's `einsum_path(…, einsum_call=True)`):
 * intermediate terms list their labels by (size, letter), the last step's is the output.
 * @throws {ValueError} for an unknown path name or an explicit path that leaves operands over.
 */
export function planContractions(parsed: ParsedEinsum, optimize: EinsumOptimize): ContractionStep[] {
  const { output, sizes } = parsed;
  const path = choosePath(parsed, optimize);
  const outputSet = new Set(output);
  let sets: LabelSet[] = parsed.inputs.map((t) => new Set(t));
  const terms = [...parsed.inputs];
  const steps: ContractionStep[] = [];
  path.forEach((step, cnum) => {
    const positions = [...step].sort((a, b) => b - a);
    const c = findContraction(positions, sets, outputSet);
    sets = c.remaining;
    const inputs = positions.map((p) => terms.splice(p, 1)[0]);
    const result = cnum === path.length - 1
      ? output
      : [...c.newResult].sort((x, y) => sizes.get(x)! - sizes.get(y)! || (x < y ? -1 : x > y ? 1 : 0)).join('');
    terms.push(result);
    steps.push({
      positions, inputs, result, scale: c.idxContract.size,
      cost: flopCount(c.idxContract, c.idxRemoved.size > 0, positions.length, sizes),
      size: sizeOfLabels(c.newResult, sizes), remaining: [...terms],
    });
  });
  if (terms.length !== 1) throw new ValueError(`Invalid einsum_path is specified: ${terms.length - 1} more operands has to be contracted.`);
  return steps;
}

/** Python's `'%.3e' % x`: three decimals, an exponent of at least two digits. */
function sci(x: number): string {
  return x.toExponential(3).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** NumPy's `einsum_path` report for the planned steps. */
export function pathReport(parsed: ParsedEinsum, steps: readonly ContractionStep[]): string {
  const { inputs, output, sizes } = parsed;
  const indices = new Set(inputs.join(''));
  const inner = inputs.reduce((n, t) => n + new Set(t).size, 0) - indices.size > 0;
  const naiveCost = flopCount(indices, inner, inputs.length, sizes);
  const optCost = steps.reduce((s, st) => s + st.cost, 0) + 1;
  const lines = [
    `  Complete contraction:  ${inputs.join(',')}->${output}`,
    `         Naive scaling:  ${indices.size}`,
    `     Optimized scaling:  ${Math.max(...steps.map((s) => s.scale))}`,
    `      Naive FLOP count:  ${sci(naiveCost)}`,
    `  Optimized FLOP count:  ${sci(optCost)}`,
    `   Theoretical speedup:  ${(naiveCost / optCost).toFixed(3)}`,
    `  Largest intermediate:  ${sci(Math.max(...steps.map((s) => s.size)))} elements`,
    '-'.repeat(74),
    `${'scaling'.padStart(6)} ${'current'.padStart(24)} ${'remaining'.padStart(40)}`,
    '-'.repeat(74),
  ];
  let text = lines.join('\n');
  for (const s of steps) {
    const current = `${s.inputs.join(',')}->${s.result}`;
    const remaining = `${s.remaining.join(',')}->${output}`;
    text += `\n${String(s.scale).padStart(4)}    ${current.padStart(24)} ${remaining.padStart(40)}`;
  }
  return text;
}
