import * as vscode from 'vscode';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, EXPORTER_DESCRIPTORS, exportFileName, type ExportFormat, type ExporterDescriptor } from '../../core';
import type { AnalysisService } from '../analysisService';
import { COMMANDS } from '../commandIds';
import { exportedSummary, reportName, SummaryCancelled } from './summaryData';

/** Arguments of analystLens.exportSummary; all optional (the palette passes none). */
export interface ExportArgs {
  format?: ExportFormat | string;
  /** Where to write; without it a save dialog asks. */
  uri?: vscode.Uri | string;
  /** The report; default: the active editor's document. */
  document?: vscode.Uri | string;
  /** Summarise only this part (offsets). */
  selection?: [number, number];
  /** Show the "exported" notification (default: only when the user chose the file). */
  notify?: boolean;
}

const LABELS = Object.fromEntries(EXPORTER_DESCRIPTORS.map((d) => [d.name, d])) as Record<ExportFormat, ExporterDescriptor>;

const toUri = (u: vscode.Uri | string) => (u instanceof vscode.Uri ? u : /^[a-z][\w+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u));

/**
 * analystLens.exportSummary: summary of the active report (or args.document) in a chosen format, written where the
 * user says. Returns the URI written, or undefined when cancelled. The report itself is never modified.
 */
export function registerExportCommands(service: AnalysisService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.exportSummary, async (args?: ExportArgs): Promise<string | undefined> => {
      const a: ExportArgs = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {};
      const doc = a.document ? await vscode.workspace.openTextDocument(toUri(a.document)) : vscode.window.activeTextEditor?.document;
      if (!doc || (!a.document && !service.isEligible(doc))) {
        void vscode.window.showInformationMessage('Analyst Lens: open a Markdown or plain-text report to export its summary.');
        return undefined;
      }
      let format = a.format as ExportFormat | undefined;
      if (format !== undefined && !EXPORT_FORMATS.includes(format)) throw new Error(`unknown export format "${String(format)}": use one of ${EXPORT_FORMATS.join(', ')}`);
      if (!format) {
        const pick = await vscode.window.showQuickPick(
          EXPORT_FORMATS.map((f) => ({ label: LABELS[f].label, description: EXPORT_EXTENSIONS[f], detail: LABELS[f].detail, format: f })),
          { title: `Export the summary of ${reportName(doc)}`, placeHolder: 'Format' },
        );
        if (!pick) return undefined;
        format = pick.format;
      }
      let target = a.uri ? toUri(a.uri) : undefined;
      if (!target) {
        const name = exportFileName(doc.uri.path, format);
        const folder = doc.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
        target = await vscode.window.showSaveDialog({
          title: `Export the summary as ${LABELS[format].label}`,
          defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
          filters: Object.fromEntries([LABELS[format].filter]),
          saveLabel: 'Export',
        });
        if (!target) return undefined;
      }
      if (target.toString() === doc.uri.toString()) throw new Error('the export would overwrite the report itself: choose another file');
      try {
        const text = await exportedSummary(doc, service, format, { selection: a.selection });
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      } catch (err) {
        if (err instanceof SummaryCancelled) return undefined;
        log.error(`export of ${doc.uri.toString()} as ${format} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        void vscode.window.showErrorMessage(`Analyst Lens: could not export the summary: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
      log.info(`exported the summary of ${doc.uri.toString()} as ${format} to ${target.toString()}`);
      if (a.notify ?? !a.uri) void notifyExported(target);
      return target.toString();
    }),
  ];
}

/** "Summary exported to …" with Open and Reveal (in the OS file manager for files, in the Explorer otherwise). */
async function notifyExported(target: vscode.Uri): Promise<void> {
  const name = target.path.split('/').pop();
  const where = target.scheme === 'file' ? vscode.workspace.asRelativePath(target, false) : name;
  const reveal = vscode.env.remoteName || target.scheme !== 'file' || vscode.env.uiKind === vscode.UIKind.Web ? 'Reveal in Explorer' : 'Reveal in File Manager';
  const choice = await vscode.window.showInformationMessage(`Analyst Lens: summary exported to ${where}`, 'Open', reveal);
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
  else if (choice === 'Reveal in File Manager') await vscode.commands.executeCommand('revealFileInOS', target);
  else if (choice === 'Reveal in Explorer') await vscode.commands.executeCommand('revealInExplorer', target);
}
