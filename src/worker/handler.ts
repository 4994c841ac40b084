import { analyze, contentHash, createIncrementalAnalyzer, indexEntry, type IncrementalAnalyzer } from '../core';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Open documents whose incremental analyzer is kept (least recently used dropped first). */
export const MAX_DOCUMENTS = 20;
const analyzers = new Map<string, IncrementalAnalyzer>();

/** The incremental analyzer of a document (created on first use; a Map keeps insertion order = recency). */
function analyzerFor(uri: string): IncrementalAnalyzer {
  let a = analyzers.get(uri);
  if (a) analyzers.delete(uri);
  else a = createIncrementalAnalyzer();
  analyzers.set(uri, a);
  while (analyzers.size > MAX_DOCUMENTS) analyzers.delete(analyzers.keys().next().value as string);
  return a;
}

/** Uris with a kept analyzer, least recently used first (for tests). */
export function keptDocuments(): string[] {
  return [...analyzers.keys()];
}

/** The worker's work, independent of how messages arrive (worker_threads or Web Worker). */
export function handle(req: WorkerRequest): WorkerResponse {
  const t0 = Date.now();
  try {
    switch (req.kind) {
      case 'forget':
        analyzers.delete(req.uri);
        return { id: req.id, ok: true, ms: 0 };
      case 'index': {
        const analysis = analyze(req.text, req.options);
        return { id: req.id, ok: true, entry: indexEntry(req.text, analysis, contentHash(req.text)), ms: Date.now() - t0 };
      }
      case 'analyze': {
        const analysis = typeof req.uri === 'string' ? analyzerFor(req.uri).analyze(req.text, req.options) : analyze(req.text, req.options);
        return { id: req.id, ok: true, analysis, ms: Date.now() - t0 };
      }
    }
  } catch (err) {
    // a failed analysis may leave a document's caches half updated: start that document afresh
    if (req.kind === 'analyze') analyzers.delete(req.uri);
    return { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}
