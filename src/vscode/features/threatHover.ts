import * as vscode from 'vscode';
import { CTI_TYPES, type CtiType, type Entity, type ThreatEntity, type ThreatPicture } from '../../core';
import type { AnalysisService } from '../analysisService';

const LABEL: Record<CtiType, string> = { threatActor: 'threat actor', malware: 'malware', tool: 'tool', technique: 'ATT&CK technique' };
const ICON: Record<CtiType, string> = { threatActor: 'shield', malware: 'bug', tool: 'tools', technique: 'symbol-event' };
const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
const list = (xs: readonly string[], max = 6) => `${xs.slice(0, max).map(esc).join(', ')}${xs.length > max ? `, … (+${xs.length - max})` : ''}`;
const isCti = (t: string): t is CtiType => (CTI_TYPES as readonly string[]).includes(t);

/** The hover card of a threat actor, malware, tool or technique: what ATT&CK and this report say about it. */
export function threatCard(doc: vscode.TextDocument, picture: ThreatPicture & { attackNotice?: string }, t: ThreatEntity): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  const attack = t.attackId ? ` · ATT&CK ${esc(t.attackId)}` : '';
  const title = t.type === 'technique' && t.attackId ? `${esc(t.attackId)} ${esc(t.name)}` : esc(t.name);
  md.appendMarkdown(`$(${ICON[t.type]}) **${title}** · ${LABEL[t.type]}${t.type === 'technique' ? '' : attack}\n\n`);
  const events = picture.events;
  const by = (type: string, pred: (e: (typeof events)[number]) => boolean) => [...new Set(events.filter((e) => e.type === type && pred(e)).map((e) => e.target.name))];
  if (t.type === 'threatActor') {
    if (t.aliases.length) md.appendMarkdown(`Also in this report: ${list(t.aliases)}\n\n`);
    const known = (t.knownAliases ?? []).filter((n) => !t.aliases.includes(n));
    if (known.length) md.appendMarkdown(`Also known as (ATT&CK): ${list(known, 8)}\n\n`);
    const uses = events.filter((e) => e.type === 'uses' && e.source.id === t.id);
    const malware = [...new Set(uses.filter((e) => e.target.type === 'malware').map((e) => e.target.name))];
    const tools = [...new Set(uses.filter((e) => e.target.type === 'tool').map((e) => e.target.name))];
    const techniques = [...new Set(uses.filter((e) => e.target.type === 'technique').map((e) => {
      const tech = picture.techniques.find((x) => x.id === e.target.id);
      return tech?.attackId ? `${tech.attackId} ${tech.name}` : e.target.name;
    }))];
    if (malware.length) md.appendMarkdown(`Malware: ${list(malware)}\n\n`);
    if (tools.length) md.appendMarkdown(`Tools: ${list(tools)}\n\n`);
    if (techniques.length) md.appendMarkdown(`Techniques: ${list(techniques)}\n\n`);
    const sectors = by('targets', (e) => e.source.id === t.id && e.target.type === 'sector');
    const countries = by('targets', (e) => e.source.id === t.id && e.target.type === 'country');
    const orgs = by('targets', (e) => e.source.id === t.id && e.target.type === 'organization');
    if (sectors.length) md.appendMarkdown(`Targets sectors: ${list(sectors)}\n\n`);
    if (countries.length) md.appendMarkdown(`Targets countries and regions: ${list(countries)}\n\n`);
    if (orgs.length) md.appendMarkdown(`Targets organisations: ${list(orgs)}\n\n`);
    const attributed = by('attributed-to', (e) => e.source.id === t.id);
    if (attributed.length) md.appendMarkdown(`Attributed to: ${list(attributed)}\n\n`);
  } else if (t.type === 'malware' || t.type === 'tool') {
    if (t.attackName && t.attackName !== t.name) md.appendMarkdown(`${t.type === 'malware' ? 'Family' : 'ATT&CK name'}: ${esc(t.attackName)}\n\n`);
    else if (t.type === 'malware') md.appendMarkdown(`Family: ${esc(t.name)}\n\n`);
    if (t.aliases.length) md.appendMarkdown(`Also in this report: ${list(t.aliases)}\n\n`);
    const users = [...new Set(events.filter((e) => e.type === 'uses' && e.target.id === t.id).map((e) => e.source.name))];
    const attributed = by('attributed-to', (e) => e.source.id === t.id);
    md.appendMarkdown(`Used by: ${users.length ? list(users) : '*not stated in this report*'}\n\n`);
    if (attributed.length) md.appendMarkdown(`Attributed to: ${list(attributed)}\n\n`);
    const techniques = [...new Set(events.filter((e) => e.type === 'uses' && e.source.id === t.id && e.target.type === 'technique').map((e) => e.target.name))];
    if (techniques.length) md.appendMarkdown(`Techniques: ${list(techniques)}\n\n`);
  } else {
    if (t.attackId) {
      md.appendMarkdown(`ID: ${esc(t.attackId)} · name: ${esc(t.name)}${t.parent ? ` (sub-technique of ${esc(t.parent)})` : ''}\n\n`);
      md.appendMarkdown(`Tactic: ${t.tactics?.length ? t.tactics.map(esc).join(', ') : '*none listed*'}\n\n`);
    } else md.appendMarkdown('*Not in the ATT&CK Enterprise table shipped with Analyst Lens.*\n\n');
    const users = [...new Set(events.filter((e) => e.type === 'uses' && e.target.id === t.id).map((e) => e.source.name))];
    if (users.length) md.appendMarkdown(`Used by: ${list(users)}\n\n`);
  }
  const line = doc.positionAt(t.firstMention).line + 1;
  md.appendMarkdown(`${t.mentionCount} mention${t.mentionCount === 1 ? '' : 's'} · first mention line ${line}\n\n`);
  if (t.attackId && picture.attackNotice) md.appendMarkdown(`*ATT&CK® ${esc(picture.attackNotice.replace(/\s*This work.*$/, ''))}*\n\n`);
  return md;
}

