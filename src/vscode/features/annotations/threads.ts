import * as vscode from 'vscode';
import type { Annotation } from '../../../core';

export const CONTROLLER_ID = 'analystLens.annotations';

/** A comment of an annotation's thread: the note (first) or a reply. */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  constructor(
    readonly annotationId: string,
    readonly uri: string,
    /** undefined for the note itself. */
    readonly replyId: string | undefined,
    public body: string | vscode.MarkdownString,
    public author: vscode.CommentAuthorInformation,
    public timestamp: Date | undefined,
    public contextValue: string,
    public label?: string,
  ) {}
}

/**
 * The notes of annotations as comment threads (VS Code's Comments API): one thread per annotation that has a note
 * or replies, at its range, labelled with its tag, resolved or not, shown in the gutter and the Comments panel.
 * Orphaned annotations have no thread (their place is unknown); they are listed in the Annotations view.
 */
export class AnnotationThreads implements vscode.Disposable {
  readonly controller: vscode.CommentController;
  /** uri -> annotation id -> thread */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly owner = new WeakMap<vscode.CommentThread, { uri: string; id: string }>();
  /** Annotation ids whose thread opens expanded (just created by the analyst). */
  private readonly expand = new Set<string>();

  constructor() {
    this.controller = vscode.comments.createCommentController(CONTROLLER_ID, 'Analyst Lens annotations');
    this.controller.options = { placeHolder: 'Reply to this note…', prompt: 'Reply' };
  }

  expandNext(id: string): void {
    this.expand.add(id);
  }

  /** Opens an annotation's thread in the editor (when it has one). */
  open(uri: string, id: string): void {
    const t = this.threads.get(uri)?.get(id);
    if (t) t.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
  }

  /** The annotation a thread belongs to. */
  ownerOf(thread: vscode.CommentThread): { uri: string; id: string } | undefined {
    return this.owner.get(thread);
  }

  threadOf(uri: string, id: string): vscode.CommentThread | undefined {
    return this.threads.get(uri)?.get(id);
  }

  /** Creates, updates and disposes the threads of one report to match its annotations. */
  sync(doc: vscode.TextDocument, annotations: readonly Annotation[]): void {
    const uri = doc.uri.toString();
    const mine = this.threads.get(uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(uri, mine);
    const keep = new Set<string>();
    for (const a of annotations) {
      if (a.orphaned || (!a.note && !a.replies?.length)) continue;
      keep.add(a.id);
      const range = new vscode.Range(doc.positionAt(a.position.start), doc.positionAt(a.position.end));
      const comments = this.commentsOf(uri, a);
      let t = mine.get(a.id);
      if (!t) {
        t = this.controller.createCommentThread(doc.uri, range, comments);
        this.owner.set(t, { uri, id: a.id });
        t.canReply = true;
        t.contextValue = 'analystLens.annotation';
        t.collapsibleState = this.expand.delete(a.id) ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
        mine.set(a.id, t);
      } else {
        if (!t.range || !t.range.isEqual(range)) t.range = range;
        t.comments = comments;
        if (this.expand.delete(a.id)) t.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      }
      t.label = a.kind === 'tag' ? a.tag : `entity: ${a.entityType}`;
      const state = a.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      if (t.state !== state) t.state = state;
      t.contextValue = a.resolved ? 'analystLens.annotation.resolved' : 'analystLens.annotation';
    }
    for (const [id, t] of mine) {
      if (!keep.has(id)) {
        t.dispose();
        mine.delete(id);
      }
    }
  }

  /** Moves existing threads to the annotations' current ranges (while typing). */
  move(doc: vscode.TextDocument, annotations: readonly Annotation[]): void {
    const mine = this.threads.get(doc.uri.toString());
    if (!mine) return;
    for (const a of annotations) {
      const t = mine.get(a.id);
      if (!t || a.orphaned) continue;
      const range = new vscode.Range(doc.positionAt(a.position.start), doc.positionAt(a.position.end));
      if (!t.range || !t.range.isEqual(range)) t.range = range;
    }
  }

  clear(uri: string): void {
    const mine = this.threads.get(uri);
    if (!mine) return;
    for (const t of mine.values()) t.dispose();
    this.threads.delete(uri);
  }

  /** Snapshot for tests: the threads of a report. */
  snapshot(uri: string): { id: string; label?: string; range?: [number, number, number, number]; state?: string; comments: { body: string; author: string; reply: boolean }[] }[] {
    return [...(this.threads.get(uri) ?? new Map<string, vscode.CommentThread>())].map(([id, t]) => ({
      id,
      label: t.label,
      range: t.range ? [t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character] : undefined,
      state: t.state === vscode.CommentThreadState.Resolved ? 'resolved' : 'unresolved',
      comments: t.comments.map((c) => ({ body: typeof c.body === 'string' ? c.body : c.body.value, author: c.author.name, reply: (c as NoteComment).replyId !== undefined })),
    }));
  }

  private commentsOf(uri: string, a: Annotation): NoteComment[] {
    const who = (name?: string) => ({ name: name || 'Analyst' });
    const out: NoteComment[] = [];
    if (a.note) out.push(new NoteComment(a.id, uri, undefined, a.note, who(a.author), new Date(a.created), 'analystLens.note', a.kind === 'tag' ? a.tag : a.entityType));
    for (const r of a.replies ?? []) out.push(new NoteComment(a.id, uri, r.id, r.body, who(r.author), new Date(r.created), 'analystLens.reply'));
    return out;
  }

  dispose(): void {
    for (const uri of [...this.threads.keys()]) this.clear(uri);
    this.controller.dispose();
  }
}
