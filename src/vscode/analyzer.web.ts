import * as vscode from 'vscode';
import { InProcessAnalyzer, WorkerAnalyzer, type Analyzer } from './analyzer';

declare const Worker: { new (url: string): { postMessage(m: unknown): void; onmessage: ((e: { data: never }) => void) | null; onerror: ((e: unknown) => void) | null; terminate(): void } } | undefined;

/** Browser: analysis in a Web Worker running dist/worker.js (the same file as on desktop), or in-process where workers are unavailable. */
export function createAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
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
    log(`could not start the analysis worker (${String(err)}); analysing on the extension host thread`);
    return new InProcessAnalyzer();
  }
}
