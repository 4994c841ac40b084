import * as vscode from 'vscode';
import type { LensConfig } from '../config';
import type { Analyzer } from '../analyzer';
import { registerMarkupCommands } from './markupCommands';
import { MarkupDiagnosticsFeature } from './markupDiagnostics';
import { registerMarkupHover } from './markupHover';
import { MarkupStore } from './markupStore';

/** The analyst-markup layer in the editor: problems and quick fixes, hovers, defang/refang/copy commands. */
export function registerMarkup(context: vscode.ExtensionContext, config: () => LensConfig, analyzer: Analyzer): vscode.Disposable[] {
  const store = new MarkupStore(config, analyzer);
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'markup.md');
  return [store, new MarkupDiagnosticsFeature(store, config, docs), registerMarkupHover(store), ...registerMarkupCommands(store)];
}
