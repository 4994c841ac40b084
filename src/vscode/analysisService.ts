import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core';
import type { LensConfig } from './config';

/** The analysis of one version of one document, or why it was skipped. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Set when the document was not analysed at all (binary content, an error). */
  skipped?: string;
}

const EMPTY: Omit<Analysis, 'length'> = {
  entities: [],
  counts: { person: 0, organization: 0, place: 0, date: 0, time: 0, group: 0, title: 0, quantity: 0 },
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
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly unlimited = new Set<string>();
  private readonly warnedLimit = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<DocumentAnalysis>();
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly config: () => LensConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  isEligible(doc: vscode.TextDocument): boolean {
    return this.config().languages.includes(doc.languageId) && doc.uri.scheme !== 'output' && doc.uri.scheme !== 'vscode-scm';
  }

  /** Latest analysis known for a document (possibly of an older version). */
  peek(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.cache.get(doc.uri.toString());
  }

  /** Re-analyse after the debounce delay; typing restarts the delay. */
  schedule(doc: vscode.TextDocument): void {
    if (!this.isEligible(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.run(doc);
      }, this.config().debounceMs),
    );
  }

  /** The analysis of the document's current version, computed now if needed. */
  async get(doc: vscode.TextDocument): Promise<DocumentAnalysis> {
    const cached = this.cache.get(doc.uri.toString());
    if (cached && cached.version === doc.version) return cached;
    clearTimeout(this.timers.get(doc.uri.toString()));
    return this.run(doc);
  }

  /** Analyse the whole document even above the size limit (the user asked). */
  analyseAll(doc: vscode.TextDocument): DocumentAnalysis {
    this.unlimited.add(doc.uri.toString());
    return this.run(doc);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.warnedLimit.delete(key);
  }

  private run(doc: vscode.TextDocument): DocumentAnalysis {
    const key = doc.uri.toString();
    const text = doc.getText();
    let result: DocumentAnalysis;
    if (looksBinary(text)) {
      result = { uri: key, version: doc.version, analysis: { ...EMPTY, length: text.length }, skipped: 'binary content: not analysed' };
    } else {
      try {
        const maxLength = this.unlimited.has(key) ? Number.MAX_SAFE_INTEGER : this.config().maxDocumentLength;
        const t0 = Date.now();
        const analysis = analyze(text, { maxLength });
        this.log.debug(`analysed ${doc.uri.fsPath || key} v${doc.version}: ${text.length} chars, ${analysis.entities.length} entities in ${Date.now() - t0} ms`);
        result = { uri: key, version: doc.version, analysis };
        if (analysis.limited) this.announceLimit(doc, analysis.limited.analyzedLength);
      } catch (err) {
        // The core is designed never to throw; if it does, the user keeps working and the log says why.
        this.log.error(`analysis failed for ${key}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        result = { uri: key, version: doc.version, analysis: { ...EMPTY, length: text.length }, skipped: 'analysis failed (see the Analyst Lens log)' };
      }
    }
    this.cache.set(key, result);
    this.emitter.fire(result);
    return result;
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
        if (choice === 'Analyse All' && !doc.isClosed) this.analyseAll(doc);
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'analystLens.maxDocumentLength');
      });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.emitter.dispose();
  }
}
