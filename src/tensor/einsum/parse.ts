/**
 * Parsing einsum subscripts (NumPy's rules and error messages, after
 * `parse_operand_subscripts`/`parse_output_subscripts` in
 * numpy/_core/src/multiarray/einsum.c.src) into one letter per axis: each
 * operand's `...` becomes letters unused elsewhere, right-aligned across the
 * operands as broadcasting aligns them; the implicit output is the broadcast
 * axes followed by the labels seen once, in character order (`A`–`Z` before
 * `a`–`z`). Label sizes are checked and broadcast (a size-1 axis stretches).
 */
import { shapeText, ValueError } from '../../core';

/** The 52 labels NumPy accepts, in its order. */
export const EINSUM_SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Subscripts with every axis named by one letter. */
export interface ParsedEinsum {
  /** One term per operand, one letter per axis (no `...`, repeats allowed). */
  readonly inputs: readonly string[];
  /** The output term (distinct letters). */
  readonly output: string;
  /** Size of every label, after broadcasting size-1 axes. */
  readonly sizes: ReadonlyMap<string, number>;
  /** The subscripts as written, without spaces (for reports). */
  readonly text: string;
}

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Splits one term into labels and the position of its ellipsis (or -1), with NumPy's errors. */
function scanTerm(term: string, where: string): { labels: string[]; ellipsis: number } {
  const labels: string[] = [];
  let ellipsis = -1;
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (c === '.') {
      if (ellipsis >= 0 || term.slice(i, i + 3) !== '...') {
        throw new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in ${where}`);
      }
      ellipsis = labels.length;
      i += 2;
    } else if (isLetter(c)) labels.push(c);
    else throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
  }
  return { labels, ellipsis };
}

/**
 * Parses `subscripts` for operands of the given shapes.
 * @throws {ValueError} with NumPy's messages for malformed subscripts, a wrong
 * number of operands or axes, and sizes that do not match.
 */
export function parseEinsum(subscripts: string, shapes: readonly (readonly number[])[]): ParsedEinsum {
  const text = subscripts.replace(/\s+/g, '');
  const arrow = text.indexOf('->');
  const dash = text.indexOf('-');
  if (dash >= 0 && dash !== arrow) {
    if (text[dash + 1] !== '>') throw new ValueError("einstein sum subscript string does not contain proper '->' output specified");
  }
  const lhs = arrow >= 0 ? text.slice(0, arrow) : text;
  const rhs = arrow >= 0 ? text.slice(arrow + 2) : null;
  if (rhs !== null && rhs.includes('->')) throw new ValueError("invalid subscript '-' in einstein sum subscripts string, subscripts must be letters");
  const terms = lhs.split(',');
  // NumPy's C parser words these two from the string's side, so they read inverted; we keep its text and add the counts.
  const counts = `(${terms.length} subscript terms, ${shapes.length} operands)`;
  if (terms.length > shapes.length) throw new ValueError(`more operands provided to einstein sum function than specified in the subscripts string ${counts}`);
  if (terms.length < shapes.length) throw new ValueError(`fewer operands provided to einstein sum function than specified in the subscripts string ${counts}`);

  const scanned = terms.map((t, i) => scanTerm(t, `operand ${i}`));
  // How many axes each operand's ellipsis stands for; the broadcast axes get letters nobody wrote.
  let nBroadcast = 0;
  const ellipsisDims = scanned.map(({ labels, ellipsis }, i) => {
    const nd = shapes[i].length;
    if (labels.length > nd) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${i}`);
    if (ellipsis < 0 && labels.length < nd) {
      throw new ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
    const e = ellipsis < 0 ? 0 : nd - labels.length;
    nBroadcast = Math.max(nBroadcast, e);
    return e;
  });
  const used = new Set(text.replace(/[^A-Za-z]/g, ''));
  const spare = [...EINSUM_SYMBOLS].filter((c) => !used.has(c));
  if (spare.length < nBroadcast) throw new ValueError('too many subscripts in einsum: the ellipsis needs more letters than are unused');
  const broadcastLabels = spare.slice(spare.length - nBroadcast); // ellipsis axis j (of n) ↦ broadcastLabels[j], right-aligned
  const inputs = scanned.map(({ labels, ellipsis }, i) => {
    if (ellipsis < 0) return labels.join('');
    const e = ellipsisDims[i];
    return [...labels.slice(0, ellipsis), ...broadcastLabels.slice(nBroadcast - e), ...labels.slice(ellipsis)].join('');
  });

  let output: string;
  if (rhs === null) {
    const counts = new Map<string, number>();
    for (const { labels } of scanned) for (const c of labels) counts.set(c, (counts.get(c) ?? 0) + 1);
    const once = [...counts.keys()].filter((c) => counts.get(c) === 1).sort((x, y) => x.charCodeAt(0) - y.charCodeAt(0));
    output = broadcastLabels.join('') + once.join('');
  } else {
    const { labels, ellipsis } = scanTerm(rhs, 'the output');
    const seen = new Set<string>();
    for (const c of labels) {
      if (seen.has(c)) throw new ValueError(`einstein sum subscripts string includes output subscript '${c}' multiple times`);
      seen.add(c);
      if (!scanned.some((s) => s.labels.includes(c))) {
        throw new ValueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
      }
    }
    if (ellipsis < 0 && nBroadcast > 0) {
      throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    }
    output = ellipsis < 0 ? labels.join('') : [...labels.slice(0, ellipsis), ...broadcastLabels, ...labels.slice(ellipsis)].join('');
  }
  return { inputs, output, sizes: labelSizes(inputs, output, shapes), text };
}

