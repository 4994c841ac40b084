import * as vscode from 'vscode';
import type { Actor, RegistryEntry } from '../../core';
import { COMMANDS } from '../commandIds';
import type { ActorService } from './actorService';
import type { ActorsView } from './actorsView';
import { mentionLocations } from './actorNavigation';
import { REGISTRY_PATH } from './actorRegistry';

export interface ActorCommandDeps {
  actors: ActorService;
  view: ActorsView;
  log: vscode.LogOutputChannel;
}

async function documentFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  if (typeof uri === 'string' && uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return open ?? vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  }
  return vscode.window.activeTextEditor?.document;
}

/**
 * The actor an invocation is about, from any of the ways commands are called: a hover link ([uri, offset] or
 * [uri, actorId]), a tree item (its node), or the palette / a key binding (the actor under the cursor).
 */
async function resolveActor(deps: ActorCommandDeps, args: unknown[]): Promise<{ doc: vscode.TextDocument; actor: Actor; offset: number } | undefined> {
  const fromTree = deps.view.target(args[0] as never);
  const doc = await documentFor(fromTree?.uri ?? args[0]);
  if (!doc) return undefined;
  const all = await deps.actors.get(doc);
  if (!all) return undefined;
  if (fromTree) {
    const actor = all.byId.get(fromTree.actor.id);
    return actor && { doc, actor, offset: actor.firstMention };
  }
  if (typeof args[1] === 'string') {
    const actor = all.byId.get(args[1]);
    return actor && { doc, actor, offset: actor.firstMention };
  }
  const editor = vscode.window.activeTextEditor;
  const position =
    typeof args[1] === 'number' ? doc.positionAt(args[1]) : args[1] instanceof vscode.Position ? args[1] : editor?.document === doc ? editor.selection.active : undefined;
  if (!position) return undefined;
  const hit = await deps.actors.at(doc, position);
  return hit && { doc, actor: hit.actor, offset: hit.mention.start };
}

/** The registry entry proposed for an actor: what the text says, for the analyst to complete. */
export function entryFor(actor: Actor): RegistryEntry {
  const entry: RegistryEntry = { name: actor.name, type: actor.type };
  const aliases = actor.aliases.filter((a) => !/['’]s?$/.test(a) && !/^the\s/i.test(a));
  if (aliases.length) entry.aliases = aliases;
  if (actor.roles.length) entry.role = actor.roles.join(', ');
  if (actor.affiliation) entry.affiliation = actor.affiliation;
  entry.notes = '';
  entry.tags = [];
  entry.watchlist = false;
  return entry;
}

const NO_ACTOR = 'Analyst Lens: put the cursor on a person, organisation or place of the report.';

export function registerActorCommands(deps: ActorCommandDeps): vscode.Disposable[] {
  const { actors } = deps;
  const registry = actors.registry;
  const fail = (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    deps.log.warn(msg);
    void vscode.window.showWarningMessage(`Analyst Lens: ${msg}`);
  };

  return [
    // Returns the locations (for scripts and tests) and shows them in the references peek.
    vscode.commands.registerCommand(COMMANDS.findAllMentions, async (...args: unknown[]) => {
      const hit = await resolveActor(deps, args);
      if (!hit) return void vscode.window.showInformationMessage(NO_ACTOR);
      const locations = mentionLocations(hit.doc, hit.actor);
      await vscode.commands.executeCommand('editor.action.showReferences', hit.doc.uri, hit.doc.positionAt(hit.offset), locations);
      return locations.map((l) => ({ uri: l.uri.toString(), start: hit.doc.offsetAt(l.range.start), end: hit.doc.offsetAt(l.range.end) }));
    }),

    vscode.commands.registerCommand(COMMANDS.revealActor, async (...args: unknown[]) => {
      const hit = await resolveActor(deps, args);
      if (!hit) return;
      const first = hit.actor.mentions[0];
      const editor = await vscode.window.showTextDocument(hit.doc, { preserveFocus: false, preview: true });
      const r = new vscode.Range(hit.doc.positionAt(first.start), hit.doc.positionAt(first.end));
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),

    // Edits the registry file only because the user asked; creates it when missing.
    vscode.commands.registerCommand(COMMANDS.addToRegistry, async (...args: unknown[]) => {
      const hit = await resolveActor(deps, args);
      if (!hit) return void vscode.window.showInformationMessage(NO_ACTOR);
      try {
        const uri = await registry.append(entryFor(hit.actor), hit.doc.uri);
        // Not awaited: the command (and scripts calling it) should not wait for the toast.
        void vscode.window.showInformationMessage(`Added ${hit.actor.name} to the actor registry.`, 'Open Registry').then((choice) => {
          if (choice === 'Open Registry') void vscode.window.showTextDocument(uri);
        });
        return uri.toString();
      } catch (err) {
        fail(err);
        return undefined;
      }
    }),

    // A name (hover link), a tree item, or the name under the cursor; without a folder, the user setting.
    vscode.commands.registerCommand(COMMANDS.ignoreName, async (...args: unknown[]) => {
      let name = typeof args[0] === 'string' && !/^[a-z][\w+.-]*:/.test(args[0]) ? args[0] : undefined;
      let near: vscode.Uri | undefined = typeof args[1] === 'string' ? vscode.Uri.parse(args[1]) : undefined;
      if (!name) {
        const hit = await resolveActor(deps, args);
        if (!hit) return void vscode.window.showInformationMessage(NO_ACTOR);
        name = hit.actor.name;
        near = hit.doc.uri;
      }
      try {
        if (registry.registryUri(near) && vscode.workspace.isTrusted) await registry.ignore(name, near);
        else {
          const c = vscode.workspace.getConfiguration('analystLens');
          const list = (c.get<unknown[]>('ignore') ?? []).filter((x): x is string => typeof x === 'string');
          if (!list.includes(name)) await c.update('ignore', [...list, name], vscode.ConfigurationTarget.Global);
        }
        return name;
      } catch (err) {
        fail(err);
        return undefined;
      }
    }),

    vscode.commands.registerCommand(COMMANDS.openRegistry, async (...args: unknown[]) => {
      const near = typeof args[0] === 'string' ? vscode.Uri.parse(args[0]) : vscode.window.activeTextEditor?.document.uri;
      const uri = registry.registryUri(near);
      if (!uri) return void vscode.window.showInformationMessage('Analyst Lens: open a folder to keep an actor registry (.analyst/actors.json).');
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        // No registry yet: create it only when the user says so (not awaited: the command never waits on a toast).
        if (!vscode.workspace.isTrusted) return void vscode.window.showInformationMessage('Analyst Lens: this workspace has no actor registry yet.');
        void vscode.window.showInformationMessage(`Analyst Lens: this workspace has no actor registry yet (${REGISTRY_PATH}).`, 'Create Registry').then(async (choice) => {
          if (choice !== 'Create Registry') return;
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{\n  "actors": [],\n  "ignore": []\n}\n'));
          await vscode.window.showTextDocument(uri);
        });
        return undefined;
      }
      await vscode.window.showTextDocument(uri);
      return uri.toString();
    }),

    // For scripts and tests: the actors of a report as plain JSON.
    vscode.commands.registerCommand(COMMANDS.getActors, async (uri?: unknown) => {
      const doc = await documentFor(uri);
      const all = doc && (await actors.get(doc));
      return all?.actors;
    }),
  ];
}
