import type { Analysis, AnalyzeOptions, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { words } from './text/words';
import { findTitles } from './extract/titles';
import { findTemporal } from './extract/temporal';
import { findQuantities } from './extract/quantities';
import { propagatePersons, resolveOverlaps, splitLines, stripTitles, toEntity, trimSpan, type RawSpan } from './extract/spans';
import { recognizeNames } from './ner';

export const DEFAULT_MAX_LENGTH = 5_000_000;

/**
 * Finds the entities of a report: people, organisations, places, groups (nationalities), titles and ranks, dates,
 * times and quantities. Pure and synchronous; never throws on any string.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const analyzed = input.length > maxLength ? input.slice(0, maxLength) : input;
  const ws = words(analyzed);

  const titles = findTitles(analyzed, ws);
  const titleAt = new Set<number>();
  for (const t of titles) for (const w of ws) if (w.start >= t.start && w.end <= t.end) titleAt.add(w.start);

  const raw: RawSpan[] = [];
  for (const n of recognizeNames(analyzed)) {
    for (const piece of splitLines(analyzed, { start: n.start, end: n.end, type: n.type, source: 'ner' })) {
      const [start, end] = trimSpan(analyzed, piece.start, piece.end);
      if (end <= start) continue;
      let span: RawSpan | null = { ...piece, start, end };
      if (span.type === 'person') span = stripTitles(span, ws, (o) => titleAt.has(o));
      if (span) {
        const [s2, e2] = trimSpan(analyzed, span.start, span.end);
        if (e2 > s2 && /\p{L}/u.test(analyzed.slice(s2, e2))) raw.push({ ...span, start: s2, end: e2 });
      }
    }
  }
  for (const t of titles) raw.push({ start: t.start, end: t.end, type: 'title', source: 'rule' });
  for (const t of findTemporal(analyzed)) raw.push({ ...t, source: 'rule' });
  for (const q of findQuantities(analyzed)) raw.push({ ...q, type: 'quantity', source: 'rule' });

  let spans = resolveOverlaps(raw);
  spans = propagatePersons(analyzed, ws, spans);

  const wanted = options.types ? new Set<EntityType>(options.types) : null;
  const entities = spans.filter((s) => !wanted || wanted.has(s.type)).map((s) => toEntity(analyzed, s));
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type]++;
  const result: Analysis = { entities, counts, length: input.length };
  if (analyzed.length < input.length) {
    result.limited = { analyzedLength: analyzed.length, reason: `text is longer than ${maxLength} characters` };
  }
  return result;
}
