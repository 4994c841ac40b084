/**
 * Markdown regions that are not prose: front matter, fenced and indented code, inline code, link and image
 * targets, autolinks and HTML tags. `maskMarkdown` blanks them with spaces (newlines kept) so the analysis sees
 * only prose while every offset still points into the original text.
 *
 * The regions are found as intervals (front matter, fenced blocks from the fence lines alone, then each pattern over
 * the text with those blanked) and the text is rebuilt once from the slices between them: no per-character array,
 * so a keystroke in a long report costs a few native regex scans (issue #11).
 */
import { FRONT_MATTER } from './segment';

const INLINE_CODE = /(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?(?<!`)\1(?!`)/g;
const LINK_TARGET = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm;
const AUTOLINK = /<(?:https?|ftp|mailto):[^>\s]*>/gi;
const SCRIPT_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;
/** Lines that open or close a fence (`FENCE_OPEN` of segment.ts, at any line start; `^` also matches after "\r"). */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/gm;
/** Every region needs one of these characters (front matter "---", fences, code, links, tags). */
const MAY_MASK = /[`~<\]\-\[]/;
const NOT_NEWLINE = /[^\n\r]/g;
/** Runs of spaces by length (most regions hold no line break). */
const SPACES: string[] = [];

function blank(s: string): string {
  if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) return s.replace(NOT_NEWLINE, ' ');
  return s.length > 256 ? ' '.repeat(s.length) : (SPACES[s.length] ??= ' '.repeat(s.length));
}

/** The text with the intervals [starts[i], ends[i]) blanked (spaces, line breaks kept); intervals in any order. */
function blankIntervals(text: string, starts: number[], ends: number[]): string {
  const n = starts.length;
  if (n === 0) return text;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => starts[a] - starts[b]);
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < n; ) {
    const a = starts[order[k]];
    let b = ends[order[k]];
    k++;
    while (k < n && starts[order[k]] <= b) b = Math.max(b, ends[order[k++]]);
    if (b <= a) continue;
    const from = Math.max(a, at);
    if (from >= b) continue;
    parts.push(text.slice(at, from), blank(text.slice(from, b)));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Front matter and fenced code blocks: the regions blanked before the inline patterns run. */
function blockRegions(text: string, starts: number[], ends: number[]): number {
  const fm = FRONT_MATTER.exec(text);
  if (fm) { starts.push(0); ends.push(fm[0].length); }
  // a fenced block runs from its opening line to the end of its closing line (or of the text)
  let fence: string | null = null;
  let open = 0;
  FENCE_LINE.lastIndex = 0;
  for (let m = FENCE_LINE.exec(text); m; m = FENCE_LINE.exec(text)) {
    const lineStart = m.index;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) continue; // a line of the text split at "\n" only
    if (!fence) {
      fence = m[1];
      open = lineStart;
      continue;
    }
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (m[1][0] === fence[0] && m[1].length >= fence.length && text.slice(lineStart, lineEnd).trim() === m[1]) {
      starts.push(open);
      ends.push(lineEnd);
      fence = null;
    }
  }
  if (fence) { starts.push(open); ends.push(text.length); }
  return fm ? fm[0].length : -1;
}

export function maskMarkdown(text: string): string {
  return maskMarkdownState(text).masked;
}

/** A masked text with what a later edit of it needs: the blanked intervals (sorted by start) and the front matter's end. */
export interface MaskState {
  text: string;
  masked: string;
  starts: number[];
  ends: number[];
  /** End of the front matter, -1 without. */
  fmEnd: number;
}

/** `maskMarkdown` with the intervals it blanked. */
export function maskMarkdownState(text: string): MaskState {
  const starts: number[] = [];
  const ends: number[] = [];
  if (!MAY_MASK.test(text)) return { text, masked: text, starts, ends, fmEnd: -1 };
  const fmEnd = blockRegions(text, starts, ends);
  const masked0 = blankIntervals(text, starts, ends);
  for (const re of [SCRIPT_STYLE, INLINE_CODE, LINK_TARGET, REFERENCE_DEF, AUTOLINK, HTML_TAG]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked0); m; m = re.exec(masked0)) {
      // Keep the "]" of a link so the link text stays a separate phrase.
      starts.push(re === LINK_TARGET ? m.index + 1 : m.index);
      ends.push(m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  const masked = blankIntervals(text, starts, ends);
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
  return { text, masked, starts: order.map((i) => starts[i]), ends: order.map((i) => ends[i]), fmEnd };
}

/** Characters of the regions that may cross a blank line (tags, comments, scripts, link targets and titles, reference definitions). */
const CROSSING = /[<>[\]]/;

/** Whether a fence line starts a line of `s` (whose first character starts a line). */
function holdsFenceLine(s: string): boolean {
  FENCE_LINE.lastIndex = 0;
  for (let m = FENCE_LINE.exec(s); m; m = FENCE_LINE.exec(s)) if (m.index === 0 || s.charCodeAt(m.index - 1) === 10) return true;
  return false;
}

/**
 * The masking of `text`, an edit of `prev.text` that changed only [ws, we) (`we - delta` in the old text), both
 * bounds at the start of a line after a blank line (spaces and tabs only) or at the text's ends, and the blank lines
 * unchanged: equal to `maskMarkdownState(text)`, or undefined when that cannot be shown cheaply (then mask in full).
 * The window holds no fence line and none of the characters of the regions that may cross a blank line, in the old
 * text or the new; no region of the old masking crosses its bounds; the front matter ends before it. Inside it only
 * inline code can then be masked (it never crosses a blank line), and outside it every region is the old one.
 */
export function maskMarkdownEdit(prev: MaskState, text: string, ws: number, we: number, delta: number): MaskState | undefined {
  const weOld = we - delta;
  const win = text.slice(ws, we);
  const oldWin = prev.text.slice(ws, weOld);
  if (CROSSING.test(win) || CROSSING.test(oldWin) || holdsFenceLine(win) || holdsFenceLine(oldWin)) return undefined;
  if (ws === 0 || (prev.fmEnd < 0 && /^\uFEFF?---/.test(text)) || prev.fmEnd > ws) return undefined;
  const { starts, ends } = prev;
  // first interval ending after ws
  let lo = 0;
  while (lo < starts.length && ends[lo] <= ws) lo++;
  let hi = lo;
  while (hi < starts.length && starts[hi] < weOld) {
    if (starts[hi] < ws || ends[hi] > weOld) return undefined; // crosses a bound
    hi++;
  }
  const ls: number[] = [];
  const le: number[] = [];
  if (win.indexOf('`') >= 0) {
    INLINE_CODE.lastIndex = 0;
    for (let m = INLINE_CODE.exec(win); m; m = INLINE_CODE.exec(win)) {
      ls.push(m.index);
      le.push(m.index + m[0].length);
      if (m[0].length === 0) INLINE_CODE.lastIndex++;
    }
  }
  const masked = prev.masked.slice(0, ws) + blankIntervals(win, ls, le) + prev.masked.slice(weOld);
  const ns = starts.slice(0, lo);
  const ne = ends.slice(0, lo);
  for (let k = 0; k < ls.length; k++) { ns.push(ls[k] + ws); ne.push(le[k] + ws); }
  for (let k = hi; k < starts.length; k++) { ns.push(starts[k] + delta); ne.push(ends[k] + delta); }
  return { text, masked, starts: ns, ends: ne, fmEnd: prev.fmEnd };
}
