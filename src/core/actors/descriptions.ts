import type { LinkedMention } from './quotes';
import { lowerBound } from '../text/intervals';

/**
 * Speakers named by a description: "the Vermont senator said", "“…,” the New York businessman said", "The Republican
 * nominee vowed to …". News writers name a person once and then vary the reference; a quote's speaker written so is
 * that person when the text shows it:
 *  1. the one person mentioned before whose roles fit the description's head noun ("senator" and "Sen.", "congressman"
 *     and "Rep.", "nominee" and "presidential nominee"); or, when no one's roles fit,
 *  2. the person who is the subject of one of the three sentences before (He/She sentences passed over), the nearest,
 *     when the head noun is one a principal of a report is called by (not "official", "spokesman", "source": those
 *     are usually someone else, often unnamed), and the person's known gender does not contradict the noun.
 * Anything else stays unattributed: a wrong name is worse than none.
 */

/** A mention as the quote attribution sees it (its confidence is not needed here). */
type Mention = Omit<LinkedMention, 'confidence'>;

export interface DescriptionContext {
  /** Roles of each person actor, by id. */
  roles?: ReadonlyMap<string, readonly string[]>;
  /** Affiliation of each person actor, by id. */
  affiliations?: ReadonlyMap<string, string | undefined>;
  /** Gender of the people whose gender the text shows (pronouns.ts). */
  genders?: ReadonlyMap<string, { gender: 'M' | 'F' }>;
}

// Nouns a person is called by in place of the name. The first group may fall back to the sentence subject.
const PRINCIPAL =
  'senator|congressman|congresswoman|congressmember|representative|lawmaker|governor|mayor|nominee|candidate|businessman|businesswoman|billionaire|mogul|tycoon|president|president-elect|secretary|minister|premier|chancellor|chairman|chairwoman|leader|commissioner|judge|ambassador|general|admiral|king|queen|actor|actress|singer|author|founder|executive|ceo|pastor|activist|congressional candidate';
