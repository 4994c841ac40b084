import type { Quote, Span } from '../types';
import type { LinkedMention, Quotation } from './quotes';
import { splitSentences } from './sentences';
import { itemsWithin, lowerBound } from '../text/intervals';
import { descriptionIn, resolveDescription, type DescriptionContext } from './descriptions';

/**
 * Reported (indirect) speech: "Jones says it shows Smith “never paid his own bills”", "Smith told reporters that the
 * plant would close", "The plant will close, the company said.", "According to the ministry, 40 people died." Each is
 * a quote marked `indirect`, attributed to the person or organisation that speaks (a pronoun subject goes to the
 * person named last before it, in the sentence before). Sentences that are mostly a direct quotation are left to
 * the quotation finder.
 */
const VERBS =
  'said|says|told|tells|added|adds|stated|states|declared|declares|warned|warns|wrote|writes|explained|explains|noted|notes|insisted|insists|argued|argues|claimed|claims|announced|announces|stressed|stresses|acknowledged|acknowledges|admitted|admits|confirmed|confirms|reported|reports|predicted|predicts|believes|believed|contended|contends|alleged|alleges|asserted|asserts|suggested|suggests|charged|charges|maintained|maintains|testified|vowed|vows|promised|promises|conceded|concedes|complained|complains|tweeted|tweets|posted|recalled|countered|replied|responded|cautioned|has said|had said|has told|had told|(?:is|are|was|were|has been|[\x27\u2019]s)\\s+(?:saying|telling|claiming|stressing|arguing|promising|warning|insisting|suggesting|predicting|noting|explaining|vowing)';
