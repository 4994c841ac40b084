import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { readConfig, SECTION, type LensConfig } from './config';
import { DecorationFeature } from './features/decorations';
import { StatusBarFeature } from './features/statusBar';
import { registerEntityCommands } from './features/commands';
import { COMMANDS } from './commandIds';
import { createAnalyzer } from './analyzer.platform';
import { SummaryViewFeature } from './features/summaryView';
import { registerExportCommands } from './features/exports';
import { registerActorFeatures } from './features/actors';
import { registerThreatFeatures } from './features/threatHover';
import { registerWorkspaceCommands, WorkspaceIndex } from './features/workspaceIndex';
import { actorKey } from '../core';
import { registerMarkup } from './features/markup';
import { registerLens } from './features/lens';
import { registerAnnotations } from './features/annotations';

/** What other extensions (and the integration tests) get from `getExtension('analyst-lens.analyst-lens').exports`. */
export interface AnalystLensApi {
  /** Milliseconds activate() took, measured inside the extension host. */
  activationMs: number;
  /** Where analysis runs: 'worker' normally, 'in-process' if no worker could start. */
  analyzerKind: 'worker' | 'in-process';
  getEntities(uri?: vscode.Uri | string): Thenable<unknown>;
  /** Figures of the last workspace indexing run (undefined before the first). */
  indexStats(): unknown;
}

/**
 * Builds the services and registers every feature. Synchronous on purpose: nothing here waits on I/O, so
 * activation stays fast; analysis starts when a report is shown.
 */
export function activate(context: vscode.ExtensionContext): AnalystLensApi {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('Analyst Lens', { log: true });
  let config: LensConfig = readConfig();
  /** Session toggle (the command); starts from and follows the analystLens.enabled setting. */
  let enabled = config.enabled;
  const getConfig = (): LensConfig => ({ ...config, enabled });

  const analyzer = createAnalyzer(context, (m) => log.warn(m));
  const service = new AnalysisService(analyzer, getConfig, log);
  const decorations = new DecorationFeature(service, getConfig);
  const status = new StatusBarFeature(service, getConfig);
  const index = new WorkspaceIndex(context, () => createAnalyzer(context, (m) => log.warn(m)), () => config.index, log);
  /** Key of the actor under the cursor, as the workspace index files it. */
  const actorKeyAt = async (editor: vscode.TextEditor): Promise<string | undefined> => {
    const r = await service.get(editor.document);
    const offset = editor.document.offsetAt(editor.selection.active);
    // The index entry of this version, built by the worker's document model (actor keys as the index files them).
    const entry = await service.model(editor.document, r, { what: 'indexEntry', actors: await service.actorOptions() });
    const hit = entry.actors.find((a) => a.mentions.some(([s, e]) => s <= offset && offset <= e));
    return hit ? actorKey(hit.type, hit.name) : undefined;
  };

  context.subscriptions.push(
    log,
    service,
    decorations,
    status,
    index,
    ...registerWorkspaceCommands(index, actorKeyAt),
    ...registerEntityCommands({
      service,
      decorations,
      log,
      isEnabled: () => enabled,
      setEnabled: (on) => {
        enabled = on;
        decorations.refreshAll();
        status.update();
      },
    }),
    new SummaryViewFeature(context, service, log),
    ...registerExportCommands(service, log),
    ...registerActorFeatures(service, config.languages, log, index, (parts) => {
      status.setActors(parts.actors);
      // The workspace index files actors as the hover does: the analyst's corrections and the registry applied.
      index.inputs = async () => {
        await parts.registry.ready();
        return {
          actors: { registry: parts.registry.entries(), ignore: parts.registry.ignored(), splits: parts.registry.splits() },
          corrections: parts.registry.corrections(),
        };
      };
      context.subscriptions.push(parts.registry.onDidChange(() => index.refresh()));
      return registerLens({ ...parts, service, log, config: getConfig, extensionUri: context.extensionUri });
    }),
    ...registerThreatFeatures(service, config.languages),
    vscode.workspace.onDidOpenTextDocument((doc) => service.schedule(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) service.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => service.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const before = config;
      config = readConfig();
      if (e.affectsConfiguration(`${SECTION}.enabled`)) enabled = config.enabled;
      if (e.affectsConfiguration(`${SECTION}.languages`) || e.affectsConfiguration(`${SECTION}.maxDocumentLength`) || e.affectsConfiguration(`${SECTION}.markdown.analyzeCode`) || before.languages !== config.languages) {
        for (const ed of vscode.window.visibleTextEditors) {
          service.forget(ed.document.uri);
          service.schedule(ed.document);
        }
      }
      decorations.refreshAll();
      status.update();
    }),
  );

  context.subscriptions.push(...registerMarkup(context, getConfig, analyzer));
  context.subscriptions.push(...registerAnnotations(service, log));
  for (const editor of vscode.window.visibleTextEditors) service.schedule(editor.document);
  // Index the workspace's reports once the window has settled; never in the way of the first paint.
  const indexTimer = setTimeout(() => void index.build(false), 3000);
  context.subscriptions.push({ dispose: () => clearTimeout(indexTimer) });
  const activationMs = Date.now() - started;
  log.info(`Analyst Lens activated in ${activationMs} ms (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  return {
    activationMs,
    analyzerKind: analyzer.kind,
    getEntities: (uri) => vscode.commands.executeCommand(COMMANDS.getEntities, uri),
    indexStats: () => index.lastStats,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
