/**
 * Threat-intelligence entities: threat actors (intrusion sets, named groups), malware, tools and ATT&CK techniques.
 *  - `looksTechnical(text)`: a cheap test (keyword and pattern counts) for "this is a threat report"; the CTI tagger
 *    runs only then, so news text costs one regex scan.
 *  - `findCti(text)`: technique IDs (T1059.001) and names from the ATT&CK table; the CTI tagger's spans
 *    (tagger.ts); ATT&CK group and software names and aliases. Each span has a confidence.
 *  - `mergeCti(text, entities)`: CTI spans replace the news tagger's person/place/organisation/group spans they
 *    overlap when confident; dates, times, titles and quantities stay.
 */
import type { Entity, EntityType } from '../types';
import { tokenize } from '../ner/tokenize';
import { attackTables, ctiKey, groupByName, softwareByName, techniqueById, type AttackGroup, type AttackSoftware, type AttackTechnique } from './attack';
import { ctiSpansOfTokens } from './tagger';
import { findSoftware } from './software';
import { nerModel } from '../ner';
import { GAZ_KINDS, gazKey } from '../ner/features';

export { attackTables, groupByName, softwareByName, techniqueById, ATTACK_NOTICE, ATTACK_VERSION } from './attack';
export type { AttackGroup, AttackSoftware, AttackTechnique } from './attack';

import type { CtiType } from './types';
export { CTI_TYPES, type CtiType } from './types';

export interface CtiEntity {
  start: number;
  end: number;
  type: CtiType;
  /** 'attack-id' (T1059.001), 'attack-name' (ATT&CK table), 'software' (software.ts list), 'cti-model' (the tagger). */
  source: 'attack-id' | 'attack-name' | 'software' | 'cti-model';
  /** 0–1. ATT&CK IDs and exact ATT&CK names 1; the tagger's spans by their score margin. */
  confidence: number;
}

const TECH_ID = /\bT\d{4}(?:\.\d{3})?\b/g;
/** Words and patterns of threat reports (counted once per occurrence, case-insensitive). */
const CUES = /* @__PURE__ */ new RegExp(
  String.raw`\b(?:malware|backdoors?|ransomware|trojans?|implants?|payloads?|droppers?|loaders?|exploit(?:s|ed|ation)?|` +
  String.raw`threat actors?|threat groups?|APT ?\d+|C2|C&C|command[- ]and[- ]control|spear-?phishing|phishing|` +
  String.raw`TTPs?|IOCs?|indicators? of compromise|intrusion sets?|webshells?|keyloggers?|RATs?|botnets?|exfiltrat\w*|` +
  String.raw`lateral movement|persistence|privilege escalation|CVE-\d{4}-\d+|T\d{4}(?:\.\d{3})?|ATT&CK|MITRE|` +
  String.raw`sha-?256|md5|hash(?:es)?|obfuscat\w*|shellcode|PowerShell|Mimikatz|Cobalt Strike|cyber(?:-?attacks?|espionage)?)\b`,
  'gi',
);

/**
 * True when the text reads like a threat report: at least 3 cue occurrences (one kind repeated is enough: "C2" five
 * times) and one cue per 400 words or more (a news story mentioning "malware" once stays news); in a text of several Markdown sections, at least
 * half of it in sections with a cue per 400 words (a digest with one cyber item stays news).
 */
export function looksTechnical(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const { cues, heads } = cueMarks(sample);
  return technicalFromMarks(sample.length, cues, heads);
}

/** Where `looksTechnical` counts a cue, and where a Markdown heading starts a section (sorted offsets). */
export interface CueMarks {
  cues: number[];
  heads: number[];
}

const HEADING = /^#{1,6}[ \t]/gm;

/** The marks of `text`; the headings only when they may matter (3 cues or more) unless `allHeads`. */
export function cueMarks(text: string, allHeads = false): CueMarks {
  const cues: number[] = [];
  const heads: number[] = [];
  for (const m of text.matchAll(CUES)) cues.push(m.index);
  if ((allHeads || cues.length >= 3) && text.indexOf('#') >= 0) for (const m of text.matchAll(HEADING)) heads.push(m.index);
  return { cues, heads };
}

/**
 * `looksTechnical` of a text of `length` characters from its marks (a cue never holds a line break, so the cues of a
 * section are the marks between its bounds): what the incremental analysis computes from its paragraphs' marks.
 */
