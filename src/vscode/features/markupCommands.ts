import * as vscode from 'vscode';
import type { MarkupSpan } from '../../core';
import { COMMANDS } from '../commandIds';
import type { MarkupStore } from './markupStore';
import { fangEdits, uniqueValues } from './markupText';

/** What analystLens.getMarkup returns (for tests and scripts). */
export interface MarkupResult {
  uri: string;
  version: number;
  limited?: string;
  spans: MarkupSpan[];
  diagnostics: { start: number; end: number; code: string; severity: string; message: string; range: [number, number, number, number] }[];
}

async function resolveDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string' && arg) return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  return vscode.window.activeTextEditor?.document;
}

/** Offset ranges of the editor's non-empty selections, or undefined when nothing is selected (= the whole document). */
function selectedRanges(editor: vscode.TextEditor): [number, number][] | undefined {
  const doc = editor.document;
  const ranges = editor.selections.filter((s) => !s.isEmpty).map((s) => [doc.offsetAt(s.start), doc.offsetAt(s.end)] as [number, number]);
  return ranges.length ? ranges : undefined;
}

/** Indicators in the selections (any overlap counts) or in the whole document. */
function indicatorsIn(spans: readonly MarkupSpan[], ranges: [number, number][] | undefined): MarkupSpan[] {
  return spans.filter((s) => s.kind === 'indicator' && (!ranges || ranges.some(([a, b]) => s.start < b && a < s.end)));
}

async function rewrite(store: MarkupStore, mode: 'defang' | 'refang'): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(`Analyst Lens: open a report to ${mode} its indicators.`);
    return 0;
  }
  const doc = editor.document;
  const version = doc.version;
  const r = await store.get(doc);
  if (doc.version !== version || r.version !== version) {
    void vscode.window.showWarningMessage('Analyst Lens: the report changed while its indicators were being found; run the command again.');
    return 0;
  }
  const ranges = selectedRanges(editor);
  const edits = fangEdits(indicatorsIn(r.spans, ranges), mode);
  const where = ranges ? 'in the selection' : 'in the report';
  if (!edits.length) {
    void vscode.window.setStatusBarMessage(`Analyst Lens: no indicators to ${mode} ${where}.`, 4000);
    return 0;
  }
  // One edit, so one undo restores the report.
  const ok = await editor.edit((b) => {
    for (const e of edits) b.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  });
  if (!ok) return 0;
  void vscode.window.setStatusBarMessage(`Analyst Lens: ${mode}ed ${edits.length} indicator${edits.length === 1 ? '' : 's'} ${where}.`, 4000);
  return edits.length;
}

/** Defang / refang / copy indicators, copy one value (the hover's link), and getMarkup for tests and scripts. */
export function registerMarkupCommands(store: MarkupStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.defangIndicators, () => rewrite(store, 'defang')),
    vscode.commands.registerCommand(COMMANDS.refangIndicators, () => rewrite(store, 'refang')),
    vscode.commands.registerCommand(COMMANDS.copyIndicators, async (): Promise<string | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Analyst Lens: open a report to copy its indicators.');
        return undefined;
      }
      const r = await store.get(editor.document);
      const ranges = selectedRanges(editor);
      const values = uniqueValues(indicatorsIn(r.spans, ranges));
      const text = values.join('\n');
      if (values.length) await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(
        values.length
          ? `Analyst Lens: copied ${values.length} indicator${values.length === 1 ? '' : 's'} (refanged) ${ranges ? 'from the selection' : 'from the report'}.`
          : `Analyst Lens: no indicators ${ranges ? 'in the selection' : 'in the report'}.`,
      );
      return text;
    }),
    vscode.commands.registerCommand(COMMANDS.copyRefanged, async (value?: unknown): Promise<string | undefined> => {
      if (typeof value !== 'string' || !value) return undefined;
      await vscode.env.clipboard.writeText(value);
      void vscode.window.setStatusBarMessage(`Analyst Lens: copied ${value}`, 3000);
      return value;
    }),
    vscode.commands.registerCommand(COMMANDS.getMarkup, async (arg?: unknown): Promise<MarkupResult | undefined> => {
      const doc = await resolveDocument(arg);
      if (!doc) return undefined;
      const r = await store.get(doc);
      const range = (start: number, end: number): [number, number, number, number] => {
        const a = doc.positionAt(start);
        const b = doc.positionAt(end);
        return [a.line, a.character, b.line, b.character];
      };
      return {
        uri: r.uri,
        version: r.version,
        limited: r.limited,
        spans: r.spans,
        diagnostics: r.diagnostics.map((d) => ({ ...d, range: range(d.start, d.end) })),
      };
    }),
  ];
}
