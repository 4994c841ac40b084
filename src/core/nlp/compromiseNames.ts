import nlp from 'compromise';

export interface NameSpan {
  start: number;
  end: number;
  type: 'person' | 'organization' | 'place' | 'group';
}

/**
 * Names as compromise sees them (people(), organizations(), places(), #Demonym). This is the baseline name source;
 * the statistical tagger in ../ner replaces it where it is available. Spans are raw: the pipeline trims and splits them.
 */
export function recognizeNamesWithCompromise(text: string): NameSpan[] {
  const doc = nlp(text);
  const out: NameSpan[] = [];
  const take = (view: { json: (o: object) => unknown[] }, type: NameSpan['type']) => {
    for (const item of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      out.push({ start: item.offset.start, end: item.offset.start + item.offset.length, type });
    }
  };
  take(doc.people(), 'person');
  take(doc.organizations(), 'organization');
  take(doc.places(), 'place');
  take(doc.match('#Demonym'), 'group');
  return out;
}
