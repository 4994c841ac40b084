import * as vscode from 'vscode';
import { KeyedDebouncer } from './debounce';
import { ENTITY_TYPES, type Analysis, type AnalyzeOptions, type BuildActorsOptions, type EntityType } from '../core';
import { isSuperseded, type Analyzer, type ModelAnswers, type ModelQuery } from './analyzer';
import { isReport, type LensConfig } from './config';

/** The analysis of one version of one document, or why it was skipped. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Set when the document was not analysed at all (binary content, an error). */
  skipped?: string;
  /** What the analyzer found, before the analyst's corrections (`analysis` has them applied). */
  raw?: Analysis;
  /** The options the analysis was made with. */
  options?: AnalyzeOptions;
  /** The analysis worker's own milliseconds for this version, and the request's round trip seen by the host. */
  workerMs?: number;
  roundTripMs?: number;
  /** Not analysed: the document was edited again before the worker reached this version (never cached or shown). */
  superseded?: boolean;
  /** The analysis of this stretch only (visible lines first): shown until the whole analysis arrives, never cached. */
  preview?: { start: number; end: number };
}

/** Reports from this many characters (about 7,000 words) get the lines on screen analysed first when they open. */
export const PREVIEW_ABOVE = 40_000;
/** Characters above and below the visible lines that the first stretch covers (a screen or two of prose). */
const PREVIEW_MARGIN = 6_000;

const EMPTY: Omit<Analysis, 'length'> = {
  entities: [],
  counts: Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>,
};

/** Text with many NUL or control characters is not prose: a binary file opened as text. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65_536);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / n > 0.01;
}

/**
 * Owns the analyses of open documents: debounced per document, cached by version, never throwing into the host.
 * Consumers listen to `onDidAnalyze` (decorations, status bar) or `await get(doc)` (commands, tests).
 */
