import { analyze, contentHash, indexEntry } from '../core';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The worker's work, independent of how messages arrive (worker_threads or Web Worker). */
export function handle(req: WorkerRequest): WorkerResponse {
  const t0 = Date.now();
  try {
    switch (req.kind) {
      case 'forget':
        return { id: req.id, ok: true, ms: 0 };
      case 'index': {
        const analysis = analyze(req.text, req.options);
        return { id: req.id, ok: true, entry: indexEntry(req.text, analysis, contentHash(req.text)), ms: Date.now() - t0 };
      }
      case 'analyze':
        return { id: req.id, ok: true, analysis: analyze(req.text, req.options), ms: Date.now() - t0 };
    }
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}
