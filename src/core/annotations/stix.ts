import type { SummaryAnnotation } from './export';

/**
 * STIX 2.1 `note` objects for the annotations that carry a note: the note (and its replies) as content, the tag or
 * entity type as abstract and label, the annotated text quoted, each referring to the report.
 */
export function annotationNotes(
  annotations: readonly SummaryAnnotation[] | undefined,
  reportId: string,
  common: { spec_version: '2.1'; created: string; modified: string },
  idOf: (a: SummaryAnnotation) => string,
): ({ type: 'note'; id: string; spec_version: '2.1'; created: string; modified: string } & Record<string, unknown>)[] {
  const out: ({ type: 'note'; id: string; spec_version: '2.1'; created: string; modified: string } & Record<string, unknown>)[] = [];
  for (const a of annotations ?? []) {
    if (!a.note) continue;
    const what = a.kind === 'tag' ? a.tag! : `entity: ${a.entityType}`;
    const replies = (a.replies ?? []).map((r) => `\n\n${r.author ? `${r.author}: ` : ''}${r.body}`).join('');
    const note: { type: 'note'; id: string; spec_version: '2.1'; created: string; modified: string } & Record<string, unknown> = {
      type: 'note',
      ...common,
      id: idOf(a),
      abstract: `Analyst annotation (${what}) on “${a.text.length > 120 ? `${a.text.slice(0, 120)}…` : a.text}”`,
      content: `${a.note}${replies}`,
      object_refs: [reportId],
      labels: [a.kind === 'tag' ? a.tag! : a.entityType!].map((l) => l.toLowerCase()),
    };
    if (a.author) note.authors = [a.author];
    out.push(note);
  }
  return out;
}
