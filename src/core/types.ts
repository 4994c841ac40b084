/**
 * Plain data types of the analysis core. Everything here is serialisable (JSON) so results can
 * cross a worker boundary, be cached, exported, or compared in tests.
 */

/** The entity layer types. Offsets are UTF-16 code-unit offsets into the analysed text (JS string indices). */
export type EntityType =
  | 'person'
  | 'organization'
  | 'place'
  | 'date'
  | 'time'
  /** nationalities and other groups: Israeli, Arab, Shia */
  | 'group'
  /** roles and ranks: Prime Minister, Major-General */
  | 'title'
  | 'quantity';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'place',
  'date',
  'time',
  'group',
  'title',
  'quantity',
];

/** A span of the analysed text. `end` is exclusive; `text === input.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Entity extends Span {
  type: EntityType;
  /** Which recognizer produced the span (for debugging and hovers): 'ner', 'rule', 'propagated', ... */
  source?: string;
}

export interface AnalyzeOptions {
  /**
   * Longest text analysed, in UTF-16 code units. Longer input is analysed up to this point only and
   * `Analysis.limited` says so. Default 5,000,000.
   */
  maxLength?: number;
  /** Only return these entity types (all by default). */
  types?: readonly EntityType[];
}

export interface Analysis {
  /** Sorted by start, then by longer span first. Spans of one type never overlap. */
  entities: Entity[];
  /** Entity counts per type. */
  counts: Record<EntityType, number>;
  /** Length of the input text. */
  length: number;
  /** Set when the input was longer than `maxLength`: only `[0, analyzedLength)` was analysed. */
  limited?: { analyzedLength: number; reason: string };
}
