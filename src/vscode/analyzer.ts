import { analyze, contentHash, findMarkup, indexEntry, lintMarkup, type Analysis, type AnalyzeOptions, type IndexEntry, type MarkupDiagnostic, type MarkupSpan, type TextChange } from '../core';
import type { MarkupOptions, WorkerRequest, WorkerResponse } from '../worker/protocol';

export type { MarkupOptions };

/** Where analysis runs: a worker (so typing is never delayed) or, as a fallback, this thread. */
export interface Analyzer {
  readonly kind: 'worker' | 'in-process';
  analyze(uri: string, version: number, text: string, options?: AnalyzeOptions): Promise<Analysis>;
  /** The workspace-index entry of a report (its actors and mentions). */
  index(uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry>;
  /** Analyst markup spans and lint diagnostics of a document version. */
  markup(uri: string, version: number, text: string, options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }>;
  /** A document changed from version - 1 to version: the worker applies the edit to its copy (no text is sent). */
  edit(uri: string, version: number, changes: TextChange[]): void;
  /** Requests sent and not yet answered. */
  readonly pendingCount: number;
  forget(uri: string): void;
  dispose(): void;
}

function markupOf(text: string, options: MarkupOptions): { spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] } {
  const t = text.length > options.maxLength ? text.slice(0, options.maxLength) : text;
  const spans = findMarkup(t);
  return { spans, diagnostics: options.lint ? lintMarkup(t, { spans, rules: options.rules }) : [] };
}

/** Runs `fn` after the current event (so the triggering edit finishes first); its result or error settles the promise. */
function later<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (err) {
        reject(err);
      }
    }, 0),
  );
}

/** Runs analysis on the extension host thread, yielding first so the triggering event finishes. */
export class InProcessAnalyzer implements Analyzer {
  readonly kind = 'in-process' as const;
  readonly pendingCount = 0;
  index(_uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry> {
    return this.analyze('', 0, text, options).then((a) => indexEntry(text, a, contentHash(text)));
  }
  analyze(_uri: string, _version: number, text: string, options?: AnalyzeOptions): Promise<Analysis> {
    return later(() => analyze(text, options));
  }
  markup(_uri: string, _version: number, text: string, options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }> {
    return later(() => markupOf(text, options));
  }
  edit(): void {}
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
  private readonly pending = new Map<number, { resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error & { resync?: boolean }) => void }>();
  /** uri -> the version of the document the worker holds (after the edits sent). */
  private readonly synced = new Map<string, number>();
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
      else p.reject(Object.assign(new Error(res.error), { resync: res.resync }));
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

  /**
   * A request about one version of a document: without its text when the worker holds that version (it followed
   * the edits), with it otherwise, and once more with it if the worker turns out not to have it.
   */
  private async versioned<T>(uri: string, version: number, text: string, send: (text?: string) => Promise<WorkerResponse & { ok: true }>, pick: (r: WorkerResponse & { ok: true }) => T): Promise<T> {
    const has = this.synced.get(uri) === version;
    this.synced.set(uri, version);
    try {
      return pick(await send(has ? undefined : text));
    } catch (err) {
      if (!(err as { resync?: boolean }).resync) throw err;
      this.synced.set(uri, version);
      return pick(await send(text));
    }
  }

  analyze(uri: string, version: number, text: string, options?: AnalyzeOptions): Promise<Analysis> {
    if (this.dead) return this.fallback.analyze(uri, version, text, options);
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'analyze', uri, version, text: t, options }), (r) => r.analysis!);
  }

  markup(uri: string, version: number, text: string, options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }> {
    if (this.dead) return this.fallback.markup(uri, version, text, options);
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'markup', uri, version, text: t, options }), (r) => r.markup!);
  }

  edit(uri: string, version: number, changes: TextChange[]): void {
    if (this.dead) return;
    if (this.synced.get(uri) !== version - 1) {
      this.synced.delete(uri);
      return;
    }
    this.synced.set(uri, version);
    // Fire and forget: a failed edit answers resync, and the next request for this version sends the text.
    this.request({ kind: 'edit', uri, version, changes }).catch(() => this.synced.delete(uri));
  }

  index(uri: string, text: string, options?: AnalyzeOptions): Promise<IndexEntry> {
    if (this.dead) return this.fallback.index(uri, text, options);
    return this.request({ kind: 'index', uri, text, options }).then((r) => r.entry!);
  }

  forget(uri: string): void {
    this.synced.delete(uri);
    if (!this.dead) this.port.post({ id: this.nextId++, kind: 'forget', uri });
  }

  dispose(): void {
    for (const p of this.pending.values()) p.reject(new Error('disposed'));
    this.pending.clear();
    this.port.terminate();
  }
}
