import { applyAnalysisPatch, type Analysis, type AnalyzeOptions, type IndexEntry, type MarkupDiagnostic, type MarkupSpan, type TextChange } from '../core';
import type { IndexInputs, MarkupOptions, ModelAnswers, ModelQuery, WorkerRequest, WorkerResponse } from '../worker/protocol';

export type { IndexInputs, MarkupOptions, ModelQuery, ModelAnswers };

/**
 * Where analysis runs: a worker (so typing is never delayed) or, as a fallback, this thread. Either way the host
 * only sends texts, edits and questions, and receives plain JSON: the analysis core (the models, compromise, the
 * summary) lives in dist/worker.js, never in the extension-host bundle.
 */
export interface Analyzer {
  readonly kind: 'worker' | 'in-process';
  /**
   * The analysis of a version. With `base` (an analysis of an earlier version of the document, made with the same
   * options, that this analyzer gave), only what changed since crosses the thread boundary.
   */
  analyze(uri: string, version: number, text: string | (() => string), options?: AnalyzeOptions, base?: { version: number; analysis: Analysis }): Promise<Analysis>;
  /**
   * Visible lines first: the analysis of the paragraphs holding [from, to) of a version, for a long report whose whole
   * analysis is still to come (offsets into the whole text; `preview` says which stretch).
   */
  preview(uri: string, version: number, text: string | (() => string), from: number, to: number, options?: AnalyzeOptions): Promise<Analysis>;
  /** The workspace-index entry of a report (its actors and mentions), with the workspace's corrections and registry. */
  index(uri: string, text: string, options?: AnalyzeOptions, inputs?: IndexInputs): Promise<IndexEntry>;
  /** Analyst markup spans and lint diagnostics of a document version. */
  markup(uri: string, version: number, text: string | (() => string), options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }>;
  /**
   * A layer of the document model of one version (actors, summary, resolved dates, index entry, threat picture).
   * `analysis` is the host's analysis of that version when it differs from the worker's (corrections, annotations);
   * `text` is read only if the worker does not hold that version.
   */
  model<Q extends ModelQuery>(uri: string, version: number, text: () => string, options: AnalyzeOptions | undefined, analysis: Analysis | undefined, query: Q): Promise<ModelAnswers[Q['what']]>;
  /** A document changed from version - 1 to version: the worker applies the edit to its copy (no text is sent). */
  edit(uri: string, version: number, changes: TextChange[]): void;
  /** Requests sent and not yet answered. */
  readonly pendingCount: number;
  /**
   * What the worker did since the analyzer started, per request kind ('model' per query): requests answered, the
   * worker's own milliseconds (total and longest) and the round trips seen by this thread (for tests and the log).
   */
  stats(): WorkerStats;
  /** The worker's milliseconds and the round trip of the last 'analyze' answered for a document (the typing test prints them). */
  lastAnalyze(uri: string): AnalyzeTiming | undefined;
  forget(uri: string): void;
  dispose(): void;
}

export interface AnalyzeTiming {
  version: number;
  workerMs: number;
  roundTripMs: number;
}

/** Per request kind: answers, the worker's milliseconds (sum, longest), round-trip milliseconds seen here (sum, longest). */
export type WorkerStats = Record<string, { count: number; ms: number; maxMs: number; roundTripMs: number; maxRoundTripMs: number }>;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The part of a worker the client needs: Node's worker_threads Worker and the browser's Worker both fit. */
export interface WorkerPort {
  post(msg: WorkerRequest): void;
  onMessage(cb: (msg: WorkerResponse) => void): void;
  onError(cb: (err: unknown) => void): void;
  terminate(): void;
}

/** The worker's request handler (src/worker/handler.ts), when it runs on this thread. */
export type WorkerHandle = (req: WorkerRequest) => WorkerResponse;

/**
 * A port that answers on this thread with the worker's own handler, after the current event (so the triggering edit
 * finishes first). Without a handler every request fails with `unavailable` (a clear message, never a crash).
 */
