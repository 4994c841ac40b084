import { parse, parseVerbs } from './nlp';

/**
 * A light clause reader for news sentences: the main verb, its grammatical subject and a short object phrase,
 * with reporting verbs ("said", "told") treated as attribution of the clause they introduce. compromise tags the
 * verbs; relative clauses ("Seven men who seized a jet … were charged"), appositives in commas, infinitives and
 * gerunds are skipped so the main verb is the one that governs the sentence.
 */

export interface Piece {
  /** Offsets relative to the sentence passed in. */
  start: number;
  end: number;
  text: string;
}

export interface Clause {
  subject: Piece;
  verb: Piece & { tense?: string; infinitive?: string };
  /** Verb + object, short ("closed N'Djamena University"). */
  predicate: Piece;
  /** The clause was the content of a reporting verb ("X said (that) …"); the speaker is kept. */
  attributedTo?: Piece;
  /** The reporting verb that introduced the clause. */
  reportVerb?: Piece;
  /** The main verb is itself a reporting verb and no reported clause with an agent was found. */
  reporting: boolean;
}

interface VerbHit {
  start: number;
  end: number;
  text: string;
  tense?: string;
  infinitive?: string;
  isInfinitive: boolean;
  form?: string;
}

/** Verbs of saying: attribution, not events. */
export const REPORTING = /^(?:said|says|say|told|tells|tell|added|adds|stated|states|quoted|reported|reports|noted|notes|explained|according|declared|insisted|stressed|claimed|claims|commented|wrote|writes)$/i;

const BREAK = /\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:()]|\s[-–—]{1,2}\s|\s(?:after|before|because|following|as|when|while|but|amid|despite|although|though|since|until|unless|if|citing|saying|so that|in order to|in response to|in protest|ending|prompting|sparking|bringing|leaving|making)\s|\s(?:and|but)\s(?=(?:said|says|told|added|stated)\b))/i;
const VERB_MAX_WORDS = 14;

function verbsOf(s: string): VerbHit[] {
  try {
    type G = { infinitive?: string; grammar?: { tense?: string; isInfinitive?: boolean; form?: string } };
    type Verbs = { toView: () => { json: (o: object) => { text: string; offset: { start: number; length: number } }[] }; eq: (i: number) => { json: (o: object) => { verb?: G }[] } };
    const verbs = (parseVerbs(s) as unknown as { verbs: () => Verbs }).verbs();
    // Every verb's offsets; its grammar and infinitive (compromise's costliest verb step) only when asked for.
    const all = verbs.toView().json({ offset: true, terms: false }).map((v, i) => ({ v, i }));
    return all.filter(({ v }) => v.text.trim() && !/^['’]s$/u.test(v.text.trim())).map(({ v, i }) => {
      let g: G | undefined;
      const verb = (): G => {
        if (!g) {
          try {
            g = verbs.eq(i).json({ terms: false })[0]?.verb ?? {};
          } catch {
            g = {};
          }
        }
        return g;
      };
      // compromise's offsets drift by a character after contractions ("Bosnia's ruling"): realign on its text.
      let start = v.offset.start;
      const own = v.text.trim().replace(/[.,;:!?]+$/, '');
      if (own && s.slice(start, start + own.length) !== own) {
        const near = s.indexOf(own, Math.max(0, start - 4));
        if (near >= 0 && near <= start + 4) start = near;
      }
      const text = s.slice(start, start + v.offset.length).replace(/[.,;:!?]+$/, '');
      return {
        start,
        end: start + text.length,
        text,
        get tense() {
          return verb().grammar?.tense;
        },
        get infinitive() {
          return verb().infinitive;
        },
        get isInfinitive() {
          return !!verb().grammar?.isInfinitive;
        },
        get form() {
          return verb().grammar?.form;
        },
      };
    });
  } catch {
    return [];
  }
}

const lastWord = (v: VerbHit) => v.text.split(/\s+/).pop() ?? '';

/** Words between two offsets of s. */
const between = (s: string, a: number, b: number) => s.slice(a, b);

