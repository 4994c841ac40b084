/**
 * Incremental analysis: `createIncrementalAnalyzer().analyze(text)` equals `analyze(text)` exactly, but keeps
 * what it computed for the previous texts, so re-analysis after a small edit redoes only what the edit changed.
 *
 * After an edit, only the paragraphs it touched are prepared again (`editWindow`: from the blank line before the
 * first changed character to the one after the last): Markdown masking (`maskMarkdownEdit`; in full when a region
 * may cross the window's blank lines), joining hard-wrapped lines, and cutting into pieces; the other pieces keep
 * their strings. The text is cut into pieces at whitespace runs holding a line feed that always end a sentence: a
 * blank line, or a single line break the tokenizer cannot read as a soft wrap (`splitPieces`). A piece tokenizes
 * alike alone and inside the whole text.
 *  - Name tagging (ner/incremental.ts): tokens, sentences and per-token features are cached per piece (key: the
 *    piece's text); pass-1 and pass-2 Viterbi results per sentence, kept with the document-level values their
 *    features saw and recomputed only when one differs (document-level statistics are kept as counts).
 *  - Rule stages: pieces are grouped into units (a piece is joined to the next one when a rule could match across
 *    the line break between them: see `mayContinue`). Words, titles, known organisations, dates, times and
 *    quantities are cached per unit (key: the unit's text); the unit's resolved spans are recomputed only when its
 *    names changed. Person propagation (document level) collects the names of all units, then runs per unit, again
 *    only where the unit's spans changed or a name occurring in its text appeared or disappeared.
 *  - Threat-report pass: the threat-report test (cue and heading marks) and, in news, the ATT&CK IDs and group names
 *    are kept per piece; a threat report still runs the CTI tagger over the whole text.
 *  - Entities: the units after the edit are built only when the analysis is read (`lazyAnalysis`); the worker sends
 *    the host a patch found from the units (`patchFrom`), so a keystroke near the top of a long report neither
 *    builds nor compares the thousands of entities it moved.
 * Caches hold only what the latest analysis used (generation sweep), so memory follows the document size.
 */
import type { Analysis, AnalyzeOptions } from './types';
import { analysisOf, DEFAULT_MAX_LENGTH, localSpans, ruleParts, withCti, type RuleParts } from './analyze';
import { cueMarks, dropUnknownNames, findCheap, findCti, mergeCti, technicalFromMarks, type CtiEntity } from './cti';
import { maskMarkdownEdit, maskMarkdownState, type MaskState } from './text/markdown';
import { joinWrappedLines } from './ner';
import type { Entity, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { personNames, propagateNames, type PersonNames, type RawSpan } from './extract/spans';
import { IncrementalTagger, NerBlock } from './ner/incremental';
import type { NameSpan } from './ner';

export interface IncrementalAnalyzer {
  /** Same result as `analyze(text, options)`. */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** Entries in the caches (blocks tagged, rule units), for tests and diagnostics. */
  cacheStats(): { blocks: number; units: number };
  /**
   * When `after` is this analyzer's latest result and `before` the one it gave just before (same options), the patch
   * between them (see model/patch.ts) found from the units the edit left alone, without reading every entity;
   * undefined otherwise. Its head and tail may be shorter than `diffAnalysis`'s: the units the edit touched are sent whole.
   */
  patchFrom(before: Analysis, after: Analysis): { head: number; tail: number; shift: number; middle: Entity[] } | undefined;
  /** How often the text's preparation (masking, joining, pieces) was redone only in the edited paragraphs, and in full. */
  prepareStats(): { windowed: number; whole: number };
}

/** JavaScript's `\s`. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The tokenizer's spaces (`isSpace` in ner/tokenize.ts): a superset of `\s`. */
function isTokenizerSpace(c: number): boolean {
  return c <= 32 || c === 127 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0x80 && c <= 0x9f);
}

function isNewlineCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** A letter the tokenizer may continue a sentence with after a single line break (see `softBreak` in tokenize.ts). */
function isCasedLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && text[i].toLowerCase() !== text[i].toUpperCase();
}

