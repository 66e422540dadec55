/**
 * `summary()`: ArviZ's `az.summary` table (stat focus "mean") — mean, sd,
 * HDI bounds, MCSE of mean and sd, bulk and tail ESS, rank-normalised R̂ —
 * one row per scalar quantity, printing as an aligned text table. The
 * diagnostics follow ArviZ's `_multichain_statistics` exactly (the folded
 * R̂ takes the median over the unsplit draws, as there).
 */
import { asarray, NDArray, TypeError_, ValueError, type ArrayLike } from '../../core';
import { folded, hasNaN, meanOf, splitChains, varianceOf, zScale, type ChainMatrix } from './chains';
import { essOf, rhatOf } from './essCore';
import { essTail, mcseMean, mcseSd } from './ess';
import { checkHdiProb, hdiOf } from './hdi';
import { perVariable } from './input';

/** One row of a {@link Summary}: the statistics of one scalar quantity. */
export interface SummaryRow {
  /** ArviZ's label: `mu`, `theta[0]`, `L[1, 0]`. */
  readonly name: string;
  readonly mean: number;
  /** Standard deviation (ddof 1). */
  readonly sd: number;
  /** Lower HDI bound (column `hdi_3%` for the default probability 0.94). */
  readonly hdiLow: number;
  /** Upper HDI bound (column `hdi_97%`). */
  readonly hdiHigh: number;
  readonly mcseMean: number;
  readonly mcseSd: number;
  readonly essBulk: number;
  readonly essTail: number;
  /** Rank-normalised split-R̂ (NaN for one chain). */
  readonly rHat: number;
}

/** Options of {@link summary}. */
export interface SummaryOptions {
  /** HDI probability (default 0.94: columns `hdi_3%`, `hdi_97%`). */
  hdiProb?: number;
  /** Name of a single array of draws (default `'x'`). */
  name?: string;
  /** Decimals printed for the statistics (default 3; ESS prints as integers, R̂ with 2, as ArviZ rounds). */
  roundTo?: number;
}

/**
 * The result of {@link summary}: rows, and `toString()` as an aligned table.
 * @example
 * const s = summary(nuts(logp, np.zeros(2), { rng: 0 }).draws);
 * s.rows[0].essBulk;      // e.g. 1800.4
 * console.log(String(s)); // a table: mean sd hdi_3% hdi_97% mcse_mean mcse_sd ess_bulk ess_tail r_hat
 */
export class Summary {
  /** Column headers as ArviZ names them. */
  readonly columns: readonly string[];

  constructor(
    readonly rows: readonly SummaryRow[],
    readonly hdiProb: number,
    private readonly roundTo: number,
  ) {
    const a = (1 - hdiProb) / 2;
    const pct = (v: number): string => `${Number((100 * v).toPrecision(6))}%`;
    this.columns = ['mean', 'sd', `hdi_${pct(a)}`, `hdi_${pct(1 - a)}`, 'mcse_mean', 'mcse_sd', 'ess_bulk', 'ess_tail', 'r_hat'];
  }

  /** The row labelled `name`. @throws {ValueError} for an unknown label. */
  row(name: string): SummaryRow {
    const r = this.rows.find((x) => x.name === name);
    if (r === undefined) throw new ValueError(`summary has no row '${name}'`);
    return r;
  }

  /** The table, pandas-style: labels left-aligned, numbers right-aligned under their headers. */
  toString(): string {
    const fmt = (v: number, d: number): string => (v !== v ? 'NaN' : Object.is(Number(v.toFixed(d)), -0) ? (0).toFixed(d) : v.toFixed(d));
    const d = this.roundTo;
    const cells = this.rows.map((r) => [
      fmt(r.mean, d), fmt(r.sd, d), fmt(r.hdiLow, d), fmt(r.hdiHigh, d), fmt(r.mcseMean, d), fmt(r.mcseSd, d),
      fmt(r.essBulk, 0), fmt(r.essTail, 0), fmt(r.rHat, 2),
    ]);
    const labelWidth = Math.max(0, ...this.rows.map((r) => r.name.length));
    const widths = this.columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
    const line = (label: string, vals: readonly string[]): string =>
      label.padEnd(labelWidth) + vals.map((v, j) => '  ' + v.padStart(widths[j])).join('');
    return [line('', this.columns), ...this.rows.map((r, i) => line(r.name, cells[i]))].join('\n');
  }
}