/** Leading adverbials ("On Friday,", "In a statement on Monday,") are not the subject. */
function subjectStart(s: string, verbAt: number): number {
  let start = 0;
  const intro = /^\s*(?:(?:(?:on|in|at|late|early|after|before|earlier|later|last|this|meanwhile|however|separately|also|but|and|yet|so|still|now|today|yesterday|overnight|since|during|under|despite|following|with|without|for|as)\b|(?:[\p{L}-]+|\d+)\s+(?:years?|months?|weeks?|days?|hours?|decades?)\s+(?:after|before|later|ago|earlier|since)\b)[^,]{0,80},\s*)+/iu.exec(s.slice(0, verbAt));
  if (intro) start = intro[0].length;
  // "Prices down across the region; the index falls": a clause after a semicolon has its own subject.
  const semi = s.slice(0, verbAt).lastIndexOf(';');
  if (semi >= start) start = semi + 1;
  return start;
}

function trimPiece(s: string, a: number, b: number): Piece {
  while (a < b && /[\s,;:"“”'‘’(]/u.test(s[a])) a++;
  // A closing bracket stays when the piece opened it: "Ostmark Motors (OMC)".
  while (b > a && /[\s,;:"“”'‘’)]/u.test(s[b - 1]) && !(s[b - 1] === ')' && s.lastIndexOf('(', b - 1) >= a)) b--;
  return { start: a, end: b, text: s.slice(a, b) };
}

/** The subject without relative clauses and appositives: "Seven Iraqis who seized …" → "Seven Iraqis". */
function subjectHead(s: string, p: Piece): Piece {
  let end = p.end;
  const rel = /\s*(?:,\s*)?\b(?:who|which|whom|whose|that)\b/i.exec(p.text);
  if (rel && rel.index > 0) end = Math.min(end, p.start + rel.index);
  const comma = p.text.indexOf(',');
  if (comma > 0 && p.start + comma < end) {
    // "Yeltsin, 65, …" or an appositive: keep the head before the comma unless it is a list "A, B and C".
    if (!/^[^,]+(?:,\s*[^,]+)*,?\s+and\s+/.test(p.text)) end = p.start + comma;
  }
  return trimPiece(s, p.start, end);
}

export interface ClauseOptions {
  /**
   * The sentence is a headline: "Exchanges to stay shut" states its event with a bare infinitive ("X to do Y"
   * is "X will do Y"), so a "to" infinitive after a subject with no verb is the predicate.
   */
  headline?: boolean;
  /** Whether [start, end) of the sentence lies in a name (a person, organisation or place the analysis found). */
  isName?: (start: number, end: number) => boolean;
  /** Whether [start, end) lies in the name of a person or organisation (one that acts, not a place). */
  isAgent?: (start: number, end: number) => boolean;
}

/** Verbs that take a "to" infinitive ("plans to sell"), and words that do like them ("set to", "due to"). */
const CATENATIVE = /^(?:plans|wants|seeks|needs|aims|hopes|vows|pledges|agrees|threatens|refuses|fails|continues|tries|expects|promises|decides|intends|offers|moves|prepares|begins|starts|looks|votes|asks|urges|says|is|has|was|does|goes|set|due|likely|about|expected|poised|ready|able|unable|going|scheduled|slated|allowed|forced|willing|unlikely|certain|sure|bound|ordered|told|asked|selected|chosen|picked|named|elected|appointed|tipped|set)$/i;
/** Prepositions after which a word compromise calls a verb is a noun ("minister of fisheries", "on sick leave"). */
const PREP_BEFORE = /\b(?:of|for|on|in|at|with|from|about|into|onto|over|under|between|among|amid|per|via|than|against|without|within)\s+(?:[\p{Ll}][\p{L}-]*\s+)?$/u;

/** Whether a bare word reads as a verb on its own (compromise tags "fall" a noun in "prices worldwide fall"). */
function readsAsVerb(word: string): boolean {
  if (!/^[\p{Ll}]{3,}$/u.test(word) || /s$/.test(word)) return false;
  if (/[^e]ed$/.test(word)) return true; // a participle: "exchanges suspended" 
  try {
    // On its own, compromise reads "fall" or "surge" as a verb and "company" as none.
    return (parse(word) as unknown as { verbs: () => { found: boolean } }).verbs().found;
  } catch {
    return false;
  }
}

/** Main clause of one sentence (offsets into `s`). Undefined when no finite verb is found. */
export function mainClause(s: string, depth = 0, opts: ClauseOptions = {}): Clause | undefined {
  const verbs = verbsOf(s);
  if (!verbs.length) return undefined;
  let inRelative = false;
  let relativeVerbs = 0;
  let chosen: VerbHit | undefined;
  let prevEnd = 0;
  // Verbs in an appositive or relative clause set off by commas are skipped.
  const commaRelative = (v: VerbHit) => {
    const seg = s.slice(0, v.start);
    const lastComma = seg.lastIndexOf(',');
    if (lastComma < 0) return false;
    const after = seg.slice(lastComma + 1);
    return /^\s*(?:who|which|whom|whose|where|when|while|although|though|because|as|after|before|since|if)\b/i.test(after) && !/,/.test(s.slice(v.end, v.end + 1) + '') && !closedBefore(s, lastComma, v.start);
  };
  // A sentence opened by a subordinate clause ("After a rescue plan failed in parliament this week, the ministry said …"): its
  // verbs are not the main verb when a verb follows its comma.
  const sub = /^\s*(?:after|before|when|while|although|though|as|since|because|if|once|until|whereas|during|within|in|at|on|amid|despite|following|under|with|without|according to)\b[^,;:]{3,200},\s*/iu.exec(s) ?? /^\s*\p{Lu}\p{Ll}+ing\b[^,;:]{3,200},\s*/u.exec(s);
  const mainFrom = sub && verbs.some((v) => v.start >= sub[0].length) ? sub[0].length : 0;
  // A plural noun compromise took for a verb ("Tin prices worldwide fall", "Valdorian exchanges to stay shut")
  // is kept aside: it is the verb only when no other verb follows in its clause.
  let pluralNoun: VerbHit | undefined;
  let toPredicate: VerbHit | undefined;
  for (const v of verbs) {
    if (v.start < mainFrom) continue;
    const gap = between(s, prevEnd, v.start);
    // A relative pronoun opens a clause whose verb (and verbs joined to it by "and") are not the main verb;
    // "that" counts only inside the subject, before any verb.
    if (/\b(?:who|which|whom|whose)\b/i.test(gap) || (prevEnd === 0 && /\p{L}\s+that\s/iu.test(gap))) {
      inRelative = true;
      relativeVerbs = 0;
    }
    prevEnd = v.end;
    const lw = lastWord(v);
    const single = v.text.split(/\s+/).length === 1;
    if (/\bto\s*$/i.test(s.slice(Math.max(0, v.start - 4), v.start))) {
      // A headline's "X to do Y" (or "X set to do Y"): the infinitive is the predicate when no verb came before.
      if (opts.headline && !inRelative && !toPredicate && !chosen) {
        const to = s.lastIndexOf('to', v.start);
        const pre = /([\p{L}]+)\s+$/u.exec(s.slice(0, to))?.[1] ?? '';
        const at = CATENATIVE.test(pre) && !/^(?:is|has|was|does|goes|says)$/i.test(pre) ? to - pre.length - 1 : to;
        // "Norvik offers funding to rebuild …": an -s word after a name before "to" is a verb compromise missed.
        const missed = [...s.slice(mainFrom, at).matchAll(/([\p{L}][\p{L}'’.-]*)\s+([\p{Ll}]+[^s\W]s)\b/gu)].some((m) => opts.isName?.(mainFrom + m.index!, mainFrom + m.index! + m[1].length));
        if (!missed && s.slice(mainFrom, at).trim() && !/[,;:]\s*$/.test(s.slice(0, at))) toPredicate = { ...v, start: at, end: v.end, text: s.slice(at, v.end), isInfinitive: false };
      }
      continue;
    }
    if (/ing$/i.test(lw) && v.text.split(/\s+/).length === 1) continue; // gerund / participle
    // "a group headed by X was forming …": a participle followed by its agent modifies the noun before it.
    if (v.text.split(/\s+/).length === 1 && /ed$/i.test(lw) && /^\s+by\s+(?!\d)/i.test(s.slice(v.end, v.end + 8)) && /[\p{L}]\s+$/u.test(s.slice(Math.max(0, v.start - 3), v.start)) && !/\b(?:was|were|is|are|be|been|being|am|has|have|had|got|get|gets)\s+(?:\w+ly\s+)?$/i.test(s.slice(Math.max(0, v.start - 20), v.start))) continue;
    // "A convicted paedophile", "most acclaimed authors": a participle after a determiner is an adjective.
    if ((single || /^[\p{L}]+ly\s+[\p{L}]+$/u.test(v.text)) && /\b(?:a|an|the|its|his|her|their|our|this|that|most|more|less|very|newly|recently|so-called)\s+(?:[\p{L}]+ly\s+)?$/iu.test(s.slice(Math.max(0, v.start - 24), v.start))) continue;
    // "minister of fisheries", "on sick leave": a word after a preposition is a noun.
    if (single && !/ing$/i.test(lw) && PREP_BEFORE.test(s.slice(Math.max(0, v.start - 30), v.start))) continue;
    if (inRelative) {
      relativeVerbs++;
      // "who seized … and forced …": verbs joined by "and" stay in the relative clause.
      if (relativeVerbs === 1 || /\b(?:and|or)\s+(?:then\s+)?$/i.test(s.slice(Math.max(0, v.start - 10), v.start))) continue;
      inRelative = false;
    }
    if (commaRelative(v)) continue;
    // A "verb" with nothing before it is a mis-tagged capitalised word ("Finance Minister …") or an imperative.
    if (!s.slice(mainFrom + subjectStart(s.slice(mainFrom), v.start - mainFrom), v.start).trim()) continue;
    // "Tin prices …", "Valdorian exchanges …": an -s word right after a word that is no name (a common noun, a
    // people's adjective) is a plural noun when a verb follows it.
    // (compromise may join a particle to it: "prices around the world".)
    const head = v.text.split(/\s+/)[0];
    if (!pluralNoun && !toPredicate && (single || /^\S+s\s+(?:around|across|up|down|out|off|over|in|on)$/i.test(v.text)) && /[^s]s$/i.test(head) && !CATENATIVE.test(head) && !REPORTING.test(head)) {
      const prev = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(s.slice(0, v.start));
      if (prev && !/^(?:the|a|an|this|that|these|those|it|he|she|they|we|who|which|also|now|still|and|or)$/i.test(prev[1]) && !(opts.isName?.(prev.index, prev.index + prev[1].length) ?? /^\p{Lu}/u.test(prev[1]))) {
        pluralNoun = v;
        // A bare verb compromise read as a noun, in the next words ("prices worldwide fall sharply").
        const next = /^\s+(?:([\p{Ll}]+ly|worldwide|again|too|also|further|sharply)\s+)?([\p{Ll}]+)\b/u.exec(s.slice(v.end));
        if (next && readsAsVerb(next[2]) && !verbs.some((w) => w.start > v.end && w.start <= v.end + next[0].length)) {
          const at = v.end + next[0].length - next[2].length;
          chosen = { start: at, end: at + next[2].length, text: next[2], isInfinitive: false };
          break;
        }
        continue;
      }
    }
    // A clause break between the plural noun and this verb: the plural noun was the verb after all.
    // (An aside in commas is no break: "Tin prices around the world, notably those in Asia, have fallen".)
    if (pluralNoun && BREAK.test(s.slice(pluralNoun.end, v.start).replace(/,[^,;:]{1,80},\s*$/, ' '))) break;
    chosen = v;
    break;
  }
  // A headline's verb compromise read as a noun, right after a name: "Lumen owner Ostmark wins … contract",
  // "Ostmark outlines plan".
  if (opts.headline && opts.isAgent && opts.isName) {
    for (const m of s.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’.&-]*)\s+(\p{Ll}+[^s\W]s)\b/gu)) {
      const at = m.index! + m[0].length - m[2].length;
      if ((chosen && at >= chosen.start) || (toPredicate && at >= toPredicate.start)) break;
      if (at < mainFrom || verbs.some((v) => v.start <= at && at < v.end)) continue;
      if (!opts.isAgent(m.index!, m.index! + m[1].length) || opts.isName(at, at + m[2].length)) continue;
      chosen = { start: at, end: at + m[2].length, text: m[2], isInfinitive: false };
      toPredicate = undefined;
      break;
    }
  }
  if (!chosen && toPredicate) chosen = toPredicate;
  else if (toPredicate && chosen && chosen.start > toPredicate.start) chosen = toPredicate;
  if (!chosen && pluralNoun) chosen = pluralNoun;
  if (!chosen) return undefined;
  const v = chosen;
  const subjFrom = mainFrom + subjectStart(s.slice(mainFrom), v.start - mainFrom);
  let subject = trimPiece(s, subjFrom, v.start);
  // Adverbs between subject and verb: "Yeltsin also said".
  subject = trimPiece(s, subject.start, subject.start + subject.text.replace(/(?:\s+(?:also|has|had|have|on \w+day|\w+ly|today|yesterday|tonight|this week|last week|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:january|february|march|april|may|june|july|august|september|october|november|december)))+$/i, '').length);
  const reporting = REPORTING.test(lastWord(v));
  if (reporting && depth < 2) {
    // "X said [on Friday] [that] CLAUSE": the event is the reported clause.
    const rest = s.slice(v.end);
    // Only "told" has an addressee to skip ("told Reuters", "told German radio"); after "said" a capitalised word
    // opens the reported clause ("said Iraqi artillery was shelling …").
    const addressee = /^(?:told|tells|tell)$/i.test(lastWord(v))
      ? String.raw`|(?:reporters|journalists|parliament|Parliament|a news conference|[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,3}(?:\s+(?:radio|television|TV|newspaper|daily|news agency|agency))?)\s+`
      : '';
    const m = new RegExp(String.raw`^\s*(?:(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ate|[Ee]arly)\s+[^,]{0,30}?\s+${addressee})?(?:that\s+)?`, 'u').exec(rest);
    const from = v.end + (m ? m[0].length : 0);
    const inner = mainClause(s.slice(from), depth + 1);
    if (inner && !inner.reporting && inner.subject.text) {
      const shift = (p: Piece): Piece => ({ start: p.start + from, end: p.end + from, text: p.text });
      return {
        subject: shift(inner.subject),
        verb: lazyVerb(shift(inner.verb), inner.verb),
        predicate: shift(inner.predicate),
        attributedTo: subjectHead(s, subject),
        reportVerb: { start: v.start, end: v.end, text: v.text },
        reporting: false,
      };
    }
  }
  // Object: from the verb to the first clause break, at most a few words.
  const tail = s.slice(v.end);
  const brk = BREAK.exec(tail);
  let end = v.end + (brk ? brk.index : tail.length);
  const words = s.slice(v.start, end).split(/\s+/);
  if (words.length > VERB_MAX_WORDS) end = v.start + words.slice(0, VERB_MAX_WORDS).join(' ').length;
  const predicate = trimPiece(s, v.start, end);
  predicate.text = predicate.text.replace(/[.!?]+$/, '');
  predicate.end = predicate.start + predicate.text.length;
  return {
    subject: subjectHead(s, subject),
    verb: lazyVerb(v, v),
    predicate,
    reporting,
  };
}

/** The verb's piece; its tense and infinitive (compromise's costliest verb step) are read from `from` when asked. */
function lazyVerb(p: Piece, from: { readonly tense?: string; readonly infinitive?: string }): Clause['verb'] {
  return {
    start: p.start,
    end: p.end,
    text: p.text,
    get tense() {
      return from.tense;
    },
    get infinitive() {
      return from.infinitive;
    },
  };
}

/** A comma-set clause that has closed again before `at`: ", who is 65, said". */
function closedBefore(s: string, comma: number, at: number): boolean {
  return s.slice(comma + 1, at).includes(',');
}

/** Trailing attribution: "…, police said." / "…, said Smith." / "…, according to Interfax." */
export function stripAttribution(s: string): { text: string; attribution?: string } {
  const m = /,\s*(?:(?:[\p{L}'’.-]+\s+){0,6}(?:said|says|told [\p{L} ]{1,30}|reported|added)(?:\s+on\s+\p{L}+)?|(?:said|says)\s+(?:[\p{L}'’.-]+\s*){1,6}|according to [^,]{1,60})\s*[.!?]?["”’]?\s*$/iu.exec(s);
  if (!m || m.index < 20) return { text: s };
  return { text: s.slice(0, m.index), attribution: m[0].replace(/^,\s*/, '').replace(/[.!?"”’\s]+$/u, '') };
}
