/**
 * The one segmentation of the core: front matter, fenced code, Markdown headings and list items, paragraphs,
 * sentences and a line index. Actors, the summary, dates and the CLI read their sentences from here, so every layer
 * sees the same boundaries for the same report. Abbreviations come from the one lexicon (`./lexicon`).
 */
import type { Span } from '../types';
import { ABBREVIATIONS, MONTH_PATTERN } from './lexicon';

export interface Sentence extends Span {
  /** 'heading' for Markdown headings, 'item' for list items; front matter is never a sentence. */
  kind: 'sentence' | 'heading' | 'item';
  /** 0-based paragraph index (blank lines and headings separate paragraphs). */
  paragraph: number;
}

export interface FrontMatter extends Span {
  fields: Record<string, { value: string; start: number; end: number }>;
}

/** YAML front matter at the very start of a text (`---` … `---` or `...`); group 1 is its body. */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Opening (or closing) line of a fenced code block: group 1 is the fence. */
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** A dateline on its own line: "LONDON 1996-08-30", "PARAMARIBO, Surinam 1996-08-30", "KYIV, March 3". Group 1: the place. */
export const DATELINE_LINE = /^([\p{Lu}][\p{Lu}.'’-]+(?:[ -][\p{Lu}][\p{Lu}.'’-]+){0,3})(?:,\s*[\p{L} .'’-]{2,30}?)?\s*(?:\([\p{L} ]{2,30}\))?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?|\p{L}+\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*[-–—:]*\s*$/u;

/** A line that is only a date (a report's date under its title): "March 01, 2008", "Monday, 3 March 2008", "2008-03-01". */
const DATE_LINE = new RegExp(
  `^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(?:\\d{1,2}\\s+${MONTH_PATTERN},?\\s+\\d{4}|${MONTH_PATTERN}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:,?\\s+\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?$`,
  'i',
);

/**
 * A plain-text line that stands alone although no full stop ends it: a date line, a dateline with a date
 * ("LONDON 1996-08-30"), a byline ("By Jane Doe").
 */
function standsAlone(line: string): boolean {
  const l = line.trim();
  if (DATE_LINE.test(l)) return true;
  if (/^by\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}$/iu.test(l)) return true;
  return /\d{4}-\d{2}-\d{2}\s*[-–—:]*$|\d{4}\s*[-–—:]*$/.test(l) && DATELINE_LINE.test(l);
}

/** YAML front matter at the very start (`---` … `---`), with its simple `key: value` fields. */
export function frontMatter(text: string): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  const fields: FrontMatter['fields'] = {};
  const bodyStart = m[0].indexOf(m[1]);
  const re = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/gm;
  for (let f = re.exec(m[1]); f; f = re.exec(m[1])) {
    let value = f[2];
    let vStart = bodyStart + f.index + f[0].indexOf(f[2], f[1].length + 1);
    const q = /^(["'])(.*)\1$/.exec(value);
    if (q) {
      value = q[2];
      vStart += 1;
    }
    fields[f[1].toLowerCase()] = { value, start: vStart, end: vStart + value.length };
  }
  return { start: 0, end: m[0].length, text: m[0], fields };
}

/**
 * Sentences of a report with their offsets: paragraphs split at blank lines, Markdown headings and list items kept
 * apart, front matter skipped, abbreviations ("Gen.", "U.S.") and initials not taken for sentence ends, closing
 * quotes kept with the sentence they close.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const fm = frontMatter(text);
  let pos = fm ? fm.end : 0;
  let paragraph = 0;
  let inParagraph = false;
  // Walk line by line to find blocks.
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  lineRe.lastIndex = pos;
  let block: { start: number; end: number } | null = null;
  const flush = () => {
    if (block) {
      for (const s of splitBlock(text, block.start, block.end)) out.push({ ...s, kind: 'sentence', paragraph });
      block = null;
    }
  };
  let fence: string | null = null;
  let lastLineStart = pos;
  while (lineRe.lastIndex < text.length) {
    const m = lineRe.exec(text);
    if (!m || m[0] === '') break;
    const lineStart = m.index;
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = lineStart + raw.length;
    // Fenced code blocks are not prose.
    const f = FENCE_OPEN.exec(raw);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      flush();
      fence = f[1];
      continue;
    }
    if (/^\s*$/.test(raw)) {
      flush();
      if (inParagraph) paragraph++;
      inParagraph = false;
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    const item = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/.exec(raw);
    if (heading) {
      flush();
      if (inParagraph) paragraph++;
      const hs = lineStart + raw.indexOf(heading[1]);
      if (heading[1]) out.push({ start: hs, end: hs + heading[1].length, text: heading[1], kind: 'heading', paragraph });
      paragraph++;
      inParagraph = false;
      continue;
    }
    if (item) {
      flush();
      for (const s of splitBlock(text, lineStart + item[0].length, lineEnd)) out.push({ ...s, kind: 'item', paragraph });
      inParagraph = true;
      continue;
    }
    // Plain-text reports often put one paragraph a line: a line that ends a sentence ends the paragraph. So does a
    // line that stands alone without a full stop (a date, a dateline, a byline), and a title line: the text's first
    // line, with no full stop, before a date line or a clearly longer line of prose.
    if (block) {
      const last = text.slice(lastLineStart, block.end);
      const isTitle =
        block.start === lastLineStart &&
        out.length === 0 &&
        !/[.!?:;,]\s?["”’'»)\]]*\s*$/u.test(last) &&
        /^\s*[\p{Lu}\d“"‘']/u.test(raw) &&
        (standsAlone(raw) || last.trim().length < 0.7 * raw.trim().length);
      if (/[.!?]\s?["”’'»)\]]*\s*$/u.test(last) || standsAlone(last) || isTitle) {
        flush();
        paragraph++;
      }
    }
    lastLineStart = lineStart;
    inParagraph = true;
    if (block) block.end = lineEnd;
    else block = { start: lineStart, end: lineEnd };
  }
  flush();
  return out;
}

const CLOSERS = /["”’'»)\]]/u;

function splitBlock(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (c === '.' && isAbbreviation(text, from, i)) continue;
    let j = i + 1;
    while (j < to && (CLOSERS.test(text[j]) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    // "(to Russia). ”": a closing quote after a space still closes this sentence.
    let k = j;
    while (k < to && text[k] === ' ') k++;
    if (k < to && /[”’»]/u.test(text[k]) && (k + 1 >= to || /\s/.test(text[k + 1]))) j = k + 1;
    if (j < to && !/\s/.test(text[j])) continue; // "3.5", "U.S.-led", "e.g.,"
    let n = j;
    while (n < to && /\s/.test(text[n])) n++;
    if (n < to && /[a-z]/.test(text[n])) continue; // lower case after a dot: not a sentence start
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, to);
  return out;
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  if ((word === 'no' || word === 'nos') && /^\s*\d/.test(text.slice(dot + 1, dot + 4))) return true;
  // Initials: "J. Smith", "U.S."
  if (/^\p{Lu}$/u.test(text.slice(s, dot))) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Index of the sentence holding an offset (binary search over sorted spans); -1 when between sentences. */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
export { sentenceIndexAt as sentenceAt };

/** 1-based line and column of each offset, computed once per text. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
