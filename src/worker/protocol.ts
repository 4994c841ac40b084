import type {
  Actor,
  AnalysisPatch,
  Annotation,
  ExportFormat,
  Analysis,
  AnalyzeOptions,
  BuildActorsOptions,
  EntityCorrection,
  IndexEntry,
  LintOptions,
  MarkupDiagnostic,
  MarkupSpan,
  ModelSummaryOptions,
  ResolvedTemporal,
  Summary,
  SummaryOptions,
  TextChange,
  ThreatPicture,
} from '../core';

/** Options of a markup request: the rules with the document's settings applied, and the length limit. */
export interface MarkupOptions {
  maxLength: number;
  rules: NonNullable<LintOptions['rules']>;
  /** False when every rule is off: only the spans are wanted. */
  lint: boolean;
}

/** The actor registry, ignore list and splits the actors of a document are built with (plain data). */
export type ActorOptions = Pick<BuildActorsOptions, 'registry' | 'ignore' | 'splits'>;

/** What the workspace index applies to every report: the analyst's corrections and the actor registry. */
export interface IndexInputs {
  actors: ActorOptions;
  corrections: EntityCorrection[];
}

/**
 * What the host asks the worker's document model of one version (issue #11: the host renders, the worker builds).
 * Every answer is plain JSON.
 */
export type ModelQuery =
  /** The actors (registry applied, with their mentions and actions): hover cards, the Actors view, navigation. */
  | { what: 'actors'; actors: ActorOptions }
  /** The summary (the view), with the analyst's annotations listed. */
  | ({ what: 'summary' } & SummaryQuery)
  /** The summary exported in a format, as the text of the file (every export). */
  | ({ what: 'export'; exportAs: { format: ExportFormat; source: string } } & SummaryQuery)
  /** Dates and times resolved to the calendar as the summary resolves them (the date hover). */
  | { what: 'temporal'; dates: Pick<SummaryOptions, 'reportDate' | 'reportDateSource'> }
  /** The workspace-index entry of this version (actor keys and mentions, registry applied as the index does). */
  | { what: 'indexEntry'; actors: ActorOptions }
  /** The threat picture: threat actors, malware, tools, techniques and what the report says they do. */
  | { what: 'threat' };

/** What a summary is made of: the registry, the report's format, the summary options and the annotations to list. */
export interface SummaryQuery {
  actors: ActorOptions;
  format: 'plain' | 'markdown';
  summary: ModelSummaryOptions;
  annotations?: Annotation[];
}

export interface ModelAnswers {
  actors: Actor[];
  summary: Summary;
  export: string;
  temporal: ResolvedTemporal;
  indexEntry: IndexEntry;
  /** The picture, with the ATT&CK notice its hover cards show (the host has no ATT&CK tables). */
  threat: ThreatPicture & { attackNotice: string };
}

/**
 * Messages between the extension host and the analysis worker. Plain JSON: structured-clone safe.
 * The worker keeps the text of each open document: the host sends it once ('analyze' or 'markup' with `text`),
 * then only the edits ('edit', VS Code's contentChanges), and asks for a version without sending its text again.
 * A request for a version the worker does not have answers `{ ok: false, resync: true }`: the host sends the text.
 * 'model' asks the document model of a version for a layer; `analysis` is sent only when the host's analysis of that
 * version differs from the worker's (the analyst's corrections and annotations are applied on the host).
 */
export type WorkerRequest =
  /** `base`: the version whose analysis the host holds; the answer may then be a patch on it (`patch`). */
  | { id: number; kind: 'analyze'; uri: string; version: number; text?: string; options?: AnalyzeOptions; base?: number }
  /** Visible lines first: the analysis of the paragraphs holding [from, to) only (core previewAnalysis). */
  | { id: number; kind: 'preview'; uri: string; version: number; text?: string; options?: AnalyzeOptions; from: number; to: number }
  | { id: number; kind: 'markup'; uri: string; version: number; text?: string; options: MarkupOptions }
  | { id: number; kind: 'edit'; uri: string; version: number; changes: TextChange[] }
  /** A workspace report, indexed with the workspace's corrections and actor registry (no document kept). */
  | { id: number; kind: 'index'; uri: string; text: string; options?: AnalyzeOptions; inputs?: IndexInputs }
  | { id: number; kind: 'model'; uri: string; version: number; text?: string; options?: AnalyzeOptions; analysis?: Analysis; query: ModelQuery }
  | { id: number; kind: 'forget'; uri: string };

export type WorkerResponse =
  | {
      id: number;
      ok: true;
      analysis?: Analysis;
      /** The analysis as a patch on the one of the version the host said it holds. */
      patch?: AnalysisPatch;
      entry?: IndexEntry;
      markup?: { spans: MarkupSpan[]; diagnostics: MarkupDiagnostic[] };
      value?: ModelAnswers[keyof ModelAnswers];
      ms: number;
    }
  /** `superseded`: not computed, a newer version of the document was already on its way (see worker/queue.ts). */
  | { id: number; ok: false; error: string; resync?: boolean; superseded?: boolean };
