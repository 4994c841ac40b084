import type { Entity, Span } from '../types';
import { sentenceIndexAt } from './sentences';
import { countryOf, countryOfDemonym } from './demonyms';
import { isRoleHead } from './appositions';

/**
 * A person's nationality (and role) told by a description in a neighbouring sentence rather than next to the name,
 * the way news introduces people:
 *  - introduced, then named: "Singapore hanged a Thai farmer on Friday. Somchai Dee, 24, was arrested in 1995." (the
 *    sentence before the first mention, which opens its sentence, describes one person and names no one);
 *  - named, then described: "Ali Saad did not get through. A checkpoint turned back the 38-year-old Palestinian …" (a
 *    definite description, a nationality as a noun, in the sentence after, which names no other person first);
 *  - described, then named by the same noun: "A tourist from Jordan was turned back. … said the tourist, Omar Ali.";
 *  - the subject's own party, "Prime Minister X says … his Labour Party's platform", and a minister's government, "The
 *    government of Chad closed … Education Minister X was held …" (no other country in the sentence).
 * Only people with no affiliation yet; a role only when they have none.
 */
export interface Introduced {
  /** Offsets of the person's name mentions, in text order. */
  starts: readonly number[];
  roles: string[];
  affiliation?: string;
}

const INDEFINITE_DEMONYM = /\b(?:[Aa]n?)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(\p{Lu}[\p{L}-]+)\s+([\p{Ll}-]+)\b/gu;
const INDEFINITE_FROM = /\b(?:[Aa]n?)\s+(?:[\p{Ll}\d-]+\s+){0,3}?([\p{Ll}-]+)\s+from\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/gu;
const PERSON_NOUN = /^(?:man|woman|boy|girl|farmer|tourist|worker|student|teacher|driver|fisherman|pilgrim|refugee|migrant|soldier|veteran|national|citizen|businessman|businesswoman|trader|doctor|nurse|engineer|journalist|priest|monk|resident|villager|prisoner|hostage|trafficker|smuggler|diplomat|official|activist|dissident|writer|artist|athlete|player|climber|sailor|pilot|seaman|mother|father)$/;

const personIn = (ents: readonly Entity[], a: number, b: number, not?: number): boolean => ents.some((e) => e.type === 'person' && e.start >= a && e.end <= b && e.start !== not);

function demonymDescription(s: string, noun?: string): { affiliation: string; noun: string } | undefined {
  INDEFINITE_DEMONYM.lastIndex = 0;
  for (let m = INDEFINITE_DEMONYM.exec(s); m; m = INDEFINITE_DEMONYM.exec(s)) {
    const c = countryOfDemonym(m[1]);
    if (c && (noun ? m[2] === noun : PERSON_NOUN.test(m[2]) || isRoleHead(m[2]))) return { affiliation: c, noun: m[2] };
  }
  INDEFINITE_FROM.lastIndex = 0;
  for (let m = INDEFINITE_FROM.exec(s); m; m = INDEFINITE_FROM.exec(s)) {
    const c = countryOf(m[2]);
    if (c && (noun ? m[1] === noun : PERSON_NOUN.test(m[1]) || isRoleHead(m[1]))) return { affiliation: c, noun: m[1] };
  }
  return undefined;
}

export function affiliationsFromDescriptions(text: string, ents: readonly Entity[], people: readonly Introduced[], sentences: readonly Span[]): void {
  /** [start, end) of the sentence `k` away from the one holding `at` (the text's one segmentation), or undefined. */
  const sentenceOf = (at: number, k = 0): [number, number] | undefined => {
    const i = sentenceIndexAt(sentences, at);
    const x = i < 0 ? undefined : sentences[i + k];
    return x && [x.start, x.end];
  };
  for (const p of people) {
    if (p.affiliation || !p.starts.length) continue;
    const first = p.starts[0];
    const here = sentenceOf(first);
    if (!here) continue;
    const [s, e] = here;
    // introduced, then named
    const prev = sentenceOf(first, -1);
    if (first - s <= 2 && prev) {
      const [ps] = prev;
      const before = text.slice(ps, s);
      const d = !personIn(ents, ps, s) && before.length <= 400 ? demonymDescription(before) : undefined;
      if (d) {
        p.affiliation = d.affiliation;
        if (!p.roles.length && isRoleHead(d.noun)) p.roles.push(d.noun);
        continue;
      }
    }
    // named, then described
    const following = sentenceOf(first, 1);
    if (first - s <= 2 && following) {
      const [, ne] = following;
      const next = text.slice(e, ne);
      const m = /\bthe\s+(?:\d+-year-old\s+|young\s+|elderly\s+)?(\p{Lu}[\p{L}-]+)\b(?!\s+\p{Lu})(?!\s+(?:[\p{Ll}-]+\s+)?(?:government|army|police|forces?|authorities|officials?|side|troops|leaders?|state|border|town|city|village|territory|ministry|embassy|people|media)\b)/u.exec(next);
      const c = m ? countryOfDemonym(m[1]) : undefined;
      if (m && c && !personIn(ents, e, e + m.index)) {
        p.affiliation = c;
        continue;
      }
    }
    // the subject's own party or government in the sentence: "Prime Minister X says … his Conservative Party's …",
    // "The government of Chad closed … Education Minister X was held …"
    let found: string | undefined;
    for (const at of p.starts) {
      const [ss, se] = sentenceOf(at) ?? [at, at];
      const sentence = text.slice(ss, se);
      const party = at - ss <= 40 ? /\b(?:his|her)\s+((?:\p{Lu}[\p{L}-]+\s+){1,3}Party)\b/u.exec(text.slice(at, se)) : null;
      if (party && !personIn(ents, at + 1, at + party.index, at)) {
        found = party[1];
        break;
      }
      const gov = /\bgovernment of (?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)|\b(\p{Lu}[\p{L}-]+)['’]s government\b/u.exec(sentence);
      const country = gov ? countryOf(gov[1] ?? gov[2]) : undefined;
      if (country && p.roles.some((r) => /\b(?:minister|president|premier|chancellor|secretary)\b/i.test(r)) && !/\b(?:of|for|to)\b/i.test(p.roles.join(' '))) {
        const others = (sentence.match(/\p{Lu}[\p{L}-]+/gu) ?? []).map((w) => countryOf(w) ?? countryOfDemonym(w)).filter((c) => c && c !== country);
        if (!others.length) {
          found = country;
          break;
        }
      }
    }
    if (found) {
      p.affiliation = found;
      continue;
    }
    // described, then named by the same noun ("said the tourist, Omar Ali")
    for (const at of p.starts) {
      const appo = /\bthe\s+([\p{Ll}-]+),\s*$/u.exec(text.slice(Math.max(0, at - 40), at));
      if (!appo || !(PERSON_NOUN.test(appo[1]) || isRoleHead(appo[1]))) continue;
      const back = text.slice(Math.max(0, at - 600), at - appo[0].length);
      const d = demonymDescription(back, appo[1]);
      if (d) {
        p.affiliation = d.affiliation;
        break;
      }
    }
  }
}
