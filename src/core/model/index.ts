export { DocumentModel, createDocumentModel, type DocumentModelOptions, type ModelSummaryOptions } from './documentModel';
export { VersionedCache } from './cache';
export { followEdits, followWindow, paragraphAround, type TrackedRange, type TextChange } from './follow';
export { diffAnalysis, applyAnalysisPatch, type AnalysisPatch } from './patch';
