import type { Annotation, OrphanReason, ContentChange, TextQuote } from './types';

/** Characters of context kept on each side of the quote (TextQuoteSelector prefix and suffix). */
export const CONTEXT_LENGTH = 32;
/** Occurrences of the quote examined when re-anchoring against a whole text. */
const MAX_CANDIDATES = 20_000;

/** The TextQuoteSelector of [start, end) in `text`. */
export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/** An annotation anchored at [start, end) of `text` (the caller gives id, kind, tag or type, note, timestamps). */
export function anchorAt<T extends Omit<Annotation, 'quote' | 'position'>>(fields: T, text: string, start: number, end: number): T & Pick<Annotation, 'quote' | 'position'> {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`cannot anchor an annotation at [${start}, ${end}) of a text of ${text.length} characters`);
  }
  const out = { ...fields, quote: quoteAt(text, start, end), position: { start, end } };
  delete (out as Partial<Annotation>).orphaned;
  return out;
}

/** True when the annotation is anchored and covers exactly its quoted text in `text`. */
export function isAnchored(a: Annotation, text: string): boolean {
  return !a.orphaned && text.slice(a.position.start, a.position.end) === a.quote.exact && a.position.end > a.position.start;
}

function orphan(a: Annotation, reason: OrphanReason): Annotation {
  return a.orphaned === reason ? a : { ...a, orphaned: reason };
}

/** Anchored at [start, end) of `text`, with the context refreshed (the quote's exact text is unchanged). */
function moveTo(a: Annotation, text: string, start: number, end: number): Annotation {
  const quote = quoteAt(text, start, end);
  if (!a.orphaned && a.position.start === start && a.position.end === end && quote.prefix === a.quote.prefix && quote.suffix === a.quote.suffix && quote.exact === a.quote.exact) return a;
  const out: Annotation = { ...a, quote, position: { start, end } };
  delete out.orphaned;
  return out;
}

/** How many characters of context agree around an occurrence of the quote at `at`: 0 … prefix.length + suffix.length. */
export function contextScore(text: string, at: number, q: TextQuote): number {
  let p = 0;
  while (p < q.prefix.length && at - 1 - p >= 0 && text.charCodeAt(at - 1 - p) === q.prefix.charCodeAt(q.prefix.length - 1 - p)) p++;
  // A prefix shorter than CONTEXT_LENGTH means the quote was that close to the start: the start must still be there.
  if (p === q.prefix.length && q.prefix.length < CONTEXT_LENGTH && at - p !== 0) p = Math.max(0, p - 1);
  const end = at + q.exact.length;
  let s = 0;
  while (s < q.suffix.length && end + s < text.length && text.charCodeAt(end + s) === q.suffix.charCodeAt(s)) s++;
  if (s === q.suffix.length && q.suffix.length < CONTEXT_LENGTH && end + s !== text.length) s = Math.max(0, s - 1);
  return p + s;
}

/**
 * Re-anchors an annotation in a text that may have changed in any way (edited outside VS Code, reloaded): the
 * quote's exact text must occur; among its occurrences the one whose prefix and suffix agree best wins, the old
 * position breaking ties only when its context is intact. When the text is gone, or several occurrences are equally
 * good, or the best one agrees too little with the old context, the annotation is orphaned (with its last quote and
 * position) instead of being moved onto other text. An orphaned annotation comes back only where its exact text and
 * whole context occur once.
 */
