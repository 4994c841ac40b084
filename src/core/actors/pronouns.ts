import nlp from 'compromise';
import type { Span } from '../types';
import { sentenceIndexAt, splitSentences } from '../text/segment';
import { findQuotations } from './quotes';
import { lowerBound } from '../text/intervals';

/**
 * Third-person singular pronouns (he/him/his/himself, she/her/hers/herself) resolved to the people of a report, and
 * the gender of each person from what the text says about them. Careful before eager, in the spirit of a sieve: a
 * pronoun is linked only when one person of the right gender is clearly the best antecedent; when two are equally
 * good, it stays unresolved. Every link says why (its evidence) and how sure it is (its confidence).
 *
 * Gender evidence, strongest first: an honorific before a name ("Mrs", "Sir", "Queen"), a gendered role noun next to
 * a name or among the person's roles ("spokeswoman", "chairman", "actress", "his wife, Ann"), the given name
 * (compromise's lexicon of male and female first names), and the pronouns that refer to the person without doubt
 * (a "she" with no one else mentioned in its sentence or the one before). Conflicting evidence leaves the gender
 * unknown: an unknown gender is compatible with either pronoun, a known one only with its own.
 *
 * The resolver, for each pronoun in text order (resolved pronouns become antecedents of the next ones):
 *  - candidates are the people mentioned before it in its sentence and the three sentences before;
 *  - a sentence subject beats another mention (parallelism: "Vik met Ode. He …" is Vik), its own sentence beats an
 *    earlier one, a known matching gender beats an unknown one, a person mentioned often beats one mentioned once;
 *  - "him"/"her" (object) is not the subject of its own clause ("Vik saw him"); "himself"/"herself" is;
 *  - the best candidate must beat the next one by a clear margin, else the pronoun is left unresolved.
 * Pure: no I/O. compromise's lexicon is read only when a name's gender is asked for.
 */

export type Gender = 'M' | 'F';

/** What the resolver needs to know about one person: an id, the mentions (names, nominals), the roles. */
export interface CorefPerson {
  id: string;
  mentions: readonly { start: number; end: number; text: string }[];
  roles?: readonly string[];
}

export interface PersonGender {
  gender: Gender;
  /** 0–1. */
  confidence: number;
  /** The strongest evidence: "Mrs before Ann Vik", "given name Ann", "spokeswoman". */
  evidence: string;
}

export interface PronounLink extends Span {
  actorId: string;
  gender: Gender;
  /** The mention (a name, a nominal or an earlier pronoun) the pronoun was resolved to. */
  antecedent: Span;
  /** 0–1. */
  confidence: number;
  /** Why: `"she" → Ann Vik: subject of the previous sentence; female (given name Ann)`. */
  evidence: string;
}

export interface Coreference {
  /** Resolved pronouns in text order. */
  links: PronounLink[];
  /** Pronouns left unresolved, with the reason ("two candidates equally good: …"). */
  unresolved: (Span & { reason: string })[];
  /** Gender of each person whose gender the text shows (pronoun links included). */
  genders: Map<string, PersonGender>;
}

// ---------------------------------------------------------------------------------------------------------------
// Gender evidence

