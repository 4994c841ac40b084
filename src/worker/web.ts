// The analysis worker in the browser (a Web Worker), loaded by dist/worker.js (src/worker/universal.ts)
import { handle } from './handler';
import type { WorkerRequest } from './protocol';

declare const self: { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: unknown): void };
self.onmessage = (e) => self.postMessage(handle(e.data));
