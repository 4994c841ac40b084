import type { Analysis, AnalyzeOptions, Entity, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { isCapitalised, onlySpaceBetween, words, type Word } from './text/words';
import { findTitles, type TitleSpan } from './extract/titles';
import { findTemporal, HOLIDAY_RE, type TemporalSpan } from './extract/temporal';
import { findQuantities, type QuantitySpan } from './extract/quantities';
import { findKnownOrganizations, type OrgMatch } from './extract/organizations';
import { MONTHS, TITLE_HEADS, TITLE_MODIFIERS } from './extract/lexicon';
import { propagatePersons, resolveOverlaps, splitLines, stripTitles, toEntity, trimSpan, type RawSpan } from './extract/spans';
import { joinWrappedLines, recognizeNames, type NameSpan } from './ner';
import { isGroupName } from './text/lexicon';
import { maskMarkdown } from './text/markdown';
import { itemsWithin, lowerBound, Occupancy } from './text/intervals';
import { dropUnknownNames, findCti, looksTechnical, mergeCti } from './cti';

export const DEFAULT_MAX_LENGTH = 5_000_000;

const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
/** Government bodies a nationality belongs to when written before them: "Russian Foreign Ministry". */
const NATIONAL_BODY = /^(?:[A-Z][a-z]+ )?(?:Ministry|Embassy|Government|Cabinet|Parliament)\b/;

/** Capitalised words right after a title are the titled person: "Deputy Interior Minister Ana Rojas". */
function personsAfterTitles(text: string, ws: readonly Word[], titles: readonly TitleSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  // A title right after a title is not a name: "Chief of Staff" + "Lt. Gen." + the name.
  const titleStarts = new Set(titles.map((t) => t.start));
  let w = 0;
  for (const t of titles) {
    if (t.weak) continue;
    while (w < ws.length && ws[w].start < t.end) w++;
    if (w < ws.length && titleStarts.has(ws[w].start)) continue;
    let j = w;
    while (
      j < ws.length &&
      j - w < 4 &&
      onlySpaceBetween(text, (j === w ? t.end : ws[j - 1].end), ws[j].start) &&
      isCapitalised(ws[j].text) &&
      !TITLE_HEADS.has(ws[j].text) &&
      !TITLE_MODIFIERS.has(ws[j].text) &&
      !WEEKDAYS.has(ws[j].text) &&
      MONTHS[ws[j].text.toLowerCase()] === undefined &&
      // an acronym after a title is an organisation ("Director CIA"), not a name; a regnal number is ("Elizabeth I")
      (!/^[A-Z]+$/.test(ws[j].text) || (j > w && /^[IVX]+$/.test(ws[j].text)))
    ) {
      j++;
    }
    if (j > w) out.push({ start: ws[w].start, end: ws[j - 1].end, type: 'person', source: 'title-rule' });
  }
  return out;
}

/** What the rule stages find in a text before the names are known. */
export interface RuleParts {
  ws: Word[];
  titles: TitleSpan[];
  knownOrgs: OrgMatch[];
  temporal: TemporalSpan[];
  quantities: QuantitySpan[];
}

export function ruleParts(text: string): RuleParts {
  const ws = words(text);
  return { ws, titles: findTitles(text, ws), knownOrgs: findKnownOrganizations(text), temporal: findTemporal(text), quantities: findQuantities(text) };
}

/**
 * The spans of a text from its rule parts and its names, overlaps resolved, before the document-level person
 * propagation. Sorted by start; they do not overlap.
 */
export function localSpans(analyzed: string, parts: RuleParts, names: readonly NameSpan[]): RawSpan[] {
  const { ws, knownOrgs } = parts;
  // "Archbishop of Cape Town", "Emperor of Brazil": when the tagger names the domain, the title stops before "of".
  const nonPersonStarts = new Set(names.filter((n) => n.type !== 'person').map((n) => n.start));
  const titles = parts.titles.map((t) => {
    if (t.domainStart === undefined || !nonPersonStarts.has(t.domainStart)) return t;
    const head = itemsWithin(ws, t.start, t.domainStart);
    return { ...t, end: head[head.length - 2]?.end ?? t.end, domainStart: undefined };
  });
  const titleAt = new Set<number>();
  for (const t of titles) if (!t.weak) for (const w of itemsWithin(ws, t.start, t.end)) titleAt.add(w.start);

  const raw: RawSpan[] = [];
  for (const n of names) {
    // A known organisation overrides whatever the tagger made of it ("Hezbollah" read as a person).
    const org = knownOrgs[lowerBound(knownOrgs, n.start + 1) - 1];
    if (org && org.start <= n.start && n.end <= org.end) continue;
    // The tagger's "other" class holds events, works and products too: only groups of people are coloured as groups.
    // The tagger's "other" class holds events, works and products too: only groups of people are coloured as
    // groups; the rest still holds its words (a "Ford Focus" is no Mr Ford).
    const hidden = n.type === 'group' && !isGroupName(analyzed.slice(n.start, n.end)) ? { hidden: true as const } : {};
    for (const piece of splitLines(analyzed, { start: n.start, end: n.end, type: n.type, source: 'ner', ...hidden })) {
      // The tagger's tokenizer already decided whether a final dot belongs to the name ("Fla.", "U.S.").
      const [start, end] = trimSpan(analyzed, piece.start, piece.end, true);
      if (end <= start) continue;
      let span: RawSpan | null = { ...piece, start, end };
      if (span.type === 'person') span = stripTitles(span, ws, (o) => titleAt.has(o));
      if (span) {
        const [s2, e2] = span.end === end ? [span.start, span.end] : trimSpan(analyzed, span.start, span.end);
        if (e2 > s2 && /\p{L}/u.test(analyzed.slice(s2, e2))) raw.push({ ...span, start: s2, end: e2 });
      }
    }
  }
  for (const o of knownOrgs) raw.push({ ...o, type: 'organization', source: 'lexicon' });
  // Titles win over names they overlap ("National Security Advisor" read as an organisation), except a lone
  // ambiguous head, which loses to the tagger's reading ("General Motors").
  for (const t of titles) raw.push({ start: t.start, end: t.end, type: 'title', source: 'rule', rank: t.weak ? 4.5 : undefined });
  const personChars = new Occupancy(analyzed.length);
  for (const r of raw) if (r.type === 'person') personChars.take(r.start, r.end);
  for (const p of personsAfterTitles(analyzed, ws, titles)) {
    // Only where the tagger found no person of its own there.
    if (personChars.isFree(p.start, p.end)) raw.push({ ...p, rank: 0.5 });
  }
  // A date or time that holds a name wins over it ("14:30 GMT", "Easter Monday 2024"), and so does a holiday ("Christmas");
  // otherwise names win.
  const nameSpans = raw.filter((r) => r.type !== 'title').sort((a, b) => a.start - b.start);
  for (const t of parts.temporal) {
    const holdsName =
      itemsWithin(nameSpans, t.start, t.end).some((n) => n.end - n.start < t.end - t.start) || HOLIDAY_RE.test(analyzed.slice(t.start, t.end));
    raw.push({ ...t, source: 'rule', rank: holdsName ? -1 : undefined });
  }
  for (const q of parts.quantities) raw.push({ ...q, type: 'quantity', source: 'rule' });

  return mergeNationalBodies(analyzed, resolveOverlaps(raw));
}

/** Input handling shared by `analyze` and the incremental analyzer. */
export function prepareInput(text: string, options: AnalyzeOptions): { input: string; maxLength: number; original: string; analyzed: string } {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const original = input.length > maxLength ? input.slice(0, maxLength) : input;
  // Masking keeps every offset: spans found in the masked text are spans of the original.
  // Hard-wrapped paragraphs are joined (a line break becomes a space), which keeps every offset too.
  const analyzed = joinWrappedLines(options.format === 'markdown' ? maskMarkdown(original) : original);
  return { input, maxLength, original, analyzed };
}

/** The Analysis of final spans (sorted; offsets into `original`). */
export function toAnalysis(input: string, maxLength: number, original: string, spans: readonly RawSpan[], options: AnalyzeOptions, analyzed = original): Analysis {
  const wanted = options.types ? new Set<EntityType>(options.types) : null;
  const all = withCti(analyzed, original, spans.map((s) => toEntity(original, s)));
  return analysisOf(input, maxLength, original, wanted ? all.filter((e) => wanted.has(e.type)) : all);
}

/** Threat-intelligence entities (cti/) merged into the news entities: threat actors, malware, tools, techniques. */
export function withCti(analyzed: string, original: string, entities: Entity[]): Entity[] {
  const technical = looksTechnical(analyzed);
  const merged = mergeCti(original, entities, findCti(analyzed, technical));
  return technical ? dropUnknownNames(merged) : merged;
}

/** The Analysis of the entities found in `original` (the input, cut at `maxLength`). */
export function analysisOf(input: string, maxLength: number, original: string, entities: Entity[]): Analysis {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type]++;
  const result: Analysis = { entities, counts, length: input.length };
  if (original.length < input.length) {
    result.limited = { analyzedLength: original.length, reason: `text is longer than ${maxLength} characters` };
  }
  return result;
}

/**
 * Finds the entities of a report: people, organisations, places, groups (nationalities), titles and ranks, dates,
 * times and quantities. Pure and synchronous; never throws on any string.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const { input, maxLength, original, analyzed } = prepareInput(text, options);
  const names = recognizeNames(analyzed);
  const parts = ruleParts(analyzed);
  const spans = propagatePersons(analyzed, parts.ws, localSpans(analyzed, parts, names));
  return toAnalysis(input, maxLength, original, spans, options, analyzed);
}

/** "Russian" + "Foreign Ministry" -> one organisation "Russian Foreign Ministry". */
function mergeNationalBodies(text: string, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (a.type === 'group' && !a.hidden && b?.type === 'organization' && b.start - a.end === 1 && text[a.end] === ' ' && NATIONAL_BODY.test(text.slice(b.start, b.end))) {
      out.push({ ...b, start: a.start, source: 'rule' });
      i++;
    } else out.push(a);
  }
  return out;
}
