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
export function registerActorFeatures(service: AnalysisService, languages: readonly string[], log: vscode.LogOutputChannel, workspace?: WorkspaceActors): vscode.Disposable[] {
  const registry = new ActorRegistry(log);
  const actors = new ActorService(service, registry, log);
  service.actorOptions = async () => {
    await registry.ready();
    return { registry: registry.entries(), ignore: registry.ignored() };
  };
  // Any scheme (file, untitled, remote, virtual): the providers ask the analysis service, which checks eligibility.
  const selector: vscode.DocumentSelector = languages.map((language) => ({ language }));
  const hoverEnabled = () => vscode.workspace.getConfiguration('analystLens').get<unknown>('hover.enabled') !== false;
  const navigation = new ActorNavigation(actors, registry);
  const view = new ActorsView(actors, workspace);
  return [
    registry,
    actors,
    view,
    new WatchlistDecorations(actors),
    vscode.languages.registerHoverProvider(selector, new ActorHoverProvider(actors, hoverEnabled)),
    vscode.languages.registerReferenceProvider(selector, navigation),
    vscode.languages.registerDefinitionProvider(selector, navigation),
    vscode.languages.registerDocumentHighlightProvider(selector, navigation),
    vscode.languages.registerDocumentSymbolProvider(selector, navigation, { label: 'Analyst Lens actors' }),
    ...registerActorCommands({ actors, view, log }),
    vscode.commands.registerCommand(COMMANDS.toggleActorsScope, () => view.toggleScope()),
    vscode.commands.registerCommand(COMMANDS.getActorsView, () => view.snapshot()),
  ];
}