const MALE_HONORIFIC = 'Mr|Mister|Messrs|Sir|Lord|King|Prince|Duke|Baron|Earl|Emperor|Tsar|Czar|Sultan|Emir|Sheikh|Pope|Fr|Father|Brother|Uncle|Monsieur|M|Herr|Señor|Senor|Signor|Dom|Don';
const FEMALE_HONORIFIC = 'Mrs|Ms|Miss|Mme|Mlle|Madam|Madame|Mademoiselle|Lady|Dame|Queen|Princess|Duchess|Baroness|Countess|Empress|Tsarina|Czarina|Sister|Mother|Aunt|Sheikha|Frau|Señora|Senora|Signora|Doña';
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${MALE_HONORIFIC}|${FEMALE_HONORIFIC})\\.?[ \\t\\u00a0]+$`, 'u');
const HONORIFIC_INSIDE = new RegExp(`^(${MALE_HONORIFIC}|${FEMALE_HONORIFIC})\\.?[ \\t\\u00a0]+\\p{Lu}`, 'u');
const MALE_HONORIFICS = new Set(MALE_HONORIFIC.split('|'));
// "M." and "Don" read too often as an initial or a given name to count on their own.
const WEAK_HONORIFIC = new Set(['M', 'Don', 'Dom', 'Father', 'Mother', 'Brother', 'Sister', 'Uncle', 'Aunt']);

const MALE_NOUNS =
  'man|gentleman|boy|spokesman|chairman|congressman|businessman|councilman|assemblyman|alderman|statesman|sportsman|frontman|showman|anchorman|policeman|fireman|cameraman|clergyman|churchman|countryman|kinsman|horseman|swordsman|actor|king|prince|duke|emperor|sultan|lord|baron|earl|marquess|monk|friar|priest|father|son|brother|husband|boyfriend|grandfather|grandson|uncle|nephew|widower|fiancé|godfather|stepfather|stepson|patriarch|tsar|czar|heir|host|waiter|hero|steward|schoolboy|bachelor';
const FEMALE_NOUNS =
  'woman|lady|girl|spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|assemblywoman|stateswoman|sportswoman|policewoman|camerawoman|countrywoman|horsewoman|actress|queen|princess|duchess|empress|baroness|countess|marchioness|nun|mother|daughter|sister|wife|girlfriend|grandmother|granddaughter|aunt|niece|widow|fiancée|godmother|stepmother|stepdaughter|matriarch|tsarina|czarina|heiress|hostess|waitress|heroine|stewardess|songstress|mistress|abbess|goddess|ballerina|schoolgirl|dame|madam|diva|sorceress|priestess|comedienne|landlady|housewife|mum|mom';
const GENDERED_NOUN = new Map<string, Gender>();
for (const w of MALE_NOUNS.split('|')) GENDERED_NOUN.set(w.trim(), 'M');
for (const w of FEMALE_NOUNS.split('|')) GENDERED_NOUN.set(w, 'F');
// Words that end an apposition's noun phrase: its head is the word before ("a friend of his wife" is a friend).
const PHRASE_END = /^(?:of|who|whom|which|whose|that|and|or|with|for|from|at|in|on|to|by|as|but|after|before|since|when|while|where|is|was|has|had)$/i;
const ROLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${MALE_NOUNS}|${FEMALE_NOUNS})[ \\t\\u00a0]+$`, 'iu');

/** Gender of a role noun phrase: the gender of its head word ("the former chairwoman" → F, "a friend of …" → none). */
export function genderOfRole(phrase: string): Gender | undefined {
  const words = phrase.toLowerCase().split(/[^\p{L}é-]+/u).filter(Boolean);
  const cut = words.findIndex((w) => PHRASE_END.test(w));
  const head = (cut < 0 ? words : words.slice(0, cut)).pop();
  if (!head) return undefined;
  return GENDERED_NOUN.get(head) ?? GENDERED_NOUN.get(head.split('-').pop()!);
}

type NameLexicon = Record<string, string | string[] | undefined>;
let lexicon: NameLexicon | undefined;
/** compromise's lexicon (its male and female first names), read on first use. */
function nameLexicon(): NameLexicon {
  if (!lexicon) {
    try {
      const world = (nlp as unknown as { world: () => { model?: { one?: { lexicon?: NameLexicon } } } }).world();
      lexicon = world.model?.one?.lexicon ?? {};
    } catch {
      lexicon = {};
    }
  }
  return lexicon;
}

/** Gender of a given name from compromise's lexicon ("Ann" → F, "Piet" → none when it does not know it). */
export function genderOfGivenName(name: string): Gender | undefined {
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(name)) return undefined;
  const tag = nameLexicon()[name.toLowerCase()];
  const tags = Array.isArray(tag) ? tag : [tag];
  if (tags.includes('MaleName')) return 'M';
  if (tags.includes('FemaleName')) return 'F';
  return undefined;
}

interface Vote {
  gender: Gender;
  weight: number;
  evidence: string;
}

