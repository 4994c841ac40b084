import * as vscode from 'vscode';
import type { Summary } from '../../core';
import type { AnalysisService, DocumentAnalysis } from '../analysisService';
import { COMMANDS } from '../commandIds';
import { computeSummary, reportName, SummaryCancelled } from './summaryData';
import { makeNonce, renderSummaryBody, renderSummaryPage } from './summaryHtml';

/** What analystLens.showSummary returns (for scripts and tests). */
export interface ShowSummaryResult {
  uri: string;
  version: number;
  summary: Summary;
}

type FromView = { type: 'ready' } | { type: 'refresh' } | { type: 'reveal'; start: number; end: number } | { type: 'export'; format: string };

/**
 * Longest report the view re-summarises by itself while it is edited (summaries run on the extension host thread:
 * about a second for 7,000 words). Longer reports show a "changed" bar with a Refresh button instead.
 */
export const AUTO_REFRESH_LIMIT = 60_000;

/**
 * The summary view: one webview panel beside the editor, for the active report or its selection. It follows the
 * report as it changes (the analysis service's onDidAnalyze), and every actor, place, date and quote links back to
 * its place in the report.
 */
export class SummaryViewFeature implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  /** Offsets of the summarised selection, kept in step with edits. */
  private selection: [number, number] | undefined;
  private latest: Summary | undefined;
  /** Document version the latest summary was made from. */
  private latestVersion = -1;
  private body = '';
  private pending: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private rerun = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: AnalysisService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(COMMANDS.showSummary, (arg?: unknown) => this.show(arg)),
      vscode.commands.registerCommand(COMMANDS.getSummaryView, (): ShowSummaryResult | undefined =>
        this.doc && this.latest && this.panel ? { uri: this.doc.uri.toString(), version: this.latestVersion, summary: this.latest } : undefined,
      ),
      vscode.commands.registerCommand(COMMANDS.getSummaryViewHtml, () => {
        if (!this.panel) return undefined;
        const o = this.panel.webview.options;
        return {
          html: this.panel.webview.html,
          body: this.body,
          options: { enableScripts: o.enableScripts, enableCommandUris: o.enableCommandUris, localResourceRoots: (o.localResourceRoots ?? []).map((u) => u.toString()) },
          extensionUri: this.context.extensionUri.toString(),
        };
      }),
      service.onDidAnalyze((e) => this.onAnalyzed(e)),
      vscode.workspace.onDidChangeTextDocument((e) => this.trackSelection(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc && this.panel) this.post('<p class="muted">The report was closed.</p>');
      }),
    );
  }

  /** The document and summary shown, if any (used by the export command's default). */
  current(): { doc: vscode.TextDocument; summary: Summary } | undefined {
    return this.doc && this.latest ? { doc: this.doc, summary: this.latest } : undefined;
  }

  private async show(arg?: unknown): Promise<ShowSummaryResult | undefined> {
    const target = await this.target(arg);
    if (!target) {
      void vscode.window.showInformationMessage('Analyst Lens: open a Markdown or plain-text report to summarise it.');
      return undefined;
    }
    const { doc, selection } = target;
    this.doc = doc;
    this.selection = selection;
    this.ensurePanel(doc);
    try {
      const version = doc.version;
      const summary = await computeSummary(doc, this.service, { selection });
      this.render(summary, version);
      return { uri: doc.uri.toString(), version: doc.version, summary };
    } catch (err) {
      if (err instanceof SummaryCancelled) return undefined;
      this.log.error(`summary of ${doc.uri.toString()} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      this.post(`<p class="muted">Could not summarise this report: ${escapeText(err instanceof Error ? err.message : String(err))}</p>`);
      void vscode.window.showErrorMessage(`Analyst Lens: could not summarise ${reportName(doc)} (see the Analyst Lens log).`);
      return undefined;
    }
  }

  /** The report to summarise: an explicit URI, else the active editor (its selection when it has one). */
  private async target(arg: unknown): Promise<{ doc: vscode.TextDocument; selection?: [number, number] } | undefined> {
    if (arg instanceof vscode.Uri || (typeof arg === 'string' && arg)) {
      const doc = await vscode.workspace.openTextDocument(arg instanceof vscode.Uri ? arg : vscode.Uri.parse(arg));
      return { doc };
    }
    const editor = vscode.window.activeTextEditor ?? (this.doc ? vscode.window.visibleTextEditors.find((e) => e.document === this.doc) : undefined);
    if (!editor || !this.service.isEligible(editor.document)) return undefined;
    const sel = editor.selection;
    if (sel.isEmpty) return { doc: editor.document };
    return { doc: editor.document, selection: [editor.document.offsetAt(sel.start), editor.document.offsetAt(sel.end)] };
  }

  private ensurePanel(doc: vscode.TextDocument): void {
    const title = `Summary: ${reportName(doc)}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('analystLens.summary', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [media],
    });
    this.panel = panel;
    this.body = '<p class="muted">Summarising…</p>';
    this.setHtml();
    panel.webview.onDidReceiveMessage((m: FromView) => this.onMessage(m), undefined, this.disposables);
    panel.onDidChangeViewState((e) => {
      // The page is rebuilt when a hidden panel is shown again: give it the latest content.
      if (e.webviewPanel.visible) this.setHtml();
    }, undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.doc = undefined;
      this.latest = undefined;
      clearTimeout(this.pending);
    }, undefined, this.disposables);
  }

  private setHtml(): void {
    if (!this.panel) return;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    webview.html = renderSummaryPage({
      body: this.body,
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'summary.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'summary.js')).toString(),
      title: this.panel.title,
    });
  }

  private render(summary: Summary, version: number): void {
    this.latest = summary;
    this.latestVersion = version;
    if (this.doc) this.post(renderSummaryBody(summary, reportName(this.doc)));
  }

  private post(body: string): void {
    this.body = body;
    void this.panel?.webview.postMessage({ type: 'update', body });
  }

  private async onMessage(m: FromView): Promise<void> {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ready') {
      void this.panel?.webview.postMessage({ type: 'update', body: this.body });
    } else if (m.type === 'refresh') {
      await this.refresh(false);
    } else if (m.type === 'reveal' && this.doc && Number.isInteger(m.start) && Number.isInteger(m.end)) {
      await this.reveal(this.doc, m.start, m.end);
    } else if (m.type === 'export' && this.doc && typeof m.format === 'string') {
      await vscode.commands.executeCommand(COMMANDS.exportSummary, { format: m.format, document: this.doc.uri, selection: this.selection });
    }
  }

  /** Shows the report with [start, end) selected, in the editor column it already has, else the first. */
  private async reveal(doc: vscode.TextDocument, start: number, end: number): Promise<void> {
    if (doc.isClosed) doc = await vscode.workspace.openTextDocument(doc.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, preview: false });
    const max = doc.getText().length;
    const range = new vscode.Range(doc.positionAt(Math.min(start, max)), doc.positionAt(Math.min(end, max)));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private onAnalyzed(e: DocumentAnalysis): void {
    if (!this.panel || !this.doc || e.uri !== this.doc.uri.toString()) return;
    clearTimeout(this.pending);
    if (e.analysis.length > AUTO_REFRESH_LIMIT) {
      if (e.version !== this.latestVersion) void this.panel.webview.postMessage({ type: 'stale' });
      return;
    }
    // Summaries cost more than the entity layer: wait for typing to pause a little longer.
    this.pending = setTimeout(() => void this.refresh(), 250);
  }

  private async refresh(quiet = true): Promise<void> {
    const doc = this.doc;
    if (!doc || !this.panel || doc.isClosed) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      const version = doc.version;
      this.render(await computeSummary(doc, this.service, { selection: this.selection, quiet }), version);
    } catch (err) {
      this.log.warn(`summary refresh failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        void this.refresh();
      }
    }
  }

  /** Moves the summarised selection with the edits made before or inside it. */
  private trackSelection(e: vscode.TextDocumentChangeEvent): void {
    if (!this.selection || e.document !== this.doc) return;
    let [a, b] = this.selection;
    for (const c of e.contentChanges) {
      const cs = c.rangeOffset;
      const ce = c.rangeOffset + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      if (ce <= a) {
        a += delta;
        b += delta;
      } else if (cs < b) {
        a = Math.min(a, cs);
        b = Math.max(cs + c.text.length, b + delta);
      }
    }
    this.selection = a < b ? [a, b] : undefined;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
