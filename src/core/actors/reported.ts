import type { Quote, Span } from '../types';
import type { LinkedMention, Quotation } from './quotes';
import { splitSentences } from './sentences';

/**
 * Reported (indirect) speech: "Clinton says it means Trump “may not have paid a dime”", "Smith told reporters that the
 * plant would close", "The plant will close, the company said.", "According to the ministry, 40 people died." Each is
 * a quote marked `indirect`, attributed to the person or organisation that speaks (a pronoun subject goes to the
 * person named last before it, in the sentence before). Sentences that are mostly a direct quotation are left to
 * the quotation finder.
 */
const VERBS =
  'said|says|told|tells|added|adds|stated|states|declared|declares|warned|warns|wrote|writes|explained|explains|noted|notes|insisted|insists|argued|argues|claimed|claims|announced|announces|stressed|stresses|acknowledged|acknowledges|admitted|admits|confirmed|confirms|reported|reports|predicted|predicts|believes|believed|contended|contends|alleged|alleges|asserted|asserts|suggested|suggests|charged|charges|maintained|maintains|testified|vowed|vows|promised|promises|conceded|concedes|complained|complains|has said|had said|is saying|was saying|has told|had told';
// "<subject …> said (to X|reporters|CNN) (on Monday) (that) <content>"
const SUBJECT_FIRST = new RegExp(
  `^(.{0,160}?)\\s(?:${VERBS})(?:\\s+(?:on|last|this|late|early)\\s+\\p{Lu}?\\p{Ll}+)?(?:\\s+(?:reporters|journalists|lawmakers|supporters|the\\s+\\S+|[\\p{Lu}][\\p{L}.-]*(?:\\s+[\\p{Lu}][\\p{L}.-]*){0,3}|him|her|them|us|me))?(?:\\s+(?:on|last|this)\\s+\\p{Lu}\\p{Ll}+)?,?\\s+(that\\s+)?(.+)$`,
  'su',
);
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
): Quote[] {
  const sorted = [...mentions].filter((m) => m.type === 'person' || m.type === 'organization').sort((a, b) => a.start - b.start);
  const out: Quote[] = [];
  for (const s of sentences) {
    if (s.text.length < 20 || s.text.length > 600) continue;
    // mostly a direct quotation already
    const quoted = quotations.reduce((n, q) => n + Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start)), 0);
    if (quoted > s.text.length * 0.6) continue;
    const inS = sorted.filter((m) => m.start >= s.start && m.end <= s.end);
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
    const sf = !speaker ? SUBJECT_FIRST.exec(s.text) : null;
    if (sf && !/[“"]\s*$/.test(sf[1]) && wordCount(sf[3]) >= 4) {
      const subjEnd = s.start + sf[1].length;
      // the subject: the last person or organisation before the verb, with only role words, a possessive or an
      // apposition between ("Clinton, speaking in Ohio, says", "The company’s chief executive Jane Doe said")
      const cand = inS.filter((m) => m.end <= subjEnd && subjEnd - m.end <= 60 && !/[.;:“”"]/.test(text.slice(m.end, subjEnd)));
      const head = cand.length ? cand[cand.length - 1] : undefined;
      const subj = sf[1].trim();
      if (head && head.start - s.start <= 100) speaker = head;
      else if (PRONOUN.test(subj.split(/\s+/).pop() ?? '') && subj.split(/\s+/).length <= 3) {
        // "He said that …": the person named last before this sentence
        speaker = sorted.filter((m) => m.type === 'person' && m.end <= s.start).pop();
        how = 0.5;
      }
      if (speaker) {
        cStart = s.start + sf[0].length - sf[3].length;
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
          speaker = sorted.filter((m) => m.type === 'person' && m.end <= s.start).pop();
          how = 0.5;
        }
        cStart = s.start;
        cEnd = s.start + cf[1].length;
      }
    }
    if (!speaker) {
      // A sentence that quotes words inside what its subject does ("Clinton called half of Trump’s supporters
      // “deplorables.”", "He released a letter that says he has “extraordinarily good health”"): the subject's words.
      const within = quotations.filter((q) => q.start >= s.start && q.end <= s.end && !/^[\s\p{P}]*$/u.test(q.text));
      const inner = within.length > 0 && !within.some((q) => attributed.has(q.start));
      if (inner) {
        const lead = /^(?:(?:At|In|On|During|After|Before|Following)\b[^,“”"]{0,60},\s+)?/u.exec(s.text)![0];
        const first = inS.find((m) => m.start >= s.start + lead.length);
        const atStart = first && first.start - s.start - lead.length <= 12 && !/[,“”"]/.test(text.slice(s.start + lead.length, first.start));
        const pron = /^(He|She)(?:['’]s)?\s/.exec(s.text.slice(lead.length));
        if (atStart) speaker = first;
        else if (pron) {
          speaker = sorted.filter((m) => m.type === 'person' && m.end <= s.start).pop();
          how = 0.5;
        }
        if (speaker) {
          const from = atStart ? speaker.end : s.start + lead.length + pron![0].length;
          const verb = /^(?:['’]s)?[\s,]*(?:\S+\s+){0,1}/.exec(text.slice(from, s.end))![0];
          cStart = from + verb.length;
          cEnd = s.end;
          how = Math.min(how, 0.6);
        }
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
