import * as vscode from 'vscode';
import type { AnalysisService, DocumentAnalysis } from '../analysisService';
import type { LensConfig } from '../config';
import { TYPE_LABELS } from '../convert';
import { COMMANDS } from '../commandIds';

const SHOWN = ['person', 'organization', 'place', 'date'] as const;

/** Entity counts of the active report; says when work was limited or skipped. Click: list the entities. */
export class StatusBarFeature implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('analystLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

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
    } else {
      const parts = SHOWN.map((t) => `${analysis.counts[t]} ${TYPE_LABELS[t][analysis.counts[t] === 1 ? 0 : 1]}`);
      const off = this.config().enabled ? '' : ' (highlights off)';
      this.item.text = `${analysis.limited ? '$(warning)' : '$(telescope)'} ${analysis.counts.person}P ${analysis.counts.organization}O ${analysis.counts.place}L${off}`;
      const md = new vscode.MarkdownString(`**Analyst Lens**${off}\n\n${parts.join(' · ')}\n\n`);
      md.appendMarkdown(
        (['group', 'title', 'time', 'quantity'] as const).map((t) => `${analysis.counts[t]} ${TYPE_LABELS[t][analysis.counts[t] === 1 ? 0 : 1]}`).join(' · '),
      );
      if (analysis.limited) md.appendMarkdown(`\n\n$(warning) Only the first ${analysis.limited.analyzedLength.toLocaleString('en')} characters were analysed (${analysis.limited.reason}).`);
      md.appendMarkdown('\n\nClick to list the entities.');
      md.supportThemeIcons = true;
      this.item.tooltip = md;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
