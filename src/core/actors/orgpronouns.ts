import type { Span } from '../types';
import { sentenceIndexAt } from '../text/segment';
import { itemsWithin, lowerBound, Occupancy } from '../text/intervals';

/**
 * "it", "its" and "itself" resolved to the organisations of a report (and to countries acting as one: "Norway said it
 * would …"), in the few shapes where news text leaves no doubt. "It" refers to things far more often than to an
 * organisation named earlier ("the plane", "the deal", "it is expected that …"), so these rules are narrow on purpose;
 * a wrong link in a hover card is worse than none:
 *  - speech: the organisation is the subject of a speech or stance verb and the pronoun opens or stands in what it
 *    said ("Arvex said on Monday that it would appeal", "Arvex announced its results");
 *  - possessive of the subject: "its" in the clause whose subject is the organisation, nothing that could own it in
 *    between ("Arvex will close two of its plants");
 *  - the next sentence: "It said …", "Its shares fell …" right after a sentence whose subject is the organisation and
 *    that names no other organisation, place or thing that could speak.
 * Pure: no I/O.
 */

/** An organisation (or a country acting as one) with its name mentions. */
export interface OrgTarget {
  id: string;
  type: 'organization' | 'place';
  mentions: readonly { start: number; end: number; text: string }[];
}

export interface OrgPronounLink extends Span {
  actorId: string;
  antecedent: Span;
  /** 0–1. */
  confidence: number;
  evidence: string;
}

export interface OrgPronounOptions {
  /** Sentences of the text (splitSentences). */
  sentences: readonly Span[];
  /** Quotations of the text: pronouns inside them are not read (the speaker's "it" is rarely the narration's). */
  quotations?: readonly Span[];
  /** Named things of the text (entities): any of them between the organisation and the pronoun could be "it". */
  things?: readonly { start: number; end: number; type: string }[];
}

const IT = /(?<![\p{L}\p{N}'’-])(it|its|itself)(?![\p{L}\p{N}'’-])/giu;
// Verbs an organisation speaks or takes a stance with; what follows is its own statement.
const SPEECH =
  'said|says|announced|announces|stated|states|reported|reports|added|adds|confirmed|confirms|denied|denies|insisted|insists|warned|warns|claimed|claims|argued|argues|told|tells|explained|explains|noted|notes|acknowledged|acknowledges|admitted|admits|expects|expected|hopes|hoped|believes|believed|plans|planned|intends|intended|promised|promises|pledged|pledges|vowed|vows|agreed|agrees|decided|decides|wants|wanted|hopes|aims|aimed|estimated|estimates|predicted|predicts|forecast|forecasts|revealed|reveals|disclosed|discloses|posted|posts|unveiled|unveils|launched|launches|published|publishes|released|releases|raised|raises|cut|cuts|lowered|lowers';
