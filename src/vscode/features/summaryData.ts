import * as vscode from 'vscode';
import { createDocumentModel, withAnnotations, type Annotation, type Summary } from '../../core';
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
export async function computeSummary(
  doc: vscode.TextDocument,
  service: AnalysisService,
  opts: { selection?: [number, number]; quiet?: boolean } = {},
): Promise<Summary> {
  const run = async (token?: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string }>): Promise<Summary> => {
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
    const text = doc.getText();
    progress?.report({ message: 'summarising…' });
    // Let the notification paint before the synchronous work (text and analysis are of one version already).
    await new Promise((r) => setTimeout(r, 0));
    // The document model of this version, with the actor registry applied like the hover and the Actors view.
    const model = createDocumentModel(text, {
      version: analysed.version,
      format: doc.languageId === 'markdown' ? 'markdown' : 'plain',
      analysis: analysed.analysis,
      registry: actors.registry,
      ignore: actors.ignore,
      splits: actors.splits,
    });
    const includeCitations = vscode.workspace.getConfiguration('analystLens', doc.uri).get<unknown>('indicators.includeCitations') === true;
    const summary = model.summary({ ...dates, selection: opts.selection, title: reportName(doc), includeCitations });
    if (token?.isCancellationRequested) throw new SummaryCancelled();
    return withAnnotations(summary, annotationsOf(doc));
  };
  if (opts.quiet || doc.getText().length < PROGRESS_THRESHOLD) return run();
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Analyst Lens: summarising ${reportName(doc)}`, cancellable: true },
      (progress, token) => run(token, progress),
    ),
  );
}
