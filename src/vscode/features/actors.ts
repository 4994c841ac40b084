import * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import { ActorRegistry } from './actorRegistry';
import { ActorService } from './actorService';
import { ActorHoverProvider } from './hover';
import { ActorNavigation } from './actorNavigation';
import { ActorsView, type WorkspaceActors } from './actorsView';
import { COMMANDS } from '../commandIds';
import { WatchlistDecorations } from './watchlist';
import { registerActorCommands } from './actorCommands';

/**
 * Everything about actors, registered in one call from activate(): registry, actor cache, hover cards, navigation
 * providers, the Actors view, watchlist decorations and the actor commands. Nothing here computes at start-up.
 */
export function registerActorFeatures(
  service: AnalysisService,
  languages: readonly string[],
  log: vscode.LogOutputChannel,
  workspace?: WorkspaceActors,
  /** Features built on the registry and the actors (features/lens.ts: hovers, corrections, legend). */
  more?: (parts: { registry: ActorRegistry; actors: ActorService; selector: vscode.DocumentSelector }) => vscode.Disposable[],
): vscode.Disposable[] {
  const registry = new ActorRegistry(log);
  const actors = new ActorService(service, registry, log);
  service.actorOptions = async () => {
    await registry.ready();
    return { registry: registry.entries(), ignore: registry.ignored(), splits: registry.splits() };
  };
  // Any scheme (file, untitled, remote, virtual): the providers ask the analysis service, which checks eligibility.
  const selector: vscode.DocumentSelector = languages.map((language) => ({ language }));
  const hoverEnabled = () => vscode.workspace.getConfiguration('analystLens').get<unknown>('hover.enabled') !== false;
  const navigation = new ActorNavigation(actors, registry);
  const view = new ActorsView(actors, workspace);
  // Markdown headings stay the Outline and the breadcrumbs; actors join them only when the user asks.
  let symbols: vscode.Disposable | undefined;
  const syncOutline = () => {
    const on = vscode.workspace.getConfiguration('analystLens').get<unknown>('outline.showActors') === true;
    if (on && !symbols) symbols = vscode.languages.registerDocumentSymbolProvider(selector, navigation, { label: 'Analyst Lens actors' });
    if (!on && symbols) {
      symbols.dispose();
      symbols = undefined;
    }
  };
  syncOutline();
  return [
    registry,
    actors,
    view,
    new WatchlistDecorations(actors),
    vscode.languages.registerHoverProvider(selector, new ActorHoverProvider(actors, hoverEnabled)),
    vscode.languages.registerReferenceProvider(selector, navigation),
    vscode.languages.registerDefinitionProvider(selector, navigation),
    vscode.languages.registerDocumentHighlightProvider(selector, navigation),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('analystLens.outline.showActors') && syncOutline()),
    { dispose: () => symbols?.dispose() },
    ...(more?.({ registry, actors, selector }) ?? []),
    ...registerActorCommands({ actors, view, log }),
    vscode.commands.registerCommand(COMMANDS.toggleActorsScope, () => view.toggleScope()),
    vscode.commands.registerCommand(COMMANDS.getActorsView, () => view.snapshot()),
  ];
}
