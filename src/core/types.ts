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
  /**
   * 'markdown': code (fenced, indented by fences, inline), front matter, link targets and HTML tags are not
   * analysed; offsets still refer to the original text. Default 'plain'.
   */
  format?: 'plain' | 'markdown';
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

/** How a mention refers to its actor. */
export type MentionKind = 'name' | 'alias' | 'surname' | 'nominal' | 'registry';

export interface Mention extends Span {
  kind: MentionKind;
  /** 1 for names; lower for nominal references ("the Premier") linked by rule. */
  confidence: number;
}

export interface Quote extends Span {
  /** Id of the speaking actor when known. */
  speakerId?: string;
  /** The speaker as the text names it ("the Israel leader"), when found. */
  speakerText?: string;
  /** 0–1: how sure the speaker attribution is. */
  confidence: number;
}

export type ActorType = 'person' | 'organization' | 'place' | 'group';

/** One actor of the report: all its mentions merged, with what the text says about it. */
export interface Actor {
  /** Stable within a text: `${type}:${slug of canonical name}`. */
  id: string;
  type: ActorType;
  /** Canonical name: the longest full name used ("Benjamin Netanyahu"). */
  name: string;
  /** Other surface forms as they occur ("Netanyahu", "Prime Minister Netanyahu", "the Premier"). */
  aliases: string[];
  /** Roles, titles and ranks from the text ("Prime Minister", "Major-General"). */
  roles: string[];
  /** The military or police rank among `roles`, when there is one ("Major-General"). */
  rank?: string;
  /** Country or organisation the actor belongs to, from the text ("Israel", "Russia"). */
  affiliation?: string;
  mentions: Mention[];
  /** Offset of the first mention. */
  firstMention: number;
  mentionCount: number;
  /** 0–1, relative prominence in the text (mentions, position, quotes). */
  salience: number;
  quotes: Quote[];
  /** Actors and places in the same sentences, with counts, most frequent first. */
  related: { id: string; name: string; type: ActorType; count: number }[];
  /** Verbs the actor is the subject of ("met", "warned", "travelled"). */
  actions: string[];
  /** Analyst notes and flags from the actor registry, when the actor is registered. */
  registry?: {
    notes?: string;
    tags?: string[];
    watchlist?: boolean;
    /** Where the entry was read from (the host sets it: a file URI or path; 'options' otherwise). */
    source: string;
    /** Offset of the entry in its source file, when known (for "go to definition"). */
    offset?: number;
  };
}

/** One actor of the analyst's registry (`.analyst/actors.json`): what the analyst knows, overriding the text. */
export interface RegistryEntry {
  /** Canonical name shown everywhere. */
  name: string;
  /** Other names that refer to the same actor; their mentions merge into it. */
  aliases?: string[];
  type?: ActorType;
  role?: string;
  affiliation?: string;
  notes?: string;
  tags?: string[];
  /** Watchlisted actors get a distinct decoration. */
  watchlist?: boolean;
  /** Where the entry was read from (a file URI or path). */
  source?: string;
  /** Offsets of the entry object in its source file. */
  start?: number;
  end?: number;
}

/** A problem found while reading a registry file; offsets are into the file's text. */
export interface RegistryProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

/** The registry file as read: the valid entries, the ignore list, and what was wrong with the rest. */
export interface ParsedRegistry {
  actors: RegistryEntry[];
  ignore: string[];
  problems: RegistryProblem[];
}

export interface BuildActorsOptions {
  /** Registry entries: they merge mentions by alias and override roles, affiliation and type. */
  registry?: readonly RegistryEntry[];
  /** Names that are never actors (compared case-insensitively, possessives ignored). */
  ignore?: readonly string[];
  /** Find the verbs actors are the subject of. Default true. */
  actions?: boolean;
}
