/**
 * Clean text in, original offsets out. Every function here returns a string of exactly the input's length in
 * which some characters were replaced (by spaces, or a line break by a space), so a span found in the result is a
 * span of the original text: the offset map is the identity.
 *
 * - `joinWrappedLines`: a hard-wrapped paragraph (press releases and cables wrapped at ~72 columns) becomes one
 *   line, so names and sentences cut by a wrap are whole again ("Judge Eleanor M.\nFairbanks").
 * - `nerView`: what the name tagger reads: page furniture lines (share/subscribe/cookie boilerplate, photo credits,
 *   ad and navigation leftovers) blanked, social-media handles blanked, and analyst markup that is not a name
 *   (classification banners and portion markings, date-time groups, indicators of compromise, clock times)
 *   blanked. The text stays visible to the user and to the date/time rules; only the tagger does not see it.
 */
import { findDtgs } from '../markup/dtg';
import { findIndicators } from '../markup/indicators';
import { findMarkings } from '../markup/markings';

/** Start of a line that is Markdown/list structure rather than a paragraph's continuation. */
const BLOCK_START = /^\s*(?:[#>|]|[-*+•·]\s|\d{1,3}[.)]\s|```|~~~|---|\*\*\*|___|={3,}|\[\^?\w|!\[)/;
/** A line that ends a block on its own: a table row, a heading, a rule, a label ending in a colon. */
const BLOCK_LINE = /^\s*(?:#|\||---|\*\*\*|___|```|~~~)|\|\s*$/;
const LETTER = /\p{L}/u;

/**
 * Joins the lines of hard-wrapped paragraphs (a line break becomes a space). A paragraph (lines between blank
 * lines) counts as hard-wrapped when it has at least two lines and every line but its last is 40-100 characters
 * long, all within 25 characters of each other (a wrap column; sentences one per line vary far more). A line
 * then joins the next unless either is Markdown structure (heading, table row, list item, quote, fence), all
 * capitals (banners, cable headers), or the next starts no word. An indented line under a list item is its
 * continuation and joins it too.
 */
export function joinWrappedLines(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  const lines: Array<{ start: number; end: number; nl: number }> = [];
  for (let s = 0; ;) {
    const nl = text.indexOf('\n', s);
    const end = nl < 0 ? text.length : nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start: s, end, nl });
    if (nl < 0) break;
    s = nl + 1;
  }
  let out: string[] | null = null;
  const join = (l: { end: number; nl: number }) => {
    if (!out) out = text.split('');
    if (l.end < l.nl) out[l.end] = ' ';
    out[l.nl] = ' ';
  };
  const str = (i: number) => text.slice(lines[i].start, lines[i].end);
  const blankLine = (i: number) => str(i).trim().length === 0;
  const joinable = (a: string, b: string) =>
    !BLOCK_LINE.test(a) && !BLOCK_START.test(b) && a.toUpperCase() !== a && b.toUpperCase() !== b && LETTER.test(b) && !isFurnitureLine(a) && !isFurnitureLine(b);
  for (let i = 0; i < lines.length; ) {
    if (blankLine(i)) { i++; continue; }
    let j = i;
    while (j + 1 < lines.length && !blankLine(j + 1)) j++;
    // paragraph: lines i..j
    let wrapped = j > i;
    let lo = Infinity, hi = 0;
    for (let k = i; k < j && wrapped; k++) {
      const len = str(k).trim().length;
      if (len < 40 || len > 100) wrapped = false;
      lo = Math.min(lo, len); hi = Math.max(hi, len);
    }
    if (wrapped && hi - lo > 25) wrapped = false;
    for (let k = i; k < j; k++) {
      const a = str(k), b = str(k + 1);
      const continuation = /^\s{2,}\S/.test(b) && !BLOCK_START.test(b) && /^\s*(?:[-*+•]|\d{1,3}[.)])\s|^\s{2,}\S/.test(a) && a.trim().length >= 40;
      if ((wrapped || continuation) && joinable(a, b)) join(lines[k]);
    }
    i = j + 1;
  }
  return out ? (out as string[]).join('') : text;
}

// ---------------------------------------------------------------- furniture