export function inProcessPort(handle: WorkerHandle | undefined, unavailable = 'no analysis worker could start'): WorkerPort {
  let listener: ((msg: WorkerResponse) => void) | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    post(msg) {
      const t = setTimeout(() => {
        timers.delete(t);
        const res: WorkerResponse = handle ? handle(msg) : { id: msg.id, ok: false, error: `Analyst Lens cannot analyse here: ${unavailable}` };
        listener?.(res);
      }, 0);
      timers.add(t);
    },
    onMessage: (cb) => (listener = cb),
    onError: () => undefined,
    terminate: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/**
 * Sends work to a worker and matches answers to requests. If the worker dies, pending work fails and later work goes
 * to the fallback (the worker's handler on this thread, where the platform can load it).
 */
export class WorkerAnalyzer implements Analyzer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error & { resync?: boolean; superseded?: boolean }) => void; kind: string; sentAt: number }>();
  private readonly counters: WorkerStats = {};
  private readonly timings = new Map<string, AnalyzeTiming>();
  /** uri -> the version of the document the worker holds (after the edits sent). */
  private readonly synced = new Map<string, number>();
  private dead: Error | undefined;
  private fallbackValue: Analyzer | undefined;

  constructor(
    private readonly port: WorkerPort,
    private readonly log: (msg: string) => void,
    readonly kind: 'worker' | 'in-process' = 'worker',
    private readonly fallbackFactory: () => Analyzer = () => new WorkerAnalyzer(inProcessPort(undefined, 'the analysis worker stopped'), log, 'in-process'),
  ) {
    port.onMessage((res) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      const c = (this.counters[p.kind] ??= { count: 0, ms: 0, maxMs: 0, roundTripMs: 0, maxRoundTripMs: 0 });
      const ms = res.ok ? res.ms : 0;
      const rt = now() - p.sentAt;
      c.count++;
      c.ms += ms;
      c.maxMs = Math.max(c.maxMs, ms);
      c.roundTripMs += rt;
      c.maxRoundTripMs = Math.max(c.maxRoundTripMs, rt);
      if (res.ok) p.resolve(res);
      else p.reject(Object.assign(new Error(res.error), { resync: res.resync, superseded: res.superseded }));
    });
    port.onError((err) => {
      this.dead = err instanceof Error ? err : new Error(String(err));
      this.log(`analysis worker stopped: ${this.dead.message}; analysing on the main thread from now on`);
      for (const p of this.pending.values()) p.reject(this.dead);
      this.pending.clear();
    });
  }

  private get fallback(): Analyzer {
    return (this.fallbackValue ??= this.fallbackFactory());
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  lastAnalyze(uri: string): AnalyzeTiming | undefined {
    return this.dead ? this.fallbackValue?.lastAnalyze(uri) : this.timings.get(uri);
  }

  stats(): WorkerStats {
    const own = JSON.parse(JSON.stringify(this.counters)) as WorkerStats;
    if (this.fallbackValue) for (const [k, v] of Object.entries(this.fallbackValue.stats())) own[`${k} (fallback)`] = v;
    return own;
  }

  private request(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerResponse & { ok: true }> {
    const id = this.nextId++;
    const kind = req.kind === 'model' ? `model ${req.query.what}` : req.kind;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, kind, sentAt: now() });
      this.port.post({ ...req, id } as WorkerRequest);
    });
  }

  /**
   * A request about one version of a document: without its text when the worker holds that version (it followed
   * the edits), with it otherwise, and once more with it if the worker turns out not to have it.
   */
  private async versioned<T>(uri: string, version: number, text: string | (() => string), send: (text?: string) => Promise<WorkerResponse & { ok: true }>, pick: (r: WorkerResponse & { ok: true }) => T): Promise<T> {
    const read = () => (typeof text === 'string' ? text : text());
    const has = this.synced.get(uri) === version;
    this.synced.set(uri, version);
    try {
      return pick(await send(has ? undefined : read()));
    } catch (err) {
      if (!(err as { resync?: boolean }).resync) throw err;
      this.synced.set(uri, version);
      return pick(await send(read()));
    }
  }

  analyze(uri: string, version: number, text: string | (() => string), options?: AnalyzeOptions, base?: { version: number; analysis: Analysis }): Promise<Analysis> {
    if (this.dead) return this.fallback.analyze(uri, version, text, options);
    const sentAt = now();
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'analyze', uri, version, text: t, options, base: base?.version }), (r) => {
      this.timings.set(uri, { version, workerMs: r.ms, roundTripMs: now() - sentAt });
      if (!r.patch) return r.analysis!;
      if (!base || r.patch.base !== base.version) throw new Error(`the worker patched version ${r.patch.base} of ${uri}, not the one held`);
      return applyAnalysisPatch(base.analysis, r.patch);
    });
  }

  preview(uri: string, version: number, text: string | (() => string), from: number, to: number, options?: AnalyzeOptions): Promise<Analysis> {
    if (this.dead) return this.fallback.preview(uri, version, text, from, to, options);
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'preview', uri, version, text: t, options, from, to }), (r) => r.analysis!);
  }

  markup(uri: string, version: number, text: string | (() => string), options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }> {
    if (this.dead) return this.fallback.markup(uri, version, text, options);
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'markup', uri, version, text: t, options }), (r) => r.markup!);
  }

  model<Q extends ModelQuery>(uri: string, version: number, text: () => string, options: AnalyzeOptions | undefined, analysis: Analysis | undefined, query: Q): Promise<ModelAnswers[Q['what']]> {
    if (this.dead) return this.fallback.model(uri, version, text, options, analysis, query);
    return this.versioned(uri, version, text, (t) => this.request({ kind: 'model', uri, version, text: t, options, analysis, query }), (r) => r.value as ModelAnswers[Q['what']]);
  }

  edit(uri: string, version: number, changes: TextChange[]): void {
    if (this.dead) return this.fallback.edit(uri, version, changes);
    if (this.synced.get(uri) !== version - 1) {
      this.synced.delete(uri);
      return;
    }
    this.synced.set(uri, version);
    // Fire and forget: a failed edit answers resync, and the next request for this version sends the text.
    this.request({ kind: 'edit', uri, version, changes }).catch(() => this.synced.delete(uri));
  }

  index(uri: string, text: string, options?: AnalyzeOptions, inputs?: IndexInputs): Promise<IndexEntry> {
    if (this.dead) return this.fallback.index(uri, text, options, inputs);
    return this.request({ kind: 'index', uri, text, options, inputs }).then((r) => r.entry!);
  }

  forget(uri: string): void {
    this.synced.delete(uri);
    this.timings.delete(uri);
    if (this.dead) return this.fallbackValue?.forget(uri);
    this.port.post({ id: this.nextId++, kind: 'forget', uri });
  }

  dispose(): void {
    for (const p of this.pending.values()) p.reject(new Error('disposed'));
    this.pending.clear();
    this.port.terminate();
    this.fallbackValue?.dispose();
  }
}

