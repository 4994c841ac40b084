/**
 * Tokenizer for raw English prose, close to CoNLL-2003 (Penn-style) conventions:
 * punctuation is split off, possessive `'s` / `’s` and clitics (`n't`, `'re`, ...) are their own tokens,
 * abbreviations ("U.S.", "Mr.", "Corp.", "J."), numbers ("1,200.50", "6-4", "1996/97") and hyphenated
 * words ("Ben-Shabbat", "Major-General") stay whole; curly quotes, brackets and dashes are tokens.
 *
 * Offsets are UTF-16 code-unit indices into the input (JS string indices), `end` exclusive, so
 * `text.slice(t.start, t.end) === t.text`. Works on single-space-joined token text and on ordinary
 * news-style text alike. Never throws on any string input (emoji, RTL, CJK, control characters).
 */

import { TOKEN_ABBREVIATIONS } from '../text/lexicon';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A sentence as a token index range `[start, end)` into `Tokenized.tokens`. */
export interface SentenceRange {
  start: number;
  end: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: SentenceRange[];
}

/** Abbreviations that keep their final period (lower-cased, without the period): the core's one list. */
const ABBREV = TOKEN_ABBREVIATIONS;

const enum C {
  Space = 32,
  Period = 46,
  Apos = 39,
  RApos = 0x2019,
}

function isSpace(c: number): boolean {
  // ASCII whitespace and all C0 control characters, DEL, NBSP, Unicode spaces and line/paragraph separators
  return c <= 32 || c === 127 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0x80 && c <= 0x9f);
}

function isNewline(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters always split off at the start of a chunk. */
function isLeadPunct(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 34 || c === 40 || c === 91 || c === 123 || c === 0x201c || c === 0x2018 || c === 0x201e ||
    c === 0xab || c === 96 || c === 0x201a || c === 0x2039 || c === 0xbf || c === 0xa1;
}

/** Characters always split off at the end of a chunk (period handled separately). */
function isTrailPunct(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 34 ||
    c === 0x201d || c === 0xbb || c === 0x2026 || c === 0x203a;
}

/** Dashes split anywhere: em dash, en dash, horizontal bar, minus sign. */
function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2212;
}

const CLITICS = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"];

/** Tokenize one whitespace-free chunk [a, b) of `text` into `out`. */
function splitChunk(text: string, a: number, b: number, out: Token[]): void {
  const push = (s: number, e: number) => {
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  // internal dashes (em/en), "--" and characters we never keep inside words: split into pieces first
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (isDash(c)) {
      let j = i + 1;
      while (j < b && isDash(text.charCodeAt(j))) j++;
      splitChunk(text, a, i, out);
      push(i, j);
      splitChunk(text, j, b, out);
      return;
    }
    if (c === 45 && i + 1 < b && text.charCodeAt(i + 1) === 45) {
      let j = i + 2;
      while (j < b && text.charCodeAt(j) === 45) j++;
      splitChunk(text, a, i, out);
      push(i, j);
      splitChunk(text, j, b, out);
      return;
    }
    // a curly or straight double quote, or a bracket, inside a chunk: split around it
    if (i > a && i < b - 1 && (c === 34 || c === 0x201c || c === 0x201d || c === 40 || c === 41 || c === 91 || c === 93)) {
      splitChunk(text, a, i, out);
      push(i, i + 1);
      splitChunk(text, i + 1, b, out);
      return;
    }
    // "word,word" (not digits) and "word;word"
    if ((c === 44 || c === 59) && i > a && i < b - 1 && !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) {
      splitChunk(text, a, i, out);
      push(i, i + 1);
      splitChunk(text, i + 1, b, out);
      return;
    }
  }
  // leading punctuation
  while (a < b) {
    const c = text.charCodeAt(a);
    if (isLeadPunct(c)) {
      if (c === 96 && a + 1 < b && text.charCodeAt(a + 1) === 96) { push(a, a + 2); a += 2; continue; }
      push(a, a + 1);
      a++;
      continue;
    }
    // currency sign before a number: "$1,200" -> "$" "1,200" (but "US$" / "C$" stay whole)
    if ((c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 35) && a + 1 < b && isDigit(text.charCodeAt(a + 1))) {
      push(a, a + 1);
      a++;
      continue;
    }
    if ((c === C.Apos || c === C.RApos) && a + 1 < b) {
      // a clitic chunk on its own ("'s" in token-joined text) stays whole
      const rest = text.slice(a, b).replace(/\u2019/g, "'").toLowerCase();
      if (CLITICS.includes(rest)) break;
      // opening single quote before a word
      if (isAsciiLetter(text.charCodeAt(a + 1)) || text.charCodeAt(a + 1) > 127) { push(a, a + 1); a++; continue; }
    }
    break;
  }
  // trailing punctuation: collect from the right, emit in order
  const tail: Array<[number, number]> = [];
  while (b > a) {
    const c = text.charCodeAt(b - 1);
    if (isTrailPunct(c)) {
      tail.push([b - 1, b]);
      b--;
      continue;
    }
    if (c === 0x2019 || c === C.Apos) {
      // closing single quote / plural possessive ("leaders’"): split it off unless the chunk is just the quote
      if (b - 1 > a) {
        tail.push([b - 1, b]);
        b--;
        continue;
      }
      break;
    }
    if (c === C.Period) {
      // run of periods: ellipsis
      let s = b - 1;
      while (s > a && text.charCodeAt(s - 1) === C.Period) s--;
      if (b - s >= 2) { tail.push([s, b]); b = s; continue; }
      if (s === a) { tail.push([s, b]); b = s; continue; }
      const core = text.slice(a, b - 1);
      // an abbreviation keeps its period, except at the end of a paragraph, where the period ends the sentence
      // ("... Schroder Wertheim & Co." -> "Co" ".")
      if (keepPeriod(core) && (core.length === 1 || !atParagraphEnd(text, b))) break;
      tail.push([b - 1, b]);
      b--;
      continue;
    }
    break;
  }
  if (b > a) {
    // clitics at the end of the word
    const core = text.slice(a, b);
    let split = -1;
    const n = core.length;
    if (n > 2) {
      const lc = core.toLowerCase().replace(/\u2019/g, "'");
      for (const cl of CLITICS) {
        if (lc.length > cl.length && lc.endsWith(cl)) {
          // "n't" needs a letter before it; "'s" etc. need a letter or digit
          split = n - cl.length;
          break;
        }
      }
      if (split < 0 && lc.endsWith("'") && n > 1) split = n - 1;
    }
    if (split > 0) {
      push(a, a + split);
      push(a + split, b);
    } else {
      push(a, b);
    }
  }
  for (let k = tail.length - 1; k >= 0; k--) push(tail[k][0], tail[k][1]);
}

