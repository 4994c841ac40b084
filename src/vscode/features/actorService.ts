import * as vscode from 'vscode';
import type { Actor, Mention } from '../../core';
import type { AnalysisService } from '../analysisService';
import { isSuperseded } from '../analyzer';
import type { ActorRegistry } from './actorRegistry';

/** The actors of one version of one document, with a lookup from offset to mention. */
export interface DocumentActors {
  uri: string;
  version: number;
  actors: Actor[];
  byId: Map<string, Actor>;
  /** Every mention with its actor, sorted by start (nested nominals after the name they hold). */
  mentions: { mention: Mention; actor: Actor }[];
}

/** How long a report must go unchanged before requests the editor makes by itself (occurrence highlights, the
 * Outline) build its actors: building a long report's actors occupies the analysis worker, ahead of the next
 * keystroke's highlights. */
export const ACTORS_SETTLE_MS = 400;

/**
 * Actors per document version, computed lazily from the AnalysisService's cached analysis (the first hover,
 * outline or tree request pays for it; typing never does) and dropped when the registry or the ignore list
 * changes. `onDidChange` fires when a document's actors were (re)computed.
 */
export class ActorService implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentActors & { generation: number }>();
  private readonly inflight = new Map<string, { version: number; generation: number; promise: Promise<DocumentActors | undefined> }>();
  private readonly emitter = new vscode.EventEmitter<DocumentActors>();
  /** uri -> Date.now() of its last edit. */
  private readonly editedAt = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.emitter.event;

  constructor(
    readonly analysis: AnalysisService,
    readonly registry: ActorRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.emitter,
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.editedAt.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.editedAt.set(e.document.uri.toString(), Date.now());
      }),
      // A new analysis of the same version (e.g. the analyst annotated an entity): the actors are computed again.
      analysis.onDidAnalyze((r) => {
        if (this.cache.get(r.uri)?.version === r.version) this.cache.delete(r.uri);
      }),
      registry.onDidChange(() => {
        this.cache.clear();
        // Views that show actors recompute for what is on screen.
        for (const e of vscode.window.visibleTextEditors) if (analysis.isEligible(e.document)) void this.get(e.document);
      }),
    );
  }

  /**
   * The actors of the document's current version: undefined for documents Analyst Lens does not analyse, and when
   * the document changed while they were computed (offsets of another version would point at the wrong words).
   */
  async get(doc: vscode.TextDocument): Promise<DocumentActors | undefined> {
    if (!this.analysis.isEligible(doc)) return undefined;
    // The registry as it is on disk now (a file watcher alone can miss or delay a change).
    await this.registry.fresh();
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version && cached.generation === this.registry.generation) return cached;
    // Hover, highlights and the view often ask at once: one computation per version and registry state.
    const running = this.inflight.get(key);
    if (running && running.version === doc.version && running.generation === this.registry.generation) return running.promise;
    const promise = this.compute(doc, key);
    this.inflight.set(key, { version: doc.version, generation: this.registry.generation, promise });
    void promise.finally(() => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
    });
    return promise;
  }

  private async compute(doc: vscode.TextDocument, key: string): Promise<DocumentActors | undefined> {
    await this.registry.ready();
    const r = await this.analysis.get(doc);
    if (doc.isClosed || r.version !== doc.version) return undefined;
    const generation = this.registry.generation;
    const t0 = Date.now();
    let actors: Actor[] = [];
    try {
      // Built by the worker's document model of this version (the host bundle has no actor builder).
      actors = await this.analysis.model(doc, r, {
        what: 'actors',
        actors: { registry: this.registry.entries(), ignore: this.registry.ignored(), splits: this.registry.splits() },
      });
    } catch (err) {
      // Skipped by the worker: the report was edited before it got there (these actors would be of an old version).
      if (isSuperseded(err)) return undefined;
      this.log.error(`actors failed for ${key}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    if (doc.isClosed || r.version !== doc.version) return undefined;
    this.log.debug(`actors of ${doc.uri.fsPath || key} v${r.version}: ${actors.length} in ${Date.now() - t0} ms`);
    const mentions = actors
      .flatMap((actor) => actor.mentions.map((mention) => ({ mention, actor })))
      .sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
    const result = { uri: key, version: r.version, generation, actors, byId: new Map(actors.map((a) => [a.id, a])), mentions };
    this.cache.set(key, result);
    this.emitter.fire(result);
    return result;
  }

  /**
   * For what the editor asks by itself after every cursor move or edit (occurrence highlights, the Outline): true at
   * once when the actors of this version are known or the report has not been edited for ACTORS_SETTLE_MS, else
   * once typing pauses that long; false when the request was cancelled meanwhile (typing went on) or it closed.
   */
  async settled(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<boolean> {
    const key = doc.uri.toString();
    for (;;) {
      if (doc.isClosed || token?.isCancellationRequested) return false;
      if (this.cache.get(key)?.version === doc.version) return true;
      const wait = (this.editedAt.get(key) ?? 0) + ACTORS_SETTLE_MS - Date.now();
      if (wait <= 0) return true;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Latest actors known for a document, possibly of an older version. */
  peek(doc: vscode.TextDocument): DocumentActors | undefined {
    return this.cache.get(doc.uri.toString());
  }

  /** The mention (and its actor) at an offset: the innermost one ("Israel" inside "the Israel leader"). */
  async at(doc: vscode.TextDocument, position: vscode.Position): Promise<{ mention: Mention; actor: Actor; all: DocumentActors } | undefined> {
    const all = await this.get(doc);
    if (!all) return undefined;
    const offset = doc.offsetAt(position);
    // Inside a mention beats just after one (the cursor right after a name still means the name); then the shortest.
    const score = (m: Mention) => (offset < m.end ? 0 : 1e9) + (m.end - m.start);
    let best: { mention: Mention; actor: Actor } | undefined;
    for (const m of all.mentions) {
      if (m.mention.start > offset) break;
      if (offset > m.mention.end) continue;
      if (!best || score(m.mention) < score(best.mention)) best = m;
    }
    return best && { ...best, all };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