export function technicalFromMarks(length: number, cues: readonly number[], heads: readonly number[]): boolean {
  const n = cues.length;
  if (n < 3) return false;
  if (n * 400 < length / 6) return false;
  // A digest or briefing of several items (Markdown headings) with one cyber item is not a threat report: at least
  // half of the text must be in sections that are themselves dense in cues.
  if (heads.length < 3) return true;
  const bounds = [0, ...heads.filter((i) => i > 0), length];
  let dense = 0;
  let k = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    let c = 0;
    for (; k < n && cues[k] < b; k++) if (cues[k] >= a) c++;
    if (c && c * 400 >= (b - a) / 6) dense += b - a;
  }
  return dense * 2 >= length;
}

/** Lower-case ATT&CK software names that are also plain words: never matched by name. */
const COMMON = /* @__PURE__ */ new Set(['at', 'net', 'ping', 'route', 'expand', 'page', 'tor', 'cmd', 'ftp', 'empire', 'page', 'cachedump', 'ps', 'xcopy',
  'reg', 'tasklist', 'systeminfo', 'whoami', 'arp', 'nbtstat', 'netstat', 'hostname', 'ipconfig', 'dsquery', 'esentutl', 'forfiles', 'schtasks']);

function nameLike(s: string): boolean {
  // a name with a capital or a digit, at least 3 characters ("APT28", "Sofacy", "njRAT"); not a plain lower-case word
  return s.length >= 3 && /[A-Z0-9]/.test(s) && !COMMON.has(s.toLowerCase());
}

/** Technique IDs and names, ATT&CK group/software names in `text` (no tagger). */
export function findAttackMentions(text: string): CtiEntity[] {
  const out: CtiEntity[] = [];
  for (const m of text.matchAll(TECH_ID)) {
    const known = techniqueById(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, type: 'technique', source: 'attack-id', confidence: known ? 1 : 0.6 });
  }
  const t = attackTables();
  const { tokens } = tokenize(text);
  // windows of 1..4 tokens looked up in the name tables
  for (let i = 0; i < tokens.length; i++) {
    let best: CtiEntity | null = null;
    if (!/^[\p{L}\p{N}]/u.test(tokens[i].text)) continue;
    for (let j = i; j < tokens.length && j < i + 5; j++) {
      if (j > i && text.slice(tokens[j - 1].end, tokens[j].start).includes('\n')) break;
      if (!/[\p{L}\p{N}]$/u.test(tokens[j].text)) continue;
      const start = tokens[i].start, end = tokens[j].end;
      const s = text.slice(start, end);
      const lower = s.toLowerCase();
      const tech = t.techniqueNames.get(lower);
      if (tech && (j > i || s === tech.name)) { best = { start, end, type: 'technique', source: 'attack-name', confidence: 0.9 }; continue; }
      if (!nameLike(s)) continue;
      const g = groupByName(s);
      if (g && [g.name, ...g.aliases].some((a) => ctiKey(a) === ctiKey(s))) {
        best = { start, end, type: 'threatActor', source: 'attack-name', confidence: s === g.name || g.aliases.includes(s) ? 1 : 0.8 };
        continue;
      }
      const sw = softwareByName(s);
      if (sw) best = { start, end, type: sw.kind, source: 'attack-name', confidence: s === sw.name || sw.aliases.includes(s) ? 0.9 : 0.7 };
    }
    if (best) {
      out.push(best);
      while (i + 1 < tokens.length && tokens[i + 1].start < best.end) i++;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Generic words APTNER labels as tools or malware ("email", "C2", "DLL", "RAT", "backdoor"): not names, so never
 * highlighted or exported as one.
 */
const GENERIC = /^(?:e-?mails?|c2s?|c&c|command[- ]and[- ]control|command & control|dlls?|rats?|ip(?: address(?:es)?)?|macros?|servers?|backdoors?|trojans?|malware|webshells?|web shells?|payloads?|vpns?|pdfs?|docs?|html|urls?|iocs?|iot|api|apis|exploits?|scripts?|loaders?|droppers?|implants?|botnets?|ransomware|spyware|keyloggers?|shellcode|powershell scripts?)$/i;

/** Known technique IDs and ATT&CK group names of the APT28 / FIN7 / TA505 / UNC2452 kind: one regex scan, for any text. */
const CHEAP = /\b(?:T\d{4}(?:\.\d{3})?|(?:APT|FIN|TA|UNC|TEMP\.)\d+[A-Za-z]?)\b/g;
export function findCheap(text: string): CtiEntity[] {
  const out: CtiEntity[] = [];
  for (const m of text.matchAll(CHEAP)) {
    const s = m[0];
    const start = m.index, end = start + s.length;
    if (s[0] === 'T' && /^T\d/.test(s)) {
      if (techniqueById(s)) out.push({ start, end, type: 'technique', source: 'attack-id', confidence: 1 });
    } else {
      const g = groupByName(s);
      if (g && (g.name === s || g.aliases.includes(s))) out.push({ start, end, type: 'threatActor', source: 'attack-name', confidence: 1 });
    }
  }
  return out;
}

/** Whether a term is one of the generic words APTNER labels as a tool or malware ("email", "C2", "DLL"). */
export function isGenericCtiTerm(s: string): boolean {
  return GENERIC.test(s);
}

/** A hash or a file name ("CE8B…A3", "report.doc", "svchost.exe") is an indicator, never a tagger's malware or tool name. */
const INDICATOR_LIKE = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|\S+\.(?:exe|dll|docx?|xlsx?|xlsm|docm|rtf|pdf|zip|rar|7z|js|vbs|ps1|bat|cmd|lnk|hta|jar|scr|bin|dat|tmp|txt|sys|ini|log|py|sh))$/i;

const KIND_TYPE: Record<string, CtiType | undefined> = { APT: 'threatActor', MAL: 'malware', TOOL: 'tool' };

/** Margin (quantised score units per token) at which a tagger span counts as sure: confidence 0.5 there. */
export const CTI_MARGIN_MID = 40;

/** The CTI entities of `text`: ATT&CK mentions always; the tagger's spans too when `tagger` (default: looksTechnical). */
export function findCti(text: string, tagger = looksTechnical(text)): CtiEntity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (!tagger) return findCheap(text);
  const attack = findAttackMentions(text);
  const { tokens, sentences } = tokenize(text);
  const model: CtiEntity[] = [];
  for (const s of ctiSpansOfTokens(tokens, sentences)) {
    const type = KIND_TYPE[s.kind];
    if (!type || GENERIC.test(text.slice(s.start, s.end)) || INDICATOR_LIKE.test(text.slice(s.start, s.end))) continue;
    model.push({ start: s.start, end: s.end, type, source: 'cti-model', confidence: s.margin / (s.margin + CTI_MARGIN_MID) });
  }
  // ATT&CK mentions first, then well-known software (software.ts), then the tagger's spans where neither is
  const out: CtiEntity[] = [...attack];
  const taken = (a: CtiEntity) => out.some((b) => b.start < a.end && a.start < b.end);
  for (const s of findSoftware(text)) {
    const e: CtiEntity = { start: s.start, end: s.end, type: 'tool', source: 'software', confidence: 0.9 };
    if (!taken(e)) out.push(e);
  }
  for (const m of model) if (!taken(m)) out.push(m);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return propagateNames(text, withHeadWords(text, out));
}

