// The analysis worker on desktop (Node worker_threads), loaded by dist/worker.js (src/worker/universal.ts).
// Loaded on a thread that is not a worker (the extension host's fallback when no worker can start, see
// src/vscode/analyzer.node.ts), it leaves its handler where the host finds it instead of listening.
import { parentPort } from 'node:worker_threads';
import { handle } from './handler';
import type { WorkerRequest } from './protocol';
import { createQueue } from './queue';

if (parentPort) {
  const port = parentPort;
  // setImmediate runs after the messages that arrived meanwhile were delivered: the queue sees them all.
  const enqueue = createQueue(handle, (res) => port.postMessage(res), (fn) => setImmediate(fn));
  port.on('message', (req: WorkerRequest) => enqueue(req));
} else (globalThis as Record<symbol, unknown>)[Symbol.for('analystLens.workerHandle')] = handle;
