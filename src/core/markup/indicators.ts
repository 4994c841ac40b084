/**
 * Indicators of compromise: URLs (with a scheme, or a domain followed by a path), e-mail addresses, domains, IPv4/IPv6 addresses, MD5/SHA-1/SHA-256
 * hashes, CVE ids and MITRE ATT&CK technique ids, plain or defanged (`hxxps://evil[.]com`,
 * `1.2.3[.]4`, `user[@]example[.]com`). Each span carries the refanged `value` and `defanged`.
 */
import {
  ANY_AT,
  ANY_DOT,
  ATTACK,
  COLON_SLASHES,
  CVE,
  DEF_DOT,
  DOMAIN_AFTER,
  DOMAIN_BEFORE,
  HASH_AFTER,
  HASH_BEFORE,
  IPV4,
  IPV4_AFTER,
  IPV4_BEFORE,
  IPV6,
  IPV6_AFTER,
  IPV6_BEFORE,
  LABEL,
  URL_PATH_CHAR,
  URL_SCHEME,
} from './patterns';
import { CODE_RECEIVERS, FILE_EXTENSION_TLD_SET, TLD_SET } from './tlds';
import type { IndicatorType, MarkupSpan } from './types';

// ---------------------------------------------------------------------------------------------
// refang / defang

const DEFANGED_DOT_RE = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi;
const DEFANGED_AT_RE = /\[@\]|\(@\)|\[at\]|\(at\)/gi;

/** `hxxp` -> `http`, `fxp` -> `ftp`, keeping the case of each letter (`hXXps` -> `hTTps`). */
function refangScheme(s: string): string {
  return s
    .replace(/\b(h)(xx)(ps?)(?=\[?:)/gi, (_m, h: string, xx: string, p: string) => h + xx.replace(/x/g, 't').replace(/X/g, 'T') + p)
    .replace(/\b(f)(x)(ps?)(?=\[?:)/gi, (_m, f: string, x: string, p: string) => f + (x === 'x' ? 't' : 'T') + p);
}

/**
 * Undo common defanging: `hxxp(s)` -> `http(s)`, `fxp` -> `ftp`, `[:]` / `[://]` / `:[//]` -> `:` / `://`,
 * `[.]` `(.)` `{.}` `[dot]` `(dot)` -> `.`, `[@]` `(@)` `[at]` `(at)` -> `@`, `[/]` -> `/`.
 * Text that is not defanged is returned unchanged.
 */
export function refang(s: string): string {
  return refangScheme(s)
    .replace(/\[:\/\/\]|:\[\/\/\]/g, '://')
    .replace(/\[:\]/g, ':')
    .replace(/\[\/\]/g, '/')
    .replace(DEFANGED_DOT_RE, '.')
    .replace(DEFANGED_AT_RE, '@');
}

/**
 * Defang an indicator so it is no longer clickable or resolvable: `http(s)` -> `hxxp(s)`, `ftp` -> `fxp`,
 * every `.` -> `[.]`, `@` -> `[@]`. Idempotent (already defanged input is refanged first), and
 * `refang(defang(s)) === s` for any `s` that was not defanged to begin with.
 */
export function defang(s: string): string {
  return refang(s)
    .replace(/\b(h)(tt)(ps?)(?=:)/gi, (_m, h: string, tt: string, p: string) => h + tt.replace(/t/g, 'x').replace(/T/g, 'X') + p)
    .replace(/\b(f)(t)(ps?)(?=:)/gi, (_m, f: string, t: string, p: string) => f + (t === 't' ? 'x' : 'X') + p)
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]');
}

// ---------------------------------------------------------------------------------------------
// recognizers

const URL_RE = new RegExp(
  String.raw`(?<![\w])${URL_SCHEME}${COLON_SLASHES}` +
    // host: a domain or IPv4 (labels with plain or defanged dots), or a bracketed IPv6 literal
    String.raw`(?:${LABEL}(?:${ANY_DOT}${LABEL})*|\[[0-9a-f:.]+\])` +
    String.raw`(?::[0-9]{1,5})?` +
    String.raw`(?:[/?#](?:${URL_PATH_CHAR}|\(${URL_PATH_CHAR}*\))*)?`,
  'gi',
);
/** A URL without a scheme, as analysts write defanged ones: `evil[.]com/gate.php`. Group 1 is the host. */
const BARE_URL_RE = new RegExp(
  String.raw`${DOMAIN_BEFORE}(${LABEL}(?:${ANY_DOT}${LABEL})+)(?::[0-9]{1,5})?\/(?:${URL_PATH_CHAR}|\(${URL_PATH_CHAR}*\))*`,
  'gi',
);
const EMAIL_RE = new RegExp(
  String.raw`(?<![\w.%+-])[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*${ANY_AT}(${LABEL}(?:${ANY_DOT}${LABEL})+)(?![\w-])(?!${ANY_DOT}[a-z0-9])`,
  'gi',
);
const DOMAIN_RE = new RegExp(String.raw`${DOMAIN_BEFORE}${LABEL}(?:${ANY_DOT}${LABEL})+${DOMAIN_AFTER}`, 'gi');
const IPV4_RE = new RegExp(IPV4_BEFORE + IPV4 + IPV4_AFTER, 'gi');
const IPV6_RE = new RegExp(IPV6_BEFORE + IPV6 + IPV6_AFTER, 'gi');
const HASH_RE = new RegExp(`${HASH_BEFORE}(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})${HASH_AFTER}`, 'gi');
const CVE_RE = new RegExp(CVE, 'gi');
const ATTACK_RE = new RegExp(ATTACK, 'g');

const HAS_DEF_DOT_RE = new RegExp(DEF_DOT, 'i');

const CODE_RECEIVER_SET: ReadonlySet<string> = new Set(CODE_RECEIVERS);

/** Whether the last label of a dotted name makes it a domain (see tlds.ts for the rules). */
function acceptsTld(name: string, context: 'bare' | 'url' | 'email'): boolean {
  const labels = refang(name).split('.');
  const tld = labels[labels.length - 1] ?? '';
  // internationalised TLDs in their ASCII form (xn--p1ai for .рф) are never file extensions
  if (/^xn--[a-z0-9-]{1,59}$/.test(tld) || /^XN--[A-Z0-9-]{1,59}$/.test(tld)) return true;
  if (!/^[a-z]{2,24}$/i.test(tld)) return false;
  if (HAS_DEF_DOT_RE.test(name)) return true; // defanged on purpose: any alphabetic TLD
  // `attack.It` (a missing space after a full stop) is not a domain; `example.com` and `EXAMPLE.COM` are.
  if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) return false;
  const lower = tld.toLowerCase();
  if (!TLD_SET.has(lower)) return false;
  if (context === 'bare' && FILE_EXTENSION_TLD_SET.has(lower)) return false;
  if (context === 'bare' && labels.length === 2 && CODE_RECEIVER_SET.has(labels[0] ?? '')) return false;
  return true;
}

