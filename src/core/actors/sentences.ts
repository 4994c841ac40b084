import type { Span } from '../types';

// Words whose final dot does not end a sentence: "Mr. Putin", "Gen. Haliva", "U.S. forces", "Jan. 5".
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'pres', 'st', 'jr',
  'sr', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'approx', 'est', 'fig', 'vol', 'mt', 'ft',
]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * Sentence spans of a text, trimmed of surrounding spaces. A sentence ends at . ! ? (with any closing quotes or
 * brackets) before a space and a capital, digit or opening quote, unless the dot ends a known abbreviation or an
 * initial; at a blank line; and at a line break after end punctuation or before a Markdown heading or list item.
 * Hard-wrapped lines inside a paragraph stay one sentence.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      const next = text.slice(i + 1, i + 8);
      const prev = text.slice(start, i).trimEnd();
      const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
      if (/^[ \t]*(?:\r?\n|#|[-*+>][ \t]|\d+[.)][ \t])/.test(next) || /[.!?:”"’)]$/.test(prev) || /^[ \t]*(?:#|[-*+][ \t])/.test(line)) {
        push(i + 1);
      }
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < n && (CLOSERS.has(text[j]) || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    if (j < n && !/[ \t\u00a0]/.test(text[j]) && text[j] !== '\n' && text[j] !== '\r') continue;
    let k = j;
    while (k < n && /[ \t\u00a0]/.test(text[k])) k++;
    if (k < n && text[k] !== '\n' && text[k] !== '\r' && !/[\p{Lu}\p{N}"“‘'(\[*#]/u.test(text[k])) continue;
    if (c === '.') {
      const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i));
      const w = m ? m[1].toLowerCase() : '';
      if (w && (ABBREVIATIONS.has(w) || /^\p{L}$/u.test(w) || /^(?:\p{L}\.)+\p{L}$/u.test(w))) continue;
    }
    push(j);
    i = j - 1;
  }
  push(n);
  return out;
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
