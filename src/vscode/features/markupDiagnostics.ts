import * as vscode from 'vscode';
import { PREVIEW_ABOVE } from '../analysisService';
import { KeyedDebouncer } from '../debounce';
import { LINT_CODES, type LintCode, type LintSeverity } from '../../core';
import { COMMANDS } from '../commandIds';
import { MARKUP_RULE_KEYS, SECTION, type LensConfig } from '../config';
import type { DocumentMarkup, MarkupStore } from './markupStore';

export const DIAGNOSTIC_SOURCE = 'Analyst Lens';

const SEVERITY: Record<LintSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const RULE_TITLES: Record<LintCode, string> = {
  'mixed-likelihood-rows': 'mixed likelihood rows',
  'confidence-with-likelihood': 'confidence with likelihood',
  'missing-portion-marking': 'missing portion marking',
};

function isLintCode(v: unknown): v is LintCode {
  return typeof v === 'string' && (LINT_CODES as readonly string[]).includes(v);
}

/** The lint code of one of our diagnostics, or undefined for anyone else's. */
export function lintCodeOf(d: vscode.Diagnostic): LintCode | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return isLintCode(code) ? code : undefined;
}

/**
 * Problems for analyst markup (`lintMarkup`): kept for every open report, recomputed after the debounce delay
 * when the report changes, cleared when it closes. Each problem's code links to its explanation in docs/markup.md.
 */