// Verbs that do not read as the organisation's own act after "It" opening a sentence ("It is expected that …",
// "It seems …"): only these open a statement about the organisation named before.
const IT_VERB = new RegExp(`^[ \\t\\u00a0]+(?:(?:also|then|later|now|still|again|previously|earlier|recently|currently|has|had|have|will|would|could|may|might)[ \\t\\u00a0]+){0,2}(?:${SPEECH}|employs|employed|operates|operated|owns|owned|sells|sold|makes|made|bought|acquired|acquires|merged|founded|hired|fired|laid|opened|closed|filed|sued|won|lost|reached|signed|paid|pays|builds|built|produces|produced|supplies|supplied|serves|served|runs|ran|has been|had been)(?![\\p{L}])`, 'u');
// Words before a subject at the start of its sentence or line: capitalised words, articles, a date, a short
// description ("Irish low-cost airline", "the country's largest carmaker"), or an introductory phrase ending in a comma.
const SUBJECT_PREFIX = /^[ \t\u00a0"“‘(\[]*(?:(?:\p{Lu}[\p{L}.'’&-]*|[\p{Ll}\d-]+|[\d,]+|['’]s)(?:[ \t\u00a0]+|(?=['’])|$))*(?:,[ \t\u00a0]*)?$/u;
// …but a description has no verb, preposition or conjunction ("Rivals of Arvex", "Talks with Arvex").
const NOT_IN_PREFIX = /(?<![\p{L}])(?:is|are|was|were|be|been|has|have|had|said|says|will|would|can|could|may|that|which|who|and|but|or|of|to|in|on|for|with|by|from|at|about|against|after|before|over|under|between|than|\p{Ll}+ed)(?![\p{L}])/u;
const INTRO = /^[^,;:"“”]{0,70},[ \t\u00a0]*$/u;
// Between the organisation and its verb: an acronym in brackets, the comma closing an apposition, an adverb or an
// auxiliary ("Arvex ( ARX ) , has today announced").
const BEFORE_VERB = String.raw`(?:[ \t\u00a0]*\([^()]{1,30}\))?(?:[ \t\u00a0]*,)?(?:[ \t\u00a0]+(?:also|then|later|now|still|again|previously|earlier|recently|today|yesterday|has|had|have|will|would|could|may|might|did|does)){0,3}`;
// When it spoke, between the verb and what it said: "today", "on Monday", "Friday", "late on Tuesday", "last week".
const WHEN = String.raw`(?:[ \t\u00a0]+(?:today|yesterday|tonight|earlier|late|early|last|this|on|in)(?:[ \t\u00a0]+(?:on|in|the|week|month|year|night|morning|afternoon|evening|\p{Lu}\p{Ll}+|\d{1,4}|,))*|[ \t\u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?`;
const SPEECH_AFTER = new RegExp(`^${BEFORE_VERB}[ \\t\\u00a0]+(${SPEECH})(?![\\p{L}])`, 'u');
const SAID_GAP = new RegExp(`^${WHEN}(?:[ \\t\\u00a0]*,)?(?:[ \\t\\u00a0]+that)?[ \\t\\u00a0]+$`, 'u');
// Clause boundaries between the subject and a possessive "its": another clause may have another owner.
const CLAUSE = /[;:()"“”—–]|\b(?:who|whom|which|whose|that|because|when|while|after|before|if|although|though|until|since|whether|where|and|but|or)\b/i;
// A possessive name or noun after the organisation ("Arvex's chief …"): the chief, not Arvex, is the subject.
const POSSESSIVE_AFTER = /^[ \t\u00a0]?['’]s?(?![\p{L}])/u;
// A noun phrase that could own "its" instead: "the plane", "a unit" (but "two of its plants", "a version of its …"
// are read as the organisation's).
const NOUN_PHRASE = /\b(?:the|a|an|this|that|these|those)[ \t\u00a0]+[\p{L}\d-]/iu;
const OF_ITS = /(?<![\p{L}])of[ \t\u00a0]+$/u;

const IT_THINGS = new Set(['organization', 'place', 'malware', 'tool', 'threatActor']);

/** Where the line of `at` starts, within its sentence (a headline and a dateline are lines of their own). */
function lineStart(text: string, sentenceStart: number, at: number): number {
  return sentenceStart + text.slice(sentenceStart, at).lastIndexOf('\n') + 1;
}

/** Whether the mention opens its sentence or line (after titles, articles, a date, a description, an opening phrase). */
function opensSentence(text: string, sentenceStart: number, m: { start: number; end: number }): boolean {
  if (POSSESSIVE_AFTER.test(text.slice(m.end, m.end + 4))) return false;
  const prefix = text.slice(lineStart(text, sentenceStart, m.start), m.start);
  if (prefix.length > 120) return false;
  if (INTRO.test(prefix)) return true;
  if (!SUBJECT_PREFIX.test(prefix) || NOT_IN_PREFIX.test(prefix)) return false;
  return (prefix.match(/(?<![\p{L}])\p{Ll}[\p{Ll}-]*/gu) ?? []).length <= 5;
}

/**
 * Links of "it", "its", "itself" to organisations, as described at the top of this module. `orgs` are the
 * organisation actors (and countries) of the text with their name mentions; anything else is not a target.
 */
export function resolveOrgPronouns(text: string, orgs: readonly OrgTarget[], options: OrgPronounOptions): OrgPronounLink[] {
  const out: OrgPronounLink[] = [];
  if (!orgs.length) return out;
  const { sentences } = options;
  const quotations = [...(options.quotations ?? [])].sort((a, b) => a.start - b.start);
  const inQuote = (offset: number) => {
    const i = lowerBound(quotations, offset + 1) - 1;
    return quotations.slice(Math.max(0, i - 3), i + 1).some((q) => q.start <= offset && offset < q.end);
  };
  const mentions = orgs.flatMap((o) => o.mentions.map((m) => ({ ...m, id: o.id, type: o.type }))).sort((a, b) => a.start - b.start);
  // named things that could be "it" themselves (not people, dates, titles or amounts)
  const things = (options.things ?? []).filter((t) => IT_THINGS.has(t.type)).sort((a, b) => a.start - b.start);
  const named = new Occupancy(text.length);
  for (const x of [...mentions, ...things]) named.take(x.start, x.end);
  // any named thing (or another organisation) in text[from, to), other than the organisation's own mention
  const thingBetween = (from: number, to: number, id: string) =>
    itemsWithin(mentions, from, to).some((m) => m.id !== id) ||
    itemsWithin(things, from, to).some((t) => !itemsWithin(mentions, t.start, t.end + 1).some((m) => m.id === id && m.start <= t.start && t.end <= m.end));

  for (const p of text.matchAll(IT)) {
    const start = p.index!;
    const end = start + p[0].length;
    if (!named.isFree(start, start + 1) || inQuote(start)) continue;
    const s = sentenceIndexAt(sentences, start);
    if (s < 0) continue;
    const sStart = sentences[s].start;
    const word = p[0].toLowerCase();
    let found: { m: (typeof mentions)[number]; why: string; confidence: number } | undefined;

    // 1. Speech: "Arvex said (on Monday) (that) it …", "Arvex announced its …", in the pronoun's sentence.
    const before = itemsWithin(mentions, sStart, start);
    for (let i = before.length - 1; i >= 0 && !found; i--) {
      const m = before[i];
      const verb = SPEECH_AFTER.exec(text.slice(m.end, m.end + 40));
      if (!verb) continue;
      const clauseSubject = opensSentence(text, sStart, m) || /(?:[;:]|,[ \t\u00a0]*(?:and|but)|[ \t\u00a0]+(?:and|but|while|after|because|as))[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/iu.test(text.slice(Math.max(sStart, m.start - 12), m.start));
      if (!clauseSubject) continue;
      const gap = text.slice(m.end + verb[0].length, start);
      // what it said follows at once: "said it", "said that it", "said on Monday that it", "announced its"
      if (!SAID_GAP.test(gap) || thingBetween(m.end, start, m.id)) continue;
      if (m.type === 'place' && word !== 'it') continue;
      found = { m, why: `subject of "${verb[1]}"`, confidence: 0.8 };
    }

    // 2. "its" of the clause's subject: "Arvex will close two of its plants".
    if (!found && word !== 'it') {
      const m = before.filter((x) => x.type === 'organization').pop();
      if (m && opensSentence(text, sStart, m)) {
        const gap = text.slice(m.end, start);
        const owner = NOUN_PHRASE.test(gap) && !OF_ITS.test(gap);
        if (gap.length <= 80 && !CLAUSE.test(gap) && !thingBetween(m.end, start, m.id) && !/^[^,]*,[^,]*$/.test(gap.replace(/^[ \t\u00a0]*\([^()]{1,30}\)[ \t\u00a0]*,?/, '').replace(/^[ \t\u00a0]*,/, '')) && !owner) {
          found = { m, why: 'subject of its clause', confidence: 0.75 };
        }
      }
    }

    // 3. The next sentence: "It said …" / "Its shares fell …" after a sentence whose subject is the organisation.
    if (!found && s > 0 && /^It/.test(p[0]) && /^[\s"“‘(]*$/u.test(text.slice(sStart, start))) {
      const prev = sentences[s - 1];
      const inPrev = itemsWithin(mentions, prev.start, prev.end);
      const m = inPrev[0];
      const others = itemsWithin(things, prev.start, prev.end).filter((t) => !inPrev.some((x) => x.id === m?.id && x.start <= t.start && t.end <= x.end));
      const oneOrg = !!m && m.type === 'organization' && inPrev.every((x) => x.id === m.id) && !others.length;
      if (oneOrg && opensSentence(text, prev.start, m) && (word === 'its' || IT_VERB.test(text.slice(end, end + 40)))) {
        found = { m, why: 'subject of the previous sentence, the only organisation there', confidence: 0.65 };
      }
    }
    if (!found) continue;
    const { m, why, confidence } = found;
    out.push({
      start,
      end,
      text: p[0],
      actorId: m.id,
      antecedent: { start: m.start, end: m.end, text: m.text },
      confidence,
      evidence: `"${p[0]}" → ${m.text}: ${why}`,
    });
  }
  return out;
}
