/**
 * Analyst Lens analysis core: pure functions over text, no host APIs. Runs in Node, worker threads and browsers.
 * `require('./dist/core.js').analyze(text)` from Node scripts.
 */
export { analyze, DEFAULT_MAX_LENGTH } from './analyze';
export type { Analysis, AnalyzeOptions, Entity, EntityType, Span } from './types';
export { ENTITY_TYPES } from './types';
export {
  summarize,
  SUMMARY_SCHEMA_VERSION,
  findReportDate,
  toMarkdown,
  toJson,
  toCsv,
  toStix,
  toStixJson,
  exportSummary,
  exportFileName,
  EXPORT_FORMATS,
  EXPORT_EXTENSIONS,
  CSV_COLUMNS,
  STIX_NAMESPACE,
  SUMMARY_SCHEMA_ID,
  type ExportFormat,
  type StixBundle,
  type StixObject,
} from './summary';
export type {
  Evidence,
  FiveW,
  FiveWAnswer,
  Relation,
  RelationParticipant,
  RelationType,
  ReportDate,
  ReportDateSource,
  Summary,
  SummaryActor,
  SummaryCounts,
  SummaryMention,
  SummaryOptions,
  SummaryPlace,
  SummaryQuote,
  TimeGranularity,
  TimelineEntry,
  Topic,
} from './types';
export { buildActors, parseRegistry, appendRegistryEntry, addIgnoredName, findQuotations, splitSentences, countryOf, nameKey } from './actors';
export type { Quotation } from './actors';
export type { Actor, ActorType, BuildActorsOptions, Mention, MentionKind, ParsedRegistry, Quote, RegistryEntry, RegistryProblem } from './types';
export { contentHash } from './text/contentHash';
export { indexEntry, actorKey } from './workspace/indexEntry';
export type { IndexEntry, IndexedActor } from './workspace/indexEntry';
export { createIncrementalAnalyzer } from './incremental';
export type { IncrementalAnalyzer } from './incremental';
export { findMarkup, lintMarkup, refang, defang } from './markup';
export type { MarkupSpan, MarkupKind } from './markup';
export { DocumentModel, createDocumentModel, VersionedCache } from './model';
export type { DocumentModelOptions, ModelSummaryOptions } from './model';
export { followEdits, paragraphAround } from './model';
export type { TrackedRange, TextChange } from './model';
export { LINT_CODES } from './markup';
export type { LintCode, LintOptions, LintSeverity, MarkupDiagnostic } from './markup';
// Helpers the command line uses (it loads the core lazily, through this door only).
export { lineIndex } from './summary/sentences';
export { normaliseDate } from './summary/dates';
export * from './annotations';
