import * as vscode from 'vscode';
import { applyCorrections, correctionKey, ENTITY_TYPES, explainTemporal, readQuantity, titleOwner, type Actor, type ActorType, type Entity, type EntityType, type Mention, type ResolvedTemporal } from '../../core';
import type { DocumentAnalysis } from '../analysisService';
import type { AnalysisService } from '../analysisService';
import { COMMANDS } from '../commandIds';
import { TYPE_LABELS } from '../convert';
import type { ActorRegistry } from './actorRegistry';
import type { ActorService } from './actorService';
import { borderColorId, colorId } from './decorations';
import { reportDateFor } from './summaryData';

/**
 * What makes the colours legible and correctable: a hover on every coloured span (dates with their resolved date,
 * times, titles with their actor, quantities, groups, and the correction links on every entity), quick fixes that
 * correct one highlight (stored in the workspace registry, applied at once everywhere), and the legend.
 */

export const LENS_COMMANDS = {
  correctEntity: 'analystLens.correctEntity',
  showLegend: 'analystLens.showLegend',
  /** Not in the palette: the legend's rows ({ type, label, colour ids, count, highlighted }) for tests and scripts. */
  getLegend: 'analystLens.getLegend',
  openSample: 'analystLens.openSample',
} as const;

const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'place', 'group'];
const ICONS: Record<EntityType, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
  time: 'clock',
  group: 'globe',
  title: 'mortar-board',
  quantity: 'symbol-number',
  threatActor: 'shield',
  malware: 'bug',
  tool: 'tools',
  technique: 'symbol-event',
};
const MEANING: Record<EntityType, string> = {
  person: 'a named person',
  organization: 'a government body, armed group, company or outlet',
  place: 'a country, city, region or site',
  date: 'a date, resolved to the calendar in its hover',
  time: 'a clock time or part of the day',
  group: 'a nationality or other group',
  title: 'a role or rank, and the actor who holds it',
  quantity: 'a number with what it counts',
  threatActor: 'a threat actor or intrusion set (APT28, FIN7...), with its MITRE ATT&CK group when known',
  malware: 'a malware family, with its MITRE ATT&CK software entry when known',
  tool: 'a legitimate tool or service an intruder used (PsExec, Cobalt Strike...)',
  technique: 'an ATT&CK technique, by ID (T1566.001) or by name',
};
export const typeLabel = (t: string) => TYPE_LABELS[t]?.[0] ?? t;
const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
const linkArgs = (title: string, command: string, args: unknown[]) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
const link = (title: string, command: string, args: unknown) => linkArgs(title, command, [args]);

/** Arguments of analystLens.correctEntity (all optional: without them the command asks). */
export interface CorrectArgs {
  uri?: string;
  /** Offset of the highlight to correct (any offset inside it). */
  offset?: number;
  action?: 'notEntity' | 'changeType' | 'sameActor' | 'split';
  type?: EntityType;
  /** For sameActor: the actor's name. */
  target?: string;
}

/** The innermost entity at an offset (inside beats just after). */
export function entityAt(entities: readonly Entity[], offset: number): Entity | undefined {
  let best: Entity | undefined;
  const score = (e: Entity) => (offset < e.end ? 0 : 1e9) + (e.end - e.start);
  for (const e of entities) {
    if (e.start > offset) break;
    if (offset > e.end) continue;
    if (!best || score(e) < score(best)) best = e;
  }
  return best;
}

interface Deps {
  service: AnalysisService;
  registry: ActorRegistry;
  actors: ActorService;
  selector: vscode.DocumentSelector;
  log: vscode.LogOutputChannel;
  config: () => { highlight: Record<EntityType, boolean> };
  /** Where the extension is installed (the walkthrough's sample report). */
  extensionUri?: vscode.Uri;
}

