/**
 * A text progress bar for long runs, to pass as a sampler's `progress`
 * option in examples and scripts:
 * `nuts(logp, init, { progress: progressBar() })` redraws one line per chain,
 * e.g. `chain 2/4 [##########----------]  50% sampling  accept 0.82  div 0  1.3s`.
 */
import type { ProgressInfo } from './driver';

/** Options of {@link progressBar}. */
export interface ProgressBarOptions {
  /** Characters between the brackets (default 30). */
  width?: number;
  /**
   * Where the text goes (default: `process.stdout.write` when it exists, redrawing
   * the line with a carriage return; otherwise `console.log` at the end of each chain).
   */
  write?: (text: string) => void;
}

/**
 * One progress line: chain, bar, percentage, phase, running acceptance rate,
 * divergences and elapsed time.
 * @example
 * formatProgress({ sampler: 'nuts', chain: 1, chains: 4, iteration: 1000, iterations: 2000, phase: 'sampling',
 *                  acceptRate: 0.8123, divergences: 0, elapsedMs: 1234 }, 10);
 * // 'nuts chain 2/4 [#####-----]  50% sampling  accept 0.81  div 0  1.2s'
 */
export function formatProgress(p: ProgressInfo, width = 30): string {
  const frac = p.iterations > 0 ? p.iteration / p.iterations : 1;
  const filled = Math.round(frac * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const pct = `${Math.floor(frac * 100)}`.padStart(3);
  const acc = p.acceptRate === p.acceptRate ? p.acceptRate.toFixed(2) : '-';
  return `${p.sampler} chain ${p.chain + 1}/${p.chains} [${bar}] ${pct}% ${p.phase}  accept ${acc}  div ${p.divergences}  ${(p.elapsedMs / 1000).toFixed(1)}s`;
}

/**
 * A `progress` callback that draws a text bar (see {@link formatProgress}).
 * @example
 * nuts(logp, init, { rng: 1, progress: progressBar({ width: 20 }) });
 * // prints on stderr: warmup [████████░░░░░░░░░░░░] 400/1000 …
 */
export function progressBar(opts: ProgressBarOptions = {}): (p: ProgressInfo) => void {
  const width = opts.width ?? 30;
  const stdout = (globalThis as { process?: { stdout?: { write?: (s: string) => unknown; isTTY?: boolean } } }).process?.stdout;
  const tty = opts.write === undefined && typeof stdout?.write === 'function';
  const write = opts.write ?? (tty ? (s: string) => void stdout!.write!(s) : (s: string) => console.log(s));
  return (p) => {
    const done = p.iteration === p.iterations;
    const line = formatProgress(p, width);
    if (opts.write !== undefined) write(line);
    else if (tty) write(`\r${line}${done ? '\n' : ''}`);
    else if (done) write(line);
  };
}
