import {
  analyze,
  applyCorrections,
  buildActors,
  ATTACK_NOTICE,
  buildThreat,
  contentHash,
  createDocumentModel,
  createIncrementalAnalyzer,
  diffAnalysis,
  exportSummary,
  findMarkup,
  indexEntry,
  lintMarkup,
  previewAnalysis,
  resolveTemporal,
  withAnnotations,
  type Analysis,
  type AnalyzeOptions,
  type DocumentModel,
  type Entity,
  type IncrementalAnalyzer,
  type TextChange,
} from '../core';
import type { ModelAnswers, ModelQuery, WorkerRequest, WorkerResponse } from './protocol';

/** Open documents whose text and incremental analyzer are kept (least recently used dropped first). */
export const MAX_DOCUMENTS = 20;
/**
 * Analyses kept per document as bases for patches: the host holds the last one it applied, or the one before when it
 * dropped an answer for a version edited meanwhile (it analyses one version at a time). Fewer kept, less to collect.
 */
const MAX_BASES = 2;

interface Kept {
  version: number;
  text: string;
  analyzer: IncrementalAnalyzer;
  /** The worker's own analysis of the last version it analysed, with the options it was made with. */
  analysis?: { version: number; options: string; value: Analysis };
  /** The analyses last sent to the host (newest last): the bases later answers may be patches on. */
  sent: { version: number; options: string; value: Analysis }[];
  /** The document model the last 'model' request used, and the answers it gave (per query). */
  model?: { version: number; analysis: Analysis; actors: string; format: string; model: DocumentModel; answers: Map<string, unknown> };
}
/** The kept documents of one worker (a Map keeps insertion order = recency). */
type Documents = Map<string, Kept>;

/** The kept document (created on first use; a Map keeps insertion order = recency). */
function documentFor(documents: Documents, uri: string, version: number, text: string): Kept {
  let d = documents.get(uri);
  if (d) documents.delete(uri);
  else d = { version, text, analyzer: createIncrementalAnalyzer(), sent: [] };
  if (d.version !== version || d.text !== text) {
    d.analysis = undefined;
    d.model = undefined;
  }
  d.version = version;
  d.text = text;
  documents.set(uri, d);
  while (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
  return d;
}


/** Applies one change event (non-overlapping changes in the coordinates of the text before it). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.offset - a.offset)) out = out.slice(0, c.offset) + c.text + out.slice(c.offset + c.length);
  return out;
}

/** The text of a document version: the one sent, or the kept one when it is of that version. */
function textOf(documents: Documents, uri: string, version: number, text: string | undefined): Kept | undefined {
  if (typeof text === 'string') return documentFor(documents, uri, version, text);
  const d = documents.get(uri);
  return d && d.version === version ? documentFor(documents, uri, version, d.text) : undefined;
}

const resync = (id: number, uri: string): WorkerResponse => ({ id, ok: false, resync: true, error: `the worker does not have this version of ${uri}` });

/** The worker's analysis of the kept version (incremental: only what the edits touched is analysed again). */
function analysisOf(d: Kept, options: AnalyzeOptions | undefined): Analysis {
  const key = JSON.stringify(options ?? {});
  if (d.analysis && d.analysis.version === d.version && d.analysis.options === key) return d.analysis.value;
  const value = d.analyzer.analyze(d.text, options);
  d.analysis = { version: d.version, options: key, value };
  return value;
}

function sameEntities(a: readonly Entity[], b: readonly Entity[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].type !== b[i].type || a[i].source !== b[i].source) return false;
  return true;
}

/**
 * The document model of the kept version: built once per version, analysis and actor options, and kept with the
 * answers it gave, so a hover, the Actors view and the summary asking in turn build the actors once.
 */
function modelOf(d: Kept, analysis: Analysis, query: ModelQuery, format: 'plain' | 'markdown'): NonNullable<Kept['model']> {
  const needsActors = query.what === 'actors' || query.what === 'summary' || query.what === 'export' || query.what === 'indexEntry';
  const actors = needsActors ? JSON.stringify(query.actors) : undefined;
  const m = d.model;
  if (
    m &&
    m.version === d.version &&
    (m.analysis === analysis || sameEntities(m.analysis.entities, analysis.entities)) &&
    (actors === undefined || m.actors === actors) &&
    (!needsActors || query.what === 'actors' || query.what === 'indexEntry' || m.format === format)
  ) {
    return m;
  }
  const registry = needsActors ? query.actors : {};
  const model = createDocumentModel(d.text, { version: d.version, format, analysis, registry: registry.registry, ignore: registry.ignore, splits: registry.splits });
  d.model = { version: d.version, analysis, actors: actors ?? '{}', format, model, answers: new Map() };
  return d.model;
}

