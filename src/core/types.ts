import type { ThreatPicture } from './cti/threat';

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
  | 'quantity'
  /** threat-intelligence reports (src/core/cti): intrusion sets and named groups: APT28, Fancy Bear */
  | 'threatActor'
  /** malware families: X-Agent, PlugX */
  | 'malware'
  /** tools, legitimate or offensive: Mimikatz, PowerShell, Cobalt Strike */
  | 'tool'
  /** MITRE ATT&CK techniques by ID (T1059.001) or name (Process Injection) */
  | 'technique';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'place',
  'date',
  'time',
  'group',
  'title',
  'quantity',
  'threatActor',
  'malware',
  'tool',
  'technique',
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
export type MentionKind = 'name' | 'alias' | 'surname' | 'nominal' | 'registry' | 'pronoun';

export interface Mention extends Span {
  kind: MentionKind;
  /** 1 for names; lower for nominal references ("the Premier") linked by rule. */
  confidence: number;
  /** Why a mention that is not the name itself joined its actor ("the only person called Okafor here"). */
  evidence?: string;
}

export interface Quote extends Span {
  /** Id of the speaking actor when known. */
  speakerId?: string;
  /** The speaker as the text names it ("the Israel leader"), when found. */
  speakerText?: string;
  /** 0–1: how sure the speaker attribution is. */
  confidence: number;
  /** Reported speech ("X said that …", "…, the ministry said"), not words in quotation marks. */
  indirect?: boolean;
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
  /**
   * Pronouns ("she", "his") resolved to this person (actors/pronouns.ts), kind 'pronoun', each with its evidence and
   * confidence; only links of confidence >= 0.5. Not counted in `mentions` or `mentionCount`.
   */
  pronounMentions?: Mention[];
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
  /** Corrections of single highlights ("Not an entity", "Change type to …"). */
  corrections?: EntityCorrection[];
  /** Mentions split from the actor they were merged into ("Split from this actor"). */
  splits?: ActorSplit[];
}

/** The analyst's correction of a highlighted text, everywhere it occurs: another type, or `null` for not an entity. */
export interface EntityCorrection {
  text: string;
  type: EntityType | null;
}

/** Mentions written `text` are not the actor named `from`: they become an actor of their own. */
export interface ActorSplit {
  text: string;
  from: string;
}

