import * as vscode from 'vscode';
import { contentHash, type IndexEntry, type IndexedActor } from '../../core';
import type { Analyzer, IndexInputs } from '../analyzer';
import { COMMANDS } from '../commandIds';

const CACHE_FILE = 'workspace-index-v1.json';

export interface IndexSettings {
  enabled: boolean;
  include: string;
  exclude: string;
  workers: number;
  maxFileSize: number;
}

interface CachedFile {
  mtime: number;
  size: number;
  entry: IndexEntry;
  /** The corrections and registry the entry was made with (a hash): another registry means another entry. */
  inputs?: string;
}

/** An actor across the workspace: every report it appears in, with its mentions there. */
export interface WorkspaceActor {
  key: string;
  name: string;
  type: string;
  mentionCount: number;
  reports: { uri: string; mentions: IndexedActor['mentions'] }[];
}

export interface IndexStats {
  files: number;
  analysed: number;
  reused: number;
  words: number;
  ms: number;
  cancelled: boolean;
}

/**
 * Indexes every report of the workspace in the background with a small pool of workers, persists the result in
 * the extension's workspace storage keyed by content hash (a reopened workspace re-reads nothing that did not
 * change), and follows file changes. Read-only: it never writes a report.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly files = new Map<string, CachedFile>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private building: Promise<IndexStats> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  lastStats: IndexStats | undefined;
  /** The analyst's corrections and the actor registry every report is indexed with (set by the actor features). */
  inputs: () => Promise<IndexInputs | undefined> = async () => undefined;
  private again = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly createWorker: () => Analyzer,
    private readonly settings: () => IndexSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Builds (or refreshes) the index; concurrent calls share one run. */
  build(showProgress = true): Promise<IndexStats> {
    if (!this.building) {
      this.building = this.run(showProgress).finally(() => (this.building = undefined));
    }
    return this.building;
  }

  /**
   * The registry or the corrections changed: the reports are indexed again with them (a run in progress is
   * followed by another, since it started with the old ones). Nothing happens before the first build.
   */
  refresh(): void {
    if (!this.lastStats && !this.building) return;
    if (this.building) {
      if (this.again) return;
      this.again = true;
      void this.building.finally(() => {
        this.again = false;
        void this.build(false);
      });
    } else void this.build(false);
  }

  private get cacheUri(): vscode.Uri | undefined {
    return this.context.storageUri ? vscode.Uri.joinPath(this.context.storageUri, CACHE_FILE) : undefined;
  }

  private async loadCache(): Promise<Record<string, CachedFile>> {
    const uri = this.cacheUri;
    if (!uri) return {};
    try {
      const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as { version: number; files: Record<string, CachedFile> };
      return data.version === 1 && data.files && typeof data.files === 'object' ? data.files : {};
    } catch {
      return {}; // no cache yet, or an unreadable one: rebuild
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), 1000);
  }

  private async save(): Promise<void> {
    const uri = this.cacheUri;
    if (!uri || !this.context.storageUri) return;
    try {
      await vscode.workspace.fs.createDirectory(this.context.storageUri);
      const data = { version: 1, files: Object.fromEntries(this.files) };
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(data)));
    } catch (err) {
      this.log.warn(`could not save the workspace index cache: ${String(err)}`);
    }
  }

  private async run(showProgress: boolean): Promise<IndexStats> {
    const s = this.settings();
    const stats: IndexStats = { files: 0, analysed: 0, reused: 0, words: 0, ms: 0, cancelled: false };
    if (!s.enabled || !vscode.workspace.workspaceFolders?.length) return stats;
    const t0 = Date.now();
    this.ensureWatcher(s);
    const inputs = await this.currentInputs();
    const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      const [uris, cache] = await Promise.all([vscode.workspace.findFiles(s.include, s.exclude), this.loadCache()]);
      stats.files = uris.length;
      const seen = new Set(uris.map((u) => u.toString()));
      for (const key of [...this.files.keys()]) if (!seen.has(key)) this.files.delete(key);
      const queue = [...uris];
      const poolSize = Math.max(1, Math.min(s.workers, queue.length));
      const workers = Array.from({ length: poolSize }, () => this.createWorker());
      let done = 0;
      const step = 100 / Math.max(1, uris.length);
      try {
        await Promise.all(
          workers.map(async (worker) => {
            for (let uri = queue.shift(); uri && !token?.isCancellationRequested; uri = queue.shift()) {
              await this.indexOne(uri, worker, cache[uri.toString()], s, stats, inputs);
              done++;
              progress?.report({ message: `${done}/${uris.length} reports`, increment: step });
            }
          }),
        );
      } finally {
        for (const w of workers) w.dispose();
      }
      stats.cancelled = !!token?.isCancellationRequested;
    };
    // Asked for: a cancellable notification. In the background: a quiet status-bar progress.
    await vscode.window.withProgress(
      showProgress
        ? { location: vscode.ProgressLocation.Notification, title: 'Analyst Lens: indexing reports', cancellable: true }
        : { location: vscode.ProgressLocation.Window, title: 'Analyst Lens: indexing reports' },
      (progress, token) => work(progress, token),
    );
    stats.ms = Date.now() - t0;
    for (const f of this.files.values()) stats.words += f.entry.words;
    this.lastStats = stats;
    this.log.info(`workspace index: ${stats.files} reports (${stats.analysed} analysed, ${stats.reused} from cache), ${stats.words} words in ${stats.ms} ms${stats.cancelled ? ' (cancelled)' : ''}`);
    this.scheduleSave();
    this.changed.fire();
    return stats;
  }

  private async currentInputs(): Promise<{ value?: IndexInputs; key?: string }> {
    try {
      const value = await this.inputs();
      return value ? { value, key: contentHash(JSON.stringify(value)) } : {};
    } catch (err) {
      this.log.warn(`index: could not read the registry and corrections: ${String(err)}`);
      return {};
    }
  }

  private async indexOne(uri: vscode.Uri, worker: Analyzer, cached: CachedFile | undefined, s: IndexSettings, stats: IndexStats, inputs: { value?: IndexInputs; key?: string }): Promise<void> {
    const key = uri.toString();
    // An entry made with other corrections or another registry is not reused.
    if (cached && cached.inputs !== inputs.key) cached = undefined;
    try {
      const st = await vscode.workspace.fs.stat(uri);
      if (st.size > s.maxFileSize) {
        this.log.info(`index: skipped ${uri.fsPath || key} (${st.size} bytes > analystLens.index.maxFileSize)`);
        this.files.delete(key);
        return;
      }
      // Unchanged size and time: trust the cache without reading the file (a warm reopen reads nothing).
      if (cached && cached.mtime === st.mtime && cached.size === st.size) {
        this.files.set(key, cached);
        stats.reused++;
        return;
      }
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const hash = contentHash(text);
      if (cached && cached.entry.hash === hash) {
        this.files.set(key, { ...cached, mtime: st.mtime, size: st.size });
        stats.reused++;
        return;
      }
      const format = uri.path.toLowerCase().endsWith('.md') ? 'markdown' : 'plain';
      const entry = await worker.index(key, text, { format, maxLength: s.maxFileSize }, inputs.value);
      this.files.set(key, { mtime: st.mtime, size: st.size, entry, inputs: inputs.key });
      stats.analysed++;
    } catch (err) {
      this.log.warn(`index: could not index ${uri.fsPath || key}: ${String(err)}`);
    }
  }

  private ensureWatcher(s: IndexSettings): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(s.include);
    const update = async (uri: vscode.Uri) => {
      // Honour the exclude glob: findFiles on exactly this file answers whether it is excluded.
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return;
      const rel = vscode.workspace.asRelativePath(uri, false);
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, rel), this.settings().exclude, 1);
      if (!found.length) return;
      const worker = this.createWorker();
      const stats: IndexStats = { files: 1, analysed: 0, reused: 0, words: 0, ms: 0, cancelled: false };
      void this.currentInputs()
        .then((inputs) => this.indexOne(uri, worker, undefined, this.settings(), stats, inputs))
        .finally(() => {
          worker.dispose();
          this.scheduleSave();
          this.changed.fire();
        });
    };
    this.subscriptions.push(
      this.watcher,
      this.watcher.onDidCreate((u) => void update(u)),
      this.watcher.onDidChange((u) => void update(u)),
      this.watcher.onDidDelete((uri) => {
        this.files.delete(uri.toString());
        this.scheduleSave();
        this.changed.fire();
      }),
    );
  }

  /** Every actor of the workspace, most mentioned first. */
  actors(): WorkspaceActor[] {
    const all = new Map<string, WorkspaceActor>();
    for (const [uri, f] of this.files) {
      for (const a of f.entry.actors) {
        let w = all.get(a.key);
        if (!w) all.set(a.key, (w = { key: a.key, name: a.name, type: a.type, mentionCount: 0, reports: [] }));
        w.mentionCount += a.mentions.length;
        w.reports.push({ uri, mentions: a.mentions });
      }
    }
    return [...all.values()].sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  }

  actor(key: string): WorkspaceActor | undefined {
    return this.actors().find((a) => a.key === key);
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

/** Locations of every mention of an actor across the workspace. */
export function mentionLocations(actor: WorkspaceActor): vscode.Location[] {
  const out: vscode.Location[] = [];
  for (const r of actor.reports) {
    const uri = vscode.Uri.parse(r.uri);
    for (const [start, end, line, ch] of r.mentions) out.push(new vscode.Location(uri, new vscode.Range(line, ch, line, ch + (end - start))));
  }
  return out;
}

export function registerWorkspaceCommands(index: WorkspaceIndex, actorKeyAt: (editor: vscode.TextEditor) => Promise<string | undefined>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.reindexWorkspace, () => index.build(true)),
    vscode.commands.registerCommand(COMMANDS.goToActorInWorkspace, async (arg?: { key?: string }) => {
      if (!index.lastStats) await index.build(true);
      const actors = index.actors();
      if (!actors.length) {
        void vscode.window.showInformationMessage('Analyst Lens: no actors found in the workspace reports (setting analystLens.index.include).');
        return undefined;
      }
      type Item = vscode.QuickPickItem & { actor: WorkspaceActor };
      const chosen = arg?.key
        ? actors.find((a) => a.key === arg.key)
        : (
            await vscode.window.showQuickPick<Item>(
              actors.map((a) => ({
                label: a.name,
                description: `${a.type} · ${a.mentionCount} mention${a.mentionCount === 1 ? '' : 's'} in ${a.reports.length} report${a.reports.length === 1 ? '' : 's'}`,
                detail: a.reports.map((r) => vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))).join(', '),
                actor: a,
              })),
              { placeHolder: 'Go to an actor in the workspace', matchOnDescription: true, matchOnDetail: true },
            )
          )?.actor;
      if (!chosen) return undefined;
      const first = chosen.reports[0];
      const [start, end, line, ch] = first.mentions[0];
      const range = new vscode.Range(line, ch, line, ch + (end - start));
      await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: range });
      return { key: chosen.key, uri: first.uri, range: [line, ch, line, ch + (end - start)] };
    }),
    vscode.commands.registerCommand(COMMANDS.findAllMentionsInWorkspace, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return [];
      if (!index.lastStats) await index.build(true);
      const key = await actorKeyAt(editor);
      const actor = key ? index.actor(key) : undefined;
      if (!actor) {
        void vscode.window.showInformationMessage('Analyst Lens: put the cursor on a person, organisation, place or group to find its mentions in the workspace.');
        return [];
      }
      const locations = mentionLocations(actor);
      await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
      return locations.map((l) => ({ uri: l.uri.toString(), range: [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character] }));
    }),
  ];
}
