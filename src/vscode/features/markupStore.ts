import * as vscode from 'vscode';
import { LINT_CODES, type LintOptions, type MarkupDiagnostic, type MarkupSpan } from '../../core';
import { looksBinary } from '../analysisService';
import { isReport, readMarkupRules, type LensConfig } from '../config';
import { isSuperseded, type Analyzer } from '../analyzer';

/** The markup of one version of one document. */
export interface DocumentMarkup {
  uri: string;
  version: number;
  spans: MarkupSpan[];
  /** Lint diagnostics with the document's rule settings applied (rules set to "off" are absent). */
  diagnostics: MarkupDiagnostic[];
  /** Set when the document was not (fully) read: binary content, or longer than analystLens.maxDocumentLength. */
  limited?: string;
  /** Not computed: the document was edited again before the worker reached this version (never cached). */
  superseded?: boolean;
}


/**
 * Per-document cache of analyst markup (spans and lint diagnostics), keyed by version. Computed by the analyzer:
 * the analysis worker, which holds the document's text already (it follows the edits), or its fallback.
 */
export class MarkupStore implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentMarkup>();
  private readonly inflight = new Map<string, { version: number; promise: Promise<DocumentMarkup> }>();
  private readonly emitter = new vscode.EventEmitter<DocumentMarkup>();
  /** Per document: whether its text looked binary when first read (typing does not make text binary). */
  private readonly binary = new Map<string, boolean>();
  /** Bumped by invalidate(): results computed under older settings go to their caller but are neither kept nor announced. */
  private generation = 0;
  /** Fires with each newly computed result for a document's current version. */
  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly config: () => LensConfig,
    private readonly analyzer: Analyzer,
  ) {}

  isEligible(doc: vscode.TextDocument): boolean {
    return isReport(doc, this.config());
  }

  /** The result for the document's current version if it is cached. */
  peek(doc: vscode.TextDocument): DocumentMarkup | undefined {
    const r = this.cache.get(doc.uri.toString());
    return r && r.version === doc.version ? r : undefined;
  }

  /** The markup of the document's current version, computed now if needed (also for ineligible documents: commands use it). */
  get(doc: vscode.TextDocument): Promise<DocumentMarkup> {
    const key = doc.uri.toString();
    const cached = this.peek(doc);
    if (cached) return Promise.resolve(cached);
    const running = this.inflight.get(key);
    if (running && running.version === doc.version) return running.promise;
    const version = doc.version;
    const generation = this.generation;
    const promise: Promise<DocumentMarkup> = this.compute(doc, key, version).then((r) => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
      // Skipped by the worker for a newer version: the markup of the version current now.
      if (r.superseded) return doc.isClosed ? r : this.get(doc);
      if (!doc.isClosed && doc.version === version && generation === this.generation) {
        this.cache.set(key, r);
        this.emitter.fire(r);
      }
      return r;
    });
    this.inflight.set(key, { version, promise });
    return promise;
  }

  /** Drops every result (after a settings change): the next get() computes again, under the new settings. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.inflight.clear();
  }

  /** Drops one document's result (it closed). */
  forget(uri: vscode.Uri): void {
    this.binary.delete(uri.toString());
    this.cache.delete(uri.toString());
    this.inflight.delete(uri.toString());
  }

  private async compute(doc: vscode.TextDocument, key: string, version: number): Promise<DocumentMarkup> {
    // The text is read only if the worker does not hold this version (or to tell once whether it is binary).
    let text: string | undefined;
    const full = () => (text ??= doc.getText());
    let binary = this.binary.get(key);
    if (binary === undefined) this.binary.set(key, (binary = looksBinary(full())));
    if (binary) return { uri: key, version, spans: [], diagnostics: [], limited: 'binary content: not read' };
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    const max = this.config().maxDocumentLength;
    const limited = length > max ? `only the first ${max} characters were read (analystLens.maxDocumentLength)` : undefined;
    const rules = readMarkupRules(doc);
    const ruleOptions: NonNullable<LintOptions['rules']> = {};
    for (const code of LINT_CODES) ruleOptions[code] = rules[code] === 'off' ? false : rules[code];
    const lint = LINT_CODES.some((c) => rules[c] !== 'off');
    try {
      const r = await this.analyzer.markup(key, version, full, { maxLength: max, rules: ruleOptions, lint });
      return { uri: key, version, spans: r.spans, diagnostics: r.diagnostics, limited };
    } catch (err) {
      if (isSuperseded(err)) return { uri: key, version, spans: [], diagnostics: [], superseded: true };
      throw err;
    }
  }

  dispose(): void {
    this.emitter.dispose();
    this.cache.clear();
    this.inflight.clear();
  }
}
