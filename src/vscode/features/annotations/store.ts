import * as vscode from 'vscode';
import { ANNOTATIONS_DIR, annotationFilePath, applyChangesAll, parseAnnotationFile, reanchorAll, serializeAnnotationFile, type Annotation } from '../../../core';

/** The annotations of one open report, and where they are kept. */
export interface ReportAnnotations {
  uri: string;
  annotations: Annotation[];
  /** `.analyst/annotations/<report path>.json` in the report's workspace folder; undefined: kept in memory only. */
  file?: vscode.Uri;
  /** Report path relative to its workspace folder. */
  report: string;
  /** Entries of the file that are not valid annotations, written back as they were. */
  invalid: unknown[];
  /** The file is not JSON: it is never overwritten; changes stay in memory until it is fixed. */
  unreadable: boolean;
  problems: string[];
  /** Positions moved (edits) since the file was last written. */
  dirty: boolean;
}

export interface AnnotationsChange {
  uri: string;
  /** Entity annotations changed (the analysis must apply them again). */
  entities: boolean;
  /** Only positions moved with typing (no file write, views refresh lightly). */
  moved?: boolean;
}

const hasEntities = (list: readonly Annotation[]) => list.some((a) => a.kind === 'entity');

/**
 * The analyst's annotations per open report: read from the workspace file when a report opens, re-anchored against
 * its text, moved with every edit (VS Code's change deltas), written back when the analyst annotates and when the
 * report is saved. Never writes the report. Malformed files are reported and never overwritten; untrusted
 * workspaces and reports outside a workspace folder keep annotations in memory for the session.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly docs = new Map<string, ReportAnnotations>();
  private readonly loading = new Map<string, Promise<ReportAnnotations>>();
  /** Texts this store wrote per annotation file (the latest few), to tell its own writes from the analyst's. */
  private readonly written = new Map<string, string[]>();
  private readonly emitter = new vscode.EventEmitter<AnnotationsChange>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private warnedMemory = new Set<string>();
  private readonly watchTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Writes in progress (a watcher event during one is ours). */
  private writing = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ANNOTATIONS_DIR}/**/*.json`);
    // Watcher events come in bursts and can arrive while a file is being written: read once things settled.
    const reloadFor = (file: vscode.Uri) => {
      const key = file.toString();
      clearTimeout(this.watchTimers.get(key));
      this.watchTimers.set(
        key,
        setTimeout(() => {
          this.watchTimers.delete(key);
          for (const r of this.docs.values()) {
            if (r.file?.toString() !== key) continue;
            const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
            if (doc) void this.reloadIfForeign(doc, r);
          }
        }, 400),
      );
    };
    this.subscriptions.push(
      this.emitter,
      watcher,
      watcher.onDidChange(reloadFor),
      watcher.onDidCreate(reloadFor),
      watcher.onDidDelete(reloadFor),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const r = this.docs.get(d.uri.toString());
        if (r?.dirty) void this.write(r);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const r = this.docs.get(d.uri.toString());
        // Positions of an unsaved report are not written: the file stays in step with the report on disk.
        this.docs.delete(d.uri.toString());
        if (r) this.emitter.fire({ uri: r.uri, entities: hasEntities(r.annotations) });
      }),
    );
  }

  /** Annotations known for a document now (undefined until loaded). */
  peek(doc: vscode.TextDocument | string): ReportAnnotations | undefined {
    return this.docs.get(typeof doc === 'string' ? doc : doc.uri.toString());
  }

  /** Where a report's annotations are kept: `.analyst/annotations/<path in folder>.json`. */
  locate(uri: vscode.Uri): { file?: vscode.Uri; report: string } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme === 'untitled') return { report: uri.path.split('/').pop() || 'untitled' };
    const rel = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return { file: vscode.Uri.joinPath(folder.uri, ...annotationFilePath(rel).split('/')), report: rel };
  }

  /** Loads (once) and returns a report's annotations, re-anchored against its current text. */
  get(doc: vscode.TextDocument): Promise<ReportAnnotations> {
    const key = doc.uri.toString();
    const have = this.docs.get(key);
    if (have) return Promise.resolve(have);
    const running = this.loading.get(key);
    if (running) return running;
    const p = this.load(doc).finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  private async read(file: vscode.Uri | undefined): Promise<string | undefined> {
    if (!file) return undefined;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined; // no file yet
    }
  }

  private async load(doc: vscode.TextDocument): Promise<ReportAnnotations> {
    const { file, report } = this.locate(doc.uri);
    // Never read a file half-written by this store.
    for (let i = 0; this.writing && i < 40; i++) await new Promise((r) => setTimeout(r, 50));
    const text = await this.read(file);
    const r = this.fromText(doc, file, report, text);
    this.docs.set(r.uri, r);
    if (r.annotations.length || r.problems.length) this.emitter.fire({ uri: r.uri, entities: hasEntities(r.annotations) });
    return r;
  }

  private fromText(doc: vscode.TextDocument, file: vscode.Uri | undefined, report: string, text: string | undefined): ReportAnnotations {
    const parsed = parseAnnotationFile(text ?? '', report);
    const before = parsed.file.annotations;
    const annotations = reanchorAll(before, doc.getText());
    const r: ReportAnnotations = {
      uri: doc.uri.toString(),
      annotations,
      file,
      report,
      invalid: parsed.invalid,
      unreadable: parsed.unreadable,
      problems: parsed.problems.map((p) => p.message),
      dirty: annotations !== before,
    };
    if (r.problems.length && file) {
      const name = vscode.workspace.asRelativePath(file);
      this.log.warn(`annotations file ${name}: ${r.problems.join('; ')}`);
      const what = r.unreadable
        ? `Analyst Lens: the annotations file ${name} could not be read (${r.problems[0]}). It is left as it is; new annotations of this report stay in memory until it is fixed.`
        : `Analyst Lens: ${r.problems.length} entr${r.problems.length === 1 ? 'y' : 'ies'} of ${name} could not be read (${r.problems[0]}); ${r.problems.length === 1 ? 'it is' : 'they are'} kept in the file.`;
      void vscode.window.showWarningMessage(what, 'Open File').then((c) => {
        if (c === 'Open File' && file) void vscode.window.showTextDocument(file);
      });
    }
    return r;
  }

  private async reloadIfForeign(doc: vscode.TextDocument, r: ReportAnnotations): Promise<void> {
    if (this.writing) return;
    const text = await this.read(r.file);
    // Our own write (watcher events can arrive after a later write of ours has started).
    if (r.file && text !== undefined && this.written.get(r.file.toString())?.includes(text)) return;
    if (this.docs.get(r.uri) !== r) return; // reloaded or closed meanwhile
    const next = this.fromText(doc, r.file, r.report, text);
    if (next.unreadable && r.annotations.length) {
      // Broken by hand: keep what is on screen, never overwrite the file, say why (fromText warned).
      r.unreadable = true;
      r.problems = next.problems;
      this.emitter.fire({ uri: r.uri, entities: false });
      return;
    }
    this.docs.set(r.uri, next);
    this.log.info(`annotations of ${r.report} reloaded from ${r.file ? vscode.workspace.asRelativePath(r.file) : 'memory'}`);
    this.emitter.fire({ uri: r.uri, entities: hasEntities(r.annotations) || hasEntities(next.annotations) });
  }

  /** Moves every annotation of an edited report with the edits (orphaning those whose text went). */
  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const r = this.docs.get(e.document.uri.toString());
    if (!r || !r.annotations.length) return;
    const next = applyChangesAll(r.annotations, e.contentChanges, e.document.getText());
    if (next === r.annotations) return;
    const orphanedNow = next.some((a, i) => !!a.orphaned !== !!r.annotations[i].orphaned);
    r.annotations = next;
    r.dirty = true;
    this.emitter.fire({ uri: r.uri, entities: hasEntities(next), moved: !orphanedNow });
  }

  /** Changes a report's annotations (add, edit, delete) and writes the file. Returns the new list. */
  async update(doc: vscode.TextDocument, change: (list: Annotation[]) => Annotation[]): Promise<ReportAnnotations> {
    const r = await this.get(doc);
    const before = r.annotations;
    r.annotations = change([...before]);
    r.dirty = true;
    await this.write(r);
    this.emitter.fire({ uri: r.uri, entities: hasEntities(before) || hasEntities(r.annotations) });
    return r;
  }

  /** Writes the report's annotations file (never the report). */
  private async write(r: ReportAnnotations): Promise<void> {
    const memoryOnly = (why: string) => {
      if (this.warnedMemory.has(r.uri)) return;
      this.warnedMemory.add(r.uri);
      void vscode.window.showWarningMessage(`Analyst Lens: annotations of ${r.report} are kept for this session only: ${why}.`);
    };
    if (!r.file) return memoryOnly('the report is not in a workspace folder');
    if (!vscode.workspace.isTrusted) return memoryOnly('the workspace is not trusted (nothing is written in restricted mode)');
    if (r.unreadable) return memoryOnly(`${vscode.workspace.asRelativePath(r.file)} is not valid JSON; fix it and reopen the report`);
    const text = serializeAnnotationFile({ version: 1, report: r.report, annotations: r.annotations }, r.invalid);
    try {
      const mine = this.written.get(r.file.toString()) ?? [];
      this.written.set(r.file.toString(), [...mine.slice(-9), text]);
      this.writing++;
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(r.file, '..'));
      await vscode.workspace.fs.writeFile(r.file, new TextEncoder().encode(text));
      r.dirty = false;
    } catch (err) {
      this.log.error(`could not write ${r.file.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showErrorMessage(`Analyst Lens: could not save the annotations of ${r.report}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      if (this.writing > 0) this.writing--;
    }
  }

  dispose(): void {
    for (const t of this.watchTimers.values()) clearTimeout(t);
    for (const d of this.subscriptions) d.dispose();
  }
}