/** A letter, digit or mark (one UTF-16 unit; surrogates count as such, which only makes the callers cautious). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (c >= 0xd800 && c <= 0xdfff) || /[\p{L}\p{N}\p{M}]/u.test(text[i]);
}

/** Characters the tokenizer always splits off as a token of their own at the end of a line. */
const CLOSING = new Set([';', ':', '!', '?', ')', ']', '}', '"', '\u201d', '\u00bb', '\u2026', '\u203a', '*', '_', '~']);

/**
 * Whether the line ending at `end` (its last character is not a space) certainly ends with a token that is neither
 * a lower-case word nor a comma, so a single line break after it always ends the sentence.
 */
function endsHard(text: string, end: number): boolean {
  const ch = text[end - 1];
  if (CLOSING.has(ch)) return true;
  if (ch !== '.') return false;
  // "x." (one letter and its dot) stays one token, which may be a lower-case word
  const p = end - 2;
  if (p < 0 || !isWordChar(text, p)) return true;
  return p >= 1 && isWordChar(text, p - 1);
}

/**
 * Cuts `text` into pieces that are tokenized alike alone and in the whole text: at whitespace runs holding a line
 * feed that always end a sentence (two line breaks or more, or one the tokenizer cannot read as a soft wrap).
 */
export function splitPieces(text: string, starts: number[], ends: number[]): void {
  let last = 0;
  let from = 0;
  const n = text.length;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) break;
    let a = nl;
    while (a > last && isJsSpace(text.charCodeAt(a - 1))) a--;
    let b = nl + 1;
    let lastNl = nl;
    while (b < n && isJsSpace(text.charCodeAt(b))) { if (text.charCodeAt(b) === 10) lastNl = b; b++; }
    from = b;
    let breaks = 0;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (isNewlineCode(c) && !(c === 10 && i > a && text.charCodeAt(i - 1) === 13)) breaks++;
    }
    if (breaks < 2 && a > last && b < n) {
      // one line break: it ends the sentence unless the tokenizer may read it as a soft wrap
      if (isTokenizerSpace(text.charCodeAt(a - 1)) || isTokenizerSpace(text.charCodeAt(b))) continue;
      if (isCasedLetterAt(text, b) && !endsHard(text, a)) continue;
    }
    if (a > last) { starts.push(last); ends.push(a); }
    // the next piece keeps the spaces after the last line feed: its first line is the same line as in the text
    last = lastNl + 1;
  }
  if (n > last) { starts.push(last); ends.push(n); }
}

/**
 * True when a rule could match across the line break after `block` (whose last character is not a space): the
 * date, time and quantity patterns cross whitespace only with `\s+`/`\s*` after a letter, a digit, a comma, a
 * month abbreviation with its dot ("Jan.") or "a.m."/"p.m."; a title's "of"/"for" domain may be the next line's
 * first word.
 */
export function mayContinue(block: string): boolean {
  const tail = block.slice(-2);
  if (/[\p{L}\p{N}\p{M},]$/u.test(tail)) return true;
  if (block.endsWith('.') && /(?:jan|feb|mar|apr|aug|sep|sept|oct|nov|dec|m)\.$/i.test(block.slice(-6))) return true;
  // the last letters before trailing punctuation: "of" / "for" ("Director of (\n\nState")
  let i = block.length;
  while (i > 0 && !/[\p{L}\p{N}\p{M}]/u.test(block[i - 1])) i--;
  const word = block.slice(Math.max(0, i - 3), i);
  return word.endsWith('of') || word.endsWith('for');
}

interface Unit {
  parts: RuleParts;
  names: NameSpan[] | null;
  local: RawSpan[];
  /** person names of `local` */
  persons: PersonNames;
  /** whether `final` is up to date with `local` (it is then up to date with every person name found in the unit's text) */
  finalOk: boolean;
  final: RawSpan[];
  /** the texts of `final`'s spans, read from the unit's text (a new array whenever `final` changes) */
  texts: string[];
  /** the entities last built from `final`, at offset `builtAt` of a text whose slice there was the unit's text */
  built: Entity[] | null;
  builtFrom: RawSpan[] | null;
  builtAt: number;
  /** the person names this unit last added to the document-level counts (see `PersonCounts`) */
  counted: PersonNames | null;
  gen: number;
}

/**
 * The person names of the document, kept as counts over the units' occurrences: after an edit only the units that
 * changed are added and taken away, and the names that appeared or disappeared come out of it directly.
 */
