import * as vscode from 'vscode';
import { addIgnoredName, appendRegistryEntry, parseRegistry, type RegistryEntry } from '../../core';

/** Where the registry lives in each workspace folder. */
export const REGISTRY_PATH = '.analyst/actors.json';
const IGNORE_SETTING = 'ignore';

interface FolderRegistry {
  uri: vscode.Uri;
  text: string;
  entries: RegistryEntry[];
  ignore: string[];
}

/**
 * The workspace actor registry (`.analyst/actors.json` in each folder) and the ignore lists. Reads with
 * `workspace.fs` (so it works in virtual and remote workspaces), follows changes with a FileSystemWatcher, and turns
 * what is wrong with the file into diagnostics on it: a malformed registry never stops the rest from working.
 * Writes only when the user asks (Add to Registry, Ignore This Name) and only in a trusted workspace.
 */
export class ActorRegistry implements vscode.Disposable {
  private readonly folders = new Map<string, FolderRegistry>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('analystLens.registry');
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped on every change: caches of actors compare it. */
  generation = 0;
  readonly onDidChange = this.emitter.event;
  private loading: Promise<void> | undefined;
  /** One watcher per workspace folder, on the registry's exact path (more reliable than a '**' glob). */
  private watchers: vscode.Disposable[] = [];
  /**
   * mtime and size of each registry file as last read ('' when there was none). File watchers can deliver late or
   * not at all (a loaded machine, a remote or network file system), so `fresh()` compares these before the registry
   * is used and `onDidSaveTextDocument` reloads on save: a watcher event is never the only way a change arrives.
   */
  private readonly stamps = new Map<string, string>();
  private checking: Promise<void> | undefined;
  private checkedAt = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      // Unsaved edits of the registry count too: the analyst sees the effect while typing it.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isRegistry(e.document.uri)) this.fromText(e.document.uri, e.document.getText());
      }),
      // A save is a change whether or not the file watcher reports it.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isRegistry(d.uri)) void this.stampOf(d.uri).then((st) => {
          this.stamps.set(d.uri.toString(), st);
          this.fromText(d.uri, d.getText());
        });
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`analystLens.${IGNORE_SETTING}`)) this.changed();
      }),
      this.diagnostics,
      this.emitter,
    );
    this.loading = this.reload();
  }

  /** Resolves once the registries of all folders were read (at start-up and after a folder change). */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /**
   * Makes sure the registries are the files on disk now: compares each file's mtime and size with those last read and
   * reloads (and fires onDidChange) when they differ. Cheap (one stat per folder), shared by concurrent callers and
   * repeated at most every 100 ms. Callers run it before they use the registry (hover, actors, Outline).
   */
  fresh(): Promise<void> {
    if (this.checking) return this.checking;
    if (Date.now() - this.checkedAt < 100) return Promise.resolve();
    this.checking = (async () => {
      try {
        await this.loading;
        let changed = false;
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          const uri = vscode.Uri.joinPath(folder.uri, REGISTRY_PATH);
          const key = uri.toString();
          // Unsaved edits of an open registry are what the analyst sees: they win over the file.
          if (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === key)) continue;
          const st = await this.stampOf(uri);
          if (st === (this.stamps.get(key) ?? '')) continue;
          this.log.debug(`actor registry ${key} changed on disk (${this.stamps.get(key) || 'none'} -> ${st || 'none'}): reloading`);
          await this.loadFolder(folder);
          changed = true;
        }
        if (changed) this.changed();
      } finally {
        this.checkedAt = Date.now();
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  private async stampOf(uri: vscode.Uri): Promise<string> {
    try {
      const st = await vscode.workspace.fs.stat(uri);
      return `${st.mtime}:${st.size}`;
    } catch {
      return '';
    }
  }

  isRegistry(uri: vscode.Uri): boolean {
    return uri.path.endsWith(`/${REGISTRY_PATH}`) && !!vscode.workspace.getWorkspaceFolder(uri);
  }

  /** All entries, from every folder's registry. */
  entries(): RegistryEntry[] {
    return [...this.folders.values()].flatMap((f) => f.entries);
  }

  /** The registry's ignore lists plus the user's `analystLens.ignore` setting. */
  ignored(): string[] {
    const setting = vscode.workspace.getConfiguration('analystLens').get<unknown>(IGNORE_SETTING);
    const user = Array.isArray(setting) ? setting.filter((x): x is string => typeof x === 'string') : [];
    return [...user, ...[...this.folders.values()].flatMap((f) => f.ignore)];
  }

  /** Text of a registry file as last read, to map entry offsets to positions. */
  textOf(source: string): string | undefined {
    return this.folders.get(source)?.text;
  }

  /** The registry file of the folder holding `near` (or of the first folder). Undefined without a folder. */
  registryUri(near?: vscode.Uri): vscode.Uri | undefined {
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, REGISTRY_PATH) : undefined;
  }

  /** Appends an entry to the registry of the folder holding `near`, creating the file if missing. */
  async append(entry: RegistryEntry, near?: vscode.Uri): Promise<vscode.Uri> {
    return this.edit(near, (text) => appendRegistryEntry(text, entry));
  }

  /** Adds a name to the workspace ignore list (the registry's "ignore"). */
  async ignore(name: string, near?: vscode.Uri): Promise<vscode.Uri> {
    return this.edit(near, (text) => addIgnoredName(text, name));
  }

  private async edit(near: vscode.Uri | undefined, change: (text: string) => string): Promise<vscode.Uri> {
    if (!vscode.workspace.isTrusted) throw new Error('The actor registry is not written in an untrusted workspace.');
    const uri = this.registryUri(near);
    if (!uri) throw new Error('Open a folder to keep an actor registry.');
    // An open registry with unsaved changes is edited in its buffer; otherwise the file on disk is the truth (an open,
    // saved document may be stale: deleted or rewritten on disk meanwhile).
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    const before = open ? open.getText() : await this.read(uri);
    const after = change(before ?? '');
    if (after === before) return uri;
    if (open) {
      // Edit the buffer (undoable) and save it.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), after);
      await vscode.workspace.applyEdit(edit);
      await open.save();
    } else {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(after));
    }
    this.stamps.set(uri.toString(), await this.stampOf(uri));
    this.fromText(uri, after);
    return uri;
  }

  private async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined; // no registry: fine
    }
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, REGISTRY_PATH));
      const reload = () => void this.loadFolder(folder).then(() => this.changed());
      return vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    });
  }

  private async reload(): Promise<void> {
    this.watch();
    this.folders.clear();
    this.stamps.clear();
    this.diagnostics.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.loadFolder(f)));
    this.changed();
  }

  private async loadFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = vscode.Uri.joinPath(folder.uri, REGISTRY_PATH);
    // Stamp first: a write between the stat and the read is then seen again by the next fresh().
    this.stamps.set(uri.toString(), await this.stampOf(uri));
    const text = await this.read(uri);
    if (text === undefined) {
      this.folders.delete(uri.toString());
      this.diagnostics.delete(uri);
      return;
    }
    this.fromText(uri, text, false);
  }

  private fromText(uri: vscode.Uri, text: string, notify = true): void {
    const key = uri.toString();
    const parsed = parseRegistry(text, key);
    this.folders.set(key, { uri, text, entries: parsed.actors, ignore: parsed.ignore });
    const pos = (offset: number) => positionIn(text, offset);
    this.diagnostics.set(
      uri,
      parsed.problems.map((p) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(pos(p.start), pos(Math.max(p.end, p.start))),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Analyst Lens';
        return d;
      }),
    );
    if (parsed.problems.some((p) => p.severity === 'error')) this.log.warn(`actor registry ${uri.toString()}: ${parsed.problems.length} problem(s), see the Problems panel`);
    if (notify) this.changed();
  }

  private changed(): void {
    this.generation++;
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of [...this.subscriptions, ...this.watchers]) d.dispose();
  }
}

/** Offset -> position in a text that is not an open document (the registry file as read). */
export function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
