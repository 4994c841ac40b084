import * as vscode from 'vscode';
import type { Actor } from '../../core';
import type { ActorService } from './actorService';
import { positionIn, type ActorRegistry } from './actorRegistry';

const range = (doc: vscode.TextDocument, s: { start: number; end: number }) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));

/** Every mention of an actor in the document, as locations. */
export function mentionLocations(doc: vscode.TextDocument, actor: Actor): vscode.Location[] {
  return actor.mentions.map((m) => new vscode.Location(doc.uri, range(doc, m)));
}

/** Where an actor is defined: its registry entry when it has one, else its first mention. */
export function actorDefinition(doc: vscode.TextDocument, actor: Actor, registry: ActorRegistry): vscode.Location {
  const source = actor.registry?.source;
  const text = source ? registry.textOf(source) : undefined;
  if (source && text !== undefined && actor.registry?.offset !== undefined) {
    const p = positionIn(text, actor.registry.offset);
    return new vscode.Location(vscode.Uri.parse(source), new vscode.Range(p, p));
  }
  const first = actor.mentions[0];
  return new vscode.Location(doc.uri, range(doc, first));
}

const GROUPS: { type: Actor['type']; label: string; kind: vscode.SymbolKind }[] = [
  { type: 'person', label: 'People', kind: vscode.SymbolKind.Object },
  { type: 'organization', label: 'Organisations', kind: vscode.SymbolKind.Namespace },
  { type: 'place', label: 'Places', kind: vscode.SymbolKind.Package },
  { type: 'group', label: 'Groups', kind: vscode.SymbolKind.Enum },
];

/** One line about an actor: count first (it survives truncation), roles, affiliation ("5× · Prime Minister · Israel"). */
export function actorDetail(actor: Actor): string {
  return [`${actor.mentionCount}×`, actor.roles.join(', '), actor.affiliation ?? ''].filter(Boolean).join(' · ');
}

/**
 * References (all mentions of the actor under the cursor), definition (registry entry or first mention),
 * document highlights (its mentions in this report) and the Outline (actors grouped by type).
 */
export class ActorNavigation implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.DocumentHighlightProvider, vscode.DocumentSymbolProvider {
  constructor(
    private readonly actors: ActorService,
    private readonly registry: ActorRegistry,
  ) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const hit = await this.actors.at(doc, position);
    return hit && mentionLocations(doc, hit.actor);
  }

  async provideDefinition(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const hit = await this.actors.at(doc, position);
    return hit && actorDefinition(doc, hit.actor, this.registry);
  }

  async provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.DocumentHighlight[] | undefined> {
    // Asked after every cursor move: while typing goes on, not worth building the actors (the next keystroke cancels).
    if (!(await this.actors.settled(doc, token))) return undefined;
    const hit = await this.actors.at(doc, position);
    return hit?.actor.mentions.map((m) => new vscode.DocumentHighlight(range(doc, m), vscode.DocumentHighlightKind.Text));
  }

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!(await this.actors.settled(doc, token))) return undefined;
    const all = await this.actors.get(doc);
    if (!all || token.isCancellationRequested) return undefined;
    const out: vscode.DocumentSymbol[] = [];
    for (const g of GROUPS) {
      const members = all.actors.filter((a) => a.type === g.type && a.mentions.length).sort((a, b) => a.firstMention - b.firstMention);
      if (!members.length) continue;
      const children = members.map((a) => {
        const r = range(doc, a.mentions[0]);
        return new vscode.DocumentSymbol(a.name, actorDetail(a), g.kind, r, r);
      });
      const whole = new vscode.Range(children[0].range.start, children.reduce((end, c) => (c.range.end.isAfter(end) ? c.range.end : end), children[0].range.end));
      const group = new vscode.DocumentSymbol(g.label, `${members.length}`, vscode.SymbolKind.Namespace, whole, children[0].range);
      group.children = children;
      out.push(group);
    }
    return out;
  }
}