/** Whole lines of page furniture (tested on the line without Markdown markers, lower case). */
const FURNITURE_LINE = new RegExp(
  '^(?:' +
    [
      'share(?: this(?: article| story| report| page)?)?:?(?:\\s+.*)?',
      '(?:share|tweet|email|e-mail|print|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram)(?:\\s*[|·•,/]?\\s*(?:share(?: on| via)?\\s+\\w+|tweet|email|e-mail|print|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram))*',
      'skip (?:ad|ads|to (?:main )?content|navigation|to navigation)',
      'advertisement|sponsored(?: content)?|ad feedback|read more|show more|load more|see more|continue reading',
      '(?:getty images|paper image|ap photo|afp(?: photo)?|reuters|shutterstock|epa|bloomberg|file photo|stock image)',
      '(?:photo|photograph|image|picture|video|graphic|illustration|caption)s?(?: credit)?\\s*[:|].*',
      'related(?: stories| articles| coverage)?\\s*:.*',
      '(?:©|\\(c\\)|copyright)\\s.*',
      'download(?: the)? pdf.*|print this page.*|back to top',
    ].join('|') +
    ')$',
  'u',
);
/** Boilerplate phrases: a short line holding one of them is furniture. */
const FURNITURE_PHRASE = /\b(?:invalid e-?mail|(?:un)?subscribe|sign up|newsletter|thank you for (?:subscribing|signing up)|cookies?(?: settings| policy)?|accept all|privacy (?:policy|notice)|terms of (?:use|service)|all rights reserved|follow us|stay connected|download pdf|skip ad)\b/i;
/** A caption or credit line ending in an agency credit: "Firefighters at the scene. (Ana Ribeiro/Reuters)". */
const CREDIT_END = /[(/]\s*(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*\s*\/\s*(?:Reuters|AP|AFP|Getty Images|EPA|Bloomberg|Shutterstock|Anadolu|Xinhua|NurPhoto|Sipa|Alamy|PA)\)?\s*$/u;
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_]{2,30}\b/gu;

const NAV_ITEM = /^\s*[-*+•]\s+\[([^\]]{1,60})\]\s*(?:\([^)]*\))?\s*$/;

function lineContent(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\s*(?:\([^)]*\))?/g, '$1')
    .replace(/^[\s>#*+•·|-]+/, '')
    .replace(/[*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a line (without its line break) is page furniture: boilerplate, credits, ad and share leftovers. */
export function isFurnitureLine(line: string): boolean {
  // a navigation entry: a list item that is one short link ("* [Briefing Room](/briefing-room/)")
  const nav = NAV_ITEM.exec(line);
  if (nav && nav[1].trim().split(/\s+/).length <= 4) return true;
  const c = lineContent(line);
  if (!c || c.length > 160) return false;
  const lower = c.toLowerCase();
  if (FURNITURE_LINE.test(lower)) return true;
  const nWords = c.split(' ').length;
  if (nWords <= 12 && FURNITURE_PHRASE.test(c)) return true;
  if (CREDIT_END.test(c)) return true;
  return false;
}

// ---------------------------------------------------------------- what the tagger reads

/** Portion markings the markup layer leaves to the reader: "(SBU)", "(U//FOUO)", "(S//NF)", "(CUI)". */
const PORTION = /\((?:TS|S|C|U|SBU|CUI|FOUO|LES|NF)(?:\/\/[A-Z][A-Z/ -]{0,30})?\)/g;
const CLOCK = /(?<![\p{L}\p{N}])\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.])\d{1,2}\s*[ap]\.?m\.?(?![\p{L}])|(?<![\p{L}\p{N}])\d{4}\s*(?:Z|GMT|UTC|hours|hrs|local time)\b/gu;

function blank(chars: string[], a: number, b: number): void {
  for (let i = a; i < b; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * The text the name tagger reads (same length as `text`): furniture lines, handles, markings, DTGs, indicators and
 * clock times blanked. Everything it blanks is local to a line, so blocks of a text give the slices of the whole.
 */
export function nerView(text: string): string {
  let chars: string[] | null = null;
  const get = () => (chars ??= text.split(''));
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    if (nl > lineStart && isFurnitureLine(text.slice(lineStart, nl))) blank(get(), lineStart, nl);
    lineStart = nl + 1;
  }
  if (text.indexOf('@') >= 0) {
    HANDLE.lastIndex = 0;
    for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) blank(get(), m.index, m.index + m[0].length);
  }
  if (/[/(]|TLP|CLASSIFIED|SECRET|CONFIDENTIAL/.test(text)) {
    for (const m of findMarkings(text)) blank(get(), m.start, m.end);
    PORTION.lastIndex = 0;
    for (let m = PORTION.exec(text); m; m = PORTION.exec(text)) blank(get(), m.index, m.index + m[0].length);
  }
  if (/\d{6}/.test(text)) for (const m of findDtgs(text)) blank(get(), m.start, m.end);
  if (/[.:[\]]/.test(text)) {
    for (const m of findIndicators(text)) {
      // a bare domain-looking word may be a name written with a dot ("Booking.com"): keep those with a capital
      if (m.subtype === 'domain' && !m.defanged && /^\p{Lu}/u.test(m.text)) continue;
      blank(get(), m.start, m.end);
    }
  }
  if (/\d/.test(text)) {
    CLOCK.lastIndex = 0;
    for (let m = CLOCK.exec(text); m; m = CLOCK.exec(text)) blank(get(), m.index, m.index + m[0].length);
  }
  return chars ? (chars as string[]).join('') : text;
}