const OTHERS = 'official|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|lawyer|attorney|prosecutor|director|chief|analyst|economist|source|officer|expert';
const HEAD = new RegExp(`^(?:${PRINCIPAL}|${OTHERS})$`);
const PRINCIPAL_HEAD = new RegExp(`^(?:${PRINCIPAL})$`);
const MODIFIER = /^(?:former|current|new|outgoing|incoming|then|longtime|veteran|embattled|freshman|first-term|two-term|\d+-year-old|and|of|state|presidential|vice|\p{Lu}[\p{L}.'’-]*)$/u;

/**
 * The description a speaker phrase ends with ("…, the Vermont senator", "The Republican presidential nominee"):
 * "the", up to five modifiers (capitalised words, "former", "presidential", "of state") and a person noun.
 * Returns its offset in the phrase and its head noun, or undefined.
 */
export function descriptionIn(phrase: string): { index: number; head: string } | undefined {
  const m = /(?:^|[\s,;:(])([Tt]he\s+((?:[\p{L}.'’-]+\s+){0,6}?)([\p{Ll}-]+))\s*$/u.exec(phrase);
  if (!m) return undefined;
  const head = m[3];
  if (!HEAD.test(head)) return undefined;
  const mods = m[2].trim() ? m[2].trim().split(/\s+/) : [];
  if (!mods.every((w) => MODIFIER.test(w) || /^(?:secretary|minister|governor|senator)$/.test(w))) return undefined;
  return { index: m.index + m[0].indexOf(m[1]), head };
}

const ABBREVIATION: Record<string, string[]> = {
  senator: ['sen', 'senator'],
  congressman: ['rep', 'representative', 'congressman'],
  congresswoman: ['rep', 'representative', 'congresswoman'],
  congressmember: ['rep', 'representative'],
  representative: ['rep', 'representative', 'congressman', 'congresswoman'],
  lawmaker: ['rep', 'sen', 'representative', 'senator', 'congressman', 'congresswoman', 'lawmaker'],
  governor: ['gov', 'governor'],
  general: ['gen', 'general'],
  admiral: ['adm', 'admiral'],
  secretary: ['sec', 'secretary'],
  president: ['pres', 'president'],
};

/** Does one of these roles fit the head noun ("Sen." fits "senator"; "presidential nominee" fits "nominee")? */
export function roleFits(roles: readonly string[], head: string): boolean {
  const forms = ABBREVIATION[head] ?? [head];
  return roles.some((r) => {
    const k = r.toLowerCase().replace(/\.$/, '').trim();
    if (head === 'president' && /\bvice\b/.test(k)) return false;
    return forms.some((f) => k === f || new RegExp(`(?:^|[\\s-])${f}$`).test(k));
  });
}

const PARTY = /\b(?:Democrat(?:ic)?|Republican|GOP|Labour|Conservative|Tory|Libertarian|Green|Liberal Democrat)\b/;
const partyOf = (s: string): string | undefined => {
  const p = PARTY.exec(s)?.[0];
  return !p ? undefined : p === 'GOP' ? 'republican' : p.replace(/ic$/, '').toLowerCase();
};
const MALE = /(?:man|king|actor)$/;
const FEMALE = /(?:woman|queen|actress)$/;

/**
 * The subject a clause [from, to) opens with, after an opening phrase ("On Monday, …", "With the vote near, …"): a
 * person or organisation mention near the start, with at most a few role words before it ("Labour leader X"), or a
 * name after a description in commas ("Her partner at Lenox, Ann Berg, …").
 */
export function clauseSubject<M extends Mention>(text: string, sorted: readonly M[], from: number, to: number): M | undefined {
  const opening = /^\s*(?:(?:At|In|On|During|After|Before|Following|With|Without|Though|Although|Meanwhile|Later|Earlier|Asked|Speaking)\b[^\n]{0,110}?,["”]?\s+(?=\p{Lu}))?/u.exec(text.slice(from, to))![0];
  const at = from + opening.length;
  for (let i = lowerBound(sorted, at); i < sorted.length && sorted[i].start < to; i++) {
    const m = sorted[i];
    if (m.type !== 'person' && m.type !== 'organization') continue;
    const before = text.slice(at, m.start);
    const described = /^(?:[\p{L}.'’-]+\s+){1,8}?[\p{L}.'’-]+,\s+$/u.test(before) && /^,\s/.test(text.slice(m.end, m.end + 2)) && !/\b(?:said|says|told)\b/.test(before);
    if (m.end > to || before.length > 140) return undefined;
    if (!described && (before.length > 60 || !/^(?:[\p{L}.'’-]+\s+){0,6}$/u.test(before) || /\b(?:and|or|but|that|said|says|told|when|while|after|before|of|for|to|with|by|about|at|in|on|from|than|as)\b/i.test(before))) {
      // a name inside the description ("Her partner at Lenox, Ann Berg, …") is passed over; anything else ends the search
      if (/^(?:[\p{L}.'’-]+\s+){1,8}$/u.test(before)) continue;
      return undefined;
    }
    // "Smith's plan:": a possessor is no subject
    if (/^['’]s?\b/.test(text.slice(m.end, m.end + 2))) return undefined;
    return m;
  }
  return undefined;
}

/** Start of the sentence holding `at` (a line start or after ". " before a capital; "Mr." and initials do not end one). */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - 600);
  const head = text.slice(from, at);
  let best = Math.max(0, head.lastIndexOf('\n') + 1);
  const re = /[.!?]["”’]?\s+(?=["“]?\p{Lu})/gu;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const word = /([\p{L}.]+)$/u.exec(head.slice(0, m.index))?.[1] ?? '';
    if (/^(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Del|Lt|Col|St|Jr|Sr|Prof|Rev)$/u.test(word)) continue;
    best = Math.max(best, m.index + m[0].length);
  }
  return from + best;
}

/**
 * The person a description written as a speaker at offset `at` stands for (see the top of this module), or undefined.
 * `sorted` holds the text's mentions sorted by start.
 */
export function resolveDescription<M extends Mention>(text: string, sorted: readonly M[], at: number, head: string, ctx: DescriptionContext, phrase = ''): M | undefined {
  // "the Democratic nominee" is not the one whose roles or affiliation name another party
  const party = partyOf(phrase);
  const otherParty = (id: string): boolean => {
    if (!party) return false;
    const said = [...(ctx.roles?.get(id) ?? []), ctx.affiliations?.get(id) ?? ''].join(' ');
    const theirs = partyOf(said);
    return !!theirs && theirs !== party;
  };
  const lastBefore = new Map<string, M>();
  for (let i = 0; i < sorted.length && sorted[i].start < at; i++) {
    const m = sorted[i];
    if (m.type === 'person' && m.kind !== 'pronoun' && m.end <= at) lastBefore.set(m.actorId, m);
  }
  for (const [id] of lastBefore) if (otherParty(id)) lastBefore.delete(id);
  const fit = [...lastBefore.values()].filter((m) => roleFits(ctx.roles?.get(m.actorId) ?? [], head));
  if (fit.length === 1) return fit[0];
  const gender = MALE.test(head) ? 'M' : FEMALE.test(head) ? 'F' : undefined;
  if (!fit.length && !PRINCIPAL_HEAD.test(head)) return undefined;
  // the subject of one of the sentences before
  let end = sentenceStart(text, at);
  for (let k = 0; k < 3 && end > 0 && at - end < 900; k++) {
    const start = sentenceStart(text, Math.max(0, end - 1));
    if (start >= end) break;
    const s = text.slice(start, end);
    end = start;
    if (/^\s*["“]?(?:He|She|They|It)\b/.test(s) || !/[\p{L}]/u.test(s)) continue;
    const subject = clauseSubject(text, sorted, start, start + s.length);
    if (!subject || subject.type !== 'person') continue;
    if ((fit.length && !fit.some((f) => f.actorId === subject.actorId)) || !lastBefore.has(subject.actorId)) return undefined;
    const g = ctx.genders?.get(subject.actorId)?.gender;
    if (gender && g && g !== gender) return undefined;
    return lastBefore.get(subject.actorId) ?? subject;
  }
  return undefined;
}
