import { analyze } from '../analyze';
import type { Actor, Analysis, EntityType, Summary, SummaryActor, SummaryMention, SummaryOptions, SummaryPlace, SummaryQuote } from '../types';

import { findQuotations, nameKey } from '../actors';
import { getActors } from './actorsSource';
import { buildTimeline, findReportDate } from './dates';
import { bluf, fiveW } from './fiveW';
import { lookupPlace, toCountry } from './gazetteer';
import { extractRelations } from './relations';
import { frontMatter, lineIndex, splitSentences, type Sentence } from './sentences';
import { findTopics } from './topics';
import { withParseCache } from './nlp';
import { markupSections } from './markup';
import { threatSection } from '../cti/summary';
import { CTI_TYPES } from '../cti/types';

export const SUMMARY_SCHEMA_VERSION = 1 as const;

const CTI_SET: ReadonlySet<string> = new Set(CTI_TYPES);

/** Layers a caller (the document model) has already built for the whole text: summarize() reuses them. */
export interface PreparedLayers {
  sentences: Sentence[];
  actors: Actor[];
}

/**
 * Turns a report into a brief: BLUF, 5W1H of the main event, actors, organisations and places by salience, a
 * timeline resolved against the report date, relations and events, quotes with speakers, key topics and counts.
 * Pure and synchronous; plain JSON out. With `selection`, only that part is summarised, and offsets still refer to
 * the whole text.
 */
export function summarize(text: string, options: SummaryOptions & { analysis?: Analysis; prepared?: PreparedLayers } = {}): Summary {
  // compromise parses each sentence once per summary: topics and the clause reader share them (nlp.ts).
  return withParseCache(() => summarizeText(text, options));
}

function summarizeText(text: string, options: SummaryOptions & { analysis?: Analysis; prepared?: PreparedLayers }): Summary {
  const full = typeof text === 'string' ? text : String(text ?? '');
  const reportDate = findReportDate(full, options);
  let base = 0;
  let part = full;
  let selection: [number, number] | undefined;
  if (options.selection) {
    const a = Math.max(0, Math.min(full.length, Math.floor(options.selection[0])));
    const b = Math.max(a, Math.min(full.length, Math.floor(options.selection[1])));
    if (b > a && (a > 0 || b < full.length)) {
      selection = [a, b];
      base = a;
      part = full.slice(a, b);
    }
  }
  // The caller's analysis of the whole text (the editor's, from its worker) is reused, cut to the selection.
  const given = options.analysis && options.analysis.length === full.length && !options.analysis.limited ? options.analysis : undefined;
  const analysis = given ? (selection ? sliceAnalysis(given, base, base + part.length) : given) : analyze(part, { format: options.format });
  // A document model's sentences and actors (built once per version, registry applied) are reused as they are.
  const prepared = given && !selection ? options.prepared : undefined;
  const sentences = prepared?.sentences ?? splitSentences(part);
  // The summary does not use Actor.actions (verbs per actor), the actor model's costliest step on long reports.
  const actors = prepared?.actors ?? getActors(part, analysis, { actions: false, ...options.actors });
  // Front matter is metadata: its date is the report date, not an event of the timeline.
  const fm = frontMatter(part);
  const dateline = datelineDate(part);
  const timeline = buildTimeline(part, sentences, fm ? analysis.entities.filter((e) => e.start >= fm.end) : analysis.entities, reportDate.date, dateline);
  const relations = extractRelations({ text: part, sentences, entities: analysis.entities, actors, timeline });
  const five = fiveW({ sentences, relations, actors, timeline, text: part, title: options.title, reportDate });
  const { citations, ...markup } = markupSections(part, sentences, { includeCitations: options.includeCitations });
  let summary: Summary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    reportDate,
    bluf: bluf(sentences, five.main, five.fiveW, five.mainSentence, options.title),
    fiveW: five.fiveW,
    actors: actors.filter((a) => a.type === 'person' || a.type === 'group').map(toSummaryActor),
    organizations: actors.filter((a) => a.type === 'organization').map(toSummaryActor),
    places: actors.filter((a) => a.type === 'place').map((a) => toSummaryPlace(part, a)),
    timeline,
    relations,
    quotes: quotesOf(part, actors),
    topics: findTopics(part, analysis.entities, actors, 12, sentences),
    mentions: mentionsOf(analysis, actors, options.actors?.ignore),
    ...markup,
    counts: {
      characters: part.length,
      words: (part.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
      sentences: sentences.filter((s) => s.kind !== 'heading').length,
      paragraphs: new Set(sentences.map((s) => s.paragraph)).size,
      entities: { ...analysis.counts },
      people: actors.filter((a) => a.type === 'person').length,
      organizations: actors.filter((a) => a.type === 'organization').length,
      places: actors.filter((a) => a.type === 'place').length,
      dates: timeline.length,
      quotes: 0,
      relations: relations.length,
      indicators: 0,
      assessments: 0,
    },
  };
  // The threat picture is built from threat actors, malware, tools and techniques: a report that names none has no
  // Threat section (threatSection would return undefined after a pass over every sentence).
  const threat = analysis.entities.some((e) => CTI_SET.has(e.type)) ? threatSection(part, analysis.entities, summary.indicators, citations) : undefined;
  if (threat) summary.threat = threat;
  summary.counts.indicators = summary.indicators.length;
  summary.counts.assessments = summary.assessments.length;
  summary.counts.quotes = summary.quotes.length;
  const title = titleOf(full, sentences) ?? options.title;
  if (title) summary.title = title;
  // Plain JSON, as the export writes it: no undefined fields, no shared objects (each offset below moves once).
  summary = plainJson(summary) as Summary;
  if (base) shiftOffsets(summary, base, new Set(['reportDate']));
  if (selection) summary.selection = selection;
  const at = lineIndex(full);
  for (const m of summary.mentions) Object.assign(m, at(m.start));
  for (const i of summary.indicators) for (const m of i.mentions) Object.assign(m, at(m.start));
  return summary;
}

