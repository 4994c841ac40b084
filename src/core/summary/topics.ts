import type { Actor, Entity, Topic } from '../types';
import { toCountry } from './gazetteer';
import { parse, parseLight, termsOf, type TaggedTerm } from './nlp';
import { splitSentences, type Sentence } from './sentences';

type Term = TaggedTerm;

/** How much of a long report the noun-phrase pass reads (about 1,000 words: the first page). */
export const NOUN_PHRASE_CHARS = 6_000;
/**
 * The first sentences (headline and lead) get compromise's full tagger, shared with the clause reader, which reads
 * the same sentences; the rest of the window gets its lighter pre-tagger (nlp.ts parseLight), a third of the cost.
 */
export const LEAD_SENTENCES = 6;

/** Nouns too general to tell what a report is about. */
const GENERIC = new Set(
  'time times thing things way ways part parts lot scale purpose fact kind sort number side sides case cases point place day days year years week weeks month months today people person us them it this that arena arenas course hopes hope move one ones other others its their his her'.split(
    ' ',
  ),
);
/** Adjectives that say how much, not what: dropped from the front of a phrase. */
const WEAK_ADJ = /^(?:important|major|other|several|separate|common|informed|very|many|much|such|more|most|further|same|new|certain|various)$/i;

/**
 * Key topics: the places and organisations the report is about (demonyms count for their country: "Iranian" for
 * Iran) and its noun phrases, by weight (occurrences, longer phrases a little more). People are actors, not topics.
 */
export function findTopics(text: string, entities: readonly Entity[], actors: readonly Actor[], limit = 12, sentences?: readonly Sentence[]): Topic[] {
  const topics = new Map<string, Topic>();
  const add = (key: string, display: string, start: number, w: number) => {
    const t = topics.get(key);
    if (t) {
      t.count++;
      t.weight += w;
      t.start = Math.min(t.start, start);
    } else topics.set(key, { text: display, count: 1, weight: w, start });
  };
  for (const a of actors) {
    if (a.type !== 'place' && a.type !== 'organization') continue;
    for (const m of a.mentions) add(a.name.toLowerCase(), a.name, m.start, 1.2);
  }
  for (const a of actors) {
    if (a.type !== 'group') continue;
    const c = toCountry(a.name);
    const t = c && topics.get(c.toLowerCase());
    if (t) for (let i = 0; i < a.mentionCount; i++) t.weight += 0.5;
  }
  // Common-noun phrases, outside names, titles, dates and quantities.
  const blocked = new Uint8Array(text.length + 1);
  for (const e of entities) if (e.type !== 'group') blocked.fill(1, e.start, e.end);
  const isBlocked = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (blocked[i]) return true;
    return false;
  };
  // Tagging is what costs: noun phrases come from the lead (the first NOUN_PHRASE_CHARS characters, cut at a
  // sentence end), where a report says what it is about; places and organisations count over the whole text.
  let headEnd = text.length;
  if (text.length > NOUN_PHRASE_CHARS) {
    const cut = text.slice(0, NOUN_PHRASE_CHARS).search(/[.!?]["”’)]*\s+[^.!?]*$/u);
    headEnd = cut > 0 ? cut + 1 : NOUN_PHRASE_CHARS;
  }
  // Tagged sentence by sentence (the summary's sentences): the lead fully, with the parses the clause reader asks
  // for (nlp.ts caches them for the summary), the rest lightly. A sentence that straddles the cut is read whole.
  const terms: Term[] = [];
  let n = 0;
  for (const s of sentences ?? splitSentences(text)) {
    if (s.start >= headEnd) break;
    const tag = n++ < LEAD_SENTENCES ? parse : parseLight;
    try {
      for (const t of termsOf(tag(s.text))) terms.push({ ...t, offset: { start: t.offset.start + s.start, length: t.offset.length } });
    } catch {
      // A sentence compromise cannot read gives no noun phrases.
    }
  }
  let chunk: Term[] = [];
  const flush = () => {
    while (chunk.length && (WEAK_ADJ.test(chunk[0].normal) || !chunk[0].tags.includes('Noun'))) {
      if (chunk.length === 1 || !WEAK_ADJ.test(chunk[0].normal) && chunk[0].tags.includes('Noun')) break;
      chunk.shift();
    }
    while (chunk.length && !chunk[chunk.length - 1].tags.includes('Noun')) chunk.pop();
    if (chunk.length) {
      const nouns = chunk.filter((t) => t.tags.includes('Noun') && !t.tags.includes('Demonym') && !GENERIC.has(t.normal));
      for (const n of nouns) add(singular(n.normal), singular(n.normal), n.offset.start, 1);
      if (chunk.length >= 2 && chunk.length <= 4 && !GENERIC.has(chunk[chunk.length - 1].normal)) {
        const phrase = chunk.map((t) => t.normal).join(' ');
        add(phrase, phrase, chunk[0].offset.start, 1.5);
      }
    }
    chunk = [];
  };
  const FUNCTION_WORDS = /^(?:of|the|a|an|and|or|against|for|with|from|to|in|on|at|by|as|about|over|under|between)$/;
  for (const t of terms) {
    const ok =
      !FUNCTION_WORDS.test(t.normal) &&
      (t.tags.includes('Noun') || t.tags.includes('Adjective')) &&
      !t.tags.some((x) => x === 'Pronoun' || x === 'Person' || x === 'Date' || x === 'Value' || x === 'Possessive' || x === 'Preposition' || x === 'Conjunction') &&
      /^[\p{L}-]+$/u.test(t.text) &&
      !isBlocked(t.offset.start, t.offset.start + t.offset.length);
    if (!ok) {
      flush();
      continue;
    }
    chunk.push(t);
    if (/[^\s]/.test(t.post)) flush();
  }
  flush();
  return [...topics.values()]
    .filter((t) => t.text.length > 2 && (t.count > 1 || t.weight >= 1.5))
    .map((t) => ({ ...t, weight: Math.round(t.weight * 100) / 100 }))
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, limit);
}

function singular(w: string): string {
  if (/(?:ss|us|is)$/.test(w) || w.length < 4) return w;
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  return w.replace(/s$/, '');
}
