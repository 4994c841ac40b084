import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { inProcessPort, LanesAnalyzer, WorkerAnalyzer, type Analyzer, type WorkerHandle } from './analyzer';

/** Where dist/worker.js leaves its handler when it is loaded on a thread that is not a worker (src/worker/node.ts). */
const HANDLE = Symbol.for('analystLens.workerHandle');

/**
 * The fallback: dist/worker.js loaded on the extension host thread (its handler answers requests after the current
 * event). The host bundle itself never carries the analysis core; this loads it only when no worker can run.
 */
function inProcess(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
  let handle: WorkerHandle | undefined;
  let why = 'dist/worker.js could not be loaded';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(context.extensionPath, 'dist', 'worker.js'));
    handle = (globalThis as Record<symbol, WorkerHandle | undefined>)[HANDLE];
  } catch (err) {
    why = `dist/worker.js could not be loaded (${String(err)})`;
  }
  if (!handle) log(`${why}: Analyst Lens cannot analyse in this window`);
  return new WorkerAnalyzer(inProcessPort(handle, why), log, 'in-process');
}

/**
 * Desktop: analysis in a worker_threads Worker running dist/worker.js; markup and the document model in a second one,
 * started when first asked (LanesAnalyzer). Without workers, everything runs on this thread.
 */
export function createAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
  const first = workerAnalyzer(context, log);
  return first.kind === 'worker' ? new LanesAnalyzer(first, () => workerAnalyzer(context, log)) : first;
}

/** One worker_threads Worker running dist/worker.js (or this thread when none can start). */
function workerAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
  try {
    const worker = new Worker(path.join(context.extensionPath, 'dist', 'worker.js'));
    worker.unref();
    return new WorkerAnalyzer(
      {
        post: (m) => worker.postMessage(m),
        onMessage: (cb) => worker.on('message', cb),
        onError: (cb) => {
          worker.on('error', cb);
          worker.on('exit', (code) => code !== 0 && cb(new Error(`worker exited with code ${code}`)));
        },
        terminate: () => void worker.terminate(),
      },
      log,
      'worker',
      () => inProcess(context, log),
    );
  } catch (err) {
    log(`could not start the analysis worker (${String(err)}); analysing on the main thread`);
    return inProcess(context, log);
  }
}
