import * as vscode from 'vscode';
import { anchorAt, applyOverridesToAnalysis, DEFAULT_TAGS, ENTITY_TYPES, type Annotation, type EntityType } from '../../../core';
import type { AnalysisService } from '../../analysisService';
import { setSummaryAnnotations } from '../summaryData';
import { AnnotationStore } from './store';
import { AnnotationThreads, NoteComment } from './threads';
import { AnnotationsView, REVEAL_COMMAND, shortQuote } from './view';

/** Command ids of the annotations feature (package.json contributes the palette ones under "Analyst Lens"). */
export const ANNOTATION_COMMANDS = {
  annotateSelection: 'analystLens.annotateSelection',
  reattach: 'analystLens.reattachAnnotation',
  delete: 'analystLens.deleteAnnotation',
  reply: 'analystLens.replyToAnnotation',
  resolve: 'analystLens.resolveAnnotation',
  reopen: 'analystLens.reopenAnnotation',
  deleteReply: 'analystLens.deleteAnnotationReply',
  reveal: REVEAL_COMMAND,
  /** Not in the palette: a report's annotations, threads and the view, for tests and scripts. */
  get: 'analystLens.getAnnotations',
} as const;

/** Arguments of analystLens.annotateSelection; without them the command asks (quick pick, input box). */
export interface AnnotateArgs {
  uri?: string | vscode.Uri;
  /** Offsets [start, end) to annotate; default: the active editor's selection. */
  start?: number;
  end?: number;
  kind?: 'entity' | 'tag';
  entityType?: EntityType;
  tag?: string;
  /** The note; '' or absent for none. With `kind` given and no note, the command does not ask for one. */
  note?: string;
}

/** An annotation as commands address it (from the tree, a thread, a comment, or scripts). */
interface Target {
  uri: string;
  id: string;
}

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  date: 'Date',
  time: 'Time',
  group: 'Group (nationality)',
  title: 'Title or rank',
  quantity: 'Quantity',
  threatActor: 'Threat actor',
  malware: 'Malware',
  tool: 'Tool',
  technique: 'ATT&CK technique',
};