export class MarkupDiagnosticsFeature implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('analystLens.markup');
  private readonly debounce = new KeyedDebouncer();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: MarkupStore,
    private readonly config: () => LensConfig,
    private readonly docsUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      this.collection,
      store.onDidUpdate((r) => this.publish(r)),
      // A long report's lines on screen are analysed first (visible lines first): its problems can wait for the pause.
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) >= PREVIEW_ABOVE ? undefined : 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const relevant = ['diagnostics', 'languages', 'maxDocumentLength'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
        // after the extension's own listener has re-read its settings
        if (relevant) setTimeout(() => this.refreshAll(), 0);
      }),
      vscode.languages.registerCodeActionsProvider('*', new MarkupCodeActions(), {
        providedCodeActionKinds: MarkupCodeActions.providedCodeActionKinds,
      }),
      vscode.commands.registerCommand(COMMANDS.disableMarkupRule, (code?: unknown, uri?: unknown) => disableRule(code, uri)),
    );
    this.refreshAll();
  }

  /** Reports get problems; the explanation the problems link to (docs/markup.md, full of examples) does not. */
  private eligible(doc: vscode.TextDocument): boolean {
    return this.store.isEligible(doc) && doc.uri.toString() !== this.docsUri.toString();
  }

  /** Recompute every open report (settings changed), and drop the problems of documents no longer eligible. */
  refreshAll(): void {
    this.store.invalidate();
    for (const doc of vscode.workspace.textDocuments) {
      if (this.eligible(doc)) this.schedule(doc, 0);
      else this.clear(doc.uri);
    }
  }

  /** Lint after the debounce delay; typing restarts the delay. */
  schedule(doc: vscode.TextDocument, delay = this.config().debounceMs): void {
    if (!this.eligible(doc)) return;
    const key = doc.uri.toString();
    this.debounce.schedule(key, delay, () => {
      if (!doc.isClosed) void this.store.get(doc);
    });
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debounce.cancel(key);
    this.collection.delete(uri);
    this.store.forget(uri);
  }

  private publish(r: DocumentMarkup): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
    if (!doc || doc.isClosed || doc.version !== r.version) return;
    if (!this.eligible(doc)) {
      this.collection.delete(doc.uri);
      return;
    }
    this.collection.set(
      doc.uri,
      r.diagnostics.map((m) => {
        const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)), m.message, SEVERITY[m.severity]);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = { value: m.code, target: this.docsUri.with({ fragment: m.code }) };
        return d;
      }),
    );
  }

  dispose(): void {
    this.debounce.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** Quick fixes for our problems: insert a portion marking, add a note to a paragraph, or turn the rule off. */
export class MarkupCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const disabled = new Set<LintCode>();
    for (const d of context.diagnostics) {
      const code = lintCodeOf(d);
      if (!code) continue;
      if (code === 'missing-portion-marking') {
        const fix = new vscode.CodeAction('Insert portion marking (U)', vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [d];
        fix.isPreferred = true;
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.insert(doc.uri, portionInsertionPoint(doc, d.range.start), '(U) ');
        actions.push(fix);
      } else if (code === 'mixed-likelihood-rows') {
        const fix = new vscode.CodeAction('Add a note explaining the mixed likelihood terms', vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [d];
        fix.edit = new vscode.WorkspaceEdit();
        const at = paragraphEnd(doc, d.range.start.line);
        fix.edit.set(doc.uri, [new vscode.SnippetTextEdit(new vscode.Range(at, at), new vscode.SnippetString(' Note: ${1:why the likelihood terms differ}.'))]);
        actions.push(fix);
      }
      if (!disabled.has(code)) {
        disabled.add(code);
        const off = new vscode.CodeAction(`Disable the rule "${RULE_TITLES[code]}" (setting ${SECTION}.${MARKUP_RULE_KEYS[code]})`, vscode.CodeActionKind.QuickFix);
        off.diagnostics = context.diagnostics.filter((x) => lintCodeOf(x) === code);
        off.command = { title: off.title, command: COMMANDS.disableMarkupRule, arguments: [code, doc.uri] };
        actions.push(off);
      }
    }
    return actions;
  }
}

/** Where "(U) " goes on a paragraph's first line: after any block-quote and list markers (`> - `, `1. `). */
export function portionInsertionPoint(doc: vscode.TextDocument, start: vscode.Position): vscode.Position {
  const line = doc.lineAt(start.line).text;
  const rest = line.slice(start.character);
  const marker = /^(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/.exec(rest)?.[0] ?? '';
  return start.translate(0, marker.length);
}

/** End of the paragraph holding `line`: the end of its last line before a blank line or a code fence. */
export function paragraphEnd(doc: vscode.TextDocument, line: number): vscode.Position {
  let last = line;
  while (last + 1 < doc.lineCount) {
    const next = doc.lineAt(last + 1).text;
    if (next.trim() === '' || /^\s{0,3}(?:`{3,}|~{3,})/.test(next)) break;
    last++;
  }
  return doc.lineAt(last).range.end;
}

/**
 * Turns a lint rule off where it is set (workspace folder, workspace, or per language), or else in the user
 * settings. Returns where it was written, for tests.
 */
async function disableRule(code: unknown, uriArg: unknown): Promise<string | undefined> {
  if (!isLintCode(code)) return undefined;
  const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' && uriArg ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
  const key = MARKUP_RULE_KEYS[code];
  const cfg = vscode.workspace.getConfiguration(SECTION, doc ?? uri ?? null);
  const info = cfg.inspect(key);
  const T = vscode.ConfigurationTarget;
  const [target, language, name]: [vscode.ConfigurationTarget, boolean, string] =
    info?.workspaceFolderLanguageValue !== undefined
      ? [T.WorkspaceFolder, true, 'workspaceFolderLanguage']
      : info?.workspaceFolderValue !== undefined
        ? [T.WorkspaceFolder, false, 'workspaceFolder']
        : info?.workspaceLanguageValue !== undefined
          ? [T.Workspace, true, 'workspaceLanguage']
          : info?.workspaceValue !== undefined
            ? [T.Workspace, false, 'workspace']
            : info?.globalLanguageValue !== undefined
              ? [T.Global, true, 'globalLanguage']
              : [T.Global, false, 'global'];
  await cfg.update(key, 'off', target, language || undefined);
  return name;
}
