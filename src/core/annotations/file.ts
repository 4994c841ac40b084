import { ENTITY_TYPES } from '../types';
import type { Annotation, AnnotationFile, AnnotationFileProblem, AnnotationReply, ParsedAnnotationFile } from './types';

/** Folder of the annotation files, relative to the workspace folder. */
export const ANNOTATIONS_DIR = '.analyst/annotations';

/** `reports/sochi.md` -> `.analyst/annotations/reports/sochi.md.json` (the report's path relative to its workspace folder). */
export function annotationFilePath(reportPath: string): string {
  const rel = reportPath.replace(/\\/g, '/').replace(/^\/+/, '');
  return `${ANNOTATIONS_DIR}/${rel}.json`;
}

const ORPHAN_REASONS = new Set(['missing', 'changed', 'ambiguous']);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks one entry of the file's `annotations` array; returns the annotation or why it is not one. */
export function toAnnotation(v: unknown): Annotation | string {
  if (!isObj(v)) return 'not an object';
  if (!isStr(v.id) || !v.id) return '"id" must be a non-empty string';
  if (v.kind !== 'entity' && v.kind !== 'tag') return '"kind" must be "entity" or "tag"';
  if (v.kind === 'entity' && !(isStr(v.entityType) && (ENTITY_TYPES as readonly string[]).includes(v.entityType))) return `"entityType" must be one of ${ENTITY_TYPES.join(', ')}`;
  if (v.kind === 'tag' && !(isStr(v.tag) && v.tag.trim())) return '"tag" must be a non-empty string';
  const q = v.quote;
  if (!isObj(q) || !isStr(q.exact) || !q.exact || !isStr(q.prefix ?? '') || !isStr(q.suffix ?? '')) return '"quote" must have a non-empty "exact" and string "prefix" and "suffix"';
  const p = v.position;
  if (!isObj(p) || !isOffset(p.start) || !isOffset(p.end) || p.end <= p.start) return '"position" must have integer "start" < "end"';
  if (v.note !== undefined && !isStr(v.note)) return '"note" must be a string';
  if (v.resolved !== undefined && typeof v.resolved !== 'boolean') return '"resolved" must be true or false';
  if (v.orphaned !== undefined && !(isStr(v.orphaned) && ORPHAN_REASONS.has(v.orphaned))) return '"orphaned" must be "missing", "changed" or "ambiguous"';
  if (!isStr(v.created)) return '"created" must be an ISO 8601 timestamp';
  if (v.modified !== undefined && !isStr(v.modified)) return '"modified" must be an ISO 8601 timestamp';
  if (v.author !== undefined && !isStr(v.author)) return '"author" must be a string';
  const replies: AnnotationReply[] = [];
  if (v.replies !== undefined) {
    if (!Array.isArray(v.replies)) return '"replies" must be an array';
    for (const r of v.replies) {
      if (!isObj(r) || !isStr(r.id) || !isStr(r.body) || !isStr(r.created) || (r.author !== undefined && !isStr(r.author))) return 'each reply needs "id", "body" and "created" strings';
      replies.push({ id: r.id, body: r.body, created: r.created, ...(isStr(r.author) ? { author: r.author } : {}) });
    }
  }
  const a: Annotation = {
    id: v.id,
    kind: v.kind,
    quote: { exact: q.exact as string, prefix: (q.prefix as string) ?? '', suffix: (q.suffix as string) ?? '' },
    position: { start: p.start, end: p.end },
    created: v.created,
  };
  if (v.kind === 'entity') a.entityType = v.entityType as Annotation['entityType'];
  else a.tag = (v.tag as string).trim();
  if (isStr(v.note) && v.note) a.note = v.note;
  if (replies.length) a.replies = replies;
  if (v.resolved === true) a.resolved = true;
  if (v.orphaned) a.orphaned = v.orphaned as Annotation['orphaned'];
  if (isStr(v.author) && v.author) a.author = v.author;
  if (isStr(v.modified)) a.modified = v.modified;
  return a;
}