export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly debounce = new KeyedDebouncer();
  private readonly unlimited = new Set<string>();
  private readonly warnedLimit = new Set<string>();
  /** Per document: whether its text looked binary when first read. */
  private readonly binary = new Map<string, boolean>();
  /** The analysis in flight per document, with the version it is for. */
  private readonly inflight = new Map<string, { version: number; promise: Promise<DocumentAnalysis> }>();
  /** Documents edited while their analysis was in flight: analysed again (the newest version) when it returns. */
  private readonly again = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<DocumentAnalysis>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly started = new vscode.EventEmitter<{ uri: string; length: number }>();
  /** An analysis started (the status bar shows progress for long reports). */
  readonly onDidStart = this.started.event;
  private readonly previewed = new vscode.EventEmitter<DocumentAnalysis>();
  /** Per document: the version whose lines on screen were asked for first. */
  private readonly previewAsked = new Map<string, number>();
  /**
   * The analysis of the lines on screen of a long report that has no analysis yet (visible lines first): only the
   * decorations show it, until `onDidAnalyze` brings the whole document's.
   */
  readonly onDidPreview = this.previewed.event;
  /** Applied to every analysis before it is cached and announced (the analyst's entity annotations). */
  postProcess: ((doc: vscode.TextDocument, text: () => string, analysis: Analysis) => Analysis) | undefined;

  /** The analyst's corrections (features/lens.ts), applied to every analysis before anyone sees it. */
  private corrector: ((text: () => string, analysis: Analysis) => Analysis) | undefined;
  /**
   * The actor registry and ignore list every consumer builds actors with (set by the actor features): the summary
   * and the exports use it like the hover and the Actors view.
   */
  actorOptions: () => Promise<BuildActorsOptions> = async () => ({});

  /** Edits go to the worker as they happen (deltas), so an analysis request never carries the whole text. */
  private readonly edits = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length && this.isEligible(e.document)) {
      this.analyzer.edit(
        e.document.uri.toString(),
        e.document.version,
        e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
      );
    }
  });

  constructor(
    readonly analyzer: Analyzer,
    private readonly config: () => LensConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  isEligible(doc: vscode.TextDocument): boolean {
    return isReport(doc, this.config());
  }

  /** Latest analysis known for a document (possibly of an older version). */
  peek(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.cache.get(doc.uri.toString());
  }

  /**
   * A layer of the document model of an analysed version, built in the worker (actors, summary, resolved dates,
   * threat picture...). The host's analysis goes along only when the analyst's corrections or annotations changed
   * it; the text only when the worker does not hold that version.
   */
  model<Q extends ModelQuery>(doc: vscode.TextDocument, r: DocumentAnalysis, query: Q): Promise<ModelAnswers[Q['what']]> {
    return this.analyzer.model(r.uri, r.version, () => doc.getText(), r.options, r.skipped || (r.raw && r.analysis !== r.raw) ? r.analysis : undefined, query);
  }

  /**
   * Re-analyse as soon as the analyzer is free: at once (after the current event, so the change events of one edit
   * count once) when no analysis of the document is in flight, else when it returns, for the version current then.
   * No fixed typing delay: one analysis at a time per document, always of the newest version, keeps the highlights
   * of a keystroke tens of milliseconds behind it instead of a debounce behind it, without a queue of stale work.
   */
  schedule(doc: vscode.TextDocument): void {
    if (!this.isEligible(doc)) return;
    const key = doc.uri.toString();
    const running = this.inflight.get(key);
    if (running) {
      if (running.version !== doc.version) this.again.add(key);
      return;
    }
    this.debounce.schedule(key, 0, () => {
      if (!doc.isClosed) void this.run(doc);
    });
  }

  /** The analysis of the document's current version, computed now if needed. */
  async get(doc: vscode.TextDocument): Promise<DocumentAnalysis> {
    for (;;) {
      const cached = this.cache.get(doc.uri.toString());
      if (cached && cached.version === doc.version) return cached;
      this.debounce.cancel(doc.uri.toString());
      const r = await this.run(doc);
      // Skipped by the worker for a newer version: ask for the version current now.
      if (!r.superseded || doc.isClosed) return r;
    }
  }

  /** Analyse the whole document even above the size limit (the user asked). */
  analyseAll(doc: vscode.TextDocument): Promise<DocumentAnalysis> {
    this.unlimited.add(doc.uri.toString());
    return this.run(doc);
  }

  /** Sets the corrector, or re-applies it after the corrections changed: cached analyses are corrected again and announced. */
  setCorrector(fn: ((text: () => string, analysis: Analysis) => Analysis) | undefined): void {
    this.corrector = fn;
    for (const [key, r] of this.cache) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!doc || doc.version !== r.version || !r.raw) continue;
      const next = { ...r, analysis: this.correct(() => doc.getText(), r.raw) };
      this.cache.set(key, next);
      this.emitter.fire(next);
    }
  }

  private correct(text: () => string, analysis: Analysis): Analysis {
    if (!this.corrector) return analysis;
    try {
      return this.corrector(text, analysis);
    } catch (err) {
      this.log.error(`corrections failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return analysis;
    }
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debounce.cancel(key);
    this.cache.delete(key);
    this.inflight.delete(key);
    this.again.delete(key);
    this.warnedLimit.delete(key);
    this.binary.delete(key);
    this.previewAsked.delete(key);
    this.analyzer.forget(key);
  }

  /**
   * Analyses the document's current version off the UI path. Only the result for the version that is still current
   * is cached and announced; results for versions edited away meanwhile are dropped.
   */
  private run(doc: vscode.TextDocument): Promise<DocumentAnalysis> {
    const key = doc.uri.toString();
    const version = doc.version;
    const running = this.inflight.get(key);
    if (running && running.version === version) return running.promise;
    // The length without reading the text: the worker holds this version already when it followed the edits.
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    this.started.fire({ uri: key, length });
    const promise = this.compute(doc, key, version, length).then((result) => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
      if (this.again.delete(key) && !doc.isClosed && doc.version !== result.version && !this.inflight.has(key)) this.schedule(doc);
      if (doc.isClosed || doc.version !== result.version || result.superseded) return result; // stale: a newer run follows
      this.cache.set(key, result);
      this.emitter.fire(result);
      if (result.analysis.limited) this.announceLimit(doc, result.analysis.limited.analyzedLength);
      return result;
    });
    this.inflight.set(key, { version, promise });
    return promise;
  }

  private async compute(doc: vscode.TextDocument, key: string, version: number, length: number): Promise<DocumentAnalysis> {
    // The text is read only when needed: by the analyzer when the worker does not hold this version, by the
    // corrections and annotations when there are any. Typing into a long report never copies it on the host.
    let text: string | undefined;
    const textOf = () => (text ??= doc.getText());
    // Whether a document is binary is decided on its first text (typing does not make text binary).
    let binary = this.binary.get(key);
    if (binary === undefined) this.binary.set(key, (binary = looksBinary(textOf())));
    if (binary) return { uri: key, version, analysis: { ...EMPTY, length }, skipped: 'binary content: not analysed' };
    try {
      const t0 = Date.now();
      const options = this.optionsFor(doc);
      const { maxLength, format } = options;
      // The last analysis of this document made with these options: the worker sends only what changed since.
      const last = this.cache.get(key);
      // Opening a long report: the lines on screen first (the request goes before the whole analysis, and brings the text).
      if (!last) this.preview(doc);
      const base = last?.raw && last.options?.maxLength === maxLength && last.options.format === format ? { version: last.version, analysis: last.raw } : undefined;
      const raw = await this.analyzer.analyze(key, version, textOf, options, base);
      // Edited meanwhile: this result is never shown (the next run follows); the text on hand is another version's.
      if (doc.isClosed || doc.version !== version) return { uri: key, version, analysis: raw, raw, options };
      let analysis = this.correct(textOf, raw);
      if (this.postProcess) analysis = this.postProcess(doc, textOf, analysis);
      this.log.debug(`analysed ${doc.uri.fsPath || key} v${version}: ${length} chars, ${analysis.entities.length} entities in ${Date.now() - t0} ms (${this.analyzer.kind})`);
      const timing = this.analyzer.lastAnalyze(key);
      return { uri: key, version, analysis, raw, options, ...(timing?.version === version ? { workerMs: timing.workerMs, roundTripMs: timing.roundTripMs } : {}) };
    } catch (err) {
      // Not computed because the document was edited again meanwhile: the analysis of the newer version follows.
      if (isSuperseded(err)) return { uri: key, version, analysis: { ...EMPTY, length }, superseded: true };
      // The core is designed never to throw; if it does, the user keeps working and the log says why.
      this.log.error(`analysis failed for ${key}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return { uri: key, version, analysis: { ...EMPTY, length }, skipped: 'analysis failed (see the Analyst Lens log)' };
    }
  }

  /** The options a document is analysed with (its length limit and format). */
  private optionsFor(doc: vscode.TextDocument): AnalyzeOptions & { maxLength: number; format: 'plain' | 'markdown' } {
    const maxLength = this.unlimited.has(doc.uri.toString()) ? Number.MAX_SAFE_INTEGER : this.config().maxDocumentLength;
    const format = doc.languageId === 'markdown' && !this.config().analyzeMarkdownCode ? 'markdown' : 'plain';
    return { maxLength, format };
  }

  /**
   * Visible lines first: a long report with no analysis yet, on screen, gets the lines it shows (and a margin)
   * analysed on their own, announced by `onDidPreview` unless the whole analysis came first. Once per version; called
   * when its first analysis starts and when an editor shows it (an editor can open after the analysis started).
   */
  preview(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const version = doc.version;
    if (this.cache.has(key) || this.previewAsked.get(key) === version || this.binary.get(key) !== false || !this.isEligible(doc)) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (!editor || !editor.visibleRanges.length) return;
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    if (length < PREVIEW_ABOVE) return;
    this.previewAsked.set(key, version);
    const from = Math.max(0, doc.offsetAt(editor.visibleRanges[0].start) - PREVIEW_MARGIN);
    const to = Math.min(length, doc.offsetAt(editor.visibleRanges[editor.visibleRanges.length - 1].end) + PREVIEW_MARGIN);
    let text: string | undefined;
    const textOf = () => (text ??= doc.getText());
    this.analyzer.preview(key, version, textOf, from, to, this.optionsFor(doc)).then(
      (raw) => {
        if (doc.isClosed || doc.version !== version || this.cache.get(key)?.version === version) return;
        let analysis = this.correct(textOf, raw);
        if (this.postProcess) analysis = this.postProcess(doc, textOf, analysis);
        const stretch = (raw as Analysis & { preview?: { start: number; end: number } }).preview ?? { start: from, end: to };
        this.previewed.fire({ uri: key, version, analysis, raw, preview: stretch });
      },
      (err) => {
        if (!isSuperseded(err)) this.log.debug(`first stretch of ${key} not analysed: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }

  private announceLimit(doc: vscode.TextDocument, analysed: number): void {
    const key = doc.uri.toString();
    if (this.warnedLimit.has(key)) return;
    this.warnedLimit.add(key);
    const name = doc.uri.path.split('/').pop() || key;
    void vscode.window
      .showInformationMessage(
        `Analyst Lens analysed the first ${analysed.toLocaleString('en')} of ${doc.getText().length.toLocaleString('en')} characters of ${name} (setting analystLens.maxDocumentLength).`,
        'Analyse All',
        'Open Settings',
      )
      .then((choice) => {
        if (choice === 'Analyse All' && !doc.isClosed) void this.analyseAll(doc);
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'analystLens.maxDocumentLength');
      });
  }

  dispose(): void {
    this.edits.dispose();
    this.analyzer.dispose();
    this.started.dispose();
    this.previewed.dispose();
    this.debounce.dispose();
    this.emitter.dispose();
  }
}
