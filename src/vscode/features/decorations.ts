import * as vscode from 'vscode';
import { ENTITY_TYPE_DESCRIPTORS, ENTITY_TYPES, followEdits, followWindow, lowerBound, type EntityType, type TrackedRange } from '../../core';
import type { AnalysisService, DocumentAnalysis } from '../analysisService';
import type { LensConfig } from '../config';
import { toRange } from '../convert';

/** Above this many entities, only the visible lines (and a margin) are decorated. */
const VISIBLE_ONLY_ABOVE = 1500;
const MARGIN_LINES = 150;

/** Theme colour id of an entity type's highlight: contributed in package.json under contributes.colors. */
export const colorId = (t: EntityType) => ENTITY_TYPE_DESCRIPTORS[t].colorId;
/** Theme colour id of an entity type's underline (at least 3:1 against the editor background). */
export const borderColorId = (t: EntityType) => `analystLens.${t}Border`;

/** What a document shows: the ranges decorated now, for which document version, from which analysed version. */
export interface DecorationState {
  uri: string;
  /** The document version the ranges are offsets into. */
  version: number;
  /** The version whose analysis the ranges came from (older while an analysis is pending). */
  analysedVersion: number;
  ranges: TrackedRange[];
  /**
   * Set while the ranges come from the analysis of the lines on screen only (visible lines first, on opening a long
   * report): the stretch analysed. The whole document's analysis replaces them.
   */
  preview?: { start: number; end: number };
  /** Milliseconds the host spent moving the ranges and re-setting the decorations after the last edit. */
  followMs?: number;
  /** Milliseconds the host spent turning the analysis of `analysedVersion` into decorations and setting them. */
  applyMs?: number;
  /** Entity types whose decorations the last update set again (the others were unchanged and left as they were). */
  setTypes?: number;
  /** performance.now() in the extension host when the edit that made `analysedVersion` arrived (if one did). */
  editedAt?: number;
  /** performance.now() in the extension host when the decorations of `analysedVersion` were set. */
  appliedAt?: number;
  /** The analysis worker's milliseconds for `analysedVersion` and the host's round trip to it (see DocumentAnalysis). */
  workerMs?: number;
  roundTripMs?: number;
}

/** A shown range with the editor range set for it (in the coordinates of the state's version). */
interface ShownRange extends TrackedRange {
  range: vscode.Range;
}

/** What a document shows, with the editor ranges (never handed out: `state()` copies the offsets only). */
interface Shown extends DecorationState {
  ranges: ShownRange[];
}

/**
 * One decoration type per entity type, created once and coloured from the theme. Decorations are set when the
 * analysis of the current version arrives, and never from an older one. Between analyses the feature moves them
 * itself on every edit (core followEdits: shift what follows, drop what the edit touched and its paragraph), so
 * no highlight ever covers text the current version's analysis would not mark.
 */