// Verbs that report words only with a quotation in what follows: "Lopez called Brandt a “serial fabulist”",
// "Ruiz denounced the vote as “reckless”" (without one, "called" is a phone call or a name).
const QUOTING_VERBS = 'asked|urged|called|calls|is calling|described|describes|condemned|condemns|criticized|criticised|criticizes|blasted|blasts|praised|praises|dubbed|labeled|labelled|branded|decried|denounced|slammed';
const HAS_QUOTE = /[“”"]/;
const CLAIM = /(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})['’]s\s+(?:[\p{Ll}-]+\s+)?(?:claims?|statements?|assertions?|arguments?|predictions?|remarks?|comments?|contention|suggestion|promises?|pledges?|warnings?|insistence|accusations?|allegations?|boasts?|vows?)\s+that\s+(.+)$/u;
const QUOTING_START = new RegExp(`^\\s(?:${QUOTING_VERBS})\\b`);
// "<subject …> said (to X|reporters|CNN) (on Monday) (that) <content>"
const SUBJECT_FIRST = new RegExp(
  `^(.{0,160}?)\\s(?:${VERBS}|${QUOTING_VERBS})(?:\\s+(?:on|last|this|late|early)\\s+\\p{Lu}?\\p{Ll}+)?(?:\\s+(?:reporters|journalists|lawmakers|supporters|the\\s+\\S+|[\\p{Lu}][\\p{L}.-]*(?:\\s+[\\p{Lu}][\\p{L}.-]*){0,3}|him|her|them|us|me))?(?:\\s+(?:on|last|this)\\s+\\p{Lu}\\p{Ll}+)?,?\\s+(that\\s+)?(.+)$`,
  'su',
);
// "<subject …> said at a rally in Leeds that …", "posted late on Sunday night that …"
const SUBJECT_FIRST_THAT = new RegExp(`^(.{0,160}?)\\s(?:${VERBS})\\s+[^,;:“”"]{1,60}?\\s+(that\\s+)(.+)$`, 'su');
// "…, saying (that) …", "… by saying …": the subject of the sentence speaks.
const PARTICIPLE = /^(.{0,220}?)(?:,\s*(?:\p{Ll}+\s+)?|\s+by\s+)(?:saying|adding|arguing|noting|warning|insisting|claiming|declaring|writing|tweeting)(?:\s+that)?[,:]?\s+(.+)$/su;
// "<content>, <speaker …> said (on Monday)." / "<content>, said <speaker>."
const CONTENT_FIRST = new RegExp(`^(.{12,}?),["”]?\\s+(?:(.{1,90}?)\\s+(?:${VERBS})|(?:said|says)\\s+(.{1,90}?))(?:\\s+(?:on|in|at|late|earlier|last|this)\\b[^,.]{0,40})?[.!]?["”]?$`, 'su');
const ACCORDING = /^(?:But\s+|And\s+)?according\s+to\s+([^,]{2,90}),\s+(.+)$/su;
const PRONOUN = /^(?:he|she)$/i;

export function findReported(
  text: string,
  quotations: readonly Quotation[],
  mentions: readonly LinkedMention[],
  sentences: readonly Span[] = splitSentences(text),
  /** Quotations (by start) the quotation patterns already gave a speaker. */
  attributed: ReadonlySet<number> = new Set(),
  /** Roles and genders of the people, for subjects named by a description ("The Vermont senator said …"). */
  described: DescriptionContext = {},
): Quote[] {
  const sorted = [...mentions].filter((m) => m.type === 'person' || m.type === 'organization').sort((a, b) => a.start - b.start);
  /** The person a subject phrase [a, b) ending in a description stands for ("As for X, the Vermont senator"). */
  const byDescription = (a: number, b: number): LinkedMention | undefined => {
    const d = descriptionIn(text.slice(a, b));
    return d ? resolveDescription(text, sorted, a + d.index, d.head, described, text.slice(a + d.index, b)) : undefined;
  };
  /** The last person mention (in start order) that ends by `at`: mentions starting at or after `at` cannot. */
  const lastPersonBefore = (at: number): LinkedMention | undefined => {
    for (let i = lowerBound(sorted, at) - 1; i >= 0; i--) if (sorted[i].type === 'person' && sorted[i].end <= at) return sorted[i];
    return undefined;
  };
  const out: Quote[] = [];
  /**
   * The subject a sentence opens with (after "At the fair in Leeds, …"): a person or organisation within a few
   * characters of the start, or "He"/"She" for the person named last before the sentence.
   */
  const subjectOf = (s: Span): { speaker: LinkedMention; from: number; how: number } | undefined => {
    const lead = /^(?:(?:At|In|On|During|After|Before|Following|With|Though|Although)\b[^,“”"]{0,100},\s+)?/u.exec(s.text)![0];
    const first = itemsWithin(sorted, s.start + lead.length, s.end)[0];
    // "Smith …", "Green party candidate Maria Lopez …": a name, after role words at most
    const before = text.slice(s.start + lead.length, first ? first.start : s.start);
    if (first && (before.length <= 12 || (before.length <= 60 && /^(?:[\p{L}.'’-]+\s+){1,6}$/u.test(before) && !/\b(?:said|says|told|and|or|but|that|after|before|when|while)\b/.test(before))) && !/[,“”"]/.test(before)) return { speaker: first, from: first.end, how: 0.7 };
    // "The Republican nominee vowed …": a description that opens the sentence
    const desc = /^[Tt]he\s+(?:[\p{L}.'’-]+\s+){0,6}?[\p{Ll}-]+(?=\s+(?:also\s+|has\s+|had\s+|have\s+|repeatedly\s+|then\s+)?\p{Ll}+(?:ed|s)\b)/u.exec(s.text.slice(lead.length));
    const byDesc = desc ? byDescription(s.start + lead.length, s.start + lead.length + desc[0].length) : undefined;
    if (byDesc) return { speaker: byDesc, from: s.start + lead.length + desc![0].length, how: 0.5 };
    const pron = /^(He|She)(?:['’]s)?\s/.exec(s.text.slice(lead.length));
    const prev = pron ? lastPersonBefore(s.start) : undefined;
    return prev ? { speaker: prev, from: s.start + lead.length + pron![0].length, how: 0.5 } : undefined;
  };
  for (const s of sentences) {
    if (s.text.length < 20 || s.text.length > 600) continue;
    // mostly a direct quotation already
    const quoted = quotations.reduce((n, q) => n + (attributed.has(q.start) ? Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start)) : 0), 0);
    if (quoted > s.text.length * 0.6) continue;
    const inS = itemsWithin(sorted, s.start, s.end);
    let speaker: LinkedMention | undefined;
    let cStart = -1;
    let cEnd = -1;
    let how = 0.7;
    const acc = ACCORDING.exec(s.text);
    if (acc) {
      const a = s.start + acc[0].indexOf(acc[1]);
      speaker = inS.filter((m) => m.start >= a && m.end <= a + acc[1].length).pop();
      cStart = s.start + acc[0].length - acc[2].length;
      cEnd = s.end;
    }
    // "Politifact checked Trump’s claim that …": the owner of the claim speaks, not the subject of the sentence.
    const claim = !speaker ? CLAIM.exec(s.text) : null;
    if (claim) {
      const ownerEnd = s.start + claim.index + claim[1].length;
      const owner = inS.filter((m) => m.end === ownerEnd).pop();
      if (owner && wordCount(claim[2]) >= 4) {
        speaker = owner;
        cStart = s.start + claim.index + claim[0].length - claim[2].length;
        cEnd = s.end;
      }
    }
    // "<subject> said …": the first speech verb whose subject is a person or organisation (a noun such as "reports" in
    // "After early accounts of …" is passed over), with the content after it.
    for (let from = 0, tries = 0; !speaker && tries < 4 && from < s.text.length; tries++) {
      const rest = s.text.slice(from);
      let sf = SUBJECT_FIRST.exec(rest);
      if (sf && QUOTING_START.test(rest.slice(sf[1].length)) && !HAS_QUOTE.test(sf[3])) sf = null;
      // "is telling a farmers' union that …": the content starts after "that"
      const sfThat = SUBJECT_FIRST_THAT.exec(rest);
      if (sfThat && (!sf || wordCount(sf[3]) < 4 || (sf[1].length === sfThat[1].length && !sf[2]))) sf = sfThat;
      if (!sf) break;
      from += sf[1].length + 1;
      // "“…,” Lopez warned in Salem, Ore., last week.": the quotation's attribution, not reported speech
      if (/[“”"]/.test(sf[1]) && !sf[2] && !HAS_QUOTE.test(sf[3])) continue;
      if (/[“"]\s*$/.test(sf[1]) || wordCount(sf[3]) < 4) continue;
      // "In a blog entry posted Monday, Lopez said …": a participle after a noun is not the speech verb
      if (/^\s(?:posted|reported|released|published|tweeted)\b/.test(rest.slice(sf[1].length)) && /\s(?!(?:he|she|they|it|and|who|which|that|also|then|later|has|have|had)$)\p{Ll}+$/u.test(sf[1])) continue;
      const subjEnd = s.start + from - 1;
      const subj = s.text.slice(0, from - 1).trim();
      // the subject: the last person or organisation before the verb, with only role words, a possessive or an
      // apposition between ("Lopez, speaking in Leeds, says", "The company’s chief executive Jane Doe said",
      // "Mary K. Hale (D-Ore.) said"); the sentence's subject for a second verb ("X bemoaned the unrest in Y and said")
      const cand = inS.filter((m) => m.end <= subjEnd && subjEnd - m.end <= 60 && !/[.;:“”"]/.test(text.slice(m.end, subjEnd).replace(/\([^()]{0,30}\)/g, '')));
      const head = cand.length ? cand[cand.length - 1] : undefined;
      const opening = /\sand$/.test(subj) ? subjectOf(s) : undefined;
      // "…, the Vermont senator acknowledged that …": a description right before the verb, not a name before it
      const d = opening ? undefined : descriptionIn(subj);
      const descStart = d ? s.start + s.text.indexOf(subj) + d.index : -1;
      // ("Lund, the senator, said": an apposition to the name before it is that name)
      if (d && !(head && /^[\s,]*$/.test(text.slice(head.end, descStart)))) {
        speaker = resolveDescription(text, sorted, descStart, d.head, described, subj.slice(d.index));
        how = 0.5;
        if (!speaker) break;
      } else if (opening) {
        speaker = opening.speaker;
        how = Math.min(how, opening.how);
      } else if (head && head.start - s.start <= 160) speaker = head;
      else if (PRONOUN.test(subj.split(/\s+/).pop() ?? '') && subj.split(/\s+/).length <= 3) {
        // "He said that …": the person named last before this sentence
        speaker = lastPersonBefore(s.start);
        how = 0.5;
      }
      if (speaker) {
        cStart = s.start + from - 1 - sf[1].length + sf[0].length - sf[3].length;
        cEnd = s.end;
      }
    }
    if (!speaker) {
      const cf = CONTENT_FIRST.exec(s.text);
      if (cf && wordCount(cf[1]) >= 4) {
        const who = cf[2] ?? cf[3];
        const a = s.start + cf[0].indexOf(who, cf[1].length);
        const ms = inS.filter((m) => m.start >= a && m.end <= a + who.length);
        speaker = cf[2] ? ms.pop() : ms[0];
        if (!speaker && PRONOUN.test(who.trim())) {
          speaker = lastPersonBefore(s.start);
          how = 0.5;
        }
        cStart = s.start;
        cEnd = s.start + cf[1].length;
      }
    }
    if (!speaker) {
      // "Lopez weighed in on the radio, saying that …", "Ruiz replied by saying her veto …": the subject speaks.
      const p = PARTICIPLE.exec(s.text);
      if (p && wordCount(p[2]) >= 4) {
        const subj = subjectOf(s);
        if (subj && subj.speaker.end <= s.start + p[1].length) {
          speaker = subj.speaker;
          how = Math.min(subj.how, 0.6);
          cStart = s.start + p[0].length - p[2].length;
          cEnd = s.end;
        }
      }
    }
    if (!speaker) {
      // A sentence that quotes words inside what its subject does ("Lopez called most of Brandt’s donors
      // “freeloaders.”", "She published a memo that says the plan is “entirely on schedule”"): the subject's words.
      const within = quotations.filter((q) => q.start >= s.start && q.end <= s.end && !/^[\s\p{P}]*$/u.test(q.text));
      const inner = within.length > 0 && !within.some((q) => attributed.has(q.start));
      const subj = inner ? subjectOf(s) : undefined;
      if (subj) {
        speaker = subj.speaker;
        const verb = /^(?:['’]s)?[\s,]*(?:\S+\s+){0,1}/.exec(text.slice(subj.from, s.end))![0];
        cStart = subj.from + verb.length;
        cEnd = s.end;
        how = Math.min(subj.how, 0.6);
      }
    }
    if (!speaker || cStart < 0) continue;
    while (cEnd > cStart && /[\s.,;!?]/.test(text[cEnd - 1])) cEnd--;
    while (cStart < cEnd && /\s/.test(text[cStart])) cStart++;
    if (wordCount(text.slice(cStart, cEnd)) < 4) continue;
    // the speaker is not inside what it says
    if (speaker.start >= cStart && speaker.end <= cEnd) continue;
    out.push({
      start: cStart,
      end: cEnd,
      text: text.slice(cStart, cEnd),
      speakerId: speaker.actorId,
      speakerText: speaker.text,
      confidence: Math.round(how * speaker.confidence * 100) / 100,
      indirect: true,
    });
  }
  return out;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
