import type { Analysis, AnalyzeOptions, IndexEntry, LintOptions, MarkupDiagnostic, MarkupSpan, TextChange } from '../core';

/** Options of a markup request: the rules with the document's settings applied, and the length limit. */
export interface MarkupOptions {
  maxLength: number;
  rules: NonNullable<LintOptions['rules']>;
  /** False when every rule is off: only the spans are wanted. */
  lint: boolean;
}

/**
 * Messages between the extension host and the analysis worker. Plain JSON: structured-clone safe.
 * The worker keeps the text of each open document: the host sends it once ('analyze' or 'markup' with `text`),
 * then only the edits ('edit', VS Code's contentChanges), and asks for a version without sending its text again.
 * A request for a version the worker does not have answers `{ ok: false, resync: true }`: the host sends the text.
 */
export type WorkerRequest =
  | { id: number; kind: 'analyze'; uri: string; version: number; text?: string; options?: AnalyzeOptions }
  | { id: number; kind: 'markup'; uri: string; version: number; text?: string; options: MarkupOptions }
  | { id: number; kind: 'edit'; uri: string; version: number; changes: TextChange[] }
  | { id: number; kind: 'index'; uri: string; text: string; options?: AnalyzeOptions }
  | { id: number; kind: 'forget'; uri: string };

export type WorkerResponse =
  | { id: number; ok: true; analysis?: Analysis; entry?: IndexEntry; markup?: { spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] }; ms: number }
  | { id: number; ok: false; error: string; resync?: boolean };
