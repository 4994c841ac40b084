import { analyze, contentHash, createIncrementalAnalyzer, findMarkup, indexEntry, lintMarkup, type IncrementalAnalyzer, type TextChange } from '../core';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Open documents whose text and incremental analyzer are kept (least recently used dropped first). */
export const MAX_DOCUMENTS = 20;

interface Kept {
  version: number;
  text: string;
  analyzer: IncrementalAnalyzer;
}
const documents = new Map<string, Kept>();

/** The kept document (created on first use; a Map keeps insertion order = recency). */
function documentFor(uri: string, version: number, text: string): Kept {
  let d = documents.get(uri);
  if (d) documents.delete(uri);
  else d = { version, text, analyzer: createIncrementalAnalyzer() };
  d.version = version;
  d.text = text;
  documents.set(uri, d);
  while (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
  return d;
}

/** Uris with a kept document, least recently used first (for tests). */
export function keptDocuments(): string[] {
  return [...documents.keys()];
}

/** Applies one change event (non-overlapping changes in the coordinates of the text before it). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.offset - a.offset)) out = out.slice(0, c.offset) + c.text + out.slice(c.offset + c.length);
  return out;
}

/** The text of a document version: the one sent, or the kept one when it is of that version. */
function textOf(uri: string, version: number, text: string | undefined): Kept | undefined {
  if (typeof text === 'string') return documentFor(uri, version, text);
  const d = documents.get(uri);
  return d && d.version === version ? documentFor(uri, version, d.text) : undefined;
}

const resync = (id: number, uri: string): WorkerResponse => ({ id, ok: false, resync: true, error: `the worker does not have this version of ${uri}` });

/** The worker's work, independent of how messages arrive (worker_threads or Web Worker). */
export function handle(req: WorkerRequest): WorkerResponse {
  const t0 = Date.now();
  try {
    switch (req.kind) {
      case 'forget':
        documents.delete(req.uri);
        return { id: req.id, ok: true, ms: 0 };
      case 'edit': {
        const d = documents.get(req.uri);
        if (!d || d.version !== req.version - 1) {
          documents.delete(req.uri); // out of step: the next request sends the text
          return resync(req.id, req.uri);
        }
        d.text = applyChanges(d.text, req.changes);
        d.version = req.version;
        return { id: req.id, ok: true, ms: Date.now() - t0 };
      }
      case 'index': {
        const analysis = analyze(req.text, req.options);
        return { id: req.id, ok: true, entry: indexEntry(req.text, analysis, contentHash(req.text)), ms: Date.now() - t0 };
      }
      case 'analyze': {
        if (typeof req.uri !== 'string') return { id: req.id, ok: true, analysis: analyze(req.text ?? '', req.options), ms: Date.now() - t0 };
        const d = textOf(req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        return { id: req.id, ok: true, analysis: d.analyzer.analyze(d.text, req.options), ms: Date.now() - t0 };
      }
      case 'markup': {
        const d = textOf(req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        const text = d.text.length > req.options.maxLength ? d.text.slice(0, req.options.maxLength) : d.text;
        const spans = findMarkup(text);
        const diagnostics = req.options.lint ? lintMarkup(text, { spans, rules: req.options.rules }) : [];
        return { id: req.id, ok: true, markup: { spans, diagnostics }, ms: Date.now() - t0 };
      }
    }
  } catch (err) {
    // a failed analysis may leave a document's caches half updated: start that document afresh
    if (req.kind === 'analyze' || req.kind === 'edit') documents.delete(req.uri);
    return { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}