/** Dates and times resolved per document version (the hover asks often; resolution is the summary's, in the worker). */
class TemporalCache {
  constructor(private readonly service: AnalysisService) {}
  private readonly cache = new Map<string, { version: number; analysis: DocumentAnalysis['analysis']; value: Promise<ResolvedTemporal> }>();
  get(doc: vscode.TextDocument, r: DocumentAnalysis): Promise<ResolvedTemporal> {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.analysis === r.analysis) return hit.value;
    const value = reportDateFor(doc).then((dates) => this.service.model(doc, r, { what: 'temporal', dates }));
    value.catch(() => this.cache.delete(key));
    this.cache.set(key, { version: doc.version, analysis: r.analysis, value });
    return value;
  }
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The correction links shown under every entity hover. */
function correctionLinks(uri: string, e: Entity, actor: { actor: Actor; mention: Mention } | undefined): string {
  const args = (action: CorrectArgs['action'], extra: Partial<CorrectArgs> = {}) => ({ uri, offset: e.start, action, ...extra });
  const links = [link('Not an entity', LENS_COMMANDS.correctEntity, args('notEntity')), link('Change type…', LENS_COMMANDS.correctEntity, args('changeType'))];
  if (actor) {
    links.push(link('Same actor as…', LENS_COMMANDS.correctEntity, args('sameActor')));
    if (correctionKey(actor.mention.text) !== correctionKey(actor.actor.name)) links.push(link(`Split from ${esc(actor.actor.name)}`, LENS_COMMANDS.correctEntity, args('split')));
  }
  links.push(link('Legend', LENS_COMMANDS.showLegend, {}));
  // A corrected highlight says so, and where to undo it.
  const corrected = e.source === 'correction' ? `$(check) corrected in the workspace registry (${linkArgs('open it', COMMANDS.openRegistry, [uri])}) · ` : '';
  return corrected + links.join(' · ');
}

/** Hover on every highlighted span: what it is, what it resolves to, and how to correct it. */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly deps: Deps,
    private readonly temporal: TemporalCache,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (vscode.workspace.getConfiguration('analystLens').get<unknown>('hover.enabled') === false) return undefined;
    if (!this.deps.service.isEligible(doc)) return undefined;
    const r = await this.deps.service.get(doc);
    if (token.isCancellationRequested || r.version !== doc.version) return undefined;
    const e = entityAt(r.analysis.entities, doc.offsetAt(position));
    if (!e || !this.deps.config().highlight[e.type]) return undefined;
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: [LENS_COMMANDS.correctEntity, LENS_COMMANDS.showLegend, COMMANDS.revealActor, COMMANDS.openRegistry] };
    const hit = ACTOR_TYPES.includes(e.type as ActorType) ? await this.deps.actors.at(doc, position) : undefined;
    const actorHit = hit && hit.mention.start <= e.start && e.end <= hit.mention.end + 1 ? hit : undefined;
    const uri = doc.uri.toString();
    if (actorHit) {
      // The actor card (hover.ts) says who; this adds the type and the corrections.
      md.appendMarkdown(`$(${ICONS[e.type]}) ${typeLabel(e.type)} · ${correctionLinks(uri, e, actorHit)}`);
      return new vscode.Hover(md, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)));
    }
    md.appendMarkdown(`$(${ICONS[e.type]}) **${esc(e.text.replace(/\s+/g, ' '))}** · ${typeLabel(e.type)}\n\n`);
    if (e.type === 'date' || e.type === 'time') {
      const t = await this.temporal.get(doc, r);
      const entry = t.entries.find((x) => x.start === e.start && x.end === e.end);
      if (entry) {
        const { value, how } = explainTemporal(entry, t.reportDate);
        md.appendMarkdown(`→ **${esc(value)}**\n\n*${esc(how)}*\n\n`);
      } else md.appendMarkdown('*In front matter: the report date, not an event.*\n\n');
    } else if (e.type === 'title') {
      const all = await this.deps.actors.get(doc);
      const owner = all && titleOwner(doc.getText(), e, all.actors);
      md.appendMarkdown(owner ? `Held by ${linkArgs(esc(owner.name), COMMANDS.revealActor, [uri, owner.id])}${owner.roles.length ? ` (${owner.roles.map(esc).join(', ')})` : ''}\n\n` : '*No actor in the text holds this title.*\n\n');
    } else if (e.type === 'quantity') {
      const q = readQuantity(e.text);
      md.appendMarkdown(q.value !== undefined ? `${q.approximate ? 'About ' : ''}**${q.value.toLocaleString('en')}**${q.unit ? ` ${esc(q.unit)}` : ''}\n\n` : `*${q.approximate ? 'An approximate' : 'A'} quantity in words.*\n\n`);
    } else {
      md.appendMarkdown(`*${MEANING[e.type]}; not an actor of this report (ignored, or too weak to merge).*\n\n`);
    }
    md.appendMarkdown(`---\n\n${correctionLinks(uri, e, undefined)}`);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)));
  }
}

