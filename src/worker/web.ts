// The analysis worker in the browser (a Web Worker), loaded by dist/worker.js (src/worker/universal.ts)
import { handle } from './handler';
import type { WorkerRequest } from './protocol';
import { createQueue } from './queue';

declare const self: { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: unknown): void };
declare function setTimeout(fn: () => void, ms: number): unknown;
const enqueue = createQueue(handle, (res) => self.postMessage(res), (fn) => setTimeout(fn, 0));
self.onmessage = (e) => enqueue(e.data);