class PersonCounts {
  readonly names: PersonNames = { surnames: new Set(), fullNames: new Set(), orgForms: new Set() };
  private readonly counts = { surnames: new Map<string, number>(), fullNames: new Map<string, number>(), orgForms: new Map<string, number>() };
  /** the units counted, with their occurrences in the text */
  private units = new Map<Unit, number>();

  /** Brings the counts to the units of the new text (with their occurrences); returns the names that appeared or disappeared. */
  update(cur: Map<Unit, number>): string[] {
    const changed: string[] = [];
    const add = (p: PersonNames, k: number) => {
      this.bump('surnames', p.surnames, k, changed);
      this.bump('fullNames', p.fullNames, k, changed);
      if (p.orgForms) this.bump('orgForms', p.orgForms, k, changed);
    };
    for (const [u, n] of this.units) if (u.counted && (u.counted !== u.persons || cur.get(u) !== n)) add(u.counted, -n);
    for (const [u, n] of cur) {
      if (u.counted !== u.persons || this.units.get(u) !== n) add(u.persons, n);
      u.counted = u.persons;
    }
    this.units = cur;
    return changed;
  }

  private bump(kind: 'surnames' | 'fullNames' | 'orgForms', names: Iterable<string>, k: number, changed: string[]): void {
    const counts = this.counts[kind];
    const set = this.names[kind] as Set<string>;
    for (const x of names) {
      const before = counts.get(x) ?? 0;
      const after = before + k;
      if (after === 0) counts.delete(x);
      else counts.set(x, after);
      if (before === 0 && after > 0) {
        set.add(x);
        changed.push(x);
      } else if (before > 0 && after === 0) {
        set.delete(x);
        changed.push(x);
      }
    }
  }
}

interface CachedBlock {
  block: NerBlock;
  /** mayContinue(text) */
  cont: boolean;
  /** What the threat-report pass needs of the piece (offsets in the piece), found on first use. */
  cti?: PieceCti;
  gen: number;
}

/** A piece's share of the threat-report test and of the ATT&CK IDs and group names found in any text. */
interface PieceCti {
  cues: number[];
  heads: number[];
  /** A last line of only "#"s: a heading start in the text when a space or tab follows the piece there. */
  headAtEnd: number;
  cheap: CtiEntity[];
}

