import type { Entity, EntityType } from '../types';
import { RANK_WORDS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon';
import { isCapitalised, type Word } from '../text/words';
import { itemsWithin, lowerBound, Occupancy } from '../text/intervals';
import { NEVER_NAME } from '../ner/refine';
import { countryOf, isGroupName } from '../text/lexicon';

/** Generational suffixes and initials: part of a full name, never a surname on their own. */
const NOT_SURNAME = /^(?:Jr|Sr|II|III|IV|\p{Lu})$/u;
/** First names that are also everyday words: never propagated alone. */
const COMMON_WORD_FIRST_NAMES = new Set(['Will', 'Mark', 'May', 'June', 'April', 'Rose', 'Grant', 'Bill', 'Bob', 'Frank', 'Hope', 'Joy', 'Faith', 'Summer', 'Art', 'Guy', 'Jack', 'Pat', 'Sue', 'Don', 'Ray', 'Victor', 'Earl', 'Dean', 'Miles', 'Chase', 'Page', 'Lane', 'Hunter', 'Royal', 'Gene', 'Rich', 'Price', 'Young', 'Long', 'Sky', 'Crystal', 'Amber', 'Iris', 'Ivy', 'Holly', 'Dawn', 'Sandy', 'Rusty', 'Buck', 'Bud', 'Kitty', 'Carol', 'Max', 'Drew', 'Harry', 'Sterling', 'Penny', 'Destiny', 'Justice', 'Major', 'Sir', 'Said']);

export interface RawSpan {
  start: number;
  end: number;
  type: EntityType;
  source: string;
  /** Overrides the type's priority in resolveOverlaps (lower wins). */
  rank?: number;
  /**
   * A name that is no entity the product shows (an event, a work, a product the tagger put in its "other" class):
   * it holds its words against overlaps and person propagation, and is dropped when propagation ends.
   */
  hidden?: true;
}

const ABBREVIATION_END = /(?:\b[A-Z]\.[A-Z]\.|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Bros|Mt|Ft)\.)$/;
const TRAILING_JUNK = /[\s.,;:!?'"”’“‘)\]}>*_`\-–—/\\]$/u;
const LEADING_JUNK = /^[\s.,;:!?'"”’“‘(\[{<*_`\-–—/\\]/u;
const POSSESSIVE = /(?:['’]s|s['’])$/u;

/**
 * Trims a span so it holds no surrounding spaces, punctuation or possessive: "Putin." -> "Putin",
 * "Israel’s" -> "Israel", "(Russia)." -> "Russia". A final dot that belongs to an abbreviation stays ("U.S.").
 */
export function trimSpan(text: string, start: number, end: number, keepFinalDot = false): [number, number] {
  for (;;) {
    const before = [start, end];
    while (start < end && LEADING_JUNK.test(text[start])) start++;
    const s = text.slice(start, end);
    if (POSSESSIVE.test(s) && !/^[A-Z]+s['’]$/.test(s)) end -= s.endsWith('s’') || s.endsWith("s'") ? 1 : 2;
    else if (end > start && TRAILING_JUNK.test(text[end - 1]) && !keepsFinal(text, start, end, keepFinalDot)) end--;
    if (before[0] === start && before[1] === end) return [start, end];
  }
}

/** A final dot of an abbreviation ("U.S.") and a closing bracket opened inside the span ("Mladost (L)") belong to it. */
function keepsFinal(text: string, start: number, end: number, keepFinalDot: boolean): boolean {
  const c = text[end - 1];
  if (c === '.') return keepFinalDot || ABBREVIATION_END.test(text.slice(start, end));
  if (c === ')') return text.lastIndexOf('(', end - 1) >= start;
  if (c === ']') return text.lastIndexOf('[', end - 1) >= start;
  return false;
}

/** Splits a span at line breaks: a name never runs across lines. */
export function splitLines(text: string, s: RawSpan): RawSpan[] {
  const body = text.slice(s.start, s.end);
  if (!/[\r\n]/.test(body)) return [s];
  const out: RawSpan[] = [];
  let off = s.start;
  for (const part of body.split(/\r\n|\r|\n/)) {
    out.push({ ...s, start: off, end: off + part.length });
    off += part.length + 1;
  }
  return out;
}

const isTitleWord = (w: string) => TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w);

/**
 * Removes titles and ranks from the edges of a person span ("Minister Benjamin Netanyahu" -> "Benjamin Netanyahu",
 * "Ana Rojas Director" -> "Ana Rojas") using the word list and the title spans found in the text.
 * Returns null when nothing of a name is left ("Major", "President").
 */
export function stripTitles(span: RawSpan, ws: readonly Word[], inTitle: (offset: number) => boolean): RawSpan | null {
  const inside = itemsWithin(ws, span.start, span.end);
  let a = 0;
  let b = inside.length - 1;
  // Leading: titles, articles and lower-case words, but not name particles ("de Silva", "al-Assad", "van Gogh").
  const leading = (w: Word) => inTitle(w.start) || isTitleWord(w.text) || w.text === 'the' || w.text === 'The' || (!isCapitalised(w.text) && !NAME_PARTICLES.has(w.text));
  while (a <= b && leading(inside[a])) a++;
  // Trailing: only words of a title span ("Ana Rojas Director of ..."): "John Major" and "Billie Jean King" keep theirs.
  while (b >= a && (inTitle(inside[b].start) || !/[\p{L}\p{N}]/u.test(inside[b].text))) b--;
  if (a > b) return null;
  const kept = inside.slice(a, b + 1);
  if (kept.every((w) => RANK_WORDS.has(w.text) || isTitleWord(w.text))) return null;
  // nothing cut at the end: the span keeps its own end ("Jr." keeps its dot)
  return { ...span, start: kept[0].start, end: b === inside.length - 1 ? span.end : kept[kept.length - 1].end };
}

const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'ten', 'le', 'la', 'du', 'al', 'el', 'bin', 'ben', 'ibn', 'abu', 'bint', 'y', 'zu']);

const PRIORITY: Record<EntityType, number> = {
  person: 0,
  title: 1,
  organization: 2,
  place: 3,
  group: 4,
  date: 5,
  time: 6,
  quantity: 7,
  // threat-intelligence types are merged after overlaps are resolved (cti/index.ts mergeCti)
  threatActor: 8,
  malware: 9,
  tool: 10,
  technique: 11,
};

/**
 * One flat layer: where spans overlap, the one of higher priority (person > title > organisation > place > group >
 * date > time > quantity), then the longer one, wins. Returns spans sorted by start.
 */
export function resolveOverlaps(spans: readonly RawSpan[]): RawSpan[] {
  const prio = (s: RawSpan) => s.rank ?? PRIORITY[s.type];
  const ranked = [...spans].sort((x, y) => prio(x) - prio(y) || y.end - y.start - (x.end - x.start) || x.start - y.start);
  const taken: RawSpan[] = [];
  const occupied = new Occupancy(ranked.reduce((m, s) => Math.max(m, s.end), 0));
  for (const s of ranked) {
    if (s.end > s.start && occupied.isFree(s.start, s.end)) {
      occupied.take(s.start, s.end);
      taken.push(s);
    }
  }
  return taken.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Person names of a text: full names (two words or more) and their surnames. */
export interface PersonNames {
  surnames: Set<string>;
  fullNames: Set<string>;
  /** single words the document uses as (the first word of) an organisation name ("Pirelli" of "Pirelli Tyre") */
  orgForms?: Set<string>;
}

/** Collects the full person names and surnames of `spans` (adds them to `into` when given). */
export function personNames(text: string, ws: readonly Word[], spans: readonly RawSpan[], into?: PersonNames): PersonNames {
  const names = into ?? { surnames: new Set<string>(), fullNames: new Set<string>() };
  for (const p of spans) {
    if (p.type === 'organization') {
      const first = itemsWithin(ws, p.start, p.end)[0];
      if (first && isCapitalised(first.text) && first.text.length > 1 && !NEVER_NAME.has(first.text)) (names.orgForms ??= new Set()).add(first.text);
    }
    // A company the tagger put in its "other" class ("Airbus announced", "engine maker Europrop"): an organisation
    // name of the document, wherever it stands.
    if (p.hidden && hiddenCompany(text, p)) (names.orgForms ??= new Set()).add(COMPANY_MARK + text.slice(p.start, p.end));
    if (p.type !== 'person') continue;
    const parts = itemsWithin(ws, p.start, p.end);
    if (parts.length >= 2) {
      names.fullNames.add(text.slice(p.start, p.end).replace(/\s+/g, ' '));
      let k = parts.length - 1;
      while (k > 0 && NOT_SURNAME.test(parts[k].text)) k--;
      const last = parts[k].text;
      // The last word of a full name is a surname even when it is also a rank ("John Major", "Billie Jean King"),
      // but never a function word ("The"), a suffix ("Jr.") or an initial.
      if (k > 0 && isCapitalised(last) && last.length > 1 && !NEVER_NAME.has(last)) names.surnames.add(last);
    }
  }
  return names;
}

/**
 * Names seen once in full are names elsewhere too: repeats of a full person name, and its surname alone ("Putin"
 * after "Vladimir Putin"), become person spans where nothing else was found.
 */
export function propagatePersons(text: string, ws: readonly Word[], spans: RawSpan[]): RawSpan[] {
  return propagateNames(text, ws, spans, personNames(text, ws, spans));
}

/**
 * The propagation step of `propagatePersons` with the names already collected (possibly from a larger text: a
 * person name never spans a line break, so a text cut at blank lines propagates piece by piece exactly alike).
 */
export function propagateNames(text: string, ws: readonly Word[], spans: RawSpan[], names: PersonNames): RawSpan[] {
  // A known person's name the tagger put in its "other" class is that person ("Jobs", "James Roche"); an
  // organisation name of the document is that organisation ("Airbus" ... "Airbus announced").
  if (spans.some((s) => s.hidden)) {
    spans = spans.map((s) => {
      const t = s.hidden ? text.slice(s.start, s.end) : '';
      if (t && (names.surnames.has(t) || names.fullNames.has(t))) return { start: s.start, end: s.end, type: 'person', source: 'propagated' };
      if (t && names.orgForms?.has(COMPANY_MARK + t)) return { start: s.start, end: s.end, type: 'organization', source: 'propagated' };
      return s;
    });
  }
  const out = propagate(text, ws, spans, names);
  return out.some((s) => s.hidden) ? out.filter((s) => !s.hidden) : out;
}

function propagate(text: string, ws: readonly Word[], spans: RawSpan[], names: PersonNames): RawSpan[] {
  const { surnames, fullNames, orgForms } = names;
  // One name, one type: a lone word read as a person that the document names an organisation elsewhere, and that
  // is no person's surname, is that organisation ("Pirelli Tyre" ... "Analysts said Pirelli would ...").
  if (orgForms?.size && spans.some((s) => s.type === 'person' && orgForms.has(text.slice(s.start, s.end)) && !surnames.has(text.slice(s.start, s.end)))) {
    spans = spans.map((s) => {
      const t = text.slice(s.start, s.end);
      return s.type === 'person' && orgForms.has(t) && !surnames.has(t) ? { ...s, type: 'organization', source: 'propagated' } : s;
    });
  }
  if (!surnames.size) return spans;
  const firstNames = uniqueFirstNames(fullNames, surnames);
  // One name, one type: a person's surname that the tagger read alone as an organisation elsewhere in the
  // document is that person ("Joseph Farrugia" ... "Farrugia said").
  if (spans.some((s) => s.type === 'organization' && surnames.has(text.slice(s.start, s.end)))) {
    spans = spans.map((s) => (s.type === 'organization' && surnames.has(text.slice(s.start, s.end)) ? { ...s, type: 'person', source: 'propagated' } : s));
  }
  // spans are sorted and do not overlap: only the last one starting before b can reach into [a, b)
  const covered = (a: number, b: number) => {
    const i = lowerBound(spans, b) - 1;
    return i >= 0 && spans[i].end > a;
  };
  const added: RawSpan[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if ((!surnames.has(w.text) && !firstNames.has(w.text)) || covered(w.start, w.end)) continue;
    if (!surnames.has(w.text)) {
      // a lone first name; before its surname the full name is added at the surname instead
      const next = ws[i + 1];
      if (next && (surnames.has(next.text) || fullNames.has(text.slice(w.start, next.end)))) continue;
    }
    // Prefer the full name when it is repeated: "Vladimir Putin" again, not only "Putin".
    const prev = ws[i - 1];
    if (prev && fullNames.has(text.slice(prev.start, w.end)) && !covered(prev.start, w.end)) {
      added.push({ start: prev.start, end: w.end, type: 'person', source: 'propagated' });
    } else {
      added.push({ start: w.start, end: w.end, type: 'person', source: 'propagated' });
    }
  }
  return added.length ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}

/**
 * First names of the full names that belong to one person only ("Keir" of "Keir Whitfield" when no other Keir is
 * named): a reader highlights them alone too. Not when the first name is also some person's surname or an
 * everyday word ("Will", "Mark").
 */
function uniqueFirstNames(fullNames: ReadonlySet<string>, surnames: ReadonlySet<string>): Set<string> {
  const lastsOf = new Map<string, Set<string>>();
  for (const f of fullNames) {
    const parts = f.split(' ');
    const first = parts[0];
    if (parts.length < 2 || first.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(first) || NEVER_NAME.has(first) || COMMON_WORD_FIRST_NAMES.has(first)) continue;
    let last = parts.length - 1;
    while (last > 0 && NOT_SURNAME.test(parts[last].replace(/\.$/, ''))) last--;
    let set = lastsOf.get(first);
    if (!set) lastsOf.set(first, (set = new Set()));
    set.add(parts[last]);
  }
  const out = new Set<string>();
  for (const [first, lasts] of lastsOf) if (lasts.size === 1 && !surnames.has(first)) out.add(first);
  return out;
}

export function toEntity(text: string, s: RawSpan): Entity {
  return { start: s.start, end: s.end, type: s.type, text: text.slice(s.start, s.end), source: s.source };
}

// ---------------------------------------------------------------------------------------------------------------
// Companies: the words around a name that show a company (shared with the actor model, src/core/actors/build.ts)

/** A company noun right before the name: "the assembly plant Automobile Craiova", "engine maker Europrop". */
export const COMPANY_BEFORE = /\b(?:company|companies|firm|corporation|conglomerate|plant|factory|manufacturer|automaker|carmaker|airframer|(?:car|auto|engine|aircraft|plane|chip|phone|drug|steel|truck|toy)[ -]?maker|airline|retailer|supermarket|chain|lender|insurer|bank|studio|label)[ \t\u00a0]+$/i;
/** "X, the world's largest retailer," / "X, a company that" / "X, the newest version of": the head noun of an apposition. */
const APPOSITION_THING = /^,[ \t\u00a0]+(?:the|a|an|its|their)[ \t\u00a0]+(?:[\p{L}\p{N}'’.-]+[ \t\u00a0]+){0,4}?(company|firm|corporation|conglomerate|automaker|carmaker|airframer|manufacturer|airline|carrier|retailer|lender|insurer|bank|subsidiary|division|version|operating system|browser|software|device)(?=[ \t\u00a0]*(?:[,.;:)]|$)|[ \t\u00a0]+(?:that|which|of|based|in|with|for|from|and)\b)/u;
const PRODUCT_NOUN = /^(?:version|operating system|browser|software|device)$/;
const ANNOUNCES_AFTER = /^(?:['’]s)?[ \t\u00a0]+(?:(?:has|have|had)[ \t\u00a0]+)?(?:said|says|announced|announces|unveiled|unveils|warned|confirmed|denied|stated|posted|launched|launches|plans|delivered)\b/;
const ROLE_AFTER = /^(?:['’]s)?[ \t\u00a0]+(?:spokesman|spokeswoman|spokesperson|chief executive|chief financial officer|chief operating officer|CEO|CFO|COO|chairman|chairwoman|executives?|employees|engineers|managing director|vice[ -]president|shareholders|board|website|headquarters|factory|plants?)\b/i;

/**
 * Marks a whole name in `PersonNames.orgForms` as a company the tagger hid in its "other" class (the set is merged
 * across a document's units as it is, so the mark travels with it; no word of a text starts with it).
 */
const COMPANY_MARK = '\u0000company:';

/** A hidden "other" name that shows a company: a name that may be a company's, with a company cue around it. */
function hiddenCompany(text: string, s: RawSpan): boolean {
  return mayBeCompanyName(text.slice(s.start, s.end)) && companyContext(text, s.start, s.end);
}

/**
 * Whether a name of the tagger's "other" class may be a company's, given a company cue: not a group of people
 * (`isGroupName`: "Republicans said", "Shia", "Kurds"), not a country ("Russia announced"), no model number
 * ("Boeing 767"), no plural of one word ("Dreamliners"), on one line.
 */
export function mayBeCompanyName(name: string): boolean {
  if (/\d/.test(name) || /\n/.test(name) || (!/\s/.test(name) && /\p{Ll}[^su\s]s$/u.test(name))) return false;
  return !isGroupName(name) && !countryOf(name);
}

/** What an apposition after the name at `end` says it is: "X, an American automaker which" (organisation), "X, the newest version of" (a product, a group). */
export function appositionThing(text: string, end: number): 'organization' | 'group' | undefined {
  const app = APPOSITION_THING.exec(text.slice(end, end + 90));
  return app ? (PRODUCT_NOUN.test(app[1]) ? 'group' : 'organization') : undefined;
}

/**
 * The words around the name at [start, end) show a company: a company noun before it ("engine maker Europrop",
 * "aircraft manufacturer, Airbus"), a role or a company part after it ("Airbus spokesman", "the Airbus chief
 * executive"), a verb of speech or announcement ("Airbus announced"), or an apposition ("X, the largest retailer in").
 */
export function companyContext(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start).replace(/,[ \t\u00a0]*$/, ' ');
  return COMPANY_BEFORE.test(before) || ROLE_AFTER.test(after) || ANNOUNCES_AFTER.test(after) || appositionThing(text, end) === 'organization';
}
