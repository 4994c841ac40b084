import type { Summary } from '../types';
import type { Annotation } from './types';

/** The W3C Web Annotation JSON-LD context (https://www.w3.org/TR/annotation-model/). */
export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** An annotation as the summary carries it (Summary.annotations; the JSON export writes it as is). */
export interface SummaryAnnotation {
  id: string;
  kind: 'entity' | 'tag';
  tag?: string;
  entityType?: string;
  /** The annotated text (the quote) and the context it was anchored with (TextQuoteSelector). */
  text: string;
  prefix: string;
  suffix: string;
  /** Offsets in the report; absent when the annotation is orphaned. */
  start?: number;
  end?: number;
  note?: string;
  replies?: { id: string; body: string; author?: string; created: string }[];
  resolved?: boolean;
  orphaned?: string;
  author?: string;
  created: string;
  modified?: string;
}

/** The annotations as the summary lists them: in text order, orphaned ones last; only those inside `selection` when given. */
export function summaryAnnotations(annotations: readonly Annotation[], selection?: [number, number]): SummaryAnnotation[] {
  const inside = (a: Annotation) => !selection || (!a.orphaned && a.position.start >= selection[0] && a.position.end <= selection[1]);
  return annotations
    .filter(inside)
    .sort((x, y) => Number(!!x.orphaned) - Number(!!y.orphaned) || x.position.start - y.position.start || x.id.localeCompare(y.id))
    .map((a) => {
      const s: SummaryAnnotation = { id: a.id, kind: a.kind, text: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix, created: a.created };
      if (a.kind === 'tag') s.tag = a.tag;
      else s.entityType = a.entityType;
      if (!a.orphaned) {
        s.start = a.position.start;
        s.end = a.position.end;
      } else s.orphaned = a.orphaned;
      if (a.note) s.note = a.note;
      if (a.replies?.length) s.replies = a.replies.map((r) => ({ id: r.id, body: r.body, created: r.created, ...(r.author ? { author: r.author } : {}) }));
      if (a.resolved) s.resolved = true;
      if (a.author) s.author = a.author;
      if (a.modified) s.modified = a.modified;
      return s;
    });
}

/** The summary with its annotations section (a copy; the summary's own fields are untouched). */
export function withAnnotations(summary: Summary, annotations: readonly Annotation[]): Summary {
  if (!annotations.length) return summary;
  return { ...summary, annotations: summaryAnnotations(annotations, summary.selection) };
}

const md = (s: string) => s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
const shorten = (s: string, max = 200) => (s.length <= max ? s : `${s.slice(0, max).replace(/\s+\S*$/, '')}…`);

/** The "Analyst annotations" section of the Markdown brief (empty when there are none). */
export function annotationsMarkdown(annotations: readonly SummaryAnnotation[] | undefined): string[] {
  if (!annotations?.length) return [];
  const out: string[] = ['## Analyst annotations', ''];
  const line = (a: SummaryAnnotation) => {
    const parts = [`- “${md(shorten(a.text))}”`];
    if (a.note) parts.push(` — ${md(a.note)}`);
    if (a.author) parts.push(` _(${md(a.author)})_`);
    if (a.resolved) parts.push(' _(resolved)_');
    out.push(parts.join(''));
    for (const r of a.replies ?? []) out.push(`  - ${r.author ? `**${md(r.author)}:** ` : ''}${md(r.body)}`);
  };
  const live = annotations.filter((a) => !a.orphaned);
  const tags = [...new Set(live.filter((a) => a.kind === 'tag').map((a) => a.tag!))];
  for (const t of tags) {
    out.push(`### ${md(t.charAt(0).toUpperCase() + t.slice(1))}`, '');
    for (const a of live.filter((x) => x.kind === 'tag' && x.tag === t)) line(a);
    out.push('');
  }
  const entities = live.filter((a) => a.kind === 'entity');
  if (entities.length) {
    out.push('### Entities marked by the analyst', '');
    for (const a of entities) {
      out.push(`- **${md(a.text)}**: ${a.entityType}${a.note ? ` — ${md(a.note)}` : ''}`);
      for (const r of a.replies ?? []) out.push(`  - ${r.author ? `**${md(r.author)}:** ` : ''}${md(r.body)}`);
    }
    out.push('');
  }
  const orphans = annotations.filter((a) => a.orphaned);
  if (orphans.length) {
    out.push('### Orphaned (their text is no longer in the report)', '');
    for (const a of orphans) {
      out.push(`- ${a.kind === 'tag' ? md(a.tag!) : a.entityType}: “${md(shorten(a.text))}”${a.note ? ` — ${md(a.note)}` : ''}`);
    }
    out.push('');
  }
  return out;
}