function answer(d: Kept, req: Extract<WorkerRequest, { kind: 'model' }>): ModelAnswers[keyof ModelAnswers] {
  const { query } = req;
  const analysis = req.analysis ?? analysisOf(d, req.options);
  const format = query.what === 'summary' || query.what === 'export' ? query.format : req.options?.format ?? 'plain';
  const m = modelOf(d, analysis, query, format);
  const key = JSON.stringify(query);
  if (m.answers.has(key)) return m.answers.get(key) as ModelAnswers[keyof ModelAnswers];
  let value: ModelAnswers[keyof ModelAnswers];
  switch (query.what) {
    case 'actors':
      value = m.model.actors;
      break;
    case 'summary':
      value = withAnnotations(m.model.summary(query.summary), query.annotations ?? []);
      break;
    case 'export':
      value = exportSummary(withAnnotations(m.model.summary(query.summary), query.annotations ?? []), query.exportAs.format, { source: query.exportAs.source });
      break;
    case 'temporal':
      value = resolveTemporal(d.text, m.model.analysis, query.dates);
      break;
    case 'indexEntry':
      value = indexEntry(d.text, m.model.analysis, contentHash(d.text), m.model.actors);
      break;
    case 'threat':
      value = { ...buildThreat(d.text, m.model.analysis.entities), attackNotice: ATTACK_NOTICE };
      break;
  }
  m.answers.set(key, value);
  return value;
}

/**
 * A worker's request handler with its own kept documents (one per worker; tests make several to play two workers in
 * one process). `keptDocuments()`: uris with a kept document, least recently used first.
 */
export function createHandler(): { handle: (req: WorkerRequest) => WorkerResponse; keptDocuments: () => string[] } {
  const documents: Documents = new Map();
  return { handle: (req) => handleWith(documents, req), keptDocuments: () => [...documents.keys()] };
}

const main = createHandler();
/** The worker's work, independent of how messages arrive (worker_threads, Web Worker, or in-process). */
export const handle = main.handle;
/** Uris with a kept document of `handle`, least recently used first (for tests). */
export const keptDocuments = main.keptDocuments;

function handleWith(documents: Documents, req: WorkerRequest): WorkerResponse {
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
        d.analysis = undefined;
        d.model = undefined;
        return { id: req.id, ok: true, ms: Date.now() - t0 };
      }
      case 'index': {
        const raw = analyze(req.text, req.options);
        const analysis = req.inputs?.corrections.length ? applyCorrections(req.text, raw, req.inputs.corrections) : raw;
        const actors = req.inputs ? buildActors(req.text, analysis, { ...req.inputs.actors, actions: false }) : undefined;
        return { id: req.id, ok: true, entry: indexEntry(req.text, analysis, contentHash(req.text), actors), ms: Date.now() - t0 };
      }
      case 'analyze': {
        if (typeof req.uri !== 'string') return { id: req.id, ok: true, analysis: analyze(req.text ?? '', req.options), ms: Date.now() - t0 };
        const d = textOf(documents, req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        const value = analysisOf(d, req.options);
        const options = JSON.stringify(req.options ?? {});
        const base = req.base === undefined ? undefined : d.sent.find((s) => s.version === req.base && s.options === options);
        d.sent = [...d.sent.filter((s) => s.version !== d.version), { version: d.version, options, value }].slice(-MAX_BASES);
        if (base) return { id: req.id, ok: true, patch: diffAnalysis(base.version, base.value, value), ms: Date.now() - t0 };
        return { id: req.id, ok: true, analysis: value, ms: Date.now() - t0 };
      }
      case 'preview': {
        const d = textOf(documents, req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        return { id: req.id, ok: true, analysis: previewAnalysis(d.text, req.from, req.to, req.options), ms: Date.now() - t0 };
      }
      case 'model': {
        const d = textOf(documents, req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        return { id: req.id, ok: true, value: answer(d, req), ms: Date.now() - t0 };
      }
      case 'markup': {
        const d = textOf(documents, req.uri, req.version, req.text);
        if (!d) return resync(req.id, req.uri);
        const text = d.text.length > req.options.maxLength ? d.text.slice(0, req.options.maxLength) : d.text;
        const spans = findMarkup(text);
        const diagnostics = req.options.lint ? lintMarkup(text, { spans, rules: req.options.rules }) : [];
        return { id: req.id, ok: true, markup: { spans, diagnostics }, ms: Date.now() - t0 };
      }
    }
  } catch (err) {
    // a failed analysis may leave a document's caches half updated: start that document afresh
    if (req.kind === 'analyze' || req.kind === 'edit' || req.kind === 'model') documents.delete(req.uri);
    return { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}
