import type { Actor, Evidence, FiveW, FiveWAnswer, Relation, RelationType, ReportDate, TimelineEntry } from '../types';
import { mainClause, stripAttribution, type Clause } from './clauses';
import { howCues, whyCues, type CueHit } from './cues';
import type { Sentence } from './sentences';
import { DATELINE_LINE } from '../text/segment';
import { lookupPlace } from './gazetteer';
import { countryOfDemonym } from '../text/lexicon';

const EMPTY = (): FiveWAnswer => ({ answer: '', items: [] });
const ev = (s: { start: number; end: number; text: string }): Evidence => ({ start: s.start, end: s.end, text: s.text });

/** How much a relation type says "this is what happened". */
const WEIGHT: Record<RelationType, number> = {
  meeting: 3, attack: 3, agreement: 3, talks: 3, arrest: 2.5, visit: 2.5, call: 2.5, travel: 2, warning: 2, threat: 2, discussion: 1.5, criticism: 1.5,
  support: 1.2, accompaniment: 1, statement: 1, other: 0.5,
};

/** The report's main event: a weighty relation early in the text. */
export function mainEvent(relations: readonly Relation[], sentences: readonly Sentence[]): Relation | undefined {
  let best: { r: Relation; score: number } | undefined;
  for (const r of relations) {
    const idx = sentences.findIndex((s) => s.start === r.evidence.start);
    const score = WEIGHT[r.type] - 0.6 * Math.max(0, idx) + (r.participants.length > 1 ? 0.5 : 0);
    if (!best || score > best.score) best = { r, score };
  }
  return best?.r;
}

export interface FiveWInput {
  sentences: readonly Sentence[];
  relations: readonly Relation[];
  actors: readonly Actor[];
  timeline: readonly TimelineEntry[];
  /** The summarised text (offsets of sentences and actors refer to it). */
  text?: string;
  /** Headline given by the caller (the first line of a plain-text report); a Markdown heading wins. */
  title?: string;
  reportDate?: ReportDate;
}

/** A dateline opening the lead: "WASHINGTON (Reuters) - ", "LONDON, 3 March 2023 — ". */
const DATELINE_PREFIX = /^([\p{Lu}][\p{Lu}.'’-]+(?:[ -][\p{Lu}][\p{Lu}.'’-]+){0,3})(?:,\s*[^—–\n]{1,40}?)?\s*(?:\([\p{L} ]{2,30}\))?\s*[-–—]{1,2}\s+/u;
const BYLINE = /^(?:by\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){1,2}|(?:updated|published|posted|last updated)\b.*|(?:photo|image|video|advertisement|read more|click here|share this|follow us)\b.*)$/u;
const NOT_PLACE = /^(?:THE|A|AN|I|WE|IT|US|UK|UN|EU|NATO|CEO)$/;

export interface Lead {
  sentence: Sentence;
  /** Offset in the sentence where the prose starts (after a byline or dateline). */
  from: number;
  /** The text's first line, short and without a full stop: a headline nobody marked as one ("Exchanges to stay shut"). */
  title?: boolean;
}