/** One W3C Web Annotation (JSON-LD). */
export interface WebAnnotation {
  '@context': typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: string;
  created: string;
  modified?: string;
  creator?: { type: 'Person'; name: string };
  body: { type: 'TextualBody'; purpose: string; value: string; format?: string; language?: string }[] | { type: 'TextualBody'; purpose: string; value: string; format?: string };
  target: string | { source: string; selector: ({ type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string } | { type: 'TextPositionSelector'; start: number; end: number })[] };
}

export interface WebAnnotationCollection {
  '@context': typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/**
 * The annotations as W3C Web Annotations: each with a TextualBody per tag (purpose `tagging`), entity type (purpose
 * `classifying`) and note (purpose `commenting`), and a target on `source` with a TextQuoteSelector and a
 * TextPositionSelector (orphaned annotations: the quote only, since their position no longer holds the text). Replies
 * are annotations of their own, motivated by `replying`, whose target is the annotation they answer.
 */
export function toWebAnnotations(annotations: readonly Annotation[], source: string): WebAnnotation[] {
  const out: WebAnnotation[] = [];
  for (const a of annotations) {
    const id = `urn:uuid:${a.id}`;
    const body: { type: 'TextualBody'; purpose: string; value: string; format?: string }[] = [];
    if (a.kind === 'tag') body.push({ type: 'TextualBody', purpose: 'tagging', value: a.tag! });
    else body.push({ type: 'TextualBody', purpose: 'classifying', value: a.entityType! });
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
    const selector: Exclude<WebAnnotation['target'], string>['selector'] = [{ type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix }];
    if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: a.position.start, end: a.position.end });
    const w: WebAnnotation = {
      '@context': WEB_ANNOTATION_CONTEXT,
      id,
      type: 'Annotation',
      motivation: a.kind === 'tag' ? (a.note ? 'commenting' : 'tagging') : 'classifying',
      created: a.created,
      body,
      target: { source, selector },
    };
    if (a.modified) w.modified = a.modified;
    if (a.author) w.creator = { type: 'Person', name: a.author };
    out.push(w);
    for (const r of a.replies ?? []) {
      const reply: WebAnnotation = {
        '@context': WEB_ANNOTATION_CONTEXT,
        id: `urn:uuid:${r.id}`,
        type: 'Annotation',
        motivation: 'replying',
        created: r.created,
        body: { type: 'TextualBody', purpose: 'replying', value: r.body, format: 'text/plain' },
        target: id,
      };
      if (r.author) reply.creator = { type: 'Person', name: r.author };
      out.push(reply);
    }
  }
  return out;
}

/** An AnnotationCollection of one report's annotations, as JSON-LD text. */
export function toWebAnnotationCollection(annotations: readonly Annotation[], source: string, label = source): WebAnnotationCollection {
  const items = toWebAnnotations(annotations, source);
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: `${source}#annotations`,
    type: 'AnnotationCollection',
    label: `Analyst annotations of ${label}`,
    total: items.length,
    first: { id: `${source}#annotations-page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function toWebAnnotationJson(annotations: readonly Annotation[], source: string, label?: string): string {
  return `${JSON.stringify(toWebAnnotationCollection(annotations, source, label), null, 2)}\n`;
}

/** Annotations of the summary back in the model's shape (for the Web Annotation export of a summary). */
export function fromSummaryAnnotations(list: readonly SummaryAnnotation[]): Annotation[] {
  return list.map((s) => {
    const a: Annotation = {
      id: s.id,
      kind: s.kind,
      quote: { exact: s.text, prefix: s.prefix ?? '', suffix: s.suffix ?? '' },
      position: { start: s.start ?? 0, end: s.end ?? s.text.length },
      created: s.created,
    };
    if (s.kind === 'tag') a.tag = s.tag;
    else a.entityType = s.entityType as Annotation['entityType'];
    if (s.note) a.note = s.note;
    if (s.replies) a.replies = s.replies.map((r) => ({ id: r.id, body: r.body, created: r.created, ...(r.author ? { author: r.author } : {}) }));
    if (s.orphaned) a.orphaned = s.orphaned as Annotation['orphaned'];
    if (s.author) a.author = s.author;
    if (s.modified) a.modified = s.modified;
    return a;
  });
}
