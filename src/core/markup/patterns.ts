/**
 * Regular-expression fragments shared by the core recognizers (JavaScript RegExp) and the TextMate
 * injection grammar (Oniguruma, see grammar.ts). Every fragment here is written in the common subset
 * of the two engines: no `u` flag features, no named groups, and look-behinds made only of
 * fixed-length alternatives (Oniguruma rejects variable-length look-behind).
 *
 * Case-insensitive fragments are marked; the grammar wraps them in `(?i:...)` and the recognizers
 * compile them with the `i` flag.
 */

/**
 * Word boundaries for prose terms that let markdown emphasis touch the word: `_very likely_` is
 * matched (`\b` would refuse it, `_` being a word character), `unlikely` still has no `likely`.
 */
export const WORD_START = '(?<![A-Za-z0-9])';
export const WORD_END = '(?![A-Za-z0-9])';

/** A defanged dot: `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`. Case-insensitive. */
export const DEF_DOT = String.raw`(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))`;
/** A dot, plain or defanged. Case-insensitive. */
export const ANY_DOT = String.raw`(?:\.|${DEF_DOT})`;
/** An at sign, plain or defanged: `@`, `[@]`, `(@)`, `[at]`, `(at)`. Case-insensitive. */
export const ANY_AT = String.raw`(?:@|\[@\]|\(@\)|\[at\]|\(at\))`;
/** `://` plain or defanged: `[:]//`, `[://]`, `:[//]`. */
export const COLON_SLASHES = String.raw`(?::\/\/|\[:\]\/\/|\[:\/\/\]|:\[\/\/\])`;
/** URL schemes, plain and defanged (`hxxp`, `hXXps`, `fxp`). Case-insensitive. */
export const URL_SCHEME = String.raw`(?:h(?:tt|xx)ps?|f[tx]ps?|sftp|wss?)`;
/** One DNS label. Case-insensitive. */
export const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;

/** An IPv4 octet, 0-255, no leading zeros. */
export const OCTET = String.raw`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`;
/** Not preceded by a word character, a dot, or a version keyword. */
export const IPV4_BEFORE = String.raw`(?<![\w.])(?<!\[\.\])(?<![Vv]ersion )(?<![Vv]er\. )(?<![Bb]uild )`;
/** Not followed by a word character, a hyphen, or another dotted component. */
export const IPV4_AFTER = String.raw`(?![\w-])(?!${ANY_DOT}[0-9])`;
/** A dotted-quad IPv4 address, plain or defanged (`1.2.3[.]4`). Case-insensitive (for `[dot]`). */
export const IPV4 = String.raw`${OCTET}(?:${ANY_DOT}${OCTET}){3}`;

const H = '[0-9a-f]{1,4}';
/** An IPv6 separator colon, plain or defanged `[:]`. */
const C = String.raw`(?::|\[:\])`;
/**
 * An IPv6 address: the full eight-group form or a `::`-compressed form (so `16:30` and MAC
 * addresses are never matched). Case-insensitive. Embedded-IPv4 forms are not covered.
 */
export const IPV6 =
  '(?:' +
  [
    `(?:${H}${C}){7}${H}`,
    `(?:${H}${C}){1,7}${C}(?![0-9a-f])`,
    `(?:${H}${C}){1,6}${C}${H}`,
    `(?:${H}${C}){1,5}(?:${C}${H}){1,2}`,
    `(?:${H}${C}){1,4}(?:${C}${H}){1,3}`,
    `(?:${H}${C}){1,3}(?:${C}${H}){1,4}`,
    `(?:${H}${C}){1,2}(?:${C}${H}){1,5}`,
    `${H}${C}(?:${C}${H}){1,6}`,
    `${C}(?:${C}${H}){1,7}`,
  ].join('|') +
  ')';