function pieceCti(t: string): PieceCti {
  const { cues, heads } = cueMarks(t, true);
  const m = /(?:^|[\n\r\u2028\u2029])(#{1,6})$/.exec(t);
  return { cues, heads, headAtEnd: m ? t.length - m[1].length : -1, cheap: findCheap(t) };
}

/** Length of the common start of two texts (compared in blocks first). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 16; step >>= 2) while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of two texts, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length, lb = b.length;
  let i = 0;
  for (let step = 4096; step >= 16; step >>= 2) while (i + step <= max && a.slice(la - i - step, la - i) === b.slice(lb - i - step, lb - i)) i += step;
  while (i < max && a.charCodeAt(la - 1 - i) === b.charCodeAt(lb - 1 - i)) i++;
  return i;
}

/** Whether text[from, to) is only spaces and tabs. */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * The paragraphs an edit touched: [ws, we) of the new text, starting after a blank line (spaces and tabs only)
 * before the first changed character and ending after the first blank line after the last one, both blank lines
 * unchanged (`we - delta` in the old text). Undefined when the window is the whole text.
 */
export function editWindow(before: string, after: string): { ws: number; we: number; delta: number } | undefined {
  return windowOf(before, after, changeOf(before, after));
}

/** The common start (`p`) and end (`s`) of two texts: the edit replaced [p, length - s). */
function changeOf(before: string, after: string): { p: number; s: number } {
  const p = commonPrefix(before, after);
  return { p, s: commonSuffix(before, after, Math.min(before.length, after.length) - p) };
}

function windowOf(before: string, after: string, { p, s }: { p: number; s: number }): { ws: number; we: number; delta: number } | undefined {
  let ws = 0;
  for (let e = p > 0 ? after.lastIndexOf('\n', p - 1) : -1; e > 0; ) {
    const d = after.lastIndexOf('\n', e - 1);
    if (d < 0) break;
    if (blankBetween(after, d + 1, e)) { ws = e + 1; break; }
    e = d;
  }
  let we = after.length;
  for (let d = after.indexOf('\n', after.length - s); d >= 0; ) {
    const e = after.indexOf('\n', d + 1);
    if (e < 0) break;
    if (blankBetween(after, d + 1, e)) { we = e + 1; break; }
    d = e;
  }
  if (ws === 0 && we === after.length) return undefined;
  return { ws, we, delta: after.length - before.length };
}

/** What the analysis of the previous text keeps for the next: the texts each stage made and the pieces. */
interface Prepared {
  format: string;
  maxLength: number;
  original: string;
  mask: MaskState | undefined;
  analyzed: string;
  /** Whether `analyzed` is `original` (nothing masked, no line joined). */
  same: boolean;
  /** The edit from the previous text of the same options: [p, length - s) replaced. */
  change?: { p: number; s: number };
  /** When only [ws, we) was prepared again: the analysed text is the previous one elsewhere (moved by `delta` after it). */
  window?: { ws: number; we: number; delta: number };
  starts: number[];
  ends: number[];
  texts: string[];
}

/** First index whose value is at least x (values ascending). */
function firstAtLeast(xs: readonly number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `prepareInput` and `splitPieces` of a text, redoing only the paragraphs an edit of the previous text touched when
 * that gives the same result (Markdown masking: see maskMarkdownEdit; joining wrapped lines and cutting pieces are
 * paragraph-local), and everything otherwise.
 */
function prepare(prev: Prepared | undefined, original: string, format: string, maxLength: number, counts: { windowed: number; whole: number }): Prepared {
  const full = (): Prepared => {
    counts.whole++;
    const mask = format === 'markdown' ? maskMarkdownState(original) : undefined;
    const analyzed = joinWrappedLines(mask ? mask.masked : original);
    const starts: number[] = [];
    const ends: number[] = [];
    splitPieces(analyzed, starts, ends);
    const texts = starts.map((a, k) => analyzed.slice(a, ends[k]));
    return { format, maxLength, original, mask, analyzed, same: analyzed === original, starts, ends, texts };
  };
  if (!prev || prev.format !== format || prev.maxLength !== maxLength || (format === 'markdown') !== !!prev.mask) return full();
  if (prev.original === original) return { ...prev, change: { p: original.length, s: 0 }, window: undefined };
  const change = changeOf(prev.original, original);
  const w = windowOf(prev.original, original, change);
  if (!w) return { ...full(), change };
  const { ws, we, delta } = w;
  const weOld = we - delta;
  let mask: MaskState | undefined;
  if (prev.mask) {
    mask = maskMarkdownEdit(prev.mask, original, ws, we, delta);
    if (!mask) return { ...full(), change };
  }
  const masked = mask ? mask.masked : original;
  const joined = joinWrappedLines(masked.slice(ws, we));
  // where nothing is masked or joined the analysed text is the original: one string to flatten, not two
  const same = prev.same && joined === original.slice(ws, we);
  const analyzed = same ? original : prev.analyzed.slice(0, ws) + joined + prev.analyzed.slice(weOld);
  // pieces: the old ones before the window, the window's, the old ones after it moved by the edit
  const lo = firstAtLeast(prev.starts, ws);
  const hi = firstAtLeast(prev.starts, weOld);
  const starts = prev.starts.slice(0, lo);
  const ends = prev.ends.slice(0, lo);
  const texts = prev.texts.slice(0, lo);
  counts.windowed++;
  const ws2: number[] = [];
  const we2: number[] = [];
  const win = analyzed.slice(ws, we);
  splitPieces(win, ws2, we2);
  for (let k = 0; k < ws2.length; k++) {
    starts.push(ws2[k] + ws);
    ends.push(we2[k] + ws);
    texts.push(win.slice(ws2[k], we2[k]));
  }
  for (let k = hi; k < prev.starts.length; k++) {
    starts.push(prev.starts[k] + delta);
    ends.push(prev.ends[k] + delta);
    texts.push(prev.texts[k]);
  }
  return { format, maxLength, original, mask, analyzed, same, change, window: w, starts, ends, texts };
}

function sameSpans(a: readonly RawSpan[], b: readonly RawSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].type !== b[i].type || a[i].source !== b[i].source) return false;
  return true;
}

