/** Name normalisation shared by clustering, the registry and the ignore list. */

const STOP = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'on', 'in', '&']);

/**
 * The comparison key of a name: case, spacing, apostrophe style, a leading "the" and a final possessive do not
 * matter ("The Kremlin’s" = "the kremlin"; "Netanyahu’s" = "netanyahu").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:'s|s')$/i, (m) => (m.toLowerCase() === "s'" ? 's' : ''))
    .replace(/^the\s+/i, '')
    .toLowerCase();
}

/** Words of a name key ("meir ben-shabbat" -> ["meir", "ben-shabbat"]); single-letter initials dropped. */
export function nameTokens(key: string): string[] {
  return key.split(/[\s.]+/).filter((t) => t.length > 1 || /\d/.test(t));
}

/** Initials of the capitalised words of a name: "Israel Defense Forces" -> "IDF". Empty for one word. */
export function acronymOf(name: string): string {
  const ws = name.split(/[\s-]+/).filter((w) => w && !STOP.has(w.toLowerCase()));
  if (ws.length < 2) return '';
  return ws.map((w) => w[0]).join('').toUpperCase();
}

/** True for an all-capitals abbreviation of 2–6 letters ("IDF", "NATO", "U.N."). */
export function isAcronym(name: string): boolean {
  const letters = name.replace(/\./g, '');
  return /^[\p{Lu}\d]{2,6}$/u.test(letters) && /\p{Lu}/u.test(letters);
}

/**
 * How many characters to skip at the start of an entity so the name starts at its first capitalised word:
 * "city of Sochi" -> 8 ("Sochi"). A name that is all lower case (or a single word) is left alone.
 */
export function leadingLowercase(text: string): number {
  const m = /^(?:[\p{Ll}][\p{Ll}'’]*\s+)+(?=[\p{Lu}\p{N}])/u.exec(text);
  return m ? m[0].length : 0;
}

// Words a tagger sometimes takes for a name at the start of a sentence; never actors.
const NOT_NAMES = new Set(['we', 'they', 'it', 'he', 'she', 'i', 'you', 'our', 'their', 'its', 'his', 'her', 'this', 'that', 'these', 'those', 'there', 'here', 'contact', 'note']);

/**
 * A name worth an actor: holds an upper-case letter or a digit ("office" alone is not a name), is not a pronoun
 * ("We" at the start of a sentence) and is not a classification marking ("S//NF").
 */
export function looksLikeName(text: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(text) && !NOT_NAMES.has(text.toLowerCase()) && !text.includes('//');
}

/** A stable id part: "Benjamin Netanyahu" -> "benjamin-netanyahu". */
export function slug(name: string): string {
  const s = nameKey(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'actor';
}
