import type { Analysis, Entity, EntityType } from '../types';
import { ENTITY_TYPES } from '../types';
import type { Annotation } from './types';

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}_]/u.test(c);

/** Where `form` occurs in `text` as a whole word (not inside a longer word). */
function occurrences(text: string, form: string, limit = 10_000): number[] {
  const out: number[] = [];
  if (!form) return out;
  for (let i = text.indexOf(form); i >= 0 && out.length < limit; i = text.indexOf(form, i + 1)) {
    const before = text[i - 1];
    const after = text[i + form.length];
    if (isWordChar(form[0]) && isWordChar(before)) continue;
    if (isWordChar(form[form.length - 1]) && isWordChar(after)) continue;
    out.push(i);
  }
  return out;
}

/**
 * The analyst's entity annotations override the model: the annotated span, and every other occurrence of the same
 * surface form in the text (whole words, same case), becomes an entity of the annotated type, and entities the model
 * found overlapping those spans are dropped (an entity of another type that strictly contains the span, such as the
 * organisation around an annotated place, is kept). Annotated spans win over repeated surface forms; later
 * annotations win over earlier ones on the same text. Orphaned annotations and tags do not change entities.
 * Pure: returns a new entity list sorted as analyze() sorts (start, then longer first).
 */
export function applyEntityOverrides(entities: readonly Entity[], annotations: readonly Annotation[], text: string): Entity[] {
  const live = annotations.filter(
    (a) => a.kind === 'entity' && !a.orphaned && a.entityType && (ENTITY_TYPES as readonly string[]).includes(a.entityType) && text.slice(a.position.start, a.position.end) === a.quote.exact,
  );
  if (!live.length) return [...entities];
  // Later annotations first, so that they claim their spans before older ones.
  const ordered = [...live].sort((x, y) => (y.modified ?? y.created).localeCompare(x.modified ?? x.created));
  const claimed: { start: number; end: number; type: EntityType }[] = [];
  const overlapsClaim = (s: number, e: number) => claimed.some((c) => c.start < e && s < c.end);
  // Explicit spans first, then the other occurrences of their surface forms.
  for (const a of ordered) {
    const { start, end } = a.position;
    if (!overlapsClaim(start, end)) claimed.push({ start, end, type: a.entityType! });
  }
  for (const a of ordered) {
    const form = a.quote.exact;
    if (!form.trim()) continue;
    for (const s of occurrences(text, form)) {
      const e = s + form.length;
      if (!overlapsClaim(s, e)) claimed.push({ start: s, end: e, type: a.entityType! });
    }
  }
  const kept = entities.filter((ent) => {
    for (const c of claimed) {
      if (!(ent.start < c.end && c.start < ent.end)) continue;
      const contains = ent.start <= c.start && c.end <= ent.end && ent.end - ent.start > c.end - c.start;
      // A longer entity of another type around the span stays ("Sochi" inside "Sochi Olympic Committee").
      if (contains && ent.type !== c.type) continue;
      return false;
    }
    return true;
  });
  const added: Entity[] = claimed.map((c) => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, source: 'annotation' }));
  return [...kept, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}

/** The analysis with the entity annotations applied (entities and counts); the same object when there are none. */
export function applyOverridesToAnalysis(analysis: Analysis, annotations: readonly Annotation[], text: string): Analysis {
  if (!annotations.some((a) => a.kind === 'entity' && !a.orphaned)) return analysis;
  // Past the analysed part (a size limit) the model said nothing: annotations there are left to the next full run.
  const limit = analysis.limited?.analyzedLength ?? text.length;
  const within = annotations.filter((a) => a.position.end <= limit);
  const entities = applyEntityOverrides(analysis.entities, within, text).filter((e) => e.end <= limit);
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Analysis['counts'];
  for (const e of entities) counts[e.type]++;
  return { ...analysis, entities, counts };
}
