// Entry of the analysis worker on every platform: dist/worker.js. The same file runs as a Node worker_threads
// Worker (desktop) and as a Web Worker (browser), so the .vsix ships the model once instead of once per platform.
// Each branch is loaded only where it runs (esbuild turns these require calls into lazy module initialisers).
declare const WorkerGlobalScope: unknown;

if (typeof WorkerGlobalScope !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web');
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./node');
}
