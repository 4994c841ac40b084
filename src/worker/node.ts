// The analysis worker on desktop (Node worker_threads), loaded by dist/worker.js (src/worker/universal.ts).
// Loaded on a thread that is not a worker (the extension host's fallback when no worker can start, see
// src/vscode/analyzer.node.ts), it leaves its handler where the host finds it instead of listening.
import { parentPort } from 'node:worker_threads';
import { handle } from './handler';
import type { WorkerRequest } from './protocol';

if (parentPort) parentPort.on('message', (req: WorkerRequest) => parentPort?.postMessage(handle(req)));
else (globalThis as Record<symbol, unknown>)[Symbol.for('analystLens.workerHandle')] = handle;