/** Hover cards on threat actors, malware, tools and techniques; the threat picture is cached per document version. */
export class ThreatHoverProvider implements vscode.HoverProvider {
  private cache = new Map<string, { version: number; picture: Promise<ThreatPicture & { attackNotice: string }> }>();
  constructor(
    private readonly service: AnalysisService,
    private readonly enabled: () => boolean,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.enabled()) return undefined;
    const r = await this.service.get(doc);
    if (token.isCancellationRequested || r.skipped || r.version !== doc.version) return undefined;
    const offset = doc.offsetAt(position);
    const hit = r.analysis.entities.find((e: Entity) => isCti(e.type) && e.start <= offset && offset < e.end);
    if (!hit) return undefined;
    const key = doc.uri.toString();
    let c = this.cache.get(key);
    if (!c || c.version !== doc.version) {
      // The worker's document model of this version builds the picture (the host has no ATT&CK tables).
      c = { version: doc.version, picture: this.service.model(doc, r, { what: 'threat' }) };
      c.picture.catch(() => this.cache.delete(key));
      this.cache.set(key, c);
      if (this.cache.size > 20) this.cache.delete(this.cache.keys().next().value as string);
    }
    const p = await c.picture;
    if (token.isCancellationRequested || doc.version !== r.version) return undefined;
    const t = [...p.actors, ...p.malware, ...p.tools, ...p.techniques].find((x) => x.mentions.some((m) => m.start === hit.start));
    if (!t) return undefined;
    return new vscode.Hover(threatCard(doc, p, t), new vscode.Range(doc.positionAt(hit.start), doc.positionAt(hit.end)));
  }
}

export function registerThreatFeatures(service: AnalysisService, languages: readonly string[]): vscode.Disposable[] {
  const selector: vscode.DocumentSelector = languages.map((language) => ({ language }));
  const hoverEnabled = () => vscode.workspace.getConfiguration('analystLens').get<unknown>('hover.enabled') !== false;
  return [vscode.languages.registerHoverProvider(selector, new ThreatHoverProvider(service, hoverEnabled))];
}