/** The row statistics of one quantity (ArviZ's mean, std(ddof=1), `_hdi`, `_multichain_statistics`). */
export function summaryRow(name: string, m: ChainMatrix, hdiProb: number): SummaryRow {
  const [hdiLow, hdiHigh] = hdiOf(m.data, hdiProb);
  const base = { name, mean: meanOf(m.data), sd: Math.sqrt(varianceOf(m.data, 1)), hdiLow, hdiHigh };
  if (m.draws < 4 || hasNaN(m.data)) return { ...base, mcseMean: NaN, mcseSd: NaN, essBulk: NaN, essTail: NaN, rHat: NaN };
  const split = splitChains(m);
  const zSplit = zScale(split);
  const rHat = m.chains < 2 ? NaN : Math.max(rhatOf(zSplit), rhatOf(zScale(folded(split, m.data))));
  return { ...base, mcseMean: mcseMean(m), mcseSd: mcseSd(m), essBulk: essOf(zSplit), essTail: essTail(m), rHat };
}

/** Flattened index → ArviZ label suffix `[i, j]`. */
function label(name: string, shape: readonly number[], k: number): string {
  if (shape.length === 0) return name;
  const idx: number[] = [];
  for (let j = shape.length - 1; j >= 0; j--) {
    idx.unshift(k % shape[j]);
    k = Math.floor(k / shape[j]);
  }
  return `${name}[${idx.join(', ')}]`;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);
}

/** Named arrays of draws in a tree (objects by key path, lists by index). */
function namedDraws(tree: unknown, name: string, out: [string, ArrayLike][]): void {
  if (typeof tree === 'number' || tree instanceof NDArray || ArrayBuffer.isView(tree) || (Array.isArray(tree) && !tree.some((v) => isPlainObject(v) || v instanceof NDArray))) {
    out.push([name, tree as ArrayLike]);
  } else if (Array.isArray(tree)) {
    tree.forEach((v, i) => namedDraws(v, `${name}[${i}]`, out));
  } else if (isPlainObject(tree)) {
    for (const key of Object.keys(tree)) namedDraws(tree[key], name === '' ? key : `${name}.${key}`, out);
  } else {
    throw new TypeError_(`summary: expected draws (an array shaped (chains, draws, ...)), a tree of them, or a sampler result, got ${typeof tree}`);
  }
}

/**
 * ArviZ's `az.summary` (stat focus "mean"): mean, sd, HDI (94% by default),
 * MCSE of mean and sd, bulk/tail ESS and R̂ for every scalar quantity.
 * @param data a sampler result, draws shaped `(chains, draws, ...)` (1-D: one chain), or an
 *   object of such arrays (`{ mu, tau }`; rows are labelled `mu`, `theta[0]`, …).
 * @throws {ValueError} for a bad `hdiProb` or draws that are not (chains, draws, ...) arrays.
 * @example
 * const res = nuts((x: NDArray) => np.multiply(-0.5, np.sum(np.square(x))), [0, 0], { rng: 1 });
 * console.log(String(summary(res)));
 * //         mean     sd  hdi_3%  hdi_97%  mcse_mean  mcse_sd  ess_bulk  ess_tail  r_hat
 * // x[0]  -0.015  0.990  -1.935    1.783      0.017    0.016      3356      2379   1.00
 * // x[1]   0.023  0.986  -1.830    1.869      0.017    0.016      3472      2618   1.00
 */
export function summary(data: unknown, opts: SummaryOptions = {}): Summary {
  const hdiProb = checkHdiProb(opts.hdiProb ?? 0.94);
  const roundTo = opts.roundTo ?? 3;
  if (!(Number.isInteger(roundTo) && roundTo >= 0 && roundTo <= 20)) throw new ValueError(`summary: roundTo must be an integer in [0, 20], got ${roundTo}`);
  const tree = isPlainObject(data) && 'draws' in data && 'sampler' in data ? data.draws : data;
  const entries: [string, ArrayLike][] = [];
  if (isPlainObject(tree)) namedDraws(tree, '', entries);
  else namedDraws(tree, opts.name ?? 'x', entries);
  const rows: SummaryRow[] = [];
  for (const [name, x] of entries) {
    const v = perVariable(asarray(x), `summary: '${name}'`);
    for (let k = 0; k < v.count; k++) rows.push(summaryRow(label(name, v.shape, k), v.at(k), hdiProb));
  }
  return new Summary(rows, hdiProb, roundTo);
}