/** What the words of the text and the person's roles say about their gender (pronouns aside). */
export function genderEvidence(text: string, person: CorefPerson): Vote[] {
  const votes: Vote[] = [];
  const seen = new Set<string>();
  const add = (gender: Gender, weight: number, evidence: string) => {
    if (seen.has(evidence)) return;
    seen.add(evidence);
    votes.push({ gender, weight, evidence });
  };
  const multi = person.mentions.some((m) => /\s/.test(m.text.trim()));
  for (const m of person.mentions) {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const h = HONORIFIC_BEFORE.exec(before) ?? HONORIFIC_INSIDE.exec(m.text);
    if (h) {
      const g: Gender = MALE_HONORIFICS.has(h[1]) ? 'M' : 'F';
      add(g, WEAK_HONORIFIC.has(h[1]) ? 1.5 : 3, `${h[1]} before ${m.text}`);
    } else {
      const r = ROLE_BEFORE.exec(before);
      const g = r ? genderOfRole(r[1]) : undefined;
      if (r && g) add(g, 2, `${r[1].toLowerCase()} ${m.text}`);
    }
    const after = text.slice(m.end, m.end + 90);
    if (!/^['’]s?(?![\p{L}])/u.test(after)) {
      // "Ann Vik, the former chairwoman of …", "Vik is an actress", "Vik (actress)"
      const app = /^,[ \t\u00a0]+((?:a|an|the|his|her|their|its)[ \t\u00a0]+[^,.;:()"“”\n]{1,60})/iu.exec(after) ?? /^[ \t\u00a0]+(?:is|was|became|becomes|remains|remained)[ \t\u00a0]+((?:a|an|the|his|her|their)[ \t\u00a0]+[^,.;:()"“”\n]{1,60})/iu.exec(after);
      const g = app ? genderOfRole(app[1]) : undefined;
      if (app && g) add(g, 2, app[1].trim().replace(/\s+/g, ' '));
    }
    // The given name: the first word of a full name (of a single-word name only when the person has no full name).
    const words = m.text.trim().split(/\s+/);
    const first = words[0].replace(/\.$/, '');
    if (words.length >= 2 || !multi) {
      const g = genderOfGivenName(first);
      if (g) add(g, words.length >= 2 ? 2 : 1.5, `given name ${first}`);
    }
  }
  for (const role of person.roles ?? []) {
    const g = genderOfRole(role);
    if (g) add(g, 2, role);
  }
  return votes;
}

/** A person's gender from the text alone (no pronouns): genderEvidence summed, undefined when none or they disagree. */
export function textGenderOf(text: string, person: CorefPerson): PersonGender | undefined {
  return decide(genderEvidence(text, person));
}

/** Sums votes into a gender, or undefined when there is none or they disagree. */
function decide(votes: readonly Vote[]): PersonGender | undefined {
  let m = 0;
  let f = 0;
  for (const v of votes) v.gender === 'M' ? (m += v.weight) : (f += v.weight);
  const [win, lose, g] = m >= f ? [m, f, 'M' as Gender] : [f, m, 'F' as Gender];
  if (win < 1 || lose * 3 > win) return undefined;
  const best = votes.filter((v) => v.gender === g).sort((a, b) => b.weight - a.weight)[0];
  return { gender: g, confidence: Math.min(0.95, 0.45 + 0.15 * (win - lose)), evidence: best.evidence };
}

// ---------------------------------------------------------------------------------------------------------------
// Pronouns

type Case = 'subject' | 'object' | 'possessive' | 'reflexive';
interface Pronoun extends Span {
  gender: Gender;
  case: Case;
}

// (a contraction counts: "she's", "he'd", "he'll")
const PRONOUN = /(?<![\p{L}\p{N}'’-])(he|him|his|himself|she|her|hers|herself)(?=$|[^\p{L}\p{N}'’-]|['’](?:s|d|ll)(?![\p{L}]))/giu;
// "her" before these is an object ("told her that"), before other words a possessive ("her book").
const AFTER_OBJECT_HER = /^(?:[ \t\u00a0]*[,.;:!?)"”’]|[ \t\u00a0]*$|[ \t\u00a0]+(?:in|on|at|to|for|with|and|or|but|that|the|a|an|as|from|by|of|into|about|after|before|up|down|out|off|over|back|again|away|if|when|while|because|so|this|these|those|than|through|during|until|who|which|not|would|will|is|was)(?![\p{L}]))/iu;

/** The gendered third-person singular pronouns of `text`, outside the spans in `skip` (names such as "He Jian"). */
export function findPronouns(text: string, skip: readonly { start: number; end: number }[] = []): Pronoun[] {
  const out: Pronoun[] = [];
  const sorted = [...skip].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const m of text.matchAll(PRONOUN)) {
    const start = m.index!;
    const end = start + m[0].length;
    while (k < sorted.length && sorted[k].end <= start) k++;
    if (k < sorted.length && sorted[k].start < end) continue;
    const w = m[0].toLowerCase();
    const gender: Gender = w.startsWith('h') && !w.startsWith('her') ? 'M' : 'F';
    let c: Case;
    if (w === 'he' || w === 'she') c = 'subject';
    else if (w === 'him') c = 'object';
    else if (w === 'himself' || w === 'herself') c = 'reflexive';
    else if (w === 'his' || w === 'hers') c = 'possessive';
    else c = AFTER_OBJECT_HER.test(text.slice(end, end + 16)) ? 'object' : 'possessive';
    out.push({ start, end, text: m[0], gender, case: c });
  }
  return out;
}

/** A mention or resolved pronoun that a later pronoun may refer to. */
interface Item {
  start: number;
  end: number;
  text: string;
  actorId: string;
  sentence: number;
  subject: boolean;
  pronoun: boolean;
  /** Inside a quotation (a quoted "him" is rarely the one the narration goes on about). */
  quoted: boolean;
  /** The subject of the sentence itself, not of a clause inside it ("Vik, who …", "… and Vik left"). */
  main?: boolean;
}

// Words between a sentence start and its subject: titles and other capitalised words, articles, honorific dots.
const SUBJECT_PREFIX = /^(?:(?:\p{Lu}[\p{L}.'’-]*|the|a|an|former|late|then|new|[\d,]+)[ \t\u00a0]+|["“‘(\[]|[ \t\u00a0]+)*$/u;
// An introductory phrase: "In 1990, ", "After the war, ", "Later, ".
const INTRO = /^[^,;:"“”]{0,70},[ \t\u00a0]*$/u;
// A clause start: "…, and Vik left", "…; Vik left", "… but Vik left" (with a verb after the name).
const CLAUSE_START = /(?:[;:]|,[ \t\u00a0]+(?:and|but|so|then)|[ \t\u00a0]+(?:and|but|while|whereas|although|though|because|after|before|when|until|since|where|whom|if|unless|once))[ \t\u00a0]+$/u;
const VERB_AFTER =
  /^(?:[ \t\u00a0]*,[^,;:.]{1,60},)?[ \t\u00a0]+(?:(?:also|then|later|still|never|not|only|again|soon|first|finally|eventually|once|\p{Ll}+ly)[ \t\u00a0]+)?(?:is|was|were|are|has|had|have|will|would|could|can|may|might|must|should|shall|did|does|do|said|says|told|went|became|becomes|began|took|made|won|lost|left|met|saw|gave|got|came|ran|wrote|led|held|fell|found|knew|thought|brought|built|sent|spent|sang|sold|bought|paid|kept|read|set|put|chose|drew|grew|flew|rose|spoke|stood|struck|taught|threw|wore|\p{Ll}{2,}(?:ed|es|s))(?![\p{L}])/u;

/**
 * Whether the mention at [start, end) is the subject of its sentence or of a clause: nothing before it but titles,
 * capitalised words and articles (or an introductory phrase ending in a comma), and no possessive after it
 * ("Vik's aide said": the aide speaks).
 */
function isSubject(text: string, sentenceStart: number, start: number, end: number): boolean {
  if (/^['’]s?(?![\p{L}])/u.test(text.slice(end, end + 3))) return false;
  // the subject of a relative clause: "… with Ode, who had to finish it on his own"
  if (/^,?[ \t\u00a0]+who[ \t\u00a0]/u.test(text.slice(end, end + 8))) return true;
  const prefix = text.slice(sentenceStart, start);
  if (SUBJECT_PREFIX.test(prefix) || INTRO.test(prefix)) return true;
  // a clause's subject: "…, and Vik left", "… but he stayed"
  const near = prefix.slice(-40).replace(/(?:(?:\p{Lu}[\p{L}.'’-]*|the)[ \t\u00a0]+)+$/u, '');
  return CLAUSE_START.test(near) && VERB_AFTER.test(text.slice(end, end + 90));
}

/**
 * Whether a clause of its own starts in text[from, to): a subordinator or a speech verb ("that", "who", "because",
 * "said"), a semicolon, a bracket or a dash. A comma or "and" alone does not: "Vik beat Ode, defeating him" is one
 * subject's clause.
 */
function clauseBetween(text: string, from: number, to: number): boolean {
  return /[;:()—–"“”]|\b(?:that|who|whom|which|whose|because|when|while|after|before|if|although|though|until|since|whether|said|says|told|tells|asked|wrote)\b/i.test(text.slice(from, to));
}

/**
 * Whether `m` stands in an aside that closes before `at`: in brackets ("Dee (Ode) …") or between two commas right after
 * another person that opens the clause ("Dee, under the command of Ode, used …").
 */
function inAside(text: string, near: readonly Item[], m: Item, at: number): boolean {
  const after = text.slice(m.end, at);
  const close = /^[^()\[\]]{0,60}[)\]]/u.test(after);
  if (close && /[(\[][^()\[\]]{0,60}$/u.test(text.slice(Math.max(0, m.start - 60), m.start))) return true;
  if (!/^[^,;:()]{0,60},/u.test(after)) return false;
  const prev = near.filter((x) => x.sentence === m.sentence && x.end <= m.start && x.actorId !== m.actorId && x.subject).pop();
  return !!prev && /^[ \t\u00a0]*,[^,;:()]{0,60}$/u.test(text.slice(prev.end, m.start));
}

export interface ResolveOptions {
  /** Sentences of the text (splitSentences), when the caller has them. */
  sentences?: readonly Span[];
  /** Spans where a pronoun-like word is part of a name ("He Jian") or otherwise not a pronoun. */
  skip?: readonly { start: number; end: number }[];
  /** Quotations of the text (findQuotations), when the caller has them. */
  quotations?: readonly Span[];
  /** How many sentences back an antecedent may be (default 3). */
  window?: number;
  /** The resolver's scores (for tuning on a development set); defaults to RESOLVER_WEIGHTS. */
  weights?: Partial<typeof RESOLVER_WEIGHTS>;
}

/**
 * Confidence of a link by its kind, from how often links of that kind were right on GAP development (in aggregate:
 * cataphora 85–97%, a subject in the previous sentence 57–71%, in the same sentence about 55%, a non-subject in the
 * previous sentence 27%), plus a bonus when no other person of the pronoun's gender is a candidate at all.
 */
const CONFIDENCE = {
  cataphora: 0.85,
  reflexive: 0.8,
  sameSubject: 0.6,
  sameOther: 0.55,
  prevSubject: [0.62, 0.5, 0.35],
  prevOther: [0.3, 0.15, 0.1],
  nearest: 0.55,
  nearestSubject: 0.6,
  coordination: 0.7,
  alone: 0.2,
};

/** Scores of the resolver's evidence, tuned in aggregate on GAP development (scripts/eval/gap.mjs). */
export const RESOLVER_WEIGHTS = {
  sameSubjectForSubject: 6,
  sameSubject: 5,
  sameOther: 4,
  prevSubject: 5.5,
  prevOther: 2,
  perSentenceBack: 1.3,
  genderKnown: 1.5,
  frequent: 0.5,
  objectOwnSubject: -5,
  reflexiveNearest: 3,
  possessiveOwnSubject: 0,
  cataphora: 10,
  margin: 0.3,
  nearestPossessive: 3,
  coordination: 4,
  prevClauseSubject: 1,
};

/**
 * Genders of the people and links from their pronouns, as described at the top of this module. `persons` are the
 * person actors of the text (their name and nominal mentions); pronouns inside `options.skip` and inside mentions
 * are not read.
 */
export function resolvePronouns(text: string, persons: readonly CorefPerson[], options: ResolveOptions = {}): Coreference {
  const genders = new Map<string, PersonGender>();
  const out: Coreference = { links: [], unresolved: [], genders };
  if (!persons.length) return out;
  const allMentions = persons.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end })));
  const pronouns = findPronouns(text, [...allMentions, ...(options.skip ?? [])]);
  if (!pronouns.length) return out;
  const sentences = options.sentences ?? splitSentences(text);
  const sentenceOf = (offset: number) => sentenceIndexAt(sentences, offset);
  const startOf = (i: number) => (i >= 0 && i < sentences.length ? sentences[i].start : 0);
  const window = options.window ?? 3;
  const quotations = options.quotations ?? findQuotations(text);
  const quoted = (offset: number) => quotations.some((q) => q.start <= offset && offset < q.end);
  const WEIGHTS = { ...RESOLVER_WEIGHTS, ...options.weights };

  // Mentions as antecedents.
  const items: Item[] = [];
  for (const p of persons) {
    for (const m of p.mentions) {
      const s = sentenceOf(m.start);
      const subject = isSubject(text, startOf(s), m.start, m.end);
      // (a coordinated subject is one too: "Berg and Holm arrived")
      const prefix = text.slice(startOf(s), m.start).replace(/,?[ \t\u00a0]+and[ \t\u00a0]+$/u, ' ');
      const main = subject && !/^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 3)) && (SUBJECT_PREFIX.test(prefix) || INTRO.test(prefix));
      items.push({ start: m.start, end: m.end, text: m.text, actorId: p.id, sentence: s, subject, main, pronoun: false, quoted: false });
    }
  }
  items.sort((a, b) => a.start - b.start);

  // Gender: text evidence, then pronouns with no other person near (one person in the pronoun's sentence and the one
  // before, none of the opposite gender by text evidence).
  const votes = new Map<string, Vote[]>();
  for (const p of persons) votes.set(p.id, genderEvidence(text, p));
  const textGender = new Map<string, PersonGender | undefined>();
  for (const p of persons) textGender.set(p.id, decide(votes.get(p.id)!));
  const pSentence = pronouns.map((p) => sentenceOf(p.start));
  const pronounVotes = new Map<string, { M: number; F: number }>();
  pronouns.forEach((p, i) => {
    const s = pSentence[i];
    const near = new Set(items.filter((m) => m.end <= p.start && m.sentence >= s - 1 && m.sentence <= s).map((m) => m.actorId));
    if (near.size !== 1) return;
    const id = [...near][0];
    const v = pronounVotes.get(id) ?? { M: 0, F: 0 };
    v[p.gender]++;
    pronounVotes.set(id, v);
  });
  for (const p of persons) {
    const pv = pronounVotes.get(p.id);
    const vs = [...votes.get(p.id)!];
    if (pv) {
      const t = textGender.get(p.id);
      // Pronoun votes alone decide only when they agree 2:1 or better; with text evidence they add to it.
      if (pv.M > 2 * pv.F || pv.F > 2 * pv.M || t) {
        if (pv.M) vs.push({ gender: 'M', weight: Math.min(3, pv.M), evidence: `${pv.M} "he/him/his" with no one else near` });
        if (pv.F) vs.push({ gender: 'F', weight: Math.min(3, pv.F), evidence: `${pv.F} "she/her" with no one else near` });
      }
    }
    const g = decide(vs);
    if (g) genders.set(p.id, g);
  }

  // Resolution, pronouns in text order; resolved pronouns join the antecedents.
  // (kept sorted by start: pronouns are resolved in text order and inserted where they stand)
  const pool = [...items];
  const seenBefore = new Map<string, number>(); // mentions and resolved pronouns of each person before the pronoun
  let counted = 0;
  pronouns.forEach((p, i) => {
    const s = pSentence[i];
    if (s < 0) return;
    const sStart = startOf(s);
    const inQuote = quoted(p.start);
    for (; counted < pool.length && pool[counted].end <= p.start; counted++) seenBefore.set(pool[counted].actorId, (seenBefore.get(pool[counted].actorId) ?? 0) + 1);
    // the people mentioned from `window` sentences before up to the pronoun, and those just after it in its sentence
    const from = lowerBound(pool, startOf(Math.max(0, s - window)));
    const near = pool.slice(from, lowerBound(pool, Math.min(sentences[s].end, p.end + 160)));
    const best = new Map<string, { item: Item; score: number; why: string; base: number }>();
    let nearestSame: Item | undefined;
    for (const m of near) if (m.sentence === s && m.end <= p.start && (!nearestSame || m.start > nearestSame.start)) nearestSame = m;
    // the nearest compatible person before the pronoun in its sentence
    let nearestFit: Item | undefined;
    for (const m of near) {
      if (m.sentence !== s || m.end > p.start || (m.quoted && !inQuote)) continue;
      const g = genders.get(m.actorId);
      if (g && g.gender !== p.gender) continue;
      if (!nearestFit || m.start > nearestFit.start) nearestFit = m;
    }
    // …unless it stands in an aside between its clause's subject and the pronoun: "Dee (played by Ode) lost his",
    // "Dee, under the command of Ode, used his"
    if (nearestFit && inAside(text, near, nearestFit, p.start)) nearestFit = undefined;
    for (const m of near) {
      if (m.end > p.start || m.sentence < s - window || m.sentence > s || (m.quoted && !inQuote)) continue;
      const g = genders.get(m.actorId);
      if (g && g.gender !== p.gender) continue;
      let score: number;
      let why: string;
      let base: number; // how often a link of this kind was right on GAP development (in aggregate), see CONFIDENCE
      if (m.sentence === s) {
        if (m.subject) {
          score = p.case === 'subject' ? WEIGHTS.sameSubjectForSubject : WEIGHTS.sameSubject;
          why = 'subject of the same sentence';
          base = CONFIDENCE.sameSubject;
          if (p.case === 'object' && !/,/.test(text.slice(m.end, p.start)) && !clauseBetween(text, m.end, p.start)) score += WEIGHTS.objectOwnSubject;
          if (p.case === 'possessive' && !clauseBetween(text, m.end, p.start)) score += WEIGHTS.possessiveOwnSubject;
        } else {
          score = WEIGHTS.sameOther;
          why = 'mentioned before it in the same sentence';
          base = CONFIDENCE.sameOther;
          if (p.case === 'object' && !clauseBetween(text, m.end, p.start) && m.start >= sStart) {
            // "Vik told Ode to call him": Ode is the object, him is someone else, usually Vik.
            score -= 1;
          }
        }
        if (m === nearestFit && p.case === 'possessive') {
          // "Ode met Vik in her office": a possessive most often goes to the nearest person before it
          score += WEIGHTS.nearestPossessive;
          why = 'nearest person before the possessive';
          base = m.subject ? CONFIDENCE.nearestSubject : CONFIDENCE.nearest;
          if (/^[ \t\u00a0]+(?:and|or)[ \t\u00a0]+$/u.test(text.slice(m.end, p.start))) {
            // "Vik and her husband"
            score += WEIGHTS.coordination;
            why = `"${m.text} and ${p.text}"`;
            base = CONFIDENCE.coordination;
          }
        }
        if (p.case === 'reflexive' && m === nearestSame) {
          score += WEIGHTS.reflexiveNearest;
          why = 'nearest before the reflexive';
          base = CONFIDENCE.reflexive;
        }
      } else {
        const back = s - m.sentence;
        score = (m.subject ? WEIGHTS.prevSubject : WEIGHTS.prevOther) - WEIGHTS.perSentenceBack * (back - 1);
        if (m.subject && !m.main && !m.pronoun) score -= WEIGHTS.prevClauseSubject;
        base = m.subject ? CONFIDENCE.prevSubject[Math.min(back, 3) - 1] : CONFIDENCE.prevOther[Math.min(back, 3) - 1];
        why = m.subject ? (back === 1 ? 'subject of the previous sentence' : `subject ${back} sentences before`) : back === 1 ? 'mentioned in the previous sentence' : `mentioned ${back} sentences before`;
      }
      if (g) score += WEIGHTS.genderKnown;
      score += WEIGHTS.frequent * Math.min(4, (seenBefore.get(m.actorId) ?? 1) - 1);
      const cur = best.get(m.actorId);
      if (!cur || score > cur.score || (score === cur.score && m.start > cur.item.start)) best.set(m.actorId, { item: m, score, why, base });
    }
    // Cataphora: "In his review, Vik wrote …": a pronoun in the introductory phrase of its sentence may refer to the
    // subject that follows the phrase.
    const intro = text.slice(sStart, p.start);
    const rest = text.slice(p.end, Math.min(sentences[s].end, p.end + 120));
    const comma = /^[^,;:.!?"“”()]{0,90},(?:[ \t\u00a0]*[^,;:.!?"“”()]{1,25},)?[ \t\u00a0]*/.exec(rest);
    if (comma && !/[,;:"“”()]/.test(intro) && !near.some((m) => m.sentence === s && m.end <= p.start)) {
      const at = p.end + comma[0].length;
      const m = near.find((x) => x.start >= at && x.start <= at + 30 && x.sentence === s && !x.pronoun && isSubject(text, at, x.start, x.end));
      const g = m ? genders.get(m.actorId) : undefined;
      if (m && (!g || g.gender === p.gender)) {
        const score = WEIGHTS.cataphora + (g ? WEIGHTS.genderKnown : 0);
        const cur = best.get(m.actorId);
        if (!cur || score > cur.score) best.set(m.actorId, { item: m, score, why: 'subject after the introductory phrase it opens', base: CONFIDENCE.cataphora });
      }
    }
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || b[1].item.start - a[1].item.start);
    if (!ranked.length) return;
    const [id, top] = ranked[0];
    const second = ranked[1]?.[1];
    if (second && top.score - second.score < WEIGHTS.margin) {
      out.unresolved.push({ start: p.start, end: p.end, text: p.text, reason: `two candidates equally good: ${top.item.text} (${top.why}) and ${second.item.text} (${second.why})` });
      return;
    }
    const g = genders.get(id);
    const margin = second ? top.score - second.score : 3;
    // the kind of link, a clear margin, and no other person of that gender near (the news case: one woman among men)
    let confidence = top.base + 0.05 * Math.min(margin, 2) + (second ? 0 : CONFIDENCE.alone);
    if (!g) confidence -= 0.05;
    if (top.item.pronoun) confidence -= 0.05;
    if (inQuote) confidence -= 0.2;
    confidence = Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100;
    const gWhy = g ? `; ${g.gender === 'M' ? 'male' : 'female'} (${g.evidence})` : '; gender not known';
    const link: PronounLink = {
      start: p.start,
      end: p.end,
      text: p.text,
      actorId: id,
      gender: p.gender,
      antecedent: { start: top.item.start, end: top.item.end, text: top.item.text },
      confidence,
      evidence: `"${p.text}" → ${top.item.text}: ${top.why}${gWhy}`,
    };
    out.links.push(link);
    pool.splice(lowerBound(pool, p.start), 0, { start: p.start, end: p.end, text: p.text, actorId: id, sentence: s, subject: p.case === 'subject' && isSubject(text, sStart, p.start, p.end), pronoun: true, quoted: inQuote });
    // a person whose gender was unknown takes the pronoun's when the link is sure
    if (!g && confidence >= 0.75) genders.set(id, { gender: p.gender, confidence: 0.5, evidence: `"${p.text}" refers to ${top.item.text}` });
  });
  return out;
}

/** Links at least this sure become an actor's `pronounMentions`. */
export const PRONOUN_MENTION_MIN = 0.5;
