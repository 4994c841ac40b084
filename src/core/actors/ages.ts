import type { Span } from '../types';
import { genderOfRole, textGenderOf, type Gender, type PersonGender } from './pronouns';

/**
 * "the 45-year-old" linked to the one person the text introduced with that age ("Ann Vik, 45, …", "45-year-old Ann
 * Vik", "Ann Vik (45)", "Ann Vik, aged 45"). Linked only when exactly one person of the text has that age and was named
 * before the description, and a gendered noun after it ("the 45-year-old woman") does not contradict the person's
 * known gender. Roles ("the spokeswoman", "the minister") are linked by nominals.ts. Pure: no I/O.
 */

export interface DescriptionLink extends Span {
  actorId: string;
  antecedent: Span;
  /** 0–1. */
  confidence: number;
  evidence: string;
  kind: 'nominal';
}

const AGE_AFTER = /^(?:[ \t\u00a0]*,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?|[ \t\u00a0]*\([ \t\u00a0]*)(\d{1,3})(?=[ \t\u00a0]*[,.;:)])/u;
const AGE_BEFORE = /(?<![\p{L}\d-])(\d{1,3})-year-old[ \t\u00a0]+(?:[\p{Ll}-]+[ \t\u00a0]+){0,3}$/u;
const DESCRIPTION = /(?<![\p{L}])([Tt]he[ \t\u00a0]+(\d{1,3})-year-old)(?:([ \t\u00a0]+)([\p{Ll}-]+))?/gu;
// The word after "the 45-year-old": a person noun (part of the description), or a word that may follow a person
// ("the 45-year-old said", "the 45-year-old, who"). Anything else makes it a thing: "the 45-year-old law".
const PERSON_NOUN = /^(?:man|woman|boy|girl|father|mother|son|daughter|husband|wife|driver|suspect|victim|actor|actress|player|singer|officer|soldier|teacher|doctor|nurse|pilot|farmer|worker|student|lawyer|businessman|businesswoman|politician|senator|minister|president|chief|executive|founder|leader|mayor|star|veteran)$/;
const AFTER_PERSON = /^(?:former|who|was|is|had|has|said|says|told|added|died|will|would|could|did|also|then|now|from|of|in|and)$/;

/** Descriptions by age linked to people; `persons` are the person actors (name mentions), `genders` what pronouns.ts found. */
export function findAgeDescriptions(
  text: string,
  persons: readonly { id: string; mentions: readonly { start: number; end: number; text: string; kind?: string }[]; roles?: readonly string[] }[],
  genders?: ReadonlyMap<string, PersonGender>,
): DescriptionLink[] {
  const out: DescriptionLink[] = [];
  if (!persons.length || !/-year-old/.test(text)) return out;
  // the age each person was introduced with, and where
  const ages: { id: string; age: string; at: Span }[] = [];
  for (const p of persons) {
    for (const m of p.mentions) {
      if (m.kind && m.kind !== 'name' && m.kind !== 'surname' && m.kind !== 'alias') continue;
      const a = AGE_AFTER.exec(text.slice(m.end, m.end + 16)) ?? AGE_BEFORE.exec(text.slice(Math.max(0, m.start - 50), m.start));
      if (a && +a[1] > 0 && +a[1] < 120) ages.push({ id: p.id, age: a[1], at: { start: m.start, end: m.end, text: m.text } });
    }
  }
  if (!ages.length) return out;
  const named = new Set<number>();
  for (const p of persons) for (const m of p.mentions) named.add(m.start);
  for (const d of text.matchAll(DESCRIPTION)) {
    const start = d.index!;
    const noun = d[4];
    if (named.has(start) || (noun && !PERSON_NOUN.test(noun) && !AFTER_PERSON.test(noun))) continue;
    const end = start + d[1].length + (noun && PERSON_NOUN.test(noun) ? d[3].length + noun.length : 0);
    // the people introduced with that age before the description (a person named after it with the same age is another)
    const fits = new Set(ages.filter((x) => x.age === d[2]).map((x) => x.id));
    const before = ages.filter((x) => x.age === d[2] && x.at.end <= start);
    if (fits.size !== 1 || !before.length) continue;
    const who = before[before.length - 1];
    const g: Gender | undefined = noun && PERSON_NOUN.test(noun) ? genderOfRole(noun) : undefined;
    const person = persons.find((p) => p.id === who.id)!;
    const known = g ? (genders?.get(who.id) ?? textGenderOf(text, person))?.gender : undefined;
    if (g && known && g !== known) continue;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      actorId: who.id,
      antecedent: who.at,
      confidence: 0.8,
      evidence: `"${text.slice(start, end)}" → ${who.at.text}: the only person introduced as ${who.age}`,
      kind: 'nominal',
    });
  }
  return out;
}