/** Quick fixes on any highlight: not an entity, change type, same actor as, split from this actor. */
export class CorrectionActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  constructor(private readonly deps: Deps) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, _ctx: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[] | undefined> {
    const r = this.deps.service.peek(doc);
    if (!r || r.version !== doc.version || token.isCancellationRequested) return undefined;
    const e = entityAt(r.analysis.entities, doc.offsetAt(range.start));
    if (!e || !this.deps.config().highlight[e.type]) return undefined;
    const uri = doc.uri.toString();
    const name = `“${e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text}”`;
    const action = (title: string, args: CorrectArgs) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command: LENS_COMMANDS.correctEntity, title, arguments: [{ uri, offset: e.start, ...args }] };
      return a;
    };
    const out = [action(`${name} is not an entity`, { action: 'notEntity' })];
    const likely: EntityType[] = ACTOR_TYPES.includes(e.type as ActorType) ? ACTOR_TYPES.filter((t) => t !== e.type) : [];
    for (const t of likely) out.push(action(`${name} is ${t === 'organization' ? 'an' : 'a'} ${typeLabel(t)}`, { action: 'changeType', type: t }));
    out.push(action(`Change the type of ${name}…`, { action: 'changeType' }));
    const hit = ACTOR_TYPES.includes(e.type as ActorType) ? this.deps.actors.peek(doc) : undefined;
    if (hit && hit.version === doc.version) {
      const m = hit.mentions.find((x) => x.mention.start <= e.start && e.end <= x.mention.end);
      out.push(action(`${name} is the same actor as…`, { action: 'sameActor' }));
      if (m && correctionKey(m.mention.text) !== correctionKey(m.actor.name)) out.push(action(`Split ${name} from ${m.actor.name}`, { action: 'split' }));
    }
    return out;
  }
}

/** The legend's rows: type, label, meaning, theme colour ids, count in the active report, highlighted or not. */
export function legendRows(deps: Deps): { type: EntityType; label: string; meaning: string; background: string; border: string; count?: number; highlighted: boolean }[] {
  const doc = vscode.window.activeTextEditor?.document;
  const r = doc ? deps.service.peek(doc) : undefined;
  return ENTITY_TYPES.map((t) => ({ type: t, label: typeLabel(t), meaning: MEANING[t], background: colorId(t), border: borderColorId(t), count: r?.analysis.counts[t], highlighted: deps.config().highlight[t] }));
}

const cssVar = (id: string) => `var(--vscode-${id.replace(/\./g, '-')})`;

