import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { InProcessAnalyzer, WorkerAnalyzer, type Analyzer } from './analyzer';

/** Desktop: analysis in a worker_threads Worker running dist/worker.js. */
export function createAnalyzer(context: vscode.ExtensionContext, log: (m: string) => void): Analyzer {
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
    );
  } catch (err) {
    log(`could not start the analysis worker (${String(err)}); analysing on the main thread`);
    return new InProcessAnalyzer();
  }
}