function sameNames(a: readonly NameSpan[], b: readonly NameSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].type !== b[i].type) return false;
  return true;
}

/** One unit's spans at its offset in the text, and its entities once built. */
interface Segment {
  final: RawSpan[];
  texts: string[];
  start: number;
  end: number;
  /** whether the original text there is the unit's (the entities' texts are then `texts`) */
  plain: boolean;
  built: Entity[] | null;
}

function buildSegment(seg: Segment, original: string): Entity[] {
  const built: Entity[] = new Array(seg.final.length);
  for (let k = 0; k < seg.final.length; k++) {
    const sp = seg.final[k];
    const a = sp.start + seg.start, e = sp.end + seg.start;
    built[k] = { start: a, end: e, type: sp.type, text: seg.plain ? seg.texts[k] : original.slice(a, e), source: sp.source };
  }
  return built;
}

/** Entities per type (in ENTITY_TYPES order) of a unit's spans, kept with the spans (a new array when they change). */
const COUNTS = new WeakMap<readonly RawSpan[], number[]>();
const TYPE_INDEX = new Map<EntityType, number>(ENTITY_TYPES.map((t, i) => [t, i]));
function countsOf(final: readonly RawSpan[]): number[] {
  let c = COUNTS.get(final);
  if (!c) {
    c = new Array<number>(ENTITY_TYPES.length).fill(0);
    for (const sp of final) c[TYPE_INDEX.get(sp.type) as number]++;
    COUNTS.set(final, c);
  }
  return c;
}

function allEntities(segs: readonly Segment[], original: string): Entity[] {
  const out: Entity[] = [];
  for (const seg of segs) for (const e of seg.built ?? buildSegment(seg, original)) out.push(e);
  return out;
}

/**
 * `analysisOf(input, maxLength, original, entities)` of the units' entities, built when `entities` is first read:
 * after a keystroke near the top of a long report the worker answers with a patch (`patchFrom`) and never needs the
 * thousands of entities moved by the edit. The same object as an eager one to every reader (and to structured clone).
 */
function lazyAnalysis(input: string, maxLength: number, original: string, segs: readonly Segment[]): Analysis {
  const n = new Array<number>(ENTITY_TYPES.length).fill(0);
  for (const seg of segs) {
    const c = countsOf(seg.final);
    for (let t = 0; t < c.length; t++) n[t] += c[t];
  }
  const counts = Object.fromEntries(ENTITY_TYPES.map((t, i) => [t, n[i]])) as Record<EntityType, number>;
  const result = {} as Analysis;
  const settle = (value: Entity[]) => Object.defineProperty(result, 'entities', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(result, 'entities', {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = allEntities(segs, original);
      settle(value);
      return value;
    },
    set: settle,
  });
  result.counts = counts;
  result.length = input.length;
  if (original.length < input.length) result.limited = { analyzedLength: original.length, reason: `text is longer than ${maxLength} characters` };
  return result;
}

/**
 * What the threat-report pass makes of the pieces: the threat-report test and, in news, the ATT&CK IDs and group names
 * are the pieces' own (kept with each piece; no cue, heading or name crosses a piece's bounds). Null where the test
 * reads only the start of the text (very long texts): then `withCti` over the whole text.
 */
function ctiParts(analyzed: string, cached: readonly CachedBlock[], texts: readonly string[], starts: readonly number[], ends: readonly number[]): { technical: boolean; cheap: CtiEntity[] } | null {
  if (analyzed.length === 0 || analyzed.length > 400_000) return null;
  const cues: number[] = [];
  const heads: number[] = [];
  const cheap: CtiEntity[] = [];
  for (let b = 0; b < cached.length; b++) {
    const p = (cached[b].cti ??= pieceCti(texts[b]));
    const a = starts[b];
    for (const x of p.cues) cues.push(x + a);
    for (const x of p.heads) heads.push(x + a);
    if (p.headAtEnd >= 0) {
      const c = analyzed.charCodeAt(ends[b]);
      if (c === 32 || c === 9) heads.push(p.headAtEnd + a);
    }
    for (const c of p.cheap) cheap.push({ ...c, start: c.start + a, end: c.end + a });
  }
  return { technical: technicalFromMarks(analyzed.length, cues, heads), cheap };
}