/** The legend as a webview: the real theme colours (CSS variables of the theme), no script. */
function legendHtml(deps: Deps, nonce: string, cspSource: string): string {
  const rows = legendRows(deps)
    .map(
      (r) => `<tr><td><span class="hl" style="background:${cssVar(r.background)};border-bottom:2px solid ${cssVar(r.border)}">${r.label}</span></td>` +
        `<td>${r.meaning}</td><td class="n">${r.count ?? ''}</td><td>${r.highlighted ? '' : 'off'}</td><td><code>${r.background}</code><br><code>${r.border}</code></td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}' ${cspSource}; style-src-attr 'unsafe-inline';">
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 16px}
table{border-collapse:collapse}td,th{padding:6px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--vscode-widget-border, transparent)}
.hl{font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size);color:var(--vscode-editor-foreground);padding:0 2px;border-radius:2px}
.n{text-align:right}code{font-size:90%;opacity:.8}.sample{background:var(--vscode-editor-background);padding:8px 12px;display:inline-block}
</style><title>Analyst Lens legend</title></head><body>
<h2>Analyst Lens: what the colours mean</h2>
<p>Each type has a tint and an underline in the same colour (theme colours; override them in <code>workbench.colorCustomizations</code>). Hover a highlight for details and corrections.</p>
<div class="sample"><table><thead><tr><th>Highlight</th><th>Means</th><th>In this report</th><th></th><th>Theme colours</th></tr></thead><tbody>
${rows}
</tbody></table></div>
<p>Counts are highlighted mentions; the status bar counts actors (one person mentioned five times is one actor).</p>
</body></html>`;
}

/** Registers corrections, hovers, quick fixes and the legend. */
export function registerLens(deps: Deps): vscode.Disposable[] {
  const { service, registry, actors, selector, log } = deps;
  const temporal = new TemporalCache(service);
  const correct = (text: () => string, a: Parameters<typeof applyCorrections>[1]) => {
    const corrections = registry.corrections();
    return corrections.length ? applyCorrections(text(), a, corrections) : a;
  };
  let legend: vscode.WebviewPanel | undefined;
  const renderLegend = () => {
    if (legend) legend.webview.html = legendHtml(deps, Math.random().toString(36).slice(2) + Date.now().toString(36), legend.webview.cspSource);
  };
  void registry.ready().then(() => service.setCorrector(correct));
  service.setCorrector(correct);

  const pickType = async (current: EntityType): Promise<EntityType | undefined> => {
    const pick = await vscode.window.showQuickPick(
      ENTITY_TYPES.filter((t) => t !== current).map((t) => ({ label: `$(${ICONS[t]}) ${typeLabel(t)}`, description: MEANING[t], type: t })),
      { title: 'Analyst Lens: change the type to…', placeHolder: 'Entity type' },
    );
    return pick?.type;
  };

  const correctEntity = async (raw?: unknown): Promise<{ action: string; text: string; type?: EntityType | null; target?: string; registry: string } | undefined> => {
    const a: CorrectArgs = raw && typeof raw === 'object' ? (raw as CorrectArgs) : {};
    const editor = vscode.window.activeTextEditor;
    const doc = a.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri)) : editor?.document;
    if (!doc || !service.isEligible(doc)) {
      void vscode.window.showInformationMessage('Analyst Lens: put the cursor on a highlight in a report to correct it.');
      return undefined;
    }
    const offset = a.offset ?? (editor && editor.document === doc ? doc.offsetAt(editor.selection.active) : 0);
    const r = await service.get(doc);
    const e = entityAt(r.analysis.entities, offset);
    if (!e) {
      void vscode.window.showInformationMessage('Analyst Lens: there is no highlight here to correct.');
      return undefined;
    }
    const pos = doc.positionAt(e.start);
    const hit = ACTOR_TYPES.includes(e.type as ActorType) ? await actors.at(doc, pos.translate(0, 0)) : undefined;
    let action = a.action;
    if (!action) {
      const items: { label: string; action: CorrectArgs['action'] }[] = [
        { label: '$(circle-slash) Not an entity', action: 'notEntity' },
        { label: '$(symbol-enum) Change type to…', action: 'changeType' },
      ];
      if (hit) items.push({ label: '$(merge) Same actor as…', action: 'sameActor' }, { label: '$(split-horizontal) Split from this actor', action: 'split' });
      action = (await vscode.window.showQuickPick(items, { title: `Analyst Lens: correct “${e.text}” (${typeLabel(e.type)})` }))?.action;
      if (!action) return undefined;
    }
    try {
      if (action === 'notEntity') {
        const uri = await registry.correct({ text: e.text, type: null }, doc.uri);
        return { action, text: e.text, type: null, registry: uri.toString() };
      }
      if (action === 'changeType') {
        const type = a.type && ENTITY_TYPES.includes(a.type) ? a.type : await pickType(e.type);
        if (!type) return undefined;
        const uri = await registry.correct({ text: e.text, type }, doc.uri);
        return { action, text: e.text, type, registry: uri.toString() };
      }
      const all = await actors.get(doc);
      const mine = hit ?? undefined;
      if (action === 'sameActor') {
        let target = a.target;
        if (!target) {
          const others = (all?.actors ?? []).filter((x) => x.id !== mine?.actor.id && (x.type === mine?.actor.type || !mine));
          const pick = await vscode.window.showQuickPick(
            others.map((x) => ({ label: x.name, description: `${typeLabel(x.type)} · ${x.mentionCount} mention${x.mentionCount === 1 ? '' : 's'}`, name: x.name })),
            { title: `Analyst Lens: “${e.text}” is the same actor as…`, placeHolder: 'Actor' },
          );
          target = pick?.name;
        }
        if (!target) return undefined;
        const targetActor = all?.actors.find((x) => x.name === target);
        const uri = await registry.addAlias(target, e.text, targetActor?.type ?? (mine?.actor.type as ActorType | undefined), doc.uri);
        return { action, text: e.text, target, registry: uri.toString() };
      }
      if (action === 'split') {
        if (!mine || correctionKey(mine.mention.text) === correctionKey(mine.actor.name)) {
          void vscode.window.showInformationMessage(`Analyst Lens: “${e.text}” is the name of its actor; there is nothing to split from.`);
          return undefined;
        }
        const uri = await registry.split({ text: mine.mention.text, from: mine.actor.name }, doc.uri);
        return { action, text: mine.mention.text, target: mine.actor.name, registry: uri.toString() };
      }
    } catch (err) {
      log.error(`correction failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(`Analyst Lens: could not record the correction: ${err instanceof Error ? err.message : String(err)}`);
    }
    return undefined;
  };

  return [
    registry.onDidChange(() => {
      service.setCorrector(correct);
      renderLegend();
    }),
    service.onDidAnalyze((r) => {
      temporal.forget(r.uri);
      if (legend && vscode.window.activeTextEditor?.document.uri.toString() === r.uri) renderLegend();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => temporal.forget(d.uri.toString())),
    vscode.window.onDidChangeActiveTextEditor(() => renderLegend()),
    vscode.languages.registerHoverProvider(selector, new EntityHoverProvider(deps, temporal)),
    vscode.languages.registerCodeActionsProvider(selector, new CorrectionActions(deps), { providedCodeActionKinds: CorrectionActions.kinds }),
    vscode.commands.registerCommand(LENS_COMMANDS.correctEntity, correctEntity),
    vscode.commands.registerCommand(LENS_COMMANDS.getLegend, () => legendRows(deps)),
    // The walkthrough's sample: an untitled copy, so nothing in the installation or the workspace is touched.
    vscode.commands.registerCommand(LENS_COMMANDS.openSample, async () => {
      const base = deps.extensionUri ?? vscode.extensions.getExtension('analyst-lens.analyst-lens')?.extensionUri;
      if (!base) return undefined;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, 'media', 'walkthrough', 'sample-report.md'));
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc.uri.toString();
    }),
    vscode.commands.registerCommand(LENS_COMMANDS.showLegend, () => {
      if (legend) legend.reveal(vscode.ViewColumn.Beside, true);
      else {
        legend = vscode.window.createWebviewPanel('analystLens.legend', 'Analyst Lens: Legend', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
        legend.onDidDispose(() => (legend = undefined));
      }
      renderLegend();
      return legendRows(deps);
    }),
    { dispose: () => legend?.dispose() },
  ];
}
