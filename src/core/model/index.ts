export { DocumentModel, createDocumentModel, type DocumentModelOptions, type ModelSummaryOptions } from './documentModel';
export { VersionedCache } from './cache';
