import * as vscode from 'vscode';
import type { Annotation, ExportFormat, Summary } from '../../core';
import type { AnalysisService } from '../analysisService';

/** Reports longer than this get a cancellable progress notification while they are summarised. */
export const PROGRESS_THRESHOLD = 20_000;

export function reportName(doc: vscode.TextDocument): string {
  const base = doc.uri.path.split('/').pop() || 'report';
  return doc.isUntitled ? base : base.replace(/\.(?:md|markdown|txt|text)$/i, '');
}

/**
 * The report date: the setting analystLens.reportDate when set (the user's word), otherwise whatever the report
 * says, and the file's modification time (workspace.fs.stat, so remote and virtual files work) as the fallback.
 */
export async function reportDateFor(doc: vscode.TextDocument): Promise<{ reportDate?: string; reportDateSource?: 'option' | 'fallback' }> {
  const setting = vscode.workspace.getConfiguration('analystLens', doc.uri).get<unknown>('reportDate');
  if (typeof setting === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(setting.trim())) return { reportDate: setting.trim(), reportDateSource: 'option' };
  if (doc.isUntitled) return {};
  try {
    const st = await vscode.workspace.fs.stat(doc.uri);
    if (st.mtime > 0) return { reportDate: new Date(st.mtime).toISOString().slice(0, 10), reportDateSource: 'fallback' };
  } catch {
    // No file behind the document (e.g. a virtual one that cannot be stat'ed): no fallback date.
  }
  return {};
}

/** The analyst's annotations of a document (set by the annotations feature); the summary lists them. */
let annotationsOf: (doc: vscode.TextDocument) => readonly Annotation[] = () => [];
export function setSummaryAnnotations(source: (doc: vscode.TextDocument) => readonly Annotation[]): void {
  annotationsOf = source;
}

export class SummaryCancelled extends Error {
  constructor() {
    super('summary cancelled');
  }
}

/**
 * Summarises a document (or a selection of it, as offsets). Reuses the analysis service's result for the current
 * version; long reports show a cancellable progress notification. Cancelling discards the result: summarize() itself
 * is synchronous, so the check happens before it starts and before its result is used.
 */
export function computeSummary(doc: vscode.TextDocument, service: AnalysisService, opts: { selection?: [number, number]; quiet?: boolean } = {}): Promise<Summary> {
  return summaryOf(doc, service, opts, undefined);
}

/** The summary exported in a format: the text of the file, made in the worker (the host has no exporters). */
export function exportedSummary(doc: vscode.TextDocument, service: AnalysisService, format: ExportFormat, opts: { selection?: [number, number]; quiet?: boolean } = {}): Promise<string> {
  return summaryOf(doc, service, opts, { format, source: doc.uri.toString() });
}

function summaryOf(doc: vscode.TextDocument, service: AnalysisService, opts: { selection?: [number, number]; quiet?: boolean }, exportAs: undefined): Promise<Summary>;
function summaryOf(doc: vscode.TextDocument, service: AnalysisService, opts: { selection?: [number, number]; quiet?: boolean }, exportAs: { format: ExportFormat; source: string }): Promise<string>;
function summaryOf(
  doc: vscode.TextDocument,
  service: AnalysisService,
  opts: { selection?: [number, number]; quiet?: boolean },
  exportAs: { format: ExportFormat; source: string } | undefined,
): Promise<Summary | string> {
  const run = async (token?: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string }>): Promise<Summary | string> => {
    progress?.report({ message: 'analysing…' });
    const dates = await reportDateFor(doc);
    const actors = await service.actorOptions();
    if (token?.isCancellationRequested) throw new SummaryCancelled();
    // The analysis of the version on screen (the worker tags; the host has no model), fetched after the other awaits
    // so that nothing can change the text between it and getText(); wait for it if typing moved on.
    let analysed = await service.get(doc);
    for (let tries = 0; analysed.version !== doc.version && tries < 20; tries++) analysed = await service.get(doc);
    if (analysed.skipped) throw new Error(`${reportName(doc)}: ${analysed.skipped}`);
    if (analysed.version !== doc.version) throw new Error(`${reportName(doc)} kept changing while it was summarised: try again.`);
    progress?.report({ message: 'summarising…' });
    // The worker's document model of this version builds the summary, with the actor registry applied like the
    // hover and the Actors view (the host bundle has no summariser).
    const includeCitations = vscode.workspace.getConfiguration('analystLens', doc.uri).get<unknown>('indicators.includeCitations') === true;
    const query = {
      actors: { registry: actors.registry, ignore: actors.ignore, splits: actors.splits },
      format: doc.languageId === 'markdown' ? ('markdown' as const) : ('plain' as const),
      summary: { ...dates, selection: opts.selection, title: reportName(doc), includeCitations },
      annotations: [...annotationsOf(doc)],
    };
    const result = exportAs ? await service.model(doc, analysed, { what: 'export', exportAs, ...query }) : await service.model(doc, analysed, { what: 'summary', ...query });
    if (token?.isCancellationRequested) throw new SummaryCancelled();
    return result;
  };
  if (opts.quiet || doc.getText().length < PROGRESS_THRESHOLD) return run();
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Analyst Lens: summarising ${reportName(doc)}`, cancellable: true },
      (progress, token) => run(token, progress),
    ),
  );
}