export function createIncrementalAnalyzer(): IncrementalAnalyzer {
  const blocks = new Map<string, CachedBlock>();
  const units = new Map<string, Unit>();
  const tagger = new IncrementalTagger();
  const persons = new PersonCounts();
  let gen = 0;
  let prev: Prepared | undefined;
  /** The texts of the previous analysis's units of several pieces, by offset. */
  let multi = new Map<number, string>();
  /** The latest result and the one before, with their units' segments (null when the entities are not the units' own). */
  let last:
    | { result: Analysis; original: string; segs: Segment[] | null; prevSegs?: Segment[] | null; change: { p: number; s: number } | undefined; prev: Analysis | undefined }
    | undefined;
  const prepareCounts = { windowed: 0, whole: 0 };

  function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
    gen++;
    const input = typeof text === 'string' ? text : String(text ?? '');
    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    const original = input.length > maxLength ? input.slice(0, maxLength) : input;
    // pieces: [start, end) between blank lines and line breaks that always end a sentence
    const prepared = prepare(prev, original, options.format === 'markdown' ? 'markdown' : 'plain', maxLength, prepareCounts);
    prev = prepared;
    const { analyzed, starts, ends, texts } = prepared;

    const nb = starts.length;
    const ner: NerBlock[] = new Array(nb);
    const cont: boolean[] = new Array(nb);
    const cached: CachedBlock[] = new Array(nb);
    for (let b = 0; b < nb; b++) {
      const t = texts[b];
      let c = blocks.get(t);
      if (!c) { c = { block: new NerBlock(t), cont: mayContinue(t), gen }; blocks.set(t, c); }
      c.gen = gen;
      cached[b] = c;
      ner[b] = c.block;
      cont[b] = c.cont;
    }
    tagger.tag(ner);

    // units: runs of blocks no rule crosses
    const unitList: Array<{ unit: Unit; start: number; text: string }> = [];
    const nextMulti = new Map<number, string>();
    const unitCount = new Map<Unit, number>();
    let b = 0;
    while (b < nb) {
      let e = b;
      while (e + 1 < nb && cont[e]) e++;
      const ustart = starts[b];
      let utext: string;
      if (b === e) utext = texts[b];
      else {
        // a unit of several pieces the edit left alone keeps its string (and the hash its lookup computed)
        const uend = ends[e];
        const w = prepared.window;
        const kept = w && (uend <= w.ws ? multi.get(ustart) : ustart >= w.we ? multi.get(ustart - w.delta) : undefined);
        utext = kept !== undefined && kept.length === uend - ustart ? kept : analyzed.slice(ustart, uend);
        nextMulti.set(ustart, utext);
      }
      let names: NameSpan[];
      if (b === e) names = ner[b].names;
      else {
        names = [];
        for (let k = b; k <= e; k++) {
          const d = starts[k] - ustart;
          for (const n of ner[k].names) names.push({ start: n.start + d, end: n.end + d, type: n.type });
        }
      }
      let u = units.get(utext);
      if (!u) {
        u = {
          parts: ruleParts(utext),
          names: null,
          local: [],
          persons: { surnames: new Set(), fullNames: new Set() },
          finalOk: false,
          final: [],
          texts: [],
          built: null,
          builtFrom: null,
          builtAt: -1,
          counted: null,
          gen,
        };
        units.set(utext, u);
      }
      u.gen = gen;
      if (u.names === null || (u.names !== names && !sameNames(u.names, names))) {
        u.names = names;
        u.local = localSpans(utext, u.parts, names);
        u.persons = personNames(utext, u.parts.ws, u.local);
        u.finalOk = false;
      }
      unitCount.set(u, (unitCount.get(u) ?? 0) + 1);
      unitList.push({ unit: u, start: ustart, text: utext });
      b = e + 1;
    }

    multi = nextMulti;

    // document-level person propagation, unit by unit
    // The propagation in a unit depends only on the names that occur in its text: redo units whose spans changed
    // and units holding a name that appeared or disappeared since the previous analysis.
    const changedNames = persons.update(unitCount);
    const personsAll = persons.names;
    const wanted = options.types ? new Set<EntityType>(options.types) : null;
    // per unit: its spans at its offset, and its entities when built (units after the edit are built on demand)
    const segs: Segment[] = new Array(unitList.length);
    const suffixFrom = prepared.change ? original.length - prepared.change.s : Infinity;
    for (let i = 0; i < unitList.length; i++) {
      const { unit: u, start, text: utext } = unitList[i];
      if (u.finalOk && changedNames.length > 0 && changedNames.some((x) => utext.includes(x))) u.finalOk = false;
      if (!u.finalOk) {
        const final = propagateNames(utext, u.parts.ws, u.local, personsAll);
        if (!sameSpans(final, u.final)) {
          u.final = final;
          u.texts = final.map((sp) => utext.slice(sp.start, sp.end));
        }
        u.finalOk = true;
      }
      // Where the text is the unit's own (no masked code, no joined line inside it), an entity's text is the unit's:
      // the entities built for the unit at this offset are the same, and elsewhere only their offsets differ.
      const plain = prepared.same || original.startsWith(utext, start);
      const seg: Segment = { final: u.final, texts: u.texts, start, end: start + utext.length, plain, built: null };
      segs[i] = seg;
      if (plain && u.built !== null && u.builtFrom === u.final && u.builtAt === start) {
        seg.built = u.built;
        continue;
      }
      if (start >= suffixFrom) continue; // moved by the edit, otherwise unchanged: built when asked for
      const built = buildSegment(seg, original);
      seg.built = built;
      if (plain) {
        u.built = built;
        u.builtFrom = u.final;
        u.builtAt = start;
      } else u.built = null;
    }

    // generation sweep: keep only what this analysis used
    for (const [k, c] of blocks) if (c.gen !== gen) blocks.delete(k);
    for (const [k, u] of units) if (u.gen !== gen) units.delete(k);

    const cti = ctiParts(analyzed, cached, texts, starts, ends);
    let result: Analysis;
    if (cti === null || cti.technical || cti.cheap.length > 0 || wanted) {
      const entities = allEntities(segs, original);
      const all = cti === null ? withCti(analyzed, original, entities) : cti.technical ? dropUnknownNames(mergeCti(original, entities, findCti(analyzed, true))) : mergeCti(original, entities, cti.cheap);
      result = analysisOf(input, maxLength, original, wanted ? all.filter((e) => wanted.has(e.type)) : all);
      last = { result, original, segs: null, change: prepared.change, prev: last?.result };
    } else {
      // no threat-report entity and no type filter: the entities are the units' own, built when first read
      result = lazyAnalysis(input, maxLength, original, segs);
      last = { result, original, segs, prevSegs: last?.segs ?? null, change: prepared.change, prev: last?.result };
    }
    return result;
  }

  /** The patch from the analyzer's previous result to its latest, from the units alone (see IncrementalAnalyzer.patchFrom). */
  function patchFrom(before: Analysis, after: Analysis): { head: number; tail: number; shift: number; middle: Entity[] } | undefined {
    if (!last || last.result !== after || last.prev !== before || !last.segs || !last.prevSegs || !last.change) return undefined;
    const a = last.prevSegs;
    const b = last.segs;
    const { p, s } = last.change;
    const delta = after.length - before.length;
    const from = last.original.length - s; // the unchanged end of the text starts here
    const max = Math.min(a.length, b.length);
    let i = 0;
    let head = 0;
    while (i < max && a[i].final === b[i].final && a[i].start === b[i].start && b[i].end <= p) head += b[i++].final.length;
    let j = 0;
    let tail = 0;
    for (; j < max - i; j++) {
      const x = a[a.length - 1 - j], y = b[b.length - 1 - j];
      if (x.final !== y.final || y.start - x.start !== delta || y.start < from) break;
      tail += y.final.length;
    }
    const middle: Entity[] = [];
    for (let k = i; k < b.length - j; k++) for (const e of b[k].built ?? buildSegment(b[k], last.original)) middle.push(e);
    return { head, tail, shift: delta, middle };
  }

  return { analyze: analyzeText, patchFrom, cacheStats: () => ({ blocks: blocks.size, units: units.size }), prepareStats: () => ({ ...prepareCounts }) };
}