export const IPV6_BEFORE = String.raw`(?<![\w:.\[\]])`;
/** Not followed by more address characters; a sentence's full stop may follow. */
export const IPV6_AFTER = String.raw`(?![\w:\[\]]|\.[0-9])`;

/** Not preceded by a word character, dot, hyphen, at sign, slash (a file path) or defanged dot/at. */
export const DOMAIN_BEFORE = String.raw`(?<![\w.@/\\-])(?<!\[\.\]|\(\.\)|\{\.\}|\[@\])`;
/** Not followed by a word character, hyphen, another label, an at sign, or `(` (a method call: `console.info(`). */
export const DOMAIN_AFTER = String.raw`(?![\w-])(?!${ANY_DOT}[a-z0-9])(?!${ANY_AT})(?!\()`;

/** URL path, query or fragment characters (without parentheses and brackets, except defanged dots). */
export const URL_PATH_CHAR = String.raw`(?:${DEF_DOT}|[^\s<>"'\x60()\[\]{}|\\^])`;
/** Characters a URL does not end with (trailing sentence punctuation). */
export const URL_TRAILING_PUNCT = String.raw`[.,;:!?*_~]`;

export const HASH_BEFORE = String.raw`(?<![0-9a-zA-Z_])`;
export const HASH_AFTER = String.raw`(?![0-9a-zA-Z_])`;

/** `CVE-2021-44228`. Case-insensitive. */
export const CVE = String.raw`(?<![\w-])cve-[12][0-9]{3}-[0-9]{4,7}(?![\w-])`;
/** MITRE ATT&CK technique (Enterprise/Mobile T1xxx, ICS T0xxx) with optional sub-technique. */
export const ATTACK = String.raw`(?<![\w.-])T[01][0-9]{3}(?:\.[0-9]{3})?(?![\w-])(?!\.[0-9])`;

/** Classification levels as they appear in portion markings. */
export const PORTION_LEVEL = '(?:TS|S|C|U|CUI)';
/** One or more control markings after `//`: `SI`, `SI-G/TK`, `REL TO USA, GBR`, `FOR OFFICIAL USE ONLY`. */
export const CONTROL = String.raw`[A-Z0-9][A-Z0-9-]*(?:(?:, ?| |\/(?!\/))[A-Z0-9][A-Z0-9-]*)*`;
/**
 * A portion marking opens a portion: it starts a line, follows a list bullet, heading hashes, a quote
 * or table bar, or a sentence's end. After a word (or a comma) it is an acronym's definition or a
 * copyright sign instead: "TypeScript (TS)", "Copyright (C) 2024", "Alice, (S)".
 */
export const PORTION = String.raw`(?<![\w(])(?<![\w,] )(?<![\w,]\t)\(${PORTION_LEVEL}(?:\/\/${CONTROL})*\)`;
/** Classification levels as they appear in banner lines. */
export const BANNER_LEVEL = '(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI)';
/** A banner with control markings, anywhere in a line: `TOP SECRET//SI//NOFORN`. */
export const BANNER = String.raw`(?<![\w\/])${BANNER_LEVEL}(?:\/\/${CONTROL})+(?![\w\/])`;
/** A bare level alone on its line (optionally bold): `UNCLASSIFIED`, `**SECRET**`. Needs multiline `^`/`$`. */
export const BANNER_LINE = String.raw`^[ \t]*(?:\*\*|__)?(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?:\*\*|__)?[ \t]*$`;
/** Traffic Light Protocol 1.0/2.0 labels. Case-insensitive. */
export const TLP = String.raw`(?<![\w])TLP: ?(?:RED|AMBER\+STRICT|AMBER|GREEN|CLEAR|WHITE)(?![\w+])`;

/** Military date-time group: DDHHMM, zone letter (not J), month, year. Groups: day, hour, minute, zone, month, year. */
export const DTG = String.raw`(?<![\w])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])([0-5][0-9])([A-IK-Z])[ \t]?(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ \t]?([0-9]{4}|[0-9]{2})(?![\w])`;
