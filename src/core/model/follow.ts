/**
 * Highlights that follow an edit while its analysis is pending. A range the edit touched is dropped; a range after
 * it moves by the edit's length; a range in a paragraph the edit changed is dropped too (the analysis of that
 * paragraph may differ anywhere in it), and so is a range elsewhere that shares a name word with a dropped one
 * (the analysis propagates names across the document: "Smith" is a person because "John Smith" was). What remains
 * is what the analysis of the new version marks as well, so nothing stale is ever shown; the new analysis then
 * brings back what was dropped.
 */

/** A decorated range: offsets into the document, its entity type and the text it covered. */
export interface TrackedRange {
  start: number;
  end: number;
  type: string;
  text: string;
}

/** One edit, in the coordinates of the text before it (VS Code's contentChanges: rangeOffset, rangeLength, text). */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

const NAME_WORD = /\p{Lu}[\p{L}\p{M}'’-]*/gu;

/** Name words of range texts seen lately: a report names the same few people and places over and over. */
const wordsOf = new Map<string, string[]>();
const NO_WORDS: string[] = [];

function nameWords(s: string): string[] {
  let w = wordsOf.get(s);
  if (w === undefined) {
    if (wordsOf.size >= 4096) wordsOf.clear();
    w = s.match(NAME_WORD) ?? NO_WORDS;
    wordsOf.set(s, w);
  }
  return w;
}

/** How much of the text after the edits `followEdits` reads on each side of them (see `followWindow`). */
export const FOLLOW_MARGIN = 20_002;

/**
 * The part of the new text `followEdits` reads: from FOLLOW_MARGIN before the first change to FOLLOW_MARGIN after
 * the end of the last one (in the coordinates of the text after the changes). Passing only this slice gives the
 * same result as the whole text, without copying a long report on every keystroke.
 */
export function followWindow(changes: readonly TextChange[], lengthAfter: number): [number, number] {
  if (!changes.length) return [0, 0];
  const sorted = [...changes].sort((a, b) => a.offset - b.offset);
  let delta = 0;
  for (const c of sorted) delta += c.text.length - c.length;
  const last = sorted[sorted.length - 1];
  const end = last.offset + last.length + delta;
  return [Math.max(0, sorted[0].offset - FOLLOW_MARGIN), Math.min(lengthAfter, end + FOLLOW_MARGIN)];
}

/**
 * The ranges after `changes` (applied together, as one VS Code change event: non-overlapping, in the coordinates
 * of the text before the event). With `textAfter` (the text after the edit, or its slice starting at `textFrom`
 * that covers `followWindow`), ranges in the edited paragraphs and ranges sharing a name word with the edit are
 * dropped as well; without it, only touched ranges are dropped. Other properties of the ranges are kept; a range the
 * changes do not move is returned as the same object (moved ones are copies: the input is never changed).
 */
export function followEdits<T extends TrackedRange>(ranges: readonly T[], changes: readonly TextChange[], textAfter?: string, textFrom = 0): T[] {
  const paragraphOf =
    textAfter === undefined
      ? undefined
      : (o: number): [number, number] => {
          const [s, e] = paragraphAround(textAfter, o - textFrom);
          return [s + textFrom, e + textFrom];
        };
  if (!changes.length) return [...ranges];
  const sorted = [...changes].sort((a, b) => a.offset - b.offset);
  // Where each change lands in the new text, and the paragraphs it dirtied.
  const dirty: [number, number][] = [];
  let delta = 0;
  for (const c of sorted) {
    const s = c.offset + delta;
    const e = s + c.text.length;
    dirty.push(paragraphOf ? hull(paragraphOf(s), paragraphOf(e)) : [s, e]);
    delta += c.text.length - c.length;
  }
  const kept: T[] = [];
  const droppedWords = new Set<string>();
  // The words the edit wrote or changed (the whole word around each edit, in the new text).
  if (textAfter !== undefined) {
    delta = 0;
    for (const c of sorted) {
      const s = c.offset + delta - textFrom;
      let a = s;
      let b = s + c.text.length;
      while (a > 0 && /[\p{L}\p{M}\p{N}'’-]/u.test(textAfter[a - 1])) a--;
      while (b < textAfter.length && /[\p{L}\p{M}\p{N}'’-]/u.test(textAfter[b])) b++;
      for (const w of nameWords(textAfter.slice(a, b))) droppedWords.add(w);
      delta += c.text.length - c.length;
    }
  }
  for (const r of ranges) {
    let shift = 0;
    let touched = false;
    for (const c of sorted) {
      if (c.offset > r.end) break;
      if (c.offset + c.length < r.start) {
        shift += c.text.length - c.length;
        continue;
      }
      touched = true; // the edit is inside, across or right at an end of the range: the word changed
      break;
    }
    // A range the edit does not move is kept as it is (no copy per range per keystroke).
    const moved = shift === 0 ? r : { ...r, start: r.start + shift, end: r.end + shift };
    if (touched || dirty.some(([s, e]) => moved.start < e && moved.end > s)) {
      for (const w of nameWords(r.text)) droppedWords.add(w);
      continue;
    }
    kept.push(moved);
  }
  if (!droppedWords.size) return kept;
  return kept.filter((r) => !nameWords(r.text).some((w) => droppedWords.has(w)));
}

function hull(a: [number, number], b: [number, number]): [number, number] {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Whether the line break at `nl` ends a unit of analysis: after a blank line or after a sentence end. */
function breaksAt(text: string, nl: number): boolean {
  let k = nl - 1;
  if (text[k] === '\r') k--;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0 || text[k] === '\n') return true; // blank line (or start of text)
  return /[.!?:;"”’)\]]/.test(text[k]);
}

/** How far the paragraph search looks each way; beyond it the paragraph is cut (a wider drop, never a narrower). */
const SEARCH = 20_000;

/**
 * The unit of analysis around an offset of `text`: from after the previous line break that ends a sentence (or a
 * blank line) to the next one. Plain-text reports with one paragraph a line give one line.
 */
export function paragraphAround(text: string, offset: number): [number, number] {
  let start = Math.max(0, Math.min(offset, text.length));
  const lo = Math.max(0, start - SEARCH);
  while (start > lo) {
    const nl = text.lastIndexOf('\n', start - 1);
    if (nl < lo) {
      start = lo;
      break;
    }
    if (breaksAt(text, nl)) {
      start = nl + 1;
      break;
    }
    start = nl;
  }
  let end = Math.min(offset, text.length);
  const hi = Math.min(text.length, end + SEARCH);
  while (end < hi) {
    const nl = text.indexOf('\n', end);
    if (nl < 0 || nl >= hi) {
      end = hi;
      break;
    }
    if (breaksAt(text, nl)) {
      end = nl;
      break;
    }
    end = nl + 1;
  }
  return [start, end];
}