function span(input: string, start: number, end: number, subtype: IndicatorType, value: string): MarkupSpan {
  const text = input.slice(start, end);
  return { start, end, text, kind: 'indicator', subtype, value, defanged: refang(text) !== text };
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** Trim trailing sentence punctuation and unbalanced closing brackets off a URL. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const before = u;
    u = u.replace(/[.,;:!?*_~'"]+$/, '');
    if (u.endsWith(')') && count(u, '(') < count(u, ')')) u = u.slice(0, -1);
    if (u === before) return u;
  }
}
function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function hostOf(url: string): string {
  const m = /^[a-z]+(?::\/\/|\[:\]\/\/|\[:\/\/\]|:\[\/\/\])([^/?#:]*(?:\[[^\]]*\][^/?#:]*)*)/i.exec(url);
  return m?.[1] ?? '';
}

/** All indicator candidates in `text`, possibly overlapping (a URL contains a domain); see findIndicators. */
function indicatorCandidates(text: string): MarkupSpan[] {
  const out: MarkupSpan[] = [];
  for (const m of matches(URL_RE, text)) {
    const t = trimUrl(m[0]);
    // the scheme and `://` are signal enough: any host (intranet names, odd TLDs) is accepted
    if (hostOf(t) === '') continue;
    const value = refang(t).replace(/^[a-z]+/i, (scheme) => scheme.toLowerCase());
    out.push(span(text, m.index, m.index + t.length, 'url', value));
  }
  for (const m of matches(BARE_URL_RE, text)) {
    // the host must be a domain by the bare-name rules (known TLD, not a file name, or defanged)
    if (!acceptsTld(m[1] ?? '', 'bare')) continue;
    const t = trimUrl(m[0]);
    out.push(span(text, m.index, m.index + t.length, 'url', refang(t)));
  }
  for (const m of matches(EMAIL_RE, text)) {
    if (!acceptsTld(m[1] ?? '', 'email')) continue;
    out.push(span(text, m.index, m.index + m[0].length, 'email', refang(m[0])));
  }
  for (const m of matches(IPV4_RE, text)) {
    out.push(span(text, m.index, m.index + m[0].length, 'ipv4', refang(m[0])));
  }
  for (const m of matches(IPV6_RE, text)) {
    out.push(span(text, m.index, m.index + m[0].length, 'ipv6', refang(m[0]).toLowerCase()));
  }
  for (const m of matches(DOMAIN_RE, text)) {
    if (!acceptsTld(m[0], 'bare')) continue;
    out.push(span(text, m.index, m.index + m[0].length, 'domain', refang(m[0]).toLowerCase()));
  }
  for (const m of matches(HASH_RE, text)) {
    const h = m[0];
    // a run of only digits or only letters is a number or a word, not a digest
    if (!/[0-9]/.test(h) || !/[a-f]/i.test(h)) continue;
    const subtype: IndicatorType = h.length === 64 ? 'sha256' : h.length === 40 ? 'sha1' : 'md5';
    out.push(span(text, m.index, m.index + h.length, subtype, h.toLowerCase()));
  }
  for (const m of matches(CVE_RE, text)) {
    out.push(span(text, m.index, m.index + m[0].length, 'cve', m[0].toUpperCase()));
  }
  for (const m of matches(ATTACK_RE, text)) {
    out.push(span(text, m.index, m.index + m[0].length, 'attack-technique', m[0]));
  }
  return out;
}

/**
 * Keep the earliest, then longest, of overlapping spans. Input need not be sorted; output is sorted
 * by start.
 */
export function resolveOverlaps(spans: MarkupSpan[]): MarkupSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MarkupSpan[] = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.start >= lastEnd) {
      out.push(s);
      lastEnd = s.end;
    }
  }
  return out;
}

/** Indicators of compromise in `text`, sorted by start, never overlapping (a URL wins over its host). */
export function findIndicators(text: string): MarkupSpan[] {
  return resolveOverlaps(indicatorCandidates(text));
}
