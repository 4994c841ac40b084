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
export { previewAnalysis, previewRange } from './preview';
export type { IncrementalAnalyzer } from './incremental';
export { findMarkup, lintMarkup, refang, defang } from './markup';
export type { MarkupSpan, MarkupKind } from './markup';
export { DocumentModel, createDocumentModel, VersionedCache } from './model';
export type { DocumentModelOptions, ModelSummaryOptions } from './model';
export { followEdits, followWindow, paragraphAround, diffAnalysis, applyAnalysisPatch } from './model';
export type { AnalysisPatch } from './model';
export type { TrackedRange, TextChange } from './model';
export { LINT_CODES } from './markup';
export type { LintCode, LintOptions, LintSeverity, MarkupDiagnostic } from './markup';
// The shell and the CLI import the core only from here (test/unit/publicDoor.test.ts checks it).
export { ICD203_ROWS, zoneOffsetHours } from './markup';
export { W_LABELS } from './summary/export/markdown';
export { lowerBound } from './text/intervals';
export { lineIndex, frontMatter } from './text/segment';
export { normaliseDate } from './summary/dates';
export { findCti, looksTechnical, mergeCti, isGenericCtiTerm, attackRecord } from './cti';
export type { CtiEntity } from './cti';
// light modules (no tagger): the shell's hovers and views use these
export { CTI_TYPES, type CtiType } from './cti/types';
export { techniqueById, groupByName, softwareByName, ATTACK_NOTICE, ATTACK_VERSION } from './cti/attack';
export type { AttackGroup, AttackSoftware, AttackTechnique } from './cti/attack';
export { buildThreat } from './cti/threat';
export type { ThreatEntity, ThreatEvent, ThreatPicture, ThreatTarget, ThreatEventType } from './cti/threat';
export type { SummaryThreat } from './types';
export { ENTITY_TYPE_DESCRIPTORS, EXPORTER_DESCRIPTORS, exporterNamed } from './descriptors';
export type { EntityTypeDescriptor, ExporterDescriptor } from './descriptors';
export { applyCorrections, applySplits, correctionKey } from './lens/corrections';
export { resolveTemporal, explainTemporal, titleOwner, readQuantity } from './lens/entityInfo';
export type { ResolvedTemporal } from './lens/entityInfo';
export { setRegistryCorrection, addRegistryAlias, addRegistrySplit } from './actors/registry';
export type { EntityCorrection, ActorSplit } from './types';
export * from './annotations';
