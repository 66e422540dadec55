/**
 * Compares an example's stdout with NumPy's: line by line, the text between
 * numbers exactly, and each number either as identical text or within a
 * stated tolerance (|a − b| ≤ atol + rtol·|b|).
 */
export interface NumberTolerance {
  rtol?: number;
  atol?: number;
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf/g;

function split(line: string): { text: string[]; numbers: string[] } {
  const numbers = line.match(NUMBER) ?? [];
  const text = line.split(NUMBER);
  return { text, numbers };
}

/** Returns a list of human-readable differences (empty when the outputs agree). */
export function compareOutput(actual: string, expected: string, tol: NumberTolerance = {}): string[] {
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  const a = actual.replace(/\s+$/, '').split('\n');
  const e = expected.replace(/\s+$/, '').split('\n');
  const diffs: string[] = [];
  if (a.length !== e.length) diffs.push(`line count: got ${a.length}, expected ${e.length}`);
  for (let i = 0; i < Math.min(a.length, e.length); i++) {
    if (a[i] === e[i]) continue;
    const pa = split(a[i]);
    const pe = split(e[i]);
    let ok = pa.numbers.length === pe.numbers.length && pa.text.join('\u0000') === pe.text.join('\u0000');
    if (ok && rtol === 0 && atol === 0) ok = false;
    if (ok) {
      for (let k = 0; k < pe.numbers.length; k++) {
        const x = Number(pa.numbers[k]);
        const y = Number(pe.numbers[k]);
        if (pa.numbers[k] === pe.numbers[k]) continue;
        if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) ok = false;
      }
    }
    if (!ok) diffs.push(`line ${i + 1}:\n  got      ${JSON.stringify(a[i])}\n  expected ${JSON.stringify(e[i])}`);
  }
  return diffs;
}
