/**
 * The fast lane of indexing: an index made only of integers, slices,
 * `null` (newaxis), `'...'` and bracket text of those (`'1:'`, `':, 0'`) is
 * normalised straight into the basic items of a view, without
 * {@link planIndex}'s general machinery (item classification, advanced-index
 * bookkeeping). Bracket text is parsed once per distinct string and
 * remembered, since code indexes with the same few literals in loops (the
 * regex parse was most of the cost of `x.get('1:')`). Anything else — arrays,
 * masks, booleans, and every index that should raise — returns null, and the
 * caller takes the general path, which raises NumPy's errors.
 */
import type { IndexItem, Slice } from './ndarray';
import { isSlice, normalizeSlice, parseIndexText, type BasicIndexItem } from './indexing';

/** Bracket texts seen so far: their items, or null when they hold more than basic items (or do not parse). */
const textItems = new Map<string, readonly IndexItem[] | null>();
/** Bounds the memo for code that builds index text dynamically (`${i}:${i + 2}`). */
const MAX_TEXTS = 1024;

/** Whether a parsed bracket-text item is basic (parseField gives numbers, null, '...', slices, booleans or lists). */
function isBasicParsed(it: IndexItem): boolean {
  return typeof it === 'number' || it === null || it === '...' || isSlice(it);
}

/** The items of a bracket text when they are all basic, else null (memoised). */
function basicItemsOfText(text: string): readonly IndexItem[] | null {
  let items = textItems.get(text);
  if (items === undefined) {
    let parsed: IndexItem[] | null;
    try {
      parsed = parseIndexText(text);
    } catch {
      parsed = null; // the general path raises the parse error
    }
    items = parsed !== null && parsed.every(isBasicParsed) ? parsed : null;
    if (textItems.size >= MAX_TEXTS) textItems.clear();
    textItems.set(text, items);
  }
  return items;
}

/** Texts expanded into their items; null if one of them is not basic. */
function expandTexts(items: readonly IndexItem[]): IndexItem[] | null {
  const out: IndexItem[] = [];
  for (const it of items) {
    if (typeof it === 'string' && it !== '...') {
      const parsed = basicItemsOfText(it);
      if (parsed === null) return null;
      for (const p of parsed) out.push(p);
    } else out.push(it);
  }
  return out;
}

/** A slice whose fields are integers or absent and whose step is not zero (others raise, on the general path). */
function isValidSlice(s: Slice): boolean {
  const { start, stop, step } = s;
  return (
    (start == null || Number.isInteger(start)) && (stop == null || Number.isInteger(stop)) && (step == null || (Number.isInteger(step) && step !== 0))
  );
}

const NEWAXIS: BasicIndexItem = Object.freeze({ kind: 'newaxis' });

/**
 * The normalised basic items of `index` against `shape` — what
 * `planIndex(shape, index).basic` gives for a purely basic index — or null
 * when the index has advanced parts or is invalid (then use {@link planIndex},
 * which raises NumPy's errors).
 */
export function fastBasicIndex(shape: readonly number[], index: readonly IndexItem[]): BasicIndexItem[] | null {
  let list: readonly IndexItem[] = index;
  for (let i = 0; i < index.length; i++) {
    const it = index[i];
    if (typeof it === 'string' && it !== '...') {
      const expanded = expandTexts(index);
      if (expanded === null) return null;
      list = expanded;
      break;
    }
  }
  let consumed = 0;
  let ellipses = 0;
  for (let i = 0; i < list.length; i++) {
    const it = list[i];
    if (typeof it === 'number') {
      if (!Number.isInteger(it)) return null;
      consumed++;
    } else if (it === '...') ellipses++;
    else if (it === null || it === undefined) continue;
    else if (isSlice(it) && isValidSlice(it)) consumed++;
    else return null;
  }
  if (consumed > shape.length || ellipses > 1) return null;
  const out: BasicIndexItem[] = [];
  let axis = 0;
  for (let i = 0; i < list.length; i++) {
    const it = list[i];
    if (typeof it === 'number') {
      const n = shape[axis++];
      if (it < -n || it >= n) return null;
      out.push({ kind: 'int', index: it < 0 ? it + n : it });
    } else if (it === '...') {
      for (let k = consumed; k < shape.length; k++) out.push({ kind: 'slice', start: 0, step: 1, length: shape[axis++] });
    } else if (it === null || it === undefined) out.push(NEWAXIS);
    else {
      const r = normalizeSlice(it as Slice, shape[axis++]);
      out.push({ kind: 'slice', start: r.start, step: r.step, length: r.length });
    }
  }
  while (axis < shape.length) out.push({ kind: 'slice', start: 0, step: 1, length: shape[axis++] });
  return out;
}
