import * as vscode from 'vscode';
import { inProcessPort, LanesAnalyzer, WorkerAnalyzer, type Analyzer } from './analyzer';

declare const Worker: { new (url: string): { postMessage(m: unknown): void; onmessage: ((e: { data: never }) => void) | null; onerror: ((e: unknown) => void) | null; terminate(): void } } | undefined;

/**
 * Browser: analysis in a Web Worker running dist/worker.js (the same file as on desktop), markup and the document
 * model in a second one started when first asked (LanesAnalyzer). A browser host without workers gets an analyzer
 * that says so on every request (the web bundle does not carry the analysis core).
 */
export function createAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
  const first = workerAnalyzer(context, log);
  return first.kind === 'worker' ? new LanesAnalyzer(first, () => workerAnalyzer(context, log)) : first;
}

function workerAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker in this host');
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').toString(true));
    return new WorkerAnalyzer(
      {
        post: (m) => worker.postMessage(m),
        onMessage: (cb) => (worker.onmessage = (e) => cb(e.data)),
        onError: (cb) => (worker.onerror = cb),
        terminate: () => worker.terminate(),
      },
      log,
    );
  } catch (err) {
    log(`could not start the analysis worker (${String(err)}); this browser host cannot analyse reports`);
    return new WorkerAnalyzer(inProcessPort(undefined, `no Web Worker in this browser host (${String(err)})`), log, 'in-process');
  }
}
