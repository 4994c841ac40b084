import { findMarkup } from '../markup';
import type { Span, SummaryAssessment, SummaryIndicator } from '../types';
import { sentenceAt, type Sentence } from './sentences';
import { citationContext, isCitation } from '../cti/citations';

const evidence = (text: string, s: Span | undefined, at: number): Span =>
  s ? { start: s.start, end: s.end, text: text.slice(s.start, s.end) } : { start: at, end: at, text: '' };

/** The sentence holding an offset. */
function sentenceOf(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences[sentenceAt(sentences, offset)];
}

/**
 * The summary's analyst-markup sections: indicators of compromise (one per refanged value, with every mention)
 * and estimative statements (ICD 203 likelihood terms with their band and the sentence's confidence level).
 */
export function markupSections(text: string, sentences: readonly Sentence[], options: { includeCitations?: boolean } = {}): { indicators: SummaryIndicator[]; assessments: SummaryAssessment[]; citations: number } {
  const spans = findMarkup(text);
  // citations (references sections, link targets, publishers' write-ups) are not indicators unless asked for
  const cites = citationContext(text);
  const citedKeys = new Map<string, boolean>();
  const indicators = new Map<string, SummaryIndicator>();
  const assessments: SummaryAssessment[] = [];
  const confidenceBySentence = new Map<number, string>();
  for (const m of spans) {
    if (m.kind === 'confidence' && m.level) {
      const s = sentenceOf(sentences, m.start);
      if (s && !confidenceBySentence.has(s.start)) confidenceBySentence.set(s.start, m.level);
    }
  }
  for (const m of spans) {
    if (m.kind === 'indicator' && m.subtype) {
      const value = m.value ?? m.text;
      const key = `${m.subtype}\u0000${value.toLowerCase()}`;
      const cited = isCitation(cites, m, m.subtype, value, !!m.defanged);
      citedKeys.set(key, (citedKeys.get(key) ?? true) && cited);
      const mention = { start: m.start, end: m.end, text: m.text, line: 0, column: 0 }; // positions: set by summarize()
      const known = indicators.get(key);
      if (known) {
        known.mentions.push(mention);
        known.defanged ||= !!m.defanged;
      } else {
        indicators.set(key, { type: m.subtype, value, defanged: !!m.defanged, mentions: [mention], sentence: evidence(text, sentenceOf(sentences, m.start), m.start) });
      }
    } else if (m.kind === 'estimative' && m.row && m.band) {
      const s = sentenceOf(sentences, m.start);
      const a: SummaryAssessment = { term: { start: m.start, end: m.end, text: m.text }, row: m.row, band: [m.band[0], m.band[1]], sentence: evidence(text, s, m.start) };
      const conf = s ? confidenceBySentence.get(s.start) : undefined;
      if (conf) a.confidence = conf;
      assessments.push(a);
    }
  }
  const citations = [...citedKeys.values()].filter(Boolean).length;
  const all = [...indicators].filter(([k, i]) => {
    if (!citedKeys.get(k)) return true;
    if (options.includeCitations) i.citation = true;
    return !!options.includeCitations;
  });
  return { indicators: all.map(([, i]) => i), assessments, citations };
}
