/**
 * Markdown regions that are not prose: front matter, fenced and indented code, inline code, link and image
 * targets, autolinks and HTML tags. `maskMarkdown` blanks them with spaces (newlines kept) so the analysis sees
 * only prose while every offset still points into the original text.
 */
import { FENCE_OPEN, FRONT_MATTER } from './segment';

const INLINE_CODE = /(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?(?<!`)\1(?!`)/g;
const LINK_TARGET = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm;
const AUTOLINK = /<(?:https?|ftp|mailto):[^>\s]*>/gi;
const SCRIPT_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

export function maskMarkdown(text: string): string {
  if (!/[`~<\]\-\[]|^ {4}/m.test(text)) return text;
  const chars = text.split('');
  const fm = FRONT_MATTER.exec(text);
  if (fm) blank(chars, 0, fm[0].length);
  // Fenced code blocks, line by line.
  let offset = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const m = FENCE_OPEN.exec(line);
    if (fence) {
      blank(chars, offset, end);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (m) {
      fence = m[1];
      blank(chars, offset, end);
    }
    offset = end + 1;
  }
  const masked0 = chars.join('');
  for (const re of [SCRIPT_STYLE, INLINE_CODE, LINK_TARGET, REFERENCE_DEF, AUTOLINK, HTML_TAG]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked0); m; m = re.exec(masked0)) {
      // Keep the "]" of a link so the link text stays a separate phrase.
      const start = re === LINK_TARGET ? m.index + 1 : m.index;
      blank(chars, start, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return chars.join('');
}
