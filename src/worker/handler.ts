import { analyze } from '../core';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The worker's work, independent of how messages arrive (worker_threads or Web Worker). */
export function handle(req: WorkerRequest): WorkerResponse {
  const t0 = Date.now();
  try {
    if (req.kind === 'forget') return { id: req.id, ok: true, ms: 0 };
    const analysis = analyze(req.text, req.options);
    return { id: req.id, ok: true, analysis, ms: Date.now() - t0 };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}
