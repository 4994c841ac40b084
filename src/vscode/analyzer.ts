import { analyze, contentHash, indexEntry, type Analysis, type AnalyzeOptions, type IndexEntry } from '../core';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol';

/** Where analysis runs: a worker (so typing is never delayed) or, as a fallback, this thread. */
export interface Analyzer {
  readonly kind: 'worker' | 'in-process';
  analyze(uri: string, version: number, text: string, options?: AnalyzeOptions): Promise<Analysis>;
  /** The workspace-index entry of a report (its actors and mentions). */
  index(uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry>;
  /** Requests sent and not yet answered. */
  readonly pendingCount: number;
  forget(uri: string): void;
  dispose(): void;
}

/** Runs analysis on the extension host thread, yielding first so the triggering event finishes. */
export class InProcessAnalyzer implements Analyzer {
  readonly kind = 'in-process' as const;
  readonly pendingCount = 0;
  index(_uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry> {
    return this.analyze('', 0, text, options).then((a) => indexEntry(text, a, contentHash(text)));
  }
  analyze(_uri: string, _version: number, text: string, options?: AnalyzeOptions): Promise<Analysis> {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(analyze(text, options));
        } catch (err) {
          reject(err);
        }
      }, 0),
    );
  }
  forget(): void {}
  dispose(): void {}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The part of a worker the client needs: Node's worker_threads Worker and the browser's Worker both fit. */
export interface WorkerPort {
  post(msg: WorkerRequest): void;
  onMessage(cb: (msg: WorkerResponse) => void): void;
  onError(cb: (err: unknown) => void): void;
  terminate(): void;
}

/** Sends work to a worker and matches answers to requests. If the worker dies, pending work fails and later work runs in-process. */
export class WorkerAnalyzer implements Analyzer {
  readonly kind = 'worker' as const;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error) => void }>();
  private dead: Error | undefined;
  private readonly fallback = new InProcessAnalyzer();

  constructor(
    private readonly port: WorkerPort,
    private readonly log: (msg: string) => void,
  ) {
    port.onMessage((res) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res);
      else p.reject(new Error(res.error));
    });
    port.onError((err) => {
      this.dead = err instanceof Error ? err : new Error(String(err));
      this.log(`analysis worker stopped: ${this.dead.message}; analysing on the main thread from now on`);
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private request(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerResponse & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.post({ ...req, id } as WorkerRequest);
    });
  }

  analyze(uri: string, version: number, text: string, options?: AnalyzeOptions): Promise<Analysis> {
    if (this.dead) return this.fallback.analyze(uri, version, text, options);
    return this.request({ kind: 'analyze', uri, version, text, options }).then((r) => r.analysis!);
  }

  index(uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry> {
    if (this.dead) return this.fallback.index(uri, text, options);
    return this.request({ kind: 'index', uri, text, options }).then((r) => r.entry!);
  }

  forget(uri: string): void {
    if (!this.dead) this.port.post({ id: this.nextId++, kind: 'forget', uri });
  }

  dispose(): void {
    for (const p of this.pending.values()) p.reject(new Error('disposed'));
    this.pending.clear();
    this.port.terminate();
  }
}