/**
 * What `JSON.parse(JSON.stringify(value))` returns, built directly (about five times cheaper on a long report's
 * summary): undefined, functions and symbols dropped from objects and made null in arrays, non-finite numbers null,
 * -0 as 0, `toJSON` honoured, every shared object copied where it occurs.
 */
export function plainJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      out[i] = x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : plainJson(x);
    }
    return out;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(value)) as unknown;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const x = (value as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    out[k] = plainJson(x);
  }
  return out;
}

/**
 * The date of a dateline ("LONDON 1996-08-30", "KYIV, 3 March 2023 —"): metadata like front matter, so not a
 * timeline event. Only a date on a short line of its own, or after an all-caps place and before a dash, counts.
 */
function datelineDate(text: string): { start: number; end: number } | undefined {
  const found = findReportDate(text, {});
  if (found.source !== 'text' || found.start === undefined || found.end === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', found.start - 1) + 1;
  const nl = text.indexOf('\n', found.end);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).trim();
  const before = text.slice(lineStart, found.start);
  const after = text.slice(found.end, found.end + 6);
  if (line.length <= 60 || (/^\s*\p{Lu}[\p{Lu} .'’-]+,?\s*(?:\([^)]*\)\s*)?$/u.test(before) && /^\s*[-–—]/u.test(after))) return { start: found.start, end: found.end };
  return undefined;
}

function toSummaryActor(a: Actor): SummaryActor {
  const out: SummaryActor = {
    id: a.id,
    type: a.type,
    name: a.name,
    aliases: a.aliases,
    roles: a.roles,
    salience: a.salience,
    mentionCount: a.mentionCount,
    firstMention: a.firstMention,
    mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
  };
  if (a.affiliation) out.affiliation = a.affiliation;
  return out;
}

/** "the Croatian port city of ", "a Syrian border town of ": a demonym right after the article qualifies the place. */
const QUALIFIED = /\b(?:the|a|an)\s+(\p{Lu}[\p{L}-]+)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:city|town|village|port|capital|province|region|district|governorate|oblast)\s+of\s+(?:the\s+)?$/u;

function toSummaryPlace(text: string, a: Actor): SummaryPlace {
  const p: SummaryPlace = toSummaryActor(a);
  // The text qualifies the place: "the Croatian port city of Split", "Split, Croatia".
  for (const m of a.mentions) {
    const before = QUALIFIED.exec(text.slice(Math.max(0, m.start - 80), m.start));
    const c = before ? toCountry(before[1]) : undefined;
    if (c) {
      p.country = c;
      p.kind = /\b(?:province|region|district|governorate|oblast)\b/.test(before![0]) ? 'region' : 'city';
      break;
    }
    const inner = /^(?:the\s+)?(\p{Lu}[\p{L}-]+)\s+(?:[\p{L}-]+\s+){0,3}(?:city|town|village|port|capital) of\s/u.exec(m.text);
    const c2 = inner ? toCountry(inner[1]) : undefined;
    if (c2) {
      p.country = c2;
      p.kind = 'city';
      break;
    }
    const after = /^,\s*(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)/u.exec(text.slice(m.end, m.end + 40));
    const c3 = after ? lookupPlace(after[1]) : undefined;
    if (c3?.kind === 'country') {
      p.country = c3.country;
      p.kind = 'city';
      break;
    }
  }
  if (!p.country) {
    const g = lookupPlace(a.name.replace(/^(?:the\s+)?(?:[\p{L}-]+\s+){0,3}(?:city|town|village|port) of\s+/iu, ''));
    if (g.country) p.country = g.country;
    if (g.kind) p.kind = g.kind;
  }
  return p;
}

/**
 * Quotes with their speakers from the actor model, and longer quotations it could not attribute (short scare quotes
 * such as “regional issues” are left out unless attributed).
 */
function quotesOf(text: string, actors: readonly Actor[]): SummaryQuote[] {
  const out: SummaryQuote[] = [];
  for (const a of actors) {
    for (const q of a.quotes) {
      const sq: SummaryQuote = { start: q.start, end: q.end, text: q.text, confidence: q.confidence, speakerId: q.speakerId ?? a.id, speaker: a.name };
      if (q.speakerText) sq.speakerText = q.speakerText;
      if (q.indirect) sq.indirect = true;
      out.push(sq);
    }
  }
  for (const q of findQuotations(text)) {
    if (q.text.split(/\s+/).length < 6 || out.some((x) => x.start < q.end && q.start < x.end)) continue;
    out.push({ start: q.start, end: q.end, text: q.text, confidence: 0 });
  }
  const seen = new Set<string>();
  return out.sort((x, y) => x.start - y.start).filter((q) => !seen.has(`${q.start}:${q.end}`) && seen.add(`${q.start}:${q.end}`));
}

/** Entity types that name actors: an ignored name of one of these types is left out of the mentions. */
const ACTOR_TYPES = new Set(['person', 'organization', 'place', 'group']);

function mentionsOf(analysis: Analysis, actors: readonly Actor[], ignore: readonly string[] = []): SummaryMention[] {
  // Every actor mention, sorted by start, with its actor order kept to break ties. The owner of an entity is the
  // actor with a mention of exactly its span (the last one in actor order, as a map keyed by span would keep), else
  // the first mention (in actor order) that contains it, found among the mentions near it.
  const byStart: { start: number; end: number; a: Actor; order: number }[] = [];
  for (const a of actors) for (const m of a.mentions) byStart.push({ start: m.start, end: m.end, a, order: byStart.length });
  byStart.sort((x, y) => x.start - y.start || x.order - y.order);
  let longest = 0;
  for (const x of byStart) longest = Math.max(longest, x.end - x.start);
  /** Index of the first mention starting at or after `at`. */
  const from = (at: number) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const exact = (start: number, end: number): Actor | undefined => {
    let best: Actor | undefined;
    for (let i = from(start); i < byStart.length && byStart[i].start === start; i++) if (byStart[i].end === end) best = byStart[i].a;
    return best;
  };
  const container = (start: number, end: number): Actor | undefined => {
    let best: (typeof byStart)[number] | undefined;
    for (let i = from(end - longest); i < byStart.length && byStart[i].start <= start; i++) {
      const x = byStart[i];
      if (x.end >= end && (!best || x.order < best.order)) best = x;
    }
    return best?.a;
  };
  // Ignored names (and the surnames of ignored full names, as buildActors drops them) are not actors' mentions.
  const ignored = new Set(ignore.map(nameKey));
  for (const n of ignore) if (/\s/.test(n.trim())) ignored.add(nameKey(n.trim().split(/\s+/).pop()!));
  const out: SummaryMention[] = [];
  for (const e of analysis.entities) {
    const a = exact(e.start, e.end) ?? container(e.start, e.end);
    if (!a && ignored.size && ACTOR_TYPES.has(e.type) && ignored.has(nameKey(e.text))) continue;
    const m: SummaryMention = { start: e.start, end: e.end, text: e.text, type: e.type as EntityType, line: 0, column: 0 };
    if (a) {
      m.actorId = a.id;
      m.actorName = a.name;
    }
    out.push(m);
  }
  return out;
}

function titleOf(text: string, sentences: ReturnType<typeof splitSentences>): string | undefined {
  const fm = frontMatter(text)?.fields.title?.value;
  if (fm) return fm;
  const h = sentences.find((s) => s.kind === 'heading');
  return h && h.paragraph === 0 ? h.text : undefined;
}

/** The entities of [from, to), with offsets relative to `from`. */
function sliceAnalysis(a: Analysis, from: number, to: number): Analysis {
  const entities = a.entities.filter((e) => e.start >= from && e.end <= to).map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
  const counts = Object.fromEntries(Object.keys(a.counts).map((k) => [k, 0])) as Analysis['counts'];
  for (const e of entities) counts[e.type]++;
  return { entities, counts, length: to - from };
}

const OFFSET_KEYS = new Set(['start', 'end', 'firstMention']);

/** Adds `base` to every offset in a summary of a selection, so offsets refer to the whole text. */
function shiftOffsets(node: unknown, base: number, skip: ReadonlySet<string>): void {
  if (Array.isArray(node)) {
    for (const x of node) shiftOffsets(x, base, skip);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (skip.has(k)) continue;
      if (OFFSET_KEYS.has(k) && typeof o[k] === 'number') o[k] = (o[k] as number) + base;
      else shiftOffsets(o[k], base, skip);
    }
  }
}

