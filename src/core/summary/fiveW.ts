import type { Actor, Evidence, FiveW, FiveWAnswer, Relation, RelationType, TimelineEntry } from '../types';
import type { Sentence } from './sentences';

const EMPTY = (): FiveWAnswer => ({ answer: '', items: [] });
const ev = (s: { start: number; end: number; text: string }): Evidence => ({ start: s.start, end: s.end, text: s.text });

/** How much a relation type says "this is what happened". */
const WEIGHT: Record<RelationType, number> = {
  meeting: 3, attack: 3, agreement: 3, call: 2.5, travel: 2, warning: 2, threat: 2, discussion: 1.5, criticism: 1.5,
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

const WHY = /\b(?:the (?:purpose|aim|goal|objective) of (?:the|this|his|her|their) (?:trip|visit|meeting|talks|move|operation|attack)\b[^.]*?\b(?:is|was)\s+|in order to\s|so as to\s|aimed at\s|in an effort to\s|in response to\s|because(?: of)?\s|due to\s|in retaliation for\s|seeking to\s|to discuss\s)/i;
const HOW = /\b(?:by (?:tele)?phone|by video(?:[- ]?link)?|via [\p{L}-]+(?: [\p{L}-]+)?|in a (?:tele)?phone call|in a video (?:call|conference)|in a (?:joint )?statement|in a letter|on (?:his|her|their|a|an) (?:[\p{L}-]+ )?(?:state|official|working|private|surprise) visit|using [\p{L}-]+(?: [\p{L}-]+)?|with (?:drones?|missiles?|rockets?|artillery)|in person)\b/iu;

export interface FiveWInput {
  sentences: readonly Sentence[];
  relations: readonly Relation[];
  actors: readonly Actor[];
  timeline: readonly TimelineEntry[];
}

/**
 * 5W1H of the main event. Each answer quotes the sentence it comes from; an answer the text does not give stays
 * empty rather than guessed.
 */
export function fiveW({ sentences, relations, actors, timeline }: FiveWInput): { fiveW: FiveW; main?: Relation } {
  const result: FiveW = { who: EMPTY(), what: EMPTY(), when: EMPTY(), where: EMPTY(), why: EMPTY(), how: EMPTY() };
  const main = mainEvent(relations, sentences);
  if (!main) return { fiveW: result };
  const sameSentence = relations.filter((r) => r.evidence.start === main.evidence.start);
  const names: string[] = [];
  for (const r of [main, ...sameSentence]) for (const p of r.participants) if (!names.includes(p.name) && p.type !== 'place') names.push(p.name);
  // Places acting as governments ("Moscow warned Jerusalem") are the who of their event when nobody else is.
  if (!names.length) for (const p of main.participants) if (!names.includes(p.name)) names.push(p.name);
  result.who = { answer: names.join(', '), items: names, evidence: ev(main.evidence) };

  const agents = main.participants.filter((p) => p.role === 'agent').map((p) => p.name);
  const targets = main.participants.filter((p) => p.role === 'target').map((p) => p.name);
  const what = `${agents.join(' and ')} ${main.verb}${targets.length ? ` ${targets.join(' and ')}` : ''}${main.content ? `: ${main.content}` : ''}`;
  result.what = { answer: what, items: [main.type], evidence: ev(main.evidence) };

  const when = main.when ?? sameSentence.find((r) => r.when)?.when;
  if (when) {
    const entry = timeline.find((t) => t.start === when.start);
    const date = when.date ?? entry?.date;
    result.when = { answer: date ? `${when.text} (${date})` : when.text, items: [when.text], evidence: ev(entry?.sentence ?? main.evidence) };
  }
  const where = main.where ?? sameSentence.find((r) => r.where)?.where;
  if (where) {
    const supporting = where.inferred ? relations.find((r) => r.type === 'travel' && r.where?.id === where.id)?.evidence ?? main.evidence : main.evidence;
    result.where = { answer: where.name, items: [where.name], evidence: ev(supporting) };
  }

  // Why and how: from sentences about the main event (its sentence, or ones naming its participants or the trip).
  const ids = new Set(main.participants.map((p) => p.id));
  const about = sentences.filter((s) => {
    if (s.kind === 'heading') return false;
    if (s.start === main.evidence.start) return true;
    if (/\b(?:trip|visit|meeting|talks|journey|operation|attack|agreement)\b/i.test(s.text)) return true;
    return actors.some((a) => ids.has(a.id) && a.mentions.some((m) => m.start >= s.start && m.end <= s.end));
  });
  for (const s of about) {
    const m = WHY.exec(s.text);
    if (!m) continue;
    let answer = s.text.slice(m.index + m[0].length).replace(/[.;!?”"’]+\s*$/u, '').trim();
    // Keep the cue where it carries meaning: "to discuss …", "in response to …", "because of …".
    if (!/(?:\bis|\bwas)\s+$/.test(m[0])) answer = `${m[0].trim()} ${answer}`;
    if (answer.length > 220) answer = `${answer.slice(0, 217).replace(/\s+\S*$/, '')}…`;
    if (answer) {
      result.why = { answer, items: [], evidence: ev(s) };
      break;
    }
  }
  for (const s of about) {
    const m = HOW.exec(s.text);
    if (!m) continue;
    result.how = { answer: m[0], items: [], evidence: ev(s) };
    break;
  }
  return { fiveW: result, main };
}

/**
 * Bottom line up front: the main event's sentence, compressed (no parentheses, no "It is important to note that"),
 * plus a second sentence when the first does not name the main actors and place.
 */
export function bluf(sentences: readonly Sentence[], main: Relation | undefined, five: FiveW): { text: string; sentences: Evidence[] } {
  const body = sentences.filter((s) => s.kind !== 'heading');
  if (!body.length) return { text: '', sentences: [] };
  const lead = main ? body.find((s) => s.start === main.evidence.start) ?? body[0] : body[0];
  const chosen: Sentence[] = [lead];
  const needed = [...five.who.items, ...five.where.items];
  const missing = (t: string) => needed.filter((n) => !mentions(t, n));
  if (missing(lead.text).length) {
    const idx = body.indexOf(lead);
    const extra = body.slice(Math.max(0, idx - 1), idx + 3).find((s) => s !== lead && missing(s.text).length < missing(lead.text).length);
    if (extra) chosen.push(extra);
  }
  chosen.sort((a, b) => a.start - b.start);
  const text = chosen.map((s) => compress(s.text)).join(' ');
  return { text, sentences: chosen.map(ev) };
}

/** "Benjamin Netanyahu" is named in a text that says "Netanyahu". */
function mentions(text: string, name: string): boolean {
  const parts = name.split(/\s+/);
  return text.includes(name) || text.includes(parts[parts.length - 1]);
}

export function compress(s: string): string {
  let t = s
    .replace(/\s*\([^()]{0,120}\)/g, '')
    .replace(/^(?:It is (?:important|worth|notable) (?:to note|noting) that|It should be noted that|Notably,)\s+/i, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (t.length > 320) t = `${t.slice(0, 317).replace(/\s+\S*$/, '')}…`;
  return t;
}
