/**
 * Bracket nesting, line wrapping and summarisation of an n-d array's text:
 * NumPy's `_formatArray` with `legacy=False` (`numpy/_core/arrayprint.py`).
 *
 * The last axis is laid out as words on lines of at most `lineWidth`
 * characters, continuation lines indented to the opening bracket; outer axes
 * separate their blocks by `ndim - axis - 1` newlines (so 3-d blocks get a
 * blank line between them). A summarised axis shows `edgeItems` elements at
 * each end with `...` between them.
 */

/** An n-d array view as the layout sees it: shape, strides and offset into a buffer. */
export interface Strided {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** Indices shown along an axis of length `n`: all, or `edge` at each end when summarised. */
function shownIndices(n: number, edge: number, summarise: boolean): { lead: number; trailStart: number; gap: boolean } {
  if (summarise && 2 * edge < n) return { lead: edge, trailStart: n - edge, gap: true };
  return { lead: 0, trailStart: 0, gap: false };
}

/**
 * Buffer positions of the elements that will be printed (NumPy's
 * `_leading_trailing`), in C order, for the formatters' first pass.
 */
export function shownPositions(a: Strided, edge: number, summarise: boolean): number[] {
  const out: number[] = [];
  const rec = (axis: number, p: number): void => {
    if (axis === a.shape.length) {
      out.push(p);
      return;
    }
    const n = a.shape[axis];
    const s = a.strides[axis];
    const { lead, trailStart, gap } = shownIndices(n, edge, summarise);
    // NumPy takes a[:edge] and a[-edge:]; with edge 0 the latter is the whole axis.
    if (gap && edge > 0) {
      for (let i = 0; i < lead; i++) rec(axis + 1, p + i * s);
      for (let i = trailStart; i < n; i++) rec(axis + 1, p + i * s);
    } else for (let i = 0; i < n; i++) rec(axis + 1, p + i * s);
  };
  rec(0, a.offset);
  return out;
}

/** Layout parameters: NumPy's `line_width`, `next_line_prefix`, `separator`, `edge_items`, summary. */
export interface LayoutOptions {
  lineWidth: number;
  /** Indent of continuation lines at the outermost level (`' '`, or `' '` plus the width of `array(`). */
  nextLinePrefix: string;
  /** `' '` for str, `', '` for repr. */
  separator: string;
  edgeItems: number;
  summarise: boolean;
}

/** NumPy's `_extendLine`: appends `word`, first breaking the line if it would pass `width`. */
function extendLine(state: { s: string; line: string }, word: string, width: number, indent: string): void {
  // Breaking a line that holds only the indent would not help.
  if (state.line.length + word.length > width && state.line.length > indent.length) {
    state.s += state.line.trimEnd() + '\n';
    state.line = indent;
  }
  state.line += word;
}

/**
 * The bracketed text of `a`, whose elements print as `formatElement(p)` for
 * buffer position `p` (a 0-d array is just its element).
 */
export function layoutArray(a: Strided, formatElement: (p: number) => string, opts: LayoutOptions): string {
  const { separator, edgeItems, summarise } = opts;
  const sepTrimmed = separator.trimEnd();
  const ndim = a.shape.length;

  const recurse = (axis: number, p: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = ndim - axis;
    if (axesLeft === 0) return formatElement(p);
    const nextIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1;
    const n = a.shape[axis];
    const stride = a.strides[axis];
    const { lead, trailStart, gap } = shownIndices(n, edgeItems, summarise);
    // Without a gap every element is "trailing": indices 0 … n-1.
    const firstTrail = gap ? trailStart : 0;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrimmed.length, 1);
      const state = { s: '', line: hangingIndent };
      for (let i = 0; i < lead; i++) {
        extendLine(state, recurse(axis + 1, p + i * stride, nextIndent, nextWidth), elemWidth, hangingIndent);
        state.line += separator;
      }
      if (gap) {
        extendLine(state, '...', elemWidth, hangingIndent);
        state.line += separator;
      }
      for (let i = firstTrail; i < n - 1; i++) {
        extendLine(state, recurse(axis + 1, p + i * stride, nextIndent, nextWidth), elemWidth, hangingIndent);
        state.line += separator;
      }
      extendLine(state, recurse(axis + 1, p + (n - 1) * stride, nextIndent, nextWidth), elemWidth, hangingIndent);
      s = state.s + state.line;
    } else {
      const lineSep = sepTrimmed + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < lead; i++) s += hangingIndent + recurse(axis + 1, p + i * stride, nextIndent, nextWidth) + lineSep;
      if (gap) s += hangingIndent + '...' + lineSep;
      for (let i = firstTrail; i < n - 1; i++) s += hangingIndent + recurse(axis + 1, p + i * stride, nextIndent, nextWidth) + lineSep;
      s += hangingIndent + recurse(axis + 1, p + (n - 1) * stride, nextIndent, nextWidth);
    }
    return `[${s.slice(hangingIndent.length)}]`;
  };

  return recurse(0, a.offset, opts.nextLinePrefix, opts.lineWidth);
}