const now = () => new Date().toISOString();
const newId = (): string => {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const h = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-${(8 + Math.floor(Math.random() * 4)).toString(16)}${h().slice(1)}-${h()}${h()}${h()}`;
};

function tagsSetting(): string[] {
  const v = vscode.workspace.getConfiguration('analystLens').get<unknown>('annotations.tags');
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim()) : [];
  return list.length ? [...new Set(list)] : [...DEFAULT_TAGS];
}
function authorSetting(): string | undefined {
  const v = vscode.workspace.getConfiguration('analystLens').get<unknown>('annotations.author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Text shown as written in a Markdown hover: no emphasis, links, HTML or headings from the note. */
const mdText = (s: string) => s.replace(/[\\`*_{}[\]<>#|~!]/g, '\\$&').replace(/\r?\n/g, '  \n');

const toUri = (u: string | vscode.Uri) => (u instanceof vscode.Uri ? u : vscode.Uri.parse(u));

/** [start, end) without the whitespace at either end. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Analyst annotations: Annotate Selection…, the annotation store (.analyst/annotations/), entity overrides applied to
 * every analysis (so highlights, actors, hovers, the summary and exports follow the analyst), tag decorations and
 * hovers, notes as comment threads, and the Annotations view.
 */
export function registerAnnotations(service: AnalysisService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const eligible = (doc: vscode.TextDocument) => service.isEligible(doc);
  const store = new AnnotationStore(log);
  const threads = new AnnotationThreads();
  const view = new AnnotationsView(store, eligible);

  // Entity annotations override the model in every analysis of the report (decorations, actors, hovers, summary).
  service.postProcess = (doc, text, analysis) => {
    const r = store.peek(doc);
    // Annotations whose quote is not at their position in this text (another version) are left out by the core.
    return r && r.annotations.some((a) => a.kind === 'entity') ? applyOverridesToAnalysis(analysis, r.annotations, text()) : analysis;
  };
  setSummaryAnnotations((doc) => store.peek(doc)?.annotations ?? []);

  const tagDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('analystLens.annotationBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('analystLens.annotationBorder'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('analystLens.annotationBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const entityDecoration = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** uri -> ranges decorated as tags and entities, as last applied to a visible editor (tests read it). */
  const decorated = new Map<string, { tag: number; entity: number }>();
  const decorate = (editor: vscode.TextEditor) => {
    const r = store.peek(editor.document);
    const live = (r?.annotations ?? []).filter((a) => !a.orphaned);
    decorated.set(editor.document.uri.toString(), { tag: live.filter((a) => a.kind === 'tag').length, entity: live.filter((a) => a.kind === 'entity').length });
    const range = (a: Annotation) => new vscode.Range(editor.document.positionAt(a.position.start), editor.document.positionAt(a.position.end));
    editor.setDecorations(
      tagDecoration,
      live
        .filter((a) => a.kind === 'tag')
        .map((a) => ({
          range: range(a),
          renderOptions: { after: { contentText: ` ⟨${a.tag}${a.note ? ' ✎' : ''}⟩`, color: new vscode.ThemeColor('analystLens.annotationForeground'), fontStyle: 'italic' } },
        })),
    );
    editor.setDecorations(entityDecoration, live.filter((a) => a.kind === 'entity').map(range));
  };
  const decorateAll = (uri?: string) => {
    for (const e of vscode.window.visibleTextEditors) if (!uri || e.document.uri.toString() === uri) decorate(e);
  };

  const docOf = async (uri: string): Promise<vscode.TextDocument> => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? vscode.workspace.openTextDocument(toUri(uri));

  /** Re-runs the analysis (entity overrides) and refreshes everything that shows annotations. */
  const onChange = store.onDidChange(async (e) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === e.uri);
    if (!doc) {
      threads.clear(e.uri);
      return;
    }
    decorateAll(e.uri);
    const r = store.peek(doc);
    if (e.moved) {
      threads.move(doc, r?.annotations ?? []);
      return;
    }
    threads.sync(doc, r?.annotations ?? []);
    if (!e.moved && service.isEligible(doc)) {
      // New overrides (or a new summary section): analyse again; decorations, actors and the summary follow.
      service.forget(doc.uri);
      await service.get(doc);
    }
  });

  const resolveTarget = (arg: unknown): Target | undefined => {
    if (!arg || typeof arg !== 'object') return undefined;
    if (arg instanceof NoteComment) return { uri: arg.uri, id: arg.annotationId };
    const o = arg as { uri?: unknown; id?: unknown; thread?: vscode.CommentThread; annotation?: Annotation };
    if (o.thread) return threads.ownerOf(o.thread);
    const owned = threads.ownerOf(arg as vscode.CommentThread);
    if (owned) return owned;
    if (o.annotation && typeof o.uri === 'string') return { uri: o.uri, id: o.annotation.id };
    if (typeof o.id === 'string') {
      const uri = typeof o.uri === 'string' ? o.uri : o.uri instanceof vscode.Uri ? o.uri.toString() : vscode.window.activeTextEditor?.document.uri.toString();
      return uri ? { uri, id: o.id } : undefined;
    }
    return undefined;
  };

  const edit = async (t: Target, change: (a: Annotation) => Annotation | undefined): Promise<Annotation | undefined> => {
    const doc = await docOf(t.uri);
    let out: Annotation | undefined;
    await store.update(doc, (list) =>
      list.flatMap((a) => {
        if (a.id !== t.id) return [a];
        out = change(a);
        return out ? [out] : [];
      }),
    );
    return out;
  };

  const annotate = async (args?: AnnotateArgs): Promise<Annotation | undefined> => {
    const a: AnnotateArgs = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {};
    const editor = vscode.window.activeTextEditor;
    const doc = a.uri ? await docOf(toUri(a.uri).toString()) : editor?.document;
    if (!doc || !service.isEligible(doc)) {
      void vscode.window.showInformationMessage('Analyst Lens: open a Markdown or plain-text report and select the text to annotate.');
      return undefined;
    }
    const text = doc.getText();
    let start = a.start;
    let end = a.end;
    if (start === undefined || end === undefined) {
      const ed = editor && editor.document === doc ? editor : vscode.window.visibleTextEditors.find((e) => e.document === doc);
      if (!ed || ed.selection.isEmpty) {
        void vscode.window.showInformationMessage('Analyst Lens: select the text to annotate first.');
        return undefined;
      }
      start = doc.offsetAt(ed.selection.start);
      end = doc.offsetAt(ed.selection.end);
    }
    [start, end] = trimmed(text, Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length)));
    if (end <= start) {
      void vscode.window.showInformationMessage('Analyst Lens: the selection is empty: select the text to annotate.');
      return undefined;
    }
    let kind = a.kind;
    let entityType = a.entityType;
    let tag = a.tag?.trim();
    if (kind === 'entity' && !(entityType && (ENTITY_TYPES as readonly string[]).includes(entityType))) throw new Error(`annotate: entityType must be one of ${ENTITY_TYPES.join(', ')}`);
    if (kind === 'tag' && !tag) throw new Error('annotate: a tag annotation needs a tag');
    const asked = !kind;
    if (!kind) {
      type Item = vscode.QuickPickItem & { kind2?: 'entity' | 'tag'; value?: string };
      const items: Item[] = [
        { label: 'Analyst tags', kind: vscode.QuickPickItemKind.Separator },
        ...tagsSetting().map((t) => ({ label: `$(tag) ${t}`, kind2: 'tag' as const, value: t })),
        { label: 'Entity: the model missed or mistyped this', kind: vscode.QuickPickItemKind.Separator },
        ...ENTITY_TYPES.map((t) => ({ label: `$(symbol-field) ${TYPE_LABELS[t]}`, description: `every “${shortQuote(text.slice(start!, end!), 30)}” in this report`, kind2: 'entity' as const, value: t })),
      ];
      const pick = await vscode.window.showQuickPick(items, { title: `Annotate “${shortQuote(text.slice(start, end), 50)}”`, placeHolder: 'Tag or entity type (tags: setting analystLens.annotations.tags)' });
      if (!pick?.kind2 || !pick.value) return undefined;
      kind = pick.kind2;
      if (kind === 'tag') tag = pick.value;
      else entityType = pick.value as EntityType;
    }
    let note = a.note?.trim() || undefined;
    if (asked && note === undefined) {
      const typed = await vscode.window.showInputBox({ title: 'Note (optional)', prompt: 'A note for reviewers; it becomes a comment thread. Leave empty for none.', placeHolder: 'e.g. single-source; confirm with the liaison report' });
      if (typed === undefined) return undefined;
      note = typed.trim() || undefined;
    }
    const author = authorSetting();
    const fields: Omit<Annotation, 'quote' | 'position'> = { id: newId(), kind, created: now() };
    if (kind === 'tag') fields.tag = tag;
    else fields.entityType = entityType;
    if (note) fields.note = note;
    if (author) fields.author = author;
    const annotation = anchorAt(fields, text, start, end);
    if (note) threads.expandNext(annotation.id);
    await store.update(doc, (list) => [...list, annotation]);
    log.info(`annotated ${kind === 'tag' ? tag : entityType} “${shortQuote(annotation.quote.exact)}” in ${doc.uri.toString()}`);
    return annotation;
  };

  const hover: vscode.HoverProvider = {
    provideHover(doc, position) {
      const r = store.peek(doc);
      if (!r) return undefined;
      const offset = doc.offsetAt(position);
      const hits = r.annotations.filter((a) => !a.orphaned && a.position.start <= offset && offset <= a.position.end);
      if (!hits.length) return undefined;
      const md = new vscode.MarkdownString('', true);
      md.supportHtml = false;
      for (const a of hits) {
        const title = a.kind === 'tag' ? `$(tag) **${a.tag}**` : `$(symbol-field) **${TYPE_LABELS[a.entityType!]}** (marked by the analyst)`;
        md.appendMarkdown(`${title}${a.resolved ? ' · resolved' : ''}\n\n`);
        if (a.note) md.appendMarkdown(`${mdText(a.note)}\n\n`);
        for (const rep of a.replies ?? []) md.appendMarkdown(`↳ ${mdText(`${rep.author ? `${rep.author}: ` : ''}${rep.body}`)}\n\n`);
      }
      const first = hits[0];
      return new vscode.Hover(md, new vscode.Range(doc.positionAt(first.position.start), doc.positionAt(first.position.end)));
    },
  };

  const selector: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
  const disposables: vscode.Disposable[] = [
    store,
    threads,
    view,
    onChange,
    tagDecoration,
    entityDecoration,
    { dispose: () => (service.postProcess = undefined) },
    vscode.languages.registerHoverProvider(selector, hover),
    vscode.window.onDidChangeVisibleTextEditors((eds) => {
      for (const e of eds) {
        if (!service.isEligible(e.document)) continue;
        if (store.peek(e.document)) decorate(e);
        else void store.get(e.document);
      }
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (service.isEligible(d)) void store.get(d);
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.annotateSelection, async (args?: AnnotateArgs) => {
      try {
        return (await annotate(args))?.id;
      } catch (err) {
        if (args?.kind) throw err;
        void vscode.window.showErrorMessage(`Analyst Lens: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.reply, async (arg: vscode.CommentReply | { uri: string; id: string; text: string }) => {
      const target = resolveTarget(arg);
      const body = (arg as { text?: string }).text?.trim();
      if (!target || !body) return undefined;
      const reply = { id: newId(), body, created: now(), ...(authorSetting() ? { author: authorSetting() } : {}) };
      return edit(target, (a) => ({ ...a, replies: [...(a.replies ?? []), reply], modified: now() }));
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.resolve, (arg: unknown) => {
      const t = resolveTarget(arg);
      return t && edit(t, (a) => ({ ...a, resolved: true, modified: now() }));
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.reopen, (arg: unknown) => {
      const t = resolveTarget(arg);
      return t && edit(t, (a) => {
        const b = { ...a, modified: now() };
        delete b.resolved;
        return b;
      });
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.delete, async (arg: unknown) => {
      const t = resolveTarget(arg);
      if (!t) return false;
      await edit(t, () => undefined);
      return true;
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.deleteReply, async (arg: NoteComment | { uri: string; id: string; replyId: string }) => {
      const t = resolveTarget(arg);
      const replyId = arg instanceof NoteComment ? arg.replyId : arg?.replyId;
      if (!t) return false;
      if (!replyId) {
        // The note itself: the annotation stays, without a note.
        await edit(t, (a) => {
          const b = { ...a, modified: now() };
          delete b.note;
          return b;
        });
        return true;
      }
      await edit(t, (a) => ({ ...a, replies: (a.replies ?? []).filter((r) => r.id !== replyId), modified: now() }));
      return true;
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.reattach, async (arg: unknown, range?: { start: number; end: number }) => {
      const t = resolveTarget(arg) ?? (arg && typeof arg === 'object' && 'id' in arg ? resolveTarget(arg) : undefined);
      if (!t) return undefined;
      const doc = await docOf(t.uri);
      const given = (arg as { start?: number; end?: number }) ?? {};
      let start = range?.start ?? given.start;
      let end = range?.end ?? given.end;
      if (start === undefined || end === undefined) {
        const ed = vscode.window.visibleTextEditors.find((e) => e.document === doc);
        if (!ed || ed.selection.isEmpty) {
          void vscode.window.showInformationMessage('Analyst Lens: select the text in the report to re-attach the annotation to, then choose Re-attach to Selection.');
          return undefined;
        }
        start = doc.offsetAt(ed.selection.start);
        end = doc.offsetAt(ed.selection.end);
      }
      const text = doc.getText();
      [start, end] = trimmed(text, start, end);
      if (end <= start) return undefined;
      return edit(t, (a) => ({ ...anchorAt(a, text, start!, end!), modified: now() }));
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.reveal, async (arg: Target) => {
      const doc = await docOf(arg.uri);
      const a = store.peek(doc)?.annotations.find((x) => x.id === arg.id);
      if (!a) return;
      const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
      if (a.orphaned) {
        void vscode.window.showInformationMessage(`Analyst Lens: “${shortQuote(a.quote.exact)}” is no longer in the report. Select the text it belongs to and choose Re-attach to Selection.`);
        return;
      }
      const range = new vscode.Range(doc.positionAt(a.position.start), doc.positionAt(a.position.end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      threads.open(doc.uri.toString(), a.id);
    }),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.get, async (arg?: string | vscode.Uri) => {
      const doc = arg ? await docOf(toUri(arg).toString()) : vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      const r = await store.get(doc);
      return {
        uri: r.uri,
        version: doc.version,
        file: r.file?.toString(),
        annotations: r.annotations,
        problems: r.problems,
        threads: threads.snapshot(r.uri),
        decorated: decorated.get(r.uri) ?? { tag: 0, entity: 0 },
        view: view.snapshot(),
      };
    }),
  ];
  for (const e of vscode.window.visibleTextEditors) if (service.isEligible(e.document)) void store.get(e.document);
  return disposables;
}
