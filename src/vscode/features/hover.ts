import * as vscode from 'vscode';
import type { Actor, Mention } from '../../core';
import { COMMANDS } from '../commandIds';
import type { ActorService } from './actorService';

const TYPE_NAMES: Record<Actor['type'], string> = { person: 'person', organization: 'organisation', place: 'place', group: 'group' };
const TYPE_ICONS: Record<Actor['type'], string> = { person: 'person', organization: 'organization', place: 'location', group: 'globe' };

/** The commands a hover card may run: only ours. */
export const HOVER_COMMANDS = [COMMANDS.findAllMentions, COMMANDS.showSummary, COMMANDS.addToRegistry, COMMANDS.ignoreName, COMMANDS.openRegistry, COMMANDS.revealActor];

const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
const link = (title: string, command: string, args: unknown[]) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;

/** Shortens a quote to about `max` characters at a word boundary. */
export function shorten(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[,;:]$/, '')}…`;
}

/** The hover card of an actor as Markdown: who, what the text says about them, and what to do next. */
export function actorCard(doc: vscode.TextDocument, actor: Actor, mention: Mention): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  const watch = actor.registry?.watchlist ? ' $(eye) *watchlist*' : '';
  md.appendMarkdown(`$(${TYPE_ICONS[actor.type]}) **${esc(actor.name)}** · ${TYPE_NAMES[actor.type]}${watch}\n\n`);
  const who = [actor.roles.map(esc).join(', '), actor.affiliation ? esc(actor.affiliation) : ''].filter(Boolean).join(' · ');
  if (who) md.appendMarkdown(`${who}\n\n`);
  if (mention.kind === 'nominal') md.appendMarkdown(`*“${esc(mention.text)}” linked by role (confidence ${mention.confidence.toFixed(2)})*\n\n`);
  if (mention.kind !== 'name' && mention.evidence) md.appendMarkdown(`*Linked because: ${esc(mention.evidence)}*\n\n`);
  if (actor.aliases.length) md.appendMarkdown(`Also: ${actor.aliases.slice(0, 6).map(esc).join(', ')}${actor.aliases.length > 6 ? ', …' : ''}\n\n`);
  const line = doc.positionAt(actor.firstMention).line + 1;
  const acts = actor.actions.length ? ` · ${actor.actions.slice(0, 4).map(esc).join(', ')}` : '';
  // Pronouns ("she", "its") and descriptions ("the 45-year-old") linked by rule, counted apart from the names.
  const linked = actor.pronounMentions ?? [];
  const pronouns = linked.filter((m) => m.kind === 'pronoun').length;
  const described = linked.length - pronouns;
  const byPronoun = [pronouns ? `+${pronouns} by pronoun` : '', described ? `+${described} by description` : ''].filter(Boolean).join(', ');
  const byLink = byPronoun ? ` (${byPronoun})` : '';
  md.appendMarkdown(`${actor.mentionCount} mention${actor.mentionCount === 1 ? '' : 's'}${byLink} · first seen ${link(`line ${line}`, COMMANDS.revealActor, [doc.uri.toString(), actor.id])}${acts}\n\n`);
  const people = actor.related.filter((r) => r.type !== 'place').slice(0, 3);
  const places = actor.related.filter((r) => r.type === 'place').slice(0, 3);
  const rel = [people.length ? `With ${people.map((r) => `${esc(r.name)} (${r.count})`).join(', ')}` : '', places.length ? `in ${places.map((r) => `${esc(r.name)} (${r.count})`).join(', ')}` : ''];
  if (people.length || places.length) md.appendMarkdown(`${rel.filter(Boolean).join(' · ')}\n\n`);
  const q = actor.quotes[0];
  if (q) md.appendMarkdown(`> “${esc(shorten(q.text, 120))}”${actor.quotes.length > 1 ? ` *(+${actor.quotes.length - 1} more)*` : ''}\n\n`);
  if (actor.registry?.notes) md.appendMarkdown(`$(note) ${esc(actor.registry.notes)}\n\n`);
  if (actor.registry?.tags?.length) md.appendMarkdown(`$(tag) ${actor.registry.tags.map(esc).join(', ')}\n\n`);
  const uri = doc.uri.toString();
  const offset = mention.start;
  md.appendMarkdown('---\n\n');
  md.appendMarkdown(
    [
      link('Find all mentions', COMMANDS.findAllMentions, [uri, offset]),
      link('Show summary', COMMANDS.showSummary, [uri]),
      actor.registry ? link('Open registry', COMMANDS.openRegistry, [uri]) : link('Add to actor registry', COMMANDS.addToRegistry, [uri, actor.id]),
      link('Ignore this name', COMMANDS.ignoreName, [mention.kind === 'nominal' ? actor.name : mention.text, uri]),
    ].join(' · '),
  );
  return md;
}

/** Hover cards on every actor mention. */
export class ActorHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly actors: ActorService,
    private readonly enabled: () => boolean,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.enabled()) return undefined;
    const hit = await this.actors.at(doc, position);
    if (!hit || token.isCancellationRequested) return undefined;
    const r = new vscode.Range(doc.positionAt(hit.mention.start), doc.positionAt(hit.mention.end));
    return new vscode.Hover(actorCard(doc, hit.actor, hit.mention), r);
  }
}
