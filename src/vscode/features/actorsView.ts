import * as vscode from 'vscode';
import { ENTITY_TYPES, type Actor, type EntityType, type ThreatEntity } from '../../core';
import { borderColorId } from './decorations';
import { typeLabel } from './lens';
import { COMMANDS } from '../commandIds';
import type { ActorService } from './actorService';
import { actorDetail } from './actorNavigation';
import type { WorkspaceActor } from './workspaceIndex';

export const ACTORS_VIEW = 'analystLens.actors';

type Node =
  | { kind: 'type'; type: Actor['type']; actors: Actor[] }
  | { kind: 'actor'; actor: Actor }
  | { kind: 'wtype'; type: Actor['type']; actors: WorkspaceActor[] }
  | { kind: 'wactor'; actor: WorkspaceActor }
  | { kind: 'legend' }
  | { kind: 'legendType'; type: EntityType }
  // threat reports: threat actors, malware, tools and techniques (src/core/cti)
  | { kind: 'ttype'; type: ThreatEntity['type']; items: ThreatEntity[] }
  | { kind: 'threat'; item: ThreatEntity };

const THREAT_LABELS: Record<ThreatEntity['type'], [string, string]> = {
  threatActor: ['Threat actors', 'shield'],
  malware: ['Malware', 'bug'],
  tool: ['Tools', 'tools'],
  technique: ['Techniques', 'symbol-event'],
};

/** What the view needs of the workspace index to list every report's actors. */
export interface WorkspaceActors {
  actors(): WorkspaceActor[];
  readonly onDidChange: vscode.Event<void>;
  build(showProgress: boolean): Promise<unknown>;
  readonly lastStats: unknown;
}

const LABELS: Record<Actor['type'], [string, string]> = {
  person: ['People', 'person'],
  organization: ['Organisations', 'organization'],
  place: ['Places', 'location'],
  group: ['Groups', 'globe'],
};