/** Headline, dateline place and the first sentences of prose (bylines, datelines and furniture skipped). */
export function readLead(sentences: readonly Sentence[], title?: string): { headline?: Sentence; dateline?: string; leads: Lead[] } {
  let headline: Sentence | undefined;
  let dateline: string | undefined;
  const leads: Lead[] = [];
  const norm = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const t = title ? norm(title) : '';
  for (const s of sentences) {
    if (leads.length >= 4) break;
    if (s.kind === 'heading') {
      if (!headline && !leads.length && s.paragraph <= 1) headline = s;
      continue;
    }
    if (!headline && !leads.length && t && norm(s.text) === t) {
      headline = s;
      continue;
    }
    // Leading lines that are furniture: a byline, a dateline.
    let from = 0;
    if (!leads.length) {
      for (;;) {
        const nl = s.text.indexOf('\n', from);
        const line = (nl < 0 ? s.text.slice(from) : s.text.slice(from, nl)).trim();
        const d = DATELINE_LINE.exec(line);
        const isDate = d && d[1].length >= 3 && !NOT_PLACE.test(d[1]);
        if (isDate && !dateline) dateline = d![1];
        if (!isDate && !(BYLINE.test(line) && line.split(/\s+/).length <= 4)) break;
        if (nl < 0) {
          from = s.text.length;
          break;
        }
        from = nl + 1;
      }
      if (from >= s.text.length) continue;
      const p = DATELINE_PREFIX.exec(s.text.slice(from));
      if (p && !NOT_PLACE.test(p[1]) && p[1].length >= 3) {
        dateline ??= p[1];
        from += p[0].length;
      }
      if (s.text.slice(from).split(/\s+/).length < 4) continue;
    }
    const title = !leads.length && !headline && s.paragraph === 0 && from === 0 && !s.text.includes('\n') && !/[.!?]["”’)]*\s*$/u.test(s.text) && s.text.split(/\s+/).length <= 20;
    leads.push({ sentence: s, from, ...(title ? { title } : {}) });
  }
  return { headline, dateline, leads };
}

const PRONOUN_SUBJECT = /^(?:he|she|it|they|we|i|you|this|that|there|these|those)$/i;
const content = (x: string) => (x.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !/^(?:the|and|for|with|from|that|this|was|were|has|have|had|said|says|will|would|after|over|its|their|his|her)$/.test(w));

interface Candidate {
  sentence: Sentence;
  base: number;
  clause: Clause;
  score: number;
  rank: number;
}

/**
 * 5W1H of the main event, in the way that works for news (Giveme5W1H's design): candidates are the main clauses of
 * the headline and the first sentences, scored by position, whether the subject names an actor (person,
 * organisation, country) and agreement with the headline; reporting verbs are attribution, so "X said (that)
 * CLAUSE" yields CLAUSE. A weighty relation (meeting, attack, agreement, call) in the chosen sentence gives who and
 * what. When and where come from that sentence, else the lead, else the dateline; why and how only from cue phrases.
 * Each answer quotes the sentence it comes from; an answer the text does not give stays empty.
 */
export function fiveW({ sentences, relations, actors, timeline, text, title, reportDate }: FiveWInput): { fiveW: FiveW; main?: Relation; mainSentence?: Sentence } {
  const result: FiveW = { who: EMPTY(), what: EMPTY(), when: EMPTY(), where: EMPTY(), why: EMPTY(), how: EMPTY() };
  const { headline, dateline, leads } = readLead(sentences, title);
  const headWords = new Set(headline ? content(headline.text) : []);
  const agentsIn = (from: number, to: number) =>
    actors.filter((a) => a.type !== 'place' || true).filter((a) => a.mentions.some((m) => m.start >= from && m.end <= to));

  // ---- candidates
  const cands: Candidate[] = [];
  leads.forEach((l, rank) => {
    const raw = l.sentence.text.slice(l.from);
    const { text: core } = stripAttribution(raw);
    const base = l.sentence.start + l.from;
    // Names the analysis found: "Norvik releases" has a verb after a name; "Tin prices fall" a plural noun.
    const isName = (a: number, b: number) => actors.some((x) => x.type !== 'group' && x.mentions.some((m) => m.start < base + b && base + a < m.end));
    const isAgent = (a: number, b: number) => actors.some((x) => (x.type === 'person' || x.type === 'organization') && x.mentions.some((m) => m.start < base + b && base + a < m.end));
    let clause = mainClause(core, 0, { headline: !!l.title, isName, isAgent });
    if (!clause) return;
    // "NATO said it was monitoring …", "Smith said he would resign": the pronoun is the speaker.
    if (clause.attributedTo && /^(?:he|she|it|they|we)$/i.test(clause.subject.text)) clause = { ...clause, subject: clause.attributedTo };
    let score = [3, 2, 1.2, 0.8][rank] ?? 0.5;
    const subj = clause.subject;
    const named = agentsIn(base + subj.start, base + subj.end);
    if (named.some((a) => a.type !== 'place')) score += 1;
    else if (named.length) score += 0.6;
    // "Cardinal X said his doctors had found …": the reported clause names no actor, so the named speaker's
    // statement is the event (chosen below); it counts as an actor's act.
    else if (clause.attributedTo && agentsIn(base + clause.attributedTo.start, base + clause.attributedTo.end).some((a) => a.type !== 'place')) score += 1;
    if (!subj.text || PRONOUN_SUBJECT.test(subj.text)) score -= 2;
    // A line that opens in lower case continues a sentence broken by the layout ("that up to 75 men are …").
    if (/^\s*["“]?\p{Ll}/u.test(raw)) score -= 2;
    if (clause.reporting) score -= 1.5;
    if (headWords.size) score += Math.min(1, content(clause.predicate.text + ' ' + subj.text).filter((w) => headWords.has(w)).length * 0.34);
    cands.push({ sentence: l.sentence, base, clause, score, rank });
  });
  cands.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const best = cands[0];

  // A weighty relation in the chosen sentence (or the first sentence when no clause was read) is the main event.
  const focus = best?.sentence ?? leads[0]?.sentence ?? sentences.find((s) => s.kind !== 'heading');
  const main = focus ? mainEvent(relations.filter((r) => r.evidence.start === focus.start), sentences) : undefined;
  const strong = main && WEIGHT[main.type] >= 2.5 && main.participants.some((p) => p.role === 'agent' && p.type !== 'place') && main.participants.some((p) => p.role === 'target');
  const fallback = !best && !strong ? mainEvent(relations, sentences) : undefined;

  /** Where the what answer starts, when it is a clause's predicate (offset in its sentence). */
  let whatAt: { sentence: Sentence; at: number } | undefined;
  if (strong || fallback) {
    const r = (strong ? main : fallback)!;
    const sameSentence = relations.filter((x) => x.evidence.start === r.evidence.start);
    const names: string[] = [];
    for (const x of [r, ...sameSentence.filter((y) => y.type === r.type)]) for (const p of x.participants) if (!names.includes(p.name) && p.type !== 'place') names.push(p.name);
    if (!names.length) for (const p of r.participants) if (!names.includes(p.name)) names.push(p.name);
    result.who = { answer: names.join(', '), items: names, evidence: ev(r.evidence) };
    const agents = r.participants.filter((p) => p.role === 'agent').map((p) => p.name);
    const targets = r.participants.filter((p) => p.role === 'target').map((p) => p.name);
    const what = `${agents.join(' and ')} ${r.verb}${targets.length ? ` ${targets.join(' and ')}` : ''}${r.content ? `: ${r.content}` : ''}`;
    result.what = { answer: what, items: [r.type], evidence: ev(r.evidence) };
  } else if (best) {
    let c = best.clause;
    const ev0 = ev(best.sentence);
    // The reported clause's subject must be an actor; otherwise the statement itself is the event ("X said the
    // budget would rise").
    if (c.attributedTo && c.reportVerb && !agentsIn(best.base + c.subject.start, best.base + c.subject.end).length && agentsIn(best.base + c.attributedTo.start, best.base + c.attributedTo.end).length) {
      const full = best.sentence.text.slice(best.base - best.sentence.start);
      const end = Math.max(c.predicate.end, c.reportVerb.end);
      c = { subject: c.attributedTo, verb: { ...c.reportVerb }, predicate: { start: c.reportVerb.start, end, text: full.slice(c.reportVerb.start, end) }, reporting: true };
    }
    const from = best.base + c.subject.start;
    const named = agentsIn(from, best.base + c.subject.end).filter((a) => a.type !== 'place' || !/^(?:in|at|on)\b/i.test(c.subject.text));
    const who = c.subject.text.split(/\s+/).length <= 8 || !named.length ? c.subject.text : named.map((a) => a.name).join(', ');
    result.who = { answer: who, items: named.length ? named.map((a) => a.name) : [who], evidence: ev0 };
    const type = c.reporting ? 'statement' : verbType(c.verb.text);
    whatAt = { sentence: best.sentence, at: best.base + c.predicate.start - best.sentence.start };
    result.what = { answer: c.predicate.text, items: [type], evidence: ev0 };
  }

  // ---- when: the chosen sentence, then the lead and headline, then the dateline's date
  const evStart = result.what.evidence?.start ?? focus?.start;
  // "lowest since 1999", "not seen since March 1991": the start of a comparison, not when the event happened.
  const since = (t: TimelineEntry) => !!text && /\b(?:since|as of)\s+(?:(?:early|mid|late|the end of|the start of)\s+)?$/i.test(text.slice(Math.max(0, t.start - 24), t.start));
  const inSentence = (s: { start: number; end: number }) => timeline.filter((t) => t.start >= s.start && t.end <= s.end && t.date && t.type === 'date' && !since(t));
  const verbAt = best && !strong ? best.base + best.clause.verb.start : evStart ?? 0;
  const whenSources: { start: number; end: number; text: string }[] = [];
  const evSentence = sentences.find((s) => s.start === evStart);
  if (evSentence) whenSources.push(evSentence);
  for (const l of leads.slice(0, 2)) if (!whenSources.includes(l.sentence)) whenSources.push(l.sentence);
  if (headline) whenSources.push(headline);
  const relWhen = strong ? main?.when : undefined;
  let picked: TimelineEntry | undefined = relWhen?.start !== undefined ? timeline.find((t) => t.start === relWhen.start) : undefined;
  for (const s of whenSources) {
    if (picked) break;
    const hits = inSentence(s).filter((t) => t.granularity !== 'year' || s === evSentence);
    if (hits.length) picked = [...hits].sort((a, b) => Math.abs(a.start - verbAt) - Math.abs(b.start - verbAt))[0];
  }
  if (picked?.date) {
    result.when = { answer: `${picked.text} (${picked.date})`, items: [picked.text], evidence: ev(picked.sentence) };
  } else if (relWhen) {
    result.when = { answer: relWhen.date ? `${relWhen.text} (${relWhen.date})` : relWhen.text, items: [relWhen.text], evidence: ev(main!.evidence) };
  } else if (reportDate?.date && reportDate.source !== 'none' && reportDate.source !== 'fallback' && (result.what.answer || dateline)) {
    // The dateline (or the date the caller gave) dates a report that names no day for its event.
    const e = reportDate.start !== undefined && reportDate.text && text?.slice(reportDate.start, reportDate.end) === reportDate.text ? { start: reportDate.start, end: reportDate.end!, text: reportDate.text } : undefined;
    result.when = { answer: reportDate.date, items: [reportDate.date], ...(e ? { evidence: e } : {}) };
  }

  // ---- where: the event sentence's "in/at <place>", the relation's place, the dateline, any place in the lead
  const places = actors.filter((a) => a.type === 'place');
  // A name the tagger typed as a place is where only when it reads as one: the gazetteer knows it, a country or
  // state follows it ("Porto, Portugal"), it ends in a place word ("Lisbon Airport"), or "in"/"at" stands right
  // before it. Never inside an organisation's or product's name ("Oman" of "Oman Air"), never a name the text
  // also gives a company ("its northern unit, Lumen"), a product ("the Corvan") or a people's adjective.
  const others = actors.filter((a) => a.type !== 'place');
  // `placed`: the sentence itself puts the name where a place goes (the object of "visited", "entered").
  const readsAsPlace = (a: Actor, m: { start: number; end: number }, before: string, placed = false) => {
    if (!text) return true;
    if (others.some((o) => o.mentions.some((x) => x.start < m.end && m.start < x.end))) return false;
    if (countryOfDemonym(a.name.replace(/^(?:North|South|East|West|Central|Latin)\s+/, '')) && !lookupPlace(a.name).kind) return false;
    // "the group Human Rights in China said": an organisation's name that goes on with "in <place>" (not a venue
    // "at the Harbour Expo in Bergen", where the place says where the venue is).
    const orgGoesOn = (x: { start: number; end: number }) =>
      /^\s+in\s+$/.test(text.slice(x.end, m.start)) && /^\p{Lu}/u.test(text.slice(x.start, x.end)) && /[\p{L}]\s+$/u.test(text.slice(Math.max(0, x.start - 2), x.start)) &&
      !/\b(?:at|in|to|into|from|near|outside|inside|of|by)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, x.start - 12), x.start));
    if (others.some((o) => o.type === 'organization' && o.mentions.some(orgGoesOn))) return false;
    if (placed) return true;
    if (lookupPlace(a.name).kind || /\b(?:Airport|Cent(?:er|re)|Court|Street|Square|Park|Bridge|Port|Harbou?r|Station|Hall|Palace|House|Building|Stadium|Base|Province|Region|Island|Islands|Mountains?|River|Sea|Ocean|Gulf|Bay|Valley|County|State|City|Coast|Strait)$/u.test(a.name)) return true;
    if (/^,\s*\p{Lu}[\p{L}]+/u.test(text.slice(m.end, m.end + 30))) return true;
    return /\b(?:(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}|(?:state|province|region|town|city|village|port|county|district) of\s+)$/u.test(before);
  };
  const placeIn = (s: { start: number; end: number }, cue: boolean) => {
    for (const a of places) {
      if (COMPASS.test(a.name)) continue;
    for (const m of a.mentions) {
        if (m.start < s.start || m.end > s.end || !text) continue;
        const before = text.slice(Math.max(s.start, m.start - 40), m.start);
        // "Lisbon-based": a place that qualifies a noun is not where the event is.
        if (/^-based\b/.test(text.slice(m.end, m.end + 6))) continue;
        if (!readsAsPlace(a, m, before)) continue;
        if (!cue || /\b(?:in|at|near|outside|inside|from|to)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/u.test(before)) return { a, m };
      }
    }
    return undefined;
  };
  const whereSentence = evSentence ?? focus;
  // The relation's place, unless it is part of another name ("Human Rights in China").
  const relWhere0 = (strong ? main : undefined)?.where;
  const relPlace = relWhere0?.start !== undefined ? places.find((a) => a.id === relWhere0.id || a.name === relWhere0.name) : undefined;
  const relWhere = relWhere0 && relPlace && text && relWhere0.end !== undefined && !readsAsPlace(relPlace, { start: relWhere0.start!, end: relWhere0.end }, '', true) ? undefined : relWhere0;
  // The place the main verb goes into or acts on ("will visit Yugoslavia", "troops entered northern Iraq",
  // "shelled Arbil"): the event is there, wherever the report was filed.
  const reached = best && whereSentence === best.sentence && text ? placeOfVerb(best, places, text, readsAsPlace) : undefined;
  // The next sentence tells the same act again with its place ("Police have detained 26 men …" / "They said police
  // arrested the men in the eastern province of X …"): that place is the event's, before the dateline.
  const restated = () => {
    if (!best || whereSentence !== best.sentence || !text) return undefined;
    const cls = ACT_CLASSES.find((re) => re.test(best.clause.verb.text.split(/\s+/).pop() ?? ''));
    if (!cls) return undefined;
    const bodyS = sentences.filter((x) => x.kind !== 'heading');
    const s = bodyS[bodyS.indexOf(best.sentence) + 1];
    if (!s || /^\s*["“]/.test(s.text)) return undefined;
    for (const w of s.text.matchAll(/[\p{L}]+/gu)) {
      if (!cls.test(w[0])) continue;
      const from = s.start + w.index! + w[0].length;
      const p = placeIn({ start: from, end: Math.min(s.end, from + 80) }, true);
      // Where the act happened ("in", "at", "near"), not where someone is sent ("envoy to X") or comes from.
      if (p && !/[,;:]/.test(text.slice(from, p.m.start)) && /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu.test(text.slice(from, p.m.start))) return { p, s };
    }
    return undefined;
  };
  const cued = reached ?? (whereSentence ? placeIn(whereSentence, true) : undefined);
  if (relWhere) {
    result.where = { answer: relWhere.name, items: [relWhere.name], evidence: ev(main!.evidence) };
  } else if (cued) {
    result.where = { answer: cued.a.name, items: [cued.a.name], evidence: ev(whereSentence!) };
  } else if (restated()) {
    const r = restated()!;
    result.where = { answer: r.p.a.name, items: [r.p.a.name], evidence: ev(r.s) };
  } else if (dateline) {
    const ds = sentences.find((s) => s.text.replace(/\s+/g, ' ').startsWith(dateline));
    result.where = { answer: dateline, items: [dateline], ...(ds ? { evidence: ev(ds) } : {}) };
  } else {
    const any = (whereSentence && placeIn(whereSentence, false)) ?? leads.map((l) => placeIn(l.sentence, false)).find(Boolean) ?? (headline && placeIn(headline, false));
    if (any) {
      const s = sentences.find((x) => x.start <= any.m.start && any.m.end <= x.end)!;
      result.where = { answer: any.a.name, items: [any.a.name], evidence: ev(s) };
    }
  }

  // ---- why and how: cue phrases in the event sentence, then the lead sentences, then sentences about the trip
  if (!result.what.answer) return { fiveW: result, main: strong ? main : fallback, mainSentence: focus };
  const ids = new Set(main?.participants.map((p) => p.id) ?? []);
  const about: Sentence[] = [];
  if (evSentence) about.push(evSentence);
  for (const l of leads) if (!about.includes(l.sentence)) about.push(l.sentence);
  for (const s of sentences) {
    if (s.kind === 'heading' || about.includes(s)) continue;
    if (/\b(?:purpose|aim|goal) of (?:the|this|his|her|their) (?:trip|visit|meeting|talks)\b/i.test(s.text)) about.push(s);
    else if (ids.size && /\b(?:trip|visit|meeting|talks|journey)\b/i.test(s.text) && actors.some((a) => ids.has(a.id) && a.mentions.some((m) => m.start >= s.start && m.end <= s.end))) about.push(s);
  }
  const quoted = (s: Sentence, at: number) => (text ? insideQuote(text, s.start, s.start + at) : insideQuotes(s.text, at));
  // A cause stated later, in a sentence about who ("… in response to attacks on …"), comes after the lead.
  // About who: names one of them, by name or by another of its mentions ("U.S." for the United States).
  const whoActors = actors.filter((a) => result.who.items.includes(a.name));
  const aboutWho = (s: Sentence) =>
    result.who.items.some((n) => n && mentions(s.text, n)) || whoActors.some((a) => a.mentions.some((m) => m.start >= s.start && m.end <= s.end));
  const body = sentences.filter((s) => s.kind !== 'heading' && s !== headline);
  // The headline states the main event in short, so a cue in it ("… ahead of cabinet meeting", "… over census")
  // is the event's own: it comes right after the event's sentence. Only its causes count: a headline's "to" is a
  // future ("Group to bid for …") or a complement ("say no reason to reopen …").
  // No cue: the background the report gives right after its lead, in the past perfect ("X said the men had been
  // plotting …", "Y had been critically ill"), is what led to the event. Only in the two sentences of prose after
  // the event's, never inside a quotation.
  const background = (): FiveWAnswer | undefined => {
    if (!evSentence || !text) return undefined;
    const i = body.indexOf(evSentence);
    const next = body.slice(i + 1).filter((s) => !/^\s*["“]/.test(s.text) && !insideQuote(text, s.start, s.start)).slice(0, 2);
    for (const s of next) {
      // The source speaks now ("X said"), not of what was said before ("reports had said").
      const m = /^(?:(?:(?!had\b)[\p{L}'’.-]+\s+){1,5}(?:said|says|reported|added)\s+(?:(?:on\s+)?\p{Lu}\p{Ll}+day\s+)?(?:that\s+)?)?((?:(?!(?:had|said|says|told|reported)\b)[\p{L}'’.-]+\s+){1,6}had\s+(?:been\s+)?(?:\p{Ll}+ly\s+)?(?!(?:said|told|reported|stated|added|claimed|announced|quoted)\b)\p{Ll}+(?:ed|en|wn|ng|lt|pt|ft|ld|id|ht|ll|ck)\b[^;:]*)/u.exec(s.text);
      if (!m || quoted(s, m.index + m[0].length - m[1].length)) continue;
      const answer = m[1].split(/,\s+(?:but|and|while|although|who|which)\s|\s+but\s+|[.!?]\s*$/)[0].replace(/[.,;\s]+$/, '');
      if (answer.split(/\s+/).length < 4 || answer.split(/\s+/).length > 24) continue;
      return { answer, items: [], evidence: ev(s) };
    }
    return undefined;
  };
  const whyPool = [...about];
  if (headline) whyPool.splice(evSentence ? 1 : 0, 0, headline);
  for (const s of body.slice(0, 10)) if (!whyPool.includes(s) && aboutWho(s)) whyPool.push(s);
  // A why that only says the event again ("Exchanges to stay shut": "to stay shut until Friday") is none.
  // A purpose cue that opens the predicate itself (or follows its first word: "plans to close") restates what.
  const predAt = whatAt === undefined ? undefined : { sentence: whatAt.sentence, from: whatAt.at, to: whatAt.at + (/^\S+\s*/.exec(result.what.answer)?.[0].length ?? 0) };
  const restates = (s: Sentence, h: CueHit) => h.kind === 'purpose' && !!predAt && s === predAt.sentence && h.at >= predAt.from && h.at <= predAt.to;
  result.why = cueAnswer(whyPool, whyCues, quoted, (s, h) => (s === headline || leads.some((l) => l.title && l.sentence === s) ? h.kind === 'cause' || h.kind === 'circumstance' : about.includes(s) || h.rank <= 1) && !restates(s, h)) ?? background() ?? EMPTY();
  // How: the event's sentence, the lead and the trip's sentences state the means; a channel ("in a statement",
  // "told a news conference") counts in the first sentences when its sentence is about who (the speaker is the
  // actor of the event), not another speaker's "told reporters".
  const firstIdx = evSentence ? Math.max(0, body.indexOf(evSentence)) : 0;
  const howPool = [...about];
  const leadSet = new Set(leads.slice(0, 3).map((l) => l.sentence));
  // The event is reported by a source ("…, a rights activist said"): that source's channel, stated in the next
  // sentences ("said in an interview", "in a statement carried by …"), is how it was made known.
  const reported = !!evSentence && /\b(?:said|says|told|according to|quoted|reported|announced)\b/i.test(evSentence.text);
  for (const s of body.slice(0, Math.max(8, firstIdx + 4))) if (!howPool.includes(s)) howPool.push(s);
  result.how =
cueAnswer(howPool, howCues, quoted, (s, h) => s === evSentence || aboutWho(s) || (h.kind === 'means' ? about.includes(s) : h.rank < 3 && (reported || leadSet.has(s)))) ?? EMPTY();
  return { fiveW: result, main: strong ? main : fallback, mainSentence: focus };
}

/** Verbs whose object is the place the act happens in: going into it, touring it, striking it. */
const INTO_PLACE = /^(?:(?:visit|enter|tour|reach|storm|raid|shell|bomb|attack|land|return|travel|travell|march|sail|push|pour|roll|head|arriv|invad|advanc|mov|captur|seiz|cross|occup(?:y|ie|i))(?:s|es|ed|d|e|ing)?|struck|strike|strikes|hit|hits|flew|fly|flies|went|go|goes|came|come|comes|swept|sweep|sweeps|drove|drive|drives|overr[au]n|overruns)$/i;

/**
 * The place the main verb takes as its object or as the goal of a preposition ("visited Ankara", "flew to
 * Lisbon", "entered the northern town of Koro"): a place typed by the analysis, right after the verb (a
 * preposition, an article and up to three modifiers between), in the main clause.
 */
function placeOfVerb(
  best: { base: number; sentence: Sentence; clause: Clause },
  places: readonly Actor[],
  text: string,
  readsAsPlace: (a: Actor, m: { start: number; end: number }, before: string, placed?: boolean) => boolean,
): { a: Actor; m: { start: number; end: number } } | undefined {
  const { clause } = best;
  if (clause.reporting) return undefined;
  const verb = clause.verb.text.split(/\s+/).pop() ?? '';
  if (!INTO_PLACE.test(verb)) return undefined;
  const from = best.base + clause.verb.end;
  const to = best.base + Math.max(clause.predicate.end, clause.verb.end);
  for (const a of places) {
    if (COMPASS.test(a.name)) continue;
    for (const m of a.mentions) {
      if (m.start < from || m.end > to + 40) continue;
      const gap = text.slice(from, m.start);
      if (!/^\s+(?:(?:in|into|to|at|on|onto|towards?|inside|through|across)\s+)?(?:the\s+)?(?:(?!(?:and|or|but|after|before|with|for|from|of|by|as|which|who|that|when)\b)[\p{L}-]+\s+){0,3}(?:(?:town|city|village|port|province|region|capital|state|island|district|county) of\s+)?$/iu.test(gap)) continue;
      // Without a preposition the verb must take a place as its object ("visited", not "returned").
      if (!/\b(?:into|to|in|at|onto|towards?)\s/i.test(gap) && !TAKES_PLACE.test(verb)) continue;
      if (!readsAsPlace(a, m, text.slice(Math.max(best.sentence.start, m.start - 40), m.start), true)) continue;
      return { a, m };
    }
  }
  return undefined;
}

const TAKES_PLACE = /^(?:(?:visit|enter|tour|reach|storm|raid|shell|bomb|attack|invad|captur|seiz|cross|occup(?:y|ie|i))(?:s|es|ed|d|e|ing)?|struck|strike|strikes|hit|hits|overr[au]n|overruns)$/i;

/** Verbs of one kind of act, for telling the same act again in other words ("detained" … "arrested"). */
const ACT_CLASSES = [
  /^(?:arrest|detain|captur|seiz|apprehend|recaptur|nabb?|catch|caught|held|hold|holds|round)(?:s|es|ed|d|e|ing)?$/i,
  /^(?:kill|shot|shoot|murder|slay|slain|stabb?)(?:s|ed|ing)?$/i,
  /^(?:attack|bomb|shell|raid|struck|strike|storm|fir(?:e|ed|es|ing))(?:s|ed|ing)?$/i,
  /^(?:met|meet|meets|meeting|talks?|talked)$/i,
];

/** A bare point of the compass ("in the South") names no place one could put on a map. */
const COMPASS = /^(?:the\s+)?(?:North|South|East|West|North-?east|North-?west|South-?east|South-?west)$/i;

/** The first sentence (in the order given) with a cue; in it, the strongest cue, then the earliest. */
function cueAnswer(
  pool: readonly Sentence[],
  find: (s: string, accept: (h: CueHit) => boolean) => CueHit[],
  quoted: (s: Sentence, at: number) => boolean,
  keep: (s: Sentence, h: CueHit) => boolean = () => true,
): FiveWAnswer | undefined {
  for (const s of pool) {
    // Words inside a quotation are the speaker's; only an explicit "the purpose of the trip is" counts there.
    const accept = (h: CueHit) => (h.kind === 'purpose-stated' || !quoted(s, h.at)) && keep(s, h);
    const hits = find(s.text, accept).filter(accept);
    if (!hits.length) continue;
    const best = hits.sort((a, b) => a.rank - b.rank || a.at - b.at)[0];
    return { answer: best.answer, items: [], evidence: ev(s) };
  }
  return undefined;
}

/** Inside a quotation opened earlier in the paragraph. */
function insideQuote(text: string, from: number, at: number): boolean {
  let open = false;
  let straight = false;
  for (let p = text.lastIndexOf('\n', from) + 1; p < at; p++) {
    const c = text[p];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') {
      // A straight quote after a comma or stop closes ('… less," he told'), and so does one the attribution
      // follows ('… less, "a composed Bernardin told', '"Aziz said'); before a letter it opens.
      const next = text.slice(p + 1, p + 60);
      if (/[,.!?]/.test(text[p - 1] ?? '') || /^\s?(?:(?:a|an|the)\s+)?(?:[\p{L}.'’-]+\s+){0,3}(?:said|says|told|added|asked|declared)\b/u.test(next) || (/[,.!?]\s$/.test(text.slice(p - 2, p)) && /^\p{Ll}/u.test(next))) straight = false;
      else if (/[\p{L}\p{N}'‘]/u.test(text[p + 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[p - 1] ?? '')) straight = true;
      else straight = !straight;
    }
  }
  return open || straight;
}

function insideQuotes(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return curly > 0 || (before.match(/"/g) ?? []).length % 2 === 1;
}

const VERB_CLASSES: [RelationType, RegExp][] = [
  ['meeting', /\b(?:met|meet|meets|meeting|hosted|received|talks)\b/i],
  ['call', /\b(?:phoned|called)\b/i],
  ['travel', /\b(?:visit(?:s|ed)?|arrived?|arrives|travell?ed|flew|returned)\b/i],
  ['attack', /\b(?:attack(?:s|ed)?|struck|bombed|shelled|raided|invaded|killed|shot|fired)\b/i],
  ['agreement', /\b(?:agreed?|agrees|signed?|signs)\b/i],
  ['warning', /\bwarn(?:s|ed)?\b/i],
  ['threat', /\bthreaten(?:s|ed)?\b/i],
  ['criticism', /\b(?:criticis|criticiz|condemn|denounc|accus|blam)/i],
  ['support', /\b(?:support|back|endors)/i],
  ['discussion', /\b(?:discuss|negotiat)/i],
];
function verbType(v: string): RelationType {
  return VERB_CLASSES.find(([, re]) => re.test(v))?.[0] ?? 'other';
}

/**
 * Bottom line up front: the main event's sentence (the lead), cleaned of datelines, furniture and hard line breaks,
 * plus a second sentence when the first does not name the main actors and place; the headline, when the report
 * has one, is given beside it.
 */
export function bluf(
  sentences: readonly Sentence[],
  main: Relation | undefined,
  five: FiveW,
  focus?: Sentence,
  title?: string,
): { text: string; sentences: Evidence[]; headline?: string } {
  const { headline, leads } = readLead(sentences, title);
  const body = sentences.filter((s) => s.kind !== 'heading' && s !== headline);
  if (!body.length) return { text: '', sentences: [] };
  const leadOf = (s: Sentence) => leads.find((l) => l.sentence === s);
  const first = leads[0]?.sentence ?? body[0];
  const lead = (main ? body.find((s) => s.start === main.evidence.start) : undefined) ?? (focus && body.includes(focus) ? focus : undefined) ?? first;
  const chosen: Sentence[] = [lead];
  const needed = [...five.who.items, ...five.where.items];
  const missing = (t: string) => needed.filter((n) => !mentions(t, n));
  if (missing(lead.text).length) {
    const idx = body.indexOf(lead);
    const extra = body.slice(Math.max(0, idx - 1), idx + 3).find((s) => s !== lead && leadOf(s) !== undefined && missing(s.text).length < missing(lead.text).length);
    if (extra) chosen.push(extra);
  }
  chosen.sort((a, b) => a.start - b.start);
  const text = chosen.map((s) => compress(s.text.slice(leadOf(s)?.from ?? 0))).join(' ');
  const out: { text: string; sentences: Evidence[]; headline?: string } = { text, sentences: chosen.map(ev) };
  if (headline) out.headline = compress(headline.text).replace(/[.]$/, '');
  return out;
}

/** "Benjamin Netanyahu" is named in a text that says "Netanyahu". */
function mentions(text: string, name: string): boolean {
  const parts = name.split(/\s+/);
  return text.includes(name) || text.includes(parts[parts.length - 1]);
}

export function compress(s: string): string {
  let t = s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^\s*\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg|CNN)\)\s*[-–—]+\s*/i, '')
    .replace(/\s*\([^()]{0,120}\)/g, '')
    .replace(/^(?:It is (?:important|worth|notable) (?:to note|noting) that|It should be noted that|Notably,)\s+/i, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length > 320) t = `${t.slice(0, 317).replace(/\s+\S*$/, '')}…`;
  return t;
}