/** "Spark backdoor", "Zekapab trojan": a malware name and the kind word right after it are one name. */
const MALWARE_HEAD = /^ (?:backdoors?|trojans?)\b/i;
export function withHeadWords(text: string, ents: CtiEntity[]): CtiEntity[] {
  return ents.map((e, i) => {
    if (e.type !== 'malware') return e;
    const m = MALWARE_HEAD.exec(text.slice(e.end, e.end + 12));
    if (!m) return e;
    const end = e.end + m[0].length;
    const next = ents[i + 1];
    if (next && next.start < end) return e;
    return { ...e, end };
  });
}

const PROP_MIN = 0.5;
/**
 * One name, one type per report: a name the tagger or the ATT&CK table found at least once with confidence
 * PROP_MIN or more is found at its other mentions too (same spelling, whole words), typed as most of its found
 * mentions are.
 */
export function propagateNames(text: string, ents: CtiEntity[]): CtiEntity[] {
  const votes = new Map<string, Map<CtiType, number>>();
  for (const e of ents) {
    if (e.type === 'technique' || e.confidence < PROP_MIN) continue;
    const s = text.slice(e.start, e.end);
    if (!nameLike(s) || GENERIC.test(s)) continue;
    let v = votes.get(s);
    if (!v) votes.set(s, (v = new Map()));
    v.set(e.type, (v.get(e.type) ?? 0) + e.confidence);
  }
  if (votes.size === 0) return ents;
  const out = [...ents];
  // characters already in a CTI entity
  const taken = new Uint8Array(text.length);
  for (const e of ents) taken.fill(1, e.start, e.end);
  const free = (a: number, b: number) => { for (let i = a; i < b; i++) if (taken[i]) return false; return true; };
  for (const [name, v] of votes) {
    let type: CtiType = 'tool', best = -1, sum = 0;
    for (const [t, w] of v) { sum += w; if (w > best) { best = w; type = t; } }
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const m of text.matchAll(re)) {
      const a = m.index, b = a + m[0].length;
      if (!free(a, b)) continue;
      out.push({ start: a, end: b, type, source: 'cti-model', confidence: Math.min(0.9, best / sum) });
      taken.fill(1, a, b);
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const NEWS_NAMES = /* @__PURE__ */ new Set<EntityType>(['person', 'place', 'organization', 'group']);
/** Confidence at which a CTI span replaces news names it overlaps. */
export const CTI_WINS_AT = 0.5;

/**
 * Merges CTI entities into the news entities of the same text (both sorted by start): a CTI span replaces the
 * person/place/organisation/group spans it overlaps when its confidence is at least CTI_WINS_AT; it is dropped when
 * it overlaps a date, time, title or quantity, or a news name it does not beat.
 */
export function mergeCti(original: string, entities: readonly Entity[], cti: readonly CtiEntity[]): Entity[] {
  if (cti.length === 0) return entities as Entity[];
  const kept: CtiEntity[] = [];
  const dropped = new Set<Entity>();
  let lo = 0;
  for (const c of cti) {
    while (lo < entities.length && entities[lo].end <= c.start - 200) lo++;
    const over: Entity[] = [];
    for (let i = lo; i < entities.length && entities[i].start < c.end; i++) {
      const e = entities[i];
      if (e.end > c.start && e.start < c.end) over.push(e);
    }
    if (over.some((e) => !NEWS_NAMES.has(e.type))) continue;
    if (over.length > 0 && c.confidence < CTI_WINS_AT) continue;
    if (c.source === 'cti-model' && over.some(isNamedPerson)) continue;
    if (kept.length && kept[kept.length - 1].end > c.start) continue;
    kept.push(c);
    for (const e of over) dropped.add(e);
  }
  const out: Entity[] = entities.filter((e) => !dropped.has(e));
  for (const c of kept) out.push({ start: c.start, end: c.end, type: c.type, text: original.slice(c.start, c.end), source: c.source });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const GAZ_BIT = (k: (typeof GAZ_KINDS)[number]) => 1 << GAZ_KINDS.indexOf(k);

/** A person of two words or more whose first word is a known first name ("Naomi Petrakis"): the tagger's guess never beats it. */
function isNamedPerson(e: Entity): boolean {
  if (e.type !== 'person') return false;
  const words = e.text.split(/\s+/);
  if (words.length < 2) return false;
  return ((nerModel().gaz.get(gazKey([words[0].toLowerCase()])) ?? 0) & GAZ_BIT('firstname')) !== 0;
}

/**
 * In a threat report, a one-word person or place the news tagger found is dropped unless the gazetteer knows the
 * word as a first or last name (people) or a country, city, region or demonym (places): "Used", "Once", "Pastebin",
 * "DeltaCharlie" are not people or places there. Names of two words or more stay.
 */
export function dropUnknownNames(entities: readonly Entity[]): Entity[] {
  const gaz = nerModel().gaz;
  const PERSON_BITS = GAZ_BIT('firstname') | GAZ_BIT('lastname');
  const PLACE_BITS = GAZ_BIT('country') | GAZ_BIT('city') | GAZ_BIT('region') | GAZ_BIT('place') | GAZ_BIT('demonym');
  return entities.filter((e) => {
    if ((e.type !== 'person' && e.type !== 'place') || /[\s]/.test(e.text)) return true;
    const m = gaz.get(gazKey([e.text.toLowerCase()])) ?? 0;
    return (m & (e.type === 'person' ? PERSON_BITS : PLACE_BITS)) !== 0;
  });
}

/** The ATT&CK record behind a CTI entity's text, when there is one. */
export function attackRecord(type: CtiType, text: string): AttackGroup | AttackSoftware | AttackTechnique | undefined {
  if (type === 'technique') return /^T\d{4}/i.test(text) ? techniqueById(text) : attackTables().techniqueNames.get(text.toLowerCase());
  if (type === 'threatActor') return groupByName(text);
  return softwareByName(text);
}