export class DecorationFeature implements vscode.Disposable {
  private readonly types = new Map<EntityType, vscode.TextEditorDecorationType>();
  /** uri -> type -> number of ranges currently decorated (what the user sees). */
  private readonly decorated = new Map<string, Record<string, number>>();
  /** uri -> the ranges decorated now (offsets into `version`). */
  private readonly shown = new Map<string, Shown>();
  /**
   * editor -> the shown state its decorations were last set from (kept in step by `follow`). After an edit only the
   * types that lost a range are set again: VS Code moves the others with the text by itself.
   */
  private readonly inSync = new WeakMap<vscode.TextEditor, Shown>();
  /** uri -> when the host received the change event that made a version (for the keystroke -> highlights figure). */
  private readonly editedAt = new Map<string, { version: number; at: number }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fired with a document's uri whenever what it shows changed (moved with an edit, set from an analysis, cleared). */
  private readonly changed = new vscode.EventEmitter<string>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: AnalysisService,
    private readonly config: () => LensConfig,
  ) {
    for (const t of ENTITY_TYPES) {
      this.types.set(
        t,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(colorId(t)),
          // The tint keeps text readable; the underline in the type's full colour carries 3:1 (docs/colours.md).
          borderColor: new vscode.ThemeColor(borderColorId(t)),
          borderStyle: 'solid',
          borderWidth: '0 0 2px 0',
          borderRadius: '2px',
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.subscriptions.push(
      service.onDidAnalyze((r) => this.applyTo(r)),
      // Visible lines first: shown only while no analysis of the whole version is on screen.
      service.onDidPreview((r) => {
        for (const e of vscode.window.visibleTextEditors) {
          if (e.document.uri.toString() !== r.uri) continue;
          const shown = this.shown.get(r.uri);
          if (shown && shown.analysedVersion === r.version && !shown.preview) continue;
          this.apply(e, r);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      this.changed,
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.shown.delete(d.uri.toString());
        this.decorated.delete(d.uri.toString());
        this.editedAt.delete(d.uri.toString());
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        // Large reports are decorated around the visible lines only: follow the scroll.
        const r = service.peek(e.textEditor.document);
        if (!r || r.analysis.entities.length <= VISIBLE_ONLY_ABOVE) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => {
          const now = service.peek(e.textEditor.document);
          if (now && now.version === e.textEditor.document.version) this.apply(e.textEditor, now);
        }, 60);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) {
          const r = service.peek(e.document);
          if (r && r.version === e.document.version) this.apply(e, r);
          else {
            this.showTracked(e);
            if (service.isEligible(e.document)) {
              service.schedule(e.document);
              // A long report opened before its editor showed: the lines on screen first, beside the whole analysis.
              service.preview(e.document);
            }
          }
        }
      }),
    );
  }

  /** Counts of decorated ranges per type for a document, as last applied to a visible editor. */
  decoratedCounts(uri: string): Record<string, number> {
    return { ...(this.decorated.get(uri) ?? Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]))) };
  }

  /** The ranges a document shows now (for tests and scripts: `analystLens.getDecorations`). */
  state(uri: string, withRanges = true): DecorationState | undefined {
    const s = this.shown.get(uri);
    return s && { ...s, ranges: withRanges ? s.ranges.map((r) => ({ start: r.start, end: r.end, type: r.type, text: r.text })) : [] };
  }

  /**
   * The shown state of a document once it satisfies `ok` (checked now and after every change of what it shows), or
   * undefined after `timeoutMs`. Tests and scripts wait with it instead of polling the extension host.
   */
  when(uri: string, ok: (s: DecorationState) => boolean, timeoutMs: number, withRanges = true): Promise<DecorationState | undefined> {
    const test = () => {
      const s = this.shown.get(uri);
      return s && ok(s) ? this.state(uri, withRanges) : undefined;
    };
    const now = test();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (v: DecorationState | undefined) => {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const sub = this.changed.event((u) => {
        if (u !== uri) return;
        const v = test();
        if (v) done(v);
      });
    });
  }

  /** Re-apply to every visible editor (after a settings change or a toggle). */
  refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) {
      const r = this.service.peek(e.document);
      if (r && r.version === e.document.version) this.apply(e, r);
      else if (r) {
        // The analysis is of an older version: its offsets are not this text's. Show what followed the edits.
        this.showTracked(e);
        this.service.schedule(e.document);
      } else this.clear(e);
    }
  }

  /**
   * An edit: move the shown ranges with it now, before any analysis of the new version exists. Only the text around
   * the edit is read; editor ranges are moved, not recomputed, where the edit cannot have changed them; and only the
   * types that lost a range are set again (VS Code moves the other decorations with the text itself).
   */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const key = e.document.uri.toString();
    this.editedAt.set(key, { version: e.document.version, at: performance.now() });
    const s = this.shown.get(key);
    if (!s) return;
    const doc = e.document;
    if (s.version !== doc.version - 1) {
      // An edit we did not see: the offsets cannot be trusted any more. Show nothing until the next analysis.
      this.shown.delete(key);
      for (const ed of vscode.window.visibleTextEditors) if (ed.document === doc) this.clear(ed);
      return;
    }
    const t0 = performance.now();
    const changes = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    const [from, to] = followWindow(changes, length);
    const around = doc.getText(new vscode.Range(doc.positionAt(from), doc.positionAt(to)));
    const kept = followEdits(s.ranges, changes, around, from);
    // Editor ranges: unchanged before the first change; after a single change, lines below it only move by the
    // lines it added or removed; the rest (the changed lines, several changes) are computed again.
    const first = Math.min(...changes.map((c) => c.offset));
    const one = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    const below = one ? one.range.end.line : -1;
    const dl = one ? (one.text.match(/\n/g)?.length ?? 0) - (one.range.end.line - one.range.start.line) : 0;
    for (const r of kept) {
      if (r.start < first) continue;
      const old = r.range;
      if (one && old.start.line > below) {
        if (dl !== 0) r.range = new vscode.Range(old.start.line + dl, old.start.character, old.end.line + dl, old.end.character);
      } else r.range = toRange(doc, r);
    }
    // The types that lost a range: only those change on screen.
    const before = new Map<string, number>();
    for (const r of s.ranges) before.set(r.type, (before.get(r.type) ?? 0) + 1);
    for (const r of kept) before.set(r.type, (before.get(r.type) ?? 0) - 1);
    const changed = new Set<string>([...before].filter(([, n]) => n !== 0).map(([t]) => t));
    s.ranges = kept;
    s.version = doc.version;
    let set = 0;
    for (const ed of vscode.window.visibleTextEditors) {
      if (ed.document !== doc) continue;
      if (this.inSync.get(ed) === s && this.config().enabled && this.service.isEligible(doc)) set = Math.max(set, this.setDecorations(ed, s, changed));
      else set = Math.max(set, this.showTracked(ed));
    }
    s.setTypes = set;
    s.followMs = performance.now() - t0;
    this.changed.fire(key);
  }

  /**
   * Sets the decorations of an editor from a shown state: every type, or only `only` (the others are known to be
   * on screen already). Returns how many types were set.
   */
  private setDecorations(editor: vscode.TextEditor, s: Shown, only?: ReadonlySet<string>): number {
    const cfg = this.config();
    const byType = new Map<EntityType, vscode.Range[]>(ENTITY_TYPES.map((t) => [t, []]));
    for (const r of s.ranges) if (cfg.highlight[r.type as EntityType]) byType.get(r.type as EntityType)?.push(r.range);
    const counts: Record<string, number> = {};
    let set = 0;
    for (const [t, ranges] of byType) {
      if (!only || only.has(t)) {
        editor.setDecorations(this.types.get(t)!, ranges);
        set++;
      }
      counts[t] = ranges.length;
    }
    this.decorated.set(s.uri, counts);
    this.inSync.set(editor, s);
    return set;
  }

  /** Sets the tracked ranges of an editor's document as its decorations (no analysis needed). */
  private showTracked(editor: vscode.TextEditor): number {
    const key = editor.document.uri.toString();
    const s = this.shown.get(key);
    const cfg = this.config();
    if (!s || s.version !== editor.document.version || !cfg.enabled || !this.service.isEligible(editor.document)) {
      this.clear(editor);
      return ENTITY_TYPES.length;
    }
    return this.setDecorations(editor, s);
  }

  private applyTo(r: DocumentAnalysis): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === r.uri) this.apply(e, r);
  }

  private apply(editor: vscode.TextEditor, r: DocumentAnalysis): void {
    const cfg = this.config();
    if (!cfg.enabled || !this.service.isEligible(editor.document)) return this.clear(editor);
    // Only the analysis of the version on screen: older offsets would land on the wrong words.
    if (r.version !== editor.document.version) {
      this.showTracked(editor);
      return;
    }
    const t0 = performance.now();
    const doc = editor.document;
    // Thousands of ranges cost the UI thread on every update; beyond that, decorate what is on screen and a margin.
    let from = 0;
    let to = Number.MAX_SAFE_INTEGER;
    if (r.analysis.entities.length > VISIBLE_ONLY_ABOVE && editor.visibleRanges.length) {
      const first = editor.visibleRanges[0].start.line;
      const last = editor.visibleRanges[editor.visibleRanges.length - 1].end.line;
      from = doc.offsetAt(new vscode.Position(Math.max(0, first - MARGIN_LINES), 0));
      to = doc.offsetAt(new vscode.Position(Math.min(doc.lineCount - 1, last + MARGIN_LINES), Number.MAX_SAFE_INTEGER));
    }
    // What this editor shows now, when it is of this version (moved with the edits): its editor ranges are reused
    // for the entities that did not move. Every type is set again all the same: a decoration update may reach the
    // editor after a keystroke it was not computed for, and this is where such a misplacement heals.
    const now = this.inSync.get(editor);
    const current = now && now.uri === r.uri && now.version === r.version ? now : undefined;
    const old = current?.ranges ?? [];
    let j = 0;
    const entities = r.analysis.entities;
    const tracked: ShownRange[] = [];
    for (let i = lowerBound(entities, from); i < entities.length && entities[i].start <= to; i++) {
      const e = entities[i];
      if (!cfg.highlight[e.type]) continue;
      while (j < old.length && old[j].start < e.start) j++;
      let range: vscode.Range | undefined;
      for (let k = j; k < old.length && old[k].start === e.start; k++) {
        if (old[k].end === e.end && old[k].type === e.type) {
          range = old[k].range;
          break;
        }
      }
      tracked.push({ start: e.start, end: e.end, type: e.type, text: e.text, range: range ?? toRange(doc, e) });
    }
    const edited = this.editedAt.get(r.uri);
    const state: Shown = {
      uri: r.uri,
      version: r.version,
      analysedVersion: r.version,
      ranges: tracked,
      editedAt: edited?.version === r.version ? edited.at : undefined,
      workerMs: r.workerMs,
      roundTripMs: r.roundTripMs,
      ...(r.preview ? { preview: r.preview } : {}),
    };
    this.shown.set(r.uri, state);
    state.setTypes = this.setDecorations(editor, state);
    state.appliedAt = performance.now();
    state.applyMs = state.appliedAt - t0;
    this.changed.fire(r.uri);
  }

  private clear(editor: vscode.TextEditor): void {
    for (const dt of this.types.values()) editor.setDecorations(dt, []);
    this.inSync.delete(editor);
    this.shown.delete(editor.document.uri.toString());
    this.decorated.set(editor.document.uri.toString(), Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])));
    this.changed.fire(editor.document.uri.toString());
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    for (const d of this.subscriptions) d.dispose();
    for (const dt of this.types.values()) dt.dispose();
    this.types.clear();
  }
}
