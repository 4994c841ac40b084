import type { Analysis, Entity, EntityType } from '../../src/core';
import { DEFAULT_MAX_LENGTH, localSpans, ruleParts, toAnalysis } from '../../src/core/analyze';
import { propagatePersons } from '../../src/core/extract/spans';
import type { NameSpan } from '../../src/core/ner';

/** Where the `nth` occurrence (default the first) of `surface` starts in `text`; throws when there is none. */
function occurrence(text: string, surface: string, nth = 1): number {
  let at = -1;
  for (let k = 0; k < nth; k++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`"${surface}" (occurrence ${nth}) not in the text`);
  return at;
}

/** An analysis whose entities are the listed surfaces, as written by hand (each at its `nth` occurrence, default the first). */
export function layer(text: string, spans: [string, EntityType, number?][]): Analysis {
  const entities: Entity[] = spans.map(([surface, type, nth]) => {
    const at = occurrence(text, surface, nth);
    return { start: at, end: at + surface.length, type, text: surface, source: 'ner' };
  });
  entities.sort((a, b) => a.start - b.start);
  const counts = {} as Analysis['counts'];
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return { entities, counts, length: text.length };
}

/**
 * What `analyze` makes of a text when the name tagger finds exactly the names given (each surface at its `nth`
 * occurrence, default the first): the rule stages, the "other" names hidden or kept as groups, the hidden
 * companies and the document-level propagation, whatever the tagger of the day would find.
 */
export function analyzeWithNames(text: string, names: [string, NameSpan['type'], number?][]): Analysis {
  const spans: NameSpan[] = names.map(([surface, type, nth]) => {
    const at = occurrence(text, surface, nth);
    return { start: at, end: at + surface.length, type };
  });
  spans.sort((a, b) => a.start - b.start);
  const parts = ruleParts(text);
  return toAnalysis(text, DEFAULT_MAX_LENGTH, text, propagatePersons(text, parts.ws, localSpans(text, parts, spans)), {});
}