function atParagraphEnd(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isNewline(c)) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

function keepPeriod(core: string): boolean {
  const n = core.length;
  if (n === 0) return false;
  // single letter initial: "J." / "M."
  if (n === 1) return isAsciiLetter(core.charCodeAt(0)) || core.charCodeAt(0) > 127;
  // dotted acronym "U.S" / "a.m" / "U.S.-led" is handled by inner period
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(core)) return true;
  if (ABBREV.has(core.toLowerCase())) return true;
  return false;
}

/** Split `text` into tokens with offsets, and into sentences. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: SentenceRange[] = [];
  const n = text.length;
  let sentStart = 0;
  let i = 0;
  const closeSentence = () => {
    if (tokens.length > sentStart) {
      sentences.push({ start: sentStart, end: tokens.length });
      sentStart = tokens.length;
    }
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      // a whitespace run: line breaks end the sentence, except a single soft line break inside a wrapped
      // paragraph (previous line ends in a lower-case word or a comma, next line starts with a letter)
      let j = i, breaks = 0;
      while (j < n && isSpace(text.charCodeAt(j))) {
        const cj = text.charCodeAt(j);
        if (isNewline(cj) && !(cj === 10 && j > i && text.charCodeAt(j - 1) === 13)) breaks++;
        j++;
      }
      if (breaks > 0 && !(breaks === 1 && softBreak(tokens, sentStart, text, j))) closeSentence();
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    const before = tokens.length;
    splitChunk(text, i, j, tokens);
    // sentence end: a token ".", "!", "?" or "..." (optionally followed by closing quotes/brackets in the same
    // chunk) followed by something that looks like a sentence start.
    if (tokens.length > before) {
      let k = tokens.length - 1;
      while (k >= before && isClosing(tokens[k].text)) k--;
      if (k >= before && isFinal(tokens[k].text) && k > sentStart) {
        // look ahead to the next non-space char
        let m = j;
        while (m < n && isSpace(text.charCodeAt(m)) && !isNewline(text.charCodeAt(m))) m++;
        if (m >= n || isNewline(text.charCodeAt(m)) || startsSentence(text, m)) closeSentence();
      }
    }
    i = j;
  }
  closeSentence();
  return { tokens, sentences };
}

function softBreak(tokens: Token[], sentStart: number, text: string, next: number): boolean {
  if (tokens.length <= sentStart || next >= text.length) return false;
  const last = tokens[tokens.length - 1].text;
  const c0 = last.charCodeAt(0);
  const lowerWord = (c0 >= 97 && c0 <= 122) || (c0 > 127 && last[0] !== last[0].toUpperCase());
  if (!lowerWord && last !== ',') return false;
  const c = text.charCodeAt(next);
  return isAsciiLetter(c) || (c > 127 && text[next].toLowerCase() !== text[next].toUpperCase());
}

function isClosing(t: string): boolean {
  return t === '"' || t === '\u201d' || t === '\u2019' || t === "'" || t === ')' || t === ']' || t === "''";
}

function isFinal(t: string): boolean {
  return t === '.' || t === '!' || t === '?' || t === '...' || t === '\u2026';
}

function startsSentence(text: string, m: number): boolean {
  const c = text.charCodeAt(m);
  if (c >= 65 && c <= 90) return true;
  if (isDigit(c)) return true;
  if (c === 34 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 39) return true;
  // non-ASCII upper-case letter
  if (c > 127) {
    const ch = text[m];
    return ch !== ch.toLowerCase();
  }
  return false;
}

/** Normalise a token for features: ASCII quotes and dashes, as in newswire training data. */
export function normalizeToken(t: string): string {
  if (t.length === 1) {
    const c = t.charCodeAt(0);
    if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) return '"';
    if (c === 0x2018 || c === 0x2019 || c === 0x201a) return "'";
    if (isDash(c)) return '--';
  }
  if (t.length > 1 && (t.indexOf('\u2019') >= 0 || t.indexOf('\u2018') >= 0)) t = t.replace(/[\u2018\u2019]/g, "'");
  if (t === '``' || t === "''") return '"';
  if (t === '\u2026') return '...';
  return t;
}
