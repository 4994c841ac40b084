import * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import { COMMANDS } from '../commandIds';
import { lowerBound } from '../../core';
import { toDto, toRange, TYPE_LABELS, type EntityDto } from '../convert';
import type { DecorationFeature } from './decorations';

export interface EntitiesResult {
  uri: string;
  version: number;
  enabled: boolean;
  skipped?: string;
  limited?: { analyzedLength: number; reason: string };
  entities: EntityDto[];
  decorated: Record<string, number>;
}

export interface CommandDeps {
  service: AnalysisService;
  decorations: DecorationFeature;
  isEnabled: () => boolean;
  setEnabled: (on: boolean) => void;
  log: vscode.LogOutputChannel;
}

async function resolveDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string' && arg) return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  return vscode.window.activeTextEditor?.document;
}

/** The palette commands of the entity layer. Each returns something useful to scripts and tests. */
export function registerEntityCommands(deps: CommandDeps): vscode.Disposable[] {
  const { service, decorations } = deps;
  return [
    vscode.commands.registerCommand(COMMANDS.toggleHighlights, () => {
      deps.setEnabled(!deps.isEnabled());
      return deps.isEnabled();
    }),
    vscode.commands.registerCommand(COMMANDS.refresh, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      service.forget(doc.uri);
      const r = await service.get(doc);
      return r.analysis.entities.length;
    }),
    // A second argument { positions: false } gives the entities as offsets only, without a line/character range
    // each (a cheap read for tests that check every keystroke of a long report).
    // `from`/`to` (offsets): only the entities overlapping that stretch (a script reading a long report a window at a time).
    vscode.commands.registerCommand(COMMANDS.getEntities, async (arg?: unknown, opts?: { positions?: boolean; from?: number; to?: number }): Promise<EntitiesResult | undefined> => {
      const doc = await resolveDocument(arg);
      if (!doc) return undefined;
      const r = await service.get(doc);
      const offsetsOnly = opts?.positions === false;
      let entities = r.analysis.entities;
      if (typeof opts?.from === 'number' || typeof opts?.to === 'number') {
        const from = typeof opts.from === 'number' ? opts.from : 0;
        const to = typeof opts.to === 'number' ? opts.to : Number.MAX_SAFE_INTEGER;
        const first = lowerBound(entities, from);
        const window: typeof entities = [];
        for (let i = 0; i < first; i++) if (entities[i].end > from) window.push(entities[i]);
        for (let i = first; i < entities.length && entities[i].start < to; i++) window.push(entities[i]);
        entities = window;
      }
      return {
        uri: r.uri,
        version: r.version,
        enabled: deps.isEnabled(),
        skipped: r.skipped,
        limited: r.analysis.limited,
        entities: entities.map((e) => (offsetsOnly ? { start: e.start, end: e.end, type: e.type, text: e.text } : toDto(doc, e))),
        decorated: decorations.decoratedCounts(r.uri),
      };
    }),
    vscode.commands.registerCommand(COMMANDS.listEntities, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !service.isEligible(editor.document)) {
        void vscode.window.showInformationMessage('Analyst Lens: open a Markdown or plain-text report to list its entities.');
        return;
      }
      const doc = editor.document;
      const r = await service.get(doc);
      type Item = vscode.QuickPickItem & { offset?: number; end?: number };
      const items: Item[] = [];
      const byType = new Map<string, Map<string, { first: number; end: number; count: number }>>();
      for (const e of r.analysis.entities) {
        const m = byType.get(e.type) ?? new Map();
        byType.set(e.type, m);
        const seen = m.get(e.text);
        if (seen) seen.count++;
        else m.set(e.text, { first: e.start, end: e.end, count: 1 });
      }
      for (const [type, m] of byType) {
        items.push({ label: TYPE_LABELS[type]?.[1] ?? type, kind: vscode.QuickPickItemKind.Separator });
        for (const [text, v] of [...m].sort((a, b) => b[1].count - a[1].count)) {
          items.push({ label: text, description: `${v.count}×`, detail: `line ${doc.positionAt(v.first).line + 1}`, offset: v.first, end: v.end });
        }
      }
      const pick = await vscode.window.showQuickPick(items, { placeHolder: `${r.analysis.entities.length} entities — pick one to reveal its first mention`, matchOnDescription: true });
      if (pick?.offset !== undefined && pick.end !== undefined) {
        const range = toRange(doc, { start: pick.offset, end: pick.end });
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.showLog, () => deps.log.show()),
    // What the highlights show now, as offsets into the current version (the stale-highlight tests read it).
    // A second argument { ranges: false } leaves the ranges out (a cheap probe while polling).
    // `until`: wait (at most `timeoutMs`, default 60 s) until the shown ranges are of that document version, or come
    // from the analysis of that version, and (`preview`) from the lines on screen only or from the whole document;
    // undefined if they never do. Tests wait with it instead of polling.
    vscode.commands.registerCommand(COMMANDS.getDecorations, async (arg?: unknown, opts?: { ranges?: boolean; until?: { version?: number; analysedVersion?: number; preview?: boolean }; timeoutMs?: number }) => {
      const doc = await resolveDocument(arg);
      if (!doc) return undefined;
      const ranges = opts?.ranges !== false;
      const until = opts?.until;
      if (!until) return decorations.state(doc.uri.toString(), ranges);
      const ok = (s: { version: number; analysedVersion: number; preview?: object }) =>
        (until.version === undefined || s.version === until.version) &&
        (until.analysedVersion === undefined || s.analysedVersion === until.analysedVersion) &&
        (until.preview === undefined || !!s.preview === until.preview);
      return decorations.when(doc.uri.toString(), ok, typeof opts?.timeoutMs === 'number' ? opts.timeoutMs : 60_000, ranges);
    }),
    // Cheap probe for scripts and tests: the analysed version and entity count, without converting every range.
    vscode.commands.registerCommand(COMMANDS.getAnalysisState, async (arg?: unknown) => {
      const doc = await resolveDocument(arg);
      if (!doc) return undefined;
      const r = service.peek(doc);
      // `worker`: what the analysis worker did so far, per request kind (counts, its milliseconds, round trips).
      return r ? { version: r.version, entities: r.analysis.entities.length, skipped: r.skipped, worker: service.analyzer.stats() } : undefined;
    }),
  ];
}