/** Line and column (1-based) of an offset, for messages. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Reads an annotations file. Never throws: a file that is not JSON is `unreadable` (the caller must not overwrite
 * it); entries that are not valid annotations are reported and kept verbatim in `invalid` so that writing the file
 * back loses nothing.
 */
export function parseAnnotationFile(text: string, reportPath: string): ParsedAnnotationFile {
  const empty: AnnotationFile = { version: 1, report: reportPath, annotations: [] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!src.trim()) return { file: empty, invalid: [], problems: [], unreadable: false };
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(msg);
    const at = m ? Number(m[1]) : undefined;
    return {
      file: empty,
      invalid: [],
      problems: [{ message: `not valid JSON${at !== undefined ? ` (${where(src, at)})` : ''}: ${msg}`, start: at, end: at }],
      unreadable: true,
    };
  }
  if (!isObj(data)) return { file: empty, invalid: [], problems: [{ message: 'the file must hold a JSON object with an "annotations" array' }], unreadable: true };
  if (data.version !== undefined && data.version !== 1) {
    return { file: empty, invalid: [], problems: [{ message: `"version" ${JSON.stringify(data.version)} is not supported (this version of Analyst Lens reads version 1)` }], unreadable: true };
  }
  if (data.annotations !== undefined && !Array.isArray(data.annotations)) return { file: empty, invalid: [], problems: [{ message: '"annotations" must be an array' }], unreadable: true };
  const problems: AnnotationFileProblem[] = [];
  const invalid: unknown[] = [];
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  ((data.annotations as unknown[]) ?? []).forEach((entry, index) => {
    const a = toAnnotation(entry);
    if (typeof a === 'string') {
      problems.push({ message: `annotation ${index + 1}: ${a} (kept in the file, not shown)`, index });
      invalid.push(entry);
    } else if (ids.has(a.id)) {
      problems.push({ message: `annotation ${index + 1}: duplicate id "${a.id}" (kept in the file, not shown)`, index });
      invalid.push(entry);
    } else {
      ids.add(a.id);
      annotations.push(a);
    }
  });
  return { file: { version: 1, report: isStr(data.report) ? data.report : reportPath, annotations }, invalid, problems, unreadable: false };
}

/** One annotation with its keys in a fixed order (diff-friendly), undefined fields left out. */
function ordered(a: Annotation): Record<string, unknown> {
  const o: Record<string, unknown> = { id: a.id, kind: a.kind };
  if (a.kind === 'entity') o.entityType = a.entityType;
  else o.tag = a.tag;
  if (a.note !== undefined) o.note = a.note;
  if (a.replies?.length) o.replies = a.replies.map((r) => ({ id: r.id, body: r.body, ...(r.author ? { author: r.author } : {}), created: r.created }));
  if (a.resolved) o.resolved = true;
  o.quote = { exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix };
  o.position = { start: a.position.start, end: a.position.end };
  if (a.orphaned) o.orphaned = a.orphaned;
  if (a.author) o.author = a.author;
  o.created = a.created;
  if (a.modified) o.modified = a.modified;
  return o;
}

/**
 * The file's text: keys in a fixed order, annotations in the order of their position in the report (orphaned
 * ones last, by id), two-space indentation, one annotation per block, so that version control shows each change
 * as the lines of the annotations it touched. Entries that could not be read are written back as they were.
 */
export function serializeAnnotationFile(file: AnnotationFile, invalid: readonly unknown[] = []): string {
  const sorted = [...file.annotations].sort(
    (x, y) => Number(!!x.orphaned) - Number(!!y.orphaned) || (x.orphaned ? 0 : x.position.start - y.position.start || x.position.end - y.position.end) || x.id.localeCompare(y.id),
  );
  const body = { version: 1, report: file.report, annotations: [...sorted.map(ordered), ...invalid] };
  return `${JSON.stringify(body, null, 2)}\n`;
}