/** The size of each label, checking repeats within an operand and broadcasting across operands. */
function labelSizes(inputs: readonly string[], output: string, shapes: readonly (readonly number[])[]): Map<string, number> {
  const sizes = new Map<string, number>();
  let mismatch = false;
  inputs.forEach((term, i) => {
    const own = new Map<string, number>();
    for (let d = 0; d < term.length; d++) {
      const c = term[d], n = shapes[i][d];
      const prev = own.get(c);
      if (prev !== undefined && prev !== n) {
        throw new ValueError(`dimensions in operand ${i} for collapsing index '${c}' don't match (${prev} != ${n})`);
      }
      own.set(c, n);
      const g = sizes.get(c);
      if (g === undefined || g === 1) sizes.set(c, n);
      else if (n !== 1 && n !== g) mismatch = true;
    }
  });
  if (mismatch) {
    // NumPy's iterator message: each operand as seen with the axes (output labels, then summed labels).
    const order = [...output, ...[...sizes.keys()].filter((c) => !output.includes(c))];
    const remap = inputs.map((term, i) => {
      const dims = order.map((c) => (term.includes(c) ? String(shapes[i][term.indexOf(c)]) : 'newaxis'));
      while (dims.length > 0 && dims[0] === 'newaxis') dims.shift();
      return `${shapeText(shapes[i])}->(${dims.join(',')})`;
    });
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remap.join(' ')} `);
  }
  return sizes;
}

/**
 * NumPy's "sublist" form `einsum(op0, sublist0, op1, sublist1, …, [sublistOut])`
 * as a subscripts string: integers 0–51 name labels, `'...'` is the ellipsis.
 * @throws {ValueError} for an integer outside 0–51 or another item.
 */
export function sublistToSubscripts(lists: readonly (readonly (number | string)[])[], output: readonly (number | string)[] | null): string {
  const term = (list: readonly (number | string)[]): string =>
    list
      .map((s) => {
        if (s === '...') return '...';
        if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s >= 52) {
          throw new ValueError(`subscript is not within the valid range [0, 52): ${String(s)}`);
        }
        return EINSUM_SYMBOLS[s];
      })
      .join('');
  return lists.map(term).join(',') + (output === null ? '' : `->${term(output)}`);
}
