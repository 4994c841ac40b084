/**
 * Builds the TextMate injection grammar `syntaxes/analyst-markup.injection.tmLanguage.json` from the
 * same patterns and term lists the core recognizers use, so editor colouring and `findMarkup` agree.
 * The JSON file is generated; `test/unit/grammar.test.ts` fails when it is out of date and rewrites it
 * when run with `UPDATE_GRAMMAR=1`.
 *
 * Differences from the recognizers, inherent to a line-by-line regex engine: a multi-word term split
 * across two lines is not coloured; a 29 FEB DTG is checked for leap years in 20YY only.
 */
import { ICD203_ROWS, plainTerms, remoteAfterCopulaSource, remoteBeforeNounSource, termSource } from './estimative';
import {
  ANY_AT,
  ANY_DOT,
  ATTACK,
  BANNER,
  BANNER_LINE,
  COLON_SLASHES,
  CVE,
  DEF_DOT,
  DOMAIN_AFTER,
  DOMAIN_BEFORE,
  DTG,
  HASH_AFTER,
  HASH_BEFORE,
  IPV4,
  IPV4_AFTER,
  IPV4_BEFORE,
  IPV6,
  IPV6_AFTER,
  IPV6_BEFORE,
  LABEL,
  PORTION,
  URL_PATH_CHAR,
  URL_SCHEME,
  WORD_END,
  WORD_START,
} from './patterns';
import { CODE_RECEIVERS, FILE_EXTENSION_TLD_SET, TLDS } from './tlds';

export const INJECTION_SCOPE_NAME = 'analyst.markup.injection';
export const INJECTION_SELECTOR = 'L:text.html.markdown -comment -meta.embedded, L:text.plain';

/** Scope names, by what they mark. Each ends in `.analyst`. */
export const SCOPES = {
  estimative: (rowId: string) => `keyword.other.estimative.${rowId}.analyst`,
  confidence: (level: string) => `keyword.other.confidence.${level}.analyst`,
  portion: 'constant.other.marking.portion.analyst',
  banner: 'constant.other.marking.banner.analyst',
  tlp: (label: string) => `constant.other.marking.tlp.${label}.analyst`,
  dtg: 'constant.numeric.dtg.analyst',
  indicator: (type: string) => `string.other.indicator.${type}.analyst`,
} as const;

export interface GrammarRule {
  name?: string;
  match?: string;
  captures?: Record<string, { name: string }>;
  include?: string;
  patterns?: GrammarRule[];
  comment?: string;
}