export function reanchor(a: Annotation, text: string): Annotation {
  const q = a.quote;
  const len = q.exact.length;
  if (!len) return orphan(a, 'missing');
  const full = q.prefix.length + q.suffix.length;
  const hint = a.position.start;
  // Unchanged around the old position: nothing to search.
  if (text.startsWith(q.exact, hint) && contextScore(text, hint, q) === full) return a.orphaned ? reattachStrict(a, text) : moveTo(a, text, hint, hint + len);
  if (a.orphaned) return reattachStrict(a, text);
  const candidates: number[] = [];
  for (let i = text.indexOf(q.exact); i >= 0 && candidates.length < MAX_CANDIDATES; i = text.indexOf(q.exact, i + 1)) candidates.push(i);
  if (!candidates.length) return orphan(a, 'missing');
  let best = -1;
  let bestScore = -1;
  let second = -1;
  let tied = false;
  for (const c of candidates) {
    const s = contextScore(text, c, q);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = c;
      tied = false;
    } else if (s === bestScore) {
      tied = true;
    } else if (s > second) second = s;
  }
  if (tied) return orphan(a, 'ambiguous');
  if (candidates.length === 1) {
    // The only occurrence: a long quote is distinctive by itself; a short one needs some of its context.
    if (len >= 20 || bestScore >= Math.min(full, 4)) return moveTo(a, text, best, best + len);
    return orphan(a, 'changed');
  }
  // Several occurrences: the best must agree with enough context and clearly more than the runner-up.
  if (bestScore >= Math.min(full, 8) && bestScore >= second + 4) return moveTo(a, text, best, best + len);
  return orphan(a, 'ambiguous');
}

/** An orphan comes back only where its exact text occurs once with its whole context around it. */
function reattachStrict(a: Annotation, text: string): Annotation {
  const q = a.quote;
  const needle = q.prefix + q.exact + q.suffix;
  const i = text.indexOf(needle);
  if (i < 0 || text.indexOf(needle, i + 1) >= 0) return a;
  const start = i + q.prefix.length;
  if (contextScore(text, start, q) !== q.prefix.length + q.suffix.length) return a;
  return moveTo(a, text, start, start + q.exact.length);
}

/**
 * The fast path while a report is edited in VS Code: applies the edits of one change event (VS Code's
 * `contentChanges`, applied in order, each against the text the previous ones left) to the annotation's position.
 * Edits before the annotation move it, edits after it leave it; an edit strictly inside it edits the annotated text
 * (the quote follows, as the analyst changed the very text they annotated); an edit that removes its first or last
 * character (deleting it, or crossing its start or end) orphans it, unless the same text with the same context is
 * back at once (a paste of the same words). `newText` is the text after all the edits; the result always covers its quote exactly
 * or is orphaned.
 */
export function applyChanges(a: Annotation, changes: readonly ContentChange[], newText: string): Annotation {
  if (a.orphaned) return reattachStrict(a, newText);
  let { start, end } = a.position;
  let inside = false;
  for (const c of changes) {
    const cs = c.rangeOffset;
    const ce = c.rangeOffset + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    if (ce <= start) {
      // Before (an insertion exactly at the start stays outside).
      start += delta;
      end += delta;
    } else if (cs >= end) {
      // After (an insertion exactly at the end stays outside).
    } else {
      const first = cs <= start; // the edit removes the annotation's first character
      const last = ce >= end; // … its last character
      if (first || last) return reattachStrict(orphan(a, first && last ? 'missing' : 'changed'), newText);
      // Strictly inside: the annotated text itself was edited.
      end += delta;
      inside = true;
    }
  }
  if (start < 0 || end > newText.length || end <= start) return reanchor(a, newText);
  if (inside) return { ...a, quote: quoteAt(newText, start, end), position: { start, end } };
  // The edits did not touch the annotated text: it must be where they moved it (else the change list was not
  // what we assumed, and a search decides).
  if (newText.startsWith(a.quote.exact, start) && end - start === a.quote.exact.length) return moveTo(a, newText, start, end);
  return reanchor(a, newText);
}

/** applyChanges over every annotation; returns the same array when nothing moved. */
export function applyChangesAll(annotations: readonly Annotation[], changes: readonly ContentChange[], newText: string): Annotation[] {
  let changed = false;
  const out = annotations.map((a) => {
    const b = applyChanges(a, changes, newText);
    if (b !== a) changed = true;
    return b;
  });
  return changed ? out : (annotations as Annotation[]);
}

/** reanchor over every annotation (e.g. when a report is opened or changed on disk). */
export function reanchorAll(annotations: readonly Annotation[], text: string): Annotation[] {
  let changed = false;
  const out = annotations.map((a) => {
    const b = reanchor(a, text);
    if (b !== a) changed = true;
    return b;
  });
  return changed ? out : (annotations as Annotation[]);
}
