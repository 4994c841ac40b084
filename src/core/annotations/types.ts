import type { EntityType } from '../types';

/**
 * An analyst's annotation of a span of a report, anchored the way the W3C Web Annotation model anchors text
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector): the quoted text with some context (TextQuoteSelector)
 * and its offsets (TextPositionSelector). Offsets are UTF-16 code-unit indices into the report, `end` exclusive.
 */
export interface Annotation {
  /** A UUID, unique within the workspace; the Web Annotation id is `urn:uuid:<id>`. */
  id: string;
  /** 'entity': the span is an entity of `entityType` (overrides the model); 'tag': an analyst tag such as "key judgement". */
  kind: 'entity' | 'tag';
  entityType?: EntityType;
  tag?: string;
  /** The analyst's note: the first comment of the annotation's thread. */
  note?: string;
  /** Further comments of the thread, oldest first. */
  replies?: AnnotationReply[];
  /** The thread was marked resolved. */
  resolved?: boolean;
  quote: TextQuote;
  position: TextPosition;
  /**
   * Set when the annotated text is gone (`missing`), was edited across its boundary (`changed`) or occurs several
   * times with no way to tell which one was meant (`ambiguous`): the annotation is kept with its last quote and
   * position and listed for the analyst to re-attach; it is never moved onto other text.
   */
  orphaned?: OrphanReason;
  author?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified?: string;
}

export type OrphanReason = 'missing' | 'changed' | 'ambiguous';

export interface AnnotationReply {
  id: string;
  body: string;
  author?: string;
  created: string;
}

/** TextQuoteSelector: the exact text with up to CONTEXT_LENGTH characters before and after it. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** TextPositionSelector: [start, end) offsets. */
export interface TextPosition {
  start: number;
  end: number;
}

/** One edit of a document, as VS Code's TextDocumentContentChangeEvent gives it (offsets into the text before it). */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** The annotations file of one report (`.analyst/annotations/<report path>.json`). */
export interface AnnotationFile {
  version: 1;
  /** The report's path relative to the workspace folder, with forward slashes. */
  report: string;
  annotations: Annotation[];
}

/** A problem found while reading an annotations file (offsets into the file's text, when known). */
export interface AnnotationFileProblem {
  message: string;
  /** Index of the annotation in the file's array, when the problem is about one. */
  index?: number;
  start?: number;
  end?: number;
}

/** What parseAnnotationFile returns: the valid annotations, the entries it could not read (kept as they were), and why. */
export interface ParsedAnnotationFile {
  file: AnnotationFile;
  /** Entries that are not valid annotations, kept verbatim so that writing the file back loses nothing. */
  invalid: unknown[];
  problems: AnnotationFileProblem[];
  /** True when the file is not JSON at all (or not an object): it must not be overwritten. */
  unreadable: boolean;
}

/** The default analyst tags (setting analystLens.annotations.tags). */
export const DEFAULT_TAGS: readonly string[] = ['key judgement', 'assumption', 'intelligence gap', 'source', 'caveat'];