export interface InjectionGrammar {
  comment: string;
  name: string;
  scopeName: string;
  injectionSelector: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

const ci = (s: string): string => `(?i:${s})`;
/** A DNS label, both cases spelled out (the grammar is case-sensitive unless told otherwise). */
const G_LABEL = LABEL.replace(/a-z0-9/g, 'a-zA-Z0-9');
const G_ANY_DOT = ci(ANY_DOT);
const G_DEF_DOT = ci(DEF_DOT);
const G_DOMAIN_AFTER = ci(DOMAIN_AFTER);

/** An internationalised TLD in ASCII form (`xn--p1ai`), lower or upper case. */
const PUNYCODE_TLD = 'xn--[a-z0-9-]{1,59}|XN--[A-Z0-9-]{1,59}';

/**
 * An alternation of literal words as a trie (`c(?:a(?:t)?|om|...)`), so the regex engine tries one
 * branch per character instead of every word at every position. Longer words are preferred, as in
 * a longest-first alternation; callers anchor the end with a look-ahead.
 */
export function trieSource(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = { end: false, next: new Map() }));
      n = child;
    }
    n.end = true;
  }
  const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  const emit = (n: Node): string => {
    const branches = [...n.next.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([ch, child]) => escape(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    // the branch is optional when a word ends here; `?` is greedy, so the longer word is tried first
    return n.end ? (branches.length === 1 && body.length > 1 ? `(?:${body})?` : `${body}?`) : body;
  };
  return emit(root);
}

function tldAlternation(tlds: readonly string[]): string {
  return `(?:${trieSource(tlds)}|${trieSource(tlds.map((t) => t.toUpperCase()))}|${PUNYCODE_TLD})`;
}

/** A dotted name whose last label is a known TLD (lower or upper case), plain dots only. */
function bareName(tlds: readonly string[]): string {
  return `${G_LABEL}(?:\\.${G_LABEL})*\\.${tldAlternation(tlds)}`;
}
/** A dotted name with at least one defanged dot and an alphabetic last label. */
const DEFANGED_NAME = `(?=${G_LABEL}(?:${G_ANY_DOT}${G_LABEL})*?${G_DEF_DOT})${G_LABEL}(?:${G_ANY_DOT}${G_LABEL})*${G_ANY_DOT}(?:[a-zA-Z]{2,24}|${PUNYCODE_TLD})`;

function rule(name: string, match: string, comment?: string): GrammarRule {
  return comment ? { comment, name, match } : { name, match };
}

export function buildInjectionGrammar(): InjectionGrammar {
  const bareTlds = TLDS.filter((t) => !FILE_EXTENSION_TLD_SET.has(t));

  const estimative: GrammarRule[] = ICD203_ROWS.map((row) => {
    const terms = plainTerms()
      .filter((t) => t.row.id === row.id)
      .map((t) => termSource(t.term));
    return terms.length > 0 ? rule(SCOPES.estimative(row.id), ci(`${WORD_START}(?:${terms.join('|')})${WORD_END}`)) : undefined;
  }).filter((r): r is GrammarRule => r !== undefined);
  estimative.push(
    {
      comment: '"remote" is a likelihood only as "a remote chance/possibility" or "... is remote." (not "remote access")',
      match: ci(remoteBeforeNounSource()),
      captures: { '1': { name: SCOPES.estimative('almost-no-chance') } },
    },
    { match: ci(remoteAfterCopulaSource()), captures: { '1': { name: SCOPES.estimative('almost-no-chance') } } },
  );

  const confidence: GrammarRule[] = [
    rule(SCOPES.confidence('high'), ci(`${WORD_START}high(?:\\s+|-)confidence${WORD_END}`)),
    rule(SCOPES.confidence('moderate'), ci(`${WORD_START}(?:moderate|medium)(?:\\s+|-)confidence${WORD_END}`)),
    rule(SCOPES.confidence('low'), ci(`${WORD_START}low(?:\\s+|-)confidence${WORD_END}`)),
  ];

  const tlp = (label: string, re: string): GrammarRule =>
    rule(SCOPES.tlp(label), ci(`(?<![\\w])TLP: ?${re}(?![\\w+])`));
  const markings: GrammarRule[] = [
    rule(SCOPES.portion, PORTION, 'portion markings: (U) (C) (S) (TS) (TS//SI//NF) (S//REL TO USA, GBR)'),
    rule(SCOPES.banner, BANNER, 'banners with control markings: TOP SECRET//SI//NOFORN'),
    { comment: 'a bare level alone on its line', match: BANNER_LINE, captures: { '1': { name: SCOPES.banner } } },
    tlp('red', 'RED'),
    tlp('amber-strict', 'AMBER\\+STRICT'),
    tlp('amber', 'AMBER'),
    tlp('green', 'GREEN'),
    tlp('clear', 'CLEAR'),
    tlp('white', 'WHITE'),
  ];

  // days that no month has: 30/31 FEB, 31 of the 30-day months, 29 FEB of a year (20)YY not divisible by 4
  const dtg = DTG.replace(
    '(?<![\\w])',
    '(?<![\\w])(?!3[01][0-9]{4}[A-Z][ \\t]?FEB)(?!31[0-9]{4}[A-Z][ \\t]?(?:APR|JUN|SEP|NOV))' +
      '(?!29[0-9]{4}[A-Z][ \\t]?FEB[ \\t]?(?:20)?(?:[02468][1235679]|[13579][01345789])(?![0-9]))',
  );

  const ind = SCOPES.indicator;
  const receivers = CODE_RECEIVERS.join('|');
  /** A bare domain: a known TLD that is not a file extension, not `this.post`-style quoted code. */
  const bareDomain = `(?!(?:${receivers})\\.${G_LABEL}(?![a-zA-Z0-9-])(?!\\.[a-zA-Z0-9]))${bareName(bareTlds)}`;
  const urlPath = `(?:${G_DEF_DOT}|${URL_PATH_CHAR}|\\(${URL_PATH_CHAR}*\\))*(?<![.,;:!?*_~'"])`;
  const indicators: GrammarRule[] = [
    rule(
      ind('url'),
      `${ci(`(?<![\\w])${URL_SCHEME}${COLON_SLASHES}(?:${LABEL}(?:${ANY_DOT}${LABEL})*|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?`)}` +
        `(?:[/?#]${urlPath})?`,
    ),
    rule(
      ind('url'),
      `${DOMAIN_BEFORE}(?:${DEFANGED_NAME}|${bareDomain})(?::[0-9]{1,5})?/${urlPath}`,
      'a URL without a scheme: a domain followed by a path (evil[.]com/gate.php)',
    ),
    rule(
      ind('email'),
      `(?<![\\w.%+-])[a-zA-Z0-9_%+-]+(?:\\.[a-zA-Z0-9_%+-]+)*${ci(ANY_AT)}` +
        `(?:${DEFANGED_NAME}|${bareName(TLDS)})(?![\\w-])(?!${G_ANY_DOT}[a-zA-Z0-9])`,
    ),
    rule(ind('ipv6'), ci(IPV6_BEFORE + IPV6 + IPV6_AFTER)),
    rule(ind('ipv4'), ci(IPV4_BEFORE + IPV4 + IPV4_AFTER)),
    rule(
      ind('domain'),
      `${DOMAIN_BEFORE}(?:${DEFANGED_NAME}|${bareDomain})${G_DOMAIN_AFTER}`,
    ),
    rule(ind('sha256'), `${HASH_BEFORE}(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{64}${HASH_AFTER}`),
    rule(ind('sha1'), `${HASH_BEFORE}(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{40}${HASH_AFTER}`),
    rule(ind('md5'), `${HASH_BEFORE}(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{32}${HASH_AFTER}`),
    rule(ind('cve'), ci(CVE)),
    rule(ind('attack-technique'), ATTACK),
  ];

  return {
    comment:
      'GENERATED from src/core/markup/grammar.ts — do not edit by hand; regenerate with ' +
      '`UPDATE_GRAMMAR=1 npx mocha test/unit/grammar.test.ts`.',
    name: 'Analyst markup',
    scopeName: INJECTION_SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    patterns: [
      { include: '#markings' },
      { include: '#dtg' },
      { include: '#indicators' },
      { include: '#estimative' },
      { include: '#confidence' },
    ],
    repository: {
      markings: { patterns: markings },
      dtg: { patterns: [rule(SCOPES.dtg, dtg)] },
      indicators: { patterns: indicators },
      estimative: { patterns: estimative },
      confidence: { patterns: confidence },
    },
  };
}
