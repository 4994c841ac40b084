import type { WorkerRequest, WorkerResponse } from './protocol';

/**
 * Whether a request waiting in the worker's queue is already out of date: it asks about one version of a document
 * (markup, an analysis, the actors) and a later message in the queue edits that document or asks the same about a
 * newer version. The host drops such answers anyway (a result is only ever applied to the version it was computed
 * for), so the worker answers `superseded` at once instead of computing it, and the keystroke behind it waits for
 * nothing. Requests someone waits on whatever the version (summaries, exports, dates, index entries) always run, and
 * so does a request that brings the text of the document.
 */
export function isSuperseded(req: WorkerRequest, later: readonly WorkerRequest[]): boolean {
  const skippable = req.kind === 'analyze' || req.kind === 'markup' || (req.kind === 'model' && req.query.what === 'actors');
  // A request that brings the document's text is handled all the same: the edits queued behind it apply to that text.
  if (!skippable || typeof req.uri !== 'string' || typeof req.text === 'string') return false;
  for (const r of later) {
    if (r.kind === 'forget' || r.kind === 'index' || r.uri !== req.uri) continue;
    if (r.version > req.version && (r.kind === 'edit' || r.kind === req.kind)) return true;
  }
  return false;
}

/**
 * The worker's message loop: requests are queued as they arrive and handled one per task, so the messages that
 * arrived while one was computed are in the queue before the next is picked, and out-of-date ones are skipped.
 */
export function createQueue(handle: (req: WorkerRequest) => WorkerResponse, post: (res: WorkerResponse) => void, defer: (fn: () => void) => void): (req: WorkerRequest) => void {
  const queue: WorkerRequest[] = [];
  let scheduled = false;
  const next = () => {
    scheduled = false;
    const req = queue.shift();
    if (!req) return;
    if (isSuperseded(req, queue)) post({ id: req.id, ok: false, superseded: true, error: `version ${'version' in req ? req.version : '?'} of ${'uri' in req ? req.uri : '?'} was edited before this request was reached` });
    else post(handle(req));
    if (queue.length && !scheduled) {
      scheduled = true;
      defer(next);
    }
  };
  return (req) => {
    queue.push(req);
    if (!scheduled) {
      scheduled = true;
      defer(next);
    }
  };
}
