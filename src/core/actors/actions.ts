import nlp from 'compromise';
import type { Span } from '../types';

/** A mention that may be the subject of a verb, with the actor it belongs to. */
export interface SubjectCandidate {
  start: number;
  end: number;
  actorId: string;
}

interface Term {
  text: string;
  post?: string;
  tags: string[];
  offset: { start: number; length: number };
}

// Words between a subject and its verb that do not stop the search: "Netanyahu also met", "Moscow has warned".
const SKIPPABLE = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'also', 'then', 'later', 'reportedly', 'subsequently', 'not', 'never', 'already', 'again', 'first', 'personally', 'himself', 'herself', 'itself']);
const NOT_ACTIONS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did']);

/**
 * Verbs each actor is the subject of: the first verb after a mention, skipping auxiliaries and adverbs
 * ("Prime Minister Netanyahu held", "The Russian Foreign Ministry also stressed"). compromise tags each sentence that
 * holds a candidate, at most `maxSentences` of them, so long reports stay fast. A possessive ("Netanyahu’s arrival")
 * or a comma (an apposition) after the mention means no verb is taken.
 */
export function findActions(text: string, sentences: readonly Span[], candidates: readonly SubjectCandidate[], maxSentences: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  let k = 0;
  let tagged = 0;
  for (const s of sentences) {
    while (k < sorted.length && sorted[k].start < s.start) k++;
    const inside: SubjectCandidate[] = [];
    for (let j = k; j < sorted.length && sorted[j].start < s.end; j++) {
      const c = sorted[j];
      if (c.end > s.end) continue;
      if (/^(?:['’]s?\b|,|\s*[(:;])/u.test(text.slice(c.end, c.end + 3))) continue;
      inside.push(c);
    }
    if (!inside.length) continue;
    if (tagged++ >= maxSentences) break;
    let terms: Term[];
    try {
      const json = nlp(s.text).json({ offset: true, terms: { offset: true } }) as { terms: Term[] }[];
      terms = json.flatMap((x) => x.terms);
    } catch {
      continue;
    }
    for (const c of inside) {
      const rel = c.end - s.start;
      let t = terms.findIndex((x) => x.offset.start >= rel);
      if (t < 0) continue;
      // The next word must follow the name directly (only spaces): "Netanyahu held", not "Netanyahu and Putin".
      if (!/^\s*$/.test(s.text.slice(rel, terms[t].offset.start))) continue;
      for (; t < terms.length; t++) {
        const w = terms[t].text.toLowerCase();
        const tags = terms[t].tags;
        if (SKIPPABLE.has(w) || (tags.includes('Adverb') && !tags.includes('Verb'))) continue;
        // "Hezbollah targets, …": a present-tense "verb" closing a list item is a plural noun.
        const listNoun = tags.includes('PresentTense') && /,/.test(terms[t].post ?? '');
        if (tags.includes('Verb') && !tags.includes('Gerund') && !NOT_ACTIONS.has(w) && !tags.includes('Auxiliary') && !listNoun) {
          const list = out.get(c.actorId) ?? [];
          if (!list.includes(w)) list.push(w);
          out.set(c.actorId, list);
        }
        break;
      }
    }
  }
  return out;
}