export interface BuildActorsOptions {
  /** Registry entries: they merge mentions by alias and override roles, affiliation and type. */
  registry?: readonly RegistryEntry[];
  /** Names that are never actors (compared case-insensitively, possessives ignored). */
  ignore?: readonly string[];
  /** Find the verbs actors are the subject of. Default true. */
  actions?: boolean;
  /** Mentions to split from the actor they would merge into (registry `splits`). */
  splits?: readonly ActorSplit[];
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Summary: what summarize() returns. Plain JSON; offsets are UTF-16 indices into the whole summarised text.     */
/* schemas/summary.schema.json documents the same shape for consumers of the JSON export.                       */
/* ------------------------------------------------------------------------------------------------------------ */

/** A sentence (or other passage) of the report that supports an answer. */
export interface Evidence extends Span {}

/** Where the report date came from, most trusted first. */
export type ReportDateSource = 'option' | 'front-matter' | 'text' | 'fallback' | 'none';

export interface ReportDate {
  /** YYYY-MM-DD, absent when no date was found and none was given. */
  date?: string;
  source: ReportDateSource;
  /** The text the date was read from (front matter value, dateline), when it came from the report. */
  text?: string;
  start?: number;
  end?: number;
}

/** One of the 5W1H answers. Empty (`answer: ''`, no items, no evidence) when the text does not say. */
export interface FiveWAnswer {
  answer: string;
  /** The answer's parts: names for who, places for where, date expressions for when. */
  items: string[];
  /** The sentence the answer comes from. */
  evidence?: Evidence;
}

export interface FiveW {
  who: FiveWAnswer;
  what: FiveWAnswer;
  when: FiveWAnswer;
  where: FiveWAnswer;
  why: FiveWAnswer;
  how: FiveWAnswer;
}

export interface SummaryActor {
  id: string;
  type: ActorType;
  name: string;
  aliases: string[];
  roles: string[];
  affiliation?: string;
  salience: number;
  mentionCount: number;
  /** Offset of the first mention, for "go to". */
  firstMention: number;
  /** All mentions, for linking and exports. */
  mentions: Span[];
}

export interface SummaryPlace extends SummaryActor {
  /** Country the place is in, from the text ("the Croatian port city of Split") or a small gazetteer. */
  country?: string;
  /** What kind of place, when known. */
  kind?: 'country' | 'city' | 'region' | 'other';
}

export type TimeGranularity = 'year' | 'month' | 'week' | 'day' | 'part-of-day' | 'time' | 'range' | 'unknown';

export interface TimelineEntry extends Span {
  /** Durations ("three days") and sets ("every week") are kept as such: they have no calendar date. */
  type: 'date' | 'time' | 'duration' | 'set';
  /** TIMEX3 value: 2024-03-12, 2024-03, 2024, 2024-W10, 2024-Q1, 2024-SU, 2024-03-12T18:30, P3D, XXXX-WXX-5, PAST_REF. */
  value?: string;
  /** First day the expression refers to, YYYY-MM-DD; absent when it could not be resolved. */
  date?: string;
  /** Last day, when the expression covers more than one day ("next week", "in 2019"). */
  endDate?: string;
  /** Clock time HH:MM when the expression gives one. */
  time?: string;
  granularity: TimeGranularity;
  /** True when resolution needed the report date ("this morning", "last Tuesday"). */
  relative: boolean;
  resolved: boolean;
  sentence: Evidence;
}

export type RelationType =
  | 'meeting'
  | 'travel'
  | 'statement'
  | 'warning'
  | 'accompaniment'
  | 'attack'
  | 'agreement'
  | 'discussion'
  | 'threat'
  | 'support'
  | 'criticism'
  | 'call'
  | 'talks'
  | 'visit'
  | 'arrest'
  | 'other';

export interface RelationParticipant {
  /** Actor id when the participant is a known actor. */
  id?: string;
  name: string;
  type?: ActorType;
  /** agent: who acts; target: who it is done to or with. */
  role: 'agent' | 'target';
  /** Where the participant is named in the evidence (absent when inferred from context). */
  start?: number;
  end?: number;
}

export interface Relation {
  /** Stable within a summary: `rel:${index}`. */
  id: string;
  type: RelationType;
  /** The verb or phrase as written ("met with", "warned"). */
  verb: string;
  participants: RelationParticipant[];
  where?: { name: string; id?: string; start?: number; end?: number; inferred: boolean };
  when?: { text: string; date?: string; start?: number; end?: number; inferred: boolean };
  /** What was said, warned or agreed, when the sentence says ("that the move would badly hurt …"). */
  content?: string;
  /** One line in plain English: "Benjamin Netanyahu met with Vladimir Putin in Sochi". */
  description: string;
  evidence: Evidence;
}

export interface SummaryQuote extends Span {
  speakerId?: string;
  speaker?: string;
  speakerText?: string;
  /** Reported (indirect) speech: "Smith said that …" rather than a quotation in quotation marks. */
  indirect?: boolean;
  confidence: number;
}

export interface Topic {
  text: string;
  weight: number;
  count: number;
  /** First occurrence. */
  start: number;
}

/** One entity mention, with its position and the actor it belongs to (for the CSV export and linking). */
export interface SummaryMention extends Span {
  type: EntityType;
  actorId?: string;
  actorName?: string;
  /** 1-based line and column (column in UTF-16 code units). */
  line: number;
  column: number;
}

export interface SummaryCounts {
  characters: number;
  words: number;
  sentences: number;
  paragraphs: number;
  entities: Record<EntityType, number>;
  people: number;
  organizations: number;
  places: number;
  dates: number;
  quotes: number;
  relations: number;
  indicators: number;
  assessments: number;
}

export interface SummaryOptions {
  /** The report's date (YYYY-MM-DD or an ISO timestamp); wins over what the text says. */
  reportDate?: string;
  /**
   * How the caller got `reportDate`: 'option' (the user set it) or 'fallback' (e.g. the file's modification time,
   * used only when the report names no date itself). Default 'option'.
   */
  reportDateSource?: 'option' | 'fallback';
  /** Summarise only this part of the text; offsets in the result still refer to the whole text. */
  selection?: [number, number];
  /** Title to use when the report has none (e.g. the file name). */
  title?: string;
  /** Passed to buildActors: the workspace actor registry and ignored names. */
  actors?: BuildActorsOptions;
  /** Passed to analyze(): 'markdown' leaves code, front matter, link targets and HTML out. Default 'plain'. */
  format?: 'plain' | 'markdown';
  /**
   * List citations (URLs in a References/Sources section, Markdown link targets, links to security publishers'
   * write-ups) among the indicators too, marked `citation: true`. Default false: they are left out.
   */
  includeCitations?: boolean;
}

/** The Threat section: threat actors, malware, tools, techniques, vulnerabilities, indicators and targets. */
export interface SummaryThreat extends ThreatPicture {
  /** CVE IDs the report names, in order of first mention. */
  vulnerabilities: string[];
  /** Indicators of compromise (citations excluded). */
  indicators: number;
  /** URLs and domains recognised as citations (left out of the indicators unless `includeCitations`). */
  citations: number;
}

/** An indicator of compromise found in the report (refanged value; `defanged` says how it was written). */
export interface SummaryIndicator {
  /** 'ipv4' | 'ipv6' | 'domain' | 'url' | 'email' | 'md5' | 'sha1' | 'sha256' | 'cve' | 'attack-technique' */
  type: string;
  value: string;
  defanged: boolean;
  /** Every occurrence, as written, with its 1-based line and column. */
  mentions: (Span & { line: number; column: number })[];
  sentence: Evidence;
  /** Set when every mention is a citation (references section, link target, publisher's write-up). */
  citation?: true;
}

/** An estimative statement: a sentence using ICD 203 likelihood language, with its band, and any confidence level. */
export interface SummaryAssessment {
  /** The likelihood term as written ("very likely"). */
  term: Span;
  /** ICD 203 row label and probability band in percent. */
  row: string;
  band: [number, number];
  /** 'high' | 'moderate' | 'low' when the sentence states a confidence level. */
  confidence?: string;
  sentence: Evidence;
}

export interface Summary {
  schemaVersion: 1;
  title?: string;
  reportDate: ReportDate;
  selection?: [number, number];
  /** Bottom line up front: one or two sentences from the report. */
  bluf: { text: string; sentences: Evidence[]; headline?: string };
  fiveW: FiveW;
  /** People and groups, most salient first. */
  actors: SummaryActor[];
  organizations: SummaryActor[];
  places: SummaryPlace[];
  timeline: TimelineEntry[];
  relations: Relation[];
  quotes: SummaryQuote[];
  topics: Topic[];
  mentions: SummaryMention[];
  /** Indicators of compromise, in order of first mention, one per refanged value. */
  indicators: SummaryIndicator[];
  /** Estimative statements with their ICD 203 band, in text order. */
  assessments: SummaryAssessment[];
  /** Threat-intelligence section, present when the report names threat actors, malware, tools or techniques. */
  threat?: SummaryThreat;
  counts: SummaryCounts;
  /** The analyst's annotations of the report (tags, notes, entity corrections), when it has any. */
  annotations?: import('./annotations/export').SummaryAnnotation[];
}
