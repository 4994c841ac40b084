import * as vscode from 'vscode';
import type { Actor } from '../../core';
import { COMMANDS } from '../commandIds';
import type { ActorService } from './actorService';
import { actorDetail } from './actorNavigation';

export const ACTORS_VIEW = 'analystLens.actors';

type Node = { kind: 'type'; type: Actor['type']; actors: Actor[] } | { kind: 'actor'; actor: Actor };

const LABELS: Record<Actor['type'], [string, string]> = {
  person: ['People', 'person'],
  organization: ['Organisations', 'organization'],
  place: ['Places', 'location'],
  group: ['Groups', 'globe'],
};

/**
 * The Explorer view "Actors": the active report's actors by type, with mention counts, most salient first.
 * Clicking an actor reveals its first mention. Computes only while the view is visible.
 */
export class ActorsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private doc: vscode.TextDocument | undefined;

  constructor(private readonly actors: ActorService) {
    this.view = vscode.window.createTreeView(ACTORS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      this.view.onDidChangeVisibility(() => this.refresh()),
      actors.onDidChange((r) => {
        if (r.uri === this.doc?.uri.toString()) this.emitter.fire(undefined);
      }),
      // A new analysis of the report on screen: recompute while the view is visible.
      actors.analysis.onDidAnalyze((r) => {
        if (this.view.visible && r.uri === this.doc?.uri.toString() && this.doc) void actors.get(this.doc);
      }),
    );
    this.refresh();
  }

  private refresh(): void {
    const ed = vscode.window.activeTextEditor;
    if (ed && this.actors.analysis.isEligible(ed.document)) this.doc = ed.document;
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'type') return node.actors.map((actor) => ({ kind: 'actor', actor }));
    if (node || !this.doc || this.doc.isClosed || !this.view.visible) return [];
    // While the report is being edited, the last actors known stay listed until the new ones arrive.
    const all = (await this.actors.get(this.doc)) ?? this.actors.peek(this.doc);
    if (!all) return [];
    this.view.message = all.actors.length ? undefined : 'No actors found in this report.';
    return (['person', 'organization', 'place', 'group'] as const)
      .map((type) => ({ kind: 'type' as const, type, actors: all.actors.filter((a) => a.type === type) }))
      .filter((n) => n.actors.length);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'type') {
      const [label, icon] = LABELS[node.type];
      const item = new vscode.TreeItem(label, node.type === 'group' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.actors.length}`;
      item.iconPath = new vscode.ThemeIcon(icon);
      item.id = `type:${node.type}`;
      return item;
    }
    const a = node.actor;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.description = actorDetail(a);
    item.tooltip = new vscode.MarkdownString(`**${a.name}**${a.aliases.length ? `\n\nAlso: ${a.aliases.join(', ')}` : ''}${a.registry?.notes ? `\n\n${a.registry.notes}` : ''}`);
    item.iconPath = new vscode.ThemeIcon(a.registry?.watchlist ? 'eye' : LABELS[a.type][1]);
    item.contextValue = a.registry ? 'analystLens.actor.registered' : 'analystLens.actor';
    item.id = `actor:${a.id}`;
    if (this.doc) item.command = { command: COMMANDS.revealActor, title: 'Reveal First Mention', arguments: [this.doc.uri.toString(), a.id] };
    return item;
  }

  /** For view/item/context menus: the actor and report of a tree item. */
  target(node: Node | undefined): { uri: string; actor: Actor } | undefined {
    return node?.kind === 'actor' && this.doc ? { uri: this.doc.uri.toString(), actor: node.actor } : undefined;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
