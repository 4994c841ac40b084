// The analysis worker on desktop (Node worker_threads), loaded by dist/worker.js (src/worker/universal.ts)
import { parentPort } from 'node:worker_threads';
import { handle } from './handler';
import type { WorkerRequest } from './protocol';

parentPort?.on('message', (req: WorkerRequest) => parentPort?.postMessage(handle(req)));