/** Whether a request failed only because the worker skipped it: a newer version of the document was on its way. */
export function isSuperseded(err: unknown): boolean {
  return !!(err && typeof err === 'object' && (err as { superseded?: boolean }).superseded);
}

/**
 * Two workers, so that the highlights of a keystroke never wait behind a slower layer: the first (started at once)
 * follows the edits and analyses (and indexes workspace reports); the second (started on first use) follows the
 * edits too and answers markup and the document model (actors, summary, exports, dates), given the analysis the host
 * holds, so it never runs the tagger itself. Building the actors of a long report takes seconds; in one worker, a
 * keystroke made meanwhile waited for them.
 */
export class LanesAnalyzer implements Analyzer {
  readonly kind = 'worker' as const;
  private slowValue: Analyzer | undefined;
  /** Per document: the last analysis the first worker gave (the second worker builds models on it). */
  private readonly latest = new Map<string, { version: number; options: string; analysis: Analysis }>();

  constructor(
    private readonly fast: Analyzer,
    private readonly slowFactory: () => Analyzer,
  ) {}

  private get slow(): Analyzer {
    return (this.slowValue ??= this.slowFactory());
  }

  get pendingCount(): number {
    return this.fast.pendingCount + (this.slowValue?.pendingCount ?? 0);
  }

  async analyze(uri: string, version: number, text: string | (() => string), options?: AnalyzeOptions, base?: { version: number; analysis: Analysis }): Promise<Analysis> {
    const analysis = await this.fast.analyze(uri, version, text, options, base);
    const held = this.latest.get(uri);
    if (!held || held.version <= version) this.latest.set(uri, { version, options: JSON.stringify(options ?? {}), analysis });
    return analysis;
  }

  index(uri: string, text: string, options?: AnalyzeOptions, inputs?: IndexInputs): Promise<IndexEntry> {
    return this.fast.index(uri, text, options, inputs);
  }

  /**
   * On the first worker when it is idle (the whole analysis is asked next and waits for it); on the second when the
   * first is busy (the whole analysis is under way: the lines on screen come from the other core meanwhile).
   */
  preview(uri: string, version: number, text: string | (() => string), from: number, to: number, options?: AnalyzeOptions): Promise<Analysis> {
    return (this.fast.pendingCount ? this.slow : this.fast).preview(uri, version, text, from, to, options);
  }

  markup(uri: string, version: number, text: string | (() => string), options: MarkupOptions): Promise<{ spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }> {
    return this.slow.markup(uri, version, text, options);
  }

  async model<Q extends ModelQuery>(uri: string, version: number, text: () => string, options: AnalyzeOptions | undefined, analysis: Analysis | undefined, query: Q): Promise<ModelAnswers[Q['what']]> {
    let given = analysis;
    if (!given) {
      const held = this.latest.get(uri);
      given = held && held.version === version && held.options === JSON.stringify(options ?? {}) ? held.analysis : await this.analyze(uri, version, text, options);
    }
    return this.slow.model(uri, version, text, options, given, query);
  }

  edit(uri: string, version: number, changes: TextChange[]): void {
    this.fast.edit(uri, version, changes);
    this.slowValue?.edit(uri, version, changes);
  }

  lastAnalyze(uri: string): AnalyzeTiming | undefined {
    return this.fast.lastAnalyze(uri);
  }

  stats(): WorkerStats {
    const out = this.fast.stats();
    for (const [k, v] of Object.entries(this.slowValue?.stats() ?? {})) out[`${k} (second worker)`] = v;
    return out;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.fast.forget(uri);
    this.slowValue?.forget(uri);
  }

  dispose(): void {
    this.latest.clear();
    this.fast.dispose();
    this.slowValue?.dispose();
  }
}
