import type { Analysis } from '../../src/core';
import { DEFAULT_MAX_LENGTH, localSpans, ruleParts, toAnalysis } from '../../src/core/analyze';
import { propagatePersons } from '../../src/core/extract/spans';
import type { NameSpan } from '../../src/core/ner';

/**
 * What `analyze` makes of a text when the name tagger finds exactly the names given (each surface at its `nth`
 * occurrence, default the first): the rule stages, the "other" names hidden or kept as groups, the hidden
 * companies and the document-level propagation, whatever the tagger of the day would find.
 */
export function analyzeWithNames(text: string, names: [string, NameSpan['type'], number?][]): Analysis {
  const spans: NameSpan[] = names.map(([surface, type, nth = 1]) => {
    let at = -1;
    for (let k = 0; k < nth; k++) at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`"${surface}" (occurrence ${nth}) not in the text`);
    return { start: at, end: at + surface.length, type };
  });
  spans.sort((a, b) => a.start - b.start);
  const parts = ruleParts(text);
  return toAnalysis(text, DEFAULT_MAX_LENGTH, text, propagatePersons(text, parts.ws, localSpans(text, parts, spans)), {});
}
