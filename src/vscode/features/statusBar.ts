import * as vscode from 'vscode';
import type { AnalysisService, DocumentAnalysis } from '../analysisService';
import type { LensConfig } from '../config';
import { TYPE_LABELS } from '../convert';
import { COMMANDS } from '../commandIds';
import type { ActorService } from './actorService';

/**
 * Reports up to this long get actor counts at once (actors are built on the extension host for them after each
 * analysis: tens of milliseconds). Longer ones show actor counts once a hover, the Actors view or the Outline built
 * them, and mention counts until then.
 */
const ACTOR_COUNTS_UP_TO = 30_000;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Entity counts of the active report; says when work was limited or skipped. Click: list the entities. */
export class StatusBarFeature implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('analystLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private actors: ActorService | undefined;

  constructor(
    private readonly service: AnalysisService,
    private readonly config: () => LensConfig,
  ) {
    this.item.name = 'Analyst Lens';
    this.item.command = COMMANDS.listEntities;
    this.subscriptions.push(
      this.item,
      service.onDidAnalyze((r) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === r.uri) this.render(r);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // Long reports: say that work is under way (short ones finish before anyone could read it).
      service.onDidStart(({ uri, length }) => {
        if (length < 200_000 || vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
        this.item.text = `$(sync~spin) Analysing ${Math.round(length / 1000)}k characters…`;
        this.item.tooltip = 'Analyst Lens is analysing this report in a worker; typing is not affected.';
        this.item.show();
      }),
    );
    this.update();
  }

  /** Counts actors (distinct people, organisations, places) as well as highlighted mentions once actors are known. */
  setActors(actors: ActorService): void {
    this.actors = actors;
    this.subscriptions.push(
      actors.onDidChange((r) => {
        const doc = vscode.window.activeTextEditor?.document;
        const a = doc && doc.uri.toString() === r.uri ? this.service.peek(doc) : undefined;
        if (a) this.render(a);
      }),
    );
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.service.isEligible(doc)) return this.item.hide();
    const r = this.service.peek(doc);
    if (r) this.render(r);
    else this.service.schedule(doc);
  }

  private render(r: DocumentAnalysis): void {
    const { analysis } = r;
    if (r.skipped) {
      this.item.text = '$(circle-slash) Analyst Lens';
      this.item.tooltip = `Analyst Lens: ${r.skipped}`;
      this.item.show();
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const known = doc && doc.uri.toString() === r.uri && this.actors ? this.actors.peek(doc) : undefined;
    const actors = known && known.version === r.version ? known.actors : undefined;
    // Small reports: build the actors now (cheap), so the status bar counts who is in the report, not how often.
    if (!actors && doc && this.actors && analysis.length <= ACTOR_COUNTS_UP_TO && doc.version === r.version) void this.actors.get(doc);
    const off = this.config().enabled ? '' : ' (highlights off)';
    const icon = analysis.limited ? '$(warning)' : '$(telescope)';
    const md = new vscode.MarkdownString(`**Analyst Lens**${off}\n\n`);
    md.supportThemeIcons = true;
    md.isTrusted = { enabledCommands: ['analystLens.showLegend', COMMANDS.listEntities] };
    if (actors) {
      const n = (t: string) => actors.filter((a) => a.type === t).length;
      const [p, o, l] = [n('person'), n('organization'), n('place')];
      this.item.text = `${icon} ${plural(p, 'person', 'people')} · ${plural(o, 'org', 'orgs')} · ${plural(l, 'place', 'places')}${off}`;
      md.appendMarkdown(`**Actors** (each counted once, however often named): ${plural(p, 'person', 'people')} · ${plural(o, 'organisation', 'organisations')} · ${plural(l, 'place', 'places')} · ${plural(n('group'), 'group', 'groups')}\n\n`);
    } else {
      const c = analysis.counts;
      this.item.text = `${icon} ${c.person + c.organization + c.place} actor mentions${off}`;
      md.appendMarkdown('Actors (each counted once) appear here once a hover or the Actors view has built them.\n\n');
    }
    md.appendMarkdown(
      `**Highlighted mentions**: ${Object.keys(TYPE_LABELS)
        .map((t) => `${analysis.counts[t as keyof typeof analysis.counts] ?? 0} ${TYPE_LABELS[t][(analysis.counts[t as keyof typeof analysis.counts] ?? 0) === 1 ? 0 : 1]}`)
        .join(' · ')}`,
    );
    if (analysis.limited) md.appendMarkdown(`\n\n$(warning) Only the first ${analysis.limited.analyzedLength.toLocaleString('en')} characters were analysed (${analysis.limited.reason}).`);
    md.appendMarkdown('\n\n[$(symbol-color) What the colours mean](command:analystLens.showLegend) · click the item to list the entities.');
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