/** How long the report must stay unchanged before the visible Actors view recomputes after an edit. */
const ACTORS_AFTER_TYPING_MS = 400;

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
  private settle: ReturnType<typeof setTimeout> | undefined;
  /** 'report': the active report's actors; 'workspace': every report's, from the workspace index. */
  scope: 'report' | 'workspace' = 'report';

  constructor(
    private readonly actors: ActorService,
    private readonly workspace?: WorkspaceActors,
  ) {
    this.view = vscode.window.createTreeView(ACTORS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      this.view.onDidChangeVisibility(() => this.refresh()),
      actors.onDidChange((r) => {
        if (r.uri === this.doc?.uri.toString()) this.emitter.fire(undefined);
      }),
      ...(workspace ? [workspace.onDidChange(() => this.scope === 'workspace' && this.emitter.fire(undefined))] : []),
      // A new analysis of the report on screen: recompute while the view is visible, once typing pauses. Building the
      // actors of a long report takes the analysis worker a while; doing it on every keystroke's analysis would queue
      // it before the next keystroke's highlights.
      actors.analysis.onDidAnalyze((r) => {
        if (!this.view.visible || r.uri !== this.doc?.uri.toString() || !this.doc) return;
        clearTimeout(this.settle);
        const doc = this.doc;
        this.settle = setTimeout(() => {
          if (this.view.visible && doc === this.doc && !doc.isClosed) void actors.get(doc);
        }, ACTORS_AFTER_TYPING_MS);
      }),
    );
    this.refresh();
  }

  /** Switches between this report and the whole workspace; returns the new scope. */
  async toggleScope(): Promise<'report' | 'workspace'> {
    this.scope = this.scope === 'report' && this.workspace ? 'workspace' : 'report';
    this.view.title = this.scope === 'workspace' ? 'Actors (workspace)' : 'Actors';
    await vscode.commands.executeCommand('setContext', 'analystLens.actorsScope', this.scope);
    if (this.scope === 'workspace' && this.workspace && !this.workspace.lastStats) await this.workspace.build(true);
    this.emitter.fire(undefined);
    return this.scope;
  }

  private refresh(): void {
    const ed = vscode.window.activeTextEditor;
    if (ed && this.actors.analysis.isEligible(ed.document)) this.doc = ed.document;
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'legend') return ENTITY_TYPES.map((type) => ({ kind: 'legendType' as const, type }));
    if (node?.kind === 'legendType') return [];
    if (node?.kind === 'type') return node.actors.map((actor) => ({ kind: 'actor', actor }));
    if (node?.kind === 'wtype') return node.actors.map((actor) => ({ kind: 'wactor', actor }));
    if (node?.kind === 'ttype') return node.items.map((item) => ({ kind: 'threat', item }));
    if (!node && this.scope === 'workspace' && this.workspace) {
      if (!this.view.visible) return [];
      const all = this.workspace.actors();
      this.view.message = all.length ? undefined : 'No actors indexed in the workspace yet.';
      return (['person', 'organization', 'place', 'group'] as const)
        .map((type) => ({ kind: 'wtype' as const, type, actors: all.filter((a) => a.type === type) }))
        .filter((n) => n.actors.length);
    }
    if (node || !this.doc || this.doc.isClosed || !this.view.visible) return [];
    // While the report is being edited, the last actors known stay listed until the new ones arrive.
    const all = (await this.actors.get(this.doc)) ?? this.actors.peek(this.doc);
    if (!all) return [];
    const threat = await this.threatNodes();
    this.view.message = all.actors.length || threat.length ? undefined : 'No actors found in this report.';
    const nodes: Node[] = [{ kind: 'legend' as const }, ...threat.filter((n) => n.type === 'threatActor')];
    nodes.push(...(['person', 'organization', 'place', 'group'] as const)
      .map((type) => ({ kind: 'type' as const, type, actors: all.actors.filter((a) => a.type === type) }))
      .filter((n) => n.actors.length));
    return [...nodes, ...threat.filter((n) => n.type !== 'threatActor')];
  }

  /** The report's threat actors, malware, tools and techniques (threat reports only). */
  private async threatNodes(): Promise<Array<Node & { kind: 'ttype' }>> {
    const r = this.doc ? this.actors.analysis.peek(this.doc) : undefined;
    if (!this.doc || !r || r.version !== this.doc.version || !r.analysis.entities.some((e) => e.type in THREAT_LABELS)) return [];
    // Built by the worker's document model of this version.
    const p = await this.actors.analysis.model(this.doc, r, { what: 'threat' }).catch(() => undefined);
    if (!p) return [];
    return ([['threatActor', p.actors], ['malware', p.malware], ['tool', p.tools], ['technique', p.techniques]] as const)
      .filter(([, items]) => items.length)
      .map(([type, items]) => ({ kind: 'ttype' as const, type, items: [...items] }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'legend') {
      const item = new vscode.TreeItem('Legend', vscode.TreeItemCollapsibleState.Collapsed);
      item.description = 'what the colours mean';
      item.iconPath = new vscode.ThemeIcon('symbol-color');
      item.id = 'legend';
      item.tooltip = 'The highlight colour of each entity type (theme colours). Click a type for the full legend.';
      return item;
    }
    if (node.kind === 'legendType') {
      const item = new vscode.TreeItem(typeLabel(node.type), vscode.TreeItemCollapsibleState.None);
      // The type's underline colour: opaque, at least 3:1 against the editor background.
      item.iconPath = new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor(borderColorId(node.type)));
      item.id = `legend:${node.type}`;
      item.command = { command: 'analystLens.showLegend', title: 'Show Legend' };
      return item;
    }
    if (node.kind === 'wactor') {
      const a = node.actor;
      const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
      item.description = `${a.mentionCount} in ${a.reports.length} report${a.reports.length === 1 ? '' : 's'}`;
      item.tooltip = a.reports.map((r) => vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))).join('\n');
      item.iconPath = new vscode.ThemeIcon(LABELS[a.type as Actor['type']]?.[1] ?? 'symbol-misc');
      item.id = `wactor:${a.key}`;
      item.command = { command: COMMANDS.goToActorInWorkspace, title: 'Go to Actor', arguments: [{ key: a.key }] };
      return item;
    }
    if (node.kind === 'ttype') {
      const [label, icon] = THREAT_LABELS[node.type];
      const item = new vscode.TreeItem(label, node.type === 'technique' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.items.length}`;
      item.iconPath = new vscode.ThemeIcon(icon);
      item.id = `ttype:${node.type}`;
      return item;
    }
    if (node.kind === 'threat') {
      const t = node.item;
      const item = new vscode.TreeItem(t.type === 'technique' && t.attackId ? `${t.attackId} ${t.name}` : t.name, vscode.TreeItemCollapsibleState.None);
      item.description = `${t.mentionCount}${t.aliases.length && t.type !== 'technique' ? ` · ${t.aliases.slice(0, 3).join(', ')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(THREAT_LABELS[t.type][1]);
      item.id = `threat:${t.id}`;
      if (this.doc) {
        const at = this.doc.positionAt(t.firstMention);
        item.command = { command: 'vscode.open', title: 'Reveal First Mention', arguments: [this.doc.uri, { selection: new vscode.Range(at, at) }] };
      }
      return item;
    }
    if (node.kind === 'type' || node.kind === 'wtype') {
      const [label, icon] = LABELS[node.type];
      const item = new vscode.TreeItem(label, node.type === 'group' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.actors.length}`;
      item.iconPath = new vscode.ThemeIcon(icon);
      item.id = `${node.kind}:${node.type}`;
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

  /** What the view lists now (for tests and scripts): scope and actor names. */
  async snapshot(): Promise<{ scope: string; names: string[]; threats: string[] }> {
    const threats = this.scope === 'report' ? (await this.threatNodes()).flatMap((n) => n.items.map((t) => t.name)) : [];
    const names = this.scope === 'workspace' && this.workspace ? this.workspace.actors().map((a) => a.name) : (this.doc ? this.actors.peek(this.doc)?.actors.map((a) => a.name) : undefined) ?? [];
    return { scope: this.scope, names, threats };
  }

  dispose(): void {
    clearTimeout(this.settle);
    for (const d of this.subscriptions) d.dispose();
  }
}
