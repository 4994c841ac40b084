/** A word of running text with its offsets (UTF-16 code units, end exclusive). */
export interface Word {
  start: number;
  end: number;
  text: string;
}

// Letters/digits, with inner hyphens, apostrophes and dots ("Ben-Shabbat", "O'Brien", "U.S").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’.](?=[\p{L}\p{N}]))*/gu;

/** Splits text into words, dropping punctuation and spaces. Cheap: one regex pass. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let end = m.index + m[0].length;
    // A possessive is not part of the word: "Netanyahu’s" -> "Netanyahu".
    if (m[0].length > 2 && (m[0].endsWith("'s") || m[0].endsWith('’s'))) end -= 2;
    out.push({ start: m.index, end, text: text.slice(m.index, end) });
  }
  return out;
}

/** True when the word starts with an upper-case letter. */
export function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = w[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Only whitespace (no newline) between two offsets. */
export function onlySpaceBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}
