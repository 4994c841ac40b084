/** Analyst annotations: W3C Web Annotation anchoring (quote + position), re-anchoring, storage, overrides, exports. */
export type { Annotation, AnnotationReply, AnnotationFile, AnnotationFileProblem, ParsedAnnotationFile, OrphanReason, ContentChange, TextPosition, TextQuote } from './types';
export { DEFAULT_TAGS } from './types';
export { CONTEXT_LENGTH, anchorAt, applyChanges, applyChangesAll, contextScore, isAnchored, quoteAt, reanchor, reanchorAll } from './anchor';
export { applyEntityOverrides, applyOverridesToAnalysis } from './overrides';
export { ANNOTATIONS_DIR, annotationFilePath, parseAnnotationFile, serializeAnnotationFile, toAnnotation } from './file';
export {
  WEB_ANNOTATION_CONTEXT,
  annotationsMarkdown,
  fromSummaryAnnotations,
  summaryAnnotations,
  toWebAnnotationCollection,
  toWebAnnotationJson,
  toWebAnnotations,
  withAnnotations,
  type SummaryAnnotation,
  type WebAnnotation,
  type WebAnnotationCollection,
} from './export';
